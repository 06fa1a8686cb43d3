// The maps of one loaded .cf (sendmail's symbol table of maps): K-line declarations
// (makemapentry), opening on demand (openmap), the rewriter's lookups (map_lookup) and the
// test-mode /map command.
import { MAXSHORTSTR, cString, shortenString, stripQuotes } from '../../sendmail/strings.js';
import { CBuffer, isAlnum, isSpace } from './cbuf.js';
import { mxHosts } from './class-host.js';
import { parseLdapDefaults } from './parse-ldap.js';
import { mapClassNamed } from './classes.js';
import { canonicalName } from './hosts.js';
import { readServiceSwitch, serviceTypes, type ServiceTable } from './service-switch.js';
import {
  defaultFlags,
  type Av,
  type ClassContext,
  type MapClass,
  type MapState,
  type ParseContext,
  type SharedState,
} from './state.js';
import { EX_NOTFOUND, EX_OK, EX_TEMPFAIL } from '../../sendmail/sysexits.js';
import {
  MAX_MAP_ARGS,
  MAXMAPSTACK,
  type DeclareContext,
  type LookupResult,
  type MapDeclaration,
  type MapEnvironment,
  type MapTable,
  type RewriteLookupResult,
  type TestMapOutcome,
} from './types.js';

/** The classes sendmail allows for alias databases (MCF_ALIASOK). */
const ALIAS_CLASSES = new Set([
  'hash',
  'btree',
  'nis',
  'nisplus',
  'ldap',
  'text',
  'stab',
  'implicit',
  'program',
  'sequence',
  'switch',
  'null',
  'socket',
]);

/** Splits a K line into map name, class name and arguments, as makemapentry does. */
function splitMapLine(
  line: string,
  env: MapEnvironment,
): { name: string; className: string; args: string } | null {
  const buf = new CBuffer(line);
  let p = buf.skipSpaces(0);
  if (!isAlnum(buf.at(p))) {
    env.report({ severity: 'syserr', text: 'readcf: config K line: no map name' });
    return null;
  }
  const nameStart = p;
  p++;
  while (isAlnum(buf.at(p)) || buf.at(p) === '_' || buf.at(p) === '.') p++;
  // The character after the name is overwritten, whatever it is.
  if (buf.at(p) !== '\0') buf.set(p++, '\0');
  const name = buf.str(nameStart);
  p = buf.skipSpaces(p);
  if (!isAlnum(buf.at(p))) {
    env.report({
      severity: 'syserr',
      text: `readcf: config K line, map ${name}: no map class`,
    });
    return null;
  }
  const classStart = p;
  p++;
  while (isAlnum(buf.at(p))) p++;
  if (buf.at(p) !== '\0') buf.set(p++, '\0');
  const className = buf.str(classStart);
  p = buf.skipSpaces(p);
  return { name, className, args: buf.str(p) };
}

function newDeclaration(name: string, className: string, rawArgs: string): MapDeclaration {
  return {
    name,
    className,
    rawArgs,
    flags: defaultFlags(),
    file: null,
    rest: null,
    settings: { kind: 'none' },
    valid: false,
  };
}

/** A map of a class, declared but not yet parsed or opened. */
function newMapState(name: string, cls: MapClass, rawArgs: string): MapState {
  return { decl: newDeclaration(name, cls.name, rawArgs), cls, open: false, bogus: false, data: undefined };
}

