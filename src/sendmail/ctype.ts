// The C library's character classes and case folding in the "C" locale, as sendmail uses them:
// ASCII only, so 8-bit bytes are never letters, digits or blanks and keep their case. Text is
// latin1 (one char per byte); the predicates take a byte value.

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

/** ASCII-only upper-casing. */
export function asciiUpper(s: string): string {
  return /[a-z]/.test(s) ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s;
}
