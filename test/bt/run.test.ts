// `mailcf test` run in-process on a small hand-written .cf, with a made-up machine: the
// transcript, the exit statuses and the command-line errors (no oracle needed).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runTest } from '../../src/bt/run.js';
import { TINY_CF, fakeSystem } from './support/fake-system.js';
import { BT_TEST_ROOT } from './support/probes.js';

const REGEX_CRASH_CF = join(BT_TEST_ROOT, 'fixtures', 'regex-crash.cf');

const BANNER = 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n';

async function run(argv: string[], input: string) {
  const io = memoryIO(input);
  const status = await runTest(argv, io, fakeSystem());
  return { status, out: io.out(), err: io.err() };
}

describe('mailcf test in-process', () => {
  it('prints the identity, traces rulesets and parses addresses', async () => {
    const r = await run(['-C', TINY_CF], '$w\n$j\n$m\n$k\n$_\n3,0 a@b\n/parse Joe <a@b>\n');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toBe(
      BANNER +
        '> box\n> box.test.example\n> test.example\n> box\n> tester@localhost\n' +
        '> canonify           input: a @ b\ncanonify         returns: a < @ b >\n' +
        'parse              input: a < @ b >\nparse            returns: $# esmtp $@ b $: a < @ b >\n' +
        '> Cracked address = Joe <$g>\nParsing envelope recipient address\n' +
        'canonify           input: Joe < a @ b >\ncanonify         returns: Joe < a < @ b > >\n' +
        'parse              input: Joe < a < @ b > >\n' +
        'parse            returns: $# esmtp $@ b $: Joe < a < @ b > >\n' +
        '2                  input: Joe < a < @ b > >\n2                returns: Joe < a < @ b > >\n' +
        'final              input: Joe < a < @ b > >\nfinal            returns: Joe < a @ b >\n' +
        'mailer esmtp, host b, user Joe<a@b>\n> ',
    );
  });

  it('takes the .cf as a positional argument too', async () => {
    const r = await run([TINY_CF], '$=w\n');
    expect(r.out).toContain('[127.0.0.1]\n');
    expect(r.out).toContain('box.test.example\n');
  });

  it('ends with the exit status errors left (a syserr is 70)', async () => {
    const r = await run(['-C', TINY_CF], '/header no header here\n');
    expect(r.out).toBe(BANNER + '> header syntax error, line "no header here"\nul = 00000000\n> ');
    expect(r.status).toBe(70);
  });

  it('goes on after -q with status 64, as sendmail does in test mode', async () => {
    const r = await run(['-q1h', '-C', TINY_CF], '');
    expect(r.out).toBe('Can not use -q with -bt\n' + BANNER + '> ');
    expect(r.status).toBe(64);
  });

  it('reports a .cf that cannot be read like sendmail (status 72)', async () => {
    const r = await run(['-C', '/nonexistent/x.cf'], '$w\n');
    expect(r.out).toBe('/nonexistent/x.cf: line 0: cannot open: No such file or directory\n');
    expect(r.status).toBe(72);
  });

  it('rejects bad command lines with a usage message and status 64', async () => {
    const r = await run(['-z'], '');
    expect(r.status).toBe(64);
    expect(r.err).toMatch(/^mailcf test: illegal option -- z\nusage: mailcf test /);
    expect(r.out).toBe('');
  });

  it('stops with a message and the status of SIGSEGV where the regex matcher of glibc crashes sendmail', async () => {
    const r = await run(['-C', REGEX_CRASH_CF], '/map loop x\n$w\n');
    expect(r.out).toBe(BANNER + '> map_lookup: loop (x) ');
    expect(r.err).toBe(
      'mailcf: regex map loop: matching "x" recurses too deeply; sendmail dies of a segmentation fault here\n',
    );
    expect(r.status).toBe(139);
  });

  it('prints its help with --help (and documents --map-source) without starting', async () => {
    const r = await run(['--help'], '');
    expect(r.status).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^usage: mailcf test /);
    expect(r.out).toContain('--map-source "MAPFILE=SOURCE [makemap options]"');
  });
});
