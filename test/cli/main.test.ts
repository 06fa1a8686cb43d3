import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIO } from '../../src/cli/io.js';

describe('mailcf command line', () => {
  it('prints its version', async () => {
    const io = memoryIO();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('lists the subcommands in --help', async () => {
    const io = memoryIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('m4 [args...]');
    expect(io.out()).toContain('test [args...]');
  });

  it('rejects an unknown command with a non-zero status', async () => {
    const io = memoryIO();
    expect(await main(['bogus'], io)).not.toBe(0);
    expect(io.err()).toContain("unknown command 'bogus'");
  });
});
