// Differential test: while the .cf is read, every message starts "FILE: line N: " with the
// file name as given, shortened by sendmail's shortenstring to 83 bytes (names of 83 bytes or
// more keep their first and last 40 around "..."). The loader-errors fixture, loaded from
// paths just below, at and above that length, against sendmail -bt.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../src/oracle/oracles.js';
import { filePositionPrefix, shortenString } from '../../src/sendmail/strings.js';
import { driverSession, sendmailSession } from './support/oracle-session.js';
import { probeLines } from './support/probes.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cf');
const LENGTHS = [82, 83, 84, 150];

/** A path of exactly `length` bytes for a .cf file below dir (a directory of its own). */
function cfPathOfLength(dir: string, length: number): string {
  const sub = join(dir, `len${length}`);
  mkdirSync(sub, { mode: 0o700 });
  const name = `${'c'.repeat(length - sub.length - 1 - 3)}.cf`;
  return join(sub, name);
}

describe('the position prefix', () => {
  it('shortens names of 83 bytes or more around "..."', () => {
    expect(filePositionPrefix('x'.repeat(82), 7)).toBe(`${'x'.repeat(82)}: line 7: `);
    const long = `${'a'.repeat(40)}${'m'.repeat(3)}${'z'.repeat(40)}`;
    expect(filePositionPrefix(long, 1)).toBe(`${'a'.repeat(40)}...${'z'.repeat(40)}: line 1: `);
  });
});

describe.skipIf(!hasSendmailOracle())('long .cf file names against sendmail -bt', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-names') : '';
  afterAll(() => removeWorkDir(dir));
  const cf = readFileSync(join(FIXTURES, 'loader-errors.cf'), 'latin1');
  const probes = probeLines(readFileSync(join(FIXTURES, 'loader-errors.probes'), 'latin1'));
  for (const length of LENGTHS) {
    it(`a path of ${length} bytes`, () => {
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

describe.skipIf(hasSendmailOracle())('long .cf file names (oracle missing)', () => {
  it('is skipped', () => {
    console.warn(missingOracleNotice('sendmail 8.17'));
  });
});
