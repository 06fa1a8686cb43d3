// gnulib's forward pass for a pattern with back-references, from one start: the DFA state at
// each position (the state log), and, whenever a state holds a back-reference, the candidate
// texts it may repeat (back-reference entries). Candidates are found the way gnulib finds them:
// every position where the group opened (a "sub top"), every later position whose state holds
// a node closing the group — only the first such node is tried — that the opening can reach
// there ("sub lasts"), and a check that the close can reach the reference; each check walks
// its own little state log (a "path"), which gnulib keeps and extends between checks. What
// this misses or over-accepts, gnulib does too; the sifting pass (backref-sift.ts) then keeps
// what really leads to the match end.
import {
  type DfaState,
  type NodeSet,
  StateTable,
  has,
  indexIn,
  insert,
  merge,
  union,
} from './backref-states.js';
import { CONTEXT_BEGBUF, CONTEXT_NEWLINE, CONTEXT_WORD, failsNext } from './closure.js';
import type { Machine } from './machine.js';
import { NodeType } from './program.js';

/** A text a back-reference node may repeat at a position: gnulib's re_backref_cache_entry. */
export interface BackRefEntry {
  node: number;
  at: number;
  /** The group's text: [from, to). */
  from: number;
  to: number;
  /** The next entry is for the same position. */
  more: boolean;
  /** Bit g clear: known not to reach an open or close of group g by epsilon moves. */
  reachable: number;
}

/** States of a check between two nodes, kept and extended between checks. */
interface Path {
  states: (DfaState | null | undefined)[];
  /** How far it was computed, relative to the search start (0: not yet). */
  next: number;
}

interface SubLast {
  node: number;
  at: number;
  path: Path;
}

interface SubTop {
  node: number;
  at: number;
  lasts: SubLast[];
  path: Path | undefined;
}

const newPath = (): Path => ({ states: [], next: 0 });

/** The initial state's nodes: the start's closure, and what empty references lead to there. */
export function initialNodes(m: Machine): NodeSet {
  const { nodes, eclosures, init } = m.program;
  const set = eclosures[init].slice();
  // gnulib restarts its scan after each addition at the second element, not the first.
  for (let i = 0; i < set.length; i++) {
    const node = nodes[set[i]];
    if (node.type !== NodeType.BackRef) continue;
    const closes = set.some((c) => nodes[c].type === NodeType.Close && nodes[c].group === node.group);
    if (!closes) continue;
    const dest = node.edests[0];
    if (!has(set, dest)) {
      merge(set, eclosures[dest]);
      i = 0;
    }
  }
  return set;
}

const tables = new WeakMap<Machine, StateTable>();

/** The state table of one compiled pattern's searches, its initial states made first. */
export function stateTableFor(m: Machine): StateTable {
  let table = tables.get(m);
  if (table === undefined) {
    table = new StateTable(m);
    tables.set(m, table);
    const init = (table.initial = initialNodes(m));
    const plain = table.acquireContext(init, 0)!;
    if (plain.hasConstraint) {
      table.acquireContext(init, CONTEXT_WORD);
      table.acquireContext(init, CONTEXT_NEWLINE);
      table.acquireContext(init, CONTEXT_NEWLINE | CONTEXT_BEGBUF);
    }
  }
  return table;
}

/** One start's forward pass and what the sifting pass needs of it. */
export class MatchContext {
  /** The state log: the DFA state at each position (absolute). */
  readonly log: (DfaState | null | undefined)[] = [];
  /** The highest position the log has been cleared up to (gnulib's state_log_top). */
  private logTop: number;
  readonly entries: BackRefEntry[] = [];
  private readonly subTops: SubTop[] = [];
  /** The longest text a step can skip (a multibyte character, a back-reference). */
  maxStep = 0;

  constructor(
    readonly m: Machine,
    readonly table: StateTable,
    readonly start: number,
  ) {
    this.logTop = start;
  }

