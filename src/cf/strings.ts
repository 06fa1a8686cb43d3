// String field readers of the .cf syntax.

const MAXLINE = 2048;

/**
 * sendmail's munchstring: reads a field up to `delim` (outside double quotes); quotes are
 * removed, a backslash escapes the next char (\r \n \f \b are control chars). Returns the text
 * and the index of the delimiter (or end).
 */
export function munchString(s: string, delim: string, from = 0): { text: string; end: number } {
  let out = '';
  let backslash = false;
  let quoted = false;
  let p = from;
  for (; p < s.length && out.length < MAXLINE - 1; p++) {
    const c = s[p];
    if (backslash) {
      backslash = false;
      out += c === 'r' ? '\r' : c === 'n' ? '\n' : c === 'f' ? '\f' : c === 'b' ? '\b' : c;
    } else if (c === '\\') backslash = true;
    else if (c === '"') quoted = !quoted;
    else if (quoted || c !== delim) out += c;
    else break;
  }
  return { text: out, end: p };
}

/**
 * sendmail's extrquotstr (F line file names): quotes group, `\ ` is a blank, other
 * backslashes stay. ok is false for an unbalanced quote or a trailing backslash.
 */
export function extractQuoted(s: string, delims: string): { text: string; end: number; ok: boolean } {
  let out = '';
  let backslash = false;
  let quoted = false;
  let p = 0;
  for (; p < s.length && out.length < MAXLINE - 1; p++) {
    const c = s[p];
    if (backslash) {
      backslash = false;
      if (c !== ' ') out += '\\';
    }
    if (c === '\\') backslash = true;
    else if (c === '"') quoted = !quoted;
    else if (quoted || !delims.includes(c)) out += c;
    else break;
  }
  return { text: out, end: p, ok: !(quoted || backslash) };
}
