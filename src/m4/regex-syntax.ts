// The regular expression syntax GNU m4 1.4.19 gets from gnulib's regex: it never sets
// re_syntax_options, so the syntax is RE_SYNTAX_EMACS (no bits set):
// - \( \) group, \| alternates, \1..\9 refer back; ( ) | { } are ordinary, and so are \{ \}
//   (no intervals without RE_INTERVALS);
// - * + ? repeat, but are ordinary at the start of the pattern, after \( or \|, and after an
//   anchor; \+ and \? are ordinary characters;
// - ^ anchors only at the start or after \( or \|, $ only at the end or before \) or \|;
// - [...] lists: ] first is literal, - first or last is literal, [.x.] and [=x=] name one
//   character, [: is nothing special (no RE_CHAR_CLASSES), a backslash is literal;
// - . matches anything but newline, [^...] matches newline;
// - GNU operators \w \W \s \S \b \B \< \> \` \'.
// This module turns a pattern into the tree gnulib's parser builds (same shapes, same group
// numbering, same errors), which regex-program.ts compiles.
import { type Charset, isAsciiAlnum, isAsciiSpace, utf8SequenceLength, decodeUtf8At } from './regex-text.js';

export type AnchorKind =
  | 'line-first'
  | 'line-last'
  | 'buf-first'
  | 'buf-last'
  | 'word-first'
  | 'word-last'
  | 'inside-word'
  | 'inside-notword';

/** Characters a multibyte-aware list matches (gnulib's "complex bracket"). */
export interface WideSet {
  chars: number[];
  ranges: [number, number][];
  classes: ('alnum' | 'space')[];
  negated: boolean;
}

/** A parse tree node; `copied` marks the copy `x+` makes of x (gnulib flags those nodes). */
export type Tree = (
  | { kind: 'char'; byte: number }
  | { kind: 'bytes'; set: Uint8Array } // 256 entries: which single-byte characters match
  | { kind: 'wide'; set: WideSet } // which multibyte characters match
  | { kind: 'any' }
  | { kind: 'anchor'; anchor: AnchorKind }
  | { kind: 'backref'; group: number }
  | { kind: 'concat'; left: Tree; right: Tree; plus?: true } // plus: right is left+'s copy, starred
  | { kind: 'alt'; left: Tree | null; right: Tree | null }
  | { kind: 'star'; body: Tree }
  | { kind: 'group'; index: number; body: Tree | null; optional: boolean }
) & { copied?: true };

export interface ParsedPattern {
  tree: Tree | null;
  groups: number;
}

/** gnulib's messages, exactly. */
export const REGEX_ERRORS = {
  badPattern: 'Invalid regular expression',
  collation: 'Invalid collation character',
  trailingBackslash: 'Trailing backslash',
  backReference: 'Invalid back reference',
  bracket: 'Unmatched [, [^, [:, [., or [=',
  openParen: 'Unmatched ( or \\(',
  range: 'Invalid range end',
  closeParen: 'Unmatched ) or \\)',
} as const;

export class RegexSyntaxError extends Error {}

type TokenType =
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
  | 'bracket'
  | 'period';

interface Token {
  type: TokenType;
  byte: number;
  length: number;
  anchor?: AnchorKind;
  group?: number;
}

const BACKSLASH_OPS: Record<string, Omit<Token, 'byte' | 'length'>> = {
  '|': { type: 'alt' },
  '<': { type: 'anchor', anchor: 'word-first' },
  '>': { type: 'anchor', anchor: 'word-last' },
  b: { type: 'anchor', anchor: 'word-first' }, // \b and \B become two anchors, see below
  B: { type: 'anchor', anchor: 'inside-word' },
  '`': { type: 'anchor', anchor: 'buf-first' },
  "'": { type: 'anchor', anchor: 'buf-last' },
  w: { type: 'word' },
  W: { type: 'notword' },
  s: { type: 'space' },
  S: { type: 'notspace' },
  '(': { type: 'open' },
  ')': { type: 'close' },
};

type BracketTokenType = 'char' | 'end' | 'coll' | 'equiv' | 'range' | 'close' | 'not';

