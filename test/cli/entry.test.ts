// bin/mailcf.js and the m4 bundle it loads through V8's code cache (bin/load-bundle.js): the
// cache only ever saves time, so a missing or broken one changes nothing but the speed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'm4.cjs');
const built = existsSync(BUNDLE);

interface M4Bundle {
  memoryIO(stdin: string): { out(): string; err(): string };
  runM4Command(argv: string[], io: unknown): Promise<number>;
}
const { loadBundle } = createRequire(import.meta.url)('../../bin/load-bundle.js') as {
  loadBundle(file: string): M4Bundle;
};

const PROGRAM = "define(`greet', `hello, $1')greet(`world')\n";

async function expand(bundle: M4Bundle): Promise<string> {
  const io = bundle.memoryIO(PROGRAM);
  expect(await bundle.runM4Command(['-'], io)).toBe(0);
  return io.out();
}

describe.skipIf(!built)('the m4 bundle and its code cache', () => {
  const work = mkdtempSync(join(tmpdir(), 'mailcf-bundle-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is accepted by the Node.js that built it', () => {
    // The same wrapper as bin/load-bundle.js: a rejected cache would silently cost the speed.
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`;
    const script = new Script(source, { filename: BUNDLE, cachedData: readFileSync(`${BUNDLE}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('runs without a cache, and with a broken one', async () => {
    const copy = join(work, 'm4.cjs');
    copyFileSync(BUNDLE, copy);
    expect(await expand(loadBundle(copy))).toBe('hello, world\n');
    writeFileSync(`${copy}.cache`, 'not a code cache');
    expect(await expand(loadBundle(copy))).toBe('hello, world\n');
  });
});

describe.skipIf(!built)('bin/mailcf.js', () => {
  it('runs m4 from the cached bundle and the other commands from the module bundle', () => {
    const cli = join(ROOT, 'bin', 'mailcf.js');
    expect(execFileSync(process.execPath, [cli, 'm4', '-'], { input: PROGRAM, encoding: 'latin1' })).toBe(
      'hello, world\n',
    );
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'latin1' })).toMatch(
      /^\d+\.\d+\.\d+\n$/,
    );
  });

  it('passes on the exit status and the messages of m4', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mailcf.js'), 'm4', 'no-such-file.m4'], {
      cwd: ROOT,
      encoding: 'latin1',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("m4: cannot open `no-such-file.m4': No such file or directory\n");
  });
});
