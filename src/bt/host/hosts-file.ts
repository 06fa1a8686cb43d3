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
    if (line.address.family !== family || !matchesName(line, name)) continue;
    if (!ent) {
      ent = { name: line.names[0], aliases: line.names.slice(1), family, addresses: [line.address] };
      if (!multi) break;
      continue;
    }
    ent.addresses.push(line.address);
    ent.aliases.push(...line.names.slice(1));
    if (line.names[0] !== ent.name) ent.aliases.push(line.names[0]);
  }
  return ent;
}

/** Reverse lookup: the first line with this address. */
export function hostsByAddress(lines: readonly HostsLine[], address: IpAddress): HostEnt | null {
  const line = lines.find((l) => sameAddress(l.address, address));
  if (!line) return null;
  return { name: line.names[0], aliases: line.names.slice(1), family: address.family, addresses: [address] };
}
