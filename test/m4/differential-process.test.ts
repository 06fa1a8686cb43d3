// The corpus's process/ programs once more, this time as real processes: GNU m4 and
// `node bin/mailcf.js m4` each write standard output and standard error into one file, as a
// shell's `2>&1` does, so the comparison sees how the two streams interleave (GNU flushes its
// output before every message and before running a shell command) and the real exit status.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasM4Oracle, M4_ORACLE, missingOracleNotice } from '../../src/oracle/oracles.js';
import {
  listPrograms,
  loadProgram,
  makeWorkDir,
  REPO_ROOT,
  resetWorkDir,
  runMerged,
  snapshotFiles,
} from '../support/m4-diff.js';
import { readKnownDifferences, knownDifferenceTest } from './known-differences.js';

const PROCESS_AREA = 'process/';
const CLI = join(REPO_ROOT, 'bin', 'mailcf.js');
const BUILT_CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');

const programs = listPrograms().filter((id) => id.startsWith(PROCESS_AREA));
const known = readKnownDifferences();
const oracle = hasM4Oracle();
const built = existsSync(BUILT_CLI);

describe('the process-level corpus', () => {
  it('has programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });
});

if (!oracle || !built) {
  describe('m4 differential corpus as real processes', () => {
    const why = !oracle
      ? missingOracleNotice('GNU m4 1.4.19')
      : 'dist/ is not built (npm run build, or npm test which builds first), so the CLI comparison is skipped';
    it.skip(why, () => {});
  });
}

describe.skipIf(!oracle || !built)(
  'm4 differential corpus as real processes (stdout and stderr merged)',
  () => {
    for (const id of programs) {
      const { test, title } = knownDifferenceTest(known, `${id} (process)`);
      test(title, () => {
        const program = loadProgram(id);
        const dir = makeWorkDir(program);
        try {
          const gnu = {
            ...runMerged(M4_ORACLE, program.argv, program, dir, 'm4'),
            files: snapshotFiles(dir),
          };
          resetWorkDir(program, dir);
          const ours = {
            ...runMerged(process.execPath, [CLI, 'm4', ...program.argv], program, dir),
            files: snapshotFiles(dir),
          };
          expect(ours).toEqual(gnu);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  },
);
