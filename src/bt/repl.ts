// The interactive face of `mailcf test` on a terminal: the same command processor as piped
// input, with line editing, a history file, tab completion (commands, ruleset, mailer and map
// names) and colour. Nothing here runs when input is piped.
import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIO } from '../cli/io.js';
import { SendmailExit } from '../cf/errors.js';
import type { TestSession } from './session.js';
import type { TestModeRuntime } from './startup.js';

export const HISTORY_FILE = '.mailcf_history';
const HISTORY_SIZE = 1000;

/** The commands test mode knows, as completion offers them. */
export const COMMAND_WORDS = [
  '?',
  'help',
  '.D',
  '.C',
  '=S',
  '=M',
  '-d',
  '$',
  '$=',
  '/canon',
  '/expand',
  '/gethostbyname',
  '/header',
  '/map',
  '/mx',
  '/parse',
  '/quit',
  '/sender',
  '/try',
  '/tryflags',
];

export interface ReplOptions {
  noColor: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Where the history file lives (default: the home directory). */
  historyDir?: string;
}

/** Names completion can offer, from the loaded configuration. */
export interface CompletionSource {
  rulesets(): string[];
  mailers(): string[];
  maps(): string[];
}

export function completionSource(rt: TestModeRuntime): CompletionSource {
  const { config } = rt;
  return {
    rulesets: () => [
      ...config.rulesets.namedRulesets().map(([name]) => name),
      ...config.rulesets.rules.flatMap((r, i) => (r ? [String(i)] : [])),
    ],
    mailers: () => config.mailers.flatMap((m) => (m ? [m.name] : [])),
    maps: () => config.maps?.names() ?? [],
  };
}

function matching(words: readonly string[], prefix: string): string[] {
  return [...new Set(words.filter((w) => w.startsWith(prefix)))].sort();
}

/** Tab completion of the line typed so far: [candidates, the part they replace]. */
export function complete(line: string, src: CompletionSource): [string[], string] {
  const space = line.search(/[ \t]/);
  if (space < 0) {
    if (line.startsWith('=S')) return [matching(src.rulesets(), line.slice(2)).map((n) => '=S' + n), line];
    const commas = line.lastIndexOf(',');
    if (commas >= 0) {
      const part = line.slice(commas + 1);
      return [matching(src.rulesets(), part).map((n) => line.slice(0, commas + 1) + n), line];
    }
    const words = [...COMMAND_WORDS, ...src.rulesets()];
    return [matching(words, line), line];
  }
  const command = line.slice(0, space);
  const rest = line.slice(space).trimStart();
  if (rest.includes(' ')) return [[], rest];
  if (command === '/try') return [matching(src.mailers(), rest), rest];
  if (command === '/map') return [matching(src.maps(), rest), rest];
  return [[], rest];
}

/** Colours for the terminal: traces dim, results bold, messages from sendmail in colour. */
export function colorizer(chalk: ChalkInstance): (line: string) => string {
  return (line) => {
    if (/^\S.{15} +input:/.test(line) || /^\S+\s+input:/.test(line)) return chalk.dim(line);
    if (/ returns:/.test(line)) return chalk.cyan(line);
    if (/^(Undefined|Unknown|Usage:|No address!|Cannot parse)/.test(line)) return chalk.yellow(line);
    if (/^== Ruleset/.test(line) || /\.\.\. /.test(line)) return chalk.red(line);
    if (/^(mailer |Rcode =|addr=|getcanonname|getmxrr|map_lookup:)/.test(line)) return chalk.bold(line);
    return line;
  };
}

/** The REPL's own help (sendmail's is `?`). */
export const REPL_HELP = [
  'mailcf test: sendmail -bt on this configuration.',
  '  <rulesets> <address>   run an address through rulesets, e.g. 3,0 user@example.com',
  "  ?                      sendmail's list of test-mode commands",
  '  /parse <address>       how an address is parsed and delivered',
  '  /try <mailer> <addr>   the address as that mailer is given it',
  '  =S<ruleset>  =M        list a ruleset, the mailers',
  '  $<macro>  $=<class>    show a macro or a class',
  '  Tab completes commands, ruleset, mailer and map names; history is kept in ~/' + HISTORY_FILE + '.',
  '  /quit or Ctrl-D leaves.',
  '',
].join('\n');

function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/** Wraps output so whole lines can be coloured as they complete. */
function coloringWriter(write: (s: string) => void, color: (line: string) => string): (s: string) => void {
  return (s) => {
    write(
      s
        .split('\n')
        .map((part) => (part === '' ? part : color(part)))
        .join('\n'),
    );
  };
}

/** Output whose destination can change (the REPL colours what the session prints). */
export class RedirectableSink {
  constructor(public write: (text: string) => void) {}
}

export async function runRepl(
  session: TestSession,
  rt: TestModeRuntime,
  io: CliIO,
  sink: RedirectableSink,
  opts: ReplOptions,
): Promise<void> {
  const useColor = !opts.noColor && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  const chalk = new Chalk({ level: useColor ? 1 : 0 });
  const historyPath = join(opts.historyDir ?? homedir(), HISTORY_FILE);
  const src = completionSource(rt);
  const rl: Interface = createInterface({
    input: opts.input ?? process.stdin,
    output: opts.output ?? process.stdout,
    terminal: true,
    history: loadHistory(historyPath),
    historySize: HISTORY_SIZE,
    completer: (line: string) => complete(line, src),
    prompt: chalk.green('> '),
  });
  sink.write = coloringWriter((s) => io.stdout.write(s), colorizer(chalk));
  session.banner();
  await new Promise<void>((resolve, reject) => {
    rl.on('line', (line) => {
      if (line.trim() !== '') {
        try {
          appendFileSync(historyPath, line + '\n');
        } catch {
          // a history file that cannot be written is no reason to stop
        }
      }
      try {
        if (line.trim() === 'help') io.stdout.write(REPL_HELP);
        else if (!session.command(line)) {
          rl.close();
          return;
        }
      } catch (err) {
        // sendmail giving up ends the session with its status; anything else is our bug, and
        // one bad command should not end an interactive session
        if (err instanceof SendmailExit) {
          rl.close();
          reject(err);
          return;
        }
        io.stderr.write(`mailcf test: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      }
      rl.prompt();
    });
    rl.on('SIGINT', () => {
      io.stdout.write('\n');
      rl.prompt();
    });
    rl.on('close', () => resolve());
    rl.prompt();
  });
}
