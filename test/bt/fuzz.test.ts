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

const RUNS = Number(process.env.BT_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.BT_FUZZ_SEED ?? 20251125);

const atomChar = fc.constantFrom(...'abcxyzABCXYZ0123456789-_+=/&~#$'.split(''));
const atom = fc.string({ unit: atomChar, minLength: 1, maxLength: 6 });
const domain = fc.array(atom, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const knownDomain = fc.constantFrom(
  'vm',
  'vm.example.net',
  'localhost',
  'example.com',
  '[192.0.2.2]',
  '[IPv6:::1]',
  'example.net.',
);

/** A plausible address, possibly decorated the ways mail addresses are. */
const structured = fc
  .tuple(
    fc.oneof(
      atom,
      fc.constant('"quoted user"'),
      fc.array(atom, { minLength: 2, maxLength: 3 }).map((a) => a.join('.')),
    ),
    fc.option(fc.oneof(domain, knownDomain), { nil: undefined }),
    fc.constantFrom('plain', 'angle', 'phrase', 'comment', 'route', 'percent', 'bang'),
  )
  .map(([local, dom, shape]) => {
    const addr = dom === undefined ? local : `${local}@${dom}`;
    switch (shape) {
      case 'angle':
        return `<${addr}>`;
      case 'phrase':
        return `Some Body <${addr}>`;
      case 'comment':
        return `${addr} (a comment)`;
      case 'route':
        return `<@relay.example:${addr}>`;
      case 'percent':
        return `${local}%${dom ?? 'example.org'}@vm.example.net`;
      default:
        return shape === 'bang' ? `${dom ?? 'host'}!${local}` : addr;
    }
  });

/** Raw character soup from the characters addresses are made of. */
const soup = fc.string({
  unit: fc.constantFrom(...'ab1.@%!<>()"\\,:;[] $|+-'.split('')),
  minLength: 1,
  maxLength: 24,
});

export const randomAddress = fc.oneof({ arbitrary: structured, weight: 3 }, { arbitrary: soup, weight: 2 });

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
