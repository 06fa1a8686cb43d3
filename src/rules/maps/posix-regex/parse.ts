// A parser for POSIX regular expressions as the GNU C library's regcomp reads them in the C
// locale (sendmail's regex maps): extended (ERE) or basic (BRE) syntax, with the GNU operators
// (\w \W \s \S \b \B \< \> \` \' and, in BRE, \+ \? \|), REG_ICASE, and the same error for the
// same mistake.

/** regcomp's errors, by the words regerror gives them. */
export const REGEX_ERRORS = {
  EESCAPE: 'Trailing backslash',
  ESUBREG: 'Invalid back reference',
  EBRACK: 'Unmatched [, [^, [:, [., or [=',
  EPAREN: 'Unmatched ( or \\(',
  ERPAREN: 'Unmatched ) or \\)',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  ERANGE: 'Invalid range end',
  ECTYPE: 'Invalid character class name',
  ECOLLATE: 'Invalid collation character',
  BADRPT: 'Invalid preceding regular expression',
  ESIZE: 'Regular expression too big',
} as const;

export class RegexSyntaxError extends Error {
  constructor(readonly code: keyof typeof REGEX_ERRORS) {
    super(REGEX_ERRORS[code]);
  }
}

/** RE_DUP_MAX: the largest count an interval may have. */
const DUP_MAX = 0x7fff;

export type AssertKind =
  'bol' | 'eol' | 'bufStart' | 'bufEnd' | 'wordBoundary' | 'notWordBoundary' | 'wordStart' | 'wordEnd';

export type Node =
  | { t: 'set'; bits: Uint8Array }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; index: number; body: Node }
  | { t: 'repeat'; body: Node; min: number; max: number }
  | { t: 'assert'; kind: AssertKind }
  | { t: 'backref'; index: number }
  | { t: 'empty' };

export interface ParsedRegex {
  root: Node;
  groups: number;
  hasBackrefs: boolean;
}

type TokenType =
  | 'char'
  | 'alt'
  | 'star'
  | 'plus'
  | 'question'
  | 'openBrace'
  | 'closeBrace'
  | 'openGroup'
  | 'closeGroup'
  | 'bracket'
  | 'period'
  | 'anchor'
  | 'backref'
  | 'class'
  | 'end';

interface Token {
  type: TokenType;
  /** The character (char tokens, and the raw character of any token). */
  c: string;
  /** backref: its number; anchor: its kind; class: w W s S. */
  arg?: number | AssertKind | string;
  /** Index just after the token. */
  next: number;
}

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

const CLASSES_ALNUM = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The C locale's character classes. */
const CLASSES: Record<string, (code: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  digit: (c) => c >= 48 && c <= 57,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  print: (c) => c >= 32 && c <= 126,
  punct: (c) => c >= 33 && c <= 126 && !CLASSES_ALNUM(c),
  graph: (c) => c >= 33 && c <= 126,
  cntrl: (c) => c < 32 || c === 127,
  blank: (c) => c === 32 || c === 9,
  alnum: CLASSES_ALNUM,
};

export const upperCode = (code: number): number => (code >= 97 && code <= 122 ? code - 32 : code);

export interface ParseOptions {
  extended: boolean;
  ignoreCase: boolean;
}

/** Parses a pattern; throws RegexSyntaxError with regcomp's error. */
export function parseRegex(pattern: string, opts: ParseOptions): ParsedRegex {
  return new Parser(pattern, opts).parse();
}

class Parser {
  private pos = 0;
  private token!: Token;
  private groups = 0;
  private completed = new Set<number>();
  private hasBackrefs = false;
  /** BRE: a ^ here is an anchor (start, after \( or \|). */
  private caretHere = true;

  constructor(
    private readonly src: string,
    private readonly opts: ParseOptions,
  ) {}

  parse(): ParsedRegex {
    this.fetch();
    const root = this.regExp(0);
    if (this.token.type !== 'end') throw new RegexSyntaxError('EPAREN');
    return { root, groups: this.groups, hasBackrefs: this.hasBackrefs };
  }

  /** The pattern byte as compared: upper-cased under REG_ICASE, as glibc folds the pattern. */
  private fold(c: string): string {
    return this.opts.ignoreCase ? String.fromCharCode(upperCode(c.charCodeAt(0))) : c;
  }

