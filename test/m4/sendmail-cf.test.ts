// sendmail's own cf library through both m4s: every sample .mc in cf/cf (run there as
// `m4 ../m4/cf.m4 X.mc`, the way sendmail's Makefile does) and Debian's .mc files (which include
// cf.m4 by absolute path themselves, run in their directory as `m4 X.mc`). Output must be
// byte-identical except the two header lines the library's makeinfo.sh writes from the user,
// host, date and working directory of the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runM4Command } from '../../src/cli/m4.js';
import {
  hasM4Oracle,
  hasSendmailCf,
  M4_ORACLE,
  missingOracleNotice,
  SENDMAIL_CF_DIR,
} from '../../src/oracle/oracles.js';
import { BASE_ENV } from '../support/m4-diff.js';

/** One expansion job: the directory it runs in and m4's arguments there. */
interface CfJob {
  name: string;
  cwd: string;
  argv: string[];
}

interface Expansion {
  stdout: string;
  stderr: string;
  status: number;
}

/**
 * The only lines that legitimately differ between two runs: the header's first
 * `##### built by USER@HOST on DATE` and `##### in DIRECTORY` lines (two GNU runs by different
 * users, at different times, from different directories differ in exactly these). Everything
 * else, including any later line that happens to look like them, is compared as is.
 */
const RUN_SPECIFIC_PREFIXES = ['##### built by ', '##### in '];

function maskRunSpecificLines(cf: string): string {
  const lines = cf.split('\n');
  for (const prefix of RUN_SPECIFIC_PREFIXES) {
    const at = lines.findIndex((line) => line.startsWith(prefix));
    if (at >= 0) lines[at] = `${prefix}<masked>`;
  }
  return lines.join('\n');
}

function jobs(): CfJob[] {
  const list = (dir: string): string[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.mc'))
      .sort();
  const sampleDir = join(SENDMAIL_CF_DIR, 'cf');
  const debianDir = join(SENDMAIL_CF_DIR, 'debian');
  return [
    ...list(sampleDir).map((mc) => ({ name: `cf/${mc}`, cwd: sampleDir, argv: ['../m4/cf.m4', mc] })),
    ...list(debianDir).map((mc) => ({ name: `debian/${mc}`, cwd: debianDir, argv: [mc] })),
  ];
}

function runGnu(job: CfJob): Expansion {
  const r = spawnSync(M4_ORACLE, job.argv, {
    argv0: 'm4',
    cwd: job.cwd,
    env: { ...BASE_ENV },
    maxBuffer: 1 << 28,
  });
  if (r.error) throw r.error;
  return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status ?? -1 };
}

async function runOurs(job: CfJob): Promise<Expansion> {
  const io = memoryIO('', { cwd: job.cwd, env: { ...BASE_ENV } });
  const status = await runM4Command([...job.argv], io);
  return { stdout: io.out(), stderr: io.err(), status };
}

const available = hasM4Oracle() && hasSendmailCf();

describe('masking of the run-specific header lines', () => {
  it('masks only the "built by" and "in" lines', () => {
    const header = [
      '#####',
      '##### built by root@vm on Wed Nov 25 16:59:30 UTC 2026',
      '##### in /usr/share/sendmail/cf/cf',
      '##### using ../ as configuration include directory',
      '##### in a comment that is not the header',
      'Cwlocalhost',
    ].join('\n');
    expect(maskRunSpecificLines(header).split('\n')).toEqual([
      '#####',
      '##### built by <masked>',
      '##### in <masked>',
      '##### using ../ as configuration include directory',
      '##### in a comment that is not the header',
      'Cwlocalhost',
    ]);
  });
});

if (!available) {
  describe("sendmail's cf library through mailcf m4", () => {
    it.skip(missingOracleNotice("GNU m4 1.4.19 or sendmail's cf library (sendmail-cf)"), () => {});
  });
}

describe.skipIf(!available)("sendmail's cf library through mailcf m4 and GNU m4", () => {
  for (const job of available ? jobs() : []) {
    it(`${job.name}: ${['m4', ...job.argv].join(' ')}`, async () => {
      const gnu = runGnu(job);
      const ours = await runOurs(job);
      expect({ ...ours, stdout: maskRunSpecificLines(ours.stdout) }).toEqual({
        ...gnu,
        stdout: maskRunSpecificLines(gnu.stdout),
      });
    });
  }
});
