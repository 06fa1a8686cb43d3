// sendmail's sscanf (libsm's BSD vfscanf) as F lines use it: `sscanf(line, format, wordbuf)`,
// and the line counts only when exactly one value was assigned. The value lands in a buffer
// of MAXLINE+1 bytes that sendmail never clears, and the class words are then read from it as
// a C string — so %c leaves the rest of the previous value in place, and numbers are stored
// as their binary bytes. ScanBuffer keeps those bytes between lines and F lines.
import { isSpace } from '../sendmail/ctype.js';

const WORDBUF_SIZE = 2049;
/** libsm's limit on the characters of one number. */
const NUMBER_MAX = 512;

/** sendmail's wordbuf: what the last conversion left there. */
export class ScanBuffer {
  readonly bytes = new Uint8Array(WORDBUF_SIZE);

  write(at: number, data: ArrayLike<number>): void {
    for (let i = 0; i < data.length && at + i < WORDBUF_SIZE; i++) this.bytes[at + i] = data[i];
  }

  /** The buffer as a C string (up to its first NUL). */
  text(): string {
    let end = this.bytes.indexOf(0);
    if (end < 0) end = WORDBUF_SIZE;
    let s = '';
    for (let i = 0; i < end; i++) s += String.fromCharCode(this.bytes[i]);
    return s;
  }
}

const SUPPRESS = 1;
const SHORT = 2;
const LONG = 4;
const QUAD = 8;
const POINTER = 16;

type Conversion = 'char' | 'string' | 'set' | 'int' | 'float' | 'count' | 'percent';

interface Directive {
  flags: number;
  width: number;
  kind: Conversion;
  base: number;
  signed: boolean;
  /** For 'set': which bytes belong. */
  set?: boolean[];
}

/** Parses a conversion after '%' at format[at]; null when the format ends there. */
function readDirective(format: string, at: number): { d: Directive; next: number } | null {
  let flags = 0;
  let width = 0;
  let f = at;
  for (;;) {
    const c = format[f++];
    if (c === undefined) return null;
    if (c === '*') flags |= SUPPRESS;
    else if (c === 'h') flags |= SHORT;
    else if (c === 'l') {
      if (format[f] === 'l') {
        f++;
        flags |= QUAD;
      } else flags |= LONG;
    } else if (c === 'q') flags |= QUAD;
    else if (c >= '0' && c <= '9') width = width * 10 + (c.charCodeAt(0) - 48);
    else {
      const int = (base: number, signed: boolean, extra = 0): { d: Directive; next: number } => ({
        d: { flags: flags | extra, width, kind: 'int', base, signed },
        next: f,
      });
      switch (c) {
        case 'D':
          return int(10, true, LONG);
        case 'd':
          return int(10, true);
        case 'i':
          return int(0, true);
        case 'O':
          return int(8, false, LONG);
        case 'o':
          return int(8, false);
        case 'u':
          return int(10, false);
        case 'X':
        case 'x':
          return int(16, false);
        case 'p':
          return int(16, false, POINTER);
        case 'E':
        case 'G':
        case 'e':
        case 'f':
        case 'g':
          return { d: { flags, width, kind: 'float', base: 0, signed: true }, next: f };
        case 's':
          return { d: { flags, width, kind: 'string', base: 0, signed: false }, next: f };
        case 'c':
          return { d: { flags, width, kind: 'char', base: 0, signed: false }, next: f };
        case 'n':
          return { d: { flags, width, kind: 'count', base: 0, signed: false }, next: f };
        case '%':
          return { d: { flags, width, kind: 'percent', base: 0, signed: false }, next: f };
        case '[': {
          const { set, next } = readScanSet(format, f);
          return { d: { flags, width, kind: 'set', base: 0, signed: false, set }, next };
        }
        default:
          // anything else is an old-style decimal conversion (long when upper case)
          return int(10, true, c >= 'A' && c <= 'Z' ? LONG : 0);
      }
    }
  }
}

