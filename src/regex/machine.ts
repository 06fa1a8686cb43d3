// The automaton meeting the subject: what each node accepts at a position, which anchors hold,
// and gnulib's register bookkeeping, shared by the plain search and the back-reference search.
import {
  CONTEXT_BEGBUF,
  CONTEXT_ENDBUF,
  CONTEXT_NEWLINE,
  CONTEXT_WORD,
  NEXT_ENDBUF,
  NEXT_MASK,
  NEXT_NEWLINE,
  NEXT_NOTWORD,
  NEXT_WORD,
  PREV_BEGBUF,
  PREV_MASK,
  PREV_NEWLINE,
  PREV_NOTWORD,
  PREV_WORD,
} from './closure.js';
import { type Program, type ProgramNode, NodeType } from './program.js';
import { type Subject, isByteWordChar, isWideAlnum, isWideSpace } from './text.js';

/** Registers as GNU reports them: absolute offsets, -1 when unset (an end may be start-1). */
export interface Registers {
  start: number[];
  end: number[];
}

export interface MatchResult {
  start: number;
  end: number;
  registers: Registers;
  /**
   * glibc's register walk would go round a loop forever here (regexec never returns); the
   * registers are the ones gnulib's walk gives, which stops where the loop begins.
   */
  walkNeverEnds?: true;
}

