// sendmail parses K-line arguments by walking a C string and writing NUL bytes into it to end
// each value; values are read later as C strings. A few of its quirks (an option value that ends
// at the next blank, a value read after a later option moved the terminator) only come out right
// when the same buffer discipline is followed, so argument parsers work on a CBuffer.
import { cString } from '../../sendmail/strings.js';
import {
  isAlnum as isAlnumByte,
  isDigit as isDigitByte,
  isSpace as isSpaceByte,
} from '../../sendmail/ctype.js';

// The C library's character classes on one-char strings (the CBuffer's view of a byte).
export const isSpace = (c: string): boolean => isSpaceByte(c.charCodeAt(0));
export const isDigit = (c: string): boolean => isDigitByte(c.charCodeAt(0));
export const isAlnum = (c: string): boolean => isAlnumByte(c.charCodeAt(0));

/** A mutable C string: reading past the end yields NUL, and NULs can be written anywhere. */
export class CBuffer {
  private readonly chars: string[];

  constructor(text: string) {
    this.chars = Array.from(cString(text));
  }

  at(i: number): string {
    return i < this.chars.length ? this.chars[i]! : '\0';
  }

  set(i: number, c: string): void {
    if (i < this.chars.length) this.chars[i] = c;
  }

  /** The C string starting at i. */
  str(i: number): string {
    let end = i;
    while (end < this.chars.length && this.chars[end] !== '\0') end++;
    return this.chars.slice(i, end).join('');
  }

  /** Index of the first c at or after i within the C string at i, or -1 (strchr). */
  indexOf(c: string, i: number): number {
    for (let j = i; j < this.chars.length && this.chars[j] !== '\0'; j++) {
      if (this.chars[j] === c) return j;
    }
    return -1;
  }

  skipSpaces(i: number): number {
    while (isSpace(this.at(i))) i++;
    return i;
  }

  /** Moves to the next blank (or the end) and ends the current word there; returns the index after it. */
  endWord(i: number): number {
    while (this.at(i) !== '\0' && !isSpace(this.at(i))) i++;
    if (this.at(i) !== '\0') {
      this.set(i, '\0');
      i++;
    }
    return i;
  }
}
