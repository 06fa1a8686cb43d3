// The tokenizer: splits input into GNU m4's tokens (words, quoted strings, comments, single
// characters, builtin tokens) with run-time quote and comment delimiters, which may be several
// characters long or empty. Delimiter matching follows GNU: a failed multi-character match
// pushes the characters it read back as expansion text.
import { BlockKind, CHAR_EOF, CHAR_MACRO, newlineFrom, type Input, type InputBlock } from './input.js';

export const enum Tok {
  Eof = 0,
  String = 1,
  Word = 2,
  Open = 3,
  Comma = 4,
  Close = 5,
  Simple = 6,
  Macdef = 7,
}

/**
 * Character classes for the expander's fast path, for the current delimiters: word
 * characters, plain text, whitespace, the three argument punctuators, a one-character
 * opening quote (with a one-character closing quote), and anything needing the general path.
 */
export const F_WORD = 0;
export const F_DIGIT = 1;
export const F_PLAIN = 2;
export const F_SPACE = 3;
export const F_OPEN = 4;
export const F_COMMA = 5;
export const F_CLOSE = 6;
export const F_QUOTE = 7;
export const F_SLOW = 8;

const BASE_CLASS = new Uint8Array(256).fill(F_PLAIN);
for (let c = 0; c < 256; c++) {
  const s = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(s)) BASE_CLASS[c] = F_WORD;
  else if (/[0-9]/.test(s)) BASE_CLASS[c] = F_DIGIT;
  else if (/[ \t\n\v\f\r]/.test(s)) BASE_CLASS[c] = F_SPACE;
}
BASE_CLASS[40] = F_OPEN;
BASE_CLASS[44] = F_COMMA;
BASE_CLASS[41] = F_CLOSE;
BASE_CLASS[0] = F_SLOW;

/** Bytes that continue a word: [A-Za-z0-9_]. */
export const WORD_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) WORD_BYTE[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

export interface Delimiters {
  lquote: string;
  rquote: string;
  bcomm: string;
  ecomm: string;
}

export const DEFAULT_DELIMITERS: Delimiters = { lquote: '`', rquote: "'", bcomm: '#', ecomm: '\n' };

/** The location of the token start, for the fatal "end of file in ..." messages. */
export interface FatalAt {
  (file: string, line: number, message: string): never;
}

const WORD_REST = /[A-Za-z0-9_]*/y;

/** Character classes for the scanner's fast path (delimiters are checked separately). */
const C_WORD = 0;
const C_DIGIT = 1;
const C_PLAIN = 2;
const C_OPEN = 3;
const C_COMMA = 4;
const C_CLOSE = 5;
const CLASS = new Uint8Array(256).fill(C_PLAIN);
for (let c = 0; c < 256; c++) {
  const s = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(s)) CLASS[c] = C_WORD;
  else if (/[0-9]/.test(s)) CLASS[c] = C_DIGIT;
}
CLASS[40] = C_OPEN;
CLASS[44] = C_COMMA;
CLASS[41] = C_CLOSE;

function isWordStart(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95;
}

function isWordChar(ch: number): boolean {
  return isWordStart(ch) || (ch >= 48 && ch <= 57);
}

/** Text up to the first NUL: GNU m4 keeps tokens as C strings. */
function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

export class Scanner {
  lquote = DEFAULT_DELIMITERS.lquote;
  rquote = DEFAULT_DELIMITERS.rquote;
  bcomm = DEFAULT_DELIMITERS.bcomm;
  ecomm = DEFAULT_DELIMITERS.ecomm;
  /** First character codes of the delimiters, -3 when the delimiter is empty (never matches). */
  lq0 = 96;
  rq0 = 39;
  private bc0 = 35;
  private ec0 = 10;
  /** Characters that can never start anything but a one-character token. */
  private plainRun: RegExp = /[^]/y;

  /** Fast-path classes of each byte for the current delimiters. */
  fastClass: Uint8Array = BASE_CLASS;

  /** The current token's text (after next()), its line, and for Macdef the builtin. */
  text = '';
  line = 0;

  constructor(
    private readonly input: Input,
    private readonly fatalAt: FatalAt,
  ) {
    this.rebuild();
  }

  setQuotes(lq: string, rq: string): void {
    this.lquote = lq;
    this.rquote = rq;
    this.rebuild();
  }

  setComments(bc: string, ec: string): void {
    this.bcomm = bc;
    this.ecomm = ec;
    this.rebuild();
  }

  private rebuild(): void {
    const first = (s: string): number => (s.length > 0 ? s.charCodeAt(0) : -3);
    this.lq0 = first(this.lquote);
    this.rq0 = first(this.rquote);
    this.bc0 = first(this.bcomm);
    this.ec0 = first(this.ecomm);
    let stops = 'A-Za-z0-9_(),\\n\\0';
    for (const s of [this.lquote, this.bcomm]) {
      if (s.length > 0) stops += '\\x' + s.charCodeAt(0).toString(16).padStart(2, '0');
    }
    this.plainRun = new RegExp(`[^${stops}]+`, 'y');
    const cls = BASE_CLASS.slice();
    // Comments are looked for first, then words, then quotes (GNU's next_token order).
    if (this.lq0 >= 0 && cls[this.lq0] !== F_WORD) {
      cls[this.lq0] = this.lquote.length === 1 && this.rquote.length === 1 ? F_QUOTE : F_SLOW;
    }
    if (this.bc0 >= 0) cls[this.bc0] = F_SLOW;
    this.fastClass = cls;
  }