/** Creates the map table of one .cf. */
export function createMapTable(env: MapEnvironment): MapTable {
  const maps = new Map<string, MapState>();
  let switchTable: ServiceTable | undefined;
  const shared: SharedState = {
    hostCache: new Map(),
    aliases: new Map(),
    ldapDefaults: null,
    serviceSwitch: () => (switchTable ??= readServiceSwitch(env)),
  };
  const find = (name: string): MapState | undefined => maps.get(name.toLowerCase());
  let aliasFiles: MapDeclaration['settings'] | null | undefined;
  let aliasCount = 0;

  const ctx: ClassContext = {
    env,
    shared,
    findMap: find,
    openMap,
    lookupOpen,
  };

  /** openmap(): a map that cannot be opened answers tempfail from then on, unless -o. */
  function openMap(map: MapState): boolean {
    if (!map.decl.valid) return false;
    if (map.open) return true;
    if (map.cls.open(map, ctx)) {
      map.open = true;
    } else if (!map.decl.flags.optional) {
      map.open = true;
      map.bogus = true;
    } else {
      map.decl.valid = false;
    }
    return map.open;
  }

  function lookupOpen(map: MapState, key: string, av: Av): LookupResult {
    if (map.bogus) return { value: null, status: EX_TEMPFAIL };
    return map.cls.lookup(map, key, av, ctx);
  }

  function declare(line: string, context: DeclareContext): MapDeclaration | null {
    const parts = splitMapLine(line, env);
    if (parts === null) return null;
    const cls = mapClassNamed(parts.className);
    if (cls === undefined) {
      env.report({
        severity: 'syserr',
        text: `readcf: map ${parts.name}: class ${parts.className} not available`,
      });
      return null;
    }
    const map = find(parts.name) ?? enter(parts.name, cls, parts.args);
    // A redeclared map keeps what it had (sendmail does not clear the entry).
    map.cls = cls;
    map.decl.name = parts.name;
    map.decl.className = cls.name;
    map.decl.rawArgs = parts.args;
    map.open = false;
    map.bogus = false;
    map.data = undefined;
    const ok = cls.parse(map, parts.args, parseContext(context));
    if (ok) map.decl.valid = true;
    return map.decl;
  }

  /** A map entered (or re-entered) under a name, with a fresh declaration of a class. */
  function enter(name: string, cls: MapClass, rawArgs: string): MapState {
    const map = newMapState(name, cls, rawArgs);
    maps.set(name.toLowerCase(), map);
    return map;
  }

  function parseContext(context: DeclareContext): ParseContext {
    return { ...ctx, blankSub: context.blankSub, configLevel: context.configLevel };
  }

  /**
   * The AliasFile option (sendmail's setalias): each "class:file" (or plain file, implicit)
   * becomes map AliasN, a member of the sequence map aliases.files.
   */
  function setAliasFiles(spec: string, context: DeclareContext): void {
    let p = 0;
    for (;;) {
      while (p < spec.length && isSpace(spec[p]!)) p++;
      if (p >= spec.length) break;
      if (aliasCount >= MAXMAPSTACK) {
        env.report({
          severity: 'syserr',
          text: `Too many alias databases defined, ${MAXMAPSTACK} max`,
        });
        return;
      }
      aliasFiles ??= declare('aliases.files sequence', context)?.settings ?? null;
      if (aliasFiles === null) {
        env.report({ severity: 'syserr', text: 'setalias: cannot create aliases.files map' });
        return;
      }
      let className = 'implicit';
      let start = p;
      const sep = spec.slice(p).search(/[ ,/:]/);
      let q = sep < 0 ? -1 : p + sep;
      if (q >= 0 && spec[q] === ':') {
        className = spec.slice(p, q);
        start = ++q;
      }
      let end = spec.length;
      if (q >= 0) {
        let quoted = false;
        for (end = q; end < spec.length; end++) {
          if (spec[end] === '"') quoted = !quoted;
          else if (spec[end] === ',' && !quoted) break;
        }
      }
      const text = spec.slice(start, end);
      p = end < spec.length ? end + 1 : spec.length;
      const cls = mapClassNamed(className);
      if (cls === undefined) {
        env.report({ severity: 'syserr', text: `setalias: unknown alias class ${className}` });
        continue;
      }
      if (!ALIAS_CLASSES.has(cls.name)) {
        env.report({
          severity: 'syserr',
          text: `setalias: map class ${className} can't handle aliases`,
        });
        continue;
      }
      const map = enter(`Alias${aliasCount}`, cls, text);
      map.alias = true;
      if (className === 'implicit') map.decl.flags.includeNull = true;
      if (cls.parse(map, text, parseContext(context))) {
        map.decl.valid = true;
        if (aliasFiles.kind === 'sequence') aliasFiles.members.push(map.decl.name);
        aliasCount++;
      }
    }
  }

  /**
   * F{x} key@class:spec: one lookup through a temporary map of the class (never entered).
   * Returns the value, null when nothing was found, undefined when the class does not exist.
   */
  function classLookup(
    className: string,
    spec: string,
    key: string,
    classDisplayName: string,
    optional = false,
  ): string | null | undefined {
    const cls = mapClassNamed(className);
    if (cls === undefined) return undefined;
    const map = newMapState(classDisplayName, cls, spec);
    const context = { blankSub: env.options.blankSub, configLevel: 10 };
    if (!cls.parse(map, spec, parseContext(context))) return null;
    const say = (text: string): void => env.report({ severity: 'syserr', text });
    if (!cls.open(map, ctx)) {
      if (!optional && !map.decl.flags.optional) {
        say(`fileclass: F{${classDisplayName}}: map open failed`);
      }
      return null;
    }
    const r = cls.lookup(map, key, null, ctx);
    if (r.status !== EX_OK && r.status !== EX_NOTFOUND) {
      if (!optional) say(`fileclass: F{${classDisplayName}}: map lookup failed`);
      return null;
    }
    return r.value;
  }

  function addDefaultMaps(context: DeclareContext): void {
    if (find('host') === undefined) {
      declare(context.configLevel >= 2 ? 'host host -a. -D' : 'host host', context);
    }
    for (const type of serviceTypes(readServiceSwitch(env), 'aliases') ?? []) {
      const defaults: Record<string, string> = {
        files: 'aliases.files null',
        nisplus: 'aliases.nisplus nisplus -kalias -vexpansion mail_aliases.org_dir',
        nis: 'aliases.nis nis mail.aliases',
      };
      const line = defaults[type];
      if (line !== undefined && find(`aliases.${type}`) === undefined) declare(line, context);
    }
    if (find('aliases') === undefined) declare('aliases switch aliases', context);
  }

  function lookupForRewrite(name: string, key: string, args: readonly string[]): RewriteLookupResult {
    const none: RewriteLookupResult = { replacement: null, tempfail: false, deferMessage: null };
    const map = find(name);
    if (map === undefined || !openMap(map)) return none;
    const { flags } = map.decl;
    if (env.options.deferMode && flags.defer) return { ...none, tempfail: true };
    const k = flags.keepQuotes ? cString(key) : stripQuotes(key);
    const av = [k, ...args.slice(0, MAX_MAP_ARGS - 1)];
    const r = lookupOpen(map, k, av);
    if (r.status !== EX_TEMPFAIL) return { ...none, replacement: r.value };
    const deferred = !flags.noDefer;
    return {
      replacement: flags.tempfailText !== null ? k + flags.tempfailText : r.value,
      tempfail: deferred,
      deferMessage: deferred
        ? `${name.slice(0, 80)} map: lookup (${shortenString(k, MAXSHORTSTR)}): deferred`
        : null,
    };
  }

  function testLookup(name: string, key: string, beforeLookup?: () => void): TestMapOutcome {
    const map = find(name);
    if (map === undefined) return { kind: 'no-such-map' };
    if (!openMap(map)) return { kind: 'not-open' };
    beforeLookup?.();
    return { kind: 'looked-up', result: lookupOpen(map, key, [key]) };
  }

  return {
    declare,
    get: (name) => find(name)?.decl,
    names: () => [...maps.values()].map((m) => m.decl.name),
    addDefaultMaps,
    keySpaceSub: (name) => find(name)?.decl.flags.spaceSub ?? env.options.blankSub,
    setAliasFiles,
    setLdapDefaults: (spec, context) => {
      shared.ldapDefaults = parseLdapDefaults(spec, parseContext(context));
    },
    classLookup,
    lookupForRewrite,
    testLookup,
    mxHosts: (host, fallbackMx) =>
      mxHosts(host, env, shared.serviceSwitch(), { tryFallback: true, fallbackMx }),
    canonicalName: (host) => canonicalName(host, shared.serviceSwitch(), env),
  };
}
