// sendmail's prog_open: how it runs a program whose output it reads (F|program classes and
// program maps). The child closes its standard input, keeps sendmail's standard error, runs as
// the DefaultUser (when sendmail is root), in the first directory of the prog mailer's D=
// list it can enter (else /tmp), with only AGENT=sendmail in its environment, and is started
// with execve — no PATH search, so a bare name is a file in that directory.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { byteArgument, bytePath } from './byte-paths.js';

export interface ProgOpenOptions {
  /** DefaultUser's uid and gid: the program runs as them when we are root. */
  uid: number;
  gid: number;
  /**
   * The prog mailer's D= directories, macros expanded (empty before the .cf is read, when
   * sendmail has no prog mailer yet).
   */
  directories?: readonly string[];
  /** Whether the program's standard error is captured (else it is ours). */
  captureStderr?: boolean;
}

export interface ProgOpenResult {
  stdout: string;
  stderr: string;
  /** Exit status when it exited; null when killed by a signal. */
  exitStatus: number | null;
  signal: number | null;
  /** errno name when execve failed in the child (which then exits 78, or 71 if transient). */
  execError: string | null;
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGABRT: 6,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGTERM: 15,
};

/** sendmail's transienterror() for the errors execve can give. */
const TRANSIENT = new Set(['EAGAIN', 'ENOMEM', 'EINTR', 'ETXTBSY', 'ENFILE', 'EMFILE']);

/** Can this user enter the directory (search permission through owner, group or others)? */
function enterable(dir: string, uid: number, gid: number, asRoot: boolean): boolean {
  try {
    const st = statSync(bytePath(dir));
    if (!st.isDirectory()) return false;
    if (!asRoot) return true;
    const bits = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    return (st.mode & bits) !== 0;
  } catch {
    return false;
  }
}

/** The directory the child ends up in. */
function workingDirectory(options: ProgOpenOptions, asRoot: boolean): string {
  for (const dir of options.directories ?? [])
    if (dir !== '' && enterable(dir, options.uid, options.gid, asRoot)) return dir;
  return enterable('/tmp', options.uid, options.gid, asRoot) ? '/tmp' : '/';
}

export function progOpen(argv: readonly string[], options: ProgOpenOptions): ProgOpenResult {
  const asRoot = process.getuid?.() === 0;
  const cwd = workingDirectory(options, asRoot);
  const name = argv[0] ?? '';
  // execve takes the name as a path: without a slash it is relative to the directory
  const file = name.includes('/') ? name : `./${name}`;
  let r: ReturnType<typeof spawnSync>;
  try {
    r = spawnSync(byteArgument(file), argv.slice(1).map(byteArgument), {
      argv0: byteArgument(name),
      cwd: byteArgument(cwd),
      env: { AGENT: 'sendmail' },
      stdio: ['ignore', 'pipe', options.captureStderr ? 'pipe' : 'inherit'],
      timeout: 60_000,
      ...(asRoot ? { uid: options.uid, gid: options.gid } : {}),
    });
  } catch {
    // Node refuses some names outright (an empty one): execve fails the same way
    return { stdout: '', stderr: '', exitStatus: 78, signal: null, execError: 'ENOENT' };
  }
  const stdout = r.stdout ? (r.stdout as Buffer).toString('latin1') : '';
  const stderr = r.stderr ? (r.stderr as Buffer).toString('latin1') : '';
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ETIMEDOUT') return { stdout, stderr, exitStatus: null, signal: 9, execError: null };
    return { stdout: '', stderr, exitStatus: TRANSIENT.has(code) ? 71 : 78, signal: null, execError: code };
  }
  if (r.signal) return { stdout, stderr, exitStatus: null, signal: SIGNALS[r.signal] ?? 0, execError: null };
  return { stdout, stderr, exitStatus: r.status ?? 0, signal: null, execError: null };
}
