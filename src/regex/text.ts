// The text a regex sees: bytes (latin1 chars) grouped into characters. In the C locale every byte
// is a character; in a UTF-8 locale GNU's regex decodes with mbrtowc, and a byte that does not
// start a valid sequence is a character of its own whose "wide" value is the byte itself.

/** Which character set the regex works in: the C locale's bytes, or a UTF-8 locale. */
export type Charset = 'bytes' | 'utf8';

/** C's toupper in the C locale: REG_ICASE compares pattern and subject upper-cased. */
export function upperCaseByte(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

/** A text with its ASCII letters upper-cased (the C locale's toupper, byte by byte). */
export function upperCaseText(text: string): string {
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

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

// glibc 2.36 classifies characters by Unicode 14.0; JS knows later versions. These letters and
// digits came later (or became alphabetic later), so glibc's iswalnum says no.
const NEWER_THAN_UNICODE_14 =
  '363-36f 88f 897 c04 c5c cdc cf3 f82-f83 1c89-1c8a 1dd3-1de6 a7cb-a7cf a7d2 a7d4 a7da-a7dc a7f1 ' +
  '105c0-105f3 10940-10959 10d40-10d65 10d69 10d6f-10d85 10ec2-10ec7 10efa-10efc 11080-11081 ' +
  '1123f-11241 11380-11389 1138b 1138e 11390-113b5 113b7-113c0 113c2 113c5 113c7-113ca 113cc-113cd ' +
  '113d1 113d3 116d0-116e3 11b60-11b67 11bc0-11be0 11bf0-11bf9 11db0-11ddb 11de0-11de9 11f00-11f10 ' +
  '11f12-11f3a 11f3e-11f40 11f50-11f59 1342f 13441-13446 13460-143fa 16100-1612e 16130-16139 ' +
  '16d40-16d6c 16d70-16d79 16ea0-16eb8 16ebb-16ed3 16ff2-16ff6 187f8-187ff 18cff 18d09-18d1e ' +
  '18d80-18df2 1b132 1b155 1ccf0-1ccf9 1df25-1df2a 1e030-1e06d 1e08f 1e4d0-1e4eb 1e4f0-1e4f9 ' +
  '1e5d0-1e5ed 1e5f0-1e5fa 1e6c0-1e6de 1e6e0-1e6f5 1e6fe-1e6ff 2b739-2b73f 2cea2-2cead ' +
  '2ebf0-2ee5d 31350-33479';

const newerRanges: [number, number][] = NEWER_THAN_UNICODE_14.split(' ').map((r) => {
  const [from, to = from] = r.split('-');
  return [parseInt(from, 16), parseInt(to, 16)];
});

function isNewerThanUnicode14(wc: number): boolean {
  return newerRanges.some(([from, to]) => from <= wc && wc <= to);
}
// glibc's "space" class beyond ASCII (no-break spaces are not spaces there).
const WIDE_SPACES = new Set([0x1680, 0x2028, 0x2029, 0x205f, 0x3000]);

/** iswalnum() of the C.UTF-8 locale, as closely as JS's Unicode tables allow. */
export function isWideAlnum(wc: number): boolean {
  if (wc < 0x80) return isAsciiAlnum(wc);
  if (wc > 0x10ffff || (wc >= 0xd800 && wc <= 0xdfff)) return false;
  return WIDE_ALNUM.test(String.fromCodePoint(wc)) && !isNewerThanUnicode14(wc);
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
 * The subject of a match: its bytes and, when it has multibyte characters to decode, where they
 * start and what they are. `charLength[p]` is the byte length of the character starting at p (0
 * inside a character), `wide[p]` its wide value. `multibyte` is false in the C locale and for
 * pure ASCII text, where every byte is a character and nothing else is needed.
 */
export interface Subject {
  text: string;
  length: number;
  multibyte: boolean;
  charLength: Uint8Array;
  wide: Int32Array;
}

const NO_ARRAY = new Uint8Array(0);
const NO_WIDE = new Int32Array(0);

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The subject as the matcher reads it. With `upperCase` (REG_ICASE, C locale only) glibc
 * matches against an upper-cased copy; offsets are unchanged, since every byte stays one byte.
 */
export function makeSubject(text: string, charset: Charset, upperCase = false): Subject {
  const n = text.length;
  if (upperCase) text = upperCaseText(text);
  if (charset === 'bytes' || isAscii(text)) {
    return { text, length: n, multibyte: false, charLength: NO_ARRAY, wide: NO_WIDE };
  }
  const charLength = new Uint8Array(n);
  const wide = new Int32Array(n);
  for (let p = 0; p < n;) {
    const code = text.charCodeAt(p);
    // A byte that starts no valid sequence is a character by itself, its wide value the byte.
    const length = code < 0x80 ? 1 : utf8SequenceLength(text, p) || 1;
    charLength[p] = length;
    wide[p] = length === 1 ? code : decodeUtf8At(text, p, length);
    p += length;
  }
  return { text, length: n, multibyte: true, charLength, wide };
}
