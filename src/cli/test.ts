// `mailcf test`: sendmail -bt's address test mode (see src/bt/).
import type { CliIO } from './io.js';

export async function runTestCommand(argv: string[], io: CliIO): Promise<number> {
  const { runTest } = await import('../bt/run.js');
  return runTest(argv, io);
}