interface BracketToken {
  type: BracketTokenType;
  byte: number;
  length: number;
}

type BracketElement =
  | { kind: 'byte'; byte: number }
  | { kind: 'wide'; wc: number }
  | { kind: 'coll'; name: string }
  | { kind: 'equiv'; name: string };

const MAX_SYMBOL_NAME = 32;

class Parser {
  private pos = 0;
  private groups = 0;
  /** Groups already closed, so \N may refer to them (only \1..\9 are tracked). */
  private completed = 0;
  private readonly multibyte: boolean;
  /** In UTF-8: where each pattern character starts (1) and its byte length. */
  private readonly charLength: Uint8Array;

  constructor(
    private readonly pattern: string,
    charset: Charset,
  ) {
    this.multibyte = charset === 'utf8';
    this.charLength = new Uint8Array(pattern.length);
    for (let i = 0; i < pattern.length;) {
      const len = this.multibyte ? utf8SequenceLength(pattern, i) || 1 : 1;
      this.charLength[i] = len;
      i += len;
    }
  }

  private fail(message: string): never {
    throw new RegexSyntaxError(message);
  }

  private byteAt(i: number): number {
    return this.pattern.charCodeAt(i);
  }

  private atCharStart(i: number): boolean {
    return this.charLength[i] !== 0;
  }

  /** gnulib's peek_token; `caretHere` is its RE_CARET_ANCHORS_HERE. */
  private peek(at: number, caretHere: boolean): Token {
    const p = this.pattern;
    if (at >= p.length) return { type: 'end', byte: 0, length: 0 };
    const c = this.byteAt(at);
    if (this.multibyte && !this.atCharStart(at)) return { type: 'char', byte: c, length: 1 };
    if (c === 0x5c /* \ */) {
      if (at + 1 >= p.length) return { type: 'backslash', byte: c, length: 1 };
      const c2 = p[at + 1];
      const code2 = this.byteAt(at + 1);
      if (c2 >= '1' && c2 <= '9') return { type: 'backref', byte: code2, length: 2, group: code2 - 49 };
      const op = BACKSLASH_OPS[c2];
      if (op && Object.hasOwn(BACKSLASH_OPS, c2)) return { ...op, byte: code2, length: 2 };
      return { type: 'char', byte: code2, length: 2 };
    }
    switch (p[at]) {
      case '*':
        return { type: 'star', byte: c, length: 1 };
      case '+':
        return { type: 'plus', byte: c, length: 1 };
      case '?':
        return { type: 'question', byte: c, length: 1 };
      case '[':
        return { type: 'bracket', byte: c, length: 1 };
      case '.':
        return { type: 'period', byte: c, length: 1 };
      case '^':
        if (caretHere || at === 0) return { type: 'anchor', byte: c, length: 1, anchor: 'line-first' };
        break;
      case '$': {
        if (at + 1 !== p.length) {
          const next = this.peek(at + 1, caretHere);
          if (next.type !== 'alt' && next.type !== 'close') break;
        }
        return { type: 'anchor', byte: c, length: 1, anchor: 'line-last' };
      }
    }
    return { type: 'char', byte: c, length: 1 };
  }

  private token: Token = { type: 'end', byte: 0, length: 0 };

  /** The current token's type (a method, so TypeScript does not assume it is unchanged). */
  private currentType(): TokenType {
    return this.token.type;
  }

  private fetch(caretHere = false): void {
    this.token = this.peek(this.pos, caretHere);
    this.pos += this.token.length;
  }

  parse(): ParsedPattern {
    this.fetch(true);
    const tree = this.alternation(0);
    return { tree, groups: this.groups };
  }

  /** branch \| branch ... */
  private alternation(nest: number): Tree | null {
    const completedBefore = this.completed;
    let tree = this.branch(nest);
    while (this.token.type === 'alt') {
      this.fetch(true);
      let branch: Tree | null = null;
      const t = this.token.type;
      if (t !== 'alt' && t !== 'end' && (nest === 0 || t !== 'close')) {
        // Each alternative may only refer back to groups closed before the alternation.
        const accumulated = this.completed;
        this.completed = completedBefore;
        branch = this.branch(nest);
        this.completed |= accumulated;
      }
      tree = { kind: 'alt', left: tree, right: branch };
    }
    return tree;
  }

