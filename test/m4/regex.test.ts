import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charsetForEnvironment,
  compileEmacsRegex,
  compileM4Regex,
  newRegexState,
  patsubstBuiltin,
  regexpBuiltin,
  type RegexState,
} from '../../src/m4/regex.js';
import { missingOracleNotice } from '../../src/oracle/oracles.js';
import { searchRegex } from '../../src/regex/index.js';
import {
  ORACLE_ENV_C,
  ORACLE_ENV_UTF8,
  disagreements,
  engineDisagreement,
  hasM4Oracle,
  type PureCall,
} from './pure-harness.js';

const C: RegexState = { charset: 'bytes', warnedZeroReference: false };
const fresh = (charset: 'bytes' | 'utf8' = 'bytes'): RegexState => ({ charset, warnedZeroReference: false });
const regexp = (...args: string[]): string => regexpBuiltin('regexp', args, fresh()).text;
const patsubst = (...args: string[]): string => patsubstBuiltin('patsubst', args, fresh()).text;
const errorOf = (pattern: string): string | undefined => {
  const r = compileM4Regex(pattern, 'bytes');
  return r.ok ? undefined : r.message;
};

describe('GNU m4 regex syntax (RE_SYNTAX_EMACS)', () => {
  it('has groups, alternation and back-references with backslashes only', () => {
    expect(regexp('abcd', '\\(b\\|x\\)c', '[\\1]')).toBe('[b]');
    expect(regexp('a(b)', '(b)')).toBe('1');
    expect(regexp('a|b', 'a|b')).toBe('0');
    expect(regexp('xaax', '\\(a\\)\\1')).toBe('1');
  });

  it('has no intervals: braces are ordinary', () => {
    expect(regexp('a{2}', 'a\\{2\\}')).toBe('0');
    expect(regexp('aa', 'a\\{2\\}')).toBe('-1');
    expect(regexp('a{2}', 'a{2}')).toBe('0');
  });

  it('treats * + ? as ordinary where nothing precedes them, and \\+ \\? always', () => {
    expect(regexp('*a', '*a')).toBe('0');
    expect(regexp('a*b', 'a\\(*b\\)')).toBe('0');
    expect(regexp('*', '^*')).toBe('0');
    expect(regexp('a+', 'a\\+')).toBe('0');
    expect(regexp('a?', 'a\\?')).toBe('0');
    expect(regexp('xaaa', 'a+', '[\\&]')).toBe('[aaa]');
  });

  it('anchors ^ and $ only at the ends, next to \\( \\) \\|', () => {
    expect(regexp('b^c', 'b^c')).toBe('0');
    expect(regexp('a$b', 'a$b')).toBe('0');
    expect(regexp('ba', 'b\\(^a\\)')).toBe('-1');
    expect(regexp('ab', '\\(a$\\)b')).toBe('-1');
  });

  it('matches ^ and $ at newlines, and . not at a newline', () => {
    expect(regexp('ab\ncd', '^c')).toBe('3');
    expect(regexp('ab\nc', 'b$')).toBe('1');
    expect(regexp('a\nb', 'a.b')).toBe('-1');
    expect(regexp('a\nb', 'a[^x]b')).toBe('0');
  });

  it('reads lists as GNU does', () => {
    expect(regexp('a]', '[[:alpha:]]')).toBe('0'); // no character classes: [ : a l p h then ]
    expect(regexp(']', '[]a]')).toBe('0');
    expect(regexp('-', '[a-]')).toBe('0');
    expect(regexp('a', '[z-a]')).toBe('-1');
    expect(regexp('a', '[[.a.]]')).toBe('0');
    expect(regexp('a', '[[=a=]]')).toBe('0');
    expect(regexp('\\', '[\\]')).toBe('0');
  });

  it('knows the GNU operators', () => {
    expect(regexp('foo bar', '\\<bar')).toBe('4');
    expect(regexp('foo bar', 'o\\b')).toBe('2');
    expect(regexp('foobar', 'o\\B')).toBe('1');
    expect(regexp('abc', "c\\'")).toBe('2');
    expect(regexp('a_1 b', '\\w+', '[\\&]')).toBe('[a_1]');
    expect(regexp('a b', '\\s')).toBe('1');
  });

  it("reports gnulib's errors", () => {
    expect(errorOf('\\(a')).toBe('Unmatched ( or \\(');
    expect(errorOf('a\\)')).toBe('Unmatched ) or \\)');
    expect(errorOf('[')).toBe('Invalid regular expression');
    expect(errorOf('[a')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(errorOf('[]')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(errorOf('\\')).toBe('Trailing backslash');
    expect(errorOf('\\1')).toBe('Invalid back reference');
    expect(errorOf('\\(a\\)\\|\\1')).toBe('Invalid back reference');
    expect(errorOf('[[.ab.]]')).toBe('Invalid collation character');
    expect(errorOf('[a-c-e]')).toBe('Invalid range end');
    expect(errorOf('a**')).toBeUndefined();
  });
});

describe('POSIX leftmost-longest matching with GNU registers', () => {
  it('prefers the longest match, not the first alternative', () => {
    expect(regexp('ab', 'a\\|ab', '[\\&]')).toBe('[ab]');
    expect(regexp('abcd', '\\(a\\|ab\\)\\(c\\|bcd\\)', '[\\1,\\2]')).toBe('[a,bcd]');
    expect(patsubst('aaa', 'a\\|aa', '[\\&]')).toBe('[aa][a]');
  });

  it('reports the groups gnulib reports', () => {
    expect(regexp('aaa', '\\(a\\|aa\\)*', '[\\1]')).toBe('[a]');
    expect(regexp('abab', '\\(ab\\)*', '[\\1]')).toBe('[ab]');
    expect(regexp('b', '\\(\\|b\\)\\(b*\\)', '[\\1|\\2]')).toBe('[b|]');
    // The walk reopens \(a*\) at the end and stops: the group counts as unset.
    expect(regexp('aaa', '\\(a*\\)*', '[\\1]')).toBe('[]');
    expect(regexp('a', '\\(\\(a\\)\\)', '\\1\\2')).toBe('aa');
  });

  it('dies where GNU dies: a reopened group whose end lies before its start', () => {
    const result = regexpBuiltin('regexp', ['xxbaaa', 'b\\(a*\\)*', '[\\1]'], fresh());
    expect(result.diagnostics).toEqual([{ severity: 'fatal', message: 'memory exhausted', bare: true }]);
  });

  it('exposes the match and registers', () => {
    const compiled = compileM4Regex('\\(b*\\)c', 'bytes');
    if (!compiled.ok) throw new Error(compiled.message);
    expect(searchRegex(compiled.regex, 'abbcd')).toEqual({
      start: 1,
      end: 4,
      registers: { start: [1, 1], end: [4, 3] },
    });
  });
});

describe('replacements', () => {
  it('substitutes \\& \\N and escapes', () => {
    expect(regexp('abc', '\\(b\\)', '<\\&|\\1|\\x>')).toBe('<b|b|x>');
    expect(patsubst('foo bar', '\\(\\w\\)\\(\\w*\\)', '\\2\\1')).toBe('oof arb');
  });

  it('warns once per run about \\0', () => {
    const state = fresh();
    const first = regexpBuiltin('regexp', ['abc', 'b', '\\0'], state);
    const second = regexpBuiltin('regexp', ['abc', 'b', '\\0'], state);
    expect(first).toEqual({
      text: 'b',
      diagnostics: [
        { severity: 'warning', message: 'Warning: \\0 will disappear, use \\& instead in replacements' },
      ],
    });
    expect(second).toEqual({ text: 'b', diagnostics: [] });
  });

  it('warns about missing groups and a trailing backslash', () => {
    expect(
      regexpBuiltin('regexp', ['abc', '\\(b\\)', '\\1\\2'], C).diagnostics.map((d) => d.message),
    ).toEqual(['Warning: sub-expression 2 not present']);
    expect(regexpBuiltin('regexp', ['abc', 'b', 'x\\'], C)).toEqual({
      text: 'x',
      diagnostics: [{ severity: 'warning', message: 'Warning: trailing \\ ignored in replacement' }],
    });
  });
});

describe('patsubst', () => {
  it('replaces every match, stepping over empty ones', () => {
    expect(patsubst('hello', '', '-')).toBe('-h-e-l-l-o-');
    expect(patsubst('abc', 'x*', '-')).toBe('-a-b-c-');
    expect(patsubst('a\nb', '^', '> ')).toBe('> a\n> b');
    expect(patsubst('abc', 'b')).toBe('ac');
  });

  it('names itself differently from regexp in bad-regex messages', () => {
    expect(regexpBuiltin('regexp', ['a', '\\('], C).diagnostics[0].message).toBe(
      "bad regular expression: `\\(': Unmatched ( or \\(",
    );
    expect(patsubstBuiltin('patsubst', ['a', '\\('], C).diagnostics[0].message).toBe(
      "bad regular expression `\\(': Unmatched ( or \\(",
    );
  });

  it('has GNU fallbacks for too few arguments', () => {
    expect(regexpBuiltin('regexp', ['abc'], C).text).toBe('0');
    expect(patsubstBuiltin('patsubst', ['abc'], C).text).toBe('abc');
    expect(regexpBuiltin('regexp', [], C).text).toBe('');
  });
});

describe('UTF-8 locales', () => {
  const e = '\xc3\xa9'; // é in UTF-8, as latin1 bytes
  it('matches a multibyte character with . and in lists', () => {
    expect(regexpBuiltin('regexp', [e, '^.$'], fresh('utf8')).text).toBe('0');
    expect(regexpBuiltin('regexp', [e, '^.$'], fresh('bytes')).text).toBe('-1');
    expect(regexpBuiltin('regexp', [e, `[${e}]`], fresh('utf8')).text).toBe('0');
  });

  it('leaves invalid bytes to literal matches only', () => {
    expect(patsubstBuiltin('patsubst', ['a\xe9b', '.', '<\\&>'], fresh('utf8')).text).toBe('<a>\xe9<b>');
    expect(patsubstBuiltin('patsubst', ['a\xe9b', '[^a]', '<\\&>'], fresh('utf8')).text).toBe('a\xe9<b>');
  });

  it('finds the locale as setlocale would', () => {
    expect(charsetForEnvironment({ LC_ALL: 'C.UTF-8' })).toBe('utf8');
    expect(charsetForEnvironment({ LANG: 'C.utf8' })).toBe('utf8');
    expect(charsetForEnvironment({ LC_ALL: 'C', LANG: 'C.UTF-8' })).toBe('bytes');
    expect(charsetForEnvironment({})).toBe('bytes');
    expect(newRegexState({ LC_CTYPE: 'POSIX' }).charset).toBe('bytes');
  });
});

describe('compileEmacsRegex (JS RegExp for other callers)', () => {
  it('accepts the same texts', () => {
    const r = compileEmacsRegex('\\(a\\|b\\)+c\\>');
    if (!r.ok) throw new Error(r.message);
    expect(r.groups).toBe(1);
    expect(r.regex.test('xababc d')).toBe(true);
    expect(r.regex.test('abcd')).toBe(false);
    expect(compileEmacsRegex('\\(')).toEqual({ ok: false, message: 'Unmatched ( or \\(' });
  });
});

// ---- differential against GNU m4 ----

const R = (...args: string[]): PureCall => ({ name: 'regexp', args });
const P = (...args: string[]): PureCall => ({ name: 'patsubst', args });
const E = '\xc3\xa9';

const HAND_WRITTEN: PureCall[] = [
  R('aa{2}', 'a\\{2\\}'),
  R('a{2}', 'a\\{2\\}'),
  R('aa', 'a\\{2\\}'),
  R('a{2}', 'a{2}'),
  R('x:', '[[:alpha:]]'),
  R('a]', '[[:alpha:]]'),
  R('*a', '*a'),
  R('a*b', 'a\\(*b\\)'),
  R('b^c', 'b^c'),
  R('a$b', 'a$b'),
  R('a+', 'a\\+'),
  R('aaa', 'a+'),
  R('a?', 'a\\?'),
  R('ab', 'a\\|ab', '[\\&]'),
  R('abcd', '\\(a\\|ab\\)\\(c\\|bcd\\)', '[\\1,\\2]'),
  R('xyz', '\\(\\)', '[\\1]'),
  R('a', '\\(a'),
  R('a', 'a\\)'),
  R('a', '['),
  R('a', '[a'),
  R('a', '[]'),
  R('a', '[]a]'),
  R('a', '\\'),
  R('a', '\\1'),
  R('aa', '\\(a\\)\\1'),
  R('a', '\\(a\\)\\|\\1'),
  R('a', '[[.a.]]'),
  R('a', '[[.ab.]]'),
  R('a', '[[=a=]]'),
  R('a', '[[:foo:]]'),
  R('a', '[z-a]'),
  R('-', '[a-]'),
  R('b', '[a-c-e]'),
  R('a', 'a**'),
  R('a', '^*'),
  R('*', '^*'),
  R('ab\nc', 'b$'),
  R('ab\ncd', '^c'),
  R('a\nb', 'a.b'),
  R('a\nb', 'a[^x]b'),
  R('foo bar', '\\<bar'),
  R('foo bar', 'o\\b'),
  R('foobar', 'o\\B'),
  R('abc', '\\`a'),
  R('abc', "c\\'"),
  R('a_1 b', '\\w+'),
  R('a_1 b', '\\W'),
  R('a b', '\\s'),
  R('a b', '\\S+'),
  R('x', ''),
  R('', ''),
  R('abc', 'x*'),
  R('a', '\\(\\(a\\)\\)', '\\1\\2'),
  R('aXb', 'a\\Xb'),
  R('a.b', 'a\\.b'),
  R('abc', 'a\\|'),
  R('abc', '\\|b'),
  R('ab', 'a\\{'),
  R('a', '\\(^a\\)'),
  R('ba', 'b\\(^a\\)'),
  R('a', '\\(a$\\)'),
  R('ab', '\\(a$\\)b'),
  R('aaa', '\\(a*\\)*', '[\\1]'),
  R('ab', '\\(a*\\)*b', '[\\1]'),
  R('b', '\\(\\|b\\)\\(b*\\)', '[\\1|\\2]'),
  R('abab', '\\(ab\\)*', '[\\1]'),
  R('aaa', '\\(a\\|aa\\)*', '[\\1]'),
  R('abc', 'b', '\\0'),
  R('abc', 'b', '\\9'),
  R('abc', 'b', 'x\\'),
  R('abc', '\\(b\\)', '\\1\\2'),
  R('xaaa', '\\(a*\\)*', '[\\1]'),
  R('xxb', '\\(a*\\)*b', '[\\1]'),
  R('baaa', 'b\\(a*\\)*', '[\\1]'),
  R('xbaaa', 'b\\(a*\\)*', '[\\1]'),
  R('xxbaaa', 'b\\(a*\\)*', '[\\1]'),
  R('abcabc', '\\(a\\)\\(b\\)\\(c\\)\\1\\2\\3', '\\3\\2\\1'),
  R('aXbXc', '\\(.\\)X\\(.\\)X\\(.\\)', '\\3-\\2-\\1'),
  R('abba', '\\(a\\|b\\)*\\1', '[\\&|\\1]'),
  R('mississippi', '\\(s*i\\)*', '[\\&|\\1]'),
  P('hello world', 'o', '0'),
  P('hello', '', '-'),
  P('abc', 'x*', '-'),
  P('aaa', 'a*', '<\\&>'),
  P('a.b.c', '\\.', ','),
  P('foo bar baz', '\\w+', '[\\&]'),
  P('foo bar', '\\(\\w\\)\\(\\w*\\)', '\\2\\1'),
  P('abc', '\\(b\\)', '\\1\\1\\0'),
  P('abc', 'b'),
  P('a\nb\nc', '^', '> '),
  P('a\nb\nc', '$', ';'),
  P('abcabc', 'b\\|c', 'X'),
  P('aaa', 'a\\|aa', '[\\&]'),
  P('one two  three', '\\>', '|'),
  P('one two', '\\b', '|'),
  P('one two', '\\B', '|'),
  P('a\tb c', '\\s+', '_'),
  P('x{1,2}y', '{1,2}', '!'),
  P('a+b?c', '[+?]', '.'),
  P('a-b]c', '[]-]', '#'),
  P('AbC', '[A-Z]', '(\\&)'),
  // gnulib reports an empty match late when its automaton idles in its start state.
  R('ba', 'a*\\B'),
  R('ba\n', '\\(a*\\)*\\B\\(\\)'),
  P('bbba\nb_a_', '\\(a*\\)*\\B\\(\\)', '[\\&]'),
  P('ba', 'a*\\Bx*', '[\\&]'),
  // The walk must end at the lowest-numbered end node; anchors clone the nodes after them.
  P('bb\n', '\\w\\B\\|\\(\\([ab]\\)\\)', '<\\1|\\2>'),
  P('b\nabc', '\\(\\w\\)+\\|\\(.\\)\\|\\W', '[\\&]'),
  P('bbbbbb', '\\(\\(\\>\\)+\\)**', '<\\1|\\2>'),
  P(' bbb', '\\(\\(\\B\\)+\\(b\\)\\|\\(\\`\\)\\)', '<\\1|\\2|\\3>'),
  P('ba\ncaac c', '\\(\\(\\(\\(\\(^\\)\\)*\\)?\\)\\)', '<\\1|\\2|\\3>'),
  P('a a\nab', '\\(\\b\\b\\)*\\(ab\\)', '<\\1|\\2>'),
  // Back-references, including gnulib's register walk failing (no match) on some.
  R('ab', '\\(\\`\\)*\\1', '-'),
  R('ab', '\\(\\`\\)\\1', '-'),
  R('xyzxyz', '\\(.*\\)\\1', '[\\1]'),
  R('abab', '\\(a\\|ab\\)\\(c\\|bab\\)*\\1*', '[\\&|\\1|\\2]'),
  P('bb \nbb', "[^a]\\($\\)\\1\\|\\([ab]\\)+\\|\\'", '<\\1|\\2>'),
];

const UTF8_CASES: PureCall[] = [
  R(E, '^.$'),
  R(E, '^..$'),
  P(E, 'x*', '-'),
  P(`a${E}b`, 'x*', '-'),
  P('a\xe9b', '.', '<\\&>'),
  P(`a${E}b`, '.', '<\\&>'),
  P(`a${E}b`, '[^a]', '<\\&>'),
  P(`a${E}b`, '\\w', '<\\&>'),
  P('a\xe9b', '\\w', '<\\&>'),
  P('a\xe9b', '[^a]', '<\\&>'),
  R(E, E),
  R(E, '\xa9'),
  R(`x${E}`, '\xa9'),
  P(`a${E}b`, '\xa9', '<\\&>'),
  P(E + E, `${E}*`, '<\\&>'),
  R(E, `[${E}]`),
  R(E, '[\xa9]'),
  P(`a${E}`, `a\\|${E}`, '<\\&>'),
  R('\xe9', '\xe9'),
  R('\xe9', '[\xe9]'),
  R('x', '[a-\xe9]'),
  R(E, `[a-${E}]`),
  P(`a${E}b`, '\\W', '<\\&>'),
  P('a\xe9 b', '\\b', '|'),
  P(`a${E} b`, '\\b', '|'),
  P('\xe2\x82\xac', '.', '<\\&>'),
  P('\xf0\x9f\x98\x80', '.', '<\\&>'),
  R('\xc3', '^.$'),
  R('\xc3\xa9\xa9', '^..$'),
  P(`a${E}b`, '', '-'),
  P(`a${E}b`, '\\(\\)', '-'),
  P(`a${E}`, 'a*', '-'),
  P(`a${E}b`, '[a-z]*', '-'),
  P('\xed\xa0\x80', '.', '<\\&>'),
  P('\xf8\x88\x80\x80\x80', '.', '<\\&>'),
  P('\xc0\x80', '.', '<\\&>'),
  P(`${E}\xe2\x80\x83x`, '\\s', '_'),
  P(`${E}\xce\xb1\xd9\xa3`, '\\w', '<\\&>'),
];

const ATOMS = [
  'a',
  'b',
  'c',
  'x',
  '.',
  '*',
  '+',
  '?',
  '\\(',
  '\\)',
  '\\|',
  '^',
  '$',
  '[ab]',
  '[^a]',
  '[a-c]',
  '\\w',
  '\\W',
  '\\s',
  '\\<',
  '\\>',
  '\\b',
  '\\B',
  '\\`',
  "\\'",
  '\\1',
  '\\2',
  '\n',
  ' ',
  '[]a]',
  '[.a.]',
  'a*',
  '\\(a*\\)*',
  '\\(a\\|ab\\)',
  '\\(\\)',
  '{',
  '\\{',
  '\\(\\(a\\)\\)',
  '\\(a\\|\\)*',
  '\\(^a\\|b\\)*',
  '\\(\\<a\\)*',
  'a\\|b\\|c',
  '\\(a*\\)\\1',
  '\\(.\\)\\1',
  '[[=a=]]',
  '[[.-.]]',
  '[a-]',
  '[-a]',
  '[]-a]',
  '[^]]',
  '[\\]',
  '\\.',
  '\\*',
  '\\(b*\\|a\\)*',
  '\\(a\\)?',
  '\\(a\\)+',
  '\\($\\|c\\)',
  '\\(\\(a\\)*b\\)*',
];

/** Random patterns from GNU syntax pieces, random subjects, random replacements. */
function regexCalls(seed: number, runs: number, utf8: boolean): PureCall[] {
  const atoms = utf8 ? [...ATOMS, E, `[${E}x]`, '[a-\xc3\xbf]', '\xa9', '\xc3'] : ATOMS;
  const chars = utf8
    ? ['a', 'b', 'c', 'x', ' ', '\n', '_', E, '\xe9', '\xa9', '\xe2\x82\xac']
    : ['a', 'b', 'c', 'x', ' ', '\n', '_', '\xe9'];
  const pattern = fc.array(fc.constantFrom(...atoms), { maxLength: 10 }).map((a) => a.join(''));
  const subject = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));
  const replacement = fc.constantFrom('[\\&]', '<\\1|\\2>', '\\0', '-', '', 'x\\');
  const call = fc
    .tuple(fc.boolean(), subject, pattern, replacement, fc.boolean())
    .map(([isPatsubst, s, p, r, withReplacement]) =>
      isPatsubst ? P(s, p, r) : withReplacement ? R(s, p, r) : R(s, p),
    );
  return fc.sample(call, { seed, numRuns: runs });
}

