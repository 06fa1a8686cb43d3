// The ldap class's argument parser, with all of sendmail's load-time checks, and the
// LDAPDefaultSpec option, which sendmail reads with the same parser: what it sets (server,
// bind method, -n …) is where every later ldap map starts from.
import { atoi } from '../../sendmail/c-numbers.js';
import { asciiCaseEqual, asciiLower } from '../../sendmail/ctype.js';
import { CBuffer, isSpace } from './cbuf.js';
import { syserr } from './errors.js';
import { SharedOptions, forEachOption, illegalOption, nulAsNull, valueAfter } from './parse-options.js';
import { defaultFlags, type MapState, type ParseContext } from './state.js';
import type { MapFlags } from './types.js';

const MAX_ATTRS = 64;
const MAX_PASSWD = 256;
const LDAP_VERSION_MIN = 2;
const LDAP_VERSION_MAX = 3;

/** What an ldap spec sets that the map keeps (and that later maps inherit from the defaults). */
export interface LdapSettings {
  host: string | null;
  uri: string | null;
  /** The bind method: none, simple or krbv4. */
  method: string;
  /** -n: attribute names only. */
  attrsOnly: boolean;
}

/** An ldap spec with nothing set (sendmail's sm_ldap_clear). */
const CLEAR: LdapSettings = { host: null, uri: null, method: 'simple', attrsOnly: false };

/** The keyword options (-M, -r, -s): names matched as prefixes, after an optional prefix. */
const KEYWORD_OPTIONS = {
  M: {
    prefix: 'ldap_auth_',
    names: ['none', 'simple', 'krbv4'],
    what: 'Method for binding must be [none|simple|krbv4]',
  },
  r: {
    prefix: 'ldap_deref_',
    names: ['never', 'always', 'search', 'find'],
    what: 'Deref must be [never|always|search|find]',
  },
  s: { prefix: 'ldap_scope_', names: ['base', 'one', 'sub'], what: 'Scope must be [base|one|sub]' },
} as const;

/** Strips one pair of leading/trailing double quotes, as ldapmap_dequote does. */
function ldapDequote(s: string): string {
  if (s[0] !== '"') return s;
  const end = s.indexOf('"', 1);
  return end < 0 ? s.slice(1) : s.slice(1, end);
}

/** text without a leading prefix (compared without case). */
function withoutPrefix(text: string, prefix: string): string {
  return asciiLower(text.slice(0, prefix.length)) === prefix ? text.slice(prefix.length) : text;
}

function firstWord(s: string): string {
  const i = s.indexOf(' ');
  return i < 0 ? s : s.slice(0, i);
}

/** What one ldap spec said, as far as it was read. */
interface LdapSpec {
  /** false after a message that ends the parse (the map is then invalid). */
  ok: boolean;
  settings: LdapSettings;
  /** -k and -v as written (quotes still on), null when not given. */
  filter: string | null;
  attributes: string | null;
  /** -1: a single match is required (a map flag, not inherited). */
  singleMatch: boolean;
}

/**
 * Reads an ldap spec (ldapmap_parseargs up to its filter and attribute checks), starting from
 * `start`: the flags shared with other classes go into `flags`, the LDAP settings into the
 * result. Messages name the map `name`.
 */
function readLdapSpec(
  args: string,
  name: string,
  flags: MapFlags,
  start: LdapSettings,
  ctx: ParseContext,
): LdapSpec {
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  const buf = new CBuffer(args);
  const shared = new SharedOptions(buf, flags);
  const at: Record<string, number> = {};
  const settings: LdapSettings = { ...start };
  let singleMatch = false;
  flags.tryWithoutNull = true;
  flags.tryWithNull = true;
  flags.spaceSub = nulAsNull(ctx.blankSub);
  const fail = (text: string): null => {
    say(text);
    return null;
  };
  const bothHostAndUri = `Can not specify both an LDAP host and an LDAP URI in map ${name}`;
  const handle = (p: number): number | null => {
    const end = shared.apply(p);
    if (end !== null) return end;
    const opt = buf.at(p);
    switch (opt) {
      case 'V':
        return buf.at(p + 1) === '\\' ? p + 2 : p + 1;
      case '1':
        singleMatch = true;
        return p;
      case 'K':
      case 'R':
      case 'x':
        return p;
      case 'n':
        settings.attrsOnly = true;
        return p;
      case 'H':
        if (at.h !== undefined || settings.host !== null) return fail(bothHostAndUri);
        return (at.H = valueAfter(buf, p));
      case 'h': {
        const value = valueAfter(buf, p);
        if (at.H !== undefined || settings.uri !== null) return fail(bothHostAndUri);
        return (at.h = value);
      }
      case 'b':
      case 'c':
      case 'd':
      case 'k':
      case 'l':
      case 'P':
      case 'p':
      case 'v':
      case 'Z':
        return (at[opt] = valueAfter(buf, p));
      case 'M':
      case 'r':
      case 's': {
        const value = valueAfter(buf, p);
        const spec = KEYWORD_OPTIONS[opt];
        const word = withoutPrefix(buf.str(value), spec.prefix);
        const found = spec.names.find((n) => asciiLower(word.slice(0, n.length)) === n);
        if (found === undefined) return fail(`${spec.what} (not ${firstWord(word)}) in map ${name}`);
        if (opt === 'M') settings.method = found;
        return value;
      }
      case 'w': {
        const value = valueAfter(buf, p);
        const version = atoi(buf.str(value));
        if (version > LDAP_VERSION_MAX)
          return fail(`LDAP version ${version} exceeds max of ${LDAP_VERSION_MAX} in map ${name}`);
        if (version < LDAP_VERSION_MIN)
          return fail(`LDAP version ${version} is lower than min of ${LDAP_VERSION_MIN} in map ${name}`);
        return value;
      }
      default:
        say(illegalOption(opt, name));
        return p;
    }
  };
  // a value in double quotes may contain blanks
  const endQuotedWord = (p: number): number => {
    while (buf.at(p) !== '\0' && !isSpace(buf.at(p))) {
      if (buf.at(p) === '"') {
        p++;
        while (buf.at(p) !== '"' && buf.at(p) !== '\0') p++;
        if (buf.at(p) !== '\0') p++;
      } else p++;
    }
    if (buf.at(p) !== '\0') buf.set(p++, '\0');
    return p;
  };
  const value = (k: string): string | null => (at[k] === undefined ? null : buf.str(at[k]));
  const spec = (ok: boolean): LdapSpec => ({
    ok,
    settings,
    filter: value('k'),
    attributes: value('v'),
    singleMatch,
  });
  if (forEachOption(buf, handle, endQuotedWord) === null) return spec(false);
  shared.finish(ldapDequote);
  const host = value('h');
  const uri = value('H');
  if (host !== null) settings.host = ldapDequote(host);
  if (uri !== null) settings.uri = ldapDequote(uri);
  const secret = value('P');
  return spec(secret === null || settings.method !== 'simple' || readSecret(ldapDequote(secret), ctx));
}