  /** gnulib's check_matching: the longest match end from the start, or -1. */
  run(): number {
    const m = this.m;
    const start = this.start;
    let cur = this.initialState();
    this.log[start] = cur;
    this.noteGroupOpenings(cur.nodes, start);
    if (cur.hasBackRef) this.followBackRefs(cur.nodes, start);
    let matchLast = -1;
    if (cur.halt && (!cur.hasConstraint || this.haltNode(cur, start) !== 0)) matchLast = start;
    let idx = start;
    while (idx < m.n) {
      let next = this.transit(cur, idx);
      idx++;
      next = this.mergeWithLog(next, idx);
      if (next === null) {
        const recovered = this.recover(idx);
        if (recovered === undefined) break;
        [next, idx] = recovered;
      }
      cur = next;
      if (cur.halt && (!cur.hasConstraint || this.haltNode(cur, idx) !== 0)) matchLast = idx;
    }
    return matchLast;
  }

  /** The initial state for the context before the start (gnulib's acquire_init_state_context). */
  private initialState(): DfaState {
    const table = this.table;
    const init = table.initial;
    const plain = table.acquireContext(init, 0)!;
    if (!plain.hasConstraint) return plain;
    const context = this.m.context(this.start - 1);
    if (context & CONTEXT_WORD) return table.acquireContext(init, CONTEXT_WORD)!;
    if (context === 0) return plain;
    return table.acquireContext(init, context)!;
  }

  /** gnulib's check_halt_state_context: the first end node satisfied at idx, or 0. */
  haltNode(state: DfaState, idx: number): number {
    const nodes = this.m.program.nodes;
    const context = this.m.context(idx);
    for (const index of state.nodes) {
      const { type, constraint } = nodes[index];
      if (type === NodeType.End && (constraint === 0 || !failsNext(constraint, context))) return index;
    }
    return 0;
  }

  /** One byte from `state` at idx (gnulib's transit_state); multibyte steps go into the log. */
  private transit(state: DfaState, idx: number): DfaState | null {
    if (state.acceptsMultibyte) this.transitMultibyte(state, idx);
    const follows = this.table.follows(state, this.m.text.charCodeAt(idx));
    if (follows === null) return null;
    const plain = this.table.acquireContext(follows, 0)!;
    if (!plain.hasConstraint) return plain;
    const context = this.m.tableContext(idx);
    return context === 0 ? plain : this.table.acquireContext(follows, context);
  }

  private transitMultibyte(state: DfaState, idx: number): void {
    const { nodes, eclosures } = this.m.program;
    for (const index of state.nodes) {
      if (!this.table.acceptsMultibyte(index)) continue;
      const { constraint } = nodes[index];
      if (constraint !== 0 && failsNext(constraint, this.m.context(idx))) continue;
      const length = this.m.accept(index, idx, false);
      if (length <= 1) continue;
      const dest = idx + length;
      if (this.maxStep < length) this.maxStep = length;
      this.clearLogUpTo(dest);
      const reached = eclosures[nodes[index].next];
      const there = this.log[dest];
      this.log[dest] = this.table.acquireContext(
        there ? union(there.entrance, reached) : reached,
        this.m.context(dest - 1),
      );
    }
  }

  /** gnulib's clean_state_log_if_needed: positions past the log's top hold nothing. */
  private clearLogUpTo(to: number): void {
    if (this.logTop < to) {
      for (let p = this.logTop + 1; p <= to; p++) this.log[p] = null;
      this.logTop = to;
    }
  }

  /** gnulib's merge_state_with_log: what back-references already brought to idx joins in. */
  private mergeWithLog(next: DfaState | null, idx: number): DfaState | null {
    const logged = idx > this.logTop ? null : this.log[idx];
    if (idx > this.logTop) this.logTop = idx;
    if (!logged) {
      this.log[idx] = next;
    } else {
      const nodes = next ? union(next.entrance, logged.entrance) : logged.entrance;
      next = this.log[idx] = this.table.acquireContext(nodes, this.m.context(idx - 1));
    }
    if (next) {
      this.noteGroupOpenings(next.nodes, idx);
      if (next.hasBackRef) {
        this.followBackRefs(next.nodes, idx);
        next = this.log[idx] ?? null;
      }
    }
    return next;
  }

