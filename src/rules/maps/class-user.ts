// The user class: fields of the password file, found the way sendmail's finduser finds a user
// (exact login, then lower-cased, then — with MatchGECOS — by full name).
import { asciiLower, asciiUpper } from '../../sendmail/ctype.js';
import { mapRewrite } from './map-rewrite.js';
import { parseCommonArgs } from './parse-args.js';
import type { ClassContext, MapClass, MapState } from './state.js';
import { EX_NOUSER, EX_OK } from '../../sendmail/sysexits.js';
import { type LookupResult } from './types.js';

/** A password file entry. */
export interface PasswdEntry {
  name: string;
  passwd: string;
  uid: string;
  gid: string;
  gecos: string;
  dir: string;
  shell: string;
}

/** sendmail keeps names in 256-byte buffers (MBDB_MAXNAME). */
const NAME_BUFFER = 256;

/** Reads /etc/passwd lines as glibc's files backend does (comments and malformed lines skipped). */
export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line[0] === '#' || line[0] === '+' || line[0] === '-') continue;
    const f = line.split(':');
    if (f.length < 7 || f[0] === '') continue;
    const [name, passwd, uid, gid, gecos, dir, shell] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^\d+$/.test(uid) || !/^\d+$/.test(gid)) continue;
    entries.push({ name, passwd, uid, gid, gecos, dir, shell: f.slice(6).join(':') || shell });
  }
  return entries;
}

/** The full name sendmail builds from a GECOS field (sm_pwfullname). */
export function fullName(gecos: string, login: string): string {
  let g = gecos[0] === '*' ? gecos.slice(1) : gecos;
  const stop = g.search(/[,;%]/);
  if (stop >= 0) g = g.slice(0, stop);
  let out = '';
  for (const c of g) {
    if (out.length >= NAME_BUFFER - 1) return login.slice(0, NAME_BUFFER - 1);
    if (c === '&') {
      const cap = login === '' ? '' : asciiUpper(login[0]!) + login.slice(1);
      out = (out + cap).slice(0, NAME_BUFFER - 1);
    } else out += c;
  }
  return out;
}

const COLUMNS: Record<string, number> = {
  name: 1,
  passwd: 2,
  uid: 3,
  gid: 4,
  gecos: 5,
  dir: 6,
  shell: 7,
};

interface UserMapData {
  column: number;
}

/** finduser(): the entry and the key as finduser left it (it lower-cases it in place). */
function findUser(key: string, ctx: ClassContext): { entry: PasswdEntry; key: string } | null {
  const read = ctx.env.readFile(ctx.env.options.passwdFile);
  const entries = read.ok ? parsePasswd(read.text) : [];
  const byName = (n: string): PasswdEntry | undefined =>
    n === '' ? undefined : entries.find((e) => e.name === n);
  const exact = byName(key);
  if (exact) return { entry: exact, key };
  const lowered = asciiLower(key);
  if (lowered !== key) {
    const e = byName(lowered);
    if (e) return { entry: e, key: lowered };
  }
  if (!ctx.env.options.matchGecos) return null;
  const sub = String.fromCharCode(ctx.env.options.blankSub.charCodeAt(0) & 0x7f);
  const spaced = Array.from(lowered, (c) => (c === sub || c === '_' ? ' ' : c)).join('');
  for (const e of entries) {
    const full = fullName(e.gecos, e.name);
    if (full.includes(' ') && asciiLower(full) === asciiLower(spaced)) {
      ctx.env.report({ severity: 'message', text: `sending to login name ${e.name}` });
      return { entry: e, key: spaced };
    }
  }
  return null;
}

function field(entry: PasswdEntry, column: number): string {
  switch (column) {
    case 2:
      return 'x';
    case 3:
      return String(Number(entry.uid) | 0);
    case 4:
      return String(Number(entry.gid) | 0);
    case 5:
      return fullName(entry.gecos, entry.name);
    case 6:
      return entry.dir;
    case 7:
      return entry.shell;
    default:
      return entry.name;
  }
}

export const userClass: MapClass = {
  name: 'user',
  fileOptional: true,
  parse: parseCommonArgs,
  open: (map: MapState, ctx) => {
    const wanted = map.decl.flags.valueColumn;
    let column = 0;
    if (wanted !== null) {
      const c = COLUMNS[asciiLower(wanted)];
      if (c === undefined) {
        ctx.env.report({
          severity: 'syserr',
          text: `User map ${map.decl.name}: unknown column name ${wanted}`,
        });
        return false;
      }
      column = c;
    }
    map.data = { column } satisfies UserMapData;
    return true;
  },
  lookup: (map, key, av, ctx): LookupResult => {
    const hit = findUser(key, ctx);
    if (hit === null) return { value: null, status: EX_NOUSER };
    const { flags } = map.decl;
    if (flags.matchOnly) return { value: mapRewrite(flags, hit.key, null), status: EX_OK };
    const column = (map.data as UserMapData).column;
    return { value: mapRewrite(flags, field(hit.entry, column), av), status: EX_OK };
  },
};
