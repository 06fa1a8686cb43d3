// Deep nesting without JavaScript recursion, long argument lists, and the limits: -L with
// GNU's message, and unbounded nesting ending as GNU's stack overflow does.
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runM4Command } from '../../src/cli/m4.js';
import { M4 } from '../../src/m4/engine.js';

function run(text: string, options: ConstructorParameters<typeof M4>[0] = {}): M4 {
  const m4 = new M4(options);
  m4.expand(text);
  m4.finish();
  return m4;
}

describe('nesting', () => {
  it('runs 100,000 textually nested calls', () => {
    const n = 100_000;
    const m4 = run("define(`f', `$1')" + 'f('.repeat(n) + 'x' + ')'.repeat(n) + '\n');
    expect(m4.output()).toBe('x\n');
    expect(m4.exitStatus).toBe(0);
  });

  // Quadratic by nature (each step requotes and rescans every argument), as in GNU m4:
  // seconds of work, so a busy machine gets time to spare.
  it('recurses with shift($@) over 10,000 arguments', { timeout: 300_000 }, () => {
    const args = Array.from({ length: 10_000 }, (_, i) => String(i)).join(',');
    const m4 = run("define(`last', `ifelse($#, 1, `$1', `last(shift($@))')')last(" + args + ')\n');
    expect(m4.output()).toBe('9999\n');
  });

  it('runs 100,000 tail-recursive steps in constant depth', () => {
    const m4 = run("define(`count', `ifelse($1, 0, `done', `count(decr($1))')')count(100000)\n", {
      nestingLimit: 10,
    });
    expect(m4.output()).toBe('done\n');
  });

  it('runs a chain of 200,000 indir calls', () => {
    const m4 = run('indir(' + 'indir,'.repeat(200_000) + 'len,abc)\n');
    expect(m4.output()).toBe('3\n');
  });

  it('stops at -L with GNU message and status 1', async () => {
    const io = memoryIO("define(`f', `$1')f(f(f(x)))\n");
    expect(await runM4Command(['-L', '2'], io)).toBe(1);
    expect(io.err()).toBe('m4:stdin:1: recursion limit of 2 exceeded, use -L<N> to change it\n');
  });

  it('ends unbounded nesting as GNU does: "stack overflow", buffered output lost', async () => {
    const io = memoryIO("before\ndefine(`r', `len(r(x))')r(x)\n");
    expect(await runM4Command([], io)).toBe(1);
    expect(io.err()).toBe('m4: stack overflow\n');
    expect(io.out()).toBe('');
  });
});
