// Shared machinery for the m4 differential tests: the corpus conventions (see docs/m4-testing.md),
// a private working directory per run, and running one program through GNU m4 and through mailcf
// so that the two outcomes can be compared byte for byte.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIO } from '../../src/cli/io.js';
import { runM4Command } from '../../src/cli/m4.js';
import { M4_ORACLE } from '../../src/oracle/oracles.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROGRAMS_ROOT = join(REPO_ROOT, 'test', 'm4', 'programs');

/** The placeholder in a `.args` line that stands for the program's file name. */
export const PROGRAM_PLACEHOLDER = '{}';

/**
 * Every run sees the same small environment, so nothing from the developer's shell (M4PATH,
 * POSIXLY_CORRECT, a locale) leaks into one tool and not the other.
 */
export const BASE_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LC_ALL: 'C',
};

/** One corpus program with its sidecars resolved. */
export interface M4Program {
  /** Path below the corpus root without `.m4`, e.g. `eval/radix-36`: the test's name. */
  id: string;
  /** The program's file name inside the working directory, e.g. `radix-36.m4`. */
  fileName: string;
  text: string;
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  /** Files copied into the working directory before each run (the area's `fixtures/`). */
  fixturesDir?: string;
  /**
   * `NAME.memlimit`: GNU m4's virtual memory in kilobytes (`ulimit -v`), for programs that make
   * it run out of memory (mailcf stops at its own limit on the length of an expansion).
   */
  memoryLimitKb?: number;
}

/** What one run produced: both streams, the exit status and every file left in the directory. */
export interface M4Outcome {
  stdout: string;
  stderr: string;
  status: number;
  files: Record<string, string>;
}

const latin1 = (path: string): string => readFileSync(path).toString('latin1');

/**
 * A spawn error that is not a failure of the run: EPIPE only means the tool exited without
 * reading all of its standard input, which is the tool's business (its output and status stand).
 */
function throwSpawnError(error: Error | undefined): void {
  if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
}

/** The ids of all corpus programs below `root`, sorted so test order is stable. */
export function listPrograms(root = PROGRAMS_ROOT): string[] {
  const ids: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures') walk(path);
      } else if (entry.name.endsWith('.m4')) {
        ids.push(relative(root, path).split(sep).join('/').slice(0, -'.m4'.length));
      }
    }
  };
  walk(root);
  return ids.sort();
}

/** Splits a sidecar into its lines; a final newline does not start another line. */
function sidecarLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Reads `NAME.env`: one `KEY=VALUE` a line. */
function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of sidecarLines(text)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`bad .env line (want KEY=VALUE): ${line}`);
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

/** Loads a program and its sidecars (`.args`, `.stdin`, `.env`) and its area's fixtures. */
export function loadProgram(id: string, root = PROGRAMS_ROOT): M4Program {
  const base = join(root, ...id.split('/'));
  const fileName = base.slice(base.lastIndexOf(sep) + 1) + '.m4';
  const text = latin1(base + '.m4');
  const sidecar = (ext: string): string | undefined =>
    existsSync(base + ext) ? latin1(base + ext) : undefined;
  const argsText = sidecar('.args');
  const rawArgs = argsText === undefined ? [PROGRAM_PLACEHOLDER] : sidecarLines(argsText);
  const namesProgram = rawArgs.some((a) => a.includes(PROGRAM_PLACEHOLDER));
  const argv = rawArgs.map((a) => a.split(PROGRAM_PLACEHOLDER).join(fileName));
  // A program the command line does not name is read from standard input instead.
  const stdin = sidecar('.stdin') ?? (namesProgram ? '' : text);
  const envText = sidecar('.env');
  const memlimit = sidecar('.memlimit');
  const fixturesDir = join(dirname(base), 'fixtures');
  return {
    id,
    fileName,
    text,
    argv,
    stdin,
    env: { ...BASE_ENV, ...(envText === undefined ? {} : parseEnv(envText)) },
    fixturesDir: existsSync(fixturesDir) ? fixturesDir : undefined,
    memoryLimitKb: memlimit === undefined ? undefined : Number(memlimit.trim()),
  };
}

/** A fresh temporary directory holding the program file and its fixtures. */
export function makeWorkDir(program: M4Program): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailcf-m4diff-'));
  fillWorkDir(program, dir);
  return dir;
}

function fillWorkDir(program: M4Program, dir: string): void {
  if (program.fixturesDir) cpSync(program.fixturesDir, dir, { recursive: true });
  writeFileSync(join(dir, program.fileName), Buffer.from(program.text, 'latin1'));
}

