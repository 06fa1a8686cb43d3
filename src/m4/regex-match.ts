// Searching with GNU's POSIX semantics. gnulib finds the leftmost position where the pattern
// matches and, there, the longest match; then it recovers the groups by walking the automaton
// from the start, at each fork taking the first branch (in node order) that can still reach the
// end node of that longest match, with two loop rules: within one position, a fork already
// passed takes its other branch, and arriving again at a node already passed ends the walk
// (leaving a group that was just reopened half-open). Registers follow its update rules,
// including the "optional group matched empty" undo. See docs/m4-eval-format-regex.md.
//
// A state at a position is, as in gnulib, the union of the epsilon closures of the nodes that
// got there, without the nodes whose constraint on the preceding text fails.
import { findBackRefMatch } from './regex-backref.js';
import { type MatchResult, Machine, WalkRegisters } from './regex-machine.js';
import { type Program, NodeType, isEpsilon } from './regex-program.js';
import type { Subject } from './regex-text.js';

/** The longest step a node can take: a UTF-8 sequence as gnulib's fast-path `.` reads it. */
const MAX_STEP = 6;

/**
 * Working memory for one search, kept per program between searches (nothing is re-entrant
 * here): threads waiting at the next few positions, in a ring, each as (node, start) pairs.
 */
class Scratch {
  readonly startOf: Int32Array;
  readonly consuming: Int32Array;
  readonly ringNodes: Int32Array[];
  readonly ringStarts: Int32Array[];
  readonly ringCount = new Int32Array(MAX_STEP + 1);

  constructor(size: number) {
    const capacity = (MAX_STEP + 1) * size + 2;
    this.startOf = new Int32Array(size);
    this.consuming = new Int32Array(size);
    this.ringNodes = Array.from({ length: MAX_STEP + 1 }, () => new Int32Array(capacity));
    this.ringStarts = Array.from({ length: MAX_STEP + 1 }, () => new Int32Array(capacity));
  }
}

const scratches = new WeakMap<Program, Scratch>();

function scratchFor(program: Program): Scratch {
  let scratch = scratches.get(program);
  if (!scratch) scratches.set(program, (scratch = new Scratch(program.nodes.length)));
  return scratch;
}

/** Insertion sort of (node, start) pairs by start; the lists are short and nearly sorted. */
function sortByStart(nodes: Int32Array, starts: Int32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const node = nodes[i];
    const start = starts[i];
    let j = i - 1;
    while (j >= 0 && starts[j] > start) {
      nodes[j + 1] = nodes[j];
      starts[j + 1] = starts[j];
      j--;
    }
    nodes[j + 1] = node;
    starts[j + 1] = start;
  }
}

/**
 * The leftmost start at or after `from` where the pattern matches, and the longest end there,
 * found in one pass by running every start at once (a node keeps the earliest start that
 * reached it; later starts can only do what it does).
 */
function leftmostLongest(m: Machine, from: number): { start: number; end: number } | undefined {
  const { nodes, init, eclosures, firstBytes, canBeEmpty } = m.program;
  const n = m.n;
  const text = m.text;
  const { startOf, consuming, ringNodes, ringStarts, ringCount } = scratchFor(m.program);
  const slots = MAX_STEP + 1;
  ringCount.fill(0);
  let waiting = 0; // threads in the ring
  let bestStart = -1;
  let bestEnd = -1;
  const inOrder = m.mode === 'bytes'; // only multibyte steps can deliver threads out of order
  for (let p = from; p <= n; p++) {
    const slot = p % slots;
    let count = ringCount[slot];
    ringCount[slot] = 0;
    waiting -= count;
    const seedNodes = ringNodes[slot];
    const seedStarts = ringStarts[slot];
    const mayStart =
      bestStart < 0 && m.canStartAt(p) && (canBeEmpty || (p < n && firstBytes[text.charCodeAt(p)] === 1));
    if (count === 0 && !mayStart) {
      if (waiting > 0) continue;
      if (bestStart >= 0) break;
      // Nothing running: jump to the next byte a match can start with.
      if (!canBeEmpty) {
        let q = p + 1;
        while (q < n && firstBytes[text.charCodeAt(q)] !== 1) q++;
        p = q - 1;
      }
      continue;
    }
    if (mayStart) {
      seedNodes[count] = init;
      seedStarts[count++] = p;
    }
    if (!inOrder) sortByStart(seedNodes, seedStarts, count);
    startOf.fill(-1);
    let consumingCount = 0;
    let halted = -1;
    for (let k = 0; k < count; k++) {
      const start = seedStarts[k];
      if (bestStart >= 0 && start > bestStart) continue;
      for (const node of eclosures[seedNodes[k]]) {
        if (startOf[node] !== -1 || !m.present(node, p)) continue;
        startOf[node] = start;
        const type = nodes[node].type;
        if (type === NodeType.End) {
          if (halted < 0 && m.halts(node, p)) halted = start;
        } else if (!isEpsilon(type)) {
          consuming[consumingCount++] = node;
        }
      }
    }
    if (halted !== -1 && (bestStart < 0 || halted <= bestStart)) {
      bestStart = halted;
      bestEnd = p;
    }
    for (let k = 0; k < consumingCount; k++) {
      const node = consuming[k];
      const length = m.accept(node, p);
      if (length === 0) continue;
      const target = (p + length) % slots;
      const at = ringCount[target]++;
      ringNodes[target][at] = nodes[node].next;
      ringStarts[target][at] = startOf[node];
      waiting++;
    }
    if (bestStart >= 0 && waiting === 0) break;
  }
  return bestStart < 0 ? undefined : { start: bestStart, end: bestEnd };
}

