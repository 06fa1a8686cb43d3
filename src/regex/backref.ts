// Searching a pattern with back-references (\1..\9). Which texts a group captured now matters
// for whether the match succeeds, so instead of sets of nodes we explore states that carry the
// captures (only of the groups referred back to), keeping for each its predecessors: that gives
// the valid ends and which nodes lie on a valid path. The registers then come from gnulib's walk
// in its backtracking form (a fail stack of untaken branches, as set_regs does with references).
import { type MatchResult, Machine, WalkRegisters } from './machine.js';
import { NodeType, isEpsilon } from './program.js';

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
  readonly successors: number[][] = [];
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
    if (m.present(m.program.init, start)) this.add(m.program.init, start, none, none, -1);
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
    if (from >= 0) {
      this.predecessors[id].push(from);
      (this.successors[from] ??= []).push(id);
    }
  }

  private expand(id: number): void {
    const { node, pos, so, eo } = this.states[id];
    const m = this.m;
    const info = m.program.nodes[node];
    if (info.type === NodeType.End) {
      return;
    } else if (isEpsilon(info.type)) {
      for (const d of info.edests) if (m.present(d, pos)) this.add(d, pos, so, eo, id);
    } else if (info.type === NodeType.BackRef) {
      if (!m.nextOk(node, pos)) return;
      const from = so[info.group];
      const to = eo[info.group];
      if (from < 0 || to < from) return;
      const length = to - from;
      const text = m.subject.text;
      if (pos + length > m.n || text.slice(from, to) !== text.slice(pos, pos + length)) return;
      // An empty reference moves like an epsilon (to a clone, if the node is one); else to next.
      const target = length === 0 ? info.edests[0] : info.next;
      if (m.present(target, pos + length)) this.add(target, pos + length, so, eo, id);
    } else {
      const length = m.accept(node, pos);
      if (length > 0 && m.present(info.next, pos + length)) this.add(info.next, pos + length, so, eo, id);
    }
  }

  /** Where each reference node may lead from a position, on some explored path: [position, node]. */
  references(): Map<string, [number, number][]> {
    const nodes = this.m.program.nodes;
    const out = new Map<string, [number, number][]>();
    this.states.forEach((state, id) => {
      if (nodes[state.node].type !== NodeType.BackRef) return;
      for (const successor of this.successors[id] ?? []) {
        const target = this.states[successor];
        const key = `${state.node},${state.pos}`;
        const list = out.get(key) ?? [];
        list.push([target.pos, target.node]);
        out.set(key, list);
      }
    });
    return out;
  }
}

type References = Map<string, [number, number][]>;

/**
 * gnulib's state log for a start: at each position the union of the epsilon closures of what
 * arrived there (by consuming nodes, and by references), less nodes whose context fails. At the
 * start, a reference whose group's end is also there may match empty, so what follows it joins.
 */
function looseStates(m: Machine, start: number, references: References): Uint8Array[] {
  const { nodes, eclosures, init } = m.program;
  const size = nodes.length;
  const states: Uint8Array[] = [];
  const seeds: number[][] = [[init]];
  const initial = new Set(eclosures[init]);
  for (let changed = true; changed;) {
    changed = false;
    for (const b of [...initial]) {
      if (nodes[b].type !== NodeType.BackRef) continue;
      const closes = [...initial].some(
        (c) => nodes[c].type === NodeType.Close && nodes[c].group === nodes[b].group,
      );
      const after = nodes[b].edests[0];
      if (closes && !initial.has(after)) {
        for (const x of eclosures[after]) initial.add(x);
        changed = true;
      }
    }
  }
  for (let p = start; p <= m.n; p++) {
    const here = new Uint8Array(size);
    // Closures of what arrived, and of what empty references lead to at this same position.
    const work = p === start ? [...initial] : (seeds[p - start] ?? []).flatMap((seed) => eclosures[seed]);
    let any = false;
    while (work.length > 0) {
      const node = work.pop()!;
      if (here[node] || !m.present(node, p)) continue;
      here[node] = 1;
      any = true;
      if (nodes[node].type !== NodeType.BackRef) continue;
      for (const [at, target] of references.get(`${node},${p}`) ?? []) {
        if (at === p) work.push(...eclosures[target]);
        else (seeds[at - start] ??= []).push(target);
      }
    }
    states.push(here);
    if (!any && seeds.slice(p - start + 1).every((list) => !list || list.length === 0)) break;
    for (let node = 0; node < size; node++) {
      const type = nodes[node].type;
      if (!here[node] || isEpsilon(type) || type === NodeType.End || type === NodeType.BackRef) continue;
      const length = m.accept(node, p);
      if (length > 0) (seeds[p + length - start] ??= []).push(nodes[node].next);
    }
  }
  return states;
}

