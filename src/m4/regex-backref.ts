// Searching a pattern with back-references (\1..\9). Which texts a group captured now matters
// for whether the match succeeds, so instead of sets of nodes we explore states that carry the
// captures (only of the groups referred back to), keeping for each its predecessors: that gives
// the valid ends and which nodes lie on a valid path. The registers then come from gnulib's walk
// in its backtracking form (a fail stack of untaken branches, as set_regs does with references).
import {
  type MatchResult,
  type WalkRegisters,
  Machine,
  copyRegisters,
  finishRegisters,
  updateRegisters,
} from './regex-machine.js';
import { NodeType, isEpsilon } from './regex-program.js';

interface State {
  node: number;
  pos: number;
  /** Capture start/end per group (absolute), -1 unset. */
  so: number[];
  eo: number[];
}

/** Every state reachable from the start, with predecessor links. */
class StateGraph {
  readonly states: State[] = [];
  readonly predecessors: number[][] = [];
  readonly ends = new Set<number>();
  private readonly ids = new Map<string, number>();
  private readonly referenced: number[];

  constructor(
    private readonly m: Machine,
    start: number,
  ) {
    const groups = m.program.groups;
    this.referenced = [
      ...new Set(m.program.nodes.filter((n) => n.type === NodeType.BackRef).map((n) => n.group)),
    ];
    const none = new Array<number>(groups).fill(-1);
    this.add(m.program.init, start, none, none, -1);
    for (let i = 0; i < this.states.length; i++) this.expand(i);
  }

  private add(node: number, pos: number, so: number[], eo: number[], from: number): void {
    const info = this.m.program.nodes[node];
    if (info.type === NodeType.Open) {
      so = so.slice();
      eo = eo.slice();
      so[info.group] = pos;
      eo[info.group] = -1;
    } else if (info.type === NodeType.Close) {
      eo = eo.slice();
      eo[info.group] = pos;
    }
    const key = `${node},${pos},${this.referenced.map((g) => `${so[g]}:${eo[g]}`).join(',')}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.states.length;
      this.ids.set(key, id);
      this.states.push({ node, pos, so, eo });
      this.predecessors.push([]);
    }
    if (from >= 0) this.predecessors[id].push(from);
  }

  private expand(id: number): void {
    const { node, pos, so, eo } = this.states[id];
    const m = this.m;
    const info = m.program.nodes[node];
    if (info.type === NodeType.End) {
      this.ends.add(pos);
    } else if (isEpsilon(info.type)) {
      if (m.passes(node, pos)) for (const d of info.edests) this.add(d, pos, so, eo, id);
    } else if (info.type === NodeType.BackRef) {
      const from = so[info.group];
      const to = eo[info.group];
      if (from < 0 || to < from) return;
      const length = to - from;
      const text = m.subject.text;
      if (pos + length > m.n || text.slice(from, to) !== text.slice(pos, pos + length)) return;
      this.add(info.next, pos + length, so, eo, id);
    } else {
      const length = m.accept(node, pos);
      if (length > 0) this.add(info.next, pos + length, so, eo, id);
    }
  }

  /** For each position from start to end, the nodes on some valid path that ends at `end`. */
  viableTowards(start: number, end: number): Uint8Array[] {
    const size = this.m.program.nodes.length;
    const viable = Array.from({ length: end - start + 1 }, () => new Uint8Array(size));
    const seen = new Uint8Array(this.states.length);
    const stack: number[] = [];
    this.states.forEach((s, i) => {
      if (s.node === this.m.program.end && s.pos === end) stack.push(i);
    });
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen[id]) continue;
      seen[id] = 1;
      const s = this.states[id];
      viable[s.pos - start][s.node] = 1;
      for (const p of this.predecessors[id]) stack.push(p);
    }
    return viable;
  }
}

interface Choice {
  idx: number;
  node: number;
  regs: WalkRegisters;
  prev: WalkRegisters;
  passed: Set<number>;
}

/** gnulib's set_regs with its fail stack (used when the pattern has forks). */
function walkWithBacktracking(m: Machine, start: number, end: number, viable: Uint8Array[]) {
  const program = m.program;
  const nodes = program.nodes;
  const hasForks = nodes.some((n) => n.type === NodeType.Alt || n.type === NodeType.Star);
  const failStack: Choice[] | undefined = hasForks ? [] : undefined;
  let regs: WalkRegisters = {
    so: new Array(program.groups + 1).fill(-1),
    eo: new Array(program.groups + 1).fill(-1),
  };
  regs.so[0] = 0;
  regs.eo[0] = end - start;
  let prev = copyRegisters(regs);
  let node = program.init;
  let idx = start;
  let passed = new Set<number>();
  const isViable = (at: number, n: number): boolean => at <= end && viable[at - start][n] === 1;
  const pop = (): boolean => {
    const choice = failStack?.pop();
    if (!choice) return false;
    ({ idx, node, regs, prev, passed } = choice);
    return true;
  };

  /** One step of proceed_next_node; returns the next node or -1. */
  const proceed = (): number => {
    const info = nodes[node];
    if (isEpsilon(info.type)) {
      passed.add(node);
      let dest = -1;
      for (const candidate of info.edests) {
        if (!isViable(idx, candidate)) continue;
        if (dest === -1) {
          dest = candidate;
          continue;
        }
        if (passed.has(dest)) return candidate;
        failStack?.push({
          idx,
          node: candidate,
          regs: copyRegisters(regs),
          prev: copyRegisters(prev),
          passed: new Set(passed),
        });
        break;
      }
      return dest;
    }
    let length: number;
    if (info.type === NodeType.BackRef) {
      const r = info.group + 1;
      length = regs.eo[r] - regs.so[r];
      if (failStack) {
        if (regs.so[r] === -1 || regs.eo[r] === -1) return -1;
        if (length !== 0) {
          const text = m.subject.text;
          const from = regs.so[r] + start;
          if (m.n - idx < length || text.slice(from, from + length) !== text.slice(idx, idx + length))
            return -1;
        }
      }
      if (length === 0) {
        passed.add(node);
        const dest = info.edests[0];
        return isViable(idx, dest) ? dest : -1;
      }
    } else {
      length = m.accept(node, idx);
      if (length === 0) return -1;
    }
    idx += length;
    const dest = info.next;
    if (failStack && !isViable(idx, dest)) return -1;
    passed.clear();
    return dest;
  };

  while (idx <= end) {
    ({ regs, prev } = updateRegisters(m, node, idx - start, regs, prev));
    if ((idx === end && node === program.end) || passed.has(node)) {
      // Done, unless a group was left open and another branch remains to be tried.
      const open = regs.so.some((so, r) => so > -1 && regs.eo[r] === -1);
      if (!(failStack && open && pop())) break;
    }
    const next = proceed();
    if (next >= 0) {
      node = next;
    } else if (!pop()) {
      return undefined;
    }
  }
  return finishRegisters(program, regs, start);
}

/** re_search for a pattern with back-references, from byte offset `from`. */
export function findBackRefMatch(m: Machine, from: number, wantRegisters: boolean): MatchResult | undefined {
  for (let start = from; start <= m.n; start++) {
    if (!m.canStartAt(start)) continue;
    const graph = new StateGraph(m, start);
    if (graph.ends.size === 0) continue;
    const end = Math.max(...graph.ends);
    if (!wantRegisters) return { start, end, registers: { start: [start], end: [end] } };
    const registers = walkWithBacktracking(m, start, end, graph.viableTowards(start, end));
    if (!registers) return undefined;
    return { start, end, registers };
  }
  return undefined;
}
