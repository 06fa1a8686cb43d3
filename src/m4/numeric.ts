// Numbers as GNU m4's builtins read them: C's strtol on a NUL-terminated string, then narrowed
// to a C int. Shared by numericArg (incr, substr, divert, eval's radix …) and format's arguments.
import type { Diagnostic } from './diagnostics.js';

/** GNU m4 hands builtins C strings: anything after a NUL byte is invisible to them. */
export function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/** C's isspace() for single bytes in the C and C.UTF-8 locales. */
export function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

/**
 * The value of a plain decimal that fits a C int as strtol reads it (an optional `-` and one
 * to nine digits, nothing else), or NaN for anything else. Builtins' numbers are nearly always
 * plain, and this spares them strtol's 64-bit cases.
 */
export function plainInt(text: string): number {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (length === i || length - i > 9) return NaN;
  let value = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return text.charCodeAt(0) === 45 ? -value | 0 : value;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** What strtol(text, &end, 10) computes for a 64-bit long. */
export interface CLongParse {
  /** The value strtol returns (clamped to LONG_MIN..LONG_MAX on overflow). */
  value: bigint;
  /** Index just past the last character strtol used; 0 when it found no digits. */
  end: number;
  /** strtol set errno to ERANGE. */
  overflow: boolean;
}

export function parseCLong(text: string): CLongParse {
  let i = 0;
  while (isCSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  const digitsStart = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === digitsStart) return { value: 0n, end: 0, overflow: false };
  let magnitude = BigInt(text.slice(digitsStart, i));
  if (negative) magnitude = -magnitude;
  if (magnitude > LONG_MAX) return { value: LONG_MAX, end: i, overflow: true };
  if (magnitude < LONG_MIN) return { value: LONG_MIN, end: i, overflow: true };
  return { value: magnitude, end: i, overflow: false };
}

/** C's conversion of a long to a 32-bit int: keep the low 32 bits, two's complement. */
export function toInt32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

/**
 * GNU m4's numeric argument parsing for builtins. Returns undefined when the argument is not a
 * number (the builtin then expands to nothing); warnings go to `diagnostics`.
 */
export function numericArg(builtinName: string, text: string, diagnostics: Diagnostic[]): number | undefined {
  const arg = cString(text);
  if (arg === '') {
    diagnostics.push({
      severity: 'warning',
      message: `empty string treated as 0 in builtin \`${builtinName}'`,
    });
    return 0;
  }
  const parsed = parseCLong(arg);
  if (parsed.end !== arg.length) {
    diagnostics.push({
      severity: 'warning',
      message: `non-numeric argument to builtin \`${builtinName}'`,
    });
    return undefined;
  }
  if (isCSpace(arg[0])) {
    diagnostics.push({
      severity: 'warning',
      message: `leading whitespace ignored in builtin \`${builtinName}'`,
    });
  } else if (parsed.overflow) {
    diagnostics.push({
      severity: 'warning',
      message: `numeric overflow detected in builtin \`${builtinName}'`,
    });
  }
  return toInt32(parsed.value);
}
