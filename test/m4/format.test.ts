import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBuiltin } from '../../src/m4/format.js';
import { fixedDigits, generalDigits, hexDigits, scientificDigits } from '../../src/m4/printf-float.js';
import { parseCDouble } from '../../src/m4/strtod.js';
import { missingOracleNotice } from '../../src/oracle/oracles.js';
import { disagreements, engineDisagreement, hasM4Oracle, type PureCall } from './pure-harness.js';

const fmt = (...args: string[]): string => formatBuiltin('format', args).text;
const messages = (...args: string[]): string[] =>
  formatBuiltin('format', args).diagnostics.map((d) => d.message);

describe('format integers', () => {
  it('handles flags, width and precision as glibc does', () => {
    expect(fmt('[%5d|%-5d|%05d|%+d|% d]', '42', '42', '-42', '42', '42')).toBe('[   42|42   |-0042|+42| 42]');
    expect(fmt('[%.3d|%5.3d|%05.3d|%.0d]', '7', '7', '7', '0')).toBe('[007|  007|  007|]');
    expect(fmt('[%x|%X|%o|%#x|%#o|%#.0o|%#x]', '255', '255', '8', '255', '8', '0', '0')).toBe(
      '[ff|FF|10|0xff|010|0|0]',
    );
    expect(fmt('[%u|%x]', '-1', '-1')).toBe('[4294967295|ffffffff]');
  });

  it('applies the length modifiers', () => {
    expect(fmt('[%hhd|%hd|%hu|%hhx]', '300', '70000', '-1', '-1')).toBe('[44|4464|65535|ff]');
    expect(fmt('[%ld|%lx|%lu]', '99999999999', '-1', '-1')).toBe(
      '[99999999999|ffffffffffffffff|18446744073709551615]',
    );
  });

  it('takes width and precision from arguments', () => {
    expect(fmt('[%*d|%-*d|%*d|%.*d|%.*d]', '5', '1', '5', '1', '-5', '1', '3', '1', '-3', '1')).toBe(
      '[    1|1    |1    |001|1]',
    );
  });

  it('drops a conversion of 2^31-2 bytes or more and goes on, as gnulib gives up on it', () => {
    expect(fmt('[%*d|%d]', '-2147483648', '1', '2')).toBe('[|2]');
    expect(fmt('[%2147483648d|%.*d|%*s]', '1', '2147483646', '1', '2147483646', 'x')).toBe('[||]');
    expect(fmt('[%.*s|%4294967297d]', '2147483647', 'abc', '7')).toBe('[abc|7]');
    expect(messages('[%*d]', '-2147483648', '1')).toEqual([]);
  });

  it('runs out of memory on a field past one expansion but short of printf giving up', () => {
    expect(messages('[%*d]', '2147483645', '1')).toEqual(['memory exhausted']);
    expect(messages('[%.*f]', '2147483647', '1')).toEqual(['memory exhausted']);
  });
});

describe('format strings and characters', () => {
  it('pads and truncates strings', () => {
    expect(fmt('[%s|%.2s|%5s|%-5s|%.s]', 'abc', 'abc', 'ab', 'ab', 'abc')).toBe('[abc|ab|   ab|ab   |]');
  });

  it('prints %c from a number, and a NUL ends the piece', () => {
    expect(fmt('[%c|%5c|%-5c]', '65', '66', '67')).toBe('[A|    B|C    ]');
    expect(fmt('[%c][%3c][%-3c]', '0', '0', '0')).toBe('[][  ][]');
    expect(fmt('%c', '321')).toBe('A');
  });
});

describe('format floating point', () => {
  it('rounds exactly, ties to even', () => {
    expect(fmt('%.0f %.0f %.0f %.1f %.2f', '0.5', '1.5', '2.5', '0.25', '1.005')).toBe('0 2 2 0.2 1.00');
    expect(fmt('%.20f', '0.1')).toBe('0.10000000000000000555');
    expect(fixedDigits(1e23, 0, false)).toBe('99999999999999991611392');
  });

  it('prints %e and %g with C exponents', () => {
    expect(scientificDigits(25, 0, false, false)).toBe('2e+01');
    expect(scientificDigits(3, 0, true, true)).toBe('3.E+00');
    expect(generalDigits(100000, 6, false, false)).toBe('100000');
    expect(generalDigits(1000000, 6, false, false)).toBe('1e+06');
    expect(generalDigits(0.0001, 6, false, false)).toBe('0.0001');
    expect(generalDigits(1, 6, true, false)).toBe('1.00000');
  });

  it('prints %a as glibc, letting rounding carry into the leading digit', () => {
    expect(hexDigits(1, undefined, false, false)).toBe('0x1p+0');
    expect(hexDigits(0.1, undefined, false, false)).toBe('0x1.999999999999ap-4');
    expect(hexDigits(1.5, 0, false, false)).toBe('0x2p+0');
    expect(hexDigits(4.9e-324, undefined, false, false)).toBe('0x0.0000000000001p-1022');
    expect(hexDigits(255.5, undefined, false, true)).toBe('0X1.FFP+7');
    expect(fmt('%010a', '1')).toBe('0x00001p+0');
  });

  it('prints infinities and NaNs with their sign, never zero-padded', () => {
    expect(fmt('[%f][%F][%e][%5f][%05f][%+f]', 'inf', 'inf', '-inf', 'nan', 'inf', 'inf')).toBe(
      '[inf][INF][-inf][  nan][  inf][+inf]',
    );
    expect(fmt('%f', '-nan')).toBe('-nan');
    expect(fmt('%f', '-0')).toBe('-0.000000');
  });
});

