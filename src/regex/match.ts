// Searching with GNU's POSIX semantics. gnulib finds the leftmost position where the pattern
// matches and, there, the longest match; then it recovers the groups by walking the automaton
// from the start, at each fork taking the first branch (in node order) that can still reach the
// end node of that longest match, with two loop rules: within one position, a fork already
// passed takes its other branch, and arriving again at a node already passed ends the walk
// (leaving a group that was just reopened half-open). Registers follow its update rules,
// including the "optional group matched empty" undo. See docs/regex.md.
//
// A state at a position is, as in gnulib, the union of the epsilon closures of the nodes that
// got there, without the nodes whose constraint on the preceding text fails.
import { findBackRefMatch } from './backref.js';
import { type MatchResult, Machine, WalkRegisters } from './machine.js';
import { type Program, NodeType, isEpsilon } from './program.js';
import type { Subject } from './text.js';

/**
 * Working memory for one search, kept per program between searches (nothing is re-entrant
 * here): threads waiting at the next few positions, in a ring (a node moves at most `maxStep`
 * bytes: a UTF-8 sequence as gnulib's fast-path `.` reads it), and the pairs a run visited.
 */
class Scratch {
  /** Nodes already in the current position's set: those whose stamp is the current generation. */
  readonly stamp: Int32Array;
  generation = 0;
  readonly consuming: Int32Array;
  readonly ringNodes: Int32Array[];
  readonly ringCount: Int32Array;
  /** (position, node) pairs of the last run, flattened; `visitedCount` numbers are in use. */
  visited = new Int32Array(64);
  visitedCount = 0;

  constructor(size: number, maxStep: number) {
    const capacity = (maxStep + 1) * size + 2;
    this.stamp = new Int32Array(size);
    this.consuming = new Int32Array(size);
    this.ringNodes = Array.from({ length: maxStep + 1 }, () => new Int32Array(capacity));
    this.ringCount = new Int32Array(maxStep + 1);
  }
}

const scratches = new WeakMap<Program, Scratch>();

function scratchFor(program: Program): Scratch {
  let scratch = scratches.get(program);
  if (!scratch) scratches.set(program, (scratch = new Scratch(program.nodes.length, program.maxStep)));
  return scratch;
}

/**
 * Pairs (position, node) from which no match can end: every one a failed start reached. A later
 * start arriving at one can stop there, since what follows a node at a position does not depend
 * on where the match began (without back-references). This keeps the search linear in the text
 * times the automaton even when many starts fail.
 */
class DeadEnds {
  private readonly flat: Uint8Array | undefined;
  private readonly keys: Set<number> | undefined;

  constructor(
    private readonly from: number,
    to: number,
    private readonly size: number,
  ) {
    const cells = (to - from + 1) * size;
    if (cells <= FLAT_LIMIT) this.flat = new Uint8Array(cells);
    else this.keys = new Set();
  }

  has(p: number, node: number): boolean {
    const key = (p - this.from) * this.size + node;
    return this.flat ? this.flat[key] === 1 : this.keys!.has(key);
  }

  add(p: number, node: number): void {
    const key = (p - this.from) * this.size + node;
    if (this.flat) this.flat[key] = 1;
    else this.keys!.add(key);
  }
}

/**
 * The leftmost start at or after `from` where the pattern matches, and the longest end there:
 * as gnulib, each possible start in turn, the first that matches wins.
 */
function leftmostLongest(m: Machine, from: number): { start: number; end: number } | undefined {
  const { firstBytes, canBeEmpty } = m.program;
  const n = m.n;
  const text = m.text;
  let dead: DeadEnds | undefined;
  for (let start = from; start <= n; start++) {
    if (!canBeEmpty) {
      // Skip to the next byte a match can begin with.
      while (start < n && firstBytes[text.charCodeAt(start)] !== 1) start++;
      if (start >= n) return undefined;
    }
    if (!m.canStartAt(start)) continue;
    const end = longestFrom(m, start, dead);
    if (end >= 0) return { start, end };
    dead ??= new DeadEnds(from, n, m.program.nodes.length);
    const { visited, visitedCount } = scratchFor(m.program);
    for (let i = 0; i < visitedCount; i += 2) dead.add(visited[i], visited[i + 1]);
  }
  return undefined;
}

