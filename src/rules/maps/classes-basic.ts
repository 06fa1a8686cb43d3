// The classes that need nothing but the key: null, dequote, arith, arpa, macro, syslog, program.
import { strtol, wrapLong } from '../../sendmail/c-numbers.js';
import { parseIPv4, parseIPv6 } from './inet.js';
import { mapRewrite } from './map-rewrite.js';
import { parseCommonArgs, parseDequoteArgs } from './parse-args.js';
import { parseSyslogArgs } from './parse-syslog.js';
import type { MapClass, MapState, Av } from './state.js';
import { EX_CONFIG, EX_DATAERR, EX_NOTFOUND, EX_OK, EX_UNAVAILABLE } from '../../sendmail/sysexits.js';
import { type LookupResult } from './types.js';

const found = (value: string): LookupResult => ({ value, status: EX_OK });
const notFound = (status: number): LookupResult => ({ value: null, status });

/** Classes that have nothing to open. */
const openNothing = (): boolean => true;

export const nullClass: MapClass = {
  name: 'null',
  fileOptional: true,
  parse: parseCommonArgs,
  open: openNothing,
  lookup: () => notFound(EX_NOTFOUND),
};

/**
 * Removes the quotes of a quoted string, if what is left is still a single clean token (no
 * unbalanced <> or (), no trailing backslash, no blank). Comments are kept as they are.
 */
export function dequote(text: string, spaceSub: string | null): string | null {
  let out = '';
  let angles = 0;
  let comments = 0;
  let quotes = 0;
  let spaces = 0;
  let inQuote = false;
  let escaped = false;
  for (let c of text) {
    if (c === '\0') break;
    if (escaped) {
      escaped = false;
      out += c;
      continue;
    }
    if (c === ' ' && spaceSub !== null) c = spaceSub;
    if (c === '\\') escaped = true;
    else if (c === '(') comments++;
    else if (c === ')') {
      if (comments-- <= 0) return null;
    } else if (c === ' ' || c === '\t') spaces++;
    if (comments > 0) {
      out += c;
      continue;
    }
    if (c === '"') {
      inQuote = !inQuote;
      quotes++;
      continue;
    }
    if (c === '<') angles++;
    else if (c === '>' && angles-- <= 0) return null;
    out += c;
  }
  if (angles !== 0 || comments !== 0 || escaped || inQuote || quotes <= 0 || spaces !== 0) {
    return null;
  }
  return out;
}

export const dequoteClass: MapClass = {
  name: 'dequote',
  fileOptional: true,
  parse: (map, args) => parseDequoteArgs(map, args),
  open: openNothing,
  lookup: (map, key) => {
    const value = dequote(key, map.decl.flags.spaceSub);
    return value === null ? notFound(EX_OK) : found(mapRewrite(map.decl.flags, value, null));
  },
};

/** The arith map: key is the operator, %1 and %2 the operands (C longs, strtol base 0). */
export function arith(operator: string, av: Av, random: () => number): LookupResult {
  const operands = (av ?? []).slice(1, 3).map((text) => strtol(text, 0, 0).value);
  if (operands.length < 2) return notFound(EX_CONFIG);
  const [a, b] = operands as [bigint, bigint];
  const number = (n: bigint): LookupResult => found(wrapLong(n).toString());
  const truth = (t: boolean): LookupResult => found(t ? 'TRUE' : 'FALSE');
  switch (operator[0]) {
    case '|':
      return number(a | b);
    case '&':
      return number(a & b);
    case '%':
      return b === 0n ? notFound(EX_OK) : number(a % b);
    case '+':
      return number(a + b);
    case '-':
      return number(a - b);
    case '*':
      return number(a * b);
    case '/':
      return b === 0n ? notFound(EX_OK) : number(a / b);
    case 'l':
      return truth(a < b);
    case '=':
      return truth(a === b);
    case 'r': {
      const span = wrapLong(b - a + 1n);
      if (span <= 0n) return notFound(EX_OK);
      return number((BigInt(random()) % span) + a);
    }
    default:
      return notFound(EX_CONFIG);
  }
}

