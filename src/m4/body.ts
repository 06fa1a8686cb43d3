// A user macro's body, compiled once: literal text and references to $N, $#, $* and $@, plus,
// when the body opens with a call whose arguments are all quoted strings, that call taken
// apart so the expander can make it without building and rescanning its text.
import { F_CLOSE, F_COMMA, F_OPEN, F_PLAIN, F_QUOTE, F_SPACE, F_WORD, WORD_BYTE } from './scanner.js';
import { nameHash } from './symbols.js';
import type { MacroArg } from './types.js';

/** Literal text, or a reference: an argument number or one of the DOLLAR_ codes. */
export type BodyPart = string | number;
export const DOLLAR_COUNT = -1;
export const DOLLAR_STAR = -2;
export const DOLLAR_AT = -3;

export function compileBody(text: string, singleDigit: boolean): BodyPart[] {
  const parts: BodyPart[] = [];
  let lit = '';
  let i = 0;
  for (;;) {
    const d = text.indexOf('$', i);
    if (d < 0) {
      lit += text.slice(i);
      break;
    }
    lit += text.slice(i, d);
    i = d + 1;
    const c = text.charCodeAt(i);
    let ref: number | undefined;
    if (c >= 48 && c <= 57) {
      if (singleDigit) {
        ref = c - 48;
        i++;
      } else {
        ref = 0;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
          ref = ref * 10 + (text.charCodeAt(i) - 48);
          i++;
        }
      }
    } else if (c === 35) {
      ref = DOLLAR_COUNT;
      i++;
    } else if (c === 42 || c === 64) {
      ref = c === 42 ? DOLLAR_STAR : DOLLAR_AT;
      i++;
    } else {
      lit += '$';
    }
    if (ref !== undefined) {
      if (lit !== '') parts.push(lit);
      lit = '';
      parts.push(ref);
    }
  }
  if (lit !== '') parts.push(lit);
  return parts;
}

/**
 * GNU's dump_args: arguments `first`.. (1 unless told) joined by `sep`, each between `lq` and
 * `rq` (a builtin token counts as empty).
 */
export function joinArgs(argv: readonly MacroArg[], sep: string, lq: string, rq: string, first = 1): string {
  if (first >= argv.length) return '';
  const between = separator(sep, lq, rq);
  let out = lq;
  for (let i = first; i < argv.length; i++) {
    if (i > first) out += between;
    const a = argv[i];
    if (typeof a === 'string') out += a;
  }
  return out + rq;
}

/** The last `rq + sep + lq` joinArgs built: the same three strings come again and again. */
let lastSep = '';
let lastLq = '';
let lastRq = '';
let lastSeparator = '';

function separator(sep: string, lq: string, rq: string): string {
  if (sep !== lastSep || lq !== lastLq || rq !== lastRq) {
    lastSep = sep;
    lastLq = lq;
    lastRq = rq;
    lastSeparator = rq + sep + lq;
  }
  return lastSeparator;
}

/** The text of `parts` with the references filled in from `argv` ($@ quotes with lq, rq). */
export function renderBody(
  parts: readonly BodyPart[],
  argv: readonly MacroArg[],
  lq: string,
  rq: string,
): string {
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p === 'string') {
      out += p;
    } else if (p >= 0) {
      const a = argv[p];
      if (typeof a === 'string') out += a;
    } else if (p === DOLLAR_COUNT) {
      out += String(argv.length - 1);
    } else {
      out += p === DOLLAR_AT ? joinArgs(argv, ',', lq, rq) : joinArgs(argv, ',', '', '');
    }
  }
  return out;
}

/**
 * A body that opens with `name(`...', `...')`: rescanning it would call `name` with the quoted
 * strings' contents, and push `rest` below that call's expansion. Valid for the delimiters it
 * was compiled under, and only while no substituted text holds a quote character.
 */
