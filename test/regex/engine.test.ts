// The engine's own behaviour across its front-ends: the syntax switches, intervals, REG_ICASE and
// REG_NOSUB, where glibc 2.36 and gnulib (GNU m4's copy) part ways, and patterns that must not
// exhaust the stack or memory. Expected registers were checked against glibc's regexec (POSIX)
// and GNU m4 1.4.19 (Emacs syntax); the differential tests run those oracles live.
import { describe, expect, it } from 'vitest';
import {
  type PosixOptions,
  type RegexOptions,
  compileRegex,
  execPosixRegex,
  searchRegex,
} from '../../src/regex/index.js';

const ERE: PosixOptions = { syntax: 'posix', extended: true, ignoreCase: false, noSub: false };
const BRE: PosixOptions = { ...ERE, extended: false };
const ICASE: PosixOptions = { ...ERE, ignoreCase: true };
const NOSUB: PosixOptions = { ...ERE, noSub: true };
const EMACS: RegexOptions = { syntax: 'emacs', charset: 'bytes' };

/** Registers as "(so,eo)..." (POSIX: regexec's; Emacs: re_search's), NOMATCH, MATCH or ERR. */
function run(pattern: string, subject: string, options: RegexOptions = ERE): string {
  const c = compileRegex(pattern, options);
  if (!c.ok) return `ERR ${c.message}`;
  if (options.syntax === 'posix') {
    const m = execPosixRegex(c.regex, subject);
    if (m === null) return 'NOMATCH';
    if (options.noSub) return 'MATCH';
    return m.start.map((so, i) => `(${so},${m.end[i]})`).join('');
  }
  const m = searchRegex(c.regex, subject);
  if (!m) return 'NOMATCH';
  return m.registers.start.map((so, i) => `(${so},${m.registers.end[i]})`).join('');
}

describe('one parser, three syntaxes', () => {
  it('reads groups, alternation and repetition by the syntax switches', () => {
    expect(run('(a|b)+', 'xab')).toBe('(1,3)(2,3)');
    expect(run('\\(a\\|b\\)\\+', 'xab', BRE)).toBe('(1,3)(2,3)');
    expect(run('\\(a\\|b\\)+', 'xab', EMACS)).toBe('(1,3)(2,3)');
    expect(run('(a|b)+', '(a|b)+', BRE)).toBe('(0,6)');
    expect(run('a{2}', 'a{2}', EMACS)).toBe('(0,4)');
    expect(run('a\\{2\\}', 'aa', BRE)).toBe('(0,2)');
  });

  it('has [:classes:] in the POSIX syntaxes only', () => {
    expect(run('[[:digit:]]+', 'ab12', ERE)).toBe('(2,4)');
    // In Emacs syntax that is the list `[:digt` followed by a `]`.
    expect(run('[[:digit:]]', ':', EMACS)).toBe('NOMATCH');
    expect(run('[[:digit:]]', ':]', EMACS)).toBe('(0,2)');
  });

  it('anchors at newlines and keeps `.` off them only in m4 (newline_anchor, no RE_DOT_NEWLINE)', () => {
    expect(run('^c', 'ab\nc', ERE)).toBe('NOMATCH');
    expect(run('^c', 'ab\nc', EMACS)).toBe('(3,4)');
    expect(run('a.c', 'a\nc', ERE)).toBe('(0,3)');
    expect(run('a.c', 'a\nc', EMACS)).toBe('NOMATCH');
  });

  it('keeps `.` off NUL in the POSIX syntaxes (RE_DOT_NOT_NULL)', () => {
    expect(run('a.c', 'a\0c', ERE)).toBe('NOMATCH');
    expect(run('a.c', 'a\0c', EMACS)).toBe('(0,3)');
  });

  it('reports an unmatched ) as regcomp does (POSIX has one code for both parentheses)', () => {
    expect(run('a\\)', '', BRE)).toBe('ERR Unmatched ( or \\(');
    expect(run('a\\)', '', EMACS)).toBe('ERR Unmatched ) or \\)');
  });
});

