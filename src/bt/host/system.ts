// The machine as sendmail sees it at start-up: its host name, its network interfaces, and the
// C library's host lookups (gethostbyname2 / gethostbyaddr through /etc/nsswitch.conf,
// /etc/host.conf and /etc/hosts). mailcf never sends a DNS query: the "dns" service answers
// "host not found", which is what sendmail gets when no name server can be reached.
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { hostsByAddress, hostsByName, parseHostsFile, type HostEnt, type HostsLine } from './hosts-file.js';
import { parseIp, type AddressFamily, type IpAddress } from './inet.js';
import { bytePath } from '../../sendmail/byte-paths.js';

/** One address of an interface that is up (what SIOCGIFCONF reports). */
export interface InterfaceAddress {
  name: string;
  address: IpAddress;
  loopback: boolean;
}

/** Everything about the machine the start-up sequence reads; tests provide their own. */
export interface HostSystem {
  /** gethostname(). */
  hostname(): string;
  /** uname()'s node name. */
  nodename(): string;
  /** IPv4 addresses of the interfaces that are up, in kernel order. */
  interfaces(): InterfaceAddress[];
  /** Reads a file as latin1, or null when it cannot be read. */
  readFile(path: string): string | null;
}

/** The real machine. */
export function nodeHostSystem(): HostSystem {
  return {
    hostname: () => hostname(),
    nodename: () => hostname(),
    interfaces: () => {
      const out: InterfaceAddress[] = [];
      for (const [name, addrs] of Object.entries(networkInterfaces())) {
        for (const a of addrs ?? []) {
          if (a.family !== 'IPv4') continue;
          const address = parseIp(a.address);
          if (address) out.push({ name, address, loopback: a.internal });
        }
      }
      return out;
    },
    readFile: (path) => {
      try {
        return readFileSync(bytePath(path)).toString('latin1');
      } catch {
        return null;
      }
    },
  };
}

/** h_errno values the C library sets. */
export const HOST_NOT_FOUND = 1;
export const TRY_AGAIN = 2;
export const NO_DATA = 4;

export interface LookupAnswer {
  host: HostEnt | null;
  /** h_errno after the call (0 on success). */
  herrno: number;
}

/** The hosts line of nsswitch.conf: service names in order, action specs dropped. */
export function parseNsswitchHosts(text: string | null): string[] {
  const fallback = ['dns', 'files'];
  if (text === null) return fallback;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '');
    const m = /^\s*hosts\s*:(.*)$/.exec(line);
    if (!m) continue;
    return m[1]
      .replace(/\[[^\]]*\]/g, ' ')
      .split(/\s+/)
      .filter((s) => s !== '');
  }
  return fallback;
}

/** host.conf's "multi on". */
export function parseHostConfMulti(text: string | null): boolean {
  if (text === null) return false;
  return text.split('\n').some((l) => /^\s*multi\s+on\b/i.test(l));
}

/** The C library's resolver as configured on this machine. */
export class SystemResolver {
  private readonly services: string[];
  private readonly multi: boolean;
  private readonly hosts: HostsLine[];

  constructor(system: HostSystem) {
    this.services = parseNsswitchHosts(system.readFile('/etc/nsswitch.conf'));
    this.multi = parseHostConfMulti(system.readFile('/etc/host.conf'));
    this.hosts = parseHostsFile(system.readFile('/etc/hosts') ?? '');
  }

  /** gethostbyname2(name, family). */
  byName(name: string, family: AddressFamily): LookupAnswer {
    const literal = parseIp(name);
    if (literal) {
      if (literal.family !== family) return { host: null, herrno: HOST_NOT_FOUND };
      return { host: { name, aliases: [], family, addresses: [literal] }, herrno: 0 };
    }
    for (const service of this.services) {
      if (service !== 'files') continue;
      const host = hostsByName(this.hosts, name, family, this.multi);
      if (host) return { host, herrno: 0 };
    }
    return { host: null, herrno: HOST_NOT_FOUND };
  }

  /** gethostbyaddr(address). */
  byAddress(address: IpAddress): LookupAnswer {
    for (const service of this.services) {
      if (service !== 'files') continue;
      const host = hostsByAddress(this.hosts, address);
      if (host) return { host, herrno: 0 };
    }
    return { host: null, herrno: HOST_NOT_FOUND };
  }
}