describe('format arguments and bad specifiers', () => {
  it('reads numbers like strtol/strtod and warns like GNU', () => {
    expect(formatBuiltin('format', ['%d', '12abc'])).toEqual({
      text: '12',
      diagnostics: [{ severity: 'warning', message: 'non-numeric argument 12abc' }],
    });
    expect(messages('%d', ' 12')).toEqual(['leading whitespace ignored']);
    expect(messages('%d', '')).toEqual(['empty string treated as 0']);
    expect(messages('%d', '4294967296')).toEqual(['numeric overflow detected']);
    expect(messages('%g', '1e-400')).toEqual(['numeric overflow detected']);
    expect(fmt('%f', '0x1.8p1')).toBe('3.000000');
  });

  it('uses 0 or the empty string for missing arguments, and ignores extra ones', () => {
    expect(fmt('%d %s|%f', '1')).toBe('1 |0.000000');
    expect(fmt('%d', '1', '2', '3')).toBe('1');
  });

  it('drops unrecognized specifiers with a warning naming the whole format', () => {
    expect(formatBuiltin('format', ['[%5%][%%][%]'])).toEqual({
      text: '[][%][',
      diagnostics: [
        { severity: 'warning', message: "Warning: unrecognized specifier in `[%5%][%%][%]'" },
        { severity: 'warning', message: "Warning: unrecognized specifier in `[%5%][%%][%]'" },
      ],
    });
    expect(fmt('%lld', '5')).toBe('d');
    expect(fmt('abc%')).toBe('abc');
    expect(messages('%+s %#c %hf', 'a', '1', '2')).toHaveLength(3);
  });
});

describe('strtod', () => {
  it('parses what glibc parses and stops where it stops', () => {
    expect(parseCDouble('1.5x')).toMatchObject({ value: 1.5, end: 3 });
    expect(parseCDouble('1e')).toMatchObject({ value: 1, end: 1 });
    expect(parseCDouble('0x')).toMatchObject({ value: 0, end: 1 });
    expect(parseCDouble('-.5')).toMatchObject({ value: -0.5, end: 3 });
    expect(parseCDouble('nan(abc)')).toMatchObject({ end: 8 });
    expect(parseCDouble('nan(abc')).toMatchObject({ end: 3 });
    expect(parseCDouble('Infinity')).toMatchObject({ value: Infinity, end: 8 });
    expect(parseCDouble('.')).toMatchObject({ end: 0 });
  });

  it('sets ERANGE for overflow and for inexact results tiny after rounding', () => {
    expect(parseCDouble('1e400').range).toBe(true);
    expect(parseCDouble('1.7976931348623158e308').range).toBe(false);
    expect(parseCDouble('2.2250738585072014e-308').range).toBe(false);
    expect(parseCDouble('2.2250738585072011e-308').range).toBe(true);
    expect(parseCDouble('0x1p-1074').range).toBe(false);
    expect(parseCDouble('0x1.fffffffffffffp-1023').range).toBe(true);
    expect(parseCDouble('0x1.ffffffffffffffp-1023').range).toBe(false);
    expect(parseCDouble('0e-999999').range).toBe(false);
  });
});

// ---- differential against GNU m4 ----

const F = (...args: string[]): PureCall => ({ name: 'format', args });

