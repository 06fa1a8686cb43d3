// Anchors the way gnulib compiles them: an anchor is a "constraint" on the position (word or not
// before/after, newline before/after, start/end of the text), and gnulib pushes it into every
// node reachable from the anchor by epsilon moves, cloning those nodes with the constraint added.
// The clones get new, higher numbers; which end node a match reaches, and the order in which the
// register walk tries branches, depend on them. Then each node's epsilon closure is computed, in
// gnulib's order (the cloning happens during that computation).
import type { AnchorKind } from './syntax.js';
import { NodeType, type ProgramNode, isEpsilon } from './nodes.js';

export const PREV_WORD = 0x01;
export const PREV_NOTWORD = 0x02;
export const NEXT_WORD = 0x04;
export const NEXT_NOTWORD = 0x08;
export const PREV_NEWLINE = 0x10;
export const NEXT_NEWLINE = 0x20;
export const PREV_BEGBUF = 0x40;
export const NEXT_ENDBUF = 0x80;

/** Contexts of a position (gnulib's CONTEXT_*): what the character before or after it is. */
export const CONTEXT_WORD = 1;
export const CONTEXT_NEWLINE = 2;
export const CONTEXT_BEGBUF = 4;
export const CONTEXT_ENDBUF = 8;

/** gnulib's NOT_SATISFY_PREV_CONSTRAINT: the context before a position rules the node out. */
export function failsPrevious(constraint: number, context: number): boolean {
  return (
    ((constraint & PREV_WORD) !== 0 && (context & CONTEXT_WORD) === 0) ||
    ((constraint & PREV_NOTWORD) !== 0 && (context & CONTEXT_WORD) !== 0) ||
    ((constraint & PREV_NEWLINE) !== 0 && (context & CONTEXT_NEWLINE) === 0) ||
    ((constraint & PREV_BEGBUF) !== 0 && (context & CONTEXT_BEGBUF) === 0)
  );
}

/** gnulib's NOT_SATISFY_NEXT_CONSTRAINT: the context after a position rules the node out. */
export function failsNext(constraint: number, context: number): boolean {
  return (
    ((constraint & NEXT_WORD) !== 0 && (context & CONTEXT_WORD) === 0) ||
    ((constraint & NEXT_NOTWORD) !== 0 && (context & CONTEXT_WORD) !== 0) ||
    ((constraint & NEXT_NEWLINE) !== 0 && (context & CONTEXT_NEWLINE) === 0) ||
    ((constraint & NEXT_ENDBUF) !== 0 && (context & CONTEXT_ENDBUF) === 0)
  );
}

export const PREV_MASK = PREV_WORD | PREV_NOTWORD | PREV_NEWLINE | PREV_BEGBUF;
export const NEXT_MASK = NEXT_WORD | NEXT_NOTWORD | NEXT_NEWLINE | NEXT_ENDBUF;

export const ANCHOR_CONSTRAINTS: Record<AnchorKind, number> = {
  'line-first': PREV_NEWLINE,
  'line-last': NEXT_NEWLINE,
  'buf-first': PREV_BEGBUF,
  'buf-last': NEXT_ENDBUF,
  'word-first': PREV_NOTWORD | NEXT_WORD,
  'word-last': PREV_WORD | NEXT_NOTWORD,
  'inside-word': PREV_WORD | NEXT_WORD,
  'inside-notword': PREV_NOTWORD | NEXT_NOTWORD,
};

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > value) i--;
  if (list[i - 1] !== value) list.splice(i, 0, value);
}

class ClosureBuilder {
  constructor(private readonly nodes: ProgramNode[]) {}

  private clone(origin: number, constraint: number): number {
    const source = this.nodes[origin];
    this.nodes.push({
      ...source,
      constraint: constraint | source.constraint,
      duplicated: true,
      origin,
      next: -1,
      edests: [],
    });
    return this.nodes.length - 1;
  }

