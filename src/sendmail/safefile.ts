// sendmail's safefile() and safedirpath(): whether it may use a file, judged from the file's
// and its directories' owners and modes before opening it. The answer is null (safe) or the
// errno name sendmail reports (ENOENT, EACCES, E_SM_WWDIR, E_SM_REGONLY, ...). The checks a
// caller wants are flags (sendmail's SFF_*); the file system is a view so tests can fake it.
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { bytePath } from './byte-paths.js';

/** The checks (sendmail's SFF_* flags; our own values). */
export const SafeFlags = {
  /** Root may use the file through its owner bits (else root counts as "others"). */
  ROOTOK: 1 << 0,
  /** Opened as root: no permission check of the file itself. */
  OPENASROOT: 1 << 1,
  /** Every directory on the way must be neither group- nor world-writable. */
  SAFEDIRPATH: 1 << 2,
  /** No (symbolic or hard) links when the directory is writable. */
  NOWLINK: 1 << 3,
  NOSLINK: 1 << 4,
  NOHLINK: 1 << 5,
  REGONLY: 1 << 6,
  NOPATHCHECK: 1 << 7,
  MUSTOWN: 1 << 8,
  EXECOK: 1 << 9,
  NOGWFILES: 1 << 10,
  NOWWFILES: 1 << 11,
  NOGRFILES: 1 << 12,
  NOWRFILES: 1 << 13,
} as const;

