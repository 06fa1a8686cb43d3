// Columns of a line as sendmail's get_column cuts them: text maps, the hosts file, LDAP's
// host check all read files of blank- or character-separated columns.
import { isSpace } from './cbuf.js';
import { MAXNAME } from './types.js';

/** sendmail's get_column: column col of line, split at delim (null: runs of white space). */
export function getColumn(line: string, col: number, delim: string | null): string | null {
  const isDelim =
    delim === null ? (c: string) => c === '\n' || c === '\t' || c === ' ' : (c: string) => c === delim;
  if (line === '') return null;
  if (delim !== null && line[0] === delim && col === 0) return null;
  let begin = 0;
  if (col === 0 && delim === null) while (begin < line.length && isSpace(line[begin]!)) begin++;
  for (let i = 0; i < col; i++) {
    while (begin < line.length && !isDelim(line[begin]!)) begin++;
    if (begin >= line.length) return null;
    begin++;
    if (delim === null) while (begin < line.length && isSpace(line[begin]!)) begin++;
  }
  let end = begin;
  while (end < line.length && !isDelim(line[end]!)) end++;
  return line.slice(begin, Math.min(end, begin + MAXNAME));
}
