// Differential test: every hand-written .cf fixture in test/fixtures/cf with a .probes file is
// loaded and run through the real `sendmail -bt` and through our loader and rewriter; the
// transcripts (load messages, traces, messages) and exit statuses must be identical. The
// loader-errors fixture is also loaded from long paths: every message names the file,
// shortened by sendmail from 83 bytes on.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../src/oracle/oracles.js';
import { shortenString } from '../../src/sendmail/strings.js';
import { driverSession, sendmailSession } from './support/oracle-session.js';
import { probeLines } from './support/probes.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cf');

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.probes'))
  .map((f) => f.slice(0, -'.probes'.length))
  .sort();

/** Path lengths around the 83 bytes from which sendmail shortens a file name. */
const PATH_LENGTHS = [82, 83, 84, 150];

/** A path of exactly `length` bytes for a .cf file below dir (in a directory of its own). */
function cfPathOfLength(dir: string, length: number): string {
  const sub = join(dir, `len${length}`);
  mkdirSync(sub, { mode: 0o700 });
  return join(sub, `${'c'.repeat(length - sub.length - 1 - 3)}.cf`);
}

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
  for (const length of PATH_LENGTHS) {
    it(`loader-errors from a path of ${length} bytes`, () => {
      const cf = readFileSync(join(FIXTURES, 'loader-errors.cf'), 'latin1');
      const probes = probeLines(readFileSync(join(FIXTURES, 'loader-errors.probes'), 'latin1'));
      const cfPath = cfPathOfLength(dir, length);
      expect(cfPath.length).toBe(length);
      const expected = sendmailSession(cf, probes, dir, cfPath);
      const actual = driverSession(cf, probes, cfPath);
      // sendmail names the file (cut from 83 bytes on) before each of the fixture's many messages
      const shown = `${shortenString(cfPath, 83)}: line `;
      expect(shown.includes('...')).toBe(length >= 83);
      expect(expected.out.split(shown).length - 1).toBeGreaterThan(10);
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