  private branch(nest: number): Tree | null {
    let tree = this.expression(nest);
    for (;;) {
      const t = this.token.type;
      if (t === 'alt' || t === 'end' || (nest !== 0 && t === 'close')) return tree;
      const next = this.expression(nest);
      if (tree && next) tree = { kind: 'concat', left: tree, right: next };
      else if (!tree) tree = next;
    }
  }

  private expression(nest: number): Tree | null {
    const token = this.token;
    let tree: Tree;
    switch (token.type) {
      case 'char':
        tree = this.literal(token.byte);
        break;
      case 'open':
        tree = this.group(nest + 1);
        break;
      case 'bracket':
        tree = this.bracket();
        break;
      case 'backref':
        if (!(this.completed & (1 << token.group!))) this.fail(REGEX_ERRORS.backReference);
        tree = { kind: 'backref', group: token.group! };
        break;
      case 'star':
      case 'plus':
      case 'question':
        // A repetition with nothing before it is an ordinary character.
        tree = { kind: 'char', byte: token.byte };
        break;
      case 'close':
        this.fail(REGEX_ERRORS.closeParen);
      // falls through (fail throws)
      case 'anchor': {
        // \b and \B are alternatives of two anchors; no repetition may follow an anchor.
        const anchorTree = this.anchorTree(token);
        this.fetch();
        return anchorTree;
      }
      case 'period':
        tree = { kind: 'any' };
        break;
      case 'word':
      case 'notword':
        tree = this.classOperator('alnum', token.type === 'notword');
        break;
      case 'space':
      case 'notspace':
        tree = this.classOperator('space', token.type === 'notspace');
        break;
      case 'backslash':
        this.fail(REGEX_ERRORS.trailingBackslash);
      // falls through (fail throws)
      case 'alt':
      case 'end':
        return null;
    }
    this.fetch();
    while (this.token.type === 'star' || this.token.type === 'plus' || this.token.type === 'question') {
      tree = this.repeat(tree, this.token.type);
    }
    return tree;
  }

  /** A literal; in UTF-8 the rest of a multibyte character's bytes join it. */
  private literal(byte: number): Tree {
    let tree: Tree = { kind: 'char', byte };
    while (this.multibyte && this.pos < this.pattern.length && !this.atCharStart(this.pos)) {
      this.fetch();
      tree = { kind: 'concat', left: tree, right: { kind: 'char', byte: this.token.byte } };
    }
    return tree;
  }

  private anchorTree(token: Token): Tree {
    const c = String.fromCharCode(token.byte);
    if (c === 'b' || c === 'B') {
      const [first, second]: AnchorKind[] =
        c === 'b' ? ['word-first', 'word-last'] : ['inside-word', 'inside-notword'];
      return {
        kind: 'alt',
        left: { kind: 'anchor', anchor: first },
        right: { kind: 'anchor', anchor: second },
      };
    }
    return { kind: 'anchor', anchor: token.anchor! };
  }

  private group(nest: number): Tree {
    const index = this.groups++;
    this.fetch(true);
    let body: Tree | null = null;
    if (this.token.type !== 'close') {
      body = this.alternation(nest);
      if (this.currentType() !== 'close') this.fail(REGEX_ERRORS.openParen);
    }
    if (index < 9) this.completed |= 1 << index;
    return { kind: 'group', index, body, optional: false };
  }

  /** x* is star(x); x+ is x followed by star(copy of x); x? is x or nothing. */
  private repeat(elem: Tree, op: TokenType): Tree {
    this.fetch();
    let body = elem;
    let prefix: Tree | null = null;
    if (op === 'plus') {
      prefix = elem;
      body = copyTree(elem);
    }
    if (body.kind === 'group') body = { ...body, optional: true };
    const repeated: Tree =
      op === 'question' ? { kind: 'alt', left: body, right: null } : { kind: 'star', body };
    return prefix ? { kind: 'concat', left: prefix, right: repeated, plus: true } : repeated;
  }