/** Number of bytes of UTF-8 that gnulib's fast-path `.` accepts at p (0 if none). */
function utf8PeriodLength(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 0xc2 || p + 2 > text.length) return 0;
  const d = text.charCodeAt(p + 1);
  let length: number;
  if (c < 0xe0) return d < 0x80 || d > 0xbf ? 0 : 2;
  else if (c < 0xf0) {
    length = 3;
    if (c === 0xe0 && d < 0xa0) return 0;
  } else if (c < 0xf8) {
    length = 4;
    if (c === 0xf0 && d < 0x90) return 0;
  } else if (c < 0xfc) {
    length = 5;
    if (c === 0xf8 && d < 0x88) return 0;
  } else if (c < 0xfe) {
    length = 6;
    if (c === 0xfc && d < 0x84) return 0;
  } else return 0;
  if (p + length > text.length) return 0;
  for (let i = 1; i < length; i++) {
    const b = text.charCodeAt(p + i);
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

/**
 * How the subject is read. 'bytes': every byte a character, C classes (the C locale, and any
 * pure ASCII subject). 'utf8-fast': gnulib's single-byte path in a UTF-8 locale, where only `.`
 * knows UTF-8 sequences. 'utf8': multibyte characters throughout.
 */
type ReadMode = 'bytes' | 'utf8-fast' | 'utf8';

/** What the automaton's nodes see of the subject: acceptance and context. */
export class Machine {
  readonly n: number;
  readonly text: string;
  readonly mode: ReadMode;
  /** gnulib only classifies word characters for contexts when \< \> \b \B are used. */
  private readonly wordContexts: boolean;
  private readonly newlineAnchor: boolean;
  private readonly dotMatchesNewline: boolean;
  private readonly dotExcludesNul: boolean;

  constructor(
    readonly program: Program,
    readonly subject: Subject,
  ) {
    this.n = subject.length;
    this.text = subject.text;
    this.mode = !subject.multibyte ? 'bytes' : program.regime === 'utf8' ? 'utf8' : 'utf8-fast';
    this.wordContexts = program.nodes.some(
      (n) => (n.constraint & (PREV_WORD | PREV_NOTWORD | NEXT_WORD | NEXT_NOTWORD)) !== 0,
    );
    this.newlineAnchor = program.rules.newlineAnchor;
    this.dotMatchesNewline = program.rules.dotMatchesNewline;
    this.dotExcludesNul = program.rules.dotExcludesNul;
  }

  /** A newline at `at` counts as a line boundary (only with gnulib's newline_anchor). */
  private isLineBreak(at: number): boolean {
    return this.newlineAnchor && this.text.charCodeAt(at) === 10;
  }

  /** A match may start at p: anywhere, except inside a character in multibyte matching. */
  canStartAt(p: number): boolean {
    return this.mode !== 'utf8' || p >= this.n || this.subject.charLength[p] !== 0;
  }

  /** Is the character at byte `at` (or the one containing it) a word character? */
  private isWordAt(at: number): boolean {
    if (!this.wordContexts || at < 0 || at >= this.n) return false;
    if (this.mode !== 'utf8') return isByteWordChar(this.text.charCodeAt(at));
    const s = this.subject;
    while (at > 0 && s.charLength[at] === 0) at--;
    const wc = s.wide[at];
    return wc === 95 || isWideAlnum(wc);
  }

  /** The context before p satisfies the node's PREV constraints: the node exists at p. */
  present(index: number, p: number): boolean {
    const c = this.program.nodes[index].constraint & PREV_MASK;
    if (c === 0) return true;
    if (c & PREV_BEGBUF && p !== 0) return false;
    if (c & PREV_NEWLINE && p !== 0 && !this.isLineBreak(p - 1)) return false;
    if (c & (PREV_WORD | PREV_NOTWORD)) {
      const word = this.isWordAt(p - 1);
      if (c & PREV_WORD && !word) return false;
      if (c & PREV_NOTWORD && word) return false;
    }
    return true;
  }

  /** The context after p satisfies the node's NEXT constraints. */
  nextOk(index: number, p: number): boolean {
    const c = this.program.nodes[index].constraint & NEXT_MASK;
    if (c === 0) return true;
    if (c & NEXT_ENDBUF && p !== this.n) return false;
    if (c & NEXT_NEWLINE && p !== this.n && !this.isLineBreak(p)) return false;
    if (c & (NEXT_WORD | NEXT_NOTWORD)) {
      const word = this.isWordAt(p);
      if (c & NEXT_WORD && !word) return false;
      if (c & NEXT_NOTWORD && word) return false;
    }
    return true;
  }

  /** An end node stops a match at p. */
  halts(index: number, p: number): boolean {
    return this.nextOk(index, p);
  }

  /**
   * Bytes consumed by a consuming node at p, 0 when it does not match there. `honourContext`
   * false skips the node's constraint on what follows, as gnulib's multibyte check does.
   */
  accept(index: number, p: number, honourContext = true): number {
    if (p >= this.n || (honourContext && !this.nextOk(index, p))) return 0;
    const node = this.program.nodes[index];
    const byte = this.text.charCodeAt(p);
    switch (node.type) {
      case NodeType.Char:
        return byte === node.byte ? 1 : 0;
      case NodeType.Bytes:
        return node.bytes![byte];
      case NodeType.Any:
        if (byte === 10) return this.dotMatchesNewline ? 1 : 0;
        if (byte === 0) return this.dotExcludesNul ? 0 : 1;
        if (byte < 0x80 || this.mode === 'bytes') return 1;
        if (this.mode === 'utf8-fast') return utf8PeriodLength(this.text, p);
        return this.subject.charLength[p] > 1 ? this.subject.charLength[p] : 0;
      case NodeType.Wide: {
        if (this.mode !== 'utf8') return 0;
        const length = this.subject.charLength[p];
        if (length <= 1) return 0;
        const set = node.wide!;
        const wc = this.subject.wide[p];
        const member =
          set.chars.includes(wc) ||
          set.ranges.some(([from, to]) => from <= wc && wc <= to) ||
          set.classes.some((c) => (c === 'alnum' ? isWideAlnum(wc) : isWideSpace(wc)));
        return member !== set.negated ? length : 0;
      }
      default:
        return 0;
    }
  }

  /**
   * gnulib's context of the character at `at` (re_string_context_at): CONTEXT_* bits for a word
   * character, a line break, or the text's ends (before the start, at the end).
   */
  context(at: number): number {
    if (at < 0) return CONTEXT_NEWLINE | CONTEXT_BEGBUF;
    if (at >= this.n) return CONTEXT_NEWLINE | CONTEXT_ENDBUF;
    if (this.isWordAt(at)) return CONTEXT_WORD;
    return this.isLineBreak(at) ? CONTEXT_NEWLINE : 0;
  }

  /**
   * The context gnulib's transition table gives the state reached by reading the byte at `at`:
   * as context(), except that a newline counts as one even without newline_anchor.
   */
  tableContext(at: number): number {
    if (this.isWordAt(at)) return CONTEXT_WORD;
    return this.text.charCodeAt(at) === 10 ? CONTEXT_NEWLINE : 0;
  }

  /** A word character for gnulib's contexts (only when word anchors are used). */
  isWordByte(byte: number): boolean {
    return this.wordContexts && isByteWordChar(byte);
  }

  /** The context class gnulib gives a DFA state entered at p (for its start-state comparisons). */
  stateContext(p: number): string {
    if (p === 0) return 'begbuf';
    if (this.isWordAt(p - 1)) return 'word';
    return this.isLineBreak(p - 1) ? 'newline' : 'other';
  }
}

/**
 * Registers during the walk, relative to the match start, as gnulib's regmatch_t array, with
 * the copy it keeps of them as of the last non-empty group match ("prev").
 */
export class WalkRegisters {
  readonly so: Int32Array;
  readonly eo: Int32Array;
  private readonly prevSo: Int32Array;
  private readonly prevEo: Int32Array;

  constructor(size: number) {
    this.so = new Int32Array(size).fill(-1);
    this.eo = new Int32Array(size).fill(-1);
    this.prevSo = new Int32Array(size).fill(-1);
    this.prevEo = new Int32Array(size).fill(-1);
  }

  /** Registers at the start of a walk over a match of `length` bytes. */
  static initial(groups: number, length: number): WalkRegisters {
    const regs = new WalkRegisters(groups + 1);
    regs.so[0] = regs.prevSo[0] = 0;
    regs.eo[0] = regs.prevEo[0] = length;
    return regs;
  }

  clone(): WalkRegisters {
    const copy = new WalkRegisters(this.so.length);
    copy.so.set(this.so);
    copy.eo.set(this.eo);
    copy.prevSo.set(this.prevSo);
    copy.prevEo.set(this.prevEo);
    return copy;
  }

  /** gnulib's update_regs: what passing an Open or Close node at idx does. */
  update(info: ProgramNode, idx: number): void {
    const r = info.group + 1;
    if (info.type === NodeType.Open) {
      this.so[r] = idx;
      this.eo[r] = -1;
    } else if (info.type === NodeType.Close) {
      if (this.so[r] < idx) {
        this.eo[r] = idx;
        this.prevSo.set(this.so);
        this.prevEo.set(this.eo);
      } else if (info.optional && this.prevSo[r] !== -1) {
        // An optional group that matched empty again: undo back to its previous match.
        this.so.set(this.prevSo);
        this.eo.set(this.prevEo);
      } else {
        this.eo[r] = idx;
      }
    }
  }

  /** Absolute offsets, then GNU's merged-group map. */
  finish(program: Program, start: number): Registers {
    const startOut: number[] = [];
    const endOut: number[] = [];
    for (let r = 0; r <= program.groups; r++) {
      // gnulib adds the offset whenever the start is set, even to an unset end.
      startOut.push(this.so[r] === -1 ? -1 : this.so[r] + start);
      endOut.push(this.so[r] === -1 ? this.eo[r] : this.eo[r] + start);
    }
    const registers = { start: startOut, end: endOut };
    copyMergedGroups(program, registers);
    return registers;
  }
}

/** A group gnulib merged into the one it wraps reports that one's registers. */
export function copyMergedGroups(program: Program, registers: Registers): void {
  program.subexpMap.forEach((target, i) => {
    if (target !== i) {
      registers.start[i + 1] = registers.start[target + 1];
      registers.end[i + 1] = registers.end[target + 1];
    }
  });
}
