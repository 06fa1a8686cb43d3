// The command line of `mailcf test`, read the way sendmail's getopt loop reads its own: short
// options that may be bundled (-bt), option arguments attached or in the next word, "--" ends
// the options. mailcf adds a positional .cf file and its own long options (--no-color,
// --map-source, --help), read before sendmail's.
import { parseMapSourceOption } from '../rules/maps/text-source.js';
import type { TextSourceSpec } from '../rules/maps/types.js';
import { EX_USAGE } from '../sendmail/sysexits.js';

/** sendmail's option letters; a colon marks those that take an argument. */
const SENDMAIL_OPTIONS = 'A:B:b:C:cD:d:e:F:f:Gh:IiL:M:mN:nO:o:p:Q:q:R:r:sTtUV:vX:';

/** An option set on the command line (-O Name=value, or -o with a one-letter name). */
export interface OptionSetting {
  /** ' ' for the long form (-O), else the one-letter name. */
  letter: string;
  /** For -O the whole "Name=value" text; for -o the value after the letter. */
  text: string;
}

export interface TestArgs {
  /** -C or the positional file; undefined means sendmail's default. */
  cfFile?: string;
  /** -O and -o in order (and the compatibility flags that set options). */
  options: OptionSetting[];
  /** -d specifications in order. */
  debug: string[];
  /** Macros the command line defines (-h, -p, -N, -R, -V, -B), by sendmail name. */
  macros: { name: string; value: string }[];
  /** -f/-r sender, -F full name. */
  from?: string;
  fullName?: string;
  /** --no-color (mailcf's own). */
  noColor: boolean;
  /** --map-source: the makemap text source serving a file map, keyed by the K line's file. */
  textSources: Map<string, TextSourceSpec>;
  /** --help: print HELP_TEXT instead of running. */
  help: boolean;
  /** -v was given. */
  verbose: boolean;
  /** Complaints sendmail prints (and exits 64 for) but goes on in test mode: -q, -Q. */
  complaints: string[];
}

export type ParsedTestArgs = { ok: true; args: TestArgs } | { ok: false; message: string; status: number };

interface RawOption {
  letter: string;
  value: string;
}

/** getopt over sendmail's option string: options, then the remaining operands. */
function getopt(argv: readonly string[]): { opts: RawOption[]; operands: string[] } | { error: string } {
  const opts: RawOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j];
      const at = SENDMAIL_OPTIONS.indexOf(letter);
      if (letter === ':' || at < 0) return { error: `illegal option -- ${letter}` };
      if (SENDMAIL_OPTIONS[at + 1] !== ':') {
        opts.push({ letter, value: '' });
        continue;
      }
      let value = word.slice(j + 1);
      if (value === '') {
        if (i + 1 >= argv.length) return { error: `option requires an argument -- ${letter}` };
        value = argv[++i];
      }
      opts.push({ letter, value });
      break;
    }
  }
  return { opts, operands };
}

/**
 * Takes mailcf's own long options out of argv (up to "--"); the rest is for sendmail's getopt.
 * Returns a problem description for a bad --map-source.
 */
function takeOwnOptions(argv: readonly string[], args: TestArgs): string[] | string {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (word === '--no-color') args.noColor = true;
    else if (word === '--help') args.help = true;
    else if (word === '--map-source' || word.startsWith('--map-source=')) {
      const value = word === '--map-source' ? argv[++i] : word.slice('--map-source='.length);
      if (value === undefined) return "option '--map-source' requires an argument";
      const source = parseMapSourceOption(value);
      if (!source.ok) return source.message;
      args.textSources.set(source.file, source.spec);
    } else rest.push(word);
  }
  return rest;
}

