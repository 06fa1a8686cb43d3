// The text a regex sees: bytes (latin1 chars) grouped into characters. In the C locale every byte
// is a character; in a UTF-8 locale GNU's regex decodes with mbrtowc, and a byte that does not
// start a valid sequence is a character of its own whose "wide" value is the byte itself.

/** Which character set the regex works in, as GNU m4's locale decides it. */
export type Charset = 'bytes' | 'utf8';

/** C's isalnum / isspace in the C locale (ASCII only). */
export function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** A word character for \w, \b, \< and \> in the C locale. */
export function isByteWordChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 95;
}

const WIDE_ALNUM = /^[\p{Alphabetic}\p{Nd}]$/u;
// glibc's "space" class beyond ASCII (no-break spaces are not spaces there).
const WIDE_SPACES = new Set([0x1680, 0x2028, 0x2029, 0x205f, 0x3000]);

/** iswalnum() of the C.UTF-8 locale, as closely as JS's Unicode tables allow. */
export function isWideAlnum(wc: number): boolean {
  if (wc < 0x80) return isAsciiAlnum(wc);
  if (wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff)) return false;
  return WIDE_ALNUM.test(String.fromCodePoint(wc));
}

/** iswspace() of the C.UTF-8 locale. */
export function isWideSpace(wc: number): boolean {
  if (wc < 0x80) return isAsciiSpace(wc);
  return WIDE_SPACES.has(wc) || (wc >= 0x2000 && wc <= 0x200a && wc !== 0x2007);
}

/**
 * Length of the valid UTF-8 sequence starting at `i` as glibc's mbrtowc accepts it (no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0 when the byte does not start one.
 */
export function utf8SequenceLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  let length: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [length, min] = [2, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [length, min] = [3, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (i + length > text.length) return 0;
  let wc = c & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const d = text.charCodeAt(i + k);
    if ((d & 0xc0) !== 0x80) return 0;
    wc = (wc << 6) | (d & 0x3f);
  }
  if (wc < min || wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff)) return 0;
  return length;
}

export function decodeUtf8At(text: string, i: number, length: number): number {
  const c = text.charCodeAt(i);
  if (length === 1) return c;
  let wc = c & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) wc = (wc << 6) | (text.charCodeAt(i + k) & 0x3f);
  return wc;
}

/**
 * The subject of a match: its bytes and, in UTF-8, where its characters start and what they are.
 * `charLength[p]` is the byte length of the character starting at p (0 inside a character);
 * `wide[p]` its wide value; `valid[p]` false for a lone invalid byte.
 */
export interface Subject {
  text: string;
  length: number;
  charset: Charset;
  charLength: Uint8Array;
  wide: Int32Array;
  valid: Uint8Array;
}

export function makeSubject(text: string, charset: Charset): Subject {
  const n = text.length;
  const charLength = new Uint8Array(n);
  const wide = new Int32Array(n);
  const valid = new Uint8Array(n);
  for (let p = 0; p < n;) {
    const code = text.charCodeAt(p);
    if (charset === 'bytes' || code < 0x80) {
      charLength[p] = 1;
      wide[p] = code;
      valid[p] = 1;
      p++;
      continue;
    }
    const length = utf8SequenceLength(text, p);
    if (length === 0) {
      charLength[p] = 1;
      wide[p] = code;
      valid[p] = 0;
      p++;
      continue;
    }
    charLength[p] = length;
    wide[p] = decodeUtf8At(text, p, length);
    valid[p] = 1;
    p += length;
  }
  return { text, length: n, charset, charLength, wide, valid };
}
