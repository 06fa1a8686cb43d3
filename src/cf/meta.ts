// sendmail's internal byte codes. A .cf line is translated into an "internal form" where `$x`
// and the rule metasymbols become single high bytes; tokens keep those bytes, so a token is a
// latin1 string whose first char may be one of these codes. Keeping sendmail's byte values makes
// every quirk of its scanner and matcher (which look at those bytes) reproducible.

/** `$*`: zero or more tokens. */
export const MATCHZANY = 0x90;
/** `$+`: one or more tokens. */
export const MATCHANY = 0x91;
/** `$-`: exactly one token. */
export const MATCHONE = 0x92;
/** `$=X`: a phrase in class X. */
export const MATCHCLASS = 0x93;
/** `$~X`: one token not in class X. */
export const MATCHNCLASS = 0x94;
/** `$1`…`$9` on the RHS. */
export const MATCHREPL = 0x95;
/** `$#`: mailer triple start. */
export const CANONNET = 0x96;
/** `$@`: host part; on the LHS it matches zero tokens; on the RHS first it means "return". */
export const CANONHOST = 0x97;
/** `$:`: user part; first on the RHS it means "rewrite once". */
export const CANONUSER = 0x98;
/** `$>`: call a ruleset. */
export const CALLSUBR = 0x99;
/** `$?x` `$|` `$.`: load-time conditionals. */
export const CONDIF = 0x9a;
export const CONDELSE = 0x9b;
export const CONDFI = 0x9c;
/** `$[` `$]`: host name canonicalisation. */
export const HOSTBEGIN = 0x9d;
export const HOSTEND = 0x9e;
/** `$(` `$)`: map lookup. */
export const LOOKUPBEGIN = 0x85;
export const LOOKUPEND = 0x86;
/** `$x`: macro expansion (followed by the macro id byte). */
export const MACROEXPAND = 0x81;
/** `$&x`: deferred macro expansion. */
export const MACRODEXPAND = 0x82;
/** Quotes the next byte (protects 8-bit input bytes from being taken as codes). */
export const METAQUOTE = 0xff;

/** The metasymbol letters and their codes, in sendmail's table order (printing walks it). */
export const META_MACROS: readonly (readonly [letter: string, code: number])[] = [
  ['*', MATCHZANY],
  ['+', MATCHANY],
  ['-', MATCHONE],
  ['=', MATCHCLASS],
  ['~', MATCHNCLASS],
  ['#', CANONNET],
  ['@', CANONHOST],
  [':', CANONUSER],
  ['>', CALLSUBR],
  ['?', CONDIF],
  ['|', CONDELSE],
  ['.', CONDFI],
  ['[', HOSTBEGIN],
  [']', HOSTEND],
  ['(', LOOKUPBEGIN],
  [')', LOOKUPEND],
  ['&', MACRODEXPAND],
];

/** The one-char string of a byte code. */
export const chr = (code: number): string => String.fromCharCode(code);

// C library character classes in the "C" locale, as sendmail uses them (ASCII only).
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
export function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}
export function isPrint(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}
export function isGraph(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}
export function isPunct(c: number): boolean {
  return isGraph(c) && !isAlnum(c);
}
export function isAscii(c: number): boolean {
  return c < 0x80;
}
export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

const HAS_UPPER = /[A-Z]/;
const UPPER_RUNS = /[A-Z]+/g;

/** ASCII-only lower-casing (sendmail's symbol table and strcasecmp ignore 8-bit case). */
export function asciiLower(s: string): string {
  return HAS_UPPER.test(s) ? s.replace(UPPER_RUNS, (m) => m.toLowerCase()) : s;
}

/** sendmail's case-insensitive string equality (ASCII folding only). */
export function asciiCaseEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0x41 && x <= 0x5a) x += 32;
    if (y >= 0x41 && y <= 0x5a) y += 32;
    if (x !== y) return false;
  }
  return true;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * C's strtol (64-bit long, clamped on overflow) from index `at`, base 10, 16 or 8 (0 picks by
 * prefix as C does). Returns the value and the index after the number (`at` when none).
 */
export function strtol(s: string, at = 0, base = 10): { value: bigint; end: number; overflow: boolean } {
  let i = at;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  let radix = base;
  if ((radix === 0 || radix === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    if (digitValue(s.charCodeAt(i + 2)) < 16) {
      i += 2;
      radix = 16;
    }
  }
  if (radix === 0) radix = s[i] === '0' ? 8 : 10;
  const digitsStart = i;
  let n = 0n;
  const r = BigInt(radix);
  while (i < s.length && digitValue(s.charCodeAt(i)) < radix) {
    n = n * r + BigInt(digitValue(s.charCodeAt(i++)));
    if (n > LONG_MAX + 1n) n = LONG_MAX + 1n;
  }
  if (i === digitsStart) return { value: 0n, end: at, overflow: false };
  let v = neg ? -n : n;
  let overflow = false;
  if (v > LONG_MAX) {
    v = LONG_MAX;
    overflow = true;
  }
  if (v < LONG_MIN) {
    v = LONG_MIN;
    overflow = true;
  }
  return { value: v, end: i, overflow };
}

function digitValue(c: number): number {
  if (isDigit(c)) return c - 48;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
}

/** A C long converted to int (two's-complement truncation, as an assignment does). */
export function toCInt(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** C's atoi (which is (int)strtol(s, NULL, 10)). */
export function atoi(s: string): number {
  return toCInt(strtol(s, 0, 10).value);
}

/** C's atol (a 64-bit long here), as a JS number (exact for any value sendmail cares about). */
export function atol(s: string): number {
  return Number(strtol(s, 0, 10).value);
}
