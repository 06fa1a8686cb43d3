// The real world as maps see it: files read from disk, sendmail's safefile() checks, programs
// run as sendmail runs them (in /tmp, as the default user, with AGENT=sendmail only).
import { lstatSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bytePath } from '../../sendmail/byte-paths.js';
import { progOpen } from '../../sendmail/prog-open.js';
import type {
  FileRead,
  MapDiagnostic,
  MapEnvironment,
  MapMacros,
  MapOptions,
  ProgramRun,
  SyslogPriority,
  TextSourceSpec,
} from './types.js';

const S_IWGRP = 0o020;
const S_IWOTH = 0o002;

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  serviceSwitchFile: '/etc/mail/service.switch',
  hostsFile: '/etc/hosts',
  passwdFile: '/etc/passwd',
  matchGecos: false,
  verbose: false,
  blankSub: ' ',
  deferMode: false,
  defaultUid: 1,
  defaultGid: 1,
};

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'EIO';
}

export function readLatin1(path: string): FileRead {
  try {
    return { ok: true, text: readFileSync(bytePath(path)).toString('latin1') };
  } catch (err) {
    return { ok: false, code: errnoOf(err) };
  }
}

/**
 * sendmail's safedirpath() for a directory: no component may be group or world writable
 * (symbolic links are followed and their targets checked too).
 */
function unsafeDirectory(dir: string, depth = 0): string | null {
  if (depth > 20) return 'ELOOP';
  const parts = dir.split('/').filter((p) => p !== '');
  let path = dir.startsWith('/') ? '' : '.';
  const prefixes = [dir.startsWith('/') ? '/' : '.'];
  for (const part of parts) {
    path = path === '' || path === '/' ? `/${part}` : `${path}/${part}`;
    prefixes.push(path);
  }
  for (const p of prefixes) {
    if (p.endsWith('/..') || p.endsWith('/.')) continue;
    let st: Stats;
    try {
      st = lstatSync(bytePath(p));
    } catch (err) {
      return errnoOf(err);
    }
    if (st.isSymbolicLink()) {
      let link: string;
      try {
        link = readlinkSync(bytePath(p), 'latin1');
      } catch (err) {
        return errnoOf(err);
      }
      const target = resolve(dirname(p), link);
      const problem = unsafeDirectory(target, depth + 1);
      if (problem !== null) return problem;
      continue;
    }
    if (st.mode & S_IWOTH) return 'E_SM_WWDIR';
    if (st.mode & S_IWGRP) return 'E_SM_GWDIR';
  }
  return null;
}

/** Whether the user "root" is listed as a member of this group in /etc/group. */
function rootInGroup(gid: number): boolean {
  const read = readLatin1('/etc/group');
  if (!read.ok) return false;
  return read.text.split('\n').some((line) => {
    const f = line.split(':');
    return f.length >= 4 && Number(f[2]) === gid && f[3]!.split(',').includes('root');
  });
}

/**
 * sendmail's safefile() as root, for a file a map reads: no group- or world-writable directory
 * on the way, a regular file, readable by root as sendmail counts it — through the owner bits
 * only when root or TrustedUser owns the file, else the group bits (root's group or a group
 * listing root), else the others bits.
 */
export function safeFileProblem(path: string, trustedUid = 0): string | null {
  if (path.length >= 4096) return 'ENAMETOOLONG';
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
  const dirProblem = unsafeDirectory(dir);
  if (dirProblem !== null) return dirProblem;
  let st: Stats;
  try {
    st = statSync(bytePath(path));
  } catch (err) {
    return errnoOf(err);
  }
  if (!st.isFile()) return 'E_SM_REGONLY';
  const S_IRUSR = 0o400;
  let want = S_IRUSR;
  if (st.uid !== 0 && st.uid !== trustedUid) {
    want >>= 3;
    if (st.gid !== 0 && !rootInGroup(st.gid)) want >>= 3;
  }
  return (st.mode & want) === want ? null : 'EACCES';
}

function runProgram(argv: string[], options: MapOptions): ProgramRun {
  const r = progOpen(argv, {
    uid: options.defaultUid,
    gid: options.defaultGid,
    directories: options.programDirectories,
    captureStderr: true,
  });
  // sendmail forks first: a program that cannot be executed makes the child exit (EX_CONFIG,
  // EX_OSERR for a passing condition) after writing its complaint, which the map ignores
  return {
    stdout: r.execError ? '' : r.stdout,
    stderr: r.stderr,
    exitStatus: r.exitStatus,
    signal: r.signal,
    spawnError: null,
  };
}

/**
 * A macro table for tests and tools without a .cf model: names as sendmail's macid() reads
 * them, with its complaints about empty and unbalanced names.
 */
export function simpleMacros(
  initial: Record<string, string> = {},
  report: (d: MapDiagnostic) => void = () => undefined,
): MapMacros & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  const complain = (text: string): null => {
    report({ severity: 'syserr', text });
    return null;
  };
  return {
    values,
    parseName(text) {
      if (text === '' || text.startsWith('{}')) return complain('Name required for macro/class');
      if (text[0] !== '{') return text[0]!;
      const close = text.indexOf('}');
      const name = text.slice(1, close < 0 ? undefined : close);
      if (close < 0) return complain(`Unbalanced { on ${name}`);
      if (!/^[A-Za-z0-9_]+$/.test(name)) return null;
      return name.length === 1 ? name : `{${name}}`;
    },
    get: (name) => values.get(name) ?? null,
    define(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
    },
  };
}

export interface NodeMapEnvironmentOptions {
  options?: Partial<MapOptions>;
  macros?: MapMacros;
  report?: (d: MapDiagnostic) => void;
  syslog?: (priority: SyslogPriority, text: string) => void;
  textSources?: ReadonlyMap<string, TextSourceSpec>;
  aliasAddress?: MapEnvironment['aliasAddress'];
}

/** The environment of a real run: real files, real programs. */
export function nodeMapEnvironment(o: NodeMapEnvironmentOptions = {}): MapEnvironment {
  const options: MapOptions = { ...DEFAULT_MAP_OPTIONS, ...o.options };
  return {
    options,
    macros: o.macros ?? simpleMacros(),
    readFile: readLatin1,
    safeFile: (path) => safeFileProblem(path, options.trustedUid ?? 0),
    runProgram: (argv) => runProgram(argv, options),
    syslog: o.syslog ?? (() => undefined),
    report: o.report ?? (() => undefined),
    textSources: o.textSources ?? new Map(),
    random: () => Math.floor(Math.random() * 0x7fffffff),
    ...(o.aliasAddress ? { aliasAddress: o.aliasAddress } : {}),
  };
}
