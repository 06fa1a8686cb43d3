// The maps of one loaded .cf (sendmail's symbol table of maps): K-line declarations
// (makemapentry), opening on demand (openmap), the rewriter's lookups (map_lookup) and the
// test-mode /map command.
import { CBuffer, isAlnum, cString } from './cbuf.js';
import { mxHosts } from './class-host.js';
import { mapClassNamed } from './classes.js';
import { canonicalName } from './hosts.js';
import { readServiceSwitch, serviceTypes, type ServiceTable } from './service-switch.js';
import { defaultFlags, type ClassContext, type MapState, type SharedState } from './state.js';
import {
  EX_TEMPFAIL,
  MAX_MAP_ARGS,
  type DeclareContext,
  type LookupResult,
  type MapDeclaration,
  type MapEnvironment,
  type MapTable,
  type RewriteLookupResult,
  type TestMapOutcome,
} from './types.js';

/** sendmail's stripquotes: drops double quotes and the backslash of each escaped character. */
export function stripQuotes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (c === '\\') {
      c = s[++i] ?? '\0';
      if (c === '\0') break;
    } else if (c === '"') continue;
    else if (c === '\0') break;
    out += c;
  }
  return out;
}

/** sendmail's shortenstring: long strings keep their two ends around "...". */
export function shortenString(s: string, max: number): string {
  if (s.length < max) return s;
  const half = Math.floor((max - 3) / 2);
  return `${s.slice(0, half)}...${s.slice(s.length - half)}`;
}

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

/** Creates the map table of one .cf. */
export function createMapTable(env: MapEnvironment): MapTable {
  const maps = new Map<string, MapState>();
  let switchTable: ServiceTable | undefined;
  const shared: SharedState = {
    hostCache: new Map(),
    aliases: new Map(),
    serviceSwitch: () => (switchTable ??= readServiceSwitch(env)),
  };
  const find = (name: string): MapState | undefined => maps.get(name.toLowerCase());

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

  function lookupOpen(map: MapState, key: string, av: readonly string[]): LookupResult {
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
    let map = find(parts.name);
    if (map === undefined) {
      map = {
        decl: newDeclaration(parts.name, parts.className, parts.args),
        cls,
        open: false,
        bogus: false,
        data: undefined,
      };
      maps.set(parts.name.toLowerCase(), map);
    }
    // A redeclared map keeps what it had (sendmail does not clear the entry).
    map.cls = cls;
    map.decl.name = parts.name;
    map.decl.className = cls.name;
    map.decl.rawArgs = parts.args;
    map.open = false;
    map.bogus = false;
    map.data = undefined;
    const ok = cls.parse(map, parts.args, {
      ...ctx,
      blankSub: context.blankSub,
      configLevel: context.configLevel,
    });
    if (ok) map.decl.valid = true;
    return map.decl;
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
      deferMessage: deferred ? `${name.slice(0, 80)} map: lookup (${shortenString(k, 203)}): deferred` : null,
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
    lookupForRewrite,
    testLookup,
    mxHosts: (host, fallbackMx) =>
      mxHosts(host, env, shared.serviceSwitch(), { tryFallback: true, fallbackMx }),
    canonicalName: (host) => canonicalName(host, shared.serviceSwitch(), env),
  };
}
