// GNU m4's translit: byte-for-byte translation with ranges, deletion when `to` is shorter.
import { NO_DIAGNOSTICS, type PureResult } from './diagnostics.js';
import { cString } from './numeric.js';

/**
 * Expands `x-y` ranges (backwards when x > y, so `9-0` is 9876543210). A `-` at the start or
 * the end is literal; ranges chain, so `a-c-e` is abcde, the end of one range starting the next.
 */
export function expandRanges(spec: string): string {
  const out: string[] = [];
  let previous = -1; // no previous byte yet: a leading '-' is literal
  for (let i = 0; i < spec.length; i++) {
    const code = spec.charCodeAt(i);
    if (code === 45 /* - */ && previous >= 0) {
      if (i + 1 >= spec.length) {
        out.push('-');
        break;
      }
      const end = spec.charCodeAt(++i);
      // The range's first byte was already emitted as an ordinary byte.
      if (previous <= end) for (let c = previous + 1; c <= end; c++) out.push(String.fromCharCode(c));
      else for (let c = previous - 1; c >= end; c--) out.push(String.fromCharCode(c));
      previous = end;
      continue;
    }
    out.push(spec[i]);
    previous = code;
  }
  return out.join('');
}

/** What each byte becomes: -1 keep it, -2 delete it, else the byte to put instead. */
type TranslitTable = Int16Array;

/** The translation `from` → `to` describes (ranges expanded; the first mention of a byte wins). */
function buildTable(fromSpec: string, toSpec: string): TranslitTable {
  const to = toSpec.includes('-') ? expandRanges(toSpec) : toSpec;
  // GNU expands ranges in `from` only when it has three bytes or more.
  const from = fromSpec.length >= 3 && fromSpec.includes('-') ? expandRanges(fromSpec) : fromSpec;
  const table = new Int16Array(256).fill(-1);
  for (let i = 0; i < from.length; i++) {
    const code = from.charCodeAt(i);
    if (table[code] === -1) table[code] = i < to.length ? to.charCodeAt(i) : -2;
  }
  return table;
}

const tables = new Map<string, TranslitTable>();
const TABLE_CACHE_LIMIT = 256;
/** The specs used last and their table: a loop translates with the same ones again and again. */
let lastFrom = '';
let lastTo = '';
let lastTable: TranslitTable | undefined;

/** buildTable's answer, cached (the specs have no NUL byte, so the key is unambiguous). */
function translitTable(fromSpec: string, toSpec: string): TranslitTable {
  if (lastTable !== undefined && fromSpec === lastFrom && toSpec === lastTo) return lastTable;
  const key = `${fromSpec}\0${toSpec}`;
  let table = tables.get(key);
  if (table === undefined) {
    table = buildTable(fromSpec, toSpec);
    if (tables.size >= TABLE_CACHE_LIMIT) tables.delete(tables.keys().next().value!);
    tables.set(key, table);
  }
  lastFrom = fromSpec;
  lastTo = toSpec;
  lastTable = table;
  return table;
}

/** translit(string, from, [to]). `args` exclude the macro name. */
export function translitBuiltin(_builtinName: string, args: string[]): PureResult {
  if (args.length === 0) return { text: '', diagnostics: NO_DIAGNOSTICS };
  const data = cString(args[0]);
  const fromSpec = cString(args[1] ?? '');
  if (args.length < 2 || data === '' || fromSpec === '') return { text: data, diagnostics: NO_DIAGNOSTICS };
  const table = translitTable(fromSpec, cString(args[2] ?? ''));
  let text = '';
  let copiedUpTo = 0;
  for (let i = 0; i < data.length; i++) {
    const mapped = table[data.charCodeAt(i)];
    if (mapped === -1) continue;
    text += data.slice(copiedUpTo, i);
    if (mapped >= 0) text += String.fromCharCode(mapped);
    copiedUpTo = i + 1;
  }
  return { text: text + data.slice(copiedUpTo), diagnostics: NO_DIAGNOSTICS };
}
