import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/m4/diagnostics.js';
import { cString, numericArg, parseCLong, plainInt, toInt32 } from '../../src/m4/numeric.js';
import { missingOracleNotice } from '../../src/oracle/oracles.js';
import { disagreements, engineDisagreement, hasM4Oracle, type PureCall } from './pure-harness.js';

function read(text: string): { value: number | undefined; messages: string[] } {
  const diagnostics: Diagnostic[] = [];
  const value = numericArg('incr', text, diagnostics);
  return { value, messages: diagnostics.map((d) => d.message) };
}

describe('numericArg', () => {
  it('reads decimal integers with an optional sign', () => {
    expect(read('42')).toEqual({ value: 42, messages: [] });
    expect(read('-7')).toEqual({ value: -7, messages: [] });
    expect(read('+7')).toEqual({ value: 7, messages: [] });
    expect(read('007')).toEqual({ value: 7, messages: [] });
  });

  it('treats the empty string as 0, with a warning', () => {
    expect(read('')).toEqual({ value: 0, messages: ["empty string treated as 0 in builtin `incr'"] });
  });

  it('refuses anything after the number, and non-numbers', () => {
    for (const text of ['5 ', 'x', '0x10', '+', '-', ' ', '1e3']) {
      expect(read(text)).toEqual({ value: undefined, messages: ["non-numeric argument to builtin `incr'"] });
    }
  });

  it('accepts leading whitespace with a warning', () => {
    expect(read(' \t5')).toEqual({ value: 5, messages: ["leading whitespace ignored in builtin `incr'"] });
  });

  it('narrows a long to an int silently, and warns only when strtol overflows', () => {
    expect(read('4294967297')).toEqual({ value: 1, messages: [] });
    expect(read('2147483648')).toEqual({ value: -2147483648, messages: [] });
    expect(read('99999999999999999999')).toEqual({
      value: -1,
      messages: ["numeric overflow detected in builtin `incr'"],
    });
    expect(read('-99999999999999999999')).toEqual({
      value: 0,
      messages: ["numeric overflow detected in builtin `incr'"],
    });
  });

  it('reports warnings, never errors, and uses the name it was given', () => {
    const diagnostics: Diagnostic[] = [];
    numericArg('divert', 'x', diagnostics);
    expect(diagnostics).toEqual([
      { severity: 'warning', message: "non-numeric argument to builtin `divert'" },
    ]);
  });

  it('sees only up to a NUL byte, as a C string', () => {
    expect(cString('12\0x')).toBe('12');
    expect(read('12\0x')).toEqual({ value: 12, messages: [] });
  });
});

describe('plainInt (the fast path for plain decimals)', () => {
  it('reads what needs none of strtol: an optional minus and up to nine digits', () => {
    expect(plainInt('42')).toBe(42);
    expect(plainInt('-999999999')).toBe(-999999999);
    expect(plainInt('007')).toBe(7);
    expect(Object.is(plainInt('-0'), 0)).toBe(true);
  });

  it('leaves everything else to strtol', () => {
    for (const text of ['', '-', '+5', ' 5', '5 ', '1234567890', '0x1f', '1e3', '\xb2']) {
      expect(plainInt(text)).toBeNaN();
    }
  });
});

describe('parseCLong', () => {
  it('reports where strtol stopped', () => {
    expect(parseCLong('  -12abc')).toEqual({ value: -12n, end: 5, overflow: false });
    expect(parseCLong('abc')).toEqual({ value: 0n, end: 0, overflow: false });
    expect(parseCLong('9223372036854775808')).toEqual({ value: (1n << 63n) - 1n, end: 19, overflow: true });
    expect(toInt32(0xfffffffffn)).toBe(-1);
  });
});

// incr is the simplest builtin built on numericArg: run the same texts through GNU m4.
const INCR_TEXTS = [
  '5',
  ' 5',
  '\t5',
  '\n5',
  '5 ',
  '+5',
  '-5',
  '',
  'x',
  '99999999999999999999',
  '-99999999999999999999',
  '2147483647',
  '4294967297',
  '0x10',
  '007',
  '+',
  '-',
  ' ',
  '9223372036854775807',
  '9223372036854775808',
  '-2147483649',
  ' 99999999999999999999',
];

function incrLikeGnu(call: PureCall): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const value = numericArg(call.name, call.args[0], diagnostics);
  return { text: value === undefined ? '' : String((value + 1) | 0), diagnostics };
}

describe.skipIf(!hasM4Oracle())('numericArg against GNU m4 (through incr)', () => {
  it('agrees', () => {
    const calls = INCR_TEXTS.map((t) => ({ name: 'incr', args: [t] }));
    expect(disagreements(calls, incrLikeGnu)).toEqual([]);
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}

describe.skipIf(!hasM4Oracle())('numeric arguments through the engine (mailcf m4) against GNU m4', () => {
  it('gives the same stdout, stderr and exit status for incr, decr and substr', async () => {
    // (substr with a length near INT_MAX crashes GNU m4 itself: start + length overflows.)
    const calls = INCR_TEXTS.flatMap((t) => [
      { name: 'incr', args: [t] },
      { name: 'decr', args: [t] },
      { name: 'substr', args: ['abcdef', t] },
      { name: 'substr', args: ['abcdef', '1', t.replace(/^(-?\d{9})\d+$/, '$1')] },
    ]);
    expect(await engineDisagreement(calls)).toBeUndefined();
  });
});
