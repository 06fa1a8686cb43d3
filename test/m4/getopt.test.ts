// glibc getopt_long as GNU m4 calls it: in-order operands, bundles, abbreviations, errors.
import { describe, expect, it } from 'vitest';
import { getoptLong, type LongOption } from '../../src/m4/getopt.js';

const SHORT = 'D:d::EI:s';
const LONG: LongOption[] = [
  { name: 'debug', has: 'optional', code: 'd' },
  { name: 'define', has: 'required', code: 'D' },
  { name: 'debugfile', has: 'optional', code: 'debugfile' },
  { name: 'quiet', has: 'none', code: 'Q' },
  { name: 'silent', has: 'none', code: 'Q' },
  { name: 'synclines', has: 'none', code: 's' },
  { name: 'help', has: 'none', code: 'help' },
];

const parse = (...argv: string[]) => getoptLong(argv, SHORT, LONG, 'm4');

describe('getopt_long', () => {
  it('returns options and file names in command-line order', () => {
    expect(parse('a.m4', '-Dx=1', '-', '-s', 'b.m4')).toEqual([
      { kind: 'operand', arg: 'a.m4' },
      { kind: 'option', code: 'D', arg: 'x=1' },
      { kind: 'operand', arg: '-' },
      { kind: 'option', code: 's', arg: undefined },
      { kind: 'operand', arg: 'b.m4' },
    ]);
  });

  it('takes a separate argument, an optional one only when attached', () => {
    expect(parse('-D', 'x', '-d', 'y')).toEqual([
      { kind: 'option', code: 'D', arg: 'x' },
      { kind: 'option', code: 'd', arg: undefined },
      { kind: 'operand', arg: 'y' },
    ]);
  });

  it('reads bundled short options', () => {
    expect(parse('-Es', '-sdaeq')).toEqual([
      { kind: 'option', code: 'E', arg: undefined },
      { kind: 'option', code: 's', arg: undefined },
      { kind: 'option', code: 's', arg: undefined },
      { kind: 'option', code: 'd', arg: 'aeq' },
    ]);
  });

  it('accepts unique abbreviations and synonyms of one option', () => {
    expect(parse('--defi=a', '--q', '--debug=V')).toEqual([
      { kind: 'option', code: 'D', arg: 'a' },
      { kind: 'option', code: 'Q', arg: undefined },
      { kind: 'option', code: 'd', arg: 'V' },
    ]);
  });

  it('reports ambiguous, unknown and malformed options as glibc does', () => {
    const message = (...argv: string[]) => {
      const last = parse(...argv).at(-1);
      return last?.kind === 'error' ? last.message : undefined;
    };
    expect(message('--de')).toBe(
      "m4: option '--de' is ambiguous; possibilities: '--debug' '--define' '--debugfile'\n",
    );
    expect(message('--s')).toBe("m4: option '--s' is ambiguous; possibilities: '--silent' '--synclines'\n");
    expect(message('--nope=1')).toBe("m4: unrecognized option '--nope=1'\n");
    expect(message('--help=x')).toBe("m4: option '--help' doesn't allow an argument\n");
    expect(message('--define')).toBe("m4: option '--define' requires an argument\n");
    expect(message('-z')).toBe("m4: invalid option -- 'z'\n");
    expect(message('-I')).toBe("m4: option requires an argument -- 'I'\n");
  });

  it('stops at the first error', () => {
    expect(parse('-z', '-s').map((e) => e.kind)).toEqual(['error']);
  });

  it('treats everything after -- as file names', () => {
    expect(parse('--', '-s', '--help')).toEqual([
      { kind: 'operand', arg: '-s' },
      { kind: 'operand', arg: '--help' },
    ]);
  });
});
