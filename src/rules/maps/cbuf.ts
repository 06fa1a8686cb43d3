// sendmail parses K-line arguments by walking a C string and writing NUL bytes into it to end
// each value; values are read later as C strings. A few of its quirks (an option value that ends
// at the next blank, a value read after a later option moved the terminator) only come out right
// when the same buffer discipline is followed, so argument parsers work on a CBuffer.

/** C's isspace in the C locale. */
export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function isAlpha(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

export function isAlnum(c: string): boolean {
  return isAlpha(c) || isDigit(c);
}

/** Folds ASCII upper case only, as sendmail's makelower does in the C locale. */
export function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** C's strcasecmp() == 0 in the C locale. */
export function equalsIgnoreCaseAscii(a: string, b: string): boolean {
  return a.length === b.length && lowerAscii(a) === lowerAscii(b);
}

/** A string up to its first NUL byte, as C sees it. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** C's atoi: optional blanks, sign, digits; 0 when there are none. Wraps like a 32-bit int. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(s);
  if (!m || m[2] === '') return 0;
  const v = Number(BigInt.asIntN(32, BigInt(m[1] + m[2])));
  return v;
}

/** A mutable C string: reading past the end yields NUL, and NULs can be written anywhere. */
export class CBuffer {
  private readonly chars: string[];

  constructor(text: string) {
    this.chars = Array.from(cString(text));
  }

  at(i: number): string {
    return i < this.chars.length ? this.chars[i]! : '\0';
  }

  set(i: number, c: string): void {
    if (i < this.chars.length) this.chars[i] = c;
  }

  /** The C string starting at i. */
  str(i: number): string {
    let end = i;
    while (end < this.chars.length && this.chars[end] !== '\0') end++;
    return this.chars.slice(i, end).join('');
  }

  /** Index of the first c at or after i within the C string at i, or -1 (strchr). */
  indexOf(c: string, i: number): number {
    for (let j = i; j < this.chars.length && this.chars[j] !== '\0'; j++) {
      if (this.chars[j] === c) return j;
    }
    return -1;
  }

  skipSpaces(i: number): number {
    while (isSpace(this.at(i))) i++;
    return i;
  }

  /** Moves to the next blank (or the end) and ends the current word there; returns the index after it. */
  endWord(i: number): number {
    while (this.at(i) !== '\0' && !isSpace(this.at(i))) i++;
    if (this.at(i) !== '\0') {
      this.set(i, '\0');
      i++;
    }
    return i;
  }
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * C's strtol(s, NULL, 0) on a 64-bit long: blanks, sign, "0x" for hex, a leading 0 for octal,
 * digits up to the first that does not belong; out-of-range values saturate.
 */
export function strtol0(s: string): bigint {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  let base = 10n;
  const hexDigit = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && hexDigit(s[i + 2])) {
    base = 16n;
    i += 2;
  } else if (s[i] === '0') {
    base = 8n;
  }
  let n = 0n;
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, 36);
    if (Number.isNaN(d) || BigInt(d) >= base) break;
    n = n * base + BigInt(d);
    if (n > LONG_MAX + 1n) n = LONG_MAX + 2n; // keep it bounded; saturates below
  }
  if (negative) n = -n;
  if (n > LONG_MAX) return LONG_MAX;
  if (n < LONG_MIN) return LONG_MIN;
  return n;
}

/** A 64-bit signed wrap, as C's long arithmetic behaves on overflow in practice. */
export function wrapLong(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}
