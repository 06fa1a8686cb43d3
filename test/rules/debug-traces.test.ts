// The rule-trace debug levels (-d21.x) against sendmail: every fixture under a range of levels,
// compared line for line. -d21.15 prints token addresses, which differ between any two runs, so
// they are masked on both sides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasSendmailOracle, privateWorkDir, removeWorkDir } from '../../src/oracle/oracles.js';
import { driverSession, sendmailSession } from './support/oracle-session.js';
import { probeLines } from './support/probes.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cf');
const mask = (s: string): string => s.replace(/0x[0-9a-f]{12}=/g, '0xADDR=');

describe.skipIf(!hasSendmailOracle())('-d21.x traces against sendmail -bt', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-core-debug') : '';
  afterAll(() => removeWorkDir(dir));
  for (const name of ['matcher', 'rewriter', 'maps']) {
    for (const level of [2, 3, 4, 10, 12, 15, 19, 36]) {
      it(`${name} with -d21.${level}`, () => {
        const cf = readFileSync(join(FIXTURES, `${name}.cf`), 'latin1');
        const probes = probeLines(readFileSync(join(FIXTURES, `${name}.probes`), 'latin1'));
        const cfPath = join(dir, `${name}.cf`);
        const expected = sendmailSession(cf, probes, dir, cfPath, [`-d21.${level}`]);
        const actual = driverSession(cf, probes, cfPath, { debug: { 21: level } });
        expect(mask(actual.out)).toBe(mask(expected.out));
      });
    }
  }
});