export interface FileStat {
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

/** What safefile reads of the system. Paths are latin1 byte strings. */
export interface SafeFileSystem {
  stat(path: string): FileStat | string;
  lstat(path: string): FileStat | string;
  readlink(path: string): string;
  /** getgrgid's member list, or null for an unknown group. */
  groupMembers(gid: number): string[] | null;
  /** The effective uid of the process (root or not). */
  euid: number;
}

/** Who asks, and the options that change the verdict. */
export interface SafeFileCaller {
  uid: number;
  gid: number;
  /** The user name, for group membership (null: none). */
  user: string | null;
  /** TrustedUser's uid (0 when unset). */
  trustedUid: number;
  /** sendmail's RealUid: when not root (and not running as someone else), paths are not checked. */
  realUid: number;
  /** DontBlameSendmail words in effect (lower case). */
  dontBlame?: ReadonlySet<string>;
}

const S_ISVTX = 0o1000;
const S_IRUSR = 0o400;
const S_IWUSR = 0o200;
const S_IXUSR = 0o100;
const S_IWGRP = 0o020;
const S_IXGRP = 0o010;
const S_IRGRP = 0o040;
const S_IWOTH = 0o002;
const S_IXOTH = 0o001;
const S_IROTH = 0o004;
const MAXPATHLEN = 4096;
const MAXSYMLINKS = 20;

/** Read access, as callers usually ask. */
export const READ_ACCESS = S_IRUSR;

function inGroup(fs: SafeFileSystem, gid: number, user: string | null): boolean {
  if (user === null) return false;
  return fs.groupMembers(gid)?.includes(user) ?? false;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/** sendmail's safedirpath: every directory on the way to (and including) `dir`. */
export function safeDirPath(
  dir: string,
  caller: SafeFileCaller,
  flags: number,
  fs: SafeFileSystem,
  level = 0,
  offset = 0,
): string | null {
  if (level > MAXSYMLINKS) return 'ELOOP';
  if (offset > dir.length) return 'EINVAL';
  const path = dir === '' ? '/' : dir;
  if (path.length >= MAXPATHLEN) return 'EINVAL';
  const blame = caller.dontBlame;
  const writable = S_IWOTH | (blame?.has('groupwritabledirpathsafe') ? 0 : S_IWGRP);
  // each prefix ending at a slash (the root as "/"), then the whole path
  const ends: number[] = [];
  if (offset >= path.length && dir !== '') return null;
  for (let p = path.indexOf('/', offset); p >= 0; p = path.indexOf('/', p + 1)) ends.push(p === 0 ? 1 : p);
  if (!path.endsWith('/') || path === '/') ends.push(path.length);
  for (const end of [...new Set(ends)]) {
    const prefix = path.slice(0, end);
    if (prefix.endsWith('/..') || prefix.endsWith('/.')) continue;
    const st = fs.lstat(prefix);
    if (typeof st === 'string') return st;
    if (st.isSymbolicLink) {
      let link: string;
      try {
        link = fs.readlink(prefix);
      } catch (err) {
        return (err as NodeJS.ErrnoException).code ?? 'EIO';
      }
      if (link.length >= MAXPATHLEN) return 'EINVAL';
      let target: string;
      let next = 0;
      if (link.startsWith('/')) {
        target = link;
        while (next < prefix.length && prefix[next] === link[next]) next++;
        if (next === prefix.length && next === link.length) return 'ELOOP';
        if (next > 0) next--;
        if (next > 0 && prefix[next] !== '/' && next < prefix.length)
          while (link[next] !== '/' && next > 0) next--;
        if (next > 0 && prefix[next] === '/' && link[next] === '/') next++;
      } else {
        const slash = prefix.lastIndexOf('/');
        target = slash < 0 ? link : `${prefix.slice(0, slash)}/${link}`;
        next = slash < 0 ? 0 : slash + 1;
      }
      const problem = safeDirPath(target, caller, flags, fs, level + 1, next);
      if (problem !== null) return problem;
      continue;
    }
    const sticky = blame?.has('truststickybit') === true && (st.mode & S_ISVTX) !== 0;
    if ((caller.uid === 0 || flags & SafeFlags.SAFEDIRPATH) && !sticky && st.mode & writable) {
      if (flags & SafeFlags.SAFEDIRPATH) return st.mode & S_IWOTH ? 'E_SM_WWDIR' : 'E_SM_GWDIR';
    }
    if (caller.uid === 0 && !(flags & (SafeFlags.ROOTOK | SafeFlags.OPENASROOT))) {
      if (st.mode & S_IXOTH) continue;
      return 'EACCES';
    }
    // as root (without opening as root) sendmail checks the search bits itself
    if (fs.euid !== 0 || flags & SafeFlags.OPENASROOT) continue;
    if (st.uid === caller.uid && st.mode & S_IXUSR) continue;
    if (st.gid === caller.gid && st.mode & S_IXGRP) continue;
    if (inGroup(fs, st.gid, caller.user) && st.mode & S_IXGRP) continue;
    if (!(st.mode & S_IXOTH)) return 'EACCES';
  }
  return null;
}

/** sendmail's safefile for reading (or with `mode` the access wanted, as S_IRUSR-style bits). */
export function safeFile(
  path: string,
  caller: SafeFileCaller,
  flagsIn: number,
  fs: SafeFileSystem,
  mode = READ_ACCESS,
): string | null {
  if (path.length >= MAXPATHLEN) return 'ENAMETOOLONG';
  let flags = flagsIn;
  // sendmail drops the path check when it runs as an ordinary user ("debugging")
  if (caller.realUid !== 0) flags &= ~SafeFlags.SAFEDIRPATH;
  let st = flags & SafeFlags.NOSLINK ? fs.lstat(path) : fs.stat(path);
  const fileError = typeof st === 'string' ? st : null;
  let checkPath =
    !(flags & SafeFlags.NOPATHCHECK) ||
    (caller.uid === 0 && !(flags & (SafeFlags.ROOTOK | SafeFlags.OPENASROOT)));
  if (flags & SafeFlags.NOWLINK && !(flags & SafeFlags.SAFEDIRPATH)) {
    if (safeDirPath(parentOf(path), caller, flags | SafeFlags.SAFEDIRPATH, fs) === null) checkPath = false;
    else {
      if (!(flags & SafeFlags.NOSLINK)) {
        st = fs.lstat(path);
        if (typeof st === 'string') return st;
      }
      flags |= SafeFlags.NOSLINK | SafeFlags.NOHLINK;
    }
  }
  if (checkPath) {
    const problem = safeDirPath(parentOf(path), caller, flags, fs);
    if (problem !== null) return problem;
  }
  if (fileError !== null) return fileError;
  const s = st as FileStat;
  if (flags & SafeFlags.NOSLINK && s.isSymbolicLink) return 'E_SM_NOSLINK';
  if (flags & SafeFlags.REGONLY && !s.isFile) return 'E_SM_REGONLY';
  if (flags & SafeFlags.NOGWFILES && s.mode & S_IWGRP) return 'E_SM_GWFILE';
  if (flags & SafeFlags.NOWWFILES && s.mode & S_IWOTH) return 'E_SM_WWFILE';
  if (flags & SafeFlags.NOGRFILES && s.mode & S_IRGRP) return 'E_SM_GRFILE';
  if (flags & SafeFlags.NOWRFILES && s.mode & S_IROTH) return 'E_SM_WRFILE';
  if (
    !(flags & SafeFlags.EXECOK) &&
    mode & (S_IWUSR | S_IWGRP | S_IWOTH) &&
    s.mode & (S_IXUSR | S_IXGRP | S_IXOTH)
  )
    return 'E_SM_ISEXEC';
  if (flags & SafeFlags.NOHLINK && s.nlink !== 1) return 'E_SM_NOHLINK';
  let want = mode;
  if (caller.uid === 0 && flags & SafeFlags.OPENASROOT) {
    // root opens it: its owner bits count
  } else if (caller.uid === 0 && !(flags & SafeFlags.ROOTOK)) want >>= 6;
  else if (s.uid === caller.uid) {
    // the owner's bits
  } else if (caller.uid === 0 && s.uid === caller.trustedUid) {
    // TrustedUser's files count as root's
  } else {
    want >>= 3;
    if (s.gid !== caller.gid && !inGroup(fs, s.gid, caller.user)) want >>= 3;
  }
  const owned = s.uid === caller.uid || s.uid === 0 || s.uid === caller.trustedUid;
  if ((owned || !(flags & SafeFlags.MUSTOWN)) && (s.mode & want) === want) return null;
  return 'EACCES';
}

function toStat(st: ReturnType<typeof statSync>): FileStat {
  const s = st!;
  return {
    mode: Number(s.mode),
    uid: Number(s.uid),
    gid: Number(s.gid),
    nlink: Number(s.nlink),
    isFile: s.isFile(),
    isDirectory: s.isDirectory(),
    isSymbolicLink: s.isSymbolicLink(),
  };
}

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'EIO';
}

/** The real file system. */
export function nodeSafeFileSystem(): SafeFileSystem {
  let groups: Map<number, string[]> | null = null;
  return {
    stat(path) {
      try {
        return toStat(statSync(bytePath(path)));
      } catch (err) {
        return errnoOf(err);
      }
    },
    lstat(path) {
      try {
        return toStat(lstatSync(bytePath(path)));
      } catch (err) {
        return errnoOf(err);
      }
    },
    readlink: (path) => readlinkSync(bytePath(path), 'latin1'),
    groupMembers(gid) {
      if (groups === null) {
        groups = new Map();
        let text = '';
        try {
          text = readFileSync('/etc/group', 'latin1');
        } catch {
          // no group file: no memberships
        }
        for (const line of text.split('\n')) {
          const f = line.split(':');
          if (f.length >= 4)
            groups.set(
              Number(f[2]),
              f[3]!.split(',').filter((m) => m !== ''),
            );
        }
      }
      return groups.get(gid) ?? null;
    },
    euid: process.geteuid?.() ?? 0,
  };
}
