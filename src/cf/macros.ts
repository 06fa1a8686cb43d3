// Macros as sendmail keeps them: every macro is a byte id. One-letter macros are their own
// letter; `{long}` names get ids from 0xa0 upward as they are first seen (so ids depend on the
// order names appear, and there is room for 96 of them). Values live in tables indexed by id;
// an envelope's table falls back to its parent's, as sendmail's macvalue walks envelopes.
import type { ErrorChannel } from './errors.js';
import { CONDELSE, CONDFI, CONDIF, MACROEXPAND, MATCHREPL, META_MACROS, METAQUOTE, chr } from './meta.js';
import { isAlnum, isAscii } from '../sendmail/ctype.js';

const FIRST_LONG_ID = 0xa0;
const MAX_MACRO_ID = 0xff;
const MAX_MACRO_NAME = 25;

/** The registry of macro names and their ids (sendmail's ST_MACRO entries and MacroName[]). */
export class MacroNames {
  private byName = new Map<string, number>();
  private byId = new Map<number, string>();
  private nextId = FIRST_LONG_ID;

  /**
   * The id of a long name, allocating one. When the ids run out the name is remembered with -1
   * and 'exhausted' is returned that first time (sendmail complains once, then just fails).
   */
  idOf(longName: string): number | 'exhausted' {
    const known = this.byName.get(longName);
    if (known !== undefined) return known;
    if (this.nextId > MAX_MACRO_ID) {
      this.byName.set(longName, -1);
      return 'exhausted';
    }
    const id = this.nextId++;
    this.byName.set(longName, id);
    this.byId.set(id, longName);
    return id;
  }

  /** The id of a long name if it is known (-1 for a name that found the ids exhausted). */
  find(longName: string): number | undefined {
    return this.byName.get(longName);
  }

  /** Binds a name to a fixed id (sendmail's built-in long names such as opMode). */
  bind(longName: string, id: number): void {
    this.byName.set(longName, id);
    this.byId.set(id, longName);
  }

  /** sendmail's macname: the letter itself, or the long name (without braces). */
  name(id: number): string {
    const n = id & 0xff;
    if (n <= 0x20 || n > 0x7f) return this.byId.get(n) ?? '***UNDEFINED MACRO***';
    return chr(n);
  }

  /** The name as written in a .cf: `x` or `{long}`. */
  display(id: number): string {
    const n = this.name(id);
    return n.length === 1 && id > 0x20 && id <= 0x7f ? n : `{${n}}`;
  }
}

/** Something macros can be read from (an envelope's table with its parents). */
export interface MacroLookup {
  get(id: number): string | null;
  /**
   * Cuts a macro's value where it is defined (sendmail's scanner truncates an overlong text in
   * place, and for $&x that text is the macro's value).
   */
  truncate?(id: number, length: number): void;
}

/** One table of macro values (an envelope's e_macro, or the global one). */
export class MacroTable implements MacroLookup {
  private values: (string | null)[] = new Array<string | null>(256).fill(null);

  constructor(public parent: MacroLookup | null = null) {}

  get(id: number): string | null {
    const v = this.values[id & 0xff];
    if (v !== null) return v;
    return this.parent ? this.parent.get(id) : null;
  }

  truncate(id: number, length: number): void {
    const own = this.values[id & 0xff];
    if (own !== null) this.values[id & 0xff] = own.slice(0, length);
    else this.parent?.truncate?.(id, length);
  }

  /** This table's own value, ignoring parents. */
  own(id: number): string | null {
    return this.values[id & 0xff];
  }

  set(id: number, value: string | null): void {
    if (id < 0 || id > MAX_MACRO_ID) return;
    this.values[id] = value;
  }

  /** Ids that have a value in this table. */
  definedIds(): number[] {
    const ids: number[] = [];
    this.values.forEach((v, i) => {
      if (v !== null) ids.push(i);
    });
    return ids;
  }
}