  /** gnulib's find_recover_state: on to the next position the log already reaches. */
  private recover(idx: number): [DfaState, number] | undefined {
    for (;;) {
      let p = idx;
      do {
        if (++p > this.logTop) return undefined;
      } while (!this.log[p]);
      idx = p;
      const state = this.mergeWithLog(null, p);
      if (state !== null) return [state, idx];
    }
  }

  /** gnulib's check_subexp_matching_top: where referenced groups open. */
  private noteGroupOpenings(nodes: NodeSet, idx: number): void {
    const program = this.m.program.nodes;
    for (const index of nodes) {
      const node = program[index];
      if (node.type === NodeType.Open && node.group < 64 && this.table.referenced.has(node.group)) {
        this.subTops.push({ node: index, at: idx, lasts: [], path: undefined });
      }
    }
  }

  /** gnulib's transit_state_bkref: where each back-reference at idx leads, into the log. */
  private followBackRefs(nodes: NodeSet, idx: number): void {
    const m = this.m;
    const { nodes: program, eclosures } = m.program;
    for (const index of nodes) {
      const node = program[index];
      if (node.type !== NodeType.BackRef) continue;
      if (node.constraint !== 0 && failsNext(node.constraint, m.context(idx))) continue;
      let k = this.entries.length;
      this.findCandidates(index, idx);
      for (; k < this.entries.length; k++) {
        const entry = this.entries[k];
        if (entry.node !== index || entry.at !== idx) continue;
        const length = entry.to - entry.from;
        const reached = eclosures[length === 0 ? node.edests[0] : node.next];
        const dest = idx + length;
        const there = this.log[dest];
        const before = this.log[idx]?.nodes.length ?? 0;
        this.log[dest] = this.table.acquireContext(
          there ? union(there.entrance, reached) : reached,
          m.context(dest - 1),
        );
        if (length === 0 && this.log[idx]!.nodes.length > before) {
          this.noteGroupOpenings(reached, idx);
          this.followBackRefs(reached, idx);
        }
      }
    }
  }

