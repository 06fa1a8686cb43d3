// The ldap class: its argument parser (with all of sendmail's load-time checks) and the open
// failure sendmail reports when no LDAP server answers.
import { CBuffer, equalsIgnoreCaseAscii, isSpace, atoi } from './cbuf.js';
import { syserr } from './errors.js';
import { whitespaceColumn } from './hosts.js';
import { inetAddr } from './inet.js';
import { parseIPv6 } from './inet.js';
import type { ClassContext, MapClass, MapState, ParseContext } from './state.js';
import { EX_TEMPFAIL } from './types.js';

const MAX_ATTRS = 64;
const MAX_PASSWD = 256;
const LDAP_VERSION_MIN = 2;
const LDAP_VERSION_MAX = 3;

interface LdapSettings {
  host: string | null;
  uri: string | null;
  method: string;
}

/** Strips one pair of leading/trailing double quotes, as ldapmap_dequote does. */
function ldapDequote(s: string): string {
  if (s[0] !== '"') return s;
  const end = s.indexOf('"', 1);
  return end < 0 ? s.slice(1) : s.slice(1, end);
}

/** The value after an option letter: blanks skipped, read later up to its word's end. */
function valueAt(buf: CBuffer, p: number): number {
  p++;
  while (isSpace(buf.at(p))) p++;
  return p;
}

/** A keyword option (-M, -r, -s): a prefix match against the names, case-insensitively. */
function keyword(text: string, prefix: string, names: readonly string[]): string | null {
  const t =
    text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() ? text.slice(prefix.length) : text;
  return names.find((n) => t.slice(0, n.length).toLowerCase() === n) ?? null;
}

function upToSpace(s: string): string {
  const i = s.indexOf(' ');
  return i < 0 ? s : s.slice(0, i);
}

/** Checks the -v attribute list: names, types (dn, filter, url, normal), duplicates. */
function checkAttributes(list: string, name: string, attrsOnly: boolean, say: (t: string) => void): boolean {
  const seen: string[] = [];
  let count = 1; // sendmail puts objectClass first
  let recurse = false;
  let normal = false;
  const pieces = list.split(',');
  for (const [index, raw] of pieces.entries()) {
    const v = raw.replace(/^[ \t\n\v\f\r]+/, '');
    // Blanks at the very end end the list; an empty piece between commas is skipped.
    if (v === '' && index === pieces.length - 1) break;
    if (count >= MAX_ATTRS) {
      say(`Too many return attributes in ${name} (max ${MAX_ATTRS})`);
      return false;
    }
    if (v === '') continue;
    const [attr = '', type = null] = v.split(':');
    if (!equalsIgnoreCaseAscii(attr, 'objectClass')) {
      if (seen.some((s) => equalsIgnoreCaseAscii(s, attr))) {
        say(`Duplicate attribute (${attr}) in ${name}`);
        return false;
      }
      seen.push(attr);
    }
    if (type !== null && type !== '') {
      const t = type.toLowerCase();
      if (t === 'dn' || t === 'filter' || t === 'url') recurse = true;
      else if (t === 'normal') normal = true;
      else {
        say(`Unknown attribute type (${type}) in ${name}`);
        return false;
      }
    } else normal = true;
    count++;
  }
  if (recurse && !normal) {
    say(`LDAP recursion requested in ${name} but no returnable attribute given`);
    return false;
  }
  if (recurse && attrsOnly) {
    say(`LDAP recursion requested in ${name} can not be used with -n`);
    return false;
  }
  return true;
}

function parseLdapArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const name = decl.name;
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  const buf = new CBuffer(args);
  const at: Record<string, number> = {};
  let method = 'simple';
  let attrsOnly = false;
  f.tryWithoutNull = true;
  f.tryWithNull = true;
  f.spaceSub = ctx.blankSub;
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    const opt = buf.at(++p);
    switch (opt) {
      case 'A':
        f.appendOnRebuild = true;
        break;
      case 'a':
        at.a = ++p;
        break;
      case 'D':
        f.defer = true;
        break;
      case 'f':
        f.noFoldCase = true;
        break;
      case 'm':
        f.matchOnly = true;
        break;
      case 'N':
        f.includeNull = true;
        f.tryWithoutNull = false;
        break;
      case 'O':
        f.tryWithNull = false;
        break;
      case 'o':
        f.optional = true;
        break;
      case 'q':
        f.keepQuotes = true;
        break;
      case 'S':
        f.spaceSub = buf.at(++p) === '\0' ? null : buf.at(p);
        break;
      case 'T':
        at.T = ++p;
        break;
      case 't':
        f.noDefer = true;
        break;
      case 'z': {
        p++;
        if (buf.at(p) !== '\\') f.columnDelimiter = buf.at(p) === '\0' ? null : buf.at(p);
        else {
          const c = buf.at(++p);
          f.columnDelimiter = c === 'n' ? '\n' : c === 't' ? '\t' : '\\';
        }
        break;
      }
      case 'V':
        if (buf.at(++p) === '\\') p++;
        break;
      case '1':
      case 'K':
      case 'R':
      case 'x':
        break;
      case 'n':
        attrsOnly = true;
        break;
      case 'H':
        if (at.h !== undefined) {
          say(`Can not specify both an LDAP host and an LDAP URI in map ${name}`);
          return false;
        }
        p = at.H = valueAt(buf, p);
        break;
      case 'h':
        p = valueAt(buf, p);
        if (at.H !== undefined) {
          say(`Can not specify both an LDAP host and an LDAP URI in map ${name}`);
          return false;
        }
        at.h = p;
        break;
      case 'b':
      case 'c':
      case 'd':
      case 'k':
      case 'l':
      case 'P':
      case 'p':
      case 'v':
      case 'Z':
        p = at[opt] = valueAt(buf, p);
        break;
      case 'M':
      case 'r':
      case 's': {
        p = valueAt(buf, p);
        const text = buf.str(p);
        const spec = {
          M: {
            prefix: 'LDAP_AUTH_',
            names: ['none', 'simple', 'krbv4'],
            what: 'Method for binding must be [none|simple|krbv4]',
          },
          r: {
            prefix: 'LDAP_DEREF_',
            names: ['never', 'always', 'search', 'find'],
            what: 'Deref must be [never|always|search|find]',
          },
          s: { prefix: 'LDAP_SCOPE_', names: ['base', 'one', 'sub'], what: 'Scope must be [base|one|sub]' },
        }[opt];
        const found = keyword(text, spec.prefix, spec.names);
        if (found === null) {
          const shown =
            text.slice(0, spec.prefix.length).toLowerCase() === spec.prefix.toLowerCase()
              ? text.slice(spec.prefix.length)
              : text;
          say(`${spec.what} (not ${upToSpace(shown)}) in map ${name}`);
          return false;
        }
        if (opt === 'M') method = found;
        break;
      }
      case 'w': {
        p = valueAt(buf, p);
        const version = atoi(buf.str(p));
        if (version > LDAP_VERSION_MAX) {
          say(`LDAP version ${version} exceeds max of ${LDAP_VERSION_MAX} in map ${name}`);
          return false;
        }
        if (version < LDAP_VERSION_MIN) {
          say(`LDAP version ${version} is lower than min of ${LDAP_VERSION_MIN} in map ${name}`);
          return false;
        }
        break;
      }
      default:
        say(opt === '\0' ? 'Illegal option ' : `Illegal option ${opt} map ${name}`);
        break;
    }
    // Quoted strings may contain blanks.
    while (buf.at(p) !== '\0' && !isSpace(buf.at(p))) {
      if (buf.at(p) === '"') {
        p++;
        while (buf.at(p) !== '"' && buf.at(p) !== '\0') p++;
        if (buf.at(p) !== '\0') p++;
      } else p++;
    }
    if (buf.at(p) !== '\0') buf.set(p++, '\0');
  }
  const value = (k: string): string | null => (at[k] === undefined ? null : buf.str(at[k]));
  if (value('a') !== null) f.appendText = ldapDequote(value('a')!);
  if (value('T') !== null) f.tempfailText = ldapDequote(value('T')!);
  const host = value('h') === null ? null : ldapDequote(value('h')!);
  const uri = value('H') === null ? null : ldapDequote(value('H')!);
  const secret = value('P');
  if (secret !== null && method === 'simple') {
    const file = ldapDequote(secret);
    const read = ctx.env.safeFile(file) === null ? ctx.env.readFile(file) : null;
    if (read === null || !read.ok) {
      const code = read === null ? ctx.env.safeFile(file) : read.code;
      ctx.env.report(syserr(`LDAP map: cannot open secret ${file}`, code));
      return false;
    }
    if (read.text.split('\n')[0]!.length > MAX_PASSWD) {
      say(`LDAP map: secret in ${file} too long`);
      return false;
    }
  }
  if (value('k') === null) {
    say(`No filter given in map ${name}`);
    return false;
  }
  const attrs = value('v');
  if (attrs !== null && !checkAttributes(ldapDequote(attrs), name, attrsOnly, say)) return false;
  map.data = { host, uri, method } satisfies LdapSettings;
  return true;
}

/** Whether a host name would be found (hosts file or an address): then the connection is refused. */
function resolvable(host: string, ctx: ClassContext): boolean {
  if (inetAddr(host) !== null || parseIPv6(host) !== null) return true;
  const read = ctx.env.readFile(ctx.env.options.hostsFile);
  if (!read.ok) return false;
  return read.text.split('\n').some((line) => {
    const l = line.split('#')[0]!;
    for (let i = 1; ; i++) {
      const n = whitespaceColumn(l, i);
      if (n === null) return false;
      if (n !== '' && equalsIgnoreCaseAscii(n, host)) return true;
    }
  });
}

function uriHost(uri: string): string {
  const m = /^[a-zA-Z]+:\/\/(\[[^\]]*\]|[^:/]*)/.exec(uri);
  const h = m?.[1] ?? '';
  return h === '' ? 'localhost' : h.replace(/^\[|\]$/g, '');
}

/** No LDAP server answers here: the open fails as ldap_init/ldap_bind fails. */
function openLdap(map: MapState, ctx: ClassContext): boolean {
  const { decl } = map;
  const s = map.data as LdapSettings;
  if (decl.flags.optional) return false;
  const id = s.host ?? s.uri ?? 'localhost';
  const hosts = s.uri !== null ? [uriHost(s.uri)] : id.split(/[ \t]+/).filter((h) => h !== '');
  // A refused connection leaves errno set; an unknown host or the krbv4 method do not.
  const refused = s.method !== 'krbv4' && hosts.some((h) => resolvable(h.replace(/:\d+$/, ''), ctx));
  ctx.env.report(
    syserr(`ldap_init/ldap_bind failed to ${id} in map ${decl.name}`, refused ? 'ENOTCONN' : null),
  );
  return false;
}

export const ldapClass: MapClass = {
  name: 'ldap',
  fileOptional: false,
  parse: parseLdapArgs,
  open: openLdap,
  lookup: () => ({ value: null, status: EX_TEMPFAIL }),
};
