// The real world as maps see it: files read from disk, sendmail's safefile() checks, programs
// run as sendmail runs them (in /tmp, as the default user, with AGENT=sendmail only).
import { readFileSync } from 'node:fs';
import { bytePath } from '../../sendmail/byte-paths.js';
import { progOpen } from '../../sendmail/prog-open.js';
import { SafeFlags, nodeSafeFileSystem, safeFile, type SafeFileSystem } from '../../sendmail/safefile.js';
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

let fileSystem: SafeFileSystem | null = null;

/**
 * sendmail's safefile() for a file a map reads (the flags most map classes use: a regular
 * file, no group- or world-writable directory on the way), as the user running us.
 */
export function safeFileProblem(path: string, trustedUid = 0): string | null {
  fileSystem ??= nodeSafeFileSystem();
  const uid = process.getuid?.() ?? 0;
  const caller = {
    uid,
    gid: process.getgid?.() ?? 0,
    user: uid === 0 ? 'root' : null,
    realUid: uid,
    trustedUid,
  };
  return safeFile(path, caller, SafeFlags.ROOTOK | SafeFlags.REGONLY | SafeFlags.SAFEDIRPATH, fileSystem);
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
