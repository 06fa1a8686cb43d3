// sendmail reads its input with fgets into fixed buffers: a line longer than the buffer comes
// back in pieces, each piece handled as a line of its own. Test mode and the help file both
// read this way.

/** sendmail's MAXLINE: the size of its line buffers (so at most 2047 bytes per read). */
export const MAXLINE = 2048;

/**
 * Splits text the way successive fgets calls with a `bufSize` buffer return it: each piece ends
 * after a newline or after bufSize - 1 bytes; a last piece without a newline is kept.
 */
export function fgetsPieces(text: string, bufSize = MAXLINE): string[] {
  const pieces: string[] = [];
  const max = bufSize - 1;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const end = Math.min(lineEnd, at + max);
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** A C string ends at its first NUL byte. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** What test mode does with a piece: cut at NUL, drop the first newline and what follows. */
export function commandFromPiece(piece: string): string {
  const s = cString(piece);
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}
