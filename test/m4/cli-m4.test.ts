// `mailcf m4`'s command line in-process: help and version, usage errors and exit statuses,
// options that act in order, and a handful of programs compared with GNU m4 on the spot.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runM4Command } from '../../src/cli/m4.js';
import { hasM4Oracle, M4_ORACLE, missingOracleNotice } from '../../src/oracle/oracles.js';

const ENV = { PATH: '/usr/bin:/bin', LC_ALL: 'C' };

async function ours(argv: string[], stdin = '', cwd?: string) {
  const io = memoryIO(stdin, { env: { ...ENV }, cwd });
  const status = await runM4Command(argv, io);
  return { stdout: io.out(), stderr: io.err(), status };
}

function gnu(argv: string[], stdin = '', cwd?: string) {
  const r = spawnSync(M4_ORACLE, argv, { argv0: 'm4', input: Buffer.from(stdin, 'latin1'), env: ENV, cwd });
  return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status };
}

describe('mailcf m4 command line', () => {
  it('prints GNU m4 1.4.19 --version, with the author named for the locale', async () => {
    const r = await ours(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('m4 (GNU M4) 1.4.19');
    expect(r.stdout).toContain("Written by Rene' Seindal.\n");
  });

  it('shows the current nesting limit in --help', async () => {
    const r = await ours(['-L', '7', '--help']);
    expect(r.stdout).toContain('change nesting limit, 0 for unlimited [7]\n');
    expect(r.stdout.startsWith('Usage: m4 [OPTION]... [FILE]...\n')).toBe(true);
  });

  it('answers a usage error with the hint and status 1', async () => {
    const r = await ours(['--bogus']);
    expect(r).toEqual({
      stdout: '',
      stderr: "m4: unrecognized option '--bogus'\nTry `m4 --help' for more information.\n",
      status: 1,
    });
  });

  it('runs -D, -U and files in command-line order', async () => {
    const r = await ours(['-Dx=1', '-', '-Ux', '-'], 'x\n');
    // Standard input is read once: the second `-` finds it at its end.
    expect(r.stdout).toBe('1\n');
  });

  it('makes warnings fail the run with -E and stops at the first with -E -E', async () => {
    expect((await ours(['-E'], 'len(a,b)\nlen(c)\n')).status).toBe(1);
    const twice = await ours(['-E', '-E'], 'len(a,b)\nlen(c)\n');
    expect(twice.status).toBe(1);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe("m4:stdin:1: Warning: excess arguments to builtin `len' ignored\n");
  });

  it('exits with the status m4exit gives, dropping diversions', async () => {
    const r = await ours([], 'divert(1)lost\ndivert(0)kept\nm4exit(3)');
    expect(r).toEqual({ stdout: 'kept\n', stderr: '', status: 3 });
  });

  it('reports a missing file and goes on with the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailcf-m4cli-'));
    try {
      writeFileSync(join(dir, 'b.m4'), 'B\n');
      const r = await ours(['nope.m4', 'b.m4'], '', dir);
      expect(r).toEqual({
        stdout: 'B\n',
        stderr: "m4: cannot open `nope.m4': No such file or directory\n",
        status: 1,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writing output that cannot be written', () => {
  function failingIO(code: string) {
    const io = memoryIO('hello\n', { env: { ...ENV } });
    io.stdout.write = () => {
      throw Object.assign(new Error(code), { code });
    };
    return io;
  }

  it('reports lost output at exit as gnulib close_stdout does', async () => {
    const io = failingIO('ENOSPC');
    expect(await runM4Command([], io)).toBe(1);
    expect(io.err()).toBe('m4: write error: No space left on device\n');
  });

  it('ends quietly with 141 on a closed pipe, as SIGPIPE ends GNU m4', async () => {
    const io = failingIO('EPIPE');
    expect(await runM4Command([], io)).toBe(141);
    expect(io.err()).toBe('');
  });
});

describe.skipIf(!hasM4Oracle())('mailcf m4 against GNU m4 on the spot', () => {
  const programs: [string[], string][] = [
    [['-dV'], "define(`f',`[$1]')f(f(a),`b')\ninclude(`nope')\n"],
    [['-s'], "define(`a',`x\ny')a\nfoo a\n`q\nq'\n"],
    [['-P'], "m4_define(`x', 1)x define m4_len(`abc')\n"],
    [['-G'], "format(`%d', 1) unix __gnu__ len(`ab')\n"],
    [[], "changequote(`[[',`]]')[[a[[b]]c]] changecom(`/*',`*/')/* len(x) */ len(y)\n"],
    [[], "divert(2)two\ndivert(1)one\ndivert(0)zero\nundivert(2)m4wrap(`wrapped\n')\n"],
    [['-daeqc', '-l', '3'], "define(`x',`abcdef')traceon(`x')x(`123456')\n"],
    // A comment or quote delimiter that starts with a space: leading blanks of an argument.
    [[], "changecom(` #')define(`f',`[$1]')f(  x)f(`a',  #c\n b)\n"],
    [[], "changequote(` [',`]')define(`f',`[$1]')f(  x)f( [q],  [r])\n"],
    // A comment delimiter made of letters does not cut a word that contains them.
    [[], "changecom(`ab',`]')define(`f',`[$1]')f(x changequote(`#') y)changequote\n"],
  ];
  for (const [argv, stdin] of programs) {
    it(`${JSON.stringify(argv)} ${JSON.stringify(stdin).slice(0, 60)}`, async () => {
      expect(await ours(argv, stdin)).toEqual(gnu(argv, stdin));
    });
  }
});

describe.skipIf(hasM4Oracle())('mailcf m4 against GNU m4 on the spot', () => {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => {});
});