  /** \w \W \s \S: a single-byte set, plus (in UTF-8) a multibyte class. */
  private classOperator(name: 'alnum' | 'space', negated: boolean): Tree {
    const set = new Uint8Array(256);
    for (let b = 0; b < 256; b++) {
      const member = name === 'alnum' ? isAsciiAlnum(b) || b === 95 : isAsciiSpace(b);
      set[b] = member !== negated ? 1 : 0;
    }
    if (!this.multibyte) return { kind: 'bytes', set };
    set.fill(0, 0x80);
    return {
      kind: 'alt',
      left: { kind: 'bytes', set },
      right: { kind: 'wide', set: { chars: [], ranges: [], classes: [name], negated } },
    };
  }

  // ---- bracket lists ----

  private peekBracket(at: number): BracketToken {
    const p = this.pattern;
    if (at >= p.length) return { type: 'end', byte: 0, length: 0 };
    const c = this.byteAt(at);
    if (this.multibyte && !this.atCharStart(at)) return { type: 'char', byte: c, length: 1 };
    if (p[at] === '[') {
      const next = at + 1 < p.length ? p[at + 1] : '';
      if (next === '.') return { type: 'coll', byte: c, length: 2 };
      if (next === '=') return { type: 'equiv', byte: c, length: 2 };
      return { type: 'char', byte: c, length: 1 };
    }
    if (p[at] === '-') return { type: 'range', byte: c, length: 1 };
    if (p[at] === ']') return { type: 'close', byte: c, length: 1 };
    if (p[at] === '^') return { type: 'not', byte: c, length: 1 };
    return { type: 'char', byte: c, length: 1 };
  }

  private bracket(): Tree {
    const bytes = new Uint8Array(256);
    const wide: WideSet = { chars: [], ranges: [], classes: [], negated: false };
    let token = this.peekBracket(this.pos);
    if (token.type === 'end') this.fail(REGEX_ERRORS.badPattern);
    if (token.type === 'not') {
      wide.negated = true;
      this.pos += token.length;
      token = this.peekBracket(this.pos);
      if (token.type === 'end') this.fail(REGEX_ERRORS.badPattern);
    }
    if (token.type === 'close') token = { ...token, type: 'char' };
    let firstRound = true;
    for (;;) {
      const start = this.bracketElement(token, firstRound);
      firstRound = false;
      token = this.peekBracket(this.pos);
      let rangeEnd: BracketToken | undefined;
      if (start.kind !== 'equiv') {
        if (token.type === 'end') this.fail(REGEX_ERRORS.bracket);
        if (token.type === 'range') {
          this.pos += token.length;
          const token2 = this.peekBracket(this.pos);
          if (token2.type === 'end') this.fail(REGEX_ERRORS.bracket);
          if (token2.type === 'close') {
            // A '-' before the closing bracket is literal: read it again as a character.
            this.pos -= token.length;
            token = { ...token, type: 'char' };
          } else {
            rangeEnd = token2;
          }
        }
      }
      if (rangeEnd) {
        const end = this.bracketElement(rangeEnd, true);
        token = this.peekBracket(this.pos);
        this.addRange(bytes, wide, start, end);
      } else {
        this.addElement(bytes, wide, start);
      }
      if (token.type === 'end') this.fail(REGEX_ERRORS.bracket);
      if (token.type === 'close') break;
    }
    this.pos += token.length;
    return this.bracketTree(bytes, wide);
  }

  private bracketElement(token: BracketToken, acceptHyphen: boolean): BracketElement {
    if (this.multibyte && this.charLength[this.pos] > 1) {
      const len = this.charLength[this.pos];
      const wc = decodeUtf8At(this.pattern, this.pos, len);
      this.pos += len;
      return { kind: 'wide', wc };
    }
    this.pos += token.length;
    if (token.type === 'coll' || token.type === 'equiv') {
      const name = this.bracketSymbol(token.type === 'coll' ? '.' : '=');
      return token.type === 'coll' ? { kind: 'coll', name } : { kind: 'equiv', name };
    }
    if (token.type === 'range' && !acceptHyphen) {
      // A '-' that is neither a range nor right before ']'.
      if (this.peekBracket(this.pos).type !== 'close') this.fail(REGEX_ERRORS.range);
    }
    return { kind: 'byte', byte: token.byte };
  }

