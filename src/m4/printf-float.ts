// glibc printf's floating-point conversions (%e %E %f %F %g %G %a %A), digit for digit: exact
// decimal expansion of the binary value, rounding ties to even, as glibc does in the default
// rounding mode. Only the digits are made here; sign, padding and flags are format.ts's job.
import type { CDouble } from './strtod.js';

/** The exact value |x| = mantissa × 2^exponent of a finite double. */
interface Exact {
  mantissa: bigint;
  exponent: number;
}

function decompose(x: number): Exact {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

const LOG10_2 = Math.log10(2);

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/** round(num / den), ties to even. */
function divideRounded(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twiceRest = (num - q * den) * 2n;
  if (twiceRest > den || (twiceRest === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** round(|x| × 10^scale) as an integer, ties to even. */
function scaledInteger(x: Exact, scale: number): bigint {
  let num = x.mantissa;
  let den = 1n;
  if (x.exponent >= 0) num <<= BigInt(x.exponent);
  else den <<= BigInt(-x.exponent);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  return divideRounded(num, den);
}

/** floor(log10 |x|) for x ≠ 0, exactly. */
function decimalExponent(x: Exact): number {
  const bits = x.mantissa.toString(2).length;
  let guess = Math.floor((bits - 1 + x.exponent) * LOG10_2);
  // |x| ≥ 10^k ?
  const atLeast = (k: number): boolean => {
    let lhs = x.mantissa;
    let rhs = 1n;
    if (x.exponent >= 0) lhs <<= BigInt(x.exponent);
    else rhs <<= BigInt(-x.exponent);
    if (k >= 0) rhs *= pow10(k);
    else lhs *= pow10(-k);
    return lhs >= rhs;
  };
  while (!atLeast(guess)) guess--;
  while (atLeast(guess + 1)) guess++;
  return guess;
}

/** Inserts a decimal point `fractionDigits` from the right, padding with zeros on the left. */
function placePoint(digits: string, fractionDigits: number, alternate: boolean): string {
  if (fractionDigits === 0) return alternate ? `${digits}.` : digits;
  const padded = digits.padStart(fractionDigits + 1, '0');
  const cut = padded.length - fractionDigits;
  return `${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** %f: fixed notation with `precision` digits after the point. */
export function fixedDigits(x: number, precision: number, alternate: boolean): string {
  const digits = x === 0 ? '0' : scaledInteger(decompose(x), precision).toString();
  return placePoint(digits, precision, alternate);
}

/** The significant digits and decimal exponent %e would print with `precision`. */
function scientificParts(x: number, precision: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0'.repeat(precision + 1), exponent: 0 };
  const exact = decompose(x);
  let exponent = decimalExponent(exact);
  let n = scaledInteger(exact, precision - exponent);
  if (n === pow10(precision + 1)) {
    // Rounded up to the next power of ten: one more in the exponent.
    n /= 10n;
    exponent++;
  }
  return { digits: n.toString(), exponent };
}

function exponentSuffix(marker: string, exponent: number): string {
  const sign = exponent < 0 ? '-' : '+';
  return `${marker}${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** %e: d.ddde±dd with `precision` digits after the point. */
export function scientificDigits(x: number, precision: number, alternate: boolean, upper: boolean): string {
  const { digits, exponent } = scientificParts(x, precision);
  const body = precision === 0 ? (alternate ? `${digits}.` : digits) : `${digits[0]}.${digits.slice(1)}`;
  return body + exponentSuffix(upper ? 'E' : 'e', exponent);
}

function stripTrailingZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** %g: %e or %f by the exponent, trailing zeros removed unless '#'. */
export function generalDigits(x: number, precision: number, alternate: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { exponent } = scientificParts(x, p - 1);
  if (exponent < -4 || exponent >= p) {
    const text = scientificDigits(x, p - 1, alternate, upper);
    if (alternate) return text;
    const cut = text.indexOf(upper ? 'E' : 'e');
    return stripTrailingZeros(text.slice(0, cut)) + text.slice(cut);
  }
  const text = fixedDigits(x, p - 1 - exponent, alternate);
  return alternate ? text : stripTrailingZeros(text);
}

/**
 * %a: 0xh.hhhp±d. glibc prints the leading digit as stored (1 for normal numbers, 0 for
 * subnormals with exponent -1022) and lets rounding carry into it (so %.0a of 1.5 is 0x2p+0).
 */
export function hexDigits(
  x: number,
  precision: number | undefined,
  alternate: boolean,
  upper: boolean,
): string {
  let lead: bigint;
  let fraction: bigint; // 52 bits
  let exponent: number;
  if (x === 0) {
    lead = 0n;
    fraction = 0n;
    exponent = 0;
  } else {
    const exact = decompose(x);
    const subnormal = exact.mantissa < 1n << 52n;
    lead = subnormal ? 0n : 1n;
    fraction = exact.mantissa & ((1n << 52n) - 1n);
    exponent = subnormal ? -1022 : exact.exponent + 52;
  }
  let fractionHex: string;
  if (precision === undefined) {
    fractionHex = fraction.toString(16).padStart(13, '0').replace(/0+$/, '');
  } else if (precision >= 13) {
    fractionHex = fraction.toString(16).padStart(13, '0') + '0'.repeat(precision - 13);
  } else {
    const dropBits = BigInt(4 * (13 - precision));
    const whole = (lead << 52n) | fraction;
    const kept = divideRounded(whole, 1n << dropBits);
    lead = kept >> BigInt(4 * precision);
    const keptFraction = kept & ((1n << BigInt(4 * precision)) - 1n);
    fractionHex = precision === 0 ? '' : keptFraction.toString(16).padStart(precision, '0');
  }
  const point = fractionHex !== '' || alternate ? '.' : '';
  const sign = exponent < 0 ? '-' : '+';
  const text = `0x${lead.toString(16)}${point}${fractionHex}p${sign}${Math.abs(exponent)}`;
  return upper ? text.toUpperCase() : text;
}

export type FloatConversion = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'a' | 'A';

/** The unsigned body of a floating conversion (no sign, no padding), inf and nan included. */
export function floatBody(
  x: CDouble,
  conversion: FloatConversion,
  precision: number | undefined,
  alternate: boolean,
): string {
  const upper = conversion === conversion.toUpperCase();
  const magnitude = Math.abs(x.value);
  if (Number.isNaN(x.value)) return upper ? 'NAN' : 'nan';
  if (magnitude === Infinity) return upper ? 'INF' : 'inf';
  switch (conversion) {
    case 'f':
    case 'F':
      return fixedDigits(magnitude, precision ?? 6, alternate);
    case 'e':
    case 'E':
      return scientificDigits(magnitude, precision ?? 6, alternate, upper);
    case 'g':
    case 'G':
      return generalDigits(magnitude, precision ?? 6, alternate, upper);
    case 'a':
    case 'A':
      return hexDigits(magnitude, precision, alternate, upper);
  }
}
