// Reading a pattern into tokens, as gnulib's peek_token and peek_token_bracket do under a given
// syntax. Under REG_ICASE the pattern is read upper-cased, except the character after a
// backslash and the name of a [:class:], which are read as written (so `\a` stays a lower-case
// `a`, which an upper-cased subject never contains: glibc's quirk, kept).
import type { AnchorKind, RegexSyntax } from './syntax.js';
import { type Charset, upperCaseText, utf8SequenceLength } from './text.js';

export type TokenType =
  | 'char'
  | 'end'
  | 'backslash' // a lone trailing backslash
  | 'alt'
  | 'backref'
  | 'anchor'
  | 'word'
  | 'notword'
  | 'space'
  | 'notspace'
  | 'open'
  | 'close'
  | 'star'
  | 'plus'
  | 'question'
  | 'openInterval'
  | 'closeInterval'
  | 'bracket'
  | 'period';

export interface Token {
  type: TokenType;
  /** The byte the token stands for when read as a character. */
  byte: number;
  length: number;
  anchor?: AnchorKind;
  /** A back-reference's group (0-based). */
  group?: number;
}

export type BracketTokenType = 'char' | 'end' | 'coll' | 'equiv' | 'class' | 'range' | 'close' | 'not';

export interface BracketToken {
  type: BracketTokenType;
  byte: number;
  length: number;
}

/** \x operators that do not depend on the syntax (gnulib's GNU operators). */
const GNU_OPERATORS: Record<string, Omit<Token, 'byte' | 'length'>> = {
  '<': { type: 'anchor', anchor: 'word-first' },
  '>': { type: 'anchor', anchor: 'word-last' },
  b: { type: 'anchor', anchor: 'word-first' }, // \b and \B become two anchors (see the parser)
  B: { type: 'anchor', anchor: 'inside-word' },
  '`': { type: 'anchor', anchor: 'buf-first' },
  "'": { type: 'anchor', anchor: 'buf-last' },
  w: { type: 'word' },
  W: { type: 'notword' },
  s: { type: 'space' },
  S: { type: 'notspace' },
};

const END: Token = { type: 'end', byte: 0, length: 0 };

/** The pattern as the parser reads it: raw bytes, case-folded bytes, character boundaries. */
export class PatternReader {
  /** The pattern as compared: upper-cased under REG_ICASE. */
  readonly folded: string;
  readonly multibyte: boolean;
  /** In UTF-8: the byte length of the character starting at each index (0 inside one). */
  readonly charLength: Uint8Array;

  constructor(
    readonly raw: string,
    readonly syntax: RegexSyntax,
    charset: Charset,
  ) {
    this.folded = syntax.ignoreCase ? upperCaseText(raw) : raw;
    this.multibyte = charset === 'utf8';
    this.charLength = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length;) {
      const len = this.multibyte ? utf8SequenceLength(raw, i) || 1 : 1;
      this.charLength[i] = len;
      i += len;
    }
  }

  get length(): number {
    return this.raw.length;
  }

  byteAt(i: number): number {
    return this.folded.charCodeAt(i);
  }

  rawByteAt(i: number): number {
    return this.raw.charCodeAt(i);
  }

  atCharStart(i: number): boolean {
    return this.charLength[i] !== 0;
  }

  /** gnulib's peek_token; `caretHere` is its RE_CARET_ANCHORS_HERE. */
  peek(at: number, caretHere: boolean): Token {
    if (at >= this.length) return END;
    const s = this.syntax;
    const c = this.byteAt(at);
    if (this.multibyte && !this.atCharStart(at)) return { type: 'char', byte: c, length: 1 };
    if (c === 0x5c /* \ */) {
      if (at + 1 >= this.length) return { type: 'backslash', byte: c, length: 1 };
      const code2 = this.rawByteAt(at + 1);
      const c2 = String.fromCharCode(code2);
      const token = (type: TokenType): Token => ({ type, byte: code2, length: 2 });
      if (c2 >= '1' && c2 <= '9') return { type: 'backref', byte: code2, length: 2, group: code2 - 49 };
      if (Object.hasOwn(GNU_OPERATORS, c2)) return { ...GNU_OPERATORS[c2], byte: code2, length: 2 };
      switch (c2) {
        case '|':
          return token(s.bareAlternation ? 'char' : 'alt');
        case '(':
          return token(s.bareGroups ? 'char' : 'open');
        case ')':
          return token(s.bareGroups ? 'char' : 'close');
        case '+':
          return token(s.backslashPlusQuestion ? 'plus' : 'char');
        case '?':
          return token(s.backslashPlusQuestion ? 'question' : 'char');
        case '{':
          return token(s.intervals && !s.bareIntervals ? 'openInterval' : 'char');
        case '}':
          return token(s.intervals && !s.bareIntervals ? 'closeInterval' : 'char');
        default:
          return token('char');
      }
    }
    const token = (type: TokenType): Token => ({ type, byte: c, length: 1 });
    switch (String.fromCharCode(c)) {
      case '|':
        return token(s.bareAlternation ? 'alt' : 'char');
      case '*':
        return token('star');
      case '+':
        return token(s.backslashPlusQuestion ? 'char' : 'plus');
      case '?':
        return token(s.backslashPlusQuestion ? 'char' : 'question');
      case '{':
        return token(s.intervals && s.bareIntervals ? 'openInterval' : 'char');
      case '}':
        return token(s.intervals && s.bareIntervals ? 'closeInterval' : 'char');
      case '(':
        return token(s.bareGroups ? 'open' : 'char');
      case ')':
        return token(s.bareGroups ? 'close' : 'char');
      case '[':
        return token('bracket');
      case '.':
        return token('period');
      case '^':
        if (s.anchorsAnywhere || caretHere || at === 0) return { ...token('anchor'), anchor: 'line-first' };
        return token('char');
      case '$':
        if (!s.anchorsAnywhere && at + 1 !== this.length) {
          const next = this.peek(at + 1, caretHere).type;
          if (next !== 'alt' && next !== 'close') return token('char');
        }
        return { ...token('anchor'), anchor: 'line-last' };
      default:
        return token('char');
    }
  }

  /** gnulib's peek_token_bracket: a token inside a list. */
  peekBracket(at: number): BracketToken {
    if (at >= this.length) return { type: 'end', byte: 0, length: 0 };
    const c = this.byteAt(at);
    if (this.multibyte && !this.atCharStart(at)) return { type: 'char', byte: c, length: 1 };
    switch (String.fromCharCode(c)) {
      case '[': {
        const next = at + 1 < this.length ? this.folded[at + 1] : '';
        if (next === '.') return { type: 'coll', byte: c, length: 2 };
        if (next === '=') return { type: 'equiv', byte: c, length: 2 };
        if (next === ':' && this.syntax.charClasses) return { type: 'class', byte: c, length: 2 };
        return { type: 'char', byte: c, length: 1 };
      }
      case '-':
        return { type: 'range', byte: c, length: 1 };
      case ']':
        return { type: 'close', byte: c, length: 1 };
      case '^':
        return { type: 'not', byte: c, length: 1 };
      default:
        return { type: 'char', byte: c, length: 1 };
    }
  }
}
