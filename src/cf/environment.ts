// What the .cf loader needs from the system: files (F classes), programs (F|prog), user and
// group names (U= and u options). nodeCfEnvironment() is the real system; tests give their own.
import { readFileSync, statSync } from 'node:fs';
import { bytePath } from '../sendmail/byte-paths.js';
import { progOpen } from '../sendmail/prog-open.js';
import { nodeSafeFileSystem, safeFile, type SafeFileSystem } from '../sendmail/safefile.js';
import { userInfo } from 'node:os';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
}

export interface GroupEntry {
  name: string;
  gid: number;
}

/** A file read: latin1 text, or the errno name of the failure. */
export type FileReadResult = { ok: true; text: string } | { ok: false; code: string };

/** What a safefile() check needs to know besides the flags. */
export interface FileCheckOptions {
  trustedUid: number;
  dontBlame: ReadonlySet<string>;
}

export interface CfEnvironment {
  readFile(path: string): FileReadResult;
  /**
   * sendmail's safefile() for a file about to be read, as the user running us (SafeFlags):
   * null when it may be read, else the errno name. Without it every file may be read.
   */
  checkFile?(path: string, flags: number, options: FileCheckOptions): string | null;
  /**
   * Runs a program as sendmail's prog_open does (F|program, while the .cf is read) as the given
   * user, and returns its standard output, or the errno name of a failed execve.
   */
  runProgram(argv: string[], user: { uid: number; gid: number }): FileReadResult;
  getpwnam(name: string): PasswdEntry | null;
  getgrnam(name: string): GroupEntry | null;
}

function parseColonFile<T>(path: string, make: (fields: string[]) => T | null): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch {
    return [];
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const entry = make(line.split(':'));
    if (entry) out.push(entry);
  }
  return out;
}

function userName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** The running system: /etc/passwd and /etc/group, real files and programs. */
export function nodeCfEnvironment(): CfEnvironment {
  let users: PasswdEntry[] | null = null;
  let fileSystem: SafeFileSystem | null = null;
  let groups: GroupEntry[] | null = null;
  return {
    readFile(path) {
      try {
        if (statSync(bytePath(path)).isDirectory()) return { ok: false, code: 'EISDIR' };
        return { ok: true, text: readFileSync(bytePath(path), 'latin1') };
      } catch (err) {
        return { ok: false, code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
      }
    },
    checkFile(path, flags, options) {
      fileSystem ??= nodeSafeFileSystem();
      const uid = process.getuid?.() ?? 0;
      const caller = {
        uid,
        gid: process.getgid?.() ?? 0,
        user: userName(),
        realUid: uid,
        trustedUid: options.trustedUid,
        dontBlame: options.dontBlame,
      };
      return safeFile(path, caller, flags, fileSystem);
    },
    runProgram(argv, user) {
      const r = progOpen(argv, { uid: user.uid, gid: user.gid });
      return r.execError ? { ok: false, code: r.execError } : { ok: true, text: r.stdout };
    },
    getpwnam(name) {
      users ??= parseColonFile('/etc/passwd', (f) =>
        f.length >= 4 ? { name: f[0], uid: Number(f[2]), gid: Number(f[3]) } : null,
      );
      return users.find((u) => u.name === name) ?? null;
    },
    getgrnam(name) {
      groups ??= parseColonFile('/etc/group', (f) =>
        f.length >= 3 ? { name: f[0], gid: Number(f[2]) } : null,
      );
      return groups.find((g) => g.name === name) ?? null;
    },
  };
}