  /** The current token's type (a method, so TypeScript does not narrow it across fetches). */
  private current(): TokenType {
    return this.token.type;
  }

  private fetch(): void {
    this.token = this.peek(this.pos);
    this.pos = this.token.next;
  }

  private peek(at: number): Token {
    const src = this.src;
    const ere = this.opts.extended;
    if (at >= src.length) return { type: 'end', c: '', next: at };
    const c = src[at]!;
    if (c === '\\') {
      if (at + 1 >= src.length) return { type: 'char', c: '\\', arg: 'escape-at-end', next: at + 1 };
      const d = src[at + 1]!;
      const next = at + 2;
      switch (d) {
        case '|':
          return ere ? { type: 'char', c: d, next } : { type: 'alt', c: d, next };
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
          return { type: 'backref', c: d, arg: d.charCodeAt(0) - 48, next };
        case '<':
          return { type: 'anchor', c: d, arg: 'wordStart', next };
        case '>':
          return { type: 'anchor', c: d, arg: 'wordEnd', next };
        case 'b':
          return { type: 'anchor', c: d, arg: 'wordBoundary', next };
        case 'B':
          return { type: 'anchor', c: d, arg: 'notWordBoundary', next };
        case '`':
          return { type: 'anchor', c: d, arg: 'bufStart', next };
        case "'":
          return { type: 'anchor', c: d, arg: 'bufEnd', next };
        case 'w':
        case 'W':
        case 's':
        case 'S':
          return { type: 'class', c: d, arg: d, next };
        case '(':
          return ere ? { type: 'char', c: d, next } : { type: 'openGroup', c: d, next };
        case ')':
          return ere ? { type: 'char', c: d, next } : { type: 'closeGroup', c: d, next };
        case '+':
          return ere ? { type: 'char', c: d, next } : { type: 'plus', c: d, next };
        case '?':
          return ere ? { type: 'char', c: d, next } : { type: 'question', c: d, next };
        case '{':
          return ere ? { type: 'char', c: d, next } : { type: 'openBrace', c: d, next };
        case '}':
          return ere ? { type: 'char', c: d, next } : { type: 'closeBrace', c: d, next };
        default:
          return { type: 'char', c: d, next };
      }
    }
    const next = at + 1;
    switch (c) {
      case '|':
        return ere ? { type: 'alt', c, next } : { type: 'char', c, next };
      case '*':
        return { type: 'star', c, next };
      case '+':
        return ere ? { type: 'plus', c, next } : { type: 'char', c, next };
      case '?':
        return ere ? { type: 'question', c, next } : { type: 'char', c, next };
      case '{':
        return ere ? { type: 'openBrace', c, next } : { type: 'char', c, next };
      case '}':
        return ere ? { type: 'closeBrace', c, next } : { type: 'char', c, next };
      case '(':
        return ere ? { type: 'openGroup', c, next } : { type: 'char', c, next };
      case ')':
        return ere ? { type: 'closeGroup', c, next } : { type: 'char', c, next };
      case '[':
        return { type: 'bracket', c, next };
      case '.':
        return { type: 'period', c, next };
      case '^':
        if (!ere && !(at === 0 || this.caretHere)) return { type: 'char', c, next };
        return { type: 'anchor', c, arg: 'bol', next };
      case '$':
        if (!ere && next !== src.length) {
          const after = this.peek(next);
          if (after.type !== 'alt' && after.type !== 'closeGroup') return { type: 'char', c, next };
        }
        return { type: 'anchor', c, arg: 'eol', next };
      default:
        return { type: 'char', c, next };
    }
  }

