// The nodes of a compiled pattern (gnulib's automaton), shared by the compiler and the matchers.
import type { AnchorKind, WideSet } from './syntax.js';

export enum NodeType {
  Char,
  Bytes,
  Wide,
  Any,
  Anchor,
  BackRef,
  Open,
  Close,
  Alt,
  Star,
  End,
}

export interface ProgramNode {
  type: NodeType;
  byte: number;
  bytes?: Uint8Array;
  wide?: WideSet;
  anchor?: AnchorKind;
  /** Group index (0-based) of Open, Close and BackRef. */
  group: number;
  /** An Open/Close of a group directly under a repetition (GNU's opt_subexp). */
  optional: boolean;
  /** Where a consuming node (or a back-reference) goes next. */
  next: number;
  /** Where an epsilon node may go, in GNU's preference order (ascending node index). */
  edests: number[];
  /** Context the node needs (closure.ts bits): anchors, and clones made for anchors. */
  constraint: number;
  /** A clone made for a constraint, and the node it copies. */
  duplicated: boolean;
  origin: number;
}

export function isEpsilon(type: NodeType): boolean {
  return (
    type === NodeType.Anchor ||
    type === NodeType.Open ||
    type === NodeType.Close ||
    type === NodeType.Alt ||
    type === NodeType.Star
  );
}