  /** The name in [.name.] or [=name=], read up to the delimiter followed by ']'. */
  private bracketSymbol(delimiter: string): string {
    const p = this.pattern;
    if (this.pos >= p.length) this.fail(REGEX_ERRORS.bracket);
    let name = '';
    for (let i = 0; ; i++) {
      if (i >= MAX_SYMBOL_NAME) this.fail(REGEX_ERRORS.bracket);
      const ch = p[this.pos++];
      if (this.pos >= p.length) this.fail(REGEX_ERRORS.bracket);
      if (ch === delimiter && p[this.pos] === ']') break;
      name += ch;
    }
    this.pos++;
    return name;
  }

  private addElement(bytes: Uint8Array, wide: WideSet, element: BracketElement): void {
    switch (element.kind) {
      case 'byte':
        bytes[element.byte] = 1;
        return;
      case 'wide':
        wide.chars.push(element.wc);
        return;
      case 'coll':
      case 'equiv':
        // Without locale collation data a name must be exactly one byte.
        if (element.name.length !== 1) this.fail(REGEX_ERRORS.collation);
        bytes[element.name.charCodeAt(0)] = 1;
        return;
    }
  }

  private addRange(bytes: Uint8Array, wide: WideSet, start: BracketElement, end: BracketElement): void {
    if (start.kind === 'equiv' || end.kind === 'equiv') this.fail(REGEX_ERRORS.range);
    const value = (e: BracketElement): number => {
      if (e.kind === 'wide') return e.wc;
      const byte = e.kind === 'byte' ? e.byte : e.name.charCodeAt(0);
      // In UTF-8 a byte above 127 is no character (btowc gives WEOF).
      if (this.multibyte && byte >= 0x80) this.fail(REGEX_ERRORS.collation);
      return byte;
    };
    if ((start.kind === 'coll' && start.name.length > 1) || (end.kind === 'coll' && end.name.length > 1)) {
      this.fail(REGEX_ERRORS.collation);
    }
    const from = value(start);
    const to = value(end);
    if (this.multibyte) wide.ranges.push([from, to]);
    for (let b = from; b <= to && b < 256; b++) bytes[b] = 1;
  }

  private bracketTree(bytes: Uint8Array, wide: WideSet): Tree {
    if (wide.negated) for (let b = 0; b < 256; b++) bytes[b] ^= 1;
    if (!this.multibyte) return { kind: 'bytes', set: bytes };
    // In UTF-8 the single-byte part covers ASCII only; the rest is for multibyte characters.
    bytes.fill(0, 0x80);
    const complex = wide.chars.length > 0 || wide.ranges.length > 0 || wide.negated;
    if (!complex) return { kind: 'bytes', set: bytes };
    const wideTree: Tree = { kind: 'wide', set: wide };
    if (!bytes.includes(1)) return wideTree;
    return { kind: 'alt', left: { kind: 'bytes', set: bytes }, right: wideTree };
  }
}

export function copyTree(tree: Tree): Tree {
  switch (tree.kind) {
    case 'concat':
      return { kind: 'concat', left: copyTree(tree.left), right: copyTree(tree.right), copied: true };
    case 'alt':
      return {
        kind: 'alt',
        left: tree.left && copyTree(tree.left),
        right: tree.right && copyTree(tree.right),
        copied: true,
      };
    case 'star':
      return { kind: 'star', body: copyTree(tree.body), copied: true };
    case 'group':
      return { ...tree, body: tree.body && copyTree(tree.body), copied: true };
    default:
      return { ...tree, copied: true };
  }
}

/** Parses a pattern (a latin1 string of bytes); throws RegexSyntaxError with gnulib's message. */
export function parseEmacsRegex(pattern: string, charset: Charset): ParsedPattern {
  return new Parser(pattern, charset).parse();
}
