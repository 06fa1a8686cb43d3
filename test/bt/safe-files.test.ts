// Files sendmail reads are checked first (safefile): class files (F lines) and map files must
// be regular files, below no group- or world-writable directory, readable as sendmail counts
// it; DontBlameSendmail relaxes some checks. The layout is built in a private directory and
// the same .cf is run by sendmail and by mailcf test.
import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const asRoot = process.getuid?.() === 0;
const dir = privateWorkDir('bt-safe-files');
afterAll(() => removeWorkDir(dir));

function layout(): string {
  const groupWritable = join(dir, 'gw');
  const plain = join(dir, 'ok');
  mkdirSync(groupWritable, { mode: 0o775 });
  chmodSync(groupWritable, 0o775);
  mkdirSync(plain, { mode: 0o755 });
  for (const d of [groupWritable, plain]) writeFileSync(join(d, 'words'), 'alpha beta\n');
  symlinkSync(join(plain, 'words'), join(plain, 'link'));
  symlinkSync(join(plain, 'words'), join(groupWritable, 'link'));
  writeFileSync(join(plain, 'unreadable'), 'x\n', { mode: 0o000 });
  chmodSync(join(plain, 'unreadable'), 0o000);
  writeFileSync(join(plain, 'others'), 'y\n', { mode: 0o600 });
  if (asRoot) chownSync(join(plain, 'others'), 1, 1);
  writeFileSync(join(plain, 'map'), 'key value\n');
  writeFileSync(join(groupWritable, 'map'), 'key value\n');
  const cf = [
    'V10/Berkeley',
    'Mlocal, P=/bin/true, F=l, A=x',
    `FA ${groupWritable}/words`,
    `FB ${plain}/link`,
    `FC ${groupWritable}/link`,
    'FD /dev/null',
    `FE ${plain}`,
    `FF ${plain}/unreadable`,
    `FG ${plain}/others`,
    `FH -o ${groupWritable}/words`,
    `Kgood text ${plain}/map`,
    `Kbad text ${groupWritable}/map`,
    'O DontBlameSendmail=ClassFileInUnsafeDirPath',
    `FI ${groupWritable}/words`,
    `FJ ${groupWritable}/link`,
    'O DontBlameSendmail=ClassFileInUnsafeDirPath,LinkedClassFileInWritableDir',
    `FK ${groupWritable}/link`,
    '',
  ].join('\n');
  const path = join(dir, 'safe.cf');
  writeFileSync(path, cf);
  return path;
}

const CF = layout();
const INPUT = '$=A\n$=B\n$=C\n$=G\n$=I\n$=J\n$=K\n/map good key\n/map bad key\n';

describe('safefile checks', () => {
  it('refuses class files as sendmail does, in process', async () => {
    const io = memoryIO(INPUT);
    const { switchFile } = writeSandboxFiles(dir);
    await runTestCommand(['-O', `ServiceSwitchFile=${switchFile}`, '-C', CF], io);
    const out = io.out();
    expect(out).toContain(`line 3: fileclass: cannot open '${dir}/gw/words': Group writable directory\n`);
    expect(out).toContain("line 6: fileclass: cannot open '/dev/null': Regular files only\n");
    expect(out).toContain(`line 7: fileclass: cannot open '${dir}/ok': Regular files only\n`);
    expect(out).toContain(`line 15: fileclass: cannot open '${dir}/gw/link': Symbolic links not allowed\n`);
    expect(out).not.toContain('line 10:');
  });
});

if (!hasSendmailOracle()) {
  describe('safefile checks against sendmail', () => it.skip(missingOracleNotice('sendmail 8.17'), () => {}));
} else {
  describe('safefile checks against sendmail', () => {
    it('gives the same transcript', () => {
      expect(hasBuiltCli()).toBe(true);
      const { oracle, ours } = runBothTools(dir, CF, INPUT);
      expect(ours.stdout).toBe(oracle.stdout);
      expect(ours.stderr).toBe(oracle.stderr);
      expect(ours.status).toBe(oracle.status);
    });
  });
}
