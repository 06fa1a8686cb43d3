// The table of subcommands. Each one parses its own arguments and returns an exit status.
import type { CliIO } from './io.js';

export interface Subcommand {
  name: string;
  /** Usage as shown by `mailcf --help`. */
  usage: string;
  summary: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export const commands: Subcommand[] = [
  {
    name: 'm4',
    usage: '[options] [file...]',
    summary: 'expand files exactly as GNU m4 1.4.19 does (same options, output and messages)',
    run: async (argv, io) => (await import('./m4.js')).runM4Command(argv, io),
  },
  {
    name: 'test',
    usage: '[-C file.cf] [-O option=value] [-d flags] [--map-source MAPFILE=SOURCE] [--no-color] [file.cf]',
    summary: 'address test mode: run rulesets on addresses exactly as sendmail -bt does',
    run: async (argv, io) => (await import('./test.js')).runTestCommand(argv, io),
  },
];
