// The name service classes: host (canonical names, $[ $]), bestmx (best MX host) and dns
// (resource records), answering as sendmail does when there is no network.
import { hostByAddress, canonicalName } from './hosts.js';
import { inetAddr, parseIPv6 } from './inet.js';
import { mapRewrite } from './map-rewrite.js';
import { parseCommonArgs, parseHostArgs } from './parse-args.js';
import { parseDnsArgs } from './parse-dns.js';
import { serviceTypes, type ServiceTable } from './service-switch.js';
import type { ClassContext, MapClass, MapState, Av } from './state.js';
import { EX_NOHOST, EX_NOTFOUND, EX_OK, EX_TEMPFAIL } from '../../sendmail/sysexits.js';
import { type LookupResult, type MapEnvironment } from './types.js';

/** One entry of sendmail's host name cache (shared by all host maps of a run). */
export interface HostCacheEntry {
  status: number;
  canonical: string | null;
}

const openNothing = (): boolean => true;

function hostAnswer(map: MapState, name: string, canonical: string, av: Av): string {
  const { flags } = map.decl;
  return flags.matchOnly ? mapRewrite(flags, name, null) : mapRewrite(flags, canonical, av);
}

/** host_map_lookup: cached; "[addr]" looks the address up, anything else the name. */
function hostLookup(map: MapState, name: string, av: Av, ctx: ClassContext): LookupResult {
  const cache = ctx.shared.hostCache;
  const cached = cache.get(name);
  if (cached !== undefined) {
    if (cached.status !== EX_OK || cached.canonical === null) {
      return { value: null, status: cached.status };
    }
    return { value: hostAnswer(map, name, cached.canonical, av), status: EX_OK };
  }
  if (ctx.env.options.deferMode && map.decl.flags.defer) return { value: null, status: EX_TEMPFAIL };
  let answer: string | null = null;
  if (name[0] !== '[') {
    const r = canonicalName(name, ctx.shared.serviceSwitch(), ctx.env);
    if (r.found) answer = r.name;
  } else {
    const close = name.indexOf(']');
    if (close < 0) return { value: null, status: EX_OK };
    const inner = name.slice(1, close);
    const v4 = inetAddr(inner);
    const v6 = v4 === null ? parseIPv6(stripIPv6Tag(inner)) : null;
    const bytes = v4 ?? v6;
    if (bytes !== null) answer = hostByAddress(bytes, ctx.env);
  }
  if (answer !== null) {
    cache.set(name, { status: EX_OK, canonical: answer });
    return { value: hostAnswer(map, name, answer, av), status: EX_OK };
  }
  cache.set(name, { status: EX_NOHOST, canonical: null });
  return { value: null, status: EX_NOHOST };
}

function stripIPv6Tag(s: string): string {
  return s.slice(0, 5).toLowerCase() === 'ipv6:' ? s.slice(5) : s;
}

export const hostClass: MapClass = {
  name: 'host',
  fileOptional: true,
  parse: (map, args, ctx) => parseHostArgs(map, args, ctx),
  open: openNothing,
  lookup: hostLookup,
};

/** What getmxrr found: the hosts (count -1 on error), and the status it set. */
export interface MxResult {
  count: number;
  hosts: string[];
  status: number;
}

export interface MxOptions {
  /** TRYFALLBACK: append the FallbackMXhost hosts (test mode's /mx asks for them). */
  tryFallback: boolean;
  /** The FallbackMXhost option, or null. */
  fallbackMx: string | null;
}

/**
 * getmxrr with no network: a bracketed address is its own MX; "[name]" is canonicalised
 * through the hosts service; other names have no MX records (and, when DNS is among the hosts
 * services, get its "no such host" status and are then canonicalised too).
 */
export function mxHosts(
  name: string,
  env: MapEnvironment,
  switchTable: ServiceTable,
  opts: MxOptions,
): MxResult {
  const found = mxRecords(name, env, switchTable);
  if (found.count < 0 || !opts.tryFallback || opts.fallbackMx === null || opts.fallbackMx === '') {
    return found;
  }
  const fallback =
    opts.fallbackMx[0] === '[' ? [opts.fallbackMx] : mxRecords(opts.fallbackMx, env, switchTable).hosts;
  return { ...found, count: found.count + fallback.length, hosts: [...found.hosts, ...fallback] };
}

function mxRecords(name: string, env: MapEnvironment, switchTable: ServiceTable): MxResult {
  const none = (status: number): MxResult => ({ count: 0, hosts: [], status });
  if (name === '') return none(EX_OK);
  const useDns = (serviceTypes(switchTable, 'hosts') ?? []).includes('dns');
  let status = EX_OK;
  let tryCanon = false;
  let candidate = name;
  if (name[0] === '[') {
    const close = name.indexOf(']');
    if (close >= 0) {
      const inner = name.slice(1, close);
      if (inetAddr(inner) !== null || parseIPv6(stripIPv6Tag(inner)) !== null) {
        return { count: 1, hosts: [name], status };
      }
      tryCanon = true;
      candidate = inner;
    }
  } else if (useDns) {
    // The MX query finds no such domain: try the name itself as a host.
    tryCanon = true;
    status = EX_NOHOST;
  }
  if (!tryCanon) return none(status);
  const r = canonicalName(candidate, switchTable, env);
  if (!r.found) return none(status);
  return { count: 1, hosts: [r.name.endsWith('.') ? r.name : `${r.name}.`], status };
}

export const bestmxClass: MapClass = {
  name: 'bestmx',
  fileOptional: true,
  parse: parseCommonArgs,
  open: openNothing,
  lookup: (map, name, av, ctx) => {
    const mx = mxHosts(name, ctx.env, ctx.shared.serviceSwitch(), {
      tryFallback: false,
      fallbackMx: null,
    });
    if (mx.count <= 0) return { value: null, status: mx.status };
    const { flags } = map.decl;
    if (flags.matchOnly) return { value: mapRewrite(flags, name, null), status: mx.status };
    // With -z and several hosts they would be joined; without a network there is only one.
    return { value: mapRewrite(flags, mx.hosts[0]!, av), status: mx.status };
  },
};

/** dns: every query answers "no such domain" with no network. */
export const dnsClass: MapClass = {
  name: 'dns',
  fileOptional: true,
  parse: parseDnsArgs,
  open: openNothing,
  lookup: () => ({ value: null, status: EX_NOTFOUND }),
};