const HAND_WRITTEN: PureCall[] = [
  F(
    '[%.0a][%a][%a][%a][%.1a][%.2a][%A][%#a][%#.0a]',
    '1.5',
    '1',
    '0.1',
    '4.9e-324',
    '1.96875',
    '1.0078125',
    '255.5',
    '1',
    '2',
  ),
  F('[%a][%a][%.3a][%a]', '2.2250738585072014e-308', '1e-310', '1e-310', '-0.0'),
  F("[%'d][%'.3f][%'g]", '1234567', '1234567.891', '1234567.0'),
  F('[%g]', '1e-310'),
  F('[%g]', '1e-400'),
  F('[%g]', '1e400'),
  F(
    '[%f][%F][%e][%g][%a][%5f][%-5F|][%+f][% f][%05f][%+05f]',
    'inf',
    'inf',
    '-inf',
    'nan',
    '-nan',
    'nan',
    'inf',
    'inf',
    'inf',
    'inf',
    '-nan',
  ),
  F('[%5%][%%][%]'),
  F(
    '[%.0f][%.0f][%.0f][%.1f][%.2f][%.0e][%#.0f][%#.0e][%#g][%g][%g][%g]',
    '0.5',
    '1.5',
    '2.5',
    '0.25',
    '1.005',
    '25',
    '3',
    '3',
    '1',
    '100000',
    '1000000',
    '0.0001',
  ),
  F('[%s][%.2s][%5s][%-5s|][%c][%5c][%-5c|][%c]', 'abc', 'abc', 'ab', 'ab', '65', '66', '67', '0'),
  F(
    '[%hhd][%hd][%hu][%hhx][%ld][%lx][%lu][%x][%o][%#o][%#x][%#X][%.0d][%#.0o][%+d][% d][%05d][%-05d|][%5.3d][%05.3d]',
    '300',
    '70000',
    '-1',
    '-1',
    '99999999999',
    '-1',
    '-1',
    '-1',
    '8',
    '8',
    '255',
    '255',
    '0',
    '0',
    '5',
    '5',
    '-5',
    '5',
    '7',
    '7',
  ),
  F('[%*d][%-*d|][%*d|][%.*d][%.*d]', '5', '1', '5', '1', '-5', '1', '3', '1', '-3', '1'),
  F('%d %d', '1'),
  F('%d', '12abc'),
  F('%d', ' 12'),
  F('%d', ''),
  F('%d', '4294967296'),
  F('%ld', '99999999999999999999'),
  F('%f', '1.5x'),
  F('%f', ' 1.5'),
  F('%f', '0x1.8p1'),
  F('%f', '0x'),
  F('%f', 'infinity'),
  F('%f', 'nan(abc)'),
  F('%f', 'nan(abc'),
  F('%f', '1e'),
  F('%f', '.'),
  F('%f', '-.5'),
  F(
    "%lc %ls %#c %+s %0s %+u % x %+o %'x %hf %hs %le",
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
    '11',
    '12',
  ),
  F('%q %5.3q %*q %d', '7', '8', '9', '10'),
  F('abc%'),
  F('%lld', '5'),
  F('%g', '2.2250738585072014e-308'),
  F('%g', '2.2250738585072011e-308'),
  F('%g', '2.2250738585072009e-308'),
  F('%a', '0x1p-1074'),
  F('%a', '0x1p-1022'),
  F('%a', '0x1.fffffffffffffp-1023'),
  F('%a', '0x0.fffffffffffff8p-1022'),
  F('%a', '0x1.ffffffffffffffp-1023'),
  F('%g', '1.7976931348623157e308'),
  F('%g', '1.7976931348623158e308'),
  F('%g', '1.797693134862315807e308'),
  F('%g', '1.797693134862315808e308'),
  F('%a', '0x1.fffffffffffff7p1023'),
  F('%a', '0x1.fffffffffffff8p1023'),
  F('%g', '0e-999999'),
  F('%g', '1e-999999999999999999999'),
  F('%g', '0x1p-1075'),
  F('%g', '0x1.0000000001p-1075'),
  F('%.60f|%.30e|%.40g', '0.1', '0.1', '0.1'),
  F('%f|%e|%g|%a', '1e300', '1e300', '1e300', '1e300'),
  F('%.3a|%.12a|%.13a|%.20a', '0.1', '0.1', '0.1', '0.1'),
  F(
    '%010a|%-10a|%+a|% a|%#10.3e|%-+12.4E|%012.3G|%G|%G',
    '1',
    '1',
    '1',
    '1',
    '123.456',
    '-123.456',
    '0.000012345',
    '1e-5',
    '1e15',
  ),
  F('%x|%X|%o|%u|%d|%i', '-2147483648', '2147483647', '-1', '-2147483648', '2147483648', '-2147483649'),
  F('%c%c%c', '256', '-1', '321'),
  F('%5.2s|%-5.0s|%.s|', 'hello', 'x', 'abc'),
  F('%'),
  F('%-'),
  F('%5'),
  F('%.'),
  F('%l'),
  F('%h'),
  F('%hh'),
  F('%#'),
  F('%.3d|%.3x|%#.3o|%#5x|%-#5x|%#05x|%+.2d|% 05d', '-5', '255', '8', '255', '255', '255', '3', '-3'),
  F('%e|%e|%e', '0', '-0', '9.9999999e-5'),
  F('%g|%g|%g|%g|%.0g|%#.0g|%.1g', '0', '123456', '1234567', '0.00001234', '15', '15', '0.05'),
  F('%.20g|%.17g|%.16g', '0.1', '0.1', '0.1'),
  F('%s', ''),
  F(''),
  F('%5s%-3c|', 'a', '66'),
  F('%d', '+5'),
  F('%d', '-'),
  F('%f', '+inf'),
  F('%f', '  -nan(x_1)'),
  F('%f', '0X1P+2'),
  F('%f', '0x1p'),
  F('%f', '0x.8'),
  F('%f', '1e+'),
  F('%f', '1.e5'),
  F('%e', '123456789012345678901234567890'),
  F('%.0e|%.1e', '9.5', '9.95'),
];

