// The C library's number parsing as sendmail (built for 64-bit Linux) calls it: strtol on a
// 64-bit long that clamps on overflow, atoi as an int conversion of it.
import { isDigit, isSpace } from './ctype.js';

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

/** A 64-bit signed wrap, as C's long arithmetic behaves on overflow in practice. */
export function wrapLong(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}
