// Property-based differential test: random addresses (structured ones and raw character soup)
// through rulesets 3,0, /parse and /try, in sendmail -bt and in mailcf test. A fixed seed and a modest
// count by default; BT_FUZZ_RUNS=n and BT_FUZZ_SEED=s for longer runs. Every address that ever
// disagreed belongs in probes/fuzz-regressions.probes.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canBuildCorpus } from '../../src/bt/oracle-corpus.js';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../src/oracle/oracles.js';
import {
  compareSessions,
  describeComparison,
  hasBuiltCli,
  runMailcfSession,
  runSendmailSession,
} from './support/bt-diff.js';
import { runCorpus } from './support/corpus-cache.js';
import type { Probe } from './support/probes.js';
import { randomAddress, randomCommand } from './support/generators.js';

const RUNS = Number(process.env.BT_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.BT_FUZZ_SEED ?? 20251125);

const missing = !hasSendmailOracle()
  ? 'sendmail 8.17'
  : !canBuildCorpus()
    ? 'GNU m4 and sendmail-cf'
    : undefined;

if (missing) {
  describe('random addresses differential', () => it.skip(missingOracleNotice(missing), () => {}));
} else {
  const work = privateWorkDir('bt-fuzz');
  afterAll(() => removeWorkDir(work));

  describe('random command lines differential', () => {
    it(`generic-linux: ${RUNS} random commands (seed ${SEED})`, () => {
      const cf = runCorpus().configs.find((c) => c.name === 'generic-linux')!;
      const lines = fc.sample(randomCommand, { seed: SEED, numRuns: RUNS });
      const probes: Probe[] = lines.map((line, i) => ({ line, where: `command#${i}` }));
      const c = compareSessions(
        probes,
        runSendmailSession(cf.cfPath, probes, { dir: work }),
        runMailcfSession(cf.cfPath, probes, { dir: work }),
      );
      expect(c.mismatches.length + c.envelope.length, describeComparison(c)).toBe(0);
    });
  });

  describe('random addresses differential', () => {
    for (const name of ['generic-linux', 'mailcf-features']) {
      it(`${name}: ${RUNS} random addresses (seed ${SEED})`, () => {
        expect(hasBuiltCli()).toBe(true);
        const cf = runCorpus().configs.find((c) => c.name === name)!;
        const addresses = fc.sample(randomAddress, { seed: SEED, numRuns: RUNS });
        const probes: Probe[] = addresses.flatMap((a, i) => [
          { line: `3,0 ${a}`, where: `random#${i}` },
          { line: `/parse ${a}`, where: `random#${i}` },
          { line: `/try esmtp ${a}`, where: `random#${i}` },
        ]);
        const c = compareSessions(
          probes,
          runSendmailSession(cf.cfPath, probes, { dir: work }),
          runMailcfSession(cf.cfPath, probes, { dir: work }),
        );
        expect(c.mismatches.length + c.envelope.length, describeComparison(c)).toBe(0);
      });
    }
  });
}