/** Empties the directory and puts the inputs back, so the second tool starts where the first did. */
export function resetWorkDir(program: M4Program, dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  fillWorkDir(program, dir);
}

/** Every regular file below `dir` (path relative to it) with its bytes. */
export function snapshotFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === '' ? entry : `${sub}/${entry}`;
      const st = statSync(join(dir, rel), { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(rel);
      else if (st?.isFile()) files[rel] = latin1(join(dir, rel));
    }
  };
  walk('');
  return files;
}

/**
 * Runs GNU m4 as `m4` (its messages and `__program__` use the name it was started under).
 * A run that outlives `timeoutMs` throws an error whose code is ETIMEDOUT.
 */
export function runGnuM4(program: M4Program, dir: string, timeoutMs = 120_000): M4Outcome {
  const limit = program.memoryLimitKb;
  // With a memory limit a shell sets it and becomes m4, still started as `m4` (--norc: bash
  // would read ~/.bashrc when its standard input is a socket, as Node's pipes are).
  const [command, args] =
    limit === undefined
      ? [M4_ORACLE, program.argv]
      : [
          'bash',
          [
            '--norc',
            '-c',
            'ulimit -v "$1" && shift && exec -a m4 "$@"',
            'bash',
            String(limit),
            M4_ORACLE,
            ...program.argv,
          ],
        ];
  const r = spawnSync(command, args, {
    argv0: 'm4',
    cwd: dir,
    env: program.env,
    input: Buffer.from(program.stdin, 'latin1'),
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
  });
  throwSpawnError(r.error);
  return {
    stdout: r.stdout.toString('latin1'),
    stderr: r.stderr.toString('latin1'),
    status: r.status ?? 128 + 1,
    files: snapshotFiles(dir),
  };
}

/** Runs mailcf's m4 in-process on the same directory, arguments, environment and input. */
export async function runOurM4(program: M4Program, dir: string): Promise<M4Outcome> {
  const io = memoryIO(program.stdin, { cwd: dir, env: { ...program.env } });
  let status: number;
  try {
    status = await runM4Command([...program.argv], io);
  } catch (err) {
    // A thrown error is a bug in itself; show it in the comparison rather than abort the run.
    const what = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { stdout: io.out(), stderr: `${io.err()}[mailcf threw] ${what}`, status: -1, files: {} };
  }
  return { stdout: io.out(), stderr: io.err(), status, files: snapshotFiles(dir) };
}

/**
 * A program given as text, read from a file named on the command line after `options`
 * (fuzzing uses this).
 */
export function programFromText(id: string, text: string, options: string[] = []): M4Program {
  const fileName = 'program.m4';
  return { id, fileName, text, argv: [...options, fileName], stdin: '', env: { ...BASE_ENV } };
}

/**
 * Both outcomes of one program, each run in the same freshly prepared directory. mailcf runs
 * only once GNU m4 has finished, so a program that GNU cannot finish in `gnuTimeoutMs` throws
 * (ETIMEDOUT) before mailcf is asked to run it in-process.
 */
export async function runBoth(
  program: M4Program,
  gnuTimeoutMs?: number,
): Promise<{ gnu: M4Outcome; ours: M4Outcome }> {
  const dir = makeWorkDir(program);
  try {
    const gnu = runGnuM4(program, dir, gnuTimeoutMs);
    resetWorkDir(program, dir);
    const ours = await runOurM4(program, dir);
    return { gnu, ours };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a real process with standard output and standard error on one file, as a shell's `2>&1`
 * does, so the comparison sees how the two streams interleave.
 */
export function runMerged(
  command: string,
  args: string[],
  program: M4Program,
  dir: string,
  argv0 = command,
): { output: string; status: number } {
  const outDir = mkdtempSync(join(tmpdir(), 'mailcf-m4merged-'));
  const outPath = join(outDir, 'output');
  const fd = openSync(outPath, 'w');
  try {
    const r = spawnSync(command, args, {
      argv0,
      cwd: dir,
      env: program.env,
      input: Buffer.from(program.stdin, 'latin1'),
      stdio: ['pipe', fd, fd],
      timeout: 120_000,
    });
    throwSpawnError(r.error);
    return { output: latin1(outPath), status: r.status ?? 128 + 1 };
  } finally {
    closeSync(fd);
    rmSync(outDir, { recursive: true, force: true });
  }
}