/** Reads `mailcf test` arguments; usage errors come back with sendmail's exit status 64. */
export function parseTestArgs(argv: readonly string[]): ParsedTestArgs {
  const args: TestArgs = {
    options: [],
    debug: [],
    macros: [],
    noColor: false,
    textSources: new Map(),
    help: false,
    verbose: false,
    complaints: [],
  };
  const own = takeOwnOptions(argv, args);
  if (typeof own === 'string')
    return { ok: false, message: `mailcf test: ${own}\n${USAGE}`, status: EX_USAGE };
  if (args.help) return { ok: true, args };
  const parsed = getopt(own);
  if ('error' in parsed)
    return { ok: false, message: `mailcf test: ${parsed.error}\n${USAGE}`, status: EX_USAGE };
  for (const { letter, value } of parsed.opts) {
    const problem = applyOption(args, letter, value);
    if (problem) return { ok: false, message: `mailcf test: ${problem}\n`, status: EX_USAGE };
  }
  if (parsed.operands.length > 1 || (parsed.operands.length === 1 && args.cfFile !== undefined)) {
    return {
      ok: false,
      message: `mailcf test: only one configuration file may be given\n${USAGE}`,
      status: EX_USAGE,
    };
  }
  if (parsed.operands.length === 1) args.cfFile = parsed.operands[0];
  return { ok: true, args };
}

export const USAGE =
  'usage: mailcf test [-C file.cf] [-O option=value] [-d flags] [--map-source MAPFILE=SOURCE] [--no-color] [file.cf]\n';

export const HELP_TEXT = `${USAGE}
sendmail -bt's address test mode: commands are read from standard input and answered exactly
as sendmail 8.17.1.9 answers them; on a terminal it is a REPL (type "help").

  -C file.cf, file.cf      the configuration (default /etc/mail/sendmail.cf)
  -O Option=value          set an option before the .cf is read (the .cf cannot change it)
  -oXvalue                 the same with a one-letter option name
  -d flags                 debug flags (e.g. -d21.12 traces the matcher)
  -v, -h N, -p proto:host, -N, -R, -V, -f addr, -F name
                           as sendmail takes them
  --map-source "MAPFILE=SOURCE [makemap options]"
                           serve the file map whose K line names MAPFILE (hash, btree,
                           implicit aliases) from the makemap text SOURCE; the makemap
                           options it was built with (-f -N -t C -D C -r -e) tell how to read
                           it. By default a map is served from its file without ".db".
                           May be repeated.
  --no-color               no colour in the REPL (NO_COLOR in the environment does the same)
  --help                   this text
`;

/** Applies one option; returns a problem description for options test mode cannot honour. */
function applyOption(args: TestArgs, letter: string, value: string): string | null {
  switch (letter) {
    case 'b':
      return value.startsWith('t') ? null : `-b${value}: mailcf test only runs address test mode (-bt)`;
    case 'C':
      args.cfFile = value;
      return null;
    case 'd':
      args.debug.push(value);
      return null;
    case 'O':
      args.options.push({ letter: ' ', text: value });
      return null;
    case 'o':
      args.options.push({ letter: value[0] ?? '', text: value.slice(1) });
      return null;
    case 'e':
    case 'M':
      args.options.push({ letter, text: value });
      return null;
    case 'c':
    case 'i':
    case 'm':
    case 'T':
    case 'v':
      // sendmail's compatibility flags: each sets its one-letter option to "T".
      args.options.push({ letter, text: 'T' });
      if (letter === 'v') args.verbose = true;
      return null;
    case 's':
      args.options.push({ letter: 'f', text: 'T' });
      return null;
    case 'h':
      args.macros.push({ name: 'c', value: String(parseInt(value, 10) || 0) });
      return null;
    case 'p': {
      const colon = value.indexOf(':');
      const protocol = colon < 0 ? value : value.slice(0, colon);
      if (colon >= 0 && value.length > colon + 1)
        args.macros.push({ name: 's', value: value.slice(colon + 1) });
      if (protocol !== '') args.macros.push({ name: 'r', value: protocol });
      return null;
    }
    case 'N':
      args.macros.push({ name: '{dsn_notify}', value });
      return null;
    case 'R':
      args.macros.push({ name: '{dsn_ret}', value });
      return null;
    case 'V':
      args.macros.push({ name: '{dsn_envid}', value });
      return null;
    case 'f':
    case 'r':
      args.from = value === '' ? '<>' : value;
      return null;
    case 'F':
      args.fullName = value;
      return null;
    case 'q':
    case 'Q':
      args.complaints.push(`Can not use -${letter} with -bt`);
      return null;
    default:
      // -A -B -D -G -I -L -n -t -U -X: accepted, no effect on address test mode.
      return null;
  }
}
