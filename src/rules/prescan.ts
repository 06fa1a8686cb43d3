// The address scanner (sendmail's prescan): turns text into tokens with a small state machine
// driven by a character-type table. Operators (from the OperatorChars option plus sendmail's own
// delimiters) become one-char tokens, runs of other characters become atoms, quoted strings stay
// together, comments in parentheses are dropped (unless the table treats parentheses as
// operators), angle brackets are counted, and a backslash quotes the next character.
import type { ErrorChannel } from '../cf/errors.js';

/** Character types (they double as scanner states). */
export const OPR = 0;
export const ATM = 1;
export const QST = 2;
export const SPC = 3;
export const ONE = 4;
export const ILL = 5;

/** Transition flags: M drops the character, B ends the current token. */
const M = 0o20;
const B = 0o40;
const TYPE = 0o17;

// next state (and flags) for [current state][type of the new character]
const TRANSITIONS: readonly (readonly number[])[] = [
  /* OPR */ [OPR | B, ATM | B, QST | B, SPC | M | B, ONE | B, ILL | M | B],
  /* ATM */ [OPR | B, ATM, QST | B, SPC | M | B, ONE | B, ILL | M | B],
  /* QST */ [QST, QST, OPR, QST, QST, QST],
  /* SPC */ [OPR, ATM, QST, SPC | M, ONE, ILL | M | B],
  /* ONE */ [OPR, OPR, OPR, OPR, OPR, ILL | M | B],
  /* ILL */ [OPR | B, ATM | B, QST | B, SPC | M | B, ONE | B, ILL | M],
];

/** sendmail's own delimiters, always operators. */
export const DELIMCHARS = '()<>,;\r\n';
/** OperatorChars when a .cf sets none. */
export const DEFAULT_OPERATOR_CHARS = '.:@[]';

/** The base table: blanks are SPC, '"' QST, parentheses SPC (comments), the rest atoms. */
function baseTable(parenType: number, internal: boolean): Uint8Array {
  const t = new Uint8Array(256).fill(ATM);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) t[c] = SPC;
  t[0x22] = QST;
  t[0x28] = parenType;
  t[0x29] = parenType;
  if (internal) {
    // Internal codes are operators; those that carry a following byte ($&x $=X $~X $N) are ONE.
    for (let c = 0x80; c <= 0x9f; c++) t[c] = OPR;
    for (const c of [0x82, 0x93, 0x94, 0x95]) t[c] = ONE;
    t[0xff] = ONE;
  }
  return t;
}

/**
 * The three tables sendmail scans with: external text (addresses), internal text (rules, map
 * defaults), and internal text where parentheses are operators (V9+ rules and test input).
 * sendmail builds them once, at the first scan, from OperatorChars at that moment.
 */
export class TokenTables {
  readonly external = baseTable(SPC, false);
  readonly internal = baseTable(SPC, true);
  readonly noComments = baseTable(OPR, true);

  /** Makes every char of `operators` (expanded OperatorChars) and DELIMCHARS an operator. */
  constructor(operators: string) {
    const all = operators + DELIMCHARS;
    for (let i = 0; i < all.length; i++) {
      const c = all.charCodeAt(i) & 0xff;
      for (const t of [this.internal, this.external, this.noComments]) if (t[c] === ATM) t[c] = OPR;
    }
  }
}

/** sendmail's size limits for scanning. */
export const MAXNAME = 256;
export const MAXATOM = 1000;
export const MAXLINE = 2048;
/** The usual token buffer (PSBUFSIZE); the .cf loader uses MAXLINE + MAXATOM. */
export const PSBUFSIZE = MAXNAME + MAXATOM;

export interface PrescanOptions {
  /** Where sendmail's address scan stops: '\0' (end only), ',' (lists), '\t' (.cf), ' '. */
  delimiter: string;
  table: Uint8Array;
  /** Don't complain about (or repair) unbalanced quotes, comments and brackets. */
  ignoreUnbalanced: boolean;
  /** The token buffer size (limits the total text, see PSBUFSIZE). */
  bufferSize?: number;
  errors: ErrorChannel;
  /** Keep a 0xff byte as is (sendmail masks it to 0x7f unless debug 82.101). */
  keep8bitFF?: boolean;
  /** sendmail's -d22.x traces of the scan. */
  trace?: PrescanTrace;
}

/** Where -d22.x lines go: the debug level, the output, and xputs for texts and tokens. */
export interface PrescanTrace {
  level: number;
  write(text: string): void;
  /** xputs of one text. */
  text(s: string): string;
  /** printav of a token vector (leading blanks, trailing newline). */
  tokens(t: readonly string[]): string;
}

export interface PrescanResult {
  /** The tokens, or null after an error or when there are none. */
  tokens: string[] | null;
  /** The tokens stored before the scan ended (sendmail's vector keeps them even on error). */
  written: string[];
  /** An error ended the scan (sendmail then writes no end marker into its vector). */
  failed: boolean;
  /** Index of the delimiter (or end) where scanning stopped. */
  end: number;
  /** sendmail truncates an overlong input to MAXNAME bytes in place; the caller may mirror it. */
  truncateInputTo?: number;
}

const NOCHAR = -1;