/**
 * The longest match from `start` (-1 if none): the automaton's state set at each position,
 * reached by consuming nodes, a node moving up to maxStep bytes (threads wait in a ring).
 * Pairs already known to lead nowhere are left out; the pairs this run visits are kept in the
 * scratch's `visited` list, to be marked dead when it fails.
 */
function longestFrom(m: Machine, start: number, dead: DeadEnds | undefined): number {
  const { nodes, init, eclosures } = m.program;
  const n = m.n;
  const scratch = scratchFor(m.program);
  const { stamp, consuming, ringNodes, ringCount } = scratch;
  const slots = m.program.maxStep + 1;
  ringCount.fill(0);
  let visited = scratch.visited;
  let visitedCount = 0;
  ringNodes[start % slots][0] = init;
  ringCount[start % slots] = 1;
  let waiting = 1; // threads in the ring
  let bestEnd = -1;
  for (let p = start; p <= n && waiting > 0; p++) {
    const slot = p % slots;
    const count = ringCount[slot];
    if (count === 0) continue;
    ringCount[slot] = 0;
    waiting -= count;
    const seeds = ringNodes[slot];
    // A new generation forgets the previous position's nodes without touching them all.
    const generation = ++scratch.generation;
    let consumingCount = 0;
    for (let k = 0; k < count; k++) {
      for (const node of eclosures[seeds[k]]) {
        if (stamp[node] === generation || !m.present(node, p) || dead?.has(p, node)) continue;
        stamp[node] = generation;
        if (visitedCount + 2 > visited.length) {
          const grown = new Int32Array(visited.length * 2);
          grown.set(visited);
          visited = scratch.visited = grown;
        }
        visited[visitedCount++] = p;
        visited[visitedCount++] = node;
        const type = nodes[node].type;
        if (type === NodeType.End) {
          if (m.halts(node, p)) bestEnd = p;
        } else if (!isEpsilon(type)) {
          consuming[consumingCount++] = node;
        }
      }
    }
    for (let k = 0; k < consumingCount; k++) {
      const node = consuming[k];
      const length = m.accept(node, p);
      if (length === 0) continue;
      const target = (p + length) % slots;
      ringNodes[target][ringCount[target]++] = nodes[node].next;
      waiting++;
    }
  }
  scratch.visitedCount = visitedCount;
  return bestEnd;
}

/**
 * Node sets for each position of a match, each with its members listed. Small ones live in one
 * flat array; past FLAT_LIMIT cells (a long match of a big automaton) each position keeps a
 * map of its own members, so memory follows what is there rather than length times size.
 */
class PositionSets {
  private readonly flat: Uint8Array | undefined;
  private readonly sparse: Map<number, number>[] | undefined;
  private readonly lists: number[][];

  constructor(
    readonly start: number,
    end: number,
    readonly size: number,
  ) {
    const cells = (end - start + 1) * size;
    if (cells <= FLAT_LIMIT) this.flat = new Uint8Array(cells);
    else this.sparse = [];
    this.lists = new Array<number[]>(end - start + 1);
  }

  get(p: number, node: number): number {
    if (this.flat) return this.flat[(p - this.start) * this.size + node];
    return this.sparse![p - this.start]?.get(node) ?? 0;
  }

  set(p: number, node: number, value: number): void {
    const row = p - this.start;
    if (this.flat) {
      const at = row * this.size + node;
      if (this.flat[at] === 0) (this.lists[row] ??= []).push(node);
      this.flat[at] = value;
      return;
    }
    const members = (this.sparse![row] ??= new Map());
    if (!members.has(node)) (this.lists[row] ??= []).push(node);
    members.set(node, value);
  }

