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

describe.skipIf(!hasSendmailOracle())('-d21.x and -d22.x traces against sendmail -bt', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-core-debug') : '';
  afterAll(() => removeWorkDir(dir));
  const cases: [string, number, number][] = [];
  for (const name of ['matcher', 'rewriter', 'maps'])
    for (const level of [2, 3, 4, 10, 12, 15, 19, 36]) cases.push([name, 21, level]);
  for (const name of ['prescan-v10', 'prescan-v8', 'rewriter'])
    for (const level of [1, 11, 12, 36, 101]) cases.push([name, 22, level]);
  for (const [name, category, level] of cases) {
    it(`${name} with -d${category}.${level}`, () => {
      const cf = readFileSync(join(FIXTURES, `${name}.cf`), 'latin1');
      const probes = probeLines(readFileSync(join(FIXTURES, `${name}.probes`), 'latin1'));
      const cfPath = join(dir, `${name}.cf`);
      const expected = sendmailSession(cf, probes, dir, cfPath, [`-d${category}.${level}`]);
      const actual = driverSession(cf, probes, cfPath, { debug: { [category]: level } });
      expect(mask(actual.out)).toBe(mask(expected.out));
    });
  }
});
