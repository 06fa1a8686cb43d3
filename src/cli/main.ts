// The `mailcf` command line. Subcommands that emulate another tool (`m4`, `test`) parse their own
// arguments exactly as that tool does, so they are dispatched before commander sees them.
import type { Command } from 'commander';
import { createRequire } from 'node:module';
import { processIO, type CliIO } from './io.js';
import { commands } from './commands.js';

// Loaded only when commander parses the command line: `mailcf m4` and `mailcf test` start
// without it (and without reading package.json).
const require = createRequire(import.meta.url);

export function buildProgram(): Command {
  const { Command } = require('commander') as typeof import('commander');
  const { version } = require('../../package.json') as { version: string };
  const program = new Command('mailcf')
    .description('A toolchain for sendmail configuration: m4, the .mc macro library, and sendmail -bt')
    .version(version, '-V, --version');
  for (const cmd of commands) {
    program
      .command(cmd.name)
      .usage(cmd.usage)
      .argument('[args...]')
      .description(cmd.summary)
      .helpOption(false)
      .allowUnknownOption();
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const sub = commands.find((c) => c.name === argv[0]);
  if (sub) return sub.run(argv.slice(1), io);
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    if (typeof code === 'number') return code;
    throw err;
  }
}
