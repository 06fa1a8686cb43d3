// The classes that read plain text files: text (columns of a flat file, read at every lookup)
// and stab (an aliases file read into sendmail's alias symbol table).
import { atoi } from '../../sendmail/c-numbers.js';
import { asciiCaseEqual, asciiLower } from '../../sendmail/ctype.js';
import { filePositionPrefix } from '../../sendmail/strings.js';
import { isDigit, isSpace } from './cbuf.js';
import { getColumn } from './columns.js';
import { mapRewrite } from './map-rewrite.js';
import { parseCommonArgs } from './parse-args.js';
import type { ClassContext, MapClass, MapState, Av } from './state.js';
import { EX_NOTFOUND, EX_OK, EX_UNAVAILABLE } from '../../sendmail/sysexits.js';
import { MAXNAME, type LookupResult } from './types.js';

/** sendmail reads text maps with fgets into a 2048-byte buffer. */
const TEXT_LINE = 2047;
/** readaliases reads with an 8192-byte (BUFSIZ) buffer. */
const ALIAS_LINE = 8191;

/** Splits text into the pieces fgets returns with a buffer of max bytes. */
function fgetsLines(text: string, max: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = Math.min(nl < 0 ? text.length : nl + 1, pos + max);
    out.push(text.slice(pos, end));
    pos = end;
  }
  return out;
}

interface TextMapData {
  keyColumn: number;
  valueColumn: number;
}

function columnNumber(
  map: MapState,
  which: 'k' | 'v',
  value: string | null,
  ctx: ClassContext,
): number | null {
  if (value === null) return 0;
  if (!isDigit(value[0] ?? '')) {
    ctx.env.report({
      severity: 'syserr',
      text: `text map "${map.decl.name}", file ${map.decl.file}: -${which} should specify a number, not ${value}`,
    });
    return null;
  }
  return atoi(value) & 0xff;
}

function openText(map: MapState, ctx: ClassContext): boolean {
  const { decl } = map;
  const file = decl.file ?? '';
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  if (file === '') {
    say(`text map "${decl.name}": file name required`);
    return false;
  }
  if (file[0] !== '/') {
    say(`text map "${decl.name}": file name must be fully qualified`);
    return false;
  }
  if (ctx.env.safeFile(file) !== null) {
    if (!decl.flags.optional) say(`text map "${decl.name}": unsafe map file ${file}`);
    return false;
  }
  const keyColumn = columnNumber(map, 'k', decl.flags.keyColumn, ctx);
  if (keyColumn === null) return false;
  const valueColumn = columnNumber(map, 'v', decl.flags.valueColumn, ctx);
  if (valueColumn === null) return false;
  map.data = { keyColumn, valueColumn } satisfies TextMapData;
  return true;
}

function lookupText(map: MapState, key: string, av: Av, ctx: ClassContext): LookupResult {
  const { decl } = map;
  const { keyColumn, valueColumn } = map.data as TextMapData;
  let search = key.slice(0, MAXNAME);
  if (!decl.flags.noFoldCase) search = asciiLower(search);
  const read = ctx.env.safeFile(decl.file ?? '') === null ? ctx.env.readFile(decl.file ?? '') : null;
  if (read === null || !read.ok) {
    map.open = false;
    decl.valid = false;
    return { value: null, status: EX_UNAVAILABLE };
  }
  const delim = decl.flags.columnDelimiter;
  for (const raw of fgetsLines(read.text, TEXT_LINE)) {
    if (raw[0] === '#') continue;
    const line = raw.split('\n')[0]!;
    const k = getColumn(line, keyColumn, delim);
    if (k === null || !asciiCaseEqual(search, k)) continue;
    const v = getColumn(line, valueColumn, delim);
    if (v === null) return { value: null, status: EX_NOTFOUND };
    const { flags } = decl;
    const value = flags.matchOnly ? mapRewrite(flags, key, null) : mapRewrite(flags, v, av);
    return { value, status: EX_OK };
  }
  return { value: null, status: EX_NOTFOUND };
}

export const textClass: MapClass = {
  name: 'text',
  fileOptional: false,
  parse: parseCommonArgs,
  open: openText,
  lookup: lookupText,
};