/** -P with simple binds: the first line of a file is the password. */
function readSecret(file: string, ctx: ParseContext): boolean {
  const unsafe = ctx.env.safeFile(file);
  const read = unsafe === null ? ctx.env.readFile(file) : null;
  if (read === null || !read.ok) {
    ctx.env.report(syserr(`LDAP map: cannot open secret ${file}`, read === null ? unsafe : read.code));
    return false;
  }
  if (read.text.split('\n')[0]!.length > MAX_PASSWD) {
    ctx.env.report(syserr(`LDAP map: secret in ${file} too long`));
    return false;
  }
  return true;
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
    if (!asciiCaseEqual(attr, 'objectClass')) {
      if (seen.some((s) => asciiCaseEqual(s, attr))) {
        say(`Duplicate attribute (${attr}) in ${name}`);
        return false;
      }
      seen.push(attr);
    }
    if (type !== null && type !== '') {
      const t = asciiLower(type);
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

/** An ldap K line (and F{x} @LDAP, AliasFile ldap:): starts from the LDAPDefaultSpec settings. */
export function parseLdapArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  const spec = readLdapSpec(args, decl.name, decl.flags, ctx.shared.ldapDefaults ?? CLEAR, ctx);
  if (!spec.ok) return false;
  if (spec.filter === null) {
    say(`No filter given in map ${decl.name}`);
    return false;
  }
  const attrs = spec.attributes;
  if (attrs !== null && !checkAttributes(ldapDequote(attrs), decl.name, spec.settings.attrsOnly, say))
    return false;
  map.data = spec.settings;
  return true;
}

/** The name LDAPDefaultSpec's messages give the map. */
const DEFAULTS_NAME = 'O LDAPDefaultSpec';

/**
 * The LDAPDefaultSpec option (ldapmap_set_defaults): read as an ldap spec from scratch; the
 * settings become the defaults even when the spec is refused part way. Options that are not
 * LDAP's own (map flags, -S other than BlankSub, -a, -T), a filter or attributes are refused
 * with sendmail's messages and not kept.
 */
export function parseLdapDefaults(spec: string, ctx: ParseContext): LdapSettings {
  const flags = defaultFlags();
  const read = readLdapSpec(spec, DEFAULTS_NAME, flags, CLEAR, ctx);
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  if (setsMapFlags(flags, read.singleMatch, nulAsNull(ctx.blankSub)))
    say('readcf: option LDAPDefaultSpec: Do not set non-LDAP specific flags');
  if (read.filter !== null) say('readcf: option LDAPDefaultSpec: Do not set the LDAP search filter');
  if (read.attributes !== null)
    say('readcf: option LDAPDefaultSpec: Do not set the requested LDAP attributes');
  return read.settings;
}

/** The map flags an ldap spec may set that LDAPDefaultSpec must leave alone. */
const MAP_FLAG_FIELDS = [
  'appendOnRebuild',
  'defer',
  'noFoldCase',
  'matchOnly',
  'includeNull',
  'tryWithoutNull',
  'tryWithNull',
  'optional',
  'keepQuotes',
  'noDefer',
  'spaceSub',
  'appendText',
  'tempfailText',
] as const;

/** Whether a spec set any map flag beyond what every ldap map starts with (-1 included). */
function setsMapFlags(f: MapFlags, singleMatch: boolean, blankSub: string | null): boolean {
  const untouched: MapFlags = {
    ...defaultFlags(),
    tryWithoutNull: true,
    tryWithNull: true,
    spaceSub: blankSub,
  };
  return singleMatch || MAP_FLAG_FIELDS.some((field) => f[field] !== untouched[field]);
}