/** A scan set after '[': `^` negates, `]` or `-` first is literal, `a-z` ranges upwards. */
function readScanSet(format: string, at: number): { set: boolean[]; next: number } {
  let f = at;
  let c = format.charCodeAt(f++);
  let accept = true;
  if (c === 0x5e) {
    accept = false;
    c = format.charCodeAt(f++);
  }
  const set = new Array<boolean>(256).fill(!accept);
  if (Number.isNaN(c)) return { set, next: f - 1 };
  for (;;) {
    set[c] = accept;
    let n = format.charCodeAt(f++);
    for (;;) {
      if (Number.isNaN(n)) return { set, next: f - 1 };
      if (n === 0x5d) return { set, next: f };
      if (n !== 0x2d) {
        c = n;
        break;
      }
      const to = format.charCodeAt(f);
      if (to === 0x5d || Number.isNaN(to) || to < c) {
        c = 0x2d;
        break;
      }
      f++;
      while (c < to) set[++c] = accept;
      n = format.charCodeAt(f++);
    }
  }
}

/** The characters of a number as libsm takes them, and where it stops. */
function scanNumber(
  line: string,
  at: number,
  width: number,
  base0: number,
): { text: string; base: number } | null {
  let base = base0;
  let signOk = true;
  let noDigits = true;
  let noZeroDigits = true;
  let prefixOk = base0 === 16 || base0 === 0;
  let text = '';
  let limit = width === 0 || width > NUMBER_MAX - 1 ? NUMBER_MAX - 1 : width;
  for (let i = at; limit > 0 && i < line.length; limit--, i++) {
    const c = line[i];
    let ok = false;
    if (c === '0') {
      if (base === 0) {
        base = 8;
        prefixOk = true;
      }
      if (noZeroDigits) noZeroDigits = signOk = noDigits = false;
      else signOk = prefixOk = noDigits = false;
      ok = true;
    } else if (c >= '1' && c <= '9') {
      if (base === 0) base = 10;
      if (c <= '7' || base > 8) {
        signOk = prefixOk = noDigits = false;
        ok = true;
      }
    } else if (/[A-Fa-f]/.test(c)) {
      if (base > 10) {
        signOk = prefixOk = noDigits = false;
        ok = true;
      }
    } else if (c === '+' || c === '-') {
      if (signOk) {
        signOk = false;
        ok = true;
      }
    } else if ((c === 'x' || c === 'X') && prefixOk && text.length === 1) {
      base = 16;
      prefixOk = false;
      ok = true;
    }
    if (!ok) break;
    text += c;
  }
  if (noDigits) return null;
  if (text.endsWith('x') || text.endsWith('X')) text = text.slice(0, -1);
  return { text, base: base === 0 ? 10 : base };
}

/** The bytes C stores for an integer of the directive's size (little-endian). */
function integerBytes(text: string, base: number, signed: boolean, flags: number): number[] {
  const negative = text.startsWith('-');
  const digits = text.replace(/^[-+]/, '').replace(/^0[xX]/, '');
  let value = 0n;
  for (const ch of digits) value = value * BigInt(base) + BigInt(parseInt(ch, 16));
  // strtoll / strtoull saturate
  const max = signed ? (negative ? 1n << 63n : (1n << 63n) - 1n) : (1n << 64n) - 1n;
  if (value > max) value = max;
  if (negative) value = signed ? -value : (1n << 64n) - value;
  const size = flags & (POINTER | QUAD | LONG) ? 8 : flags & SHORT ? 2 : 4;
  const bits = BigInt.asUintN(64, value);
  return Array.from({ length: size }, (_, i) => Number((bits >> BigInt(8 * i)) & 0xffn));
}

