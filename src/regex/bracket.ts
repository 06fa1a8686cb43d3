// Lists ([...]) as gnulib's parse_bracket_exp reads them: `]` first is literal, `-` first or
// last is literal, [.x.] and [=x=] name one character, [:class:] when the syntax has classes,
// ranges by byte value (by code point in UTF-8), and gnulib's error for each mistake.
import { type PatternReader, type BracketToken } from './tokens.js';
import { RegexSyntaxError, type Tree, type WideSet } from './syntax.js';
import { decodeUtf8At, isAsciiAlnum, isAsciiSpace } from './text.js';

type BracketElement =
  | { kind: 'byte'; byte: number }
  | { kind: 'wide'; wc: number }
  | { kind: 'coll'; name: string }
  | { kind: 'equiv'; name: string }
  | { kind: 'class'; name: string };

/** gnulib's BRACKET_NAME_BUF_SIZE: longer names in [. .] [= =] [: :] are unmatched brackets. */
const MAX_SYMBOL_NAME = 32;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isGraph = (c: number): boolean => c >= 33 && c <= 126;

/** The C locale's <ctype.h> classes, by the names [:name:] takes. */
const CHAR_CLASSES: Record<string, (c: number) => boolean> = {
  alnum: isAsciiAlnum,
  cntrl: (c) => c < 32 || c === 127,
  lower: isLower,
  space: isAsciiSpace,
  alpha: (c) => isUpper(c) || isLower(c),
  digit: isDigit,
  print: (c) => c >= 32 && c <= 126,
  upper: isUpper,
  blank: (c) => c === 32 || c === 9,
  graph: isGraph,
  punct: (c) => isGraph(c) && !isAsciiAlnum(c),
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

/** Reads a list whose `[` ends just before `pos`; returns its tree and the index after `]`. */
export function parseBracket(reader: PatternReader, pos: number): { tree: Tree; next: number } {
  return new BracketParser(reader, pos).parse();
}

class BracketParser {
  private readonly bytes = new Uint8Array(256);
  private readonly wide: WideSet = { chars: [], ranges: [], classes: [], negated: false };

  constructor(
    private readonly reader: PatternReader,
    private pos: number,
  ) {}

  private fail(code: ConstructorParameters<typeof RegexSyntaxError>[0]): never {
    throw new RegexSyntaxError(code);
  }

  private peek(): BracketToken {
    return this.reader.peekBracket(this.pos);
  }

  parse(): { tree: Tree; next: number } {
    let token = this.peek();
    if (token.type === 'end') this.fail('badPattern');
    if (token.type === 'not') {
      this.wide.negated = true;
      if (this.reader.syntax.negatedListsExcludeNewline) this.bytes[10] = 1;
      this.pos += token.length;
      token = this.peek();
      if (token.type === 'end') this.fail('badPattern');
    }
    if (token.type === 'close') token = { ...token, type: 'char' };
    let firstRound = true;
    for (;;) {
      const start = this.element(token, firstRound);
      firstRound = false;
      token = this.peek();
      let rangeEnd: BracketToken | undefined;
      if (start.kind !== 'class' && start.kind !== 'equiv') {
        if (token.type === 'end') this.fail('bracket');
        if (token.type === 'range') {
          this.pos += token.length;
          const token2 = this.peek();
          if (token2.type === 'end') this.fail('bracket');
          if (token2.type === 'close') {
            // A '-' right before the closing bracket is literal: read it again as a character.
            this.pos -= token.length;
            token = { ...token, type: 'char' };
          } else {
            rangeEnd = token2;
          }
        }
      }
      if (rangeEnd) {
        const end = this.element(rangeEnd, true);
        token = this.peek();
        this.addRange(start, end);
      } else {
        this.addElement(start);
      }
      if (token.type === 'end') this.fail('bracket');
      if (token.type === 'close') break;
    }
    this.pos += token.length;
    return { tree: this.finish(), next: this.pos };
  }

  /** gnulib's parse_bracket_element: one character, or a [. .] [= =] [: :] name. */
  private element(token: BracketToken, acceptHyphen: boolean): BracketElement {
    const reader = this.reader;
    if (reader.multibyte && reader.charLength[this.pos] > 1) {
      const len = reader.charLength[this.pos];
      const wc = decodeUtf8At(reader.raw, this.pos, len);
      this.pos += len;
      return { kind: 'wide', wc };
    }
    this.pos += token.length;
    if (token.type === 'coll' || token.type === 'equiv' || token.type === 'class') {
      const name = this.symbolName(token.type);
      return { kind: token.type, name };
    }
    if (token.type === 'range' && !acceptHyphen) {
      // A '-' that is neither a range nor right before ']'.
      if (this.peek().type !== 'close') this.fail('range');
    }
    return { kind: 'byte', byte: token.byte };
  }

  /**
   * The name in [.name.], [=name=] or [:name:], read up to the delimiter followed by `]`. A
   * class name is read as written; the others as compared (upper-cased under REG_ICASE).
   */
  private symbolName(type: 'coll' | 'equiv' | 'class'): string {
    const reader = this.reader;
    const delimiter = type === 'coll' ? 0x2e : type === 'equiv' ? 0x3d : 0x3a;
    if (this.pos >= reader.length) this.fail('bracket');
    let name = '';
    for (let i = 0; ; i++) {
      if (i >= MAX_SYMBOL_NAME) this.fail('bracket');
      const ch = type === 'class' ? reader.rawByteAt(this.pos) : reader.byteAt(this.pos);
      this.pos++;
      if (this.pos >= reader.length) this.fail('bracket');
      if (ch === delimiter && reader.byteAt(this.pos) === 0x5d) break;
      name += String.fromCharCode(ch);
    }
    this.pos++;
    return name;
  }

  private addElement(element: BracketElement): void {
    switch (element.kind) {
      case 'byte':
        this.bytes[element.byte] = 1;
        return;
      case 'wide':
        this.wide.chars.push(element.wc);
        return;
      case 'coll':
      case 'equiv':
        // Without locale collation data a name must be exactly one byte.
        if (element.name.length !== 1) this.fail('collation');
        this.bytes[element.name.charCodeAt(0)] = 1;
        return;
      case 'class':
        this.addClass(element.name);
        return;
    }
  }

  private addClass(written: string): void {
    // Under REG_ICASE upper and lower mean letters of either case.
    const name =
      this.reader.syntax.ignoreCase && (written === 'upper' || written === 'lower') ? 'alpha' : written;
    if (!Object.hasOwn(CHAR_CLASSES, name)) this.fail('classType');
    // Only POSIX syntaxes have classes, and they are read in the C locale.
    if (this.reader.multibyte) throw new Error('character classes are not read in multibyte patterns');
    const member = CHAR_CLASSES[name];
    for (let b = 0; b < 256; b++) if (member(b)) this.bytes[b] = 1;
  }

  private addRange(start: BracketElement, end: BracketElement): void {
    const isClassLike = (e: BracketElement): boolean => e.kind === 'equiv' || e.kind === 'class';
    if (isClassLike(start) || isClassLike(end)) this.fail('range');
    if ((start.kind === 'coll' && start.name.length > 1) || (end.kind === 'coll' && end.name.length > 1)) {
      this.fail('collation');
    }
    const value = (e: BracketElement): number => {
      if (e.kind === 'wide') return e.wc;
      const byte = e.kind === 'byte' ? e.byte : (e as { name: string }).name.charCodeAt(0);
      // In UTF-8 a byte above 127 is no character (btowc gives WEOF).
      if (this.reader.multibyte && byte >= 0x80) this.fail('collation');
      return byte;
    };
    const from = value(start);
    const to = value(end);
    if (this.reader.syntax.noEmptyRanges && from > to) this.fail('range');
    if (this.reader.multibyte) this.wide.ranges.push([from, to]);
    for (let b = from; b <= to && b < 256; b++) this.bytes[b] = 1;
  }

  /** A single-byte set, or in UTF-8 a multibyte one (beside an ASCII set when that has members). */
  private finish(): Tree {
    const { bytes, wide } = this;
    if (wide.negated) for (let b = 0; b < 256; b++) bytes[b] ^= 1;
    if (!this.reader.multibyte) return { kind: 'bytes', set: bytes };
    // In UTF-8 the single-byte part covers ASCII only; the rest is for multibyte characters.
    bytes.fill(0, 0x80);
    const complex = wide.chars.length > 0 || wide.ranges.length > 0 || wide.negated;
    if (!complex) return { kind: 'bytes', set: bytes };
    const wideTree: Tree = { kind: 'wide', set: wide };
    if (!bytes.includes(1)) return wideTree;
    return { kind: 'alt', left: { kind: 'bytes', set: bytes }, right: wideTree };
  }
}
