// `mailcf m4`: GNU m4 1.4.19's command line on top of the M4 engine. Options are parsed as
// GNU's getopt_long does; -D, -U, -t, -s, --debugfile and file names take effect in the order
// given, interleaved, as in GNU m4.
import type { CliIO } from './io.js';
import { M4, type M4Options } from '../m4/engine.js';
import { parseDebugFlags } from '../m4/debug.js';
import { getoptLong, type LongOption } from '../m4/getopt.js';
import { helpText, tryHelpText, versionText } from '../m4/usage.js';

const PROGRAM = 'm4';

/** GNU m4's short options (getopt syntax, after the leading '-' for in-order operands). */
const SHORT_OPTIONS = 'B:D:EF:GH:I:L:N:PQR:S:T:U:d::egil:o:st:';

const LONG_OPTIONS: LongOption[] = [
  { name: 'arglength', has: 'required', code: 'l' },
  { name: 'debug', has: 'optional', code: 'd' },
  { name: 'define', has: 'required', code: 'D' },
  { name: 'error-output', has: 'required', code: 'o' },
  { name: 'fatal-warnings', has: 'none', code: 'E' },
  { name: 'freeze-state', has: 'required', code: 'F' },
  { name: 'gnu', has: 'none', code: 'g' },
  { name: 'hashsize', has: 'required', code: 'H' },
  { name: 'include', has: 'required', code: 'I' },
  { name: 'interactive', has: 'none', code: 'i' },
  { name: 'nesting-limit', has: 'required', code: 'L' },
  { name: 'prefix-builtins', has: 'none', code: 'P' },
  { name: 'quiet', has: 'none', code: 'Q' },
  { name: 'reload-state', has: 'required', code: 'R' },
  { name: 'silent', has: 'none', code: 'Q' },
  { name: 'synclines', has: 'none', code: 's' },
  { name: 'trace', has: 'required', code: 't' },
  { name: 'traditional', has: 'none', code: 'G' },
  { name: 'undefine', has: 'required', code: 'U' },
  { name: 'debugfile', has: 'optional', code: 'debugfile' },
  { name: 'diversions', has: 'required', code: 'diversions' },
  { name: 'warn-macro-sequence', has: 'optional', code: 'warn-macro-sequence' },
  { name: 'help', has: 'none', code: 'help' },
  { name: 'version', has: 'none', code: 'version' },
];

/** C's strtol(s, NULL, 10) narrowed to an int: leading junk gives 0. */
function strtolInt(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  if (m === null) return 0;
  return Number(BigInt.asIntN(32, BigInt(m[1])));
}

/** Actions GNU m4 defers until the engine exists, run in command-line order. */
type Deferred = { code: 'D' | 'U' | 't' | 's' | 'file' | 'debugfile'; arg: string | undefined };

export async function runM4Command(argv: string[], io: CliIO): Promise<number> {
  const errors = { write: (t: string) => io.stderr.write(t) };
  const say = (message: string): void => errors.write(`${PROGRAM}: ${message}\n`);
  const deferred: Deferred[] = [];
  const options: M4Options = {};
  const includePath: string[] = [];
  let traditional = false;
  let fatal = 0;
  let nestingLimit = 0;
  let debugLevel: string | undefined;
  let errorOutput: string | undefined;
  let freezeTo: string | undefined;
  let macroSequence: string | boolean | undefined;

  for (const ev of getoptLong(argv, SHORT_OPTIONS, LONG_OPTIONS, PROGRAM)) {
    if (ev.kind === 'error') {
      errors.write(ev.message);
      errors.write(tryHelpText(PROGRAM));
      return 1;
    }
    if (ev.kind === 'operand') {
      deferred.push({ code: 'file', arg: ev.arg });
      continue;
    }
    const arg = ev.arg ?? '';
    switch (ev.code) {
      case 'B':
      case 'S':
      case 'T':
        say(`warning: \`m4 -${ev.code}' may be removed in a future release`);
        break;
      case 'N':
      case 'diversions':
        say(`warning: \`m4 ${ev.code === 'N' ? '-N' : '--diversions'}' is deprecated`);
        break;
      case 'D':
      case 'U':
      case 't':
      case 's':
        deferred.push({ code: ev.code, arg: ev.arg });
        break;
      case 'debugfile':
        deferred.push({ code: 'debugfile', arg: ev.arg });
        break;
      case 'E':
        fatal = Math.min(2, fatal + 1);
        break;
      case 'F':
        freezeTo = arg;
        break;
      case 'G':
        traditional = true;
        break;
      case 'g':
        traditional = false;
        break;
      case 'H':
        options.hashSize = strtolInt(arg);
        break;
      case 'I':
        // GNU ignores -I while -G is in effect at that point of the command line.
        if (!traditional) includePath.push(arg);
        break;
      case 'L':
        nestingLimit = strtolInt(arg);
        break;
      case 'P':
        options.prefixBuiltins = true;
        break;
      case 'Q':
        options.quiet = true;
        break;
      case 'R':
        options.reloadState = arg;
        break;
      case 'd': {
        const level = parseDebugFlags(ev.arg);
        if (level < 0) {
          say(`bad debug flags: \`${arg}'`);
          debugLevel = undefined;
        } else {
          debugLevel = ev.arg ?? '';
        }
        break;
      }
      case 'e':
        say("warning: `m4 -e' is deprecated, use `-i' instead");
        options.interactive = true;
        break;
      case 'i':
        options.interactive = true;
        break;
      case 'l':
        options.traceArgLength = Math.max(0, strtolInt(arg));
        break;
      case 'o':
        errorOutput = arg;
        break;
      case 'warn-macro-sequence':
        macroSequence = ev.arg === undefined ? true : ev.arg;
        break;
      case 'version':
        io.stdout.write(versionText(io.env));
        return 0;
      case 'help':
        io.stdout.write(helpText(PROGRAM, nestingLimit));
        return 0;
    }
  }

  if (!traditional && io.env.M4PATH !== undefined) includePath.push(...io.env.M4PATH.split(':'));
  // -i: interrupts are ignored (only meaningful for the real process).
  if (options.interactive && io.descriptors !== undefined) process.on('SIGINT', () => {});
  const m4 = new M4({
    ...options,
    stdout: io.stdout,
    stderr: io.stderr,
    cwd: io.cwd,
    env: io.env,
    descriptors: io.descriptors,
    stdin: () => io.readStdin(),
    includePath,
    traditional,
    fatalWarnings: fatal,
    nestingLimit,
    debug: debugLevel,
    debugFile: errorOutput,
    warnMacroSequence: macroSequence,
    programName: PROGRAM,
  });

  let seenFile = false;
  for (const d of deferred) {
    if (m4.stopped) break;
    switch (d.code) {
      case 'D': {
        const text = d.arg ?? '';
        const eq = text.indexOf('=');
        if (eq < 0) m4.define(text);
        else m4.define(text.slice(0, eq), text.slice(eq + 1));
        break;
      }
      case 'U':
        m4.undefine(d.arg ?? '');
        break;
      case 't':
        m4.trace(d.arg ?? '');
        break;
      case 's':
        m4.setSyncLines(true);
        break;
      case 'debugfile':
        // GNU names the -o file (or "stderr") when this fails, not the file it tried.
        m4.setDebugFile(d.arg, errorOutput ?? 'stderr');
        break;
      case 'file':
        seenFile = true;
        if (d.arg === '-') m4.expandStdin();
        else m4.expandFile(d.arg ?? '');
        break;
    }
  }
  if (!seenFile) m4.expandStdin();
  return m4.finish(freezeTo);
}
