// Who sendmail thinks it is: the canonical host name ($j, first $w), the domain ($m), the
// node name ($k), and the names and [addresses] that go into class w — first from the host
// lookup at start-up, later (after the .cf is read) from the network interfaces.
import { sendmailAddressText, type AddressFamily } from './inet.js';
import type { HostEnt } from './hosts-file.js';
import type { HostSystem, InterfaceAddress, SystemResolver } from './system.js';

/** Membership and insertion for a class, as sendmail's wordinclass/setclass. */
export interface ClassAccess {
  has(className: string, word: string): boolean;
  add(className: string, word: string): void;
}

/** Told of each name sendmail reports with -d0.4 ("a.k.a."). */
export type AkaTrace = (name: string) => void;

/** What the start-up lookup found, before the .cf is read. */
export interface StartupIdentity {
  /** The canonical name: $j, and $w until a V5+ .cf shortens it. */
  canonicalName: string;
  /** $m: what follows the first dot of the canonical name, if anything. */
  domain: string | null;
  /** $k: uname's node name. */
  nodename: string;
  /** The host entry the lookup found (its aliases and addresses join class w). */
  host: HostEnt | null;
  /**
   * A lookup failed on the way: sendmail then read its (default) service switch file, whose
   * services it keeps for later.
   */
  readServiceSwitch: boolean;
}

function hasDot(s: string): boolean {
  return s.includes('.');
}

/**
 * sendmail's shorten_hostname: without a final dot, and without the domain when that domain
 * is $m (or a prefix of it, for names not ending in a dot); null when nothing was shortened.
 */
export function shortenHostname(host: string, mydomain: string | null): string | null {
  let name = host;
  let canonical = false;
  if (name.endsWith('.')) {
    name = name.slice(0, -1);
    canonical = true;
  }
  const dot = name.indexOf('.');
  if (dot < 0) return canonical ? name : null;
  const domain = name.slice(dot + 1).toLowerCase();
  const mine = (mydomain ?? '').toLowerCase();
  const same = canonical ? domain === mine : mine.startsWith(domain);
  const next = mine[domain.length];
  if (same && (next === '.' || next === undefined)) return name.slice(0, dot);
  return canonical ? name : null;
}

/**
 * sendmail's sm_gethostbyname: the C library lookup; when it fails and the host switch has
 * "files" (or "nis"), once more with the name shortened as shorten_hostname does.
 */
export function sendmailGetHostByName(
  resolver: SystemResolver,
  name: string,
  family: AddressFamily,
  hostServices: readonly string[],
  mydomain: string | null = null,
  onMiss: () => void = () => {},
): HostEnt | null {
  let answer = resolver.byName(name, family).host;
  // sendmail consults its service switch after a failed lookup
  if (!answer) onMiss();
  if (!answer && hostServices.some((s) => s === 'files' || s === 'nis')) {
    const short = shortenHostname(name, mydomain) ?? name;
    if (short !== name) answer = resolver.byName(short, family).host;
  }
  return answer && answer.family === family ? answer : null;
}

/**
 * The start-up host lookup (sendmail's myhostname and what main does with it). IPv6 is tried
 * first, as on a system where an IPv6 socket can be made, then IPv4. `canonicalize` is the
 * service-switch lookup sendmail falls back on for a name still without a dot; its outcome only
 * decides whether sendmail would sleep and retry, which mailcf does not do.
 */
export function lookUpIdentity(
  system: HostSystem,
  resolver: SystemResolver,
  hostServices: readonly string[],
): StartupIdentity {
  let name = system.hostname() || 'localhost';
  let readServiceSwitch = false;
  const miss = (): void => {
    readServiceSwitch = true;
  };
  const host =
    sendmailGetHostByName(resolver, name, 'inet6', hostServices, null, miss) ??
    sendmailGetHostByName(resolver, name, 'inet', hostServices, null, miss);
  if (host) {
    if (hasDot(host.name) || !hasDot(name)) name = host.name;
    if (!hasDot(name)) {
      const dotted = host.aliases.find(hasDot);
      if (dotted !== undefined) name = dotted;
    }
  }
  const dot = name.indexOf('.');
  const domain = dot >= 0 && dot + 1 < name.length ? name.slice(dot + 1) : null;
  return { canonicalName: name, domain, nodename: system.nodename(), host, readServiceSwitch };
}

/** The class w entries the start-up lookup contributes, in sendmail's order. */
export function addStartupNames(id: StartupIdentity, classes: ClassAccess, trace: AkaTrace = () => {}): void {
  classes.add('w', id.canonicalName);
  classes.add('k', id.nodename);
  classes.add('w', id.nodename);
  if (!id.host) return;
  for (const alias of id.host.aliases) {
    trace(alias);
    classes.add('w', alias);
  }
  for (const addr of id.host.addresses) {
    const literal = `[${sendmailAddressText(addr)}]`;
    trace(literal);
    classes.add('w', literal);
  }
}

export type InterfaceProbing = 'all' | 'skip-loopback' | 'none';

/**
 * sendmail's load_if_names: every interface address that is up joins class w as [address];
 * then the names its reverse lookup gives (and each of them in brackets), unless the
 * interface is a loopback one and DontProbeInterfaces=loopback.
 */
export function addInterfaceNames(
  interfaces: readonly InterfaceAddress[],
  resolver: SystemResolver,
  probing: InterfaceProbing,
  classes: ClassAccess,
  trace: AkaTrace = () => {},
): void {
  if (probing === 'none') return;
  for (const iface of interfaces) {
    if (iface.address.bytes.every((b) => b === 0) || iface.address.bytes.every((b) => b === 0xff)) continue;
    const literal = `[${sendmailAddressText(iface.address)}]`;
    if (!classes.has('w', literal)) {
      classes.add('w', literal);
      trace(literal);
    }
    if (probing === 'skip-loopback' && iface.loopback) continue;
    const host = resolver.byAddress(iface.address).host;
    if (!host) continue;
    for (const name of [host.name, ...host.aliases]) {
      if (classes.has('w', name)) continue;
      classes.add('w', name);
      trace(name);
      if (!classes.has('w', `[${name}]`)) classes.add('w', `[${name}]`);
    }
  }
}