/** Node sets for each position of a match, in one flat array, with each position's members listed. */
class PositionSets {
  readonly flat: Uint8Array;
  private readonly lists: number[][];

  constructor(
    readonly start: number,
    end: number,
    readonly size: number,
  ) {
    this.flat = new Uint8Array((end - start + 1) * size);
    this.lists = new Array<number[]>(end - start + 1);
  }

  get(p: number, node: number): number {
    return this.flat[(p - this.start) * this.size + node];
  }

  set(p: number, node: number, value: number): void {
    const at = (p - this.start) * this.size + node;
    if (this.flat[at] === 0) (this.lists[p - this.start] ??= []).push(node);
    this.flat[at] = value;
  }

  /** The nodes in the set at p. */
  members(p: number): number[] {
    return this.lists[p - this.start] ?? NO_MEMBERS;
  }
}

const NO_MEMBERS: number[] = [];

/** gnulib's state log for one start: the nodes present at each position up to `end`. */
function stateLog(m: Machine, start: number, end: number): PositionSets {
  const { nodes, eclosures, init } = m.program;
  const states = new PositionSets(start, end, nodes.length);
  const seeds = new Array<number[]>(end - start + 1);
  seeds[0] = [init];
  for (let p = start; p <= end; p++) {
    for (const seed of seeds[p - start] ?? NO_MEMBERS) {
      for (const node of eclosures[seed])
        if (!states.get(p, node) && m.present(node, p)) states.set(p, node, 1);
    }
    if (p === end) break;
    for (const node of states.members(p)) {
      const type = nodes[node].type;
      if (isEpsilon(type) || type === NodeType.End) continue;
      const length = m.accept(node, p);
      if (length > 0 && p + length <= end) (seeds[p + length - start] ??= []).push(nodes[node].next);
    }
  }
  return states;
}

/** The end node the match stops at: the lowest-numbered one present that halts there. */
function lastNode(m: Machine, states: PositionSets, end: number): number {
  const nodes = m.program.nodes;
  let last = -1;
  for (const i of states.members(end)) {
    if (nodes[i].type === NodeType.End && m.halts(i, end) && (last < 0 || i < last)) last = i;
  }
  return last;
}

/**
 * gnulib's sifted states: for each position, the nodes of the state log from which the end node
 * can still be reached at `end` (2: a consuming node or the end node, 1: an epsilon source).
 */
function siftedStates(
  m: Machine,
  states: PositionSets,
  start: number,
  end: number,
  last: number,
): PositionSets {
  const { nodes, eclosures } = m.program;
  const sifted = new PositionSets(start, end, nodes.length);
  const addEpsilonSources = (p: number): void => {
    for (const node of states.members(p)) {
      if (sifted.get(p, node)) continue;
      if (eclosures[node].some((d) => sifted.get(p, d) === 2)) sifted.set(p, node, 1);
    }
  };
  sifted.set(end, last, 2);
  addEpsilonSources(end);
  for (let p = end - 1; p >= start; p--) {
    for (const node of states.members(p)) {
      const type = nodes[node].type;
      if (isEpsilon(type) || type === NodeType.End || type === NodeType.BackRef) continue;
      const length = m.accept(node, p);
      if (length > 0 && p + length <= end && sifted.get(p + length, nodes[node].next)) sifted.set(p, node, 2);
    }
    addEpsilonSources(p);
  }
  return sifted;
}