/**
 * sendmail's initmacros: the metasymbols are macros whose values are their codes (so `$*` in a
 * rule expands to the MATCHZANY byte), `$0`…`$9` expand to MATCHREPL + digit, and $n is
 * MAILER-DAEMON.
 */
export function defineMetaMacros(table: MacroTable): void {
  for (const [letter, code] of META_MACROS) table.set(letter.charCodeAt(0), chr(code));
  for (let d = 0; d <= 9; d++) table.set(0x30 + d, chr(MATCHREPL) + String(d));
  table.set('n'.charCodeAt(0), 'MAILER-DAEMON');
}

/** The result of parsing a macro name: its id (0 on error) and where the name ended. */
export interface ParsedMacroId {
  id: number;
  end: number;
}

/**
 * sendmail's macid_parse: `x` or `{name}` at text[at]. Errors are reported as sendmail does
 * (and give id 0).
 */
export function parseMacroId(
  text: string,
  at: number,
  names: MacroNames,
  errors: ErrorChannel,
): ParsedMacroId {
  if (at >= text.length || (text[at] === '{' && text[at + 1] === '}')) {
    errors.syserr('Name required for macro/class');
    return { id: 0, end: at };
  }
  if (text[at] !== '{') return { id: text.charCodeAt(at), end: at + 1 };
  let p = at + 1;
  let name = '';
  while (p < text.length && text[p] !== '}' && name.length < MAX_MACRO_NAME) {
    const c = text.charCodeAt(p);
    if (isAscii(c) && (isAlnum(c) || c === 0x5f)) name += text[p];
    else errors.syserr(`Invalid macro/class character ${text[p]}`);
    p++;
  }
  let id = -1;
  if (p >= text.length) errors.syserr(`Unbalanced { on ${name}`);
  else if (text[p] !== '}')
    errors.syserr(`Macro/class name ({${name}}) too long (${MAX_MACRO_NAME} chars max)`);
  else if (name.length === 1 && name.charCodeAt(0) >= 0x20) {
    id = name.charCodeAt(0);
    p++;
  } else {
    const got = names.idOf(name);
    if (got === 'exhausted') errors.syserr(`Macro/class {${name}}: too many long names`);
    else id = got;
    p++;
  }
  if (id < 0 || id > MAX_MACRO_ID) {
    errors.syserr(`Unable to assign macro/class ID (mid = 0x${(id >>> 0).toString(16)})`);
    return { id: 0, end: p };
  }
  return { id, end: p };
}

/** sendmail's macid: parse a whole name, ignoring where it ends. */
export function macroId(text: string, names: MacroNames, errors: ErrorChannel): number {
  return parseMacroId(text, 0, names, errors).id;
}

/** Prefixes 8-bit bytes that look like internal codes with METAQUOTE (quote_internal_chars). */
export function quoteInternalChars(s: string): string {
  if (!/[\x80-\x9f\xff]/.test(s)) return s;
  return s.replace(/[\x80-\x9f\xff]/g, (c) => chr(METAQUOTE) + c);
}

/** Undoes quoteInternalChars: METAQUOTE x becomes x. */
export function dequoteInternalChars(s: string): string {
  if (!s.includes(chr(METAQUOTE))) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === METAQUOTE && i + 1 < s.length) i++;
    out += s[i];
  }
  return out;
}

const SPACE_RE = /[\t\n\v\f\r ]/;

/**
 * sendmail's translate_dollars: turns a raw .cf line into internal form. `$x` becomes
 * MACROEXPAND + id (after `$=`, `$~`, `$&`, `$?` the letter stays), `$$` is a dollar, and from
 * V3 on `#` after text starts a comment (unless escaped or part of `$#`). Trailing blanks go.
 */
