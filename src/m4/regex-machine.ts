// The automaton meeting the subject: what each node accepts at a position, which anchors hold,
// and gnulib's register bookkeeping, shared by the plain search and the back-reference search.
import { type Program, NodeType, isEpsilon } from './regex-program.js';
import type { AnchorKind } from './regex-syntax.js';
import { type Subject, isByteWordChar, isWideAlnum, isWideSpace } from './regex-text.js';

/** Registers as GNU reports them: absolute offsets, -1 when unset (an end may be start-1). */
export interface Registers {
  start: number[];
  end: number[];
}

export interface MatchResult {
  start: number;
  end: number;
  registers: Registers;
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

/** What the automaton's nodes see of the subject: acceptance and context. */
export class Machine {
  readonly n: number;
  private readonly reverseEpsilon: number[][];

  constructor(
    readonly program: Program,
    readonly subject: Subject,
  ) {
    this.n = subject.length;
    this.reverseEpsilon = program.nodes.map(() => []);
    program.nodes.forEach((node, index) => {
      if (isEpsilon(node.type)) for (const d of node.edests) this.reverseEpsilon[d].push(index);
    });
  }

  /** A match may start at p: anywhere, except inside a character in multibyte matching. */
  canStartAt(p: number): boolean {
    return this.program.regime !== 'utf8' || p >= this.n || this.subject.charLength[p] !== 0;
  }

  /** Bytes consumed by a consuming node at p, 0 when it does not match there. */
  accept(index: number, p: number): number {
    if (p >= this.n) return 0;
    const node = this.program.nodes[index];
    const s = this.subject;
    const byte = s.text.charCodeAt(p);
    switch (node.type) {
      case NodeType.Char:
        return byte === node.byte ? 1 : 0;
      case NodeType.Bytes:
        return node.bytes![byte] ? 1 : 0;
      case NodeType.Any:
        if (this.program.regime === 'bytes') return byte !== 10 ? 1 : 0;
        if (byte < 0x80) return byte !== 10 ? 1 : 0;
        if (this.program.regime === 'utf8-bytes') return utf8PeriodLength(s.text, p);
        return s.charLength[p] > 1 ? s.charLength[p] : 0;
      case NodeType.Wide: {
        const length = s.charLength[p];
        if (length <= 1) return 0;
        const set = node.wide!;
        const wc = s.wide[p];
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

  /** Is the character before (after) position p a word character? */
  private isWordAround(p: number, before: boolean): boolean {
    const s = this.subject;
    let at = before ? p - 1 : p;
    if (at < 0 || at >= this.n) return false;
    if (this.program.regime === 'bytes') return isByteWordChar(s.text.charCodeAt(at));
    while (at > 0 && s.charLength[at] === 0) at--;
    const wc = s.wide[at];
    return wc === 95 || isWideAlnum(wc);
  }

  anchorHolds(anchor: AnchorKind, p: number): boolean {
    const text = this.subject.text;
    switch (anchor) {
      case 'line-first':
        return p === 0 || text.charCodeAt(p - 1) === 10;
      case 'line-last':
        return p === this.n || text.charCodeAt(p) === 10;
      case 'buf-first':
        return p === 0;
      case 'buf-last':
        return p === this.n;
      case 'word-first':
        return !this.isWordAround(p, true) && this.isWordAround(p, false);
      case 'word-last':
        return this.isWordAround(p, true) && !this.isWordAround(p, false);
      case 'inside-word':
        return this.isWordAround(p, true) && this.isWordAround(p, false);
      case 'inside-notword':
        return !this.isWordAround(p, true) && !this.isWordAround(p, false);
    }
  }

  /** An epsilon node lets the walk through at p (anchors must hold). */
  passes(index: number, p: number): boolean {
    const node = this.program.nodes[index];
    return node.type !== NodeType.Anchor || this.anchorHolds(node.anchor!, p);
  }

  /**
   * Marks every node from which `targets` (already marked in `marks`) can be reached at p by
   * epsilon moves alone. This is gnulib's "sifted state": where the match can still succeed.
   */
  closeBackwards(marks: Uint8Array, p: number): void {
    const stack: number[] = [];
    marks.forEach((m, i) => {
      if (m) stack.push(i);
    });
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const from of this.reverseEpsilon[node]) {
        if (marks[from] || !this.passes(from, p)) continue;
        marks[from] = 1;
        stack.push(from);
      }
    }
  }
}

/** Registers during the walk, relative to the match start, as gnulib's regmatch_t array. */
export interface WalkRegisters {
  so: number[];
  eo: number[];
}

export function copyRegisters(r: WalkRegisters): WalkRegisters {
  return { so: r.so.slice(), eo: r.eo.slice() };
}

/** gnulib's update_regs: what passing an Open or Close node does to the registers. */
export function updateRegisters(
  m: Machine,
  node: number,
  idx: number,
  regs: WalkRegisters,
  prev: WalkRegisters,
): { regs: WalkRegisters; prev: WalkRegisters } {
  const info = m.program.nodes[node];
  const r = info.group + 1;
  if (info.type === NodeType.Open) {
    regs.so[r] = idx;
    regs.eo[r] = -1;
  } else if (info.type === NodeType.Close) {
    if (regs.so[r] < idx) {
      regs.eo[r] = idx;
      prev = copyRegisters(regs);
    } else if (info.optional && prev.so[r] !== -1) {
      // An optional group that matched empty again: undo back to its previous match.
      regs = copyRegisters(prev);
    } else {
      regs.eo[r] = idx;
    }
  }
  return { regs, prev };
}

/** Converts walk registers to absolute offsets, then applies GNU's merged-group map. */
export function finishRegisters(program: Program, regs: WalkRegisters, start: number): Registers {
  const startOut: number[] = [];
  const endOut: number[] = [];
  for (let r = 0; r <= program.groups; r++) {
    // gnulib adds the offset whenever the start is set, even to an unset end.
    startOut.push(regs.so[r] === -1 ? -1 : regs.so[r] + start);
    endOut.push(regs.so[r] === -1 ? regs.eo[r] : regs.eo[r] + start);
  }
  program.subexpMap.forEach((target, i) => {
    if (target !== i) {
      startOut[i + 1] = startOut[target + 1];
      endOut[i + 1] = endOut[target + 1];
    }
  });
  return { start: startOut, end: endOut };
}
