// `mailcf test`: sendmail -bt's address test mode (see src/bt/).
import { readFileSync } from 'node:fs';
import type { CliIO } from './io.js';
import { systemTextBytes } from '../sendmail/byte-paths.js';

/**
 * The arguments as the bytes sendmail would see. Node decodes the command line as UTF-8 (so
 * other 8-bit bytes are lost): for the process's own arguments the exact bytes come from
 * /proc/self/cmdline; otherwise each string is taken as UTF-8 text.
 */
function argumentBytes(argv: string[], io: CliIO): string[] {
  if (io.descriptors && argv.length > 0) {
    try {
      const all = readFileSync('/proc/self/cmdline').toString('latin1').split('\0');
      all.pop();
      const own = all.slice(-argv.length);
      const same =
        own.length === argv.length &&
        own.every((a, i) => Buffer.from(a, 'latin1').toString('utf8') === argv[i]);
      if (same) return own;
    } catch {
      // no /proc: the decoded strings are the best we have
    }
  }
  return argv.map(systemTextBytes);
}

export async function runTestCommand(argv: string[], io: CliIO): Promise<number> {
  const { runTest } = await import('../bt/run.js');
  return runTest(argumentBytes(argv, io), io);
}