export const arithClass: MapClass = {
  name: 'arith',
  fileOptional: true,
  parse: (map, args) => parseDequoteArgs(map, args),
  open: openNothing,
  lookup: (_map, key, av, ctx) => arith(key, av, ctx.env.random),
};

/** The arpa map: an address in reverse-lookup order (IPv4 octets, IPv6 nibbles). */
function arpaLookup(map: MapState, key: string, av: Av): LookupResult {
  let result: string | null = null;
  if (key.slice(0, 5).toLowerCase() === 'ipv6:') {
    const bytes = parseIPv6(key.slice(5));
    if (bytes !== null) {
      const nibbles: string[] = [];
      for (let i = 15; i >= 0; i--) {
        nibbles.push((bytes[i]! & 0x0f).toString(16), (bytes[i]! >> 4).toString(16));
      }
      result = nibbles.join('.');
    }
  } else {
    const parts = parseIPv4(key);
    if (parts !== null) result = parts.reverse().join('.');
  }
  if (result === null) return notFound(EX_DATAERR);
  const { flags } = map.decl;
  return found(flags.matchOnly ? mapRewrite(flags, key, null) : mapRewrite(flags, result, av));
}

export const arpaClass: MapClass = {
  name: 'arpa',
  fileOptional: true,
  parse: (map, args) => parseDequoteArgs(map, args),
  open: openNothing,
  lookup: arpaLookup,
};

export const macroClass: MapClass = {
  name: 'macro',
  fileOptional: true,
  parse: (map, args) => parseDequoteArgs(map, args),
  open: openNothing,
  lookup: (_map, key, av, ctx) => {
    const name = key === '' ? null : ctx.env.macros.parseName(key);
    if (name === null) return notFound(EX_CONFIG);
    ctx.env.macros.define(name, av?.[1] ?? null);
    return found('');
  },
};

export const syslogClass: MapClass = {
  name: 'syslog',
  fileOptional: true,
  parse: parseSyslogArgs,
  open: openNothing,
  lookup: (map, key, av, ctx) => {
    const settings = map.decl.settings;
    const priority = settings.kind === 'syslog' ? settings.priority : 'INFO';
    ctx.env.syslog(priority, mapRewrite(map.decl.flags, key, av));
    return found('');
  },
};

/** sendmail reads a program's answer with one read() into a 2048-byte buffer. */
const PROGRAM_READ_MAX = 2047;

export const programClass: MapClass = {
  name: 'program',
  fileOptional: false,
  parse: parseCommonArgs,
  open: openNothing,
  lookup: (map, key, av, ctx) => {
    const { decl } = map;
    const extra = (decl.rest ?? '').split(/[ \t]+/).filter((w) => w !== '');
    const run = ctx.env.runProgram([decl.file ?? '', ...extra, key]);
    if (run.stderr !== '') ctx.env.report({ severity: 'stderr', text: run.stderr });
    if (run.spawnError !== null) {
      map.open = false;
      return notFound(EX_UNAVAILABLE);
    }
    let value: string | null = null;
    const answer = run.stdout.slice(0, PROGRAM_READ_MAX);
    if (answer !== '') {
      const firstLine = answer.split('\n')[0]!;
      value = decl.flags.matchOnly
        ? mapRewrite(decl.flags, key, null)
        : mapRewrite(decl.flags, firstLine, av);
    }
    if (run.exitStatus === null) {
      ctx.env.report({
        severity: 'syserr',
        text: `prog_map_lookup(${decl.name}): child died on signal ${run.signal ?? 0}`,
      });
      return notFound(EX_UNAVAILABLE);
    }
    if (run.exitStatus !== EX_OK) return notFound(run.exitStatus);
    return value === null ? notFound(EX_OK) : found(value);
  },
};
