// Host name resolution as sendmail does it for the host and bestmx maps, with no network: the
// service switch's "files" reads the hosts file, and every DNS query answers "no such domain"
// (what the resolver reports when no name server can be reached here).
import { asciiCaseEqual } from '../../sendmail/ctype.js';
import { getColumn } from './columns.js';
import { inetAddr, parseIPv4, parseIPv6 } from './inet.js';
import { serviceTypes, type ServiceTable } from './service-switch.js';
import type { MapEnvironment } from './types.js';
import { EX_NOHOST, EX_OK, EX_UNAVAILABLE } from '../../sendmail/sysexits.js';
import { MAXNAME } from './types.js';

/**
 * What a host name lookup found. name is sendmail's host buffer afterwards: the canonical name
 * when found; otherwise the name as the lookups left it (a DNS attempt drops a final dot).
 */
export interface CanonResult {
  found: boolean;
  name: string;
}

/** The meaningful part of each hosts file line (comments and newlines removed). */
/** Hosts files already read, per environment (sendmail rereads; the file does not change). */
const hostsCache = new WeakMap<MapEnvironment, Map<string, string[] | null>>();

function hostsLines(env: MapEnvironment): string[] | null {
  const path = env.options.hostsFile;
  let files = hostsCache.get(env);
  if (files === undefined) hostsCache.set(env, (files = new Map()));
  const cached = files.get(path);
  if (cached !== undefined) return cached;
  const read = env.readFile(path);
  const lines = read.ok
    ? read.text.split('\n').map((l) => {
        const cut = l.indexOf('#');
        return cut < 0 ? l : l.slice(0, cut);
      })
    : null;
  files.set(path, lines);
  return lines;
}

/**
 * sendmail's shorten_hostname: drops a final dot, and when the domain part is (a prefix of) $m
 * gives the short name. Returns [shortName, fullName or null when not shortened].
 */
function shortenHostname(host: string, mydom: string): [string, string | null] {
  let canon = false;
  if (host.endsWith('.')) {
    host = host.slice(0, -1);
    canon = true;
  }
  const dot = host.indexOf('.');
  if (dot < 0) return [host, null];
  const dom = host.slice(dot + 1);
  const next = mydom[dom.length];
  const same = canon ? asciiCaseEqual(dom, mydom) : asciiCaseEqual(dom, mydom.slice(0, dom.length));
  if (same && (next === '.' || next === undefined)) return [host.slice(0, dot), host];
  return [host, null];
}

/** extract_canonname: does this hosts line name the host? If so, its canonical name. */
function canonFromLine(
  short: string,
  full: string | null,
  line: string,
  mydom: string | null,
): string | null {
  let canon = '';
  let found = false;
  for (let i = 1; ; i++) {
    const name = getColumn(line, i, null);
    if (name === null) break;
    if (name === '') continue;
    if (canon === '' || (!canon.includes('.') && name.includes('.'))) canon = name;
    if (asciiCaseEqual(short, name)) found = true;
    else if (full !== null && asciiCaseEqual(full, name)) found = true;
  }
  if (!found) return null;
  if (!canon.includes('.') && mydom !== null && mydom.length + canon.length + 1 < MAXNAME + 1) {
    canon = `${canon}.${mydom}`;
  }
  return canon;
}

/** text_getcanonname: the hosts file's canonical name for a host. */
function filesCanonName(host: string, env: MapEnvironment): { name: string | null; status: number } {
  if (host.length > MAXNAME) return { name: null, status: EX_UNAVAILABLE };
  const mydom = env.macros.get('m');
  const [short, full] = shortenHostname(host, mydom ?? '');
  const lines = hostsLines(env);
  if (lines === null) return { name: null, status: EX_UNAVAILABLE };
  for (const line of lines) {
    if (line === '') continue;
    const canon = canonFromLine(short, full, line, mydom);
    if (canon !== null) return { name: canon, status: EX_OK };
  }
  return { name: null, status: EX_NOHOST };
}

/**
 * getcanonname(): tries each "hosts" service in turn. A name found without a dot is only
 * accepted when $m is set (then $m is appended), as sendmail does.
 */
export function canonicalName(host: string, switchTable: ServiceTable, env: MapEnvironment): CanonResult {
  const types = serviceTypes(switchTable, 'hosts') ?? [];
  let found = false;
  for (const type of types) {
    if (type === 'files') {
      const r = filesCanonName(host, env);
      found = r.name !== null;
      if (r.name !== null) host = r.name;
    } else {
      // dns with no network finds no such domain (its resolver call drops a final dot); nis
      // and nisplus have no server: nothing found, nothing to retry.
      if (type === 'dns' && host.endsWith('.')) host = host.slice(0, -1);
      found = false;
    }
    if (found && (env.macros.get('m') !== null || host.includes('.'))) break;
  }
  if (!found) return { found: false, name: host };
  const dot = host.indexOf('.');
  if (dot < 0 || dot === host.length - 1) {
    const mydom = env.macros.get('m');
    if (mydom === null) return { found: false, name: host };
    host = host.endsWith('.') ? host + mydom : `${host}.${mydom}`;
  }
  return { found: true, name: host };
}

/** gethostbyaddr() through the hosts file: the first name on the line with this address. */
export function hostByAddress(bytes: number[], env: MapEnvironment): string | null {
  const lines = hostsLines(env);
  if (lines === null) return null;
  for (const line of lines) {
    const addr = getColumn(line, 0, null);
    const name = getColumn(line, 1, null);
    if (addr === null || name === null || name === '') continue;
    const lineBytes = bytes.length === 4 ? parseIPv4(addr) : parseIPv6(addr);
    if (lineBytes !== null && lineBytes.every((b, i) => b === bytes[i])) return name;
  }
  return null;
}

/** gethostbyname() through the hosts file (then DNS, which finds nothing here): known or not. */
export function hostByName(name: string, env: MapEnvironment): string | null {
  if (inetAddr(name) !== null || parseIPv6(name) !== null) return name;
  const lines = hostsLines(env);
  if (lines === null) return null;
  for (const line of lines) {
    for (let i = 1; ; i++) {
      const n = getColumn(line, i, null);
      if (n === null) break;
      if (n !== '' && asciiCaseEqual(n, name)) return getColumn(line, 1, null);
    }
  }
  return null;
}
export { inetAddr } from './inet.js';
