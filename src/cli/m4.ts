// `mailcf m4`: GNU m4 1.4.19's command line.
import type { CliIO } from './io.js';

export async function runM4Command(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('mailcf m4: not implemented yet\n');
  return 1;
}
