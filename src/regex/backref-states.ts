// gnulib's DFA states, as its back-reference search sees them. A state is a set of automaton
// nodes; one made "for a context" leaves out the nodes whose constraint on the preceding text
// fails there, but remembers all it was made from (its entrance nodes), and unions are taken
// of those. States are interned in a table keyed as gnulib keys them, so that a lookup finds
// what gnulib's would: a state made without a context can come back for a context-0 lookup of
// the same nodes, unfiltered, if it was made first.
import {
  CONTEXT_NEWLINE,
  CONTEXT_WORD,
  NEXT_ENDBUF,
  NEXT_NEWLINE,
  NEXT_NOTWORD,
  NEXT_WORD,
  failsPrevious,
} from './closure.js';
import type { Machine } from './machine.js';
import { NodeType, isEpsilon } from './program.js';

/** A sorted set of node indices (gnulib's re_node_set). */
export type NodeSet = number[];

/** Where `node` is, or would go, in the sorted set (the first member not below it). */
function lowerBound(set: NodeSet, node: number): number {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid] < node) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `node` in the sorted set, or -1. */
export function indexIn(set: NodeSet, node: number): number {
  const at = lowerBound(set, node);
  return at < set.length && set[at] === node ? at : -1;
}

export function has(set: NodeSet, node: number): boolean {
  return indexIn(set, node) >= 0;
}

/** Adds `node` in order; false if it was there. */
export function insert(set: NodeSet, node: number): boolean {
  const at = lowerBound(set, node);
  if (set[at] === node) return false;
  set.splice(at, 0, node);
  return true;
}

