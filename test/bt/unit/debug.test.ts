import { describe, expect, it } from 'vitest';
import { DebugLevels, sendmailGlobMatch } from '../../../src/bt/debug.js';

describe('debug flags (sendmail tTflag)', () => {
  it('sets one category to level 1 by default and to a given level', () => {
    const d = new DebugLevels();
    d.apply('21');
    expect(d.level(21)).toBe(1);
    d.apply('21.12');
    expect(d.on(21, 12)).toBe(true);
    expect(d.on(21, 13)).toBe(false);
  });

  it('sets ranges, lists and clamps numbers beyond the vector', () => {
    const d = new DebugLevels();
    d.apply('3-5.2,7 9.4\t150.3');
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => d.level(c))).toEqual([0, 2, 2, 2, 0, 1, 0, 4]);
    expect(d.level(99)).toBe(3);
  });

  it('keeps levels to a byte, as sendmail stores them', () => {
    const d = new DebugLevels();
    d.apply('1.257');
    expect(d.level(1)).toBe(1);
  });

  it('treats an empty spec as the default set and records named settings', () => {
    const d = new DebugLevels();
    d.apply('');
    expect(d.level(0)).toBe(1);
    expect(d.level(99)).toBe(1);
    expect(d.named).toEqual([{ pattern: '*_trace_*', level: 1 }]);
  });

  it('skips junk after an item up to the next separator', () => {
    const d = new DebugLevels();
    d.apply('8.3xyz,9');
    expect(d.level(8)).toBe(3);
    expect(d.level(9)).toBe(1);
    expect(d.quiet()).toBe(false);
    expect(new DebugLevels().quiet()).toBe(true);
  });

  it('gives a named object the level of the most recent matching setting', () => {
    const d = new DebugLevels();
    d.apply('ANSI.3,AN?I.0');
    expect(d.namedLevel('ANSI')).toBe(0);
    d.apply('[A-Z]NSI.2');
    expect(d.namedLevel('ANSI')).toBe(2);
    expect(d.namedLevel('sm_trace_heap')).toBe(0);
  });

  it('wraps a named level as a C int, and a negative one counts as 0', () => {
    const d = new DebugLevels();
    d.apply('ANSI.4294967297');
    expect(d.namedLevel('ANSI')).toBe(1);
    d.apply('ANSI.2147483648');
    expect(d.namedLevel('ANSI')).toBe(0);
  });
});

describe("sendmail's glob (sm_match)", () => {
  it('matches ?, brackets, negation and ranges', () => {
    expect(sendmailGlobMatch('ANSI', 'AN?I')).toBe(true);
    expect(sendmailGlobMatch('ANSI', '[!x-z]NSI')).toBe(true);
    expect(sendmailGlobMatch('ANSI', '[x-z]NSI')).toBe(false);
    expect(sendmailGlobMatch('ANSI', '[]A]NSI')).toBe(true);
    expect(sendmailGlobMatch('ANSI', 'ANS')).toBe(false);
  });

  it('takes an unclosed bracket literally', () => {
    expect(sendmailGlobMatch('[AB', '[AB')).toBe(true);
    expect(sendmailGlobMatch('ANSI', '[ANSI')).toBe(false);
  });

  it("compares ranges as signed chars, so an 8-bit low end reaches below 'A'", () => {
    expect(sendmailGlobMatch('ANSI', '[\x80-Z]NSI')).toBe(true);
  });

  it('continues after * with text and pattern swapped, as sendmail does', () => {
    expect(sendmailGlobMatch('ANSI', '*')).toBe(true);
    expect(sendmailGlobMatch('ANSI', 'A*')).toBe(true);
    expect(sendmailGlobMatch('ANSI', '*SI')).toBe(true);
    expect(sendmailGlobMatch('ANSI', '*N*')).toBe(false);
    expect(sendmailGlobMatch('sm_trace_heap', '*_trace_*')).toBe(false);
  });
});
