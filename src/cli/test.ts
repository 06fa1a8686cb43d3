// `mailcf test`: sendmail -bt's address test mode.
import type { CliIO } from './io.js';

export async function runTestCommand(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('mailcf test: not implemented yet\n');
  return 1;
}