function differential(calls: PureCall[], charset: 'bytes' | 'utf8'): ReturnType<typeof disagreements> {
  const state = fresh(charset);
  return disagreements(
    calls,
    (c) => (c.name === 'regexp' ? regexpBuiltin : patsubstBuiltin)(c.name, c.args, state),
    charset === 'utf8' ? ORACLE_ENV_UTF8 : ORACLE_ENV_C,
    () => {
      state.warnedZeroReference = false;
    },
  );
}

describe.skipIf(!hasM4Oracle())('regexp and patsubst against GNU m4', () => {
  const runs = Number(process.env.MAILCF_FUZZ_RUNS ?? 400);

  it('agree on hand-written cases (C locale)', () => {
    expect(differential(HAND_WRITTEN, 'bytes')).toEqual([]);
  });

  it('agree on hand-written cases (C.UTF-8)', () => {
    expect(differential([...HAND_WRITTEN, ...UTF8_CASES], 'utf8')).toEqual([]);
  });

  it('agree on random patterns and subjects (fast-check, C locale)', () => {
    expect(differential(regexCalls(101, runs, false), 'bytes')).toEqual([]);
  });

  it('agree on random patterns and subjects (fast-check, C.UTF-8)', () => {
    expect(differential(regexCalls(202, runs, true), 'utf8')).toEqual([]);
  });

  it('classify every Unicode character for \\w and \\s as glibc does (C.UTF-8)', () => {
    // Each call replaces the class members in a run of characters separated by '-'.
    const calls: PureCall[] = [];
    for (const cls of ['\\w', '\\s']) {
      for (let from = 0x80; from < 0x110000; from += 0x2000) {
        let text = '';
        for (let cp = from; cp < Math.min(from + 0x2000, 0x110000); cp++) {
          if (cp < 0xd800 || cp > 0xdfff)
            text += Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1') + '-';
        }
        calls.push(P(text, cls, '!'));
      }
    }
    const problems = differential(calls, 'utf8').map((d) => d.call.args[1]);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasM4Oracle())('regexp and patsubst through the engine (mailcf m4) against GNU m4', () => {
  it('give the same stdout, stderr and exit status (C locale)', async () => {
    expect(
      await engineDisagreement([...HAND_WRITTEN, ...regexCalls(303, 200, false)], ORACLE_ENV_C),
    ).toBeUndefined();
  });

  it('give the same stdout, stderr and exit status (C.UTF-8)', async () => {
    const calls = [...HAND_WRITTEN, ...UTF8_CASES, ...regexCalls(404, 200, true)];
    expect(await engineDisagreement(calls, ORACLE_ENV_UTF8)).toBeUndefined();
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}