  /** GNU's MATCH: `ch` (already read when consuming) begins `delim` in the input? */
  private match(ch: number, delim: string, first: number, consume: boolean): boolean {
    if (ch !== first) return false;
    if (delim.length === 1) return true;
    return this.matchRest(consume ? delim.slice(1) : delim, consume);
  }

  /** GNU's match_input: compares the input with `s`, reading and pushing back as it goes. */
  private matchRest(s: string, consume: boolean): boolean {
    const input = this.input;
    if (input.peek() !== s.charCodeAt(0)) return false;
    if (s.length === 1) {
      if (consume) input.next();
      return true;
    }
    input.next();
    let n = 1;
    let result = false;
    while (input.peek() === s.charCodeAt(n)) {
      input.next();
      n++;
      if (n === s.length) {
        if (consume) return true;
        result = true;
        break;
      }
    }
    input.pushBack(s.slice(0, n));
    return result;
  }

  /** The type of the next token, without reading it (multi-character delimiters may push back). */
  peek(): Tok {
    const ch = this.input.peek();
    if (ch === CHAR_EOF) return Tok.Eof;
    if (ch === CHAR_MACRO) return Tok.Macdef;
    if (this.match(ch, this.bcomm, this.bc0, false)) return Tok.String;
    if (isWordStart(ch)) return Tok.Word;
    if (this.match(ch, this.lquote, this.lq0, false)) return Tok.String;
    if (ch === 40) return Tok.Open;
    if (ch === 44) return Tok.Comma;
    if (ch === 41) return Tok.Close;
    return Tok.Simple;
  }

  /** Reads the next token; its text is in `text`, the line it started on in `line`. */
  next(): Tok {
    const input = this.input;
    const stack = input.stack;
    const top = stack[stack.length - 1];
    let ch: number;
    if (
      top !== undefined &&
      top.kind === BlockKind.String &&
      top.pos < top.text.length &&
      !input.inputChange
    ) {
      // The common case: reading expansion text, no block change to account for.
      ch = top.text.charCodeAt(top.pos++);
      this.line = input.currentLine;
      if (ch !== this.bc0 && ch !== this.lq0) {
        const cls = CLASS[ch];
        if (cls === C_WORD) {
          const text = top.text;
          const start = top.pos - 1;
          let p = top.pos;
          while (p < text.length && CLASS[text.charCodeAt(p)] <= C_DIGIT) p++;
          top.pos = p;
          this.text = text.slice(start, p);
          if (p === text.length) this.text = this.continueWord(this.text);
          return Tok.Word;
        }
        return this.single(ch, cls);
      }
    } else {
      ch = input.peek();
      if (ch === CHAR_EOF) {
        input.next();
        this.text = '';
        return Tok.Eof;
      }
      if (ch === CHAR_MACRO) {
        input.next();
        this.text = '';
        return Tok.Macdef;
      }
      input.next();
      this.line = input.currentLine;
    }
    const file = input.currentFile;
    const line = this.line;
    if (this.match(ch, this.bcomm, this.bc0, true)) {
      const text = this.bcomm + this.scanComment(file, line);
      this.text = input.nulSeen ? cString(text) : text;
      return Tok.String;
    }
    if (isWordStart(ch)) {
      this.text = this.scanWord(ch);
      return Tok.Word;
    }
    if (!this.match(ch, this.lquote, this.lq0, true)) return this.single(ch, CLASS[ch]);
    const text = this.scanQuoted(file, line);
    this.text = input.nulSeen ? cString(text) : text;
    return Tok.String;
  }

  /** A one-character token. */
  private single(ch: number, cls: number): Tok {
    switch (cls) {
      case C_OPEN:
        this.text = '(';
        return Tok.Open;
      case C_COMMA:
        this.text = ',';
        return Tok.Comma;
      case C_CLOSE:
        this.text = ')';
        return Tok.Close;
      default:
        this.text = ch === 0 ? '' : String.fromCharCode(ch);
        return Tok.Simple;
    }
  }

  /** A word that reached the end of its block may go on in the block below. */
  private continueWord(word: string): string {
    const input = this.input;
    for (;;) {
      const ch = input.peek();
      if (ch < 0 || !isWordChar(ch)) return word;
      word += String.fromCharCode(ch);
      input.next();
    }
  }