/**
 * gnulib's sifted states: the logged nodes from which the end node `last` at `end` can still be
 * reached by consuming nodes and epsilon closures, a reference counting as reaching what it
 * leads to.
 */
function siftTowards(
  m: Machine,
  logged: Uint8Array[],
  references: References,
  start: number,
  end: number,
  last: number,
): Uint8Array[] {
  const { nodes, eclosures } = m.program;
  const size = nodes.length;
  const sifted: Uint8Array[] = new Array(end - start + 1);
  const keepSources = (p: number, keep: Uint8Array): void => {
    const here = logged[p - start];
    for (let node = 0; node < size; node++) {
      if (here[node] && !keep[node] && eclosures[node].some((d) => keep[d] === 2)) keep[node] = 1;
    }
  };
  const keepReferences = (p: number, keep: Uint8Array): void => {
    for (let node = 0; node < size; node++) {
      if (keep[node] === 2 || !logged[p - start][node] || nodes[node].type !== NodeType.BackRef) continue;
      if (node === last && p === end) continue;
      const targets = references.get(`${node},${p}`) ?? [];
      if (targets.some(([at, target]) => at <= end && (at === p ? keep : sifted[at - start])[target]))
        keep[node] = 2;
    }
  };
  for (let p = end; p >= start; p--) {
    const keep = new Uint8Array(size);
    if (p === end) {
      keep[last] = 2;
    } else {
      for (let node = 0; node < size; node++) {
        const type = nodes[node].type;
        if (!logged[p - start][node] || isEpsilon(type) || type === NodeType.End || type === NodeType.BackRef)
          continue;
        const length = m.accept(node, p);
        if (length > 0 && p + length <= end && sifted[p + length - start][nodes[node].next]) keep[node] = 2;
      }
    }
    sifted[p - start] = keep;
    // References reached through other references at this position: repeat until stable.
    for (let before = -1, count = 0; count !== before;) {
      before = count;
      keepSources(p, keep);
      keepReferences(p, keep);
      count = keep.reduce((n, v) => n + (v ? 1 : 0), 0);
    }
  }
  return sifted;
}

interface Choice {
  idx: number;
  node: number;
  regs: WalkRegisters;
  passed: Set<number>;
}

/** gnulib's set_regs with its fail stack (used when the pattern has forks). */
function walkWithBacktracking(m: Machine, start: number, end: number, last: number, viable: Uint8Array[]) {
  const program = m.program;
  const nodes = program.nodes;
  const failStack: Choice[] | undefined = program.hasForks ? [] : undefined;
  let regs = WalkRegisters.initial(program.groups, end - start);
  let node = program.init;
  let idx = start;
  let passed = new Set<number>();
  const isViable = (at: number, n: number): boolean => at <= end && viable[at - start][n] !== 0;
  const pop = (): boolean => {
    const choice = failStack?.pop();
    if (!choice) return false;
    ({ idx, node, regs, passed } = choice);
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
        failStack?.push({ idx, node: candidate, regs: regs.clone(), passed: new Set(passed) });
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
    regs.update(nodes[node], idx - start);
    // glibc ends the walk at a node passed again only while it can backtrack; gnulib always.
    const revisit = passed.has(node) && (failStack !== undefined || program.rules.library === 'gnulib');
    if ((idx === end && node === last) || revisit) {
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
  return regs.finish(program, start);
}

/** re_search for a pattern with back-references, from byte offset `from`. */
export function findBackRefMatch(m: Machine, from: number, wantRegisters: boolean): MatchResult | undefined {
  const nodes = m.program.nodes;
  for (let start = from; start <= m.n; start++) {
    if (!m.canStartAt(start)) continue;
    const references = new StateGraph(m, start).references();
    const logged = looseStates(m, start, references);
    // The longest end whose sifting reaches back to the start (gnulib's prune_impossible_nodes).
    for (let end = start + logged.length - 1; end >= start; end--) {
      const here = logged[end - start];
      const last = nodes.findIndex((n, i) => here[i] === 1 && n.type === NodeType.End && m.halts(i, end));
      if (last < 0) continue;
      const sifted = siftTowards(m, logged, references, start, end, last);
      if (!sifted[0].includes(1) && !sifted[0].includes(2)) continue;
      if (!wantRegisters) return { start, end, registers: { start: [start], end: [end] } };
      const registers = walkWithBacktracking(m, start, end, last, sifted);
      return registers && { start, end, registers };
    }
  }
  return undefined;
}
