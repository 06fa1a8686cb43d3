// The regex class: a POSIX pattern (extended and case-insensitive unless -b / -f), -n to
// negate, -s to return substrings joined by the -d delimiter, -m to return the key.
import { atoi } from '../../sendmail/c-numbers.js';
import { CBuffer } from './cbuf.js';
import { SharedOptions, forEachOption } from './parse-options.js';
import { mapRewrite } from './map-rewrite.js';
import { SendmailExit } from '../../cf/errors.js';
import { type Regex, type Registers, compileRegex, execPosixRegex } from '../../regex/index.js';
import type { ClassContext, MapClass, MapState, ParseContext, Av } from './state.js';
import { EX_CONFIG, EX_OK } from '../../sendmail/sysexits.js';
import { MAXNAME, type LookupResult } from './types.js';

/** regexec is called with room for 32 matches; a pattern needs one more than its groups. */
const MAX_MATCH = 32;
/** sendmail's default field delimiter: its internal "$|" byte. */
export const DEFAULT_REGEX_DELIMITER = '\x9b';

interface RegexData {
  regex: Regex;
}

/**
 * parse_fields: comma-separated group numbers (atoi each). Returns null after reporting, as
 * sendmail does, when one is out of range or there are too many.
 */
function parseFields(text: string, substrings: number, report: (t: string) => void): number[] | null {
  const fields: number[] = [];
  for (const piece of text.split(',')) {
    if (fields.length >= MAX_MATCH) {
      report(`too many fields, ${MAX_MATCH} max`);
      return null;
    }
    const v = atoi(piece);
    if (v < 0 || v >= substrings) {
      report(`field (${v}) out of range, only ${substrings} substrings in pattern`);
      return null;
    }
    fields.push(v);
  }
  return fields;
}

function parseRegexArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const buf = new CBuffer(args);
  const shared = new SharedOptions(buf, f, 'amqSD');
  let extended = true;
  let ignoreCase = true;
  let subParam = -1;
  let delim = -1;
  // letters this parser does not know are ignored
  const p = forEachOption(buf, (at) => {
    const end = shared.apply(at);
    if (end !== null) return end;
    switch (buf.at(at)) {
      case 'n':
        f.regexNot = true;
        break;
      case 'f':
        f.noFoldCase = true;
        ignoreCase = false;
        break;
      case 'b':
        extended = false;
        break;
      case 's':
        return (subParam = at + 1);
      case 'd':
        return (delim = at + 1);
    }
    return at;
  });
  const pattern = buf.str(p);
  const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
  // Without -s sendmail compiles with REG_NOSUB: only "does it match" is asked.
  const compiled = compileRegex(pattern, { syntax: 'posix', extended, ignoreCase, noSub: subParam < 0 });
  if (!compiled.ok) {
    say(`pattern-compile-error: ${compiled.message}`);
    return false;
  }
  shared.finish();
  let subFields: number[] | null = null;
  if (subParam >= 0) {
    const substrings = compiled.regex.groups + 1;
    if (substrings >= MAX_MATCH) {
      say(`too many substrings, ${MAX_MATCH} max`);
      return false;
    }
    const param = buf.str(subParam);
    if (param !== '') {
      subFields = parseFields(param, substrings, say);
      if (subFields === null) return false;
    } else subFields = Array.from({ length: substrings }, (_, i) => i);
  }
  decl.settings = {
    kind: 'regex',
    pattern,
    extended,
    ignoreCase,
    subFields,
    delimiter: delim >= 0 ? buf.str(delim) : DEFAULT_REGEX_DELIMITER,
  };
  map.data = { regex: compiled.regex } satisfies RegexData;
  return true;
}

/** Joins the chosen groups, refusing (null) a result the address scanner would choke on. */
function joinFields(key: string, registers: Registers, fields: number[], delimiter: string): string | null {
  const limit = MAXNAME - 1;
  let out = '';
  let angles = 0;
  let comments = 0;
  let spaces = 0;
  let inQuote = false;
  let escaped = false;
  fields.forEach((field, i) => {
    if (i > 0) for (const c of delimiter) if (out.length < limit) out += c;
    // Unset groups are skipped; a group glibc leaves half-open (end before start) copies nothing.
    const so = registers.start[field] ?? -1;
    const eo = registers.end[field] ?? -1;
    if (so < 0 || eo < 0) return;
    for (let k = so; k < eo; k++) {
      if (out.length >= limit) continue;
      const c = key[k]!;
      out += c;
      if (escaped) escaped = false;
      else if (inQuote && c !== '"' && c !== '\\') continue;
      else if (c === '\\') escaped = true;
      else if (c === '(') comments++;
      else if (c === ')') comments--;
      else if (c === '<') angles++;
      else if (c === '>') angles--;
      else if (c === ' ') spaces++;
      else if (c === '"') inQuote = !inQuote;
    }
  });
  if (angles !== 0 || comments !== 0 || inQuote || escaped || spaces !== 0) return null;
  return out;
}

/** SIGSEGV: how sendmail dies when glibc's matcher recurses past its stack. */
const CRASH_STATUS = 128 + 11;

/**
 * regexec's answer. On some keys glibc's back-reference matcher recurses without bound and
 * sendmail dies of a segmentation fault; we stop the same way, saying why.
 */
function matchOrCrash(map: MapState, regex: Regex, key: string, ctx: ClassContext): Registers | null {
  try {
    return execPosixRegex(regex, key);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    ctx.env.report({
      severity: 'stderr',
      text: `mailcf: regex map ${map.decl.name}: matching "${key}" recurses too deeply; sendmail dies of a segmentation fault here\n`,
    });
    throw new SendmailExit(CRASH_STATUS);
  }
}

function regexLookup(map: MapState, key: string, av: Av, ctx: ClassContext): LookupResult {
  const { flags, settings } = map.decl;
  if (settings.kind !== 'regex') return { value: null, status: EX_OK };
  const answer = (value: string): LookupResult => ({
    value: flags.matchOnly ? mapRewrite(flags, av?.[0] ?? key, null) : mapRewrite(flags, value, av),
    status: EX_OK,
  });
  const { regex } = map.data as RegexData;
  const match = matchOrCrash(map, regex, key, ctx);
  if (flags.regexNot) return match === null ? answer('') : { value: null, status: EX_OK };
  if (match === null) return { value: null, status: EX_OK };
  if (settings.subFields === null) return answer('');
  let fields = settings.subFields;
  if (av?.[1] !== undefined) {
    const say = (text: string): void => ctx.env.report({ severity: 'syserr', text });
    const chosen = parseFields(av[1], regex.groups + 1, say);
    if (chosen === null) return { value: null, status: EX_CONFIG };
    fields = chosen;
  }
  const joined = joinFields(key, match, fields, settings.delimiter);
  if (joined === null) {
    ctx.env.syslog(
      'WARNING',
      `Warning: regex may cause prescan() failure map=${map.decl.name} lookup=${key}`,
    );
    return { value: null, status: EX_OK };
  }
  return answer(joined);
}

export const regexClass: MapClass = {
  name: 'regex',
  fileOptional: true,
  parse: parseRegexArgs,
  open: () => true,
  lookup: regexLookup,
};
