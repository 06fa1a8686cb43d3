// What sendmail's K-line parsers have in common. Each class family has a parser of its own
// (map_parseargs, and those of host, dns, ldap, regex, dequote …), but they walk the options
// the same way — blanks, "-", a letter, the letter's value, the end of the word — and most
// letters mean the same thing wherever a parser accepts them. Each parser lists the shared
// letters it accepts and handles only its own.
import { convtime } from '../../sendmail/convtime.js';
import { CBuffer, isSpace } from './cbuf.js';
import type { ParseContext } from './state.js';
import type { MapFlags } from './types.js';

/** Every shared letter: -A -a -D -f -m -N -O -o -q -S -T -t -z. */
export const SHARED_LETTERS = 'AaDfmNOoqSTtz';

/**
 * Walks the options at the start of buf: for each "-x", `handle` gets the index of the letter
 * and returns where its value ends (or null to give up: the walk then returns null);
 * `endWord` ends the word there (by default at the next blank, as most parsers do). Returns
 * the index of the first word that is not an option.
 */
export function forEachOption(
  buf: CBuffer,
  handle: (letterAt: number) => number,
  endWord?: (p: number) => number,
): number;
export function forEachOption(
  buf: CBuffer,
  handle: (letterAt: number) => number | null,
  endWord?: (p: number) => number,
): number | null;
export function forEachOption(
  buf: CBuffer,
  handle: (letterAt: number) => number | null,
  endWord: (p: number) => number = (p) => buf.endWord(p),
): number | null {
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') return p;
    const end = handle(p + 1);
    if (end === null) return null;
    p = endWord(end);
  }
}

/** The shared letters of one parser, and where the -a and -T texts start once read. */
export class SharedOptions {
  private appendAt = -1;
  private tempfailAt = -1;

  constructor(
    private readonly buf: CBuffer,
    private readonly flags: MapFlags,
    private readonly accepted: string = SHARED_LETTERS,
  ) {}

  /**
   * Applies the option whose letter is at p when it is a shared letter this parser accepts:
   * returns where its value ends, or null (the parser handles the letter itself). `letter`
   * reads a parser's synonym as the shared letter it stands for.
   */
  apply(p: number, letter = this.buf.at(p)): number | null {
    if (letter === '\0' || !this.accepted.includes(letter)) return null;
    const f = this.flags;
    switch (letter) {
      case 'A':
        f.appendOnRebuild = true;
        break;
      case 'a':
        this.appendAt = ++p;
        break;
      case 'D':
        f.defer = true;
        break;
      case 'f':
        f.noFoldCase = true;
        break;
      case 'm':
        f.matchOnly = true;
        break;
      case 'N':
        f.includeNull = true;
        f.tryWithoutNull = false;
        break;
      case 'O':
        f.tryWithNull = false;
        break;
      case 'o':
        f.optional = true;
        break;
      case 'q':
        f.keepQuotes = true;
        break;
      case 'S':
        f.spaceSub = nulAsNull(this.buf.at(++p));
        break;
      case 'T':
        this.tempfailAt = ++p;
        break;
      case 't':
        f.noDefer = true;
        break;
      case 'z':
        p = this.columnDelimiter(p);
        break;
    }
    return p;
  }

  /** Stores the -a and -T texts (read after the walk, as the words were ended in place). */
  finish(transform: (text: string) => string = (text) => text): void {
    if (this.appendAt >= 0) this.flags.appendText = transform(this.buf.str(this.appendAt));
    if (this.tempfailAt >= 0) this.flags.tempfailText = transform(this.buf.str(this.tempfailAt));
  }

  /** -z: a character, or \n, \t, and \ for anything else after a backslash. */
  private columnDelimiter(p: number): number {
    const c = this.buf.at(++p);
    if (c !== '\\') {
      this.flags.columnDelimiter = nulAsNull(c);
      return p;
    }
    const escaped = this.buf.at(++p);
    this.flags.columnDelimiter = escaped === 'n' ? '\n' : escaped === 't' ? '\t' : '\\';
    return p;
  }
}

/** A NUL read from the buffer (an option with nothing after it) is "not set". */
export function nulAsNull(c: string): string | null {
  return c === '\0' ? null : c;
}

/** The value of an option that skips the blanks after its letter (-k, -v, -r …): its index. */
export function valueAfter(buf: CBuffer, letterAt: number): number {
  let p = letterAt + 1;
  while (isSpace(buf.at(p))) p++;
  return p;
}

/** A value that ends at the next space (not any blank), as sendmail cuts it with strchr. */
export function upToSpace(buf: CBuffer, p: number): string {
  const s = buf.str(p);
  const space = s.indexOf(' ');
  return space < 0 ? s : s.slice(0, space);
}

/** A -d timeout value (seconds by default) starting at p. */
export function timeoutAt(buf: CBuffer, p: number, ctx: ParseContext): number {
  return convtime(upToSpace(buf, p), 's', { usrerr: (text) => ctx.env.report({ severity: 'usrerr', text }) });
}

/** sendmail's complaint about an unknown letter; a lone "-" at the end prints its NUL, which cuts the text. */
export function illegalOption(letter: string, mapName: string): string {
  return letter === '\0' ? 'Illegal option ' : `Illegal option ${letter} map ${mapName}`;
}
