// File names are bytes: a .cf naming files with 8-bit bytes (latin1 é, UTF-8 é) and a -C path
// given as UTF-8 text must reach the system byte for byte, as they reach it from sendmail.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runTestCommand } from '../../src/cli/test.js';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
  writeSandboxFiles,
} from '../../src/oracle/oracles.js';
import { hasBuiltCli, runBothTools } from './support/bt-diff.js';

const dir = privateWorkDir('bt-byte-paths');
afterAll(() => removeWorkDir(dir));

/** A path below the work directory, as bytes (a latin1 string). */
const at = (name: string): string => Buffer.from(dir, 'utf8').toString('latin1') + '/' + name;
const write = (latin1Name: string, text: string): void =>
  writeFileSync(Buffer.from(at(latin1Name), 'latin1'), text, 'latin1');

const sub = 'sub-\xc3\xa9';
mkdirSync(Buffer.from(at(sub), 'latin1'), { mode: 0o700 });
write('cls-\xe9', 'one\ntwo\n');
write('cls-\xc3\xa9', 'utf\n');
write(`${sub}/help`, '-bt\tnothing but bytes\n');
const CF = [
  'V10/Berkeley',
  'Mlocal, P=/bin/true, F=l, A=x',
  `O HelpFile=${at(`${sub}/help`)}`,
  `FX ${at('cls-\xe9')}`,
  `FY ${at('cls-\xc3\xa9')}`,
  `FZ ${at('missing-\xe9')}`,
  '',
].join('\n');
// the .cf itself is named in UTF-8 and given to -C as text
const CF_NAME = 'caf\xc3\xa9.cf';
write(CF_NAME, CF);
const cfArgument = Buffer.from(at(CF_NAME), 'latin1').toString('utf8');
const INPUT = '$=X\n$=Y\n?\n';

describe('8-bit file names', () => {
  it('reads the files the .cf names and the .cf -C names, byte for byte', async () => {
    const io = memoryIO(INPUT);
    const { switchFile } = writeSandboxFiles(dir);
    await runTestCommand(['-O', `ServiceSwitchFile=${switchFile}`, '-C', cfArgument], io);
    const out = io.out();
    expect(out).toContain(`${at(CF_NAME)}: line 6: fileclass: cannot open '${at('missing-i')}'`);
    expect(out).toContain('> one\ntwo\n> utf\n> nothing but bytes\n');
  });
});

if (!hasSendmailOracle()) {
  describe('8-bit file names against sendmail', () =>
    it.skip(missingOracleNotice('sendmail 8.17'), () => {}));
} else {
  describe('8-bit file names against sendmail', () => {
    it('gives the same transcript', () => {
      expect(hasBuiltCli()).toBe(true);
      const { oracle, ours } = runBothTools(dir, cfArgument, INPUT);
      expect(oracle.stdout).toContain('> one\ntwo\n');
      expect(ours.stdout).toBe(oracle.stdout);
      expect(ours.stderr).toBe(oracle.stderr);
      expect(ours.status).toBe(oracle.status);
    });
  });
}
