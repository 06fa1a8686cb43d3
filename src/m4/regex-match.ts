// Searching with GNU's POSIX semantics. gnulib finds the leftmost position where the pattern
// matches and, there, the longest match; then it recovers the groups by walking the automaton
// from the start, at each fork taking the first branch (in node order) that can still reach the
// end of that longest match, with two loop rules: within one position, a fork already passed
// takes its other branch, and arriving again at a node already passed ends the walk (leaving a
// group that was just reopened half-open). Registers follow its update rules, including the
// "optional group matched empty" undo. We reproduce that walk; see docs/m4-eval-format-regex.md.
import { findBackRefMatch } from './regex-backref.js';
import {
  type MatchResult,
  type Registers,
  type WalkRegisters,
  Machine,
  copyRegisters,
  finishRegisters,
  updateRegisters,
} from './regex-machine.js';
import { type Program, NodeType, isEpsilon } from './regex-program.js';
import type { Subject } from './regex-text.js';

interface Seed {
  node: number;
  start: number;
}

/**
 * The leftmost start at or after `from` where the pattern matches, and the longest end there,
 * found in one pass by running every start at once (a thread keeps the earliest start that
 * reached its node; later starts can only do what it does).
 */
function leftmostLongest(m: Machine, from: number): { start: number; end: number } | undefined {
  const { nodes, init, end: endNode } = m.program;
  const pending = new Map<number, Seed[]>();
  let best: { start: number; end: number } | undefined;
  const startOf = new Int32Array(nodes.length);
  for (let p = from; p <= m.n; p++) {
    const seeds = pending.get(p) ?? [];
    pending.delete(p);
    if (!best && m.canStartAt(p)) seeds.push({ node: init, start: p });
    if (seeds.length === 0) {
      if (best && pending.size === 0) return best;
      continue;
    }
    seeds.sort((a, b) => a.start - b.start);
    startOf.fill(-1);
    const consuming: number[] = [];
    for (const seed of seeds) {
      if (best && seed.start > best.start) continue;
      const stack = [seed.node];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (startOf[node] !== -1) continue;
        startOf[node] = seed.start;
        const type = nodes[node].type;
        if (isEpsilon(type)) {
          if (!m.passes(node, p)) continue;
          const edests = nodes[node].edests;
          for (let i = edests.length - 1; i >= 0; i--) stack.push(edests[i]);
        } else if (type !== NodeType.End) {
          consuming.push(node);
        }
      }
    }
    const matchedStart = startOf[endNode];
    if (matchedStart !== -1 && (!best || matchedStart <= best.start)) best = { start: matchedStart, end: p };
    for (const node of consuming) {
      const length = m.accept(node, p);
      if (length === 0) continue;
      const at = p + length;
      const list = pending.get(at) ?? [];
      list.push({ node: nodes[node].next, start: startOf[node] });
      pending.set(at, list);
    }
    if (best && pending.size === 0) return best;
  }
  return best;
}

/** For each position from start to end: which nodes can still complete the match. */
function viableStates(m: Machine, start: number, end: number): Uint8Array[] {
  const { nodes } = m.program;
  const viable: Uint8Array[] = new Array(end - start + 1);
  const atEnd = new Uint8Array(nodes.length);
  atEnd[m.program.end] = 1;
  m.closeBackwards(atEnd, end);
  viable[end - start] = atEnd;
  for (let p = end - 1; p >= start; p--) {
    const marks = new Uint8Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const type = nodes[i].type;
      if (isEpsilon(type) || type === NodeType.End || type === NodeType.BackRef) continue;
      const length = m.accept(i, p);
      if (length > 0 && p + length <= end && viable[p + length - start][nodes[i].next]) marks[i] = 1;
    }
    m.closeBackwards(marks, p);
    viable[p - start] = marks;
  }
  return viable;
}

/** The register walk for a pattern without back-references. */
function walk(m: Machine, start: number, end: number, viable: Uint8Array[]): Registers | undefined {
  const program = m.program;
  const { nodes } = program;
  let regs: WalkRegisters = {
    so: new Array(program.groups + 1).fill(-1),
    eo: new Array(program.groups + 1).fill(-1),
  };
  regs.so[0] = 0;
  regs.eo[0] = end - start;
  let prev = copyRegisters(regs);
  let node = program.init;
  let idx = start;
  const passed = new Set<number>();
  while (idx <= end) {
    ({ regs, prev } = updateRegisters(m, node, idx - start, regs, prev));
    if ((idx === end && node === program.end) || passed.has(node)) break;
    const info = nodes[node];
    if (isEpsilon(info.type)) {
      passed.add(node);
      const here = viable[idx - start];
      const candidates = info.edests.filter((d) => here[d]);
      if (candidates.length === 0) return undefined;
      node = candidates.length > 1 && passed.has(candidates[0]) ? candidates[1] : candidates[0];
    } else {
      const length = m.accept(node, idx);
      if (length === 0) return undefined;
      idx += length;
      node = info.next;
      passed.clear();
    }
  }
  return finishRegisters(program, regs, start);
}

/**
 * Searches for the pattern in the subject from byte offset `from`, as re_search does.
 * `wantRegisters` false: only the match position is needed (regexp without replacement).
 */
export function searchProgram(
  program: Program,
  subject: Subject,
  from: number,
  wantRegisters: boolean,
): MatchResult | undefined {
  const m = new Machine(program, subject);
  if (program.hasBackRefs) return findBackRefMatch(m, from, wantRegisters);
  const found = leftmostLongest(m, from);
  if (!found) return undefined;
  if (!wantRegisters || program.groups === 0) {
    return {
      start: found.start,
      end: found.end,
      registers: { start: [found.start], end: [found.end] },
    };
  }
  const registers = walk(m, found.start, found.end, viableStates(m, found.start, found.end));
  if (!registers) return undefined;
  return { start: found.start, end: found.end, registers };
}