export interface DirectCall {
  name: string;
  /** The name's hash in the symbol table. */
  hash: number;
  args: BodyPart[][];
  rest: BodyPart[];
  /** The argument numbers substituted inside the quoted arguments ($# is only digits). */
  refs: number[];
  /** $* or $@ is substituted: every argument is. */
  allArgs: boolean;
}

/** A compiled body: its parts, and its opening call for one set of delimiters. */
export interface BodyPlan {
  parts: BodyPart[];
  /** The byte classes `call` was worked out for (the scanner's table changes with them). */
  classes: Uint8Array | undefined;
  call: DirectCall | undefined;
}

/**
 * Takes apart a body opening with a call whose arguments are quoted strings (leading white
 * space allowed), or returns undefined. `classes` are the scanner's fast-path classes; the
 * quotes must be single distinct characters that mean nothing else in the body's grammar.
 */
export function compileDirectCall(
  parts: readonly BodyPart[],
  classes: Uint8Array,
  lq: string,
  rq: string,
): DirectCall | undefined {
  if (lq.length !== 1 || rq.length !== 1 || lq === rq) return undefined;
  const lq0 = lq.charCodeAt(0);
  const rq0 = rq.charCodeAt(0);
  if (classes[lq0] !== F_QUOTE || !plainByte(lq0) || classes[rq0] !== F_PLAIN) return undefined;
  const first = parts[0];
  if (typeof first !== 'string' || classes[first.charCodeAt(0)] !== F_WORD) return undefined;
  let e = 1;
  while (e < first.length && WORD_BYTE[first.charCodeAt(e)] === 1) e++;
  if (e >= first.length || classes[first.charCodeAt(e)] !== F_OPEN) return undefined;
  const name = first.slice(0, e);
  const call: DirectCall = { name, hash: nameHash(name, 0, e), args: [], rest: [], refs: [], allArgs: false };
  // A cursor over the parts: part `pi`, and within a literal, offset `ci`.
  let pi = 0;
  let ci = e + 1;
  let arg: BodyPart[] = [];
  let lit = '';
  let depth = 0;
  for (;;) {
    if (pi >= parts.length) return undefined;
    const p = parts[pi];
    if (typeof p !== 'string') {
      if (depth === 0) return undefined;
      if (lit !== '') arg.push(lit);
      lit = '';
      arg.push(p);
      if (p >= 0) {
        if (!call.refs.includes(p)) call.refs.push(p);
      } else if (p !== DOLLAR_COUNT) {
        call.allArgs = true;
      }
      pi++;
      ci = 0;
      continue;
    }
    if (ci >= p.length) {
      pi++;
      ci = 0;
      continue;
    }
    const c = p.charCodeAt(ci++);
    if (depth > 0) {
      if (c === rq0 && --depth === 0) {
        if (lit !== '') arg.push(lit);
        lit = '';
        call.args.push(arg);
        arg = [];
        // The quoted string must end the argument.
        // (compileBody never leaves two literals side by side: the byte after is in `p`).
        if (ci >= p.length) return undefined;
        const next = classes[p.charCodeAt(ci++)];
        if (next === F_CLOSE) {
          if (ci < p.length) call.rest.push(p.slice(ci));
          for (let i = pi + 1; i < parts.length; i++) call.rest.push(parts[i]);
          return call;
        }
        if (next !== F_COMMA) return undefined;
        continue;
      }
      if (c === lq0) depth++;
      if (c === 0) return undefined;
      lit += String.fromCharCode(c);
      continue;
    }
    // Between arguments: white space is skipped, then a quoted string must start.
    if (classes[c] === F_SPACE) continue;
    if (c !== lq0) return undefined;
    depth = 1;
  }
}

/** A byte with no meaning of its own in a call: not a digit, white space or `(`, `,`, `)`. */
function plainByte(c: number): boolean {
  return !(c >= 48 && c <= 57) && c !== 40 && c !== 41 && c !== 44 && c !== 32 && !(c >= 9 && c <= 13);
}