/** Scans `addr` into tokens exactly as sendmail's prescan. */
export function prescan(addr: string, opts: PrescanOptions): PrescanResult {
  const { table, errors } = opts;
  const delim = opts.delimiter.charCodeAt(0) || 0;
  const bufSize = opts.bufferSize ?? PSBUFSIZE;
  const ignore = opts.ignoreUnbalanced;
  const commentsStripped = table[0x28] === SPC;
  const savedTo = errors.to;
  errors.to = addr;
  const trace = opts.trace && opts.trace.level > 0 ? opts.trace : null;
  const tl = trace ? trace.level : 0;
  if (tl >= 11) trace!.write('prescan: ' + trace!.text(addr) + '\n');

  const tokens: string[] = [];
  let used = 0; // bytes of sendmail's token buffer in use (token chars and their NULs)
  let bslash = false;
  let routeSyntax = false;
  let comments = 0;
  let angles = 0;
  let state = ATM;
  let c = NOCHAR;
  let p = 0;
  const n = addr.length;
  const at = (i: number): number => (i < n ? addr.charCodeAt(i) : 0);

  const fail = (truncate: boolean): PrescanResult => {
    errors.to = savedTo;
    if (tl >= 12) trace!.write('prescan: ==> NULL\n');
    const end = p > 0 ? p - 1 : p;
    const result: PrescanResult = { tokens: null, written: tokens, failed: true, end };
    if (truncate && n > MAXNAME) result.truncateInputTo = MAXNAME;
    return result;
  };

  do {
    let tok = '';
    for (;;) {
      if (c !== NOCHAR && !bslash) {
        if (used >= bufSize - 5) {
          errors.usrerr('553 5.1.1 Address too long');
          return fail(true);
        }
        if (c === 0xff && !opts.keep8bitFF) c &= 0x7f;
        tok += String.fromCharCode(c);
        used++;
      }
      c = at(p++);
      if (c === 0) {
        if (ignore) break;
        if (state === QST) {
          errors.usrerr(`553 Unbalanced '"'`);
          c = 0x22;
        } else if (comments > 0) {
          errors.usrerr(`553 Unbalanced '('`);
          c = 0x29;
        } else if (angles > 0) {
          c = 0x3e;
          errors.usrerr(`553 Unbalanced '<'`);
        } else break;
        p--;
      } else if (c === delim && comments <= 0 && state !== QST) {
        if (angles <= 0) break;
        if (delim === 0x2c && !routeSyntax && !ignore) {
          errors.usrerr(`553 Unbalanced '<'`);
          c = 0x3e;
          p--;
        }
      }

      if (tl >= 101) trace!.write(`c=${String.fromCharCode(c)}, s=${state}; `);

      if (bslash) {
        bslash = false;
        if (comments > 0) {
          c = NOCHAR;
          continue;
        } else if (c !== 0x21 || state === QST) {
          // keep the backslash with the character it quotes (\! alone drops it)
          if (used >= bufSize - 5) {
            errors.usrerr('553 5.1.1 Address too long');
            return fail(true);
          }
          tok += '\\';
          used++;
          continue;
        }
      }

      if (c === 0x5c) bslash = true;
      else if (state === QST) {
        // inside quotes nothing else is special
      } else if (c === 0x28 && commentsStripped) {
        comments++;
        c = NOCHAR;
      } else if (c === 0x29 && commentsStripped) {
        if (comments <= 0) {
          if (!ignore) {
            errors.usrerr(`553 Unbalanced ')'`);
            c = NOCHAR;
          }
        } else comments--;
      } else if (comments > 0) c = NOCHAR;
      else if (c === 0x3c) {
        angles++;
        let q = p;
        while (isBlank(at(q))) q++;
        if (at(q) === 0x40) routeSyntax = true;
      } else if (c === 0x3e) {
        if (angles <= 0) {
          if (!ignore) {
            errors.usrerr(`553 Unbalanced '>'`);
            c = NOCHAR;
          }
        } else angles--;
        routeSyntax = false;
      } else if (delim === 0x20 && isBlank(c)) c = 0x20;

      if (c === NOCHAR) continue;
      if (c === delim && angles <= 0 && state !== QST) break;

      const next = TRANSITIONS[state][table[c & 0xff]];
      if (tl >= 101) trace!.write(`ns=${next.toString(8).padStart(2, '0')}\n`);
      state = next & TYPE;
      if (state === ILL) {
        if (c >= 0x20 && c < 0x7f) errors.usrerr(`553 Illegal character ${String.fromCharCode(c)}`);
        else errors.usrerr(`553 Illegal character 0x${(c & 0xff).toString(16).padStart(2, '0')}`);
      }
      if (next & M) c = NOCHAR;
      if (next & B) break;
    }

    if (tok !== '') {
      if (used >= bufSize - 5) {
        errors.usrerr('553 5.1.1 Address too long');
        return fail(true);
      }
      used++;
      if (tl >= 36) trace!.write('tok=' + trace!.text(tok) + '\n');
      if (tokens.length >= MAXATOM) {
        errors.usrerr('553 5.1.0 prescan: too many tokens');
        return fail(false);
      }
      if (tok.length > MAXNAME) {
        errors.usrerr('553 5.1.0 prescan: token too long');
        return fail(false);
      }
      tokens.push(tok);
    }
  } while (c !== 0 && (c !== delim || angles > 0));

  if (tl >= 12) trace!.write('prescan==>' + trace!.tokens(tokens));
  errors.to = savedTo;
  if (tokens.length === 0 && tl >= 1) trace!.write('prescan: null leading token\n');
  return {
    tokens: tokens.length === 0 ? null : tokens,
    written: tokens,
    failed: false,
    end: p > 0 ? p - 1 : p,
  };
}

function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