/** The float (or, with l, double) C stores, as its bytes. */
function floatBytes(text: string, flags: number): number[] {
  const value = Number.parseFloat(text);
  const view = new DataView(new ArrayBuffer(8));
  if (flags & LONG) view.setFloat64(0, value, true);
  else view.setFloat32(0, value, true);
  return Array.from(new Uint8Array(view.buffer, 0, flags & LONG ? 8 : 4));
}

/** The characters of a floating-point number, or null without digits. */
function scanFloat(line: string, at: number, width: number): string | null {
  const limit = width === 0 || width > NUMBER_MAX - 1 ? NUMBER_MAX - 1 : width;
  const m = /^[-+]?(\d*\.?\d*)(?:[eE][-+]?\d+)?/.exec(line.slice(at, at + limit));
  if (!m || !/\d/.test(m[1] ?? '')) return null;
  return m[0];
}

/**
 * Runs `format` over `line` into `buffer` and returns the word text sendmail reads from it, or
 * null when the number of values assigned is not one (or a second value would have gone to a
 * pointer sendmail never passed, which is undefined behaviour there).
 */
export function scanfWord(rawLine: string, format: string, buffer: ScanBuffer): string | null {
  // sscanf sees a C string
  const nul = rawLine.indexOf('\0');
  const line = nul < 0 ? rawLine : rawLine.slice(0, nul);
  let assigned = 0;
  let pointersUsed = 0;
  let i = 0;
  let f = 0;
  const inputFailure = (): string | null => (assigned === 1 && pointersUsed === 1 ? buffer.text() : null);
  const take = (bytes: ArrayLike<number>): void => {
    if (++pointersUsed === 1) buffer.write(0, bytes);
  };
  while (f < format.length) {
    const fc = format[f++];
    if (isSpace(fc.charCodeAt(0))) {
      while (i < line.length && isSpace(line.charCodeAt(i))) i++;
      continue;
    }
    let literal = fc !== '%';
    const parsed = literal ? null : readDirective(format, f);
    if (!literal && parsed === null) return null;
    if (parsed?.d.kind === 'percent') {
      f = parsed.next;
      literal = true;
    }
    if (literal) {
      if (i >= line.length) return inputFailure();
      if (line[i] !== fc) break;
      i++;
      continue;
    }
    const d = parsed!.d;
    f = parsed!.next;
    const store = !(d.flags & SUPPRESS);
    if (d.kind === 'count') {
      if (store) take(integerBytes(String(i), 10, true, d.flags));
      continue;
    }
    if (i >= line.length) return inputFailure();
    if (d.kind !== 'char' && d.kind !== 'set') {
      while (i < line.length && isSpace(line.charCodeAt(i))) i++;
      if (i >= line.length) return inputFailure();
    }
    const bytesOf = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
    if (d.kind === 'char') {
      const n = d.width || 1;
      const got = line.slice(i, i + n);
      i += got.length;
      if (store) {
        take(bytesOf(got));
        assigned++;
      }
    } else if (d.kind === 'set' || d.kind === 'string') {
      const start = i;
      let width = d.width || Infinity;
      const inSet = (c: string): boolean =>
        d.kind === 'set' ? d.set![c.charCodeAt(0)] === true : !isSpace(c.charCodeAt(0));
      while (i < line.length && width > 0 && inSet(line[i])) {
        i++;
        width--;
      }
      if (d.kind === 'set' && i === start) break;
      if (store) {
        take([...bytesOf(line.slice(start, i)), 0]);
        assigned++;
      }
    } else if (d.kind === 'int') {
      const n = scanNumber(line, i, d.width, d.base);
      if (n === null) break;
      i += n.text.length;
      if (store) {
        take(integerBytes(n.text, n.base, d.signed, d.flags));
        assigned++;
      }
    } else {
      const text = scanFloat(line, i, d.width);
      if (text === null) break;
      i += text.length;
      if (store) {
        take(floatBytes(text, d.flags));
        assigned++;
      }
    }
  }
  return assigned === 1 && pointersUsed === 1 ? buffer.text() : null;
}
