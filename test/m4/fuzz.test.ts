// Property-based differential fuzzing: random programs (test/m4/fuzz-programs.ts) through GNU m4
// and mailcf's m4; every one must give the same stdout, stderr and exit status. CI runs a fixed
// seed and a modest count; MAILCF_FUZZ_RUNS=5000 (and MAILCF_FUZZ_SEED=n) run more. A case that
// ever disagrees is added to the corpus under test/m4/programs/fuzz-found/ (docs/m4-testing.md).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasM4Oracle, missingOracleNotice } from '../../src/oracle/oracles.js';
import { programFromText, runBoth } from '../support/m4-diff.js';
import { m4Options, m4Program } from './fuzz-programs.js';

const DEFAULT_RUNS = 300;
const FIXED_SEED = 20250601;
/** A random program GNU m4 cannot finish this fast loops forever; it is skipped, not compared. */
const GNU_TIMEOUT_MS = 3_000;

const runs = Number(process.env.MAILCF_FUZZ_RUNS ?? DEFAULT_RUNS);
const seed = Number(process.env.MAILCF_FUZZ_SEED ?? FIXED_SEED);

describe('the random program generator', () => {
  const sample = fc.sample(m4Program, { seed: FIXED_SEED, numRuns: 300 }).join('\n');
  for (const feature of [
    'changequote',
    'changecom',
    'define(',
    'pushdef(',
    '$@',
    'eval(',
    'divert(',
    '`',
    '#',
  ]) {
    it(`produces programs using ${feature}`, () => {
      expect(sample).toContain(feature);
    });
  }
  it('produces odd bytes (high bytes, NUL, CR)', () => {
    expect(sample).toMatch(/[\x80-\xff]/);
    expect(sample).toContain('\0');
    expect(sample).toContain('\r');
  });
});

const oracle = hasM4Oracle();
if (!oracle) {
  describe('m4 differential fuzzing', () => {
    it.skip(missingOracleNotice('GNU m4 1.4.19'), () => {});
  });
}

describe.skipIf(!oracle)('m4 differential fuzzing against GNU m4 1.4.19', () => {
  it(`${runs} random programs give GNU m4's stdout, stderr and exit status, under random options (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(m4Program, m4Options, async (text, options) => {
        let outcomes;
        try {
          outcomes = await runBoth(programFromText('fuzz', text, options), GNU_TIMEOUT_MS);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ETIMEDOUT') return;
          throw err;
        }
        if (!isDeepStrictEqual(outcomes.ours, outcomes.gnu)) expect(outcomes.ours).toEqual(outcomes.gnu);
      }),
      { seed, numRuns: runs },
    );
  }, 600_000);
});
