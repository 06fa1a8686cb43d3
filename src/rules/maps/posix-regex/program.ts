// Compiles a parsed pattern into a small program whose shape follows the tree glibc builds:
// alternations nest to the left, {n,m} becomes n copies then ((X?)X)?…, and only the repeated
// group of an optional copy carries glibc's "optional subexpression" mark. Submatches depend on
// that shape, so it is kept even where a simpler one would match the same strings.
import type { AssertKind, Node } from './parse.js';

export type Instr =
  | { op: 'set'; bits: Uint8Array }
  /** Try a first, then b. */
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'open'; n: number }
  /** optional: glibc's opt_subexp — an empty match here restores the previous registers. */
  | { op: 'close'; n: number; optional: boolean }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'backref'; n: number }
  | { op: 'match' };

/** Programs grow with interval counts; beyond this we give up as glibc gives up ("too big"). */
const MAX_PROGRAM = 200_000;

export class ProgramTooBig extends Error {}

export function compileToProgram(root: Node): Instr[] {
  const c = new Compiler();
  c.node(root, null, false);
  c.emit({ op: 'match' });
  return c.code;
}

class Compiler {
  readonly code: Instr[] = [];

  emit(i: Instr): number {
    if (this.code.length >= MAX_PROGRAM) throw new ProgramTooBig('program too big');
    this.code.push(i);
    return this.code.length - 1;
  }

  private patchSplitA(at: number): void {
    (this.code[at] as { a: number }).a = this.code.length;
  }

  private patchSplitB(at: number): void {
    (this.code[at] as { b: number }).b = this.code.length;
  }

  /**
   * marked: the group glibc marks optional here (only the repeated group itself, in the copy it
   * makes optional). copy: this subtree is a copy glibc made, and its copies carry no marks.
   */
  node(n: Node, marked: number | null, copy: boolean): void {
    switch (n.t) {
      case 'set':
        this.emit({ op: 'set', bits: n.bits });
        return;
      case 'empty':
        return;
      case 'cat':
        for (const item of n.items) this.node(item, null, copy);
        return;
      case 'alt':
        this.alternation(n.alts, n.alts.length, copy);
        return;
      case 'group':
        this.emit({ op: 'open', n: n.index });
        this.node(n.body, null, copy);
        this.emit({ op: 'close', n: n.index, optional: marked === n.index });
        return;
      case 'assert':
        this.emit({ op: 'assert', kind: n.kind });
        return;
      case 'backref':
        this.emit({ op: 'backref', n: n.index });
        return;
      case 'repeat':
        this.repeat(n.body, n.min, n.max, copy);
        return;
    }
  }

  /**
   * a|b|c is ((a|b)|c) in glibc: the split for the last branch is the outer one. The splits
   * come first, outermost first; after each branch a jump leads past the next one.
   */
  private alternation(alts: Node[], count: number, copy: boolean): void {
    const splits: number[] = [];
    for (let k = 1; k < count; k++) {
      const split = this.emit({ op: 'split', a: 0, b: 0 });
      this.patchSplitA(split);
      splits.push(split);
    }
    this.node(alts[0]!, null, copy);
    for (let i = 1; i < count; i++) {
      const jump = this.emit({ op: 'jmp', to: 0 });
      this.patchSplitB(splits[count - 1 - i]!);
      this.node(alts[i]!, null, copy);
      (this.code[jump] as { to: number }).to = this.code.length;
    }
  }

  private repeat(body: Node, min: number, max: number, copy: boolean): void {
    if (max === 0) return;
    const group = body.t === 'group' && !copy ? body.index : null;
    // The first mandatory copy is the original (it keeps the marks inside it).
    for (let i = 0; i < min; i++) this.node(body, null, copy || i > 0);
    if (min === max) return;
    // The optional copy is the original when nothing was mandatory, else a fresh copy.
    const optionalIsCopy = copy || min > 0;
    const first = (): void => this.node(body, group, optionalIsCopy);
    if (max === Infinity) {
      const top = this.emit({ op: 'split', a: 0, b: 0 });
      this.patchSplitA(top);
      first();
      this.emit({ op: 'jmp', to: top });
      this.patchSplitB(top);
      return;
    }
    // {min, max}: ((X?)X)?… — each further copy is mandatory inside a new optional level.
    const levels = max - min;
    const splits: number[] = [];
    for (let l = 0; l < levels; l++) {
      const split = this.emit({ op: 'split', a: 0, b: 0 });
      this.patchSplitA(split);
      splits.push(split);
    }
    first();
    this.patchSplitB(splits[levels - 1]!);
    for (let k = 2; k <= levels; k++) {
      this.node(body, null, true);
      this.patchSplitB(splits[levels - k]!);
    }
  }
}