const NUMBER_TEXTS = [
  '0',
  '1',
  '-1',
  '7',
  '42',
  '255',
  '65',
  '-42',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4294967296',
  '99999999999999999999',
  '0.5',
  '1.5',
  '2.5',
  '-0',
  '0.1',
  '1e10',
  '1e-10',
  '123.456',
  '1e300',
  '1e-310',
  '1e400',
  '0x1.8p1',
  '0x10',
  'inf',
  '-inf',
  'nan',
  '-nan',
  '',
  ' 12',
  '12abc',
  'x',
  '.5',
  '5.',
  '1e',
  '9.9999',
  '0.000123',
];

function formatArbitrary(): fc.Arbitrary<string[]> {
  const flags = fc.subarray(["'", '+', '-', ' ', '0', '#'], { maxLength: 3 }).map((f) => f.join(''));
  const width = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 25 }).map(String), fc.constant('*'));
  const precision = fc.oneof(
    fc.constant(''),
    fc.constant('.'),
    fc.integer({ min: 0, max: 20 }).map((n) => `.${n}`),
    fc.constant('.*'),
  );
  const length = fc.constantFrom('', '', '', 'h', 'hh', 'l', 'll');
  const conversion = fc.constantFrom(...'aAcdeEfFgGiosuxX%qn'.split(''));
  const spec = fc.tuple(flags, width, precision, length, conversion).map((p) => '%' + p.join(''));
  const literal = fc.constantFrom('', '', '[', ']', ' x ', '|');
  const piece = fc.tuple(literal, spec).map(([l, s]) => l + s);
  const arg = fc.oneof(
    fc.constantFrom(...NUMBER_TEXTS),
    fc.integer().map(String),
    fc.double({ noNaN: true }).map(String),
    fc.string({ maxLength: 6 }).filter((s) => !/[\x01-\x03(),`']/.test(s)),
  );
  // `*` takes a width or precision from the arguments: keep those small, GNU would pad for gigabytes.
  const smallArg = fc.oneof(fc.integer({ min: -30, max: 30 }).map(String), fc.constantFrom('', 'x', '1.5'));
  return fc
    .tuple(
      fc.array(piece, { minLength: 1, maxLength: 4 }),
      fc.array(arg, { maxLength: 8 }),
      fc.array(smallArg, { maxLength: 8 }),
    )
    .map(([pieces, args, small]) => {
      const format = pieces.join('');
      return [format, ...(format.includes('*') ? small : args)];
    });
}

describe.skipIf(!hasM4Oracle())('format against GNU m4', () => {
  it('agrees on hand-written formats', () => {
    expect(disagreements(HAND_WRITTEN, (c) => formatBuiltin(c.name, c.args))).toEqual([]);
  });

  it('agrees on random formats and arguments (fast-check, one m4 run)', () => {
    const runs = Number(process.env.MAILCF_FUZZ_RUNS ?? 400);
    const calls = fc.sample(formatArbitrary(), { seed: 2024, numRuns: runs }).map((args) => F(...args));
    expect(disagreements(calls, (c) => formatBuiltin(c.name, c.args))).toEqual([]);
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}

describe.skipIf(!hasM4Oracle())('format through the engine (mailcf m4) against GNU m4', () => {
  it('gives the same stdout, stderr and exit status', async () => {
    const random = fc.sample(formatArbitrary(), { seed: 99, numRuns: 200 }).map((args) => F(...args));
    expect(await engineDisagreement([...HAND_WRITTEN, ...random])).toBeUndefined();
  });
});
