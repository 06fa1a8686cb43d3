// GNU m4's format: printf-style formatting with the conversions, flags and length modifiers
// GNU accepts (anything else draws "unrecognized specifier" and is dropped), and glibc's output.
import { MEMORY_EXHAUSTED, type Diagnostic, type PureResult } from './diagnostics.js';
import { MAX_EXPANSION } from './eval.js';
import { cString, isCSpace, parseCLong, plainInt, toInt32 } from './numeric.js';
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
  constructor(
    private readonly args: string[],
    /** The next argument to read. */
    private next: number,
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
    const plain = plainInt(text);
    if (plain === plain) return plain; // not NaN: a plain decimal needs none of strtol's cases
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

/**
 * One conversion's text before the field width is applied, with the zeros a precision adds
 * kept as a count: its length is known without building it, however large.
 */
interface Field {
  /** Sign and radix prefix (or, for strings and characters, nothing). */
  prefix: string;
  /** Zeros between the prefix and the digits, from the precision. */
  zeros: number;
  digits: string;
  /** The '0' flag pads the width with zeros after the prefix (else spaces, outside the text). */
  zeroFill: boolean;
}

/** Length of a field once padded to `width`. */
function fieldLength(field: Field, width: number): number {
  return Math.max(width, field.prefix.length + field.zeros + field.digits.length);
}

/** The field padded to `width`: zeros after the prefix, or spaces (on the right for '-'). */
function fillField(field: Field, width: number, left: boolean): string {
  const { prefix, zeros, digits } = field;
  if (field.zeroFill)
    return prefix + '0'.repeat(Math.max(zeros, width - prefix.length - digits.length)) + digits;
  const text = prefix + '0'.repeat(zeros) + digits;
  if (text.length >= width) return text;
  const spaces = ' '.repeat(width - text.length);
  return left ? text + spaces : spaces + text;
}

/** A field of plain text: padded with spaces only. */
function textField(text: string): Field {
  return { prefix: '', zeros: 0, digits: text, zeroFill: false };
}

/** The digits of an integer conversion (before precision and prefix) and its sign. */
interface IntegerDigits {
  negative: boolean;
  zero: boolean;
  digits: string;
}

function radixOf(conversion: string): number {
  return conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
}

/** A value read as a C int, converted to the type printf reads (8, 16 or 32 bits). */
function intDigits(spec: Spec, raw: number): IntegerDigits {
  const signed = spec.conversion === 'd' || spec.conversion === 'i';
  const shift = spec.length === 'h' ? 16 : spec.length === 'hh' ? 24 : 0;
  // Narrow to the type's width, then read it as signed or unsigned.
  let value = (raw << shift) >> shift;
  if (!signed) value = shift === 0 ? value >>> 0 : value & (0xffffffff >>> shift);
  const magnitude = Math.abs(value);
  return { negative: value < 0, zero: value === 0, digits: magnitude.toString(radixOf(spec.conversion)) };
}

/** A value read as a C long (64 bits), for the `l` modifier. */
function longDigits(spec: Spec, raw: bigint): IntegerDigits {
  const signed = spec.conversion === 'd' || spec.conversion === 'i';
  const value = signed ? BigInt.asIntN(64, raw) : BigInt.asUintN(64, raw);
  const magnitude = value < 0n ? -value : value;
  return { negative: value < 0n, zero: value === 0n, digits: magnitude.toString(radixOf(spec.conversion)) };
}

function integerField(spec: Spec, value: IntegerDigits): Field {
  const { flags, precision, conversion } = spec;
  const signed = conversion === 'd' || conversion === 'i';
  let digits = precision === 0 && value.zero ? '' : value.digits;
  if (conversion === 'X') digits = digits.toUpperCase();
  const zeros = precision === undefined ? 0 : Math.max(0, precision - digits.length);
  let prefix = value.negative ? '-' : signed && flags.plus ? '+' : signed && flags.space ? ' ' : '';
  if (flags.alternate && conversion === 'o' && zeros === 0 && !digits.startsWith('0')) digits = '0' + digits;
  if (flags.alternate && (conversion === 'x' || conversion === 'X') && !value.zero) {
    prefix += conversion === 'x' ? '0x' : '0X';
  }
  return { prefix, zeros, digits, zeroFill: flags.zero && !flags.minus && precision === undefined };
}

function floatField(spec: Spec, x: CDouble): Field {
  const { flags } = spec;
  const body = floatBody(x, spec.conversion as FloatConversion, spec.precision, flags.alternate);
  const sign = x.negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
  if (flags.zero && !flags.minus && Number.isFinite(x.value)) {
    const hexPrefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return { prefix: sign + hexPrefix, zeros: 0, digits: body.slice(hexPrefix.length), zeroFill: true };
  }
  return textField(sign + body);
}

const FLOAT_CONVERSIONS = 'aAeEfFgG';

/** The field of one accepted conversion, consuming its value argument. */
function conversionField(spec: Spec, reader: ArgumentReader): Field {
  switch (spec.conversion) {
    case 'c':
      return textField(String.fromCharCode(reader.int() & 0xff));
    case 's': {
      const s = reader.string();
      return textField(spec.precision === undefined ? s : s.slice(0, spec.precision));
    }
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return integerField(
        spec,
        spec.length === 'l' ? longDigits(spec, reader.long()) : intDigits(spec, reader.int()),
      );
    default:
      return floatField(spec, reader.double());
  }
}

/**
 * gnulib's vasnprintf gives up (EOVERFLOW) on a conversion whose text would be this long or
 * longer, and m4 then drops that one directive without a word.
 */
const PRINTF_GIVES_UP = 2 ** 31 - 2;

/**
 * One `%` directive of a format, as parsed: what the format text says. Widths and precisions
 * given as `*` are read from the arguments when the directive runs.
 */
interface Directive {
  /** The flag characters. */
  flags: Flags;
  widthFromArg: boolean;
  /** The width digits, wrapped like a C int (negative means left-justified). */
  width: number;
  precisionFromArg: boolean;
  /** The precision digits; undefined without a `.`, or when they wrap negative. */
  precision: number | undefined;
  length: LengthModifier;
  conversion: string;
  /** GNU passes the conversion to printf (known, and allowed with these flags). */
  accepted: boolean;
  /** The spec, worked out once when neither width nor precision comes from the arguments. */
  spec: Spec | undefined;
}

/** What a directive asks printf for, once its width and precision are known. */
function specOf(directive: Directive, width: number, precision: number | undefined): Spec {
  const { flags, length, conversion } = directive;
  // A negative width (from `*`, or digits that wrap) means left-justified.
  if (width >= 0) return { flags, width, precision, length, conversion };
  return {
    flags: flags.minus ? flags : { ...flags, minus: true },
    width: -width,
    precision,
    length,
    conversion,
  };
}

/** A format split into literal text and directives, in order. */
type ParsedFormat = (string | Directive)[];

/** Parses the directive after a `%` at `start`; returns it and where the format goes on. */
function parseDirective(fmt: string, start: number): { directive: Directive; end: number } {
  let i = start;
  // Conversions still allowed, as a set of characters crossed off as flags rule them out.
  let excluded = '';
  const flags: Flags = {
    thousands: false,
    plus: false,
    minus: false,
    space: false,
    zero: false,
    alternate: false,
  };
  for (; i < fmt.length && Object.hasOwn(FLAG_EXCLUDES, fmt[i]); i++) {
    const flag = fmt[i];
    excluded += FLAG_EXCLUDES[flag];
    if (flag === "'") flags.thousands = true;
    else if (flag === '+') flags.plus = true;
    else if (flag === ' ') flags.space = true;
    else if (flag === '0') flags.zero = true;
    else if (flag === '#') flags.alternate = true;
    else flags.minus = true;
  }
  // Width: `*` takes an argument (negative means left-justified), digits wrap like a C int.
  let width = 0;
  const widthFromArg = fmt[i] === '*';
  if (widthFromArg) i++;
  else while (isDigitAt(fmt, i)) width = (width * 10 + (fmt.charCodeAt(i++) - 48)) | 0;
  let precision: number | undefined;
  let precisionFromArg = false;
  if (fmt[i] === '.') {
    excluded += PRECISION_EXCLUDES;
    i++;
    if (fmt[i] === '*') {
      precisionFromArg = true;
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
    excluded += LENGTH_EXCLUDES.l;
    i++;
  } else if (fmt[i] === 'h') {
    length = 'h';
    i++;
    if (fmt[i] === 'h') {
      length = 'hh';
      i++;
    }
    excluded += LENGTH_EXCLUDES.h;
  }
  const conversion = fmt[i] ?? '';
  // A missing conversion (the format ended) is unrecognized too, and consumes nothing more.
  if (conversion !== '') i++;
  const accepted =
    conversion !== '' && ALL_CONVERSIONS.includes(conversion) && !excluded.includes(conversion);
  const directive: Directive = {
    flags,
    widthFromArg,
    width,
    precisionFromArg,
    precision,
    length,
    conversion,
    accepted,
    spec: undefined,
  };
  if (!widthFromArg && !precisionFromArg) directive.spec = specOf(directive, width, precision);
  return { directive, end: i };
}

function parseFormat(fmt: string): ParsedFormat {
  const parsed: ParsedFormat = [];
  let literal = '';
  let i = 0;
  for (;;) {
    const percent = fmt.indexOf('%', i);
    if (percent < 0) break;
    literal += fmt.slice(i, percent);
    i = percent + 1;
    if (fmt[i] === '%') {
      literal += '%';
      i++;
      continue;
    }
    if (literal !== '') parsed.push(literal);
    literal = '';
    const { directive, end } = parseDirective(fmt, i);
    parsed.push(directive);
    i = end;
  }
  literal += fmt.slice(i);
  if (literal !== '') parsed.push(literal);
  return parsed;
}

/** Formats used in loops are parsed once. */
const parsedFormats = new Map<string, ParsedFormat>();
const PARSED_FORMAT_LIMIT = 256;
/** The format used last: a loop formats with the same one again and again. */
let lastFormat = '';
let lastParsed: ParsedFormat | undefined;

function parsedFormat(fmt: string): ParsedFormat {
  if (lastParsed !== undefined && fmt === lastFormat) return lastParsed;
  let parsed = parsedFormats.get(fmt);
  if (parsed === undefined) {
    parsed = parseFormat(fmt);
    if (parsedFormats.size >= PARSED_FORMAT_LIMIT) parsedFormats.delete(parsedFormats.keys().next().value!);
    parsedFormats.set(fmt, parsed);
  }
  lastFormat = fmt;
  lastParsed = parsed;
  return parsed;
}

/** format(fmt, args...). `args` exclude the macro name. */
export function formatBuiltin(_builtinName: string, args: string[]): PureResult {
  const diagnostics: Diagnostic[] = [];
  if (args.length === 0) return { text: '', diagnostics };
  const fmt = cString(args[0]);
  const reader = new ArgumentReader(args, 1, diagnostics);
  let out = '';
  for (const piece of parsedFormat(fmt)) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    let spec = piece.spec;
    if (spec === undefined) {
      const width = piece.widthFromArg ? reader.int() : piece.width;
      let precision = piece.precision;
      if (piece.precisionFromArg) {
        const p = reader.int();
        precision = p < 0 ? undefined : p;
      }
      spec = specOf(piece, width, precision);
    }
    if (!piece.accepted) {
      diagnostics.push({ severity: 'warning', message: `Warning: unrecognized specifier in \`${fmt}'` });
      continue;
    }
    const { width, precision } = spec;
    // glibc lays a float's digits out in full before anything else: a precision beyond what
    // one expansion may hold runs out of memory first.
    if ((precision ?? 0) > MAX_EXPANSION && FLOAT_CONVERSIONS.includes(spec.conversion)) {
      reader.double();
      diagnostics.push(MEMORY_EXHAUSTED);
      return { text: '', diagnostics };
    }
    const field = conversionField(spec, reader);
    const length = fieldLength(field, width);
    if (length >= PRINTF_GIVES_UP) continue;
    if (length > MAX_EXPANSION) {
      diagnostics.push(MEMORY_EXHAUSTED);
      return { text: '', diagnostics };
    }
    const text = fillField(field, width, spec.flags.minus);
    // The result goes through strlen: a NUL character (from %c) ends it.
    out += spec.conversion === 'c' ? cString(text) : text;
  }
  return { text: out, diagnostics };
}
