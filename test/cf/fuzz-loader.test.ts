// Property-based differential test of the .cf reader: random lines of every kind (well- and
// ill-formed) are loaded by sendmail and by us; load-time messages and exit status must match.
// A fixed seed and a modest count run in CI; MAILCF_FUZZ_RUNS raises the count.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasSendmailOracle, privateWorkDir, removeWorkDir } from '../../src/oracle/oracles.js';
import { driverSession, sendmailSession } from '../rules/support/oracle-session.js';

const RUNS = Number(process.env.MAILCF_FUZZ_RUNS ?? '3');
const SEED = Number(process.env.MAILCF_FUZZ_SEED ?? '20261125');

const word = fc.constantFrom(
  'foo',
  'Bar',
  'x',
  '1',
  '99',
  '150',
  '_a',
  'a-b',
  'root',
  'nosuch',
  '',
  ' ',
  '=',
  ',',
);
const text = fc
  .array(
    fc.oneof(
      word,
      fc.constantFrom('$x', '${long}', '${', '$=w', '$*', '$1', '$#', '"', '\\', '#', '\t', '$$'),
    ),
    {
      maxLength: 6,
    },
  )
  .map((a) => a.join(''));
const optionName = fc.constantFrom(
  'BlankSub',
  'Timeout',
  'Timeout.queuereturn',
  'Timeout.nope',
  'DeliveryMode',
  'PrivacyOptions',
  'DontBlameSendmail',
  'OperatorChars',
  'MaxHop',
  'Ti',
  'NoSuch',
  'QueueSortOrder',
  'DefaultUser',
  'ResolverOptions',
  'MustQuoteChars',
  'Milter.macros.connect',
);

const line = fc.oneof(
  fc.tuple(fc.constantFrom('D', 'C', 'T', 'P', 'E', 'V', 'Q', 'X', 'H', 'F'), text).map(([k, t]) => k + t),
  fc.tuple(optionName, text).map(([n, t]) => `O ${n}=${t}`),
  fc.tuple(fc.constantFrom('S', 'S ', 'S='), text).map(([k, t]) => k + t),
  fc.tuple(text, text).map(([l, r]) => `R${l}\t${r}`),
  fc
    .tuple(fc.constantFrom('P', 'A', 'F', 'S', 'R', 'E', 'U', 'T', 'Z', 'L', 'D'), text)
    .map(([f, t]) => `Mm, P=/bin/true, A=x, ${f}=${t}`),
  fc.constantFrom('', '# comment', ' continued', 'Sx', 'R$*\t$@ ok', 'V10/Berkeley', 'HX-Y: $>Chk'),
);

describe.skipIf(!hasSendmailOracle())('random .cf lines against sendmail', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-core-fuzz-loader') : '';
  afterAll(() => removeWorkDir(dir));
  it('loads them with the same messages and exit status', () => {
    const batches = fc.sample(fc.array(line, { minLength: 20, maxLength: 30 }), {
      numRuns: RUNS,
      seed: SEED,
    });
    batches.forEach((lines, i) => {
      // sendmail needs a local mailer not to complain at startup (that is test mode's business)
      const cf = ['V10/Berkeley', 'Mlocal, P=/bin/true, A=true $u', ...lines, ''].join('\n');
      const cfPath = join(dir, `load-${i}.cf`);
      const expected = sendmailSession(cf, [], dir, cfPath);
      const actual = driverSession(cf, [], cfPath);
      if (actual.out !== expected.out && process.env.MAILCF_FUZZ_KEEP)
        writeFileSync(join(process.env.MAILCF_FUZZ_KEEP, `load-${i}.cf`), cf, 'latin1');
      expect(actual.out).toBe(expected.out);
      expect(actual.status).toBe(expected.status);
    });
  });
});
