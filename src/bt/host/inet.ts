// IP addresses as bytes, parsed the way the C library's inet_pton reads them and printed the
// ways sendmail prints them (dotted quads; IPv6 uncompressed with an "IPv6:" tag).

export type AddressFamily = 'inet' | 'inet6';

export interface IpAddress {
  family: AddressFamily;
  /** 4 or 16 bytes, network order. */
  bytes: readonly number[];
}

/** inet_pton(AF_INET): exactly four decimal parts 0–255, no leading zeros beyond "0". */
export function parseIpv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return { family: 'inet', bytes };
}

/** inet_pton(AF_INET6): hex groups, one "::", an optional trailing dotted quad. */
export function parseIpv6(text: string): IpAddress | null {
  if (text.length === 0) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const items = half.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIpv4(item);
        if (!v4) return null;
        out.push((v4.bytes[0] << 8) | v4.bytes[1], (v4.bytes[2] << 8) | v4.bytes[3]);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(item)) return null;
        out.push(parseInt(item, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  let all: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    all = head;
  }
  if (all.length !== 8) return null;
  return { family: 'inet6', bytes: all.flatMap((g) => [g >> 8, g & 0xff]) };
}

/** Either family, IPv4 first (as the hosts-file reader tries them). */
export function parseIp(text: string): IpAddress | null {
  return parseIpv4(text) ?? parseIpv6(text);
}

export function formatIpv4(bytes: readonly number[]): string {
  return bytes.slice(0, 4).join('.');
}

function isV4Mapped(bytes: readonly number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/**
 * sendmail's anynet_ntop with full (uncompressed) IPv6 addresses, as Debian builds it:
 * "IPv6:" followed by eight hex groups without leading zeros; a v4-mapped address prints as
 * its dotted quad.
 */
export function sendmailAddressText(addr: IpAddress): string {
  if (addr.family === 'inet') return formatIpv4(addr.bytes);
  if (isV4Mapped(addr.bytes)) return formatIpv4(addr.bytes.slice(12));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((addr.bytes[i] << 8) | addr.bytes[i + 1]).toString(16));
  return `IPv6:${groups.join(':')}`;
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return (
    a.family === b.family && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i])
  );
}