/**
 * The register walk for a pattern without back-references, ending at `last` (the end node).
 * Without forks there is only one path, so no sifting is needed (`sifted` undefined).
 */
function walk(m: Machine, start: number, end: number, last: number, sifted: PositionSets | undefined) {
  const program = m.program;
  const { nodes } = program;
  const regs = WalkRegisters.initial(program.groups, end - start);
  let node = program.init;
  let idx = start;
  const passed = new Set<number>();
  while (idx <= end) {
    const info = nodes[node];
    regs.update(info, idx - start);
    if ((idx === end && (node === last || (last < 0 && info.type === NodeType.End))) || passed.has(node))
      break;
    if (isEpsilon(info.type)) {
      passed.add(node);
      let first = -1;
      let second = -1;
      for (const d of info.edests) {
        if (sifted ? !sifted.get(idx, d) : !m.present(d, idx)) continue;
        if (first < 0) first = d;
        else second = d;
      }
      if (first < 0) return undefined;
      node = second >= 0 && passed.has(first) ? second : first;
    } else {
      const length = m.accept(node, idx);
      if (length === 0) return undefined;
      idx += length;
      node = info.next;
      passed.clear();
    }
  }
  return regs;
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
  return searchMachine(new Machine(program, subject), from, wantRegisters);
}

/** searchProgram for a subject searched repeatedly (patsubst). */
export function searchMachine(m: Machine, from: number, wantRegisters: boolean): MatchResult | undefined {
  const program = m.program;
  if (program.hasBackRefs) return findBackRefMatch(m, from, wantRegisters);
  const found = leftmostLongest(m, from);
  if (!found) return undefined;
  const { start, end } = found;
  // gnulib reports an empty match late when its automaton idled in the start state (see below).
  const reported = start === end ? start + idleRun(m, start) : start;
  const reportedEnd = reported + end - start;
  if (!wantRegisters || program.groups === 0) {
    return { start: reported, end: reportedEnd, registers: { start: [reported], end: [reportedEnd] } };
  }
  let registers: WalkRegisters | undefined;
  if (program.hasForks) {
    const states = stateLog(m, start, end);
    const last = lastNode(m, states, end);
    registers = walk(m, start, end, last, siftedStates(m, states, start, end, last));
  } else {
    registers = walk(m, start, end, -1, undefined);
  }
  return registers && { start: reported, end: reportedEnd, registers: registers.finish(program, reported) };
}

/** A DFA state as gnulib identifies it: the union of its nodes' epsilon closures. */
function closureKey(program: Program, seeds: Iterable<number>): string {
  const union = new Set<number>();
  for (const seed of seeds) for (const n of program.eclosures[seed]) union.add(n);
  return [...union].sort((a, b) => a - b).join(',');
}

/**
 * gnulib's check_matching skips ahead while its automaton, reading from the start position,
 * stays in the very state it started in ("at_init_state"). That is harmless, except when the
 * pattern matched the empty string right at the start and nothing longer: the skip is then
 * still applied, so GNU reports the empty match that many bytes later. This counts the bytes.
 */
function idleRun(m: Machine, start: number): number {
  const program = m.program;
  const { nodes, eclosures } = program;
  const initKey = closureKey(program, [program.init]);
  const constrained = eclosures[program.init].some((i) => nodes[i].constraint !== 0);
  const contextAt = (p: number): string => (constrained ? m.stateContext(p) : '');
  const initContext = contextAt(start);
  let seeds = [program.init];
  let run = 0;
  for (let p = start; p < m.n; p++) {
    const next = new Set<number>();
    for (const seed of seeds) {
      for (const node of eclosures[seed]) {
        const type = nodes[node].type;
        if (isEpsilon(type) || type === NodeType.End || !m.present(node, p)) continue;
        if (m.accept(node, p) === 1) next.add(nodes[node].next);
      }
    }
    if (next.size === 0 || closureKey(program, next) !== initKey || contextAt(p + 1) !== initContext) break;
    seeds = [...next];
    run++;
  }
  return run;
}
