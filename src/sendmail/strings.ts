// String routines of sendmail's that several parts need: C strings, quote stripping, long
// strings shortened around "..." and the "FILE: line N: " position of a message about a file
// being read (the .cf, an aliases file).

/** The longest string shortenString ever returns (sendmail's MAXSHORTSTR). */
export const MAXSHORTSTR = 203;

/**
 * sendmail's shortenstring: a string of `max` bytes or more keeps its head and tail around
 * "..." (at most MAXSHORTSTR bytes in all); below 10, just the head (with "..." from 5 on).
 */
export function shortenString(s: string, max: number): string {
  if (s.length < max) return s;
  const limit = Math.min(max, MAXSHORTSTR);
  if (limit < 5) return s.slice(0, limit);
  if (limit < 10) return `${s.slice(0, limit - 3)}...`;
  const half = Math.floor((limit - 3) / 2);
  return `${s.slice(0, half)}...${s.slice(s.length - half)}`;
}

/** The position sendmail puts before a message while it reads a file: the name cut to 83. */
export function filePositionPrefix(file: string, line: number): string {
  return `${shortenString(file, 83)}: line ${line}: `;
}

/** A string up to its first NUL byte, as C sees it. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * sendmail's stripquotes: double quotes dropped, a backslash dropped and the byte after it
 * kept (a trailing backslash is dropped); the string ends at a NUL as in C.
 */
export function stripQuotes(s: string): string {
  if (!s.includes('"') && !s.includes('\\') && !s.includes('\0')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (c === '\\') {
      if (i + 1 >= s.length) break;
      c = s[++i]!;
    } else if (c === '"') continue;
    if (c === '\0') break;
    out += c;
  }
  return out;
}
