// Differential test: every hand-written .cf fixture in test/fixtures/cf with a .probes file is
// loaded and run through the real `sendmail -bt` and through our loader and rewriter; the
// transcripts (load messages, traces, messages) and exit statuses must be identical.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../src/oracle/oracles.js';
import { driverSession, sendmailSession } from './support/oracle-session.js';
import { probeLines } from './support/probes.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cf');

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.probes'))
  .map((f) => f.slice(0, -'.probes'.length))
  .sort();

describe.skipIf(!hasSendmailOracle())('fixtures against sendmail -bt', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-core') : '';
  afterAll(() => removeWorkDir(dir));
  for (const name of fixtures) {
    it(name, () => {
      const cf = readFileSync(join(FIXTURES, `${name}.cf`), 'latin1');
      const probes = probeLines(readFileSync(join(FIXTURES, `${name}.probes`), 'latin1'));
      const cfPath = join(dir, `${name}.cf`);
      const expected = sendmailSession(cf, probes, dir, cfPath);
      const actual = driverSession(cf, probes, cfPath);
      expect(actual.out).toBe(expected.out);
      expect(actual.status).toBe(expected.status);
    });
  }
});

describe.skipIf(hasSendmailOracle())('fixtures (oracle missing)', () => {
  it('is skipped', () => {
    console.warn(missingOracleNotice('sendmail 8.17'));
  });
});