export function translateDollars(
  raw: string,
  configLevel: number,
  names: MacroNames,
  errors: ErrorChannel,
): string {
  const b = quoteInternalChars(raw).split('');
  let p = 0;
  for (; p < b.length; p++) {
    if (b[p] === '#' && p > 0 && configLevel >= 3) {
      p--;
      const prev = b[p].charCodeAt(0);
      if (prev === MACROEXPAND) {
        p++;
      } else if (b[p] === '\\') {
        b.splice(p, 1);
      } else {
        while (p > 0 && SPACE_RE.test(b[p]) && b[p] !== '\n') p--;
        p++;
        const nl = b.indexOf('\n', p);
        if (nl >= 0) b.splice(p, nl - p);
        else {
          b.length = p;
          p--;
        }
      }
      continue;
    }
    if (b[p] !== '$' || p + 1 >= b.length) continue;
    if (b[p + 1] === '$') {
      b.splice(p, 1);
      continue;
    }
    b[p++] = chr(MACROEXPAND);
    if (b[p] === '=' || b[p] === '~' || b[p] === '&' || b[p] === '?') p++;
    const parsed = parseMacroId(b.slice(p).join(''), 0, names, errors);
    // A bad name leaves a NUL byte in sendmail's buffer: the line ends there, unstripped.
    if (parsed.id === 0) return b.slice(0, p).join('');
    b[p] = chr(parsed.id);
    if (parsed.end !== 1) b.splice(p + 1, parsed.end - 1);
  }
  // Trailing white space goes (sendmail walks back from the end; the first byte stays).
  let end = Math.min(p, b.length) - 1;
  while (end > 0 && SPACE_RE.test(b[end])) end--;
  return b.slice(0, Math.max(end + 1, Math.min(1, b.length))).join('');
}

const MACBUFSIZE = 4096;
/** sendmail's MaxMacroRecursion. */
export const MAX_MACRO_RECURSION = 10;

/**
 * sendmail's expand: substitutes `$x` (MACROEXPAND id) with macro values, handles load-time
 * conditionals `$?x … $| … $.`, and expands again while values contain internal codes (up to
 * ten levels). The result is cut to bufSize - 1 bytes as sendmail's buffers cut it.
 */
export function expandMacros(
  s: string,
  macros: MacroLookup,
  errors: ErrorChannel,
  bufSize = 2048,
  level = 0,
): string {
  let recurse = false;
  let skipping = false;
  let skipLevel = 0;
  let ifLevel = 0;
  let quoteNext = false;
  let out = '';
  const limit = MACBUFSIZE - 1;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let value: string | null = null;
    if (quoteNext) quoteNext = false;
    else if (c === CONDIF) {
      ifLevel++;
      i++;
      c = i < s.length ? s.charCodeAt(i) : 0;
      if (skipping) skipLevel++;
      else {
        const mv = c === 0 ? null : macros.get(c);
        skipping = mv === null || mv === '';
      }
      if (i >= s.length) break;
      continue;
    } else if (c === CONDELSE && ifLevel > 0) {
      if (skipLevel === 0) skipping = !skipping;
      continue;
    } else if (c === CONDFI && ifLevel > 0) {
      ifLevel--;
      if (skipLevel === 0) skipping = false;
      if (skipping) skipLevel--;
      continue;
    } else if (c === MACROEXPAND) {
      if (i + 1 < s.length) value = macros.get(s.charCodeAt(++i));
      if (value === null) continue;
    } else if (c === METAQUOTE) quoteNext = true;

    if (skipping || out.length >= limit) continue;
    if (value === null) out += s[i];
    else {
      let hide = false;
      for (let k = 0; k < value.length && out.length < limit; k++) {
        const v = value.charCodeAt(k);
        if (!hide && (v & 0xe0) === 0x80) recurse = true;
        out += value[k];
        hide = v === METAQUOTE;
      }
    }
  }
  if (recurse) {
    if (level < MAX_MACRO_RECURSION) return expandMacros(out, macros, errors, bufSize, level + 1);
    errors.syserr(`expand: recursion too deep (${MAX_MACRO_RECURSION} max)`);
  }
  return out.length > bufSize - 1 ? out.slice(0, bufSize - 1) : out;
}
