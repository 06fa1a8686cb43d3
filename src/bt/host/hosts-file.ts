// The hosts file as the C library's "files" service reads it for gethostbyname2 and
// gethostbyaddr: one address and its names per line, '#' starts a comment, the first name is
// the canonical one. With "multi on" (host.conf) a name lookup merges every matching line.
import { parseIp, sameAddress, type AddressFamily, type IpAddress } from './inet.js';

export interface HostsLine {
  address: IpAddress;
  names: string[];
}

/** A host entry as gethostbyname returns it. */
export interface HostEnt {
  name: string;
  aliases: string[];
  family: AddressFamily;
  addresses: IpAddress[];
}

export function parseHostsFile(text: string): HostsLine[] {
  const out: HostsLine[] = [];
  for (const raw of text.split('\n')) {
    const hash = raw.indexOf('#');
    const fields = (hash < 0 ? raw : raw.slice(0, hash)).split(/[ \t\r\f\v]+/).filter((f) => f !== '');
    if (fields.length < 2) continue;
    const address = parseIp(fields[0]);
    if (!address) continue;
    out.push({ address, names: fields.slice(1) });
  }
  return out;
}

const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A line's address as an IPv4 lookup sees it: the C library reads "::1" as 127.0.0.1 and a
 * v4-mapped address as its IPv4 part; other IPv6 lines do not answer IPv4 lookups.
 */
function addressFor(line: HostsLine, family: AddressFamily): IpAddress | null {
  const a = line.address;
  if (a.family === family) return a;
  if (family !== 'inet') return null;
  const b = a.bytes;
  const zeros = (n: number): boolean => b.slice(0, n).every((x) => x === 0);
  if (zeros(15) && b[15] === 1) return { family: 'inet', bytes: [127, 0, 0, 1] };
  if (zeros(10) && b[10] === 0xff && b[11] === 0xff) return { family: 'inet', bytes: b.slice(12) };
  return null;
}

function matchesName(line: HostsLine, name: string): boolean {
  const want = lower(name);
  return line.names.some((n) => lower(n) === want);
}

/**
 * Looks a name up. Without `multi` the first matching line answers; with it, later matching
 * lines add their addresses and their names (aliases first, then the line's own name when it
 * differs from the answer's), duplicates included, as the C library does.
 */
export function hostsByName(
  lines: readonly HostsLine[],
  name: string,
  family: AddressFamily,
  multi: boolean,
): HostEnt | null {
  let ent: HostEnt | null = null;
  for (const line of lines) {
    const address = addressFor(line, family);
    if (address === null || !matchesName(line, name)) continue;
    if (!ent) {
      ent = { name: line.names[0], aliases: line.names.slice(1), family, addresses: [address] };
      if (!multi) break;
      continue;
    }
    ent.addresses.push(address);
    ent.aliases.push(...line.names.slice(1));
    if (line.names[0] !== ent.name) ent.aliases.push(line.names[0]);
  }
  return ent;
}

/** Reverse lookup: the first line with this address. */
export function hostsByAddress(lines: readonly HostsLine[], address: IpAddress): HostEnt | null {
  const line = lines.find((l) => {
    const a = addressFor(l, address.family);
    return a !== null && sameAddress(a, address);
  });
  if (!line) return null;
  return { name: line.names[0], aliases: line.names.slice(1), family: address.family, addresses: [address] };
}
