import { describe, expect, it } from 'vitest';
import { foldLines } from '../../src/cf/reader.js';
import { formatMailer } from '../../src/cf/mailer-line.js';
import { formatTokens } from '../../src/rules/tokens.js';
import { load } from './support.js';

describe('foldLines', () => {
  it('joins continuation lines, keeps their newline, counts lines as sendmail does', () => {
    expect(foldLines('A\n B\r\nC\n\tD\nE')).toEqual([
      { text: 'A\n B', lineNumber: 2 },
      { text: 'C\n\tD', lineNumber: 4 },
      { text: 'E', lineNumber: 4 },
    ]);
    expect(foldLines('X\r\rY\n')).toEqual([{ text: 'X\r\rY', lineNumber: 1 }]);
  });
});

describe('line kinds', () => {
  it('reads S and R lines into rulesets, named ones counting down from 199', () => {
    const { config, out } = load('V10\nSfoo\nR$* < $+ >\t$@ $2\tcomment\nS5\nRa\tb\nSbar=12\n');
    expect(out()).toBe('');
    const foo = config.rulesets.numberOf('foo')!;
    expect(foo).toBe(199);
    const [rule] = config.rulesets.rules[foo]!;
    expect(formatTokens(rule.lhs, config.macroNames)).toBe(' $* < $+ >\n');
    expect(formatTokens(rule.rhs, config.macroNames)).toBe(' $@ $2\n');
    expect(rule.comment).toBe('comment');
    expect(rule.line).toBe(3);
    expect(config.rulesets.rules[5]![0].rhs).toEqual(['b']);
    expect(config.rulesets.numberOf('bar')).toBe(12);
    expect(config.rulesets.names[12]).toBe('bar');
  });

  it('reads D, C, T and F lines', () => {
    const { config } = load(
      'V10\nDXval"ue" \\n x\nCW a b\nC{L}$X\nT root\nFZ /classes/words %[^:]\nFP|prog\n',
    );
    expect(config.macros.get(0x58)).toBe('value \n x');
    expect(config.classes.members(0x57).sort()).toEqual(['a', 'b']);
    expect(config.classes.has(0x74, 'ROOT')).toBe(true);
    expect(config.classes.members(0x5a).sort()).toEqual(['one', 'three', 'two']);
    // a program's output is read with the default format %s: the first word of each line
    expect(config.classes.members(0x50)).toEqual(['prog1']);
    // {L} with one letter is the class L itself
    expect(config.classes.has(0x4c, 'x')).toBe(true);
    expect(config.macroNames.find('L')).toBeUndefined();
  });

  it('reads M lines with their defaults, and prints them as =M does', () => {
    const { config, out } = load(
      'V10\nMsmtp, P=[IPC], F=mDFMuX, S=EnvFromSMTP/HdrFromSMTP, R=21, E=\\r\\n, L=990, A=TCP $h\n',
    );
    expect(out()).toBe('');
    const m = config.mailer('SMTP')!;
    expect(m.number).toBe(3);
    expect(formatMailer(config, m)).toBe(
      'mailer 3 (smtp): P=[IPC] S=EnvFromSMTP/HdrFromSMTP R=21/21 M=0 U=-1:-1 F=DFMXmu L=990 E=\\r\\n T=dns/rfc822/smtp r=100 A=TCP $h\n',
    );
    expect(formatMailer(config, config.mailer('prog')!)).toBe(
      'mailer 0 (prog): P=/bin/sh S=0/0 R=0/0 M=0 U=-1:-1 F=9Dloqsu L=0 E=\\n T=X-Unix/X-Unix/X-Unix r=100 A=sh -c $u\n',
    );
  });

  it('parses U= and T= as sendmail does', () => {
    const { config } = load('V10\nMlocal, P=/bin/true, U=mail:mail, F=lsDFM, T=/x, A=true $u\n');
    expect(formatMailer(config, config.mailer('local')!)).toBe(
      'mailer 3 (local): P=/bin/true S=0/0 R=0/0 M=0 U=8:8 F=DFMls L=0 E=\\n T=dns/x/smtp r=100 A=true $u\n',
    );
  });

  it('reads H, P, E and V lines', () => {
    const { config } = load(
      'V10/Berkeley\nH?P?Return-Path: <$g>\nHReceived: x\nHSubject: $>+Check\nPjunk=-100\nEPATH=/bin\n',
    );
    expect(config.configLevel).toBe(10);
    expect(config.headers.map((h) => [h.name, h.mailerFlags])).toEqual([
      ['Return-Path', 'P'],
      ['Received', ''],
    ]);
    expect(config.headerChecks).toEqual([
      { header: 'Subject', ruleset: 'Check', keepComments: true, line: 4 },
    ]);
    expect(config.rulesets.numberOf('Check')).toBe(199);
    expect(config.priorities).toEqual([{ name: 'junk', value: -100 }]);
    expect(config.environment).toEqual([['PATH', '/bin']]);
  });

  it('shortens $w at the first dot from V5 on and turns ColonOkInAddr off from V6', () => {
    const { config } = load('');
    expect(config.options.colonOkInAddr).toBe(true);
    const v = load('V6\n');
    expect(v.config.options.colonOkInAddr).toBe(false);
  });

  it('prints sendmail messages for bad lines, prefixed with file and line', () => {
    const { out } = load('V10\nR$*\tx\nSfoo\nRnotab\nZ\nMx, P=/bin/true\n');
    expect(out()).toBe(
      't.cf: line 2: missing valid ruleset for "R\x01*\tx"\n' +
        't.cf: line 4: invalid rewrite line "Rnotab" (tab expected)\n' +
        't.cf: line 5: unknown configuration line "Z"\n' +
        't.cf: line 6: Mx: A= argument required\n',
    );
  });
});
