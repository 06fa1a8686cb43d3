// The m4 differential corpus: every program in test/m4/programs runs through GNU m4 1.4.19 and
// through mailcf's m4 in-process, in the same fresh directory, and the two must agree on stdout,
// stderr, exit status and every file left behind, byte for byte. Conventions: docs/m4-testing.md.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasM4Oracle, missingOracleNotice } from '../../src/oracle/oracles.js';
import { listPrograms, loadProgram, PROGRAMS_ROOT, runBoth } from '../support/m4-diff.js';
import { programOfKnownDifference, readKnownDifferences, knownDifferenceTest } from './known-differences.js';

const SIDECARS = ['.args', '.stdin', '.env', '.memlimit'];
const MIN_PROGRAMS = 300;
/** Generous: a few stress programs (10,000-argument shift recursion) take GNU m4 seconds too. */
const PROGRAM_TIMEOUT_MS = 300_000;

const programs = listPrograms();
const known = readKnownDifferences();

describe('the m4 corpus itself', () => {
  it(`holds at least ${MIN_PROGRAMS} programs`, () => {
    expect(programs.length).toBeGreaterThanOrEqual(MIN_PROGRAMS);
  });

  it('has no sidecar without its program (a misspelt name would silently drop options)', () => {
    const orphans: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'fixtures') walk(path);
          continue;
        }
        const ext = SIDECARS.find((e) => entry.name.endsWith(e));
        if (ext && !existsSync(path.slice(0, -ext.length) + '.m4')) orphans.push(path);
      }
    };
    walk(PROGRAMS_ROOT);
    expect(orphans).toEqual([]);
  });

  it('lists only existing programs as known differences', () => {
    const stale = [...known.keys()].filter((key) => !programs.includes(programOfKnownDifference(key)));
    expect(stale).toEqual([]);
  });
});

const oracle = hasM4Oracle();
if (!oracle) {
  describe('m4 differential corpus', () => {
    it.skip(missingOracleNotice('GNU m4 1.4.19'), () => {});
  });
}

describe.skipIf(!oracle)('m4 differential corpus against GNU m4 1.4.19', () => {
  let identical = 0;
  afterAll(() => {
    console.log(`m4 differential corpus: ${identical} / ${programs.length} programs identical to GNU m4`);
  });

  for (const id of programs) {
    // A known difference is expected to fail; once fixed, the test fails until the entry goes.
    const { test, title } = knownDifferenceTest(known, id);
    test(
      title,
      async () => {
        const { gnu, ours } = await runBoth(loadProgram(id));
        if (isDeepStrictEqual(ours, gnu)) identical++;
        expect(ours).toEqual(gnu);
      },
      PROGRAM_TIMEOUT_MS,
    );
  }
});
