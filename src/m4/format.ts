// GNU m4's format: printf-style formatting with the conversions, flags and length modifiers
// GNU accepts (anything else draws "unrecognized specifier" and is dropped), and glibc's output.
import { MEMORY_EXHAUSTED, type Diagnostic, type PureResult } from './diagnostics.js';
import { MAX_EXPANSION } from './eval.js';
import { cString, isCSpace, parseCLong, toInt32 } from './numeric.js';
import { floatBody, type FloatConversion } from './printf-float.js';
import { type CDouble, parseCDouble } from './strtod.js';

interface Flags {
  thousands: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  zero: boolean;
  alternate: boolean;
}

type LengthModifier = '' | 'h' | 'hh' | 'l';

/** A conversion GNU lets through to printf. */
interface Spec {
  flags: Flags;
  width: number;
  /** undefined: no precision (none given, or a negative one from `*`). */
  precision: number | undefined;
  length: LengthModifier;
  conversion: string;
}

const ALL_CONVERSIONS = 'aAcdeEfFgGiosuxX';

/** Which conversions each flag or modifier rules out (GNU refuses combinations C leaves undefined). */
const FLAG_EXCLUDES: Record<string, string> = {
  "'": 'aAceEosxX',
  '+': 'cosuxX',
  ' ': 'cosuxX',
  '0': 'cs',
  '#': 'cdisu',
  '-': '',
};
const PRECISION_EXCLUDES = 'c';
const LENGTH_EXCLUDES: Record<'l' | 'h', string> = { l: 'cs', h: 'aAceEfFgGs' };

/** Reads format's arguments one at a time, with GNU's conversions and warnings. */
class ArgumentReader {
  private next = 0;

  constructor(
    private readonly args: string[],
    private readonly diagnostics: Diagnostic[],
  ) {}

  private take(): string | undefined {
    if (this.next >= this.args.length) return undefined;
    return cString(this.args[this.next++]);
  }

  private warn(message: string): void {
    this.diagnostics.push({ severity: 'warning', message });
  }

  /** The common checks of arg_int, arg_long and arg_double, in GNU's order. */
  private check(text: string, end: number, overflow: boolean): void {
    if (end !== text.length) this.warn(`non-numeric argument ${text}`);
    else if (isCSpace(text[0])) this.warn('leading whitespace ignored');
    else if (overflow) this.warn('numeric overflow detected');
  }

  /** A C long (64 bits), from strtol. */
  long(): bigint {
    const text = this.take();
    if (text === undefined) return 0n;
    if (text === '') {
      this.warn('empty string treated as 0');
      return 0n;
    }
    const parsed = parseCLong(text);
    this.check(text, parsed.end, parsed.overflow);
    return parsed.value;
  }

  /** A C int: strtol narrowed to 32 bits, "overflow" when that changed the value. */
  int(): number {
    const text = this.take();
    if (text === undefined) return 0;
    if (text === '') {
      this.warn('empty string treated as 0');
      return 0;
    }
    const parsed = parseCLong(text);
    const narrowed = toInt32(parsed.value);
    this.check(text, parsed.end, parsed.overflow || BigInt(narrowed) !== parsed.value);
    return narrowed;
  }

  double(): CDouble {
    const text = this.take();
    if (text === undefined) return { value: 0, negative: false };
    if (text === '') {
      this.warn('empty string treated as 0');
      return { value: 0, negative: false };
    }
    const parsed = parseCDouble(text);
    this.check(text, parsed.end, parsed.range);
    return { value: parsed.value, negative: parsed.negative };
  }

