// Searching a pattern with back-references (\1..\9) as gnulib does: for each start, its
// forward pass with back-reference candidates (backref-log.ts), its sifting back from the end
// (backref-sift.ts), then its register walk in the backtracking form set_regs takes with
// references (a fail stack of untaken branches, registers checked against the text).
import { has } from './backref-states.js';
import { MatchContext, acceptsOneByte, stateTableFor } from './backref-log.js';
import { type StateArray, pruneImpossibleNodes } from './backref-sift.js';
import { type MatchResult, Machine, WalkRegisters } from './machine.js';
import { NodeType, isEpsilon } from './program.js';

interface Choice {
  idx: number;
  node: number;
  regs: WalkRegisters;
  passed: Set<number>;
}

/** gnulib's set_regs with its fail stack (used when the pattern has forks). */
function walkWithBacktracking(m: Machine, start: number, end: number, last: number, sifted: StateArray) {
  const program = m.program;
  const nodes = program.nodes;
  const table = stateTableFor(m);
  const failStack: Choice[] | undefined = program.hasForks ? [] : undefined;
  let regs = WalkRegisters.initial(program.groups, end - start);
  let node = program.init;
  let idx = start;
  let passed = new Set<number>();
  const isViable = (at: number, n: number): boolean => {
    const state = at <= end ? sifted[at] : undefined;
    return state != null && has(state.nodes, n);
  };
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
      // A multibyte step ignores the node's context, as gnulib's; one byte honours it.
      length = 0;
      if (table.acceptsMultibyte(node)) {
        const n = m.accept(node, idx, false);
        if (n > 1) length = n;
      }
      if (length === 0 && acceptsOneByte(m, node, idx)) length = 1;
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
  const table = stateTableFor(m);
  for (let start = from; start <= m.n; start++) {
    if (!m.canStartAt(start)) continue;
    const ctx = new MatchContext(m, table, start);
    const matchLast = ctx.run();
    if (matchLast < 0) continue;
    const pruned = pruneImpossibleNodes(ctx, matchLast, ctx.haltNode(ctx.log[matchLast]!, matchLast));
    // No path back to the start after all: gnulib goes on with the next start.
    if (pruned === undefined) continue;
    const end = pruned.matchLast;
    if (!wantRegisters) return { start, end, registers: { start: [start], end: [end] } };
    const registers = walkWithBacktracking(m, start, end, pruned.lastNode, pruned.states);
    return registers && { start, end, registers };
  }
  return undefined;
}
