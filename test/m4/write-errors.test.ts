// Standard output that cannot be written (/dev/full): GNU m4 and `mailcf m4` as real processes,
// compared on their messages and exit status. Output of short tokens only (GNU writes those
// with putc and notices the failure at exit, naming the reason when the bytes left in its
// buffer fail again). Not yet like GNU (docs/m4-engine.md): long tokens, which GNU writes
// with fwrite and stops at once on failure ("ERROR: copying inserted file"), and output ending
// exactly on a block boundary (putc leaves a full buffer for exit, our runs of text do not).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasM4Oracle, M4_ORACLE, missingOracleNotice } from '../../src/oracle/oracles.js';
import { REPO_ROOT } from '../support/m4-diff.js';

const CLI = join(REPO_ROOT, 'bin', 'mailcf.js');
const ready =
  hasM4Oracle() && existsSync('/dev/full') && existsSync(join(REPO_ROOT, 'dist', 'bundle', 'm4.cjs'));

function toFull(command: string, args: string[]): { stderr: string; status: number | null } {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(command, args, {
      argv0: 'm4',
      stdio: ['ignore', full, 'pipe'],
      encoding: 'latin1',
      env: { LC_ALL: 'C' },
    });
    return { stderr: r.stderr, status: r.status };
  } finally {
    closeSync(full);
  }
}

if (!ready) {
  describe('write errors on standard output', () => {
    it.skip(
      hasM4Oracle() ? 'no /dev/full or no built CLI here' : missingOracleNotice('GNU m4 1.4.19'),
      () => {},
    );
  });
}

describe.skipIf(!ready)('write errors on standard output, against GNU m4', () => {
  const work = mkdtempSync(join(tmpdir(), 'mailcf-full-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const [name, text] of [
    ['a little output (only the exit-time flush fails)', 'ab\ncd\n'],
    ['blocks of short tokens (failures during the run, and again at exit)', 'ab\n'.repeat(5000)],
  ] as const) {
    it(name, () => {
      const file = join(work, 'input.m4');
      writeFileSync(file, text);
      const ours = toFull(process.execPath, [CLI, 'm4', file]);
      const gnu = toFull(M4_ORACLE, [file]);
      expect(ours).toEqual(gnu);
    });
  }
});
