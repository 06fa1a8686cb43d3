import { describe, expect, it } from 'vitest';
import { expandRanges, translitBuiltin } from '../../src/m4/translit.js';
import { missingOracleNotice } from '../../src/oracle/oracles.js';
import { disagreements, engineDisagreement, hasM4Oracle, type PureCall } from './pure-harness.js';

const tr = (...args: string[]): string => translitBuiltin('translit', args).text;

describe('expandRanges', () => {
  it('expands forward, backward and chained ranges', () => {
    expect(expandRanges('a-e')).toBe('abcde');
    expect(expandRanges('9-0')).toBe('9876543210');
    expect(expandRanges('a-c-e')).toBe('abcde');
    expect(expandRanges('x-x')).toBe('x');
  });

  it('keeps a dash at either end literal', () => {
    expect(expandRanges('-a')).toBe('-a');
    expect(expandRanges('a-')).toBe('a-');
    expect(expandRanges('--0')).toBe('-./0');
  });

  it('covers all 256 byte values', () => {
    expect(expandRanges('\x00-\xff').length).toBe(256);
  });
});

describe('translit', () => {
  it('maps, deletes and keeps', () => {
    expect(tr('hello world', 'a-z', 'A-Z')).toBe('HELLO WORLD');
    expect(tr('hello', 'lo')).toBe('he');
    expect(tr('hello', 'ol', '0')).toBe('he0');
    expect(tr('abc', 'aaa', 'xyz')).toBe('xbc');
  });

  it('expands ranges in `from` only when it has three bytes or more', () => {
    expect(tr('a-b', 'a-', 'xy')).toBe('xyb');
    expect(tr('abcdef', 'a-c-e', '123')).toBe('123f');
  });

  it('returns the string unchanged without `from`, and nothing without arguments', () => {
    expect(tr('abc')).toBe('abc');
    expect(tr('abc', '')).toBe('abc');
    expect(tr()).toBe('');
  });

  it('works on bytes above 127', () => {
    expect(tr('\x80\xff', '\x80-\xff', 'a-z')).toBe('a');
  });

  it('uses the table of the specs given, whichever was used before', () => {
    // Tables are cached: one spec repeated, changed, or split differently must not reuse one.
    expect(tr('abc', 'ab', 'xy')).toBe('xyc');
    expect(tr('abc', 'ab', 'xy')).toBe('xyc');
    expect(tr('abc', 'ab', 'x')).toBe('xc');
    expect(tr('abc', 'a', 'bxy')).toBe('bbc');
    expect(tr('abc', 'ab')).toBe('c');
    expect(tr('abc', 'ab', 'xy')).toBe('xyc');
  });
});

const T = (...args: string[]): PureCall => ({ name: 'translit', args });
const CASES: PureCall[] = [
  T('hello world', 'a-z', 'A-Z'),
  T('hello', 'lo'),
  T('hello', 'ol', '0'),
  T('hello', 'l', 'L'),
  T('hello', '-'),
  T('a-b', '-', '_'),
  T('a-b', 'a-', 'xy'),
  T('a-b', '-a', 'xy'),
  T('abcdef', 'a-c-e', '123'),
  T('0123456789', '9-0', 'a-j'),
  T('abc', 'c-a', 'xyz'),
  T('abc', ''),
  T('', 'abc'),
  T('abc', 'abc', '-'),
  T('abc', 'abc', 'x-'),
  T('a-z', '--a', '.'),
  T('abc', 'aaa', 'xyz'),
  T('hello', 'a-zl', 'A-Z'),
  T('hello', 'll', 'xy'),
  T('hello', 'hh', 'xy'),
  T('\x80\xff\xfe', '\x80-\xff', 'a-z'),
  T('zyx', 'z-', '1'),
  T('hello', 'elo', ''),
  T('Hello, World!', 'A-Za-z', 'N-ZA-Mn-za-m'),
  T('abc', 'a-c', 'c-a'),
  T('a\tb', '\t', ' '),
];

describe.skipIf(!hasM4Oracle())('translit against GNU m4', () => {
  it('agrees', () => {
    expect(disagreements(CASES, (c) => translitBuiltin(c.name, c.args))).toEqual([]);
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}

describe.skipIf(!hasM4Oracle())('translit through the engine (mailcf m4) against GNU m4', () => {
  it('gives the same stdout, stderr and exit status', async () => {
    expect(await engineDisagreement([...CASES, T('abc'), T()])).toBeUndefined();
  });
});