describe('intervals as glibc expands them', () => {
  it('repeats copies of the operand, nesting the optional ones', () => {
    expect(run('((a)*){2}', 'aa')).toBe('(0,2)(2,2)(1,2)');
    expect(run('(a|ab){2}(c|bcd)', 'ababcd')).toBe('(0,6)(2,3)(3,6)');
    expect(run('(a?){3}', 'aa')).toBe('(0,2)(2,2)');
    expect(run('(ab|a){1,3}b', 'abab')).toBe('(0,4)(2,3)');
    expect(run('a{,2}', 'aaa')).toBe('(0,2)');
    expect(run('a{1,2}{3}', 'aaaaaa')).toBe('(0,6)');
  });

  it('drops an operand repeated {0} times, though its group still counts', () => {
    expect(run('x{0}y', 'y')).toBe('(0,1)');
    expect(run('(a){0}b', 'b')).toBe('(0,1)(-1,-1)');
    expect(run('(a){0}\\1', 'a')).toBe('NOMATCH');
  });

  it('reads a counted interval the way fetch_number does', () => {
    expect(run('a{1\\,2}', 'aa')).toBe('(0,2)'); // an escaped comma is still the comma
    expect(run('a{32767}', 'a'.repeat(32767))).toBe('(0,32767)');
    expect(run('a{32768}', '')).toBe('ERR Regular expression too big');
    expect(run('a*\\{2\\}', 'aa', BRE)).toBe('ERR Invalid preceding regular expression');
  });
});

describe('REG_ICASE', () => {
  it('upper-cases pattern and subject, but not the character after a backslash', () => {
    expect(run('A(B)', 'xab', ICASE)).toBe('(1,3)(2,3)');
    expect(run('\\a', 'a', ICASE)).toBe('NOMATCH');
    expect(run('\\a', 'A', ICASE)).toBe('NOMATCH');
    expect(run('A\\W', 'a_', ICASE)).toBe('NOMATCH');
    expect(run('[[:lower:]]+', 'aBc', ICASE)).toBe('(0,3)');
  });

  it('compares back-references without case', () => {
    expect(run('(a)\\1', 'aA', ICASE)).toBe('(0,2)(0,1)');
    expect(run('(a)\\1', 'aA', ERE)).toBe('NOMATCH');
  });
});

describe('REG_NOSUB', () => {
  it('asks only whether there is a match, which skips glibc register pass and its failures', () => {
    expect(run('(^.)+', 'bcb', ERE)).toBe('NOMATCH');
    expect(run('(^.)+', 'bcb', NOSUB)).toBe('MATCH');
  });

  it('keeps the groups back-references name', () => {
    expect(run('(a)(b)\\2', 'abb', NOSUB)).toBe('MATCH');
    expect(run('(a)(b)\\2', 'aba', NOSUB)).toBe('NOMATCH');
  });
});

describe('glibc 2.36 and gnulib (GNU m4 1.4.19) walk the registers differently', () => {
  it('glibc goes on past a node it already passed; gnulib stops there and leaves the group open', () => {
    expect(run('(a*)*', 'ac', ERE)).toBe('(0,1)(0,1)');
    expect(run('\\(a*\\)*', 'ac', EMACS)).toBe('(0,1)(1,-1)');
  });

  it("stops where glibc would loop forever, with gnulib's registers, and says so", () => {
    const c = compileRegex('(^|.?|b*)*', ERE);
    if (!c.ok) throw new Error(c.message);
    const m = searchRegex(c.regex, 'ab');
    expect(m?.registers).toEqual({ start: [0, 0], end: [2, 0] });
    expect(m?.walkNeverEnds).toBe(true);
    expect(searchRegex(c.regex, 'ab', 0, false)?.walkNeverEnds).toBeUndefined();
  });
});

describe('untrusted patterns', () => {
  it('nests groups deeper than the JS stack would allow recursion', () => {
    const depth = 20_000;
    const pattern = '('.repeat(depth) + 'a' + ')'.repeat(depth);
    const c = compileRegex(pattern, NOSUB);
    expect(c.ok && execPosixRegex(c.regex, 'xa')).toEqual({ start: [], end: [] });
    expect(run('\\('.repeat(3000) + 'a' + '\\)'.repeat(3000), 'a', EMACS)).toBe('(0,1)'.repeat(3001));
  });

  it('reads long patterns', () => {
    expect(run('a'.repeat(100_000), 'b' + 'a'.repeat(100_000), EMACS)).toBe('(1,100001)');
  });

  it('gives up on repetitions that would build millions of nodes, as glibc does when memory runs out', () => {
    expect(run('(a{1000}){1000}', 'a')).toBe('ERR Memory exhausted');
    expect(run('((a{100}){10}){10}', 'a'.repeat(10_000))).toBe('(0,10000)(9000,10000)(9900,10000)');
  });
});