  /** The newest clone of `origin` made with exactly `constraint`, if any. */
  private findClone(origin: number, constraint: number): number {
    for (let i = this.nodes.length - 1; i > 0 && this.nodes[i].duplicated; i--) {
      if (this.nodes[i].origin === origin && this.nodes[i].constraint === constraint) return i;
    }
    return -1;
  }

  /**
   * Clones what follows `topOrigin` by epsilon moves under `initial` constraints, attaching the
   * clones below `topClone`. A path that comes back to `root` is tied to the original instead.
   */
  private cloneFollowers(topOrigin: number, topClone: number, root: number, initial: number): void {
    const nodes = this.nodes;
    let constraint = initial;
    let origin = topOrigin;
    let copy = topClone;
    for (;;) {
      const source = nodes[origin];
      let originNext: number;
      let copyNext: number;
      if (source.type === NodeType.BackRef) {
        originNext = source.next;
        copyNext = this.clone(originNext, constraint);
        nodes[copy].next = source.next;
        nodes[copy].edests = [copyNext];
      } else if (source.edests.length === 0) {
        nodes[copy].next = source.next;
        return;
      } else if (source.edests.length === 1) {
        originNext = source.edests[0];
        nodes[copy].edests = [];
        if (origin === root && copy !== origin) {
          nodes[copy].edests = [originNext];
          return;
        }
        constraint |= source.constraint;
        copyNext = this.clone(originNext, constraint);
        nodes[copy].edests = [copyNext];
      } else {
        const [first, second] = source.edests;
        nodes[copy].edests = [];
        let firstCopy = this.findClone(first, constraint);
        if (firstCopy < 0) {
          firstCopy = this.clone(first, constraint);
          insertSorted(nodes[copy].edests, firstCopy);
          this.cloneFollowers(first, firstCopy, root, constraint);
        } else {
          insertSorted(nodes[copy].edests, firstCopy);
        }
        originNext = second;
        copyNext = this.clone(second, constraint);
        insertSorted(nodes[copy].edests, copyNext);
      }
      origin = originNext;
      copy = copyNext;
    }
  }

  /**
   * gnulib computes closures depth first from each node in turn, cloning for a constrained node
   * the first time it reaches it, and recomputes closures a loop left incomplete (which can take
   * exponential time: GNU m4 needs a minute for some patterns). The clones depend only on the
   * order of those first visits, and every finished closure is plain reachability, so we make
   * the same visits once and then compute reachability.
   */
  build(): number[][] {
    const nodes = this.nodes;
    const visited: boolean[] = [];
    const visit = (root: number): void => {
      const stack = [root];
      while (stack.length > 0) {
        const index = stack.pop()!;
        if (visited[index]) continue;
        visited[index] = true;
        const node = nodes[index];
        if (node.constraint && node.edests.length > 0 && !nodes[node.edests[0]].duplicated) {
          this.cloneFollowers(index, index, index, node.constraint);
        }
        if (!isEpsilon(node.type)) continue;
        const edests = nodes[index].edests;
        for (let i = edests.length - 1; i >= 0; i--) if (!visited[edests[i]]) stack.push(edests[i]);
      }
    };
    for (let i = 0; i < nodes.length; i++) if (!visited[i]) visit(i);
    return nodes.map((_, start) => {
      const seen = new Set<number>([start]);
      const stack = [start];
      while (stack.length > 0) {
        const node = nodes[stack.pop()!];
        if (!isEpsilon(node.type)) continue;
        for (const d of node.edests) {
          if (!seen.has(d)) {
            seen.add(d);
            stack.push(d);
          }
        }
      }
      return [...seen].sort((a, b) => a - b);
    });
  }
}

/** Adds gnulib's constraint clones to `nodes` and returns every node's epsilon closure. */
export function buildClosures(nodes: ProgramNode[]): number[][] {
  return new ClosureBuilder(nodes).build();
}