  /** The nodes in the set at p. */
  members(p: number): number[] {
    return this.lists[p - this.start] ?? NO_MEMBERS;
  }
}

const FLAT_LIMIT = 1 << 22;
const NO_MEMBERS: number[] = [];

/**
 * gnulib's state log for one start: the nodes present at each position up to `end`. They are
 * the pairs the successful run of longestFrom visited (a pair it left out as dead leads to no
 * match end, so sifting would drop it anyway).
 */
function stateLog(m: Machine, start: number, end: number): PositionSets {
  const states = new PositionSets(start, end, m.program.nodes.length);
  const { visited, visitedCount } = scratchFor(m.program);
  for (let i = 0; i < visitedCount; i += 2) {
    const p = visited[i];
    if (p > end) break;
    states.set(p, visited[i + 1], 1);
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
 * `stopOnRevisit`: end the walk on coming back to a node already passed at this position, as
 * gnulib does; glibc does not, and then loops forever on some patterns (reported as 'loops').
 */
function walk(
  m: Machine,
  start: number,
  end: number,
  last: number,
  sifted: PositionSets | undefined,
  stopOnRevisit: boolean,
): WalkRegisters | undefined | 'loops' {
  const program = m.program;
  const { nodes } = program;
  const regs = WalkRegisters.initial(program.groups, end - start);
  let node = program.init;
  let idx = start;
  const passed = new Set<number>();
  // Steps since `passed` last grew: past the number of nodes, the walk is going round a loop.
  let idleSteps = 0;
  while (idx <= end) {
    const info = nodes[node];
    regs.update(info, idx - start);
    if (idx === end && (node === last || (last < 0 && info.type === NodeType.End))) break;
    if (passed.has(node)) {
      if (stopOnRevisit) break;
      if (++idleSteps > nodes.length) return 'loops';
    } else {
      idleSteps = 0;
    }
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
 * The walk as the program's library does it. Where glibc's would never finish, gnulib's
 * registers, flagged.
 */
function registerWalk(
  m: Machine,
  start: number,
  end: number,
  last: number,
  sifted: PositionSets | undefined,
): { registers: WalkRegisters | undefined; neverEnds: boolean } {
  const result = walk(m, start, end, last, sifted, m.program.rules.library === 'gnulib');
  if (result !== 'loops') return { registers: result, neverEnds: false };
  return { registers: walk(m, start, end, last, sifted, true) as WalkRegisters | undefined, neverEnds: true };
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
  for (let at = from; at <= m.n;) {
    const found = leftmostLongest(m, at);
    if (!found) return undefined;
    const { start, end } = found;
    // gnulib reports an empty match late when its automaton idled in the start state (see below).
    const reported = start === end ? start + idleRun(m, start) : start;
    const reportedEnd = reported + end - start;
    if (!wantRegisters || program.groups === 0) {
      return { start: reported, end: reportedEnd, registers: { start: [reported], end: [reportedEnd] } };
    }
    let walked: ReturnType<typeof registerWalk>;
    if (program.hasForks) {
      const states = stateLog(m, start, end);
      const last = lastNode(m, states, end);
      const sifted = siftedStates(m, states, start, end, last);
      // gnulib's prune_impossible_nodes: when no path leads from the start to that end, the
      // search goes on from the next position.
      if (sifted.members(start).length === 0) {
        at = reported + 1;
        continue;
      }
      walked = registerWalk(m, start, end, last, sifted);
    } else {
      walked = registerWalk(m, start, end, -1, undefined);
    }
    if (!walked.registers) return undefined;
    const match: MatchResult = {
      start: reported,
      end: reportedEnd,
      registers: walked.registers.finish(program, reported),
    };
    if (walked.neverEnds) match.walkNeverEnds = true;
    return match;
  }
  return undefined;
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
