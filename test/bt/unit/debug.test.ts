import { describe, expect, it } from 'vitest';
import { DebugLevels } from '../../../src/bt/debug.js';

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
});