/** The logical lines of an aliases file: continuation lines joined, with their line numbers. */
function aliasLines(text: string): { line: string; lineNo: number; tooLong: boolean }[] {
  const physical = fgetsLines(text, ALIAS_LINE);
  const out: { line: string; lineNo: number; tooLong: boolean }[] = [];
  let lineNo = 0;
  for (let i = 0; i < physical.length; i++) {
    lineNo++;
    let line = physical[i]!;
    for (;;) {
      if (line.endsWith('\\\n')) line = line.slice(0, -2);
      else if (line.endsWith('\n') && /^[ \t]/.test(physical[i + 1] ?? '')) line = line.slice(0, -1);
      else break;
      if (i + 1 >= physical.length) break;
      line += physical[++i]!;
      lineNo++;
    }
    const tooLong = !line.endsWith('\n') && i + 1 < physical.length;
    // sendmail counts the continuation lines before it handles the entry.
    out.push({ line: line.endsWith('\n') ? line.slice(0, -1) : line, lineNo, tooLong });
  }
  return out;
}

/**
 * readaliases: the aliases of an aliases file ("name: value" lines, continuations), by
 * lower-cased name, reporting bad lines as sendmail does. With asDatabase the file stands in
 * for the alias database newaliases built from it: sendmail would just open that database,
 * so nothing is printed and names are not run through the address parser.
 */
export function readAliases(
  map: MapState,
  text: string,
  ctx: ClassContext,
  asDatabase: boolean,
): Map<string, string> {
  const aliases = new Map<string, string>();
  const file = map.decl.file ?? '';
  let skipping = false;
  let count = 0;
  let longest = 0;
  let bytes = 0;
  for (const { line, lineNo, tooLong } of aliasLines(text)) {
    const say = (msg: string): void => {
      if (!asDatabase) ctx.env.report({ severity: 'syserr', text: filePositionPrefix(file, lineNo) + msg });
    };
    if (tooLong) {
      say('alias line too long');
      continue;
    }
    if (line === '' || line[0] === '#') {
      skipping = false;
      continue;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (!skipping) say('Non-continuation line starts with space');
      skipping = true;
      continue;
    }
    skipping = false;
    const colon = line.indexOf(':');
    if (colon < 0) {
      say('missing colon');
      continue;
    }
    const lhs = line.slice(0, colon);
    // sendmail's parseaddr gets the whole line and scans it up to the colon itself
    const address =
      ctx.env.aliasAddress && !asDatabase
        ? ctx.env.aliasAddress(line, { file, line: lineNo })
        : { user: lhs.trim(), printable: lhs.trim(), aliasable: true };
    if (address === null) {
      say(`${line.slice(0, 40)}... illegal alias name`);
      continue;
    }
    let p = colon + 1;
    while (p < line.length && isSpace(line[p]!)) p++;
    const rhs = line.slice(p);
    if (!address.aliasable) {
      say(`${address.printable}... cannot alias non-local names`);
      continue;
    }
    if (/^[ \t\n\v\f\r]*$/.test(rhs)) {
      say(`${line.slice(0, 40)}... missing value for alias`);
      continue;
    }
    const name = asciiCaseEqual(address.user, 'postmaster') ? 'postmaster' : address.user;
    aliases.set(asciiLower(name), rhs);
    count++;
    bytes += name.length + rhs.length;
    longest = Math.max(longest, rhs.length);
  }
  if (!asDatabase) ctx.env.aliasFileRead?.();
  if (!asDatabase && ctx.env.options.verbose) {
    ctx.env.report({
      severity: 'message',
      text: `${file}: ${count} aliases, longest ${longest} bytes, ${bytes} bytes total`,
    });
  }
  return aliases;
}

/**
 * stab_map_open: reads the aliases file into the alias table (silently false if it cannot).
 * quiet: what newaliases built is read without readaliases' statistics line (the text stands
 * in for an existing alias database).
 */
export function openStab(map: MapState, ctx: ClassContext, quiet = false): boolean {
  const file = map.decl.file ?? '';
  if (ctx.env.safeFile(file) !== null) return false;
  const read = ctx.env.readFile(file);
  if (!read.ok) return false;
  for (const [name, value] of readAliases(map, read.text, ctx, quiet)) {
    ctx.shared.aliases.set(name, value);
  }
  return true;
}

/** stab_map_lookup: the alias table (shared by all stab maps, as sendmail's symbol table is). */
export function lookupStab(map: MapState, key: string, av: Av, ctx: ClassContext): LookupResult {
  const value = ctx.shared.aliases.get(asciiLower(key));
  if (value === undefined) return { value: null, status: EX_OK };
  const { flags } = map.decl;
  return {
    value: flags.matchOnly ? mapRewrite(flags, key, null) : mapRewrite(flags, value, av),
    status: EX_OK,
  };
}

export const stabClass: MapClass = {
  name: 'stab',
  fileOptional: false,
  parse: parseCommonArgs,
  open: openStab,
  lookup: lookupStab,
};