  /**
   * reg_exp: branches separated by |. A back-reference may only name a group completed before
   * it in the same branch (or before the alternation): each branch starts from the groups
   * completed before the alternation, and all of them count after it.
   */
  private regExp(nest: number): Node {
    const before = new Set(this.completed);
    const all = new Set(this.completed);
    const alts = [this.branch(nest)];
    while (this.token.type === 'alt') {
      for (const g of this.completed) all.add(g);
      this.completed.clear();
      for (const g of before) this.completed.add(g);
      this.caretHere = true;
      this.fetch();
      const stop =
        this.token.type === 'alt' ||
        this.token.type === 'end' ||
        (nest !== 0 && this.token.type === 'closeGroup');
      alts.push(stop ? { t: 'empty' } : this.branch(nest));
    }
    for (const g of all) this.completed.add(g);
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private branch(nest: number): Node {
    const items: Node[] = [];
    while (
      this.token.type !== 'alt' &&
      this.token.type !== 'end' &&
      (nest === 0 || this.token.type !== 'closeGroup')
    ) {
      const e = this.expression(nest);
      if (e !== null) items.push(e);
    }
    if (items.length === 0) return { t: 'empty' };
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private charNode(c: string): Node {
    const bits = new Uint8Array(256);
    bits[this.fold(c).charCodeAt(0)] = 1;
    return { t: 'set', bits };
  }

  private expression(nest: number): Node | null {
    const tok = this.token;
    const ere = this.opts.extended;
    this.caretHere = false;
    let atom: Node;
    switch (tok.type) {
      case 'char':
        if (tok.arg === 'escape-at-end') throw new RegexSyntaxError('EESCAPE');
        atom = this.charNode(tok.c);
        this.fetch();
        break;
      case 'openGroup':
        atom = this.subExpression(nest);
        break;
      case 'bracket':
        atom = this.bracket();
        break;
      case 'backref': {
        const n = tok.arg as number;
        if (!this.completed.has(n)) throw new RegexSyntaxError('ESUBREG');
        this.hasBackrefs = true;
        atom = { t: 'backref', index: n };
        this.fetch();
        break;
      }
      case 'openBrace':
        throw new RegexSyntaxError('BADRPT');
      case 'star':
      case 'plus':
      case 'question':
        if (ere) throw new RegexSyntaxError('BADRPT');
        atom = this.charNode(tok.c);
        this.fetch();
        break;
      case 'closeGroup':
        // glibc reports an unmatched \) in a basic expression as an unmatched \(.
        if (!ere) throw new RegexSyntaxError('EPAREN');
        atom = this.charNode(tok.c);
        this.fetch();
        break;
      case 'closeBrace':
        atom = this.charNode(tok.c);
        this.fetch();
        break;
      case 'anchor':
        this.fetch();
        // Anchors take no repetition: what follows starts a new expression.
        if (tok.arg === 'bol' && !ere) this.caretHere = false;
        return { t: 'assert', kind: tok.arg as AssertKind };
      case 'period': {
        const bits = new Uint8Array(256).fill(1);
        bits[0] = 0;
        atom = { t: 'set', bits };
        this.fetch();
        break;
      }
      case 'class':
        atom = this.gnuClass(tok.c);
        this.fetch();
        break;
      default:
        return null;
    }
    for (;;) {
      const t = this.token.type;
      if (t !== 'star' && t !== 'plus' && t !== 'question' && t !== 'openBrace') break;
      atom = this.dup(atom);
      const after = this.token.type;
      if (!ere && (after === 'star' || after === 'openBrace')) throw new RegexSyntaxError('BADRPT');
    }
    return atom;
  }

  private gnuClass(c: string): Node {
    const bits = new Uint8Array(256);
    const test = c === 'w' || c === 'W' ? isWordChar : CLASSES.space!;
    for (let i = 0; i < 256; i++) bits[i] = test(i) !== (c === 'W' || c === 'S') ? 1 : 0;
    return { t: 'set', bits };
  }

  private subExpression(nest: number): Node {
    const index = ++this.groups;
    this.caretHere = true;
    this.fetch();
    let body: Node;
    if (this.token.type === 'closeGroup') body = { t: 'empty' };
    else {
      body = this.regExp(nest + 1);
      if (this.current() !== 'closeGroup') throw new RegexSyntaxError('EPAREN');
    }
    this.completed.add(index);
    this.fetch();
    return { t: 'group', index, body };
  }

  /** A number in an interval: -1 when absent, -2 when invalid or at the end of the pattern. */
  private fetchNumber(): number {
    let num = -1;
    for (;;) {
      this.fetch();
      const tok = this.token;
      if (tok.type === 'end') return -2;
      if (tok.type === 'closeBrace' || tok.c === ',') break;
      num =
        tok.type !== 'char' || tok.c < '0' || tok.c > '9' || num === -2
          ? -2
          : num === -1
            ? tok.c.charCodeAt(0) - 48
            : Math.min(DUP_MAX + 1, num * 10 + tok.c.charCodeAt(0) - 48);
    }
    return num;
  }

  private dup(atom: Node): Node {
    const tok = this.token;
    let min: number;
    let max: number;
    if (tok.type === 'openBrace') {
      let start = this.fetchNumber();
      let end: number;
      if (start === -1) {
        if (this.token.type === 'char' && this.token.c === ',') start = 0;
        else throw new RegexSyntaxError('BADBR');
      }
      if (start !== -2) {
        end =
          this.token.type === 'closeBrace'
            ? start
            : this.token.type === 'char' && this.token.c === ','
              ? this.fetchNumber()
              : -2;
      } else end = -2;
      if (start === -2 || end === -2) {
        throw new RegexSyntaxError(this.token.type === 'end' ? 'EBRACE' : 'BADBR');
      }
      if ((end !== -1 && start > end) || this.token.type !== 'closeBrace') {
        throw new RegexSyntaxError('BADBR');
      }
      if ((end === -1 ? start : end) > DUP_MAX) throw new RegexSyntaxError('ESIZE');
      min = start;
      max = end === -1 ? Infinity : end;
    } else {
      min = tok.type === 'plus' ? 1 : 0;
      max = tok.type === 'question' ? 1 : Infinity;
    }
    this.fetch();
    return { t: 'repeat', body: atom, min, max };
  }

  /** A bracket expression, from just after "[". */
  private bracket(): Node {
    const src = this.src;
    let p = this.pos;
    const bits = new Uint8Array(256);
    let negate = false;
    if (src[p] === '^') {
      negate = true;
      p++;
    }
    let first = true;
    /** One element: a character (its code) or a class; p moves past it. */
    const element = (): { code: number } | { cls: (c: number) => boolean } => {
      if (p >= src.length) throw new RegexSyntaxError('EBRACK');
      const c = src[p]!;
      if (c === '[' && p + 1 < src.length && ':.='.includes(src[p + 1]!)) {
        const kind = src[p + 1]!;
        const close = src.indexOf(kind + ']', p + 2);
        if (close < 0 || close - (p + 2) >= 32) throw new RegexSyntaxError('EBRACK');
        const name = src.slice(p + 2, close);
        p = close + 2;
        if (kind === ':') {
          let n = name;
          if (this.opts.ignoreCase && (n === 'upper' || n === 'lower')) n = 'alpha';
          const cls = CLASSES[n];
          if (cls === undefined) throw new RegexSyntaxError('ECTYPE');
          return { cls };
        }
        if (name.length !== 1) throw new RegexSyntaxError('ECOLLATE');
        return { code: name.charCodeAt(0) };
      }
      p++;
      return { code: c.charCodeAt(0) };
    };
    for (;;) {
      if (p >= src.length) throw new RegexSyntaxError('EBRACK');
      if (src[p] === ']' && !first) {
        p++;
        break;
      }
      first = false;
      const start = element();
      // A '-' that is not last starts a range.
      if (src[p] === '-' && p + 1 < src.length && src[p + 1] !== ']') {
        p++;
        if ('cls' in start) throw new RegexSyntaxError('ERANGE');
        const end = element();
        if ('cls' in end) throw new RegexSyntaxError('ERANGE');
        const lo = this.foldCode(start.code);
        const hi = this.foldCode(end.code);
        if (lo > hi) throw new RegexSyntaxError('ERANGE');
        for (let i = lo; i <= hi; i++) bits[i] = 1;
        if (src[p] === '-' && p + 1 < src.length && src[p + 1] !== ']') {
          throw new RegexSyntaxError('ERANGE');
        }
        continue;
      }
      if ('cls' in start) {
        for (let i = 0; i < 256; i++) if (start.cls(i)) bits[this.foldCode(i)] = 1;
      } else bits[this.foldCode(start.code)] = 1;
    }
    this.pos = p;
    this.fetch();
    if (negate) for (let i = 0; i < 256; i++) bits[i] = bits[i] ? 0 : 1;
    return { t: 'set', bits };
  }

  private foldCode(code: number): number {
    return this.opts.ignoreCase ? upperCode(code) : code;
  }
}