  /**
   * After a one-character Simple token, the rest of a run of such characters in the same
   * block (never across a newline when `stopAfterNewline`), so plain text moves in bulk.
   */
  plainRunAfter(stopAfterNewline: boolean): string {
    const input = this.input;
    const b = input.bulkBlock();
    if (b === undefined || (b.kind === BlockKind.String && input.inputChange)) return '';
    if (stopAfterNewline && this.text === '\n') return '';
    const re = this.plainRun;
    re.lastIndex = b.pos;
    if (!re.test(b.text)) return '';
    let end = re.lastIndex;
    if (stopAfterNewline) {
      const nl = newlineFrom(b, b.pos);
      if (nl < end) end = nl + 1;
    } else if (b.text.charCodeAt(end) === 10 && this.lq0 !== 10 && this.bc0 !== 10) {
      // Let the run swallow newlines too when they are plain.
      end = this.extendOverNewlines(b, end);
    }
    const run = b.text.slice(b.pos, end);
    input.consumeTo(b, end);
    return run;
  }

  private extendOverNewlines(b: InputBlock, end: number): number {
    const re = this.plainRun;
    const text = b.text;
    while (text.charCodeAt(end) === 10) {
      end++;
      re.lastIndex = end;
      if (re.test(text)) end = re.lastIndex;
    }
    return end;
  }

  private scanWord(first: number): string {
    const input = this.input;
    let word = String.fromCharCode(first);
    for (;;) {
      const b = input.bulkBlock();
      if (b !== undefined && !(b.kind === BlockKind.String && input.inputChange)) {
        WORD_REST.lastIndex = b.pos;
        WORD_REST.test(b.text);
        const end = WORD_REST.lastIndex;
        if (end > b.pos) {
          word += b.text.slice(b.pos, end);
          input.consumeTo(b, end);
        }
        if (end < b.text.length) return word;
      }
      // The word may go on in the block below.
      const ch = input.peek();
      if (ch < 0 || !isWordChar(ch)) return word;
      word += String.fromCharCode(ch);
      input.next();
    }
  }

  private scanComment(file: string, line: number): string {
    const input = this.input;
    const ecomm = this.ecomm;
    const ec0 = this.ec0;
    let body = '';
    for (;;) {
      const b = input.bulkBlock();
      if (b !== undefined && !(b.kind === BlockKind.String && input.inputChange) && ec0 >= 0) {
        const p = b.text.indexOf(ecomm[0], b.pos);
        const end = p < 0 ? b.text.length : p;
        if (end > b.pos) {
          body += b.text.slice(b.pos, end);
          input.consumeTo(b, end);
          continue;
        }
      }
      const ch = input.next();
      if (ch === CHAR_EOF) this.fatalAt(file, line, 'ERROR: end of file in comment');
      if (this.match(ch, ecomm, ec0, true)) return body + ecomm;
      body += ch === CHAR_MACRO ? '\x01' : String.fromCharCode(ch);
    }
  }

  private scanQuoted(file: string, line: number): string {
    const input = this.input;
    const lquote = this.lquote;
    const rquote = this.rquote;
    const lq0 = this.lq0;
    const rq0 = this.rq0;
    const fast = lquote.length === 1 && rquote.length === 1;
    let level = 1;
    let body = '';
    for (;;) {
      const b = input.bulkBlock();
      if (b !== undefined && !(b.kind === BlockKind.String && input.inputChange)) {
        const text = b.text;
        const start = b.pos;
        if (fast) {
          // Single-character quotes: count nesting while jumping between quote characters.
          let nextL = text.indexOf(lquote, start);
          let nextR = text.indexOf(rquote, start);
          let p = -1;
          while (nextR >= 0) {
            if (nextL >= 0 && nextL < nextR) {
              level++;
              nextL = text.indexOf(lquote, nextL + 1);
              continue;
            }
            if (--level === 0) {
              p = nextR;
              break;
            }
            if (nextL === nextR) nextL = text.indexOf(lquote, nextR + 1);
            nextR = text.indexOf(rquote, nextR + 1);
          }
          if (p >= 0) {
            body += text.slice(start, p);
            input.consumeTo(b, p + 1);
            return body;
          }
          if (nextL >= 0) {
            // Only opening quotes remain in this block: count them.
            while (nextL >= 0) {
              level++;
              nextL = text.indexOf(lquote, nextL + 1);
            }
          }
          body += text.slice(start);
          input.consumeTo(b, text.length);
          continue;
        }
        const pl = lq0 >= 0 ? text.indexOf(lquote[0], start) : -1;
        const pr = text.indexOf(rquote[0], start);
        const p = pl < 0 ? pr : pr < 0 ? pl : Math.min(pl, pr);
        if (p < 0) {
          body += text.slice(start);
          input.consumeTo(b, text.length);
          continue;
        }
        if (p > start) {
          body += text.slice(start, p);
          input.consumeTo(b, p);
        }
      }
      const ch = input.next();
      if (ch === CHAR_EOF) this.fatalAt(file, line, 'ERROR: end of file in string');
      if (this.match(ch, rquote, rq0, true)) {
        if (--level === 0) return body;
        body += rquote;
      } else if (this.match(ch, lquote, lq0, true)) {
        level++;
        body += lquote;
      } else {
        body += ch === CHAR_MACRO ? '\x01' : String.fromCharCode(ch);
      }
    }
  }
}