  string(): string {
    return this.take() ?? '';
  }
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Pads to `width` with spaces, on the right for '-'. */
function pad(body: string, width: number, left: boolean): string {
  if (body.length >= width) return body;
  const fill = ' '.repeat(width - body.length);
  return left ? body + fill : fill + body;
}

/** Pads with zeros between the sign/prefix and the digits (printf's '0' flag). */
function zeroPad(prefix: string, digits: string, width: number): string {
  return prefix + digits.padStart(width - prefix.length, '0');
}

/** The C type printf reads the value as: its width in bits and signedness. */
function integerType(spec: Spec): { bits: bigint; signed: boolean } {
  const signed = spec.conversion === 'd' || spec.conversion === 'i';
  const bits = spec.length === 'l' ? 64n : spec.length === 'h' ? 16n : spec.length === 'hh' ? 8n : 32n;
  return { bits, signed };
}

function renderInteger(spec: Spec, raw: bigint): string {
  const { bits, signed } = integerType(spec);
  const value = signed ? BigInt.asIntN(Number(bits), raw) : BigInt.asUintN(Number(bits), raw);
  const { flags, precision, conversion } = spec;
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const radix = conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
  let digits = precision === 0 && magnitude === 0n ? '' : magnitude.toString(radix);
  if (conversion === 'X') digits = digits.toUpperCase();
  if (precision !== undefined) digits = digits.padStart(precision, '0');
  let prefix = negative ? '-' : signed && flags.plus ? '+' : signed && flags.space ? ' ' : '';
  if (flags.alternate && conversion === 'o' && !digits.startsWith('0')) digits = '0' + digits;
  if (flags.alternate && (conversion === 'x' || conversion === 'X') && magnitude !== 0n) {
    prefix += conversion === 'x' ? '0x' : '0X';
  }
  if (flags.zero && !flags.minus && precision === undefined) return zeroPad(prefix, digits, spec.width);
  return pad(prefix + digits, spec.width, flags.minus);
}

function renderFloat(spec: Spec, x: CDouble): string {
  const { flags } = spec;
  const body = floatBody(x, spec.conversion as FloatConversion, spec.precision, flags.alternate);
  const sign = x.negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
  const finite = Number.isFinite(x.value);
  if (flags.zero && !flags.minus && finite) {
    const hexPrefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return zeroPad(sign + hexPrefix, body.slice(hexPrefix.length), spec.width);
  }
  return pad(sign + body, spec.width, flags.minus);
}

/** Formats one accepted conversion, consuming its value argument. */
function renderSpec(spec: Spec, reader: ArgumentReader): string {
  switch (spec.conversion) {
    case 'c': {
      const ch = String.fromCharCode(reader.int() & 0xff);
      // The result goes through strlen: a NUL character ends it.
      return cString(pad(ch, spec.width, spec.flags.minus));
    }
    case 's': {
      const s = reader.string();
      const shown = spec.precision === undefined ? s : s.slice(0, spec.precision);
      return pad(shown, spec.width, spec.flags.minus);
    }
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return renderInteger(spec, spec.length === 'l' ? reader.long() : BigInt(reader.int()));
    default:
      return renderFloat(spec, reader.double());
  }
}

/** Expected size of a conversion's output, to refuse the absurd widths GNU would allocate. */
function tooLarge(spec: Spec): boolean {
  return spec.width > MAX_EXPANSION || (spec.precision ?? 0) > MAX_EXPANSION;
}

/** format(fmt, args...). `args` exclude the macro name. */
export function formatBuiltin(_builtinName: string, args: string[]): PureResult {
  const diagnostics: Diagnostic[] = [];
  if (args.length === 0) return { text: '', diagnostics };
  const fmt = cString(args[0]);
  const reader = new ArgumentReader(args.slice(1), diagnostics);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const percent = fmt.indexOf('%', i);
    if (percent < 0) {
      out.push(fmt.slice(i));
      break;
    }
    out.push(fmt.slice(i, percent));
    i = percent + 1;
    if (fmt[i] === '%') {
      out.push('%');
      i++;
      continue;
    }
    // Conversions still allowed, as a set of characters crossed off as flags rule them out.
    let excluded = '';
    const exclude = (chars: string): void => {
      excluded += chars;
    };
    const flags: Flags = {
      thousands: false,
      plus: false,
      minus: false,
      space: false,
      zero: false,
      alternate: false,
    };
    for (; i < fmt.length && fmt[i] in FLAG_EXCLUDES; i++) {
      const flag = fmt[i];
      exclude(FLAG_EXCLUDES[flag]);
      if (flag === "'") flags.thousands = true;
      else if (flag === '+') flags.plus = true;
      else if (flag === ' ') flags.space = true;
      else if (flag === '0') flags.zero = true;
      else if (flag === '#') flags.alternate = true;
      else flags.minus = true;
    }
    // Width: `*` takes an argument (negative means left-justified), digits wrap like a C int.
    let width = 0;
    if (fmt[i] === '*') {
      width = reader.int();
      i++;
    } else {
      while (isDigitAt(fmt, i)) width = (width * 10 + (fmt.charCodeAt(i++) - 48)) | 0;
    }
    if (width < 0) {
      flags.minus = true;
      width = -width;
    }
    let precision: number | undefined;
    if (fmt[i] === '.') {
      exclude(PRECISION_EXCLUDES);
      i++;
      if (fmt[i] === '*') {
        const p = reader.int();
        precision = p < 0 ? undefined : p;
        i++;
      } else {
        let p = 0;
        while (isDigitAt(fmt, i)) p = (p * 10 + (fmt.charCodeAt(i++) - 48)) | 0;
        precision = p < 0 ? undefined : p;
      }
    }
    let length: LengthModifier = '';
    if (fmt[i] === 'l') {
      length = 'l';
      exclude(LENGTH_EXCLUDES.l);
      i++;
    } else if (fmt[i] === 'h') {
      length = 'h';
      i++;
      if (fmt[i] === 'h') {
        length = 'hh';
        i++;
      }
      exclude(LENGTH_EXCLUDES.h);
    }
    const conversion = fmt[i] ?? '';
    // A missing conversion (the format ended) is unrecognized too, and consumes nothing more.
    if (conversion !== '') i++;
    if (conversion === '' || !ALL_CONVERSIONS.includes(conversion) || excluded.includes(conversion)) {
      diagnostics.push({ severity: 'warning', message: `Warning: unrecognized specifier in \`${fmt}'` });
      continue;
    }
    const spec: Spec = { flags, width, precision, length, conversion };
    if (tooLarge(spec)) {
      diagnostics.push(MEMORY_EXHAUSTED);
      return { text: '', diagnostics };
    }
    out.push(renderSpec(spec, reader));
  }
  return { text: out.join(''), diagnostics };
}
