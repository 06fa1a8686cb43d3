// Differential test: every probe file against every corpus configuration, through sendmail -bt
// and through `mailcf test`, compared probe by probe (and the preamble, stderr, exit status).
import { join } from 'node:path';
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
import { loadProbeFiles, probeSessions } from './support/probes.js';

const missing = !hasSendmailOracle()
  ? 'sendmail 8.17 (with root and unshare for its sandbox)'
  : !canBuildCorpus()
    ? 'GNU m4 1.4.19 and sendmail-cf'
    : undefined;

if (missing) {
  describe('sendmail -bt differential', () => {
    it.skip(missingOracleNotice(missing), () => {});
  });
} else {
  const corpus = runCorpus();
  const sessions = probeSessions(loadProbeFiles());
  const work = privateWorkDir('bt-diff');
  const tally = { identical: 0, total: 0 };

  afterAll(() => {
    removeWorkDir(work);
    console.log(`bt differential: ${tally.identical} identical / ${tally.total} probes`);
  });

  describe('sendmail -bt differential', () => {
    it('has a built CLI to run (npm run build)', () => {
      expect(hasBuiltCli()).toBe(true);
    });

    for (const cf of corpus.configs) {
      for (const session of sessions) {
        if (session.configs && !session.configs.includes(cf.name)) continue;
        it(`${cf.name}: ${session.name}`, () => {
          // @FIXTURES@ in ##args is the corpus's private copy of test/bt/fixtures
          const fixtures = join(corpus.dir, 'fixtures');
          const opts = {
            dir: work,
            extraArgs: session.args.map((a) => a.replaceAll('@FIXTURES@', fixtures)),
          };
          const oracle = runSendmailSession(cf.cfPath, session.probes, opts);
          const ours = runMailcfSession(cf.cfPath, session.probes, opts);
          const c = compareSessions(session.probes, oracle, ours);
          tally.identical += c.identical;
          tally.total += c.total;
          expect(c.mismatches.length + c.envelope.length, describeComparison(c)).toBe(0);
        });
      }
    }
  });
}