  /** gnulib's search_cur_bkref_entry: the first entry at `at` (entries are kept by position). */
  firstEntry(at: number): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].at < at) lo = mid + 1;
      else hi = mid;
    }
    return lo < entries.length && entries[lo].at === at ? lo : -1;
  }

  private addEntry(node: number, at: number, from: number, to: number): void {
    const entries = this.entries;
    if (entries.length > 0 && entries[entries.length - 1].at === at) entries[entries.length - 1].more = true;
    entries.push({ node, at, from, to, more: false, reachable: from === to ? -1 : 0 });
    if (this.maxStep < to - from) this.maxStep = to - from;
  }

  /** gnulib's get_subexp: every text the reference at `at` may repeat, as entries. */
  private findCandidates(refNode: number, at: number): void {
    const m = this.m;
    const text = m.text;
    const program = m.program.nodes;
    const cached = this.firstEntry(at);
    if (cached >= 0) {
      for (let k = cached; ; k++) {
        if (this.entries[k].node === refNode) return;
        if (!this.entries[k].more) break;
      }
    }
    const group = program[refNode].group;
    for (const top of this.subTops) {
      if (program[top.node].group !== group) continue;
      let lastAt = top.at;
      let refAt = at;
      let i = 0;
      // The group's ends found before: does the text still agree, and can the end reach here?
      for (; i < top.lasts.length; i++) {
        const last = top.lasts[i];
        const grown = last.at - lastAt;
        if (grown > 0) {
          if (refAt + grown > m.n) break;
          if (text.slice(refAt, refAt + grown) !== text.slice(lastAt, lastAt + grown)) break;
        }
        refAt += grown;
        lastAt += grown;
        this.checkReaches(top, last, refNode, at);
      }
      if (i < top.lasts.length) continue;
      if (i > 0) lastAt++;
      // Then further ends, one byte at a time while the text agrees.
      for (; lastAt <= at; lastAt++) {
        if (lastAt - top.at > 0) {
          if (refAt >= m.n) break;
          if (text.charCodeAt(refAt++) !== text.charCodeAt(lastAt - 1)) break;
        }
        const state = this.log[lastAt];
        if (!state) continue;
        const close = findGroupNode(this.m, state.nodes, group, NodeType.Close);
        if (close < 0) continue;
        top.path ??= newPath();
        if (!this.arrives(top.path, top.node, top.at, close, lastAt, NodeType.Close)) continue;
        const last: SubLast = { node: close, at: lastAt, path: newPath() };
        top.lasts.push(last);
        this.checkReaches(top, last, refNode, at);
      }
    }
  }

  /** gnulib's get_subexp_sub: the group's end reaches the reference, so it is a candidate. */
  private checkReaches(top: SubTop, last: SubLast, refNode: number, at: number): void {
    if (!this.arrives(last.path, last.node, last.at, refNode, at, NodeType.Open)) return;
    this.addEntry(refNode, at, top.at, last.at);
    this.clearLogUpTo(at + last.at - top.at);
  }

  /**
   * gnulib's check_arrival: can `topNode` at `topAt` reach `lastNode` at `lastAt`? Its own log
   * (the path) leaves out, beyond `topNode`'s group, the group's open (kind Open: not re-entering
   * the group) or everything past its close (kind Close: not leaving it).
   */
  private arrives(
    path: Path,
    topNode: number,
    topAt: number,
    lastNode: number,
    lastAt: number,
    kind: NodeType,
  ): boolean {
    const m = this.m;
    const table = this.table;
    const group = m.program.nodes[topNode].group;
    const states = path.states;
    let idx = path.next !== 0 ? this.start + path.next : topAt;
    let cur: DfaState | null = null;
    let next: NodeSet;
    if (idx === topAt) {
      next = expandClosures(m, [topNode], group, kind);
    } else {
      cur = states[idx] ?? null;
      next = cur?.hasBackRef ? cur.nodes.slice() : [];
    }
    if (idx === topAt || cur?.hasBackRef) {
      if (next.length > 0) this.expandEntries(states, next, idx, group, kind);
      cur = table.acquireContext(next, m.context(idx - 1));
      states[idx] = cur;
    }
    for (let misses = 0; idx < lastAt && misses <= this.maxStep;) {
      next = [];
      const ahead = states[idx + 1];
      if (ahead) merge(next, ahead.nodes);
      if (cur) this.addNextNodes(states, idx, cur.nonEpsilon, next);
      idx++;
      if (next.length > 0) {
        next = expandClosures(m, next, group, kind);
        this.expandEntries(states, next, idx, group, kind);
      }
      cur = table.acquireContext(next, m.context(idx - 1));
      states[idx] = cur;
      misses = cur === null ? misses + 1 : 0;
    }
    path.next = idx - this.start;
    const reached = states[lastAt];
    return reached != null && has(reached.nodes, lastNode);
  }

  /** gnulib's check_arrival_add_next_nodes: where the consuming nodes at idx go. */
  private addNextNodes(states: Path['states'], idx: number, consuming: NodeSet, next: NodeSet): void {
    const program = this.m.program.nodes;
    for (const index of consuming) {
      let length = 0;
      if (this.table.acceptsMultibyte(index)) {
        const n = this.m.accept(index, idx, false);
        length = n > 1 ? n : 0;
        if (length > 1) {
          const there = states[idx + length];
          const nodes = there ? there.nodes.slice() : [];
          insert(nodes, program[index].next);
          states[idx + length] = this.table.acquire(nodes);
        }
      }
      if (length > 0 || acceptsOneByte(this.m, index, idx)) insert(next, program[index].next);
    }
  }

  /** gnulib's expand_bkref_cache: the entries at idx carry the path's nodes on. */
  private expandEntries(
    states: Path['states'],
    nodes: NodeSet,
    idx: number,
    group: number,
    kind: NodeType,
  ): void {
    const first = this.firstEntry(idx);
    if (first < 0) return;
    const program = this.m.program.nodes;
    restart: for (;;) {
      for (let k = first; ; k++) {
        const entry = this.entries[k];
        if (has(nodes, entry.node)) {
          if (entry.to === entry.from) {
            const after = program[entry.node].edests[0];
            if (!has(nodes, after)) {
              merge(nodes, expandClosures(this.m, [after], group, kind));
              continue restart;
            }
          } else {
            const to = idx + entry.to - entry.from;
            const target = program[entry.node].next;
            const there = states[to];
            if (!there || !has(there.nodes, target)) {
              const set = there ? there.nodes.slice() : [];
              insert(set, target);
              states[to] = this.table.acquire(set);
            }
          }
        }
        if (!entry.more) break;
      }
      return;
    }
  }
}

