// The engine with glibc's POSIX front-end on its own (regcomp/regexec in the C locale, as
// sendmail's regex maps call them): glibc's errors, and the matches and submatches glibc gives
// (each expectation below was checked against glibc's regexec in the C locale).
import { describe, expect, it } from 'vitest';
import { type PosixOptions, compileRegex, execPosixRegex } from '../../src/regex/index.js';

const ERE: PosixOptions = { syntax: 'posix', extended: true, ignoreCase: false, noSub: false };
const BRE: PosixOptions = { syntax: 'posix', extended: false, ignoreCase: false, noSub: false };

function error(pattern: string, opts = ERE): string | null {
  const c = compileRegex(pattern, opts);
  return c.ok ? null : c.message;
}

/** regexec's registers as "(so,eo)" per group, NOMATCH, MATCH (under REG_NOSUB) or ERR. */
function groups(pattern: string, subject: string, opts = ERE): string {
  const c = compileRegex(pattern, opts);
  if (!c.ok) return `ERR ${c.message}`;
  const m = execPosixRegex(c.regex, subject);
  if (m === null) return 'NOMATCH';
  if (opts.noSub) return 'MATCH';
  return m.start.map((so, i) => `(${so},${m.end[i]})`).join('');
}

describe('regcomp errors', () => {
  it.each([
    ['*a', 'Invalid preceding regular expression'],
    ['a|*b', 'Invalid preceding regular expression'],
    ['^*', 'Invalid preceding regular expression'],
    ['{1}a', 'Invalid preceding regular expression'],
    ['[a', 'Unmatched [, [^, [:, [., or [='],
    ['[]', 'Unmatched [, [^, [:, [., or [='],
    ['[[:alpha:', 'Unmatched [, [^, [:, [., or [='],
    ['[z-a]', 'Invalid range end'],
    ['[a-c-e]', 'Invalid range end'],
    ['[a-[:alpha:]]', 'Invalid range end'],
    ['a{2,1}', 'Invalid content of \\{\\}'],
    ['a{x}', 'Invalid content of \\{\\}'],
    ['a{1,2,3}', 'Invalid content of \\{\\}'],
    ['a{1', 'Unmatched \\{'],
    ['a{99999}', 'Regular expression too big'],
    ['a\\', 'Trailing backslash'],
    ['[[:foo:]]', 'Invalid character class name'],
    ['[[.space.]]', 'Invalid collation character'],
    ['\\1', 'Invalid back reference'],
    ['(a)|\\1', 'Invalid back reference'],
    ['(a', 'Unmatched ( or \\('],
  ])('ERE %s: %s', (pattern, message) => {
    expect(error(pattern)).toBe(message);
  });

  it.each([
    ['a\\{1', 'Unmatched \\{'],
    ['\\(a', 'Unmatched ( or \\('],
    ['a\\)', 'Unmatched ( or \\('],
    ['a**', 'Invalid preceding regular expression'],
    ['a\\{1\\}\\{2\\}', 'Invalid preceding regular expression'],
    ['\\{1\\}', 'Invalid preceding regular expression'],
  ])('BRE %s: %s', (pattern, message) => {
    expect(error(pattern, BRE)).toBe(message);
  });

  it('accepts what glibc accepts', () => {
    for (const p of ['a**', '()', 'a||b', 'a)', '[]a]', '[--/]', 'a{,3}', 'a{,}', '(|a)', '\\(']) {
      expect(error(p)).toBe(null);
    }
    for (const p of ['*a', '^*a', 'a\\|b', 'a\\+', '\\(*a\\)']) expect(error(p, BRE)).toBe(null);
  });
});

describe('matching', () => {
  it.each([
    ['(a|ab)(c|bcd)(d*)', 'abcd', '(0,4)(0,1)(1,4)(4,4)'],
    ['(a|ab)(b*)', 'abb', '(0,3)(0,1)(1,3)'],
    ['(a*)*', 'b', '(0,0)(0,0)'],
    ['(a?)*', 'aa', '(0,2)(1,2)'],
    ['(a*)+', 'b', '(0,0)(0,0)'],
    ['(a*){2,3}', 'a', '(0,1)(0,1)'],
    ['(a?){2}', 'a', '(0,1)(1,1)'],
    ['((a)|b)+', 'ab', '(0,2)(1,2)(0,1)'],
    ['(a)|b', 'b', '(0,1)(-1,-1)'],
    ['(.*)@(.*)', 'a@b@c', '(0,5)(0,3)(4,5)'],
    ['(wee|week)(knights|night)', 'weeknights', '(0,10)(0,3)(3,10)'],
    ['(a*)b\\1', 'aabaa', '(0,5)(0,2)'],
    ['((a*)|c)*', 'c', '(0,1)(0,1)(0,0)'],
    ['((.+)){0,2}', 'bc', '(0,2)(1,2)(1,2)'],
    ['(^)?', 'a', '(0,0)(-1,-1)'],
    ['(^)?a', 'a', '(0,1)(0,0)'],
    ['((x|^)?)?', 'a', '(0,0)(0,0)(-1,-1)'],
    ['a(b|$)?', 'a', '(0,1)(-1,-1)'],
    ['\\<foo\\>', 'a foo b', '(2,5)'],
    ['a$b', 'ab', 'NOMATCH'],
  ])('%s on %s', (pattern, subject, expected) => {
    expect(groups(pattern, subject)).toBe(expected);
  });

  it('folds ASCII letters only under REG_ICASE, and [:lower:] becomes [:alpha:]', () => {
    const icase: PosixOptions = { ...ERE, ignoreCase: true };
    expect(groups('A(B)', 'xab', icase)).toBe('(1,3)(2,3)');
    expect(groups('[[:lower:]]+', 'ABc', icase)).toBe('(0,3)');
    expect(groups('\xe9', '\xc9', icase)).toBe('NOMATCH');
    expect(error('[Z-a]', icase)).toBe('Invalid range end');
    expect(error('[Z-a]', ERE)).toBe(null);
  });

  it('reads basic syntax: literal * at the start, ^ and $ only at the ends', () => {
    expect(groups('*a', '*a', BRE)).toBe('(0,2)');
    expect(groups('a^', 'a^', BRE)).toBe('(0,2)');
    expect(groups('\\(a\\)\\{2\\}', 'aa', BRE)).toBe('(0,2)(1,2)');
    expect(groups('a\\|b', 'b', BRE)).toBe('(0,1)');
  });
});
