// `mailcf test`: start-up, then the session — the exact transcript for piped input, the REPL on
// a terminal — and sendmail's exit status at the end (a temporary failure counts as success).
import { fstatSync, readFileSync } from 'node:fs';
import { loadavg, userInfo } from 'node:os';
import type { ByteSink, CliIO } from '../cli/io.js';
import { nodeCfEnvironment } from '../cf/environment.js';
import { SendmailExit } from '../cf/errors.js';
import { fullName, parsePasswd } from '../rules/maps/class-user.js';
import { HELP_TEXT, parseTestArgs } from './args.js';
import type { SenderAccount, SenderContext } from './address/sender.js';
import { nodeHostSystem } from './host/system.js';
import { RedirectableSink, runRepl } from './repl.js';
import { TestSession, runPipedSession } from './session.js';
import { startTestMode, type StartupSystem, type TestModeRuntime } from './startup.js';
import { TestEnv } from './test-env.js';
import { EX_TEMPFAIL } from '../sendmail/sysexits.js';
import { bytePath } from '../sendmail/byte-paths.js';

/** sendmail's finis: a temporary failure is not reported as a failure. */
export function finalStatus(status: number): number {
  return status === EX_TEMPFAIL ? 0 : status;
}

function realUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return `Unknown UID ${process.getuid?.() ?? -1}`;
  }
}

function stdinIsSocket(): boolean {
  try {
    return fstatSync(0).isSocket();
  } catch {
    return false;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(bytePath(path)).toString('latin1');
  } catch {
    return null;
  }
}

export function nodeStartupSystem(): StartupSystem {
  return {
    host: nodeHostSystem(),
    cf: nodeCfEnvironment(),
    now: () => new Date(),
    pid: process.pid,
    realUserName: realUserName(),
    isRoot: process.getuid?.() === 0,
    stdinIsSocket: stdinIsSocket(),
    loadAverage: () => Math.trunc(loadavg()[0] + 0.5),
  };
}

/** The password file as setsender reads it (getpwnam). */
function passwdSender(userName: string): SenderContext {
  let entries: ReturnType<typeof parsePasswd> | null = null;
  return {
    realUserName: userName,
    lookUpUser(name): SenderAccount | null {
      entries ??= parsePasswd(readText('/etc/passwd') ?? '');
      const e = entries.find((x) => x.name === name);
      if (!e) return null;
      return {
        name: e.name,
        uid: Number(e.uid),
        gid: Number(e.gid),
        home: e.dir,
        fullName: fullName(e.gecos, e.name),
      };
    },
  };
}

export function createTestEnv(rt: TestModeRuntime, out: ByteSink, system: StartupSystem): TestEnv {
  return new TestEnv(rt, out, {
    sender: passwdSender(system.realUserName),
    readFile: readText,
  });
}

export async function runTest(
  argv: string[],
  io: CliIO,
  system: StartupSystem = nodeStartupSystem(),
): Promise<number> {
  const parsed = parseTestArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(parsed.message);
    return parsed.status;
  }
  const { args } = parsed;
  if (args.help) {
    io.stdout.write(HELP_TEXT);
    return 0;
  }
  let rt: TestModeRuntime | null = null;
  // everything sendmail prints goes through one sink, which the REPL may colour
  const sink = new RedirectableSink((text) => io.stdout.write(text));
  const out: ByteSink = { write: (text) => sink.write(text) };
  try {
    rt = startTestMode(args, out, system, io.stderr);
    const env = createTestEnv(rt, out, system);
    const verbosity = io.isTTY ? 2 : rt.verbosity;
    const session = new TestSession(env, out, verbosity);
    if (io.isTTY) await runRepl(session, rt, io, sink, { noColor: args.noColor });
    else runPipedSession(io.readStdin(), session);
  } catch (err) {
    if (err instanceof SendmailExit) return finalStatus(err.status);
    throw err;
  }
  return finalStatus(rt.config.errors.exitStatus);
}
