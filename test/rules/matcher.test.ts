import { describe, expect, it } from 'vitest';
import {
  bindingFirst,
  bindingLast,
  compilePattern,
  matchPattern,
  type MatchEnv,
} from '../../src/rules/matcher.js';

const env = (members: string[] = []): MatchEnv => ({
  inClass: (_id, t) => members.includes(t.toLowerCase()),
  classPhraseEnd: (_id, tokens, first, from) => {
    for (let last = from; last < tokens.length; last++)
      if (
        members.includes(
          tokens
            .slice(first, last + 1)
            .join('')
            .toLowerCase(),
        )
      )
        return last;
    return -1;
  },
  macro: (id) => (id === 0x6d ? 'ab' : null),
});

/** The bindings of a match as token lists, or null. */
function match(lhs: string, input: string, members?: string[]): string[][] | null {
  const codes: Record<string, string> = {
    '$*': '\x90',
    '$+': '\x91',
    '$-': '\x92',
    '$@': '\x97',
    '$=X': '\x93X',
    '$~X': '\x94X',
    '$&m': '\x82m',
  };
  const pattern = compilePattern(lhs.split(' ').map((t) => codes[t] ?? t));
  const tokens = input === '' ? [] : input.split(' ');
  const n = matchPattern(
    pattern,
    tokens,
    tokens.map((t) => t.toLowerCase()),
    env(members),
  );
  if (n < 0) return null;
  return Array.from({ length: n }, (_, k) => tokens.slice(bindingFirst[k], bindingLast[k] + 1));
}

describe('matcher', () => {
  it('binds $* as short as possible and $+ to at least one token, left first', () => {
    expect(match('$* $+ $*', 'a b c')).toEqual([[], ['a'], ['b', 'c']]);
    expect(match('$+ $+', 'a b c')).toEqual([['a'], ['b', 'c']]);
    expect(match('$* @ $*', 'a @ b @ c')).toEqual([['a'], ['b', '@', 'c']]);
  });
  it('matches literals case-insensitively and $- to exactly one token', () => {
    expect(match('FOO $-', 'foo x')).toEqual([['x']]);
    expect(match('$-', 'a b')).toBeNull();
  });
  it('matches $@ on the LHS as nothing', () => {
    expect(match('$@', '')).toEqual([]);
    expect(match('$@', 'a')).toBeNull();
  });
  it('grows $=X over several tokens and backs up into it', () => {
    expect(match('$=X $*', 'a b c', ['ab'])).toEqual([['a', 'b'], ['c']]);
    // $* first takes nothing; the class fails from 'x' on, so $* grows and the class finds 'a b'
    expect(match('$* $=X', 'x a b', ['ab', 'b'])).toEqual([['x'], ['a', 'b']]);
    expect(match('$~X', 'a', ['a'])).toBeNull();
    expect(match('$~X', 'b', ['a'])).toEqual([['b']]);
  });
  it('matches $&x against the macro value by token prefixes, binding nothing', () => {
    expect(match('$&m $*', 'a b c')).toEqual([['c']]);
    expect(match('$&m $*', 'ab c')).toEqual([['c']]);
    expect(match('$&m', 'a c')).toBeNull();
  });
});
