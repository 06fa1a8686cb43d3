// C's strtod as glibc implements it in the C locale: decimal and hexadecimal floats, inf,
// infinity, nan and nan(chars), correct rounding, and errno ERANGE on overflow and on underflow
// (a result that is tiny after rounding and inexact). format's %e %f %g %a read their arguments so.
import { isCSpace } from './numeric.js';

export interface CDouble {
  value: number;
  /** The sign bit, kept apart because JS does not preserve the sign of a NaN. */
  negative: boolean;
}

export interface CDoubleParse extends CDouble {
  /** Index just past what strtod used; 0 when nothing was converted. */
  end: number;
  /** strtod set errno to ERANGE. */
  range: boolean;
}

const DBL_MIN = 2 ** -1022;
const MIN_SUBNORMAL_EXP = -1074;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** q × 2^e as a double, where the caller guarantees it is exactly representable. */
function composeExact(q: bigint, e: number): number {
  const m = Number(q);
  if (e >= -1022) return m * 2 ** e;
  return m * 2 ** (e - MIN_SUBNORMAL_EXP) * 2 ** MIN_SUBNORMAL_EXP;
}

/** Rounds m × 2^e (m > 0) to `keep` significant bits, ties to even. */
function roundToBits(m: bigint, e: number, keep: number): { q: bigint; e: number; inexact: boolean } {
  const shift = bitLength(m) - keep;
  if (shift <= 0) return { q: m, e, inexact: false };
  const big = BigInt(shift);
  let q = m >> big;
  const rest = m - (q << big);
  const half = 1n << (big - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return { q, e: e + shift, inexact: rest !== 0n };
}

/** Correctly rounds the exact binary value m × 2^e (m ≥ 0) to a double, with strtod's ERANGE. */
export function roundBinary(m: bigint, e: number): { value: number; range: boolean } {
  if (m === 0n) return { value: 0, range: false };
  const leadExp = bitLength(m) - 1 + e; // exponent of the leading bit
  // Tininess is judged after rounding to 53 bits with an unbounded exponent.
  const unbounded = roundToBits(m, e, 53);
  const tiny = bitLength(unbounded.q) - 1 + unbounded.e < -1022;
  const keep = leadExp >= -1022 ? 53 : leadExp - MIN_SUBNORMAL_EXP + 1;
  if (keep <= 0) {
    // Below half the smallest subnormal (or exactly half: ties to even gives 0).
    const halfMin = leadExp === MIN_SUBNORMAL_EXP - 1 && m !== 1n << BigInt(bitLength(m) - 1);
    return { value: halfMin ? 2 ** MIN_SUBNORMAL_EXP : 0, range: true };
  }
  const rounded = roundToBits(m, e, keep);
  if (bitLength(rounded.q) - 1 + rounded.e > 1023) return { value: Infinity, range: true };
  return { value: composeExact(rounded.q, rounded.e), range: tiny && rounded.inexact };
}

const HEX_DIGIT = /^[0-9a-fA-F]$/;
const DEC_DIGIT = /^[0-9]$/;

function scanDigits(text: string, from: number, digit: RegExp): number {
  let i = from;
  while (i < text.length && digit.test(text[i])) i++;
  return i;
}

/** An optional exponent: marker, sign, digits. Returns its end (== start when absent). */
function scanExponent(text: string, start: number, markers: string): { end: number; value: number } {
  if (!markers.includes(text[start] ?? '')) return { end: start, value: 0 };
  let i = start + 1;
  let sign = 1;
  if (text[i] === '+' || text[i] === '-') {
    sign = text[i] === '-' ? -1 : 1;
    i++;
  }
  const digitsEnd = scanDigits(text, i, DEC_DIGIT);
  if (digitsEnd === i) return { end: start, value: 0 };
  // Clamp absurd exponents; anything this large already saturates to 0 or infinity.
  const magnitude = Math.min(
    Number(
      text
        .slice(i, digitsEnd)
        .replace(/^0+(?=.)/, '')
        .slice(0, 12),
    ),
    1e11,
  );
  return { end: digitsEnd, value: sign * magnitude };
}

function parseHex(text: string, start: number): { end: number; value: number; range: boolean } | undefined {
  const intEnd = scanDigits(text, start, HEX_DIGIT);
  let fracStart = intEnd;
  let fracEnd = intEnd;
  if (text[intEnd] === '.') {
    fracStart = intEnd + 1;
    fracEnd = scanDigits(text, fracStart, HEX_DIGIT);
  }
  const digits = text.slice(start, intEnd) + text.slice(fracStart, fracEnd);
  if (digits === '') return undefined;
  const exponent = scanExponent(text, fracEnd, 'pP');
  const mantissa = BigInt('0x' + digits);
  const binaryExp = exponent.value - 4 * (fracEnd - fracStart);
  const { value, range } = roundBinary(mantissa, binaryExp);
  return { end: exponent.end, value, range };
}

/** Exactly: is D × 10^E below 2^-1022 × (1 − 2^-54), i.e. tiny after rounding to 53 bits? */
function decimalIsTiny(digits: bigint, exp10: number): boolean {
  // Compare D × 10^E × 2^1076 with 2^54 − 1.
  const limit = (1n << 54n) - 1n;
  if (exp10 >= 0) return digits * 10n ** BigInt(exp10) * (1n << 1076n) < limit;
  return digits * (1n << 1076n) < limit * 10n ** BigInt(-exp10);
}

/** Exactly: is D × 10^E equal to the double `value`? */
function decimalEquals(digits: bigint, exp10: number, value: number): boolean {
  // value = k × 2^-1074 for every double below 2^-1021.
  const k = BigInt(Math.round(value / 2 ** MIN_SUBNORMAL_EXP));
  if (exp10 >= 0) return digits * 10n ** BigInt(exp10) * (1n << 1074n) === k;
  return digits * (1n << 1074n) === k * 10n ** BigInt(-exp10);
}

function parseDecimal(
  text: string,
  start: number,
): { end: number; value: number; range: boolean } | undefined {
  const intEnd = scanDigits(text, start, DEC_DIGIT);
  let fracStart = intEnd;
  let fracEnd = intEnd;
  if (text[intEnd] === '.') {
    fracStart = intEnd + 1;
    fracEnd = scanDigits(text, fracStart, DEC_DIGIT);
  }
  const allDigits = text.slice(start, intEnd) + text.slice(fracStart, fracEnd);
  if (allDigits === '') return undefined;
  const exponent = scanExponent(text, fracEnd, 'eE');
  const significant = allDigits.replace(/^0+/, '');
  const end = exponent.end;
  if (significant === '') return { end, value: 0, range: false };
  const exp10 = exponent.value - (fracEnd - fracStart);
  const magnitude = significant.length + exp10; // value < 10^magnitude
  if (magnitude > 400) return { end, value: Infinity, range: true };
  if (magnitude < -400) return { end, value: 0, range: true };
  const value = Number(`${significant}e${exp10}`);
  if (value === Infinity) return { end, value, range: true };
  if (value > DBL_MIN) return { end, value, range: false };
  const digits = BigInt(significant);
  const inexact = value === 0 || !decimalEquals(digits, exp10, value);
  return { end, value, range: inexact && decimalIsTiny(digits, exp10) };
}

/** strtod(text, &end) in the C locale. */
export function parseCDouble(text: string): CDoubleParse {
  let i = 0;
  while (isCSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  const signed = (value: number, end: number, range: boolean): CDoubleParse => ({
    value: negative ? -value : value,
    negative,
    end,
    range,
  });
  const rest = text.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('inf')) return signed(Infinity, i + (rest.startsWith('infinity') ? 8 : 3), false);
  if (rest.startsWith('nan')) {
    let end = i + 3;
    const payload = /^\([0-9A-Za-z_]*\)/.exec(text.slice(end));
    if (payload) end += payload[0].length;
    return signed(NaN, end, false);
  }
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    const hex = parseHex(text, i + 2);
    // "0x" with no hex digits after it converts just the "0".
    if (hex) return signed(hex.value, hex.end, hex.range);
    return signed(0, i + 1, false);
  }
  const dec = parseDecimal(text, i);
  if (!dec) return { value: 0, negative: false, end: 0, range: false };
  return signed(dec.value, dec.end, dec.range);
}
