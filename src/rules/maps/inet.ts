// Internet address text forms as the C library reads them (inet_pton, inet_addr).

/** inet_pton(AF_INET): exactly four decimal parts of 0..255, no leading zeros. */
export function parseIPv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map((p) => (p.length > 1 && p[0] === '0' ? 256 : Number(p)));
  return parts.every((n) => n <= 255) ? parts : null;
}

/** inet_pton(AF_INET6): the 16 bytes of an IPv6 address in any RFC 4291 text form. */
export function parseIPv6(text: string): number[] | null {
  let head = text;
  let tail4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail4 = v4;
    head = text.slice(0, lastColon + 1);
    // "::" before the IPv4 part stands for zero groups or more; a single ":" just separates.
    if (!head.endsWith('::')) head = head.slice(0, -1);
    if (head === '') return null;
  }
  const groupsWanted = 8 - tail4.length / 2;
  const double = head.indexOf('::');
  if (double >= 0 && head.indexOf('::', double + 1) >= 0) return null;
  const split = (s: string): string[] | null => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : null;
  };
  let groups: string[];
  if (double >= 0) {
    const left = split(head.slice(0, double));
    const right = split(head.slice(double + 2));
    if (left === null || right === null) return null;
    const missing = groupsWanted - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else {
    const all = split(head);
    if (all === null || all.length !== groupsWanted) return null;
    groups = all;
  }
  const bytes: number[] = [];
  for (const g of groups) {
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return [...bytes, ...tail4];
}

/** inet_addr(): the lenient IPv4 parser (1 to 4 parts, octal and hex), or null (INADDR_NONE). */
export function inetAddr(text: string): number[] | null {
  const m = /^([^ \t\n\v\f\r]*)(?:[ \t\n\v\f\r].*)?$/s.exec(text);
  const parts = (m?.[1] ?? '').split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9]\d*)$/.test(p))) {
    return null;
  }
  const nums = parts.map((p) =>
    /^0[xX]/.test(p)
      ? Number.parseInt(p.slice(2) || '0', 16)
      : p[0] === '0'
        ? Number.parseInt(p, 8)
        : Number(p),
  );
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  const bytes = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes.every((b) => b === 255) ? null : bytes;
}