export function union(a: NodeSet, b: NodeSet): NodeSet {
  const out: NodeSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/** Adds every member of `b` to `a`, in place. */
export function merge(a: NodeSet, b: NodeSet): void {
  const merged = union(a, b);
  a.length = 0;
  for (const node of merged) a.push(node);
}

function sameSet(a: NodeSet, b: NodeSet): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface DfaState {
  /** The nodes present (without those whose preceding-context constraint fails). */
  nodes: NodeSet;
  /** What the state was made from. */
  entrance: NodeSet;
  /** The nodes that are not epsilon nodes. */
  nonEpsilon: NodeSet;
  /** The context it was made for (0 also for one made without a context). */
  context: number;
  hash: number;
  /** It holds the end node (judged on the entrance nodes). */
  halt: boolean;
  hasBackRef: boolean;
  hasConstraint: boolean;
  /** Some node may read a multibyte character. */
  acceptsMultibyte: boolean;
  /** Where reading each byte leads (the union of closures), built on first use; null: nowhere. */
  follows?: (NodeSet | null)[];
  /** The nodes whose closure reaches one of this state's nodes (built on first use). */
  inverseClosure?: NodeSet;
}

/** gnulib's state table: states interned by hash, found again as gnulib's lookups find them. */
export class StateTable {
  private readonly buckets = new Map<number, DfaState[]>();
  /** The initial state's nodes (set up with the table's first states). */
  initial: NodeSet = [];
  /** Groups some back-reference names (gnulib's used_bkref_map). */
  readonly referenced: Set<number>;

  constructor(private readonly m: Machine) {
    this.referenced = new Set(m.program.nodes.filter((n) => n.type === NodeType.BackRef).map((n) => n.group));
  }

  private readonly multibyte = (): boolean => this.m.program.regime !== 'bytes';

  /** A node that may read more than one byte (gnulib's accept_mb). */
  acceptsMultibyte(node: number): boolean {
    const type = this.m.program.nodes[node].type;
    return this.multibyte() && (type === NodeType.Any || type === NodeType.Wide);
  }

  private flags(state: DfaState, withContext: boolean): void {
    const nodes = this.m.program.nodes;
    for (const index of state.entrance) {
      const { type, constraint } = nodes[index];
      if (type === NodeType.Char && constraint === 0) continue;
      if (this.acceptsMultibyte(index)) state.acceptsMultibyte = true;
      if (type === NodeType.End) state.halt = true;
      else if (type === NodeType.BackRef) state.hasBackRef = true;
      else if (!withContext && (type === NodeType.Anchor || constraint !== 0)) state.hasConstraint = true;
      if (withContext && constraint !== 0) state.hasConstraint = true;
    }
  }

  private make(nodes: NodeSet, kept: NodeSet, context: number, hash: number): DfaState {
    const program = this.m.program.nodes;
    const state: DfaState = {
      nodes: kept,
      entrance: nodes,
      nonEpsilon: kept.filter((n) => !isEpsilon(program[n].type)),
      context,
      hash,
      halt: false,
      hasBackRef: false,
      hasConstraint: false,
      acceptsMultibyte: false,
    };
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(state);
    else this.buckets.set(hash, [state]);
    return state;
  }

  /** gnulib's re_acquire_state: the state of exactly these nodes (null for none). */
  acquire(nodes: NodeSet): DfaState | null {
    if (nodes.length === 0) return null;
    const hash = hashOf(nodes, 0);
    for (const state of this.buckets.get(hash) ?? []) if (sameSet(state.nodes, nodes)) return state;
    const state = this.make(nodes.slice(), nodes.slice(), 0, hash);
    this.flags(state, false);
    return state;
  }

  /** gnulib's re_acquire_state_context: the state of these nodes entered in `context`. */
  acquireContext(nodes: NodeSet, context: number): DfaState | null {
    if (nodes.length === 0) return null;
    const hash = hashOf(nodes, context);
    for (const state of this.buckets.get(hash) ?? []) {
      if (state.context === context && sameSet(state.entrance, nodes)) return state;
    }
    const program = this.m.program.nodes;
    const kept = nodes.filter((n) => !failsPrevious(program[n].constraint, context));
    const state = this.make(nodes.slice(), kept, context, hash);
    this.flags(state, true);
    return state;
  }

  /**
   * Where reading `byte` leads from `state` (gnulib's transition table), as the nodes to enter.
   * The first time a state is left, gnulib builds its whole table, making the states for every
   * byte (in each context they can differ in); so do we, since the table's order matters.
   */
  follows(state: DfaState, byte: number): NodeSet | null {
    if (state.follows === undefined) this.buildFollows(state);
    return state.follows![byte];
  }

  private buildFollows(state: DfaState): void {
    const { nodes, eclosures } = this.m.program;
    const table = new Array<NodeSet | null>(256).fill(null);
    const made = new Map<string, NodeSet>();
    for (let byte = 0; byte < 256; byte++) {
      let dest: NodeSet | null = null;
      for (const index of state.nodes) {
        if (!this.readsByte(index, byte)) continue;
        const next = nodes[index].next;
        if (next < 0) continue;
        dest = dest === null ? eclosures[next].slice() : union(dest, eclosures[next]);
      }
      if (dest === null) continue;
      const key = dest.join(',');
      const known = made.get(key);
      if (known) {
        table[byte] = known;
        continue;
      }
      made.set(key, dest);
      table[byte] = dest;
      const plain = this.acquireContext(dest, 0);
      if (plain?.hasConstraint) {
        this.acquireContext(dest, CONTEXT_WORD);
        this.acquireContext(dest, CONTEXT_NEWLINE);
      }
    }
    state.follows = table;
  }

  /** A node reads this one byte in the transition table (gnulib's group_nodes_into_DFAstates). */
  private readsByte(index: number, byte: number): boolean {
    const node = this.m.program.nodes[index];
    const rules = this.m.program.rules;
    let reads: boolean;
    switch (node.type) {
      case NodeType.Char:
        reads = byte === node.byte;
        break;
      case NodeType.Bytes:
        reads = node.bytes![byte] === 1;
        break;
      case NodeType.Any:
        reads =
          (byte < 0x80 || this.m.program.regime === 'bytes') &&
          (byte !== 10 || rules.dotMatchesNewline) &&
          (byte !== 0 || !rules.dotExcludesNul);
        break;
      default:
        return false;
    }
    const c = node.constraint;
    if (!reads || c === 0) return reads;
    if (c & NEXT_NEWLINE && byte !== 10) return false;
    if (c & NEXT_ENDBUF) return false;
    const word = this.m.isWordByte(byte);
    if (c & NEXT_WORD && !word) return false;
    if (c & NEXT_NOTWORD && word) return false;
    return true;
  }
}

/** gnulib's calc_state_hash. */
function hashOf(nodes: NodeSet, context: number): number {
  let hash = nodes.length + context;
  for (const node of nodes) hash += node;
  return hash;
}
