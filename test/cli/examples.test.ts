// The README's examples run as written: the hello example through the CLI, and the API tour
// (examples/api.mjs) against the built package, with the output the README promises.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(...args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'latin1', env: { ...process.env } });
}

describe('examples', () => {
  it('expands examples/hello.m4 with the CLI', () => {
    expect(run('bin/mailcf.js', 'm4', 'examples/hello.m4')).toMatch(/\S/);
  });

  it('runs the API tour in examples/api.mjs', () => {
    expect(run('examples/api.mjs').split('\n')).toEqual([
      'hello, WORLD',
      'stdin:2: divide by zero in eval: 1/0',
      'canonify is ruleset 3',
      'mailers: prog, *file*, *include*, local',
      '0 "hello\\nworld\\n"',
      '',
    ]);
  });
});
