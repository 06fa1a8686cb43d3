// Printing and joining tokens as sendmail does: xputs shows internal codes as `$x` metasymbols
// and escapes control characters; printav prints a token vector (each token after a blank);
// cataddr joins tokens back into text, putting the blank substitute between adjacent atoms.
import type { MacroNames } from '../cf/macros.js';
import {
  MACRODEXPAND,
  MACROEXPAND,
  MATCHCLASS,
  MATCHNCLASS,
  MATCHREPL,
  META_MACROS,
  METAQUOTE,
} from '../cf/meta.js';
import { ATM } from './prescan.js';

// test mode unquotes user parts with it
export { stripQuotes } from '../sendmail/strings.js';

const META_LETTER = new Map<number, string>(META_MACROS.map(([letter, code]) => [code, letter]));

/** Reverse video around metasymbols (sendmail's -dANSI); empty strings normally. */
export interface TermEscapes {
  on: string;
  off: string;
}
export const NO_ESCAPES: TermEscapes = { on: '', off: '' };
export const ANSI_ESCAPES: TermEscapes = { on: '\x1b[7m', off: '\x1b[0m' };

function isPrintable(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** sendmail's xputs: one string (a token, a macro value) in printable form. */
export function formatText(s: string, names: MacroNames, esc: TermEscapes = NO_ESCAPES): string {
  if (PLAIN.test(s)) return s;
  let out = '';
  let shiftOut = false;
  let i = 0;
  while (i < s.length) {
    let c = s.charCodeAt(i++);
    if (c === 0) break;
    if (shiftOut) {
      out += esc.off;
      shiftOut = false;
    }
    if (c >= 0x80) {
      if (c === MATCHREPL) {
        out += esc.on + '$';
        shiftOut = true;
        if (i >= s.length) continue;
        c = s.charCodeAt(i++);
        out += printChar(c, esc, shiftOut);
        continue;
      }
      if (c === MACROEXPAND || c === MACRODEXPAND) {
        out += esc.on + '$';
        if (c === MACRODEXPAND) out += '&';
        shiftOut = true;
        if (i >= s.length) continue;
        if ('=~&?'.includes(s[i])) out += s[i++];
        if (i >= s.length) continue;
        const id = s.charCodeAt(i++);
        out += id & 0x80 ? `{${names.name(id)}}` : String.fromCharCode(id);
        continue;
      }
      const letter = META_LETTER.get(c);
      if (letter !== undefined) {
        out += esc.on + '$' + letter;
        shiftOut = true;
      }
      if (c === MATCHCLASS || c === MATCHNCLASS) {
        if (i < s.length && s.charCodeAt(i) & 0x80) out += `{${names.name(s.charCodeAt(i++))}}`;
        else if (i < s.length) out += s[i++];
      }
      if (letter !== undefined) continue;
      // an unknown code
      out += esc.on + 'M-';
      shiftOut = true;
      c &= 0x7f;
    }
    out += printChar(c, esc, shiftOut);
    if (!isPrintable(c)) shiftOut = true;
  }
  if (shiftOut) out += esc.off;
  return out;
}

/** The printable form of one ASCII char (sendmail drops other control characters). */
function printChar(c: number, esc: TermEscapes, shiftedOut: boolean): string {
  if (isPrintable(c)) return String.fromCharCode(c);
  const named = c === 0x0a ? 'n' : c === 0x0d ? 'r' : c === 0x09 ? 't' : null;
  const lead = shiftedOut ? '' : esc.on;
  if (named !== null) return lead + '\\' + named;
  if (c >= 0x80) return lead + '^' + String.fromCharCode(c ^ 0x40);
  return lead;
}

/** sendmail's printav: " tok1 tok2 …" followed by a newline. */
export function formatTokens(
  tokens: readonly string[],
  names: MacroNames,
  esc: TermEscapes = NO_ESCAPES,
): string {
  let out = '';
  for (const t of tokens) out += ' ' + formatText(t, names, esc);
  return out + '\n';
}

/** sendmail's NOSPACESEP: join without any separator. */
export const NO_SPACE_SEP = -1;

/**
 * sendmail's cataddr: joins tokens from..to (inclusive) into text, inserting `spaceSub` between
 * two adjacent atoms (classified with the internal token table). With `external`, METAQUOTE x
 * becomes x. `size` is the destination buffer size (text beyond size - 2 bytes is cut).
 */
export function catTokens(
  tokens: readonly string[],
  from: number,
  to: number,
  spaceSub: string,
  external: boolean,
  internalTable: Uint8Array,
  size: number,
): string {
  if (size <= 0) return '';
  let room = size - 2;
  let out = '';
  let prevAtom = false;
  for (let k = from; k <= to && k < tokens.length && room > 0; k++) {
    const tok = tokens[k];
    const atom = internalTable[tok.charCodeAt(0) & 0xff] === ATM;
    if (prevAtom && atom && spaceSub !== '') {
      out += spaceSub;
      if (--room <= 0) break;
    }
    for (let j = 0; j < tok.length;) {
      if (--room <= 0) break;
      let ch = tok[j++];
      if (ch.charCodeAt(0) === METAQUOTE && external && j < tok.length) ch = tok[j++];
      out += ch;
    }
    if (room <= 0) break;
    prevAtom = atom;
  }
  return out;
}

/** The -d22.x trace sink for prescan, when category 22 is on. */
export function prescanTrace(
  level: number,
  out: { write(text: string): void },
  names: MacroNames,
): import('./prescan.js').PrescanTrace | undefined {
  if (level <= 0) return undefined;
  return {
    level,
    write: (t) => out.write(t),
    text: (t) => formatText(t, names),
    tokens: (t) => formatTokens(t, names),
  };
}