/** gnulib's find_subexp_node: the first node of the set that opens or closes `group`. */
export function findGroupNode(m: Machine, set: NodeSet, group: number, kind: NodeType): number {
  const nodes = m.program.nodes;
  for (const index of set) if (nodes[index].type === kind && nodes[index].group === group) return index;
  return -1;
}

/** gnulib's check_node_accept: the node reads the one byte at idx, its context allowing. */
export function acceptsOneByte(m: Machine, index: number, idx: number): boolean {
  if (idx >= m.n) return false;
  const node = m.program.nodes[index];
  const rules = m.program.rules;
  const byte = m.text.charCodeAt(idx);
  switch (node.type) {
    case NodeType.Char:
      if (byte !== node.byte) return false;
      break;
    case NodeType.Bytes:
      if (node.bytes![byte] !== 1) return false;
      break;
    case NodeType.Any:
      if (m.program.regime === 'utf8-bytes' && byte >= 0x80) return false;
      if ((byte === 10 && !rules.dotMatchesNewline) || (byte === 0 && rules.dotExcludesNul)) return false;
      break;
    default:
      return false;
  }
  return node.constraint === 0 || !failsNext(node.constraint, m.context(idx));
}

/**
 * gnulib's check_arrival_expand_ecl: the closures of `nodes`, except that a closure passing
 * `group`'s node of this kind stops there (a close is kept, an open is not).
 */
function expandClosures(m: Machine, nodes: NodeSet, group: number, kind: NodeType): NodeSet {
  const eclosures = m.program.eclosures;
  const out: NodeSet = [];
  for (const index of nodes) {
    const closure = eclosures[index];
    if (findGroupNode(m, closure, group, kind) < 0) merge(out, closure);
    else closureUntil(m, out, index, group, kind);
  }
  return out;
}

/**
 * gnulib's check_arrival_expand_ecl_sub: follows epsilon links from `target` into `out`,
 * second branches first, stopping at nodes already there and at the group's node.
 */
function closureUntil(m: Machine, out: NodeSet, target: number, group: number, kind: NodeType): void {
  const program = m.program.nodes;
  // gnulib recurses into each second branch before going on along the first: a stack of the
  // first branches still to follow does the same.
  const pending: number[] = [];
  let cur = target;
  for (;;) {
    let follow = true;
    while (follow && indexIn(out, cur) < 0) {
      const node = program[cur];
      if (node.type === kind && node.group === group) {
        if (kind === NodeType.Close) insert(out, cur);
        break;
      }
      insert(out, cur);
      const edests = node.edests;
      if (edests.length === 0) {
        follow = false;
      } else if (edests.length === 2) {
        pending.push(edests[0]);
        cur = edests[1];
      } else {
        cur = edests[0];
      }
    }
    if (pending.length === 0) return;
    cur = pending.pop()!;
  }
}
