// The live state of a declared map (sendmail's MAP structure, reduced to what we need) and the
// shape every map class implements.
import type { HostCacheEntry } from './class-host.js';
import type { LdapSettings } from './parse-ldap.js';
import type { ServiceTable } from './service-switch.js';
import type { MapDeclaration, MapEnvironment, MapFlags, LookupResult } from './types.js';

/**
 * A lookup's arguments: av[0] is the key as the caller passed it, av[1..] are %1..%9. null when
 * the caller passes none (sendmail's F{x} key@class:spec lookups): values are then taken
 * literally, without %n substitution.
 */
export type Av = readonly string[] | null;

/** A map as the table keeps it: its declaration plus what sendmail tracks while it runs. */
export interface MapState {
  decl: MapDeclaration;
  /** The class the map was declared with. */
  cls: MapClass;
  /** MF_OPEN: open (possibly as the "bogus" stand-in that answers tempfail). */
  open: boolean;
  /** The open failed and the map now answers every lookup with a temporary failure. */
  bogus: boolean;
  /** Whatever the class keeps once the map is open (parsed source, compiled pattern …). */
  data: unknown;
  /** MF_ALIAS: an alias database declared by the AliasFile option. */
  alias?: boolean;
}

/** What all maps of one table share, as sendmail's global tables are shared. */
export interface SharedState {
  /** The host name cache (sendmail's ST_NAMECANON entries), by exact name. */
  hostCache: Map<string, HostCacheEntry>;
  /** The service switch, read once when first needed. */
  serviceSwitch(): ServiceTable;
  /** The alias symbol table stab maps fill and read, by lower-cased name. */
  aliases: Map<string, string>;
  /** What the LDAPDefaultSpec option set: every ldap map starts from it (sendmail's LDAPDefaults). */
  ldapDefaults: LdapSettings | null;
}

/** The services a class gets while it parses, opens and looks up. */
export interface ClassContext {
  env: MapEnvironment;
  shared: SharedState;
  /** Finds another declared map (sequence members, switch members). */
  findMap(name: string): MapState | undefined;
  /** sendmail's openmap(): opens a map on demand; false when it cannot be used. */
  openMap(map: MapState): boolean;
  /** Calls an open map's class lookup (a map whose open failed answers tempfail). */
  lookupOpen(map: MapState, key: string, av: Av): LookupResult;
}

/** What a K line's parser is given besides the arguments. */
export interface ParseContext extends ClassContext {
  blankSub: string;
  configLevel: number;
}

/** One map class (sendmail's MAPCLASS). */
export interface MapClass {
  name: string;
  /** MCF_OPTFILE: the file argument may be omitted. */
  fileOptional: boolean;
  /** Parses the arguments into map.decl; false leaves the map invalid. */
  parse(map: MapState, args: string, ctx: ParseContext): boolean;
  /** Opens the map for reading; false (after printing why, unless -o) when it cannot. */
  open(map: MapState, ctx: ClassContext): boolean;
  /** Looks a key up. av[0] is the key as the caller passed it, av[1..] are %1..%9. */
  lookup(map: MapState, key: string, av: Av, ctx: ClassContext): LookupResult;
}

export function defaultFlags(): MapFlags {
  return {
    appendOnRebuild: false,
    appendText: null,
    tempfailText: null,
    defer: false,
    noDefer: false,
    noFoldCase: false,
    matchOnly: false,
    keepQuotes: false,
    optional: false,
    tryWithoutNull: false,
    tryWithNull: false,
    includeNull: false,
    spaceSub: null,
    keyColumn: null,
    valueColumn: null,
    columnDelimiter: null,
    timeoutSeconds: 0,
    retry: 0,
    regexNot: false,
  };
}
