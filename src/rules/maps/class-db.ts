// The Berkeley DB classes (hash, btree) and implicit, served from the makemap text source of
// the database: the same keys and values, found the way db_map_lookup finds them.
import { asciiLower } from '../../sendmail/ctype.js';
import { syserr } from './errors.js';
import { mapRewrite } from './map-rewrite.js';
import { parseCommonArgs } from './parse-args.js';
import type { ClassContext, MapClass, MapState, Av } from './state.js';
import { readTextSource } from './text-source.js';
import { lookupStab, openStab, readAliases } from './class-text.js';
import { EX_OK } from '../../sendmail/sysexits.js';
import { MAXNAME, type LookupResult, type TextSourceSpec } from './types.js';

interface DbData {
  entries: Map<string, string>;
}

/** Marks an implicit alias map that fell back to reading its text file. */
const TEXT_VERSION = Symbol('text version');

/** The Berkeley DB access method of a database file, from its metadata page's magic number. */
export function berkeleyDbType(bytes: string): 'hash' | 'btree' | null {
  if (bytes.length < 16) return null;
  const magic = [12, 13, 14, 15].map((i, k) => bytes.charCodeAt(i) * 256 ** k).reduce((a, b) => a + b);
  if (magic === 0x061561) return 'hash';
  if (magic === 0x053162) return 'btree';
  return null;
}

/** The database file sendmail opens: the K line's file with ".db" added unless it has it. */
export function dbFileName(file: string): string {
  return file.length >= 3 && file.endsWith('.db') ? file : `${file}.db`;
}

/** Where the text source of a database is: given on the command line, or the file without .db. */
export function textSourceFor(file: string, ctx: ClassContext): TextSourceSpec {
  return ctx.env.textSources.get(file) ?? { path: dbFileName(file).slice(0, -3) };
}

/**
 * Opens a database map from its text source. quiet suppresses the messages (implicit does).
 * The messages name the .db file, as sendmail's do.
 */
function openDb(map: MapState, ctx: ClassContext, className: string, quiet: boolean): boolean {
  const { decl } = map;
  const dbFile = dbFileName(decl.file ?? '');
  const source = textSourceFor(decl.file ?? '', ctx);
  const complain = !quiet && !decl.flags.optional;
  const say = (text: string, code: string | null = null): void => {
    if (complain) ctx.env.report(syserr(text, code));
  };
  // When the database itself is there, sendmail's checks apply to it (type included).
  const dbProblem = ctx.env.safeFile(dbFile);
  if (dbProblem === null) {
    const db = ctx.env.readFile(dbFile);
    if (db.ok && berkeleyDbType(db.text) !== className) {
      // Berkeley DB itself complains on standard error before sendmail does.
      ctx.env.report({
        severity: 'stderr',
        text: `BDB0641 __db_meta_setup: ${dbFile}: unexpected file type or format\n`,
      });
      say(`Cannot open ${className} database ${dbFile}`, 'EINVAL');
      return false;
    }
  } else if (dbProblem !== 'ENOENT') {
    say(`${className} map "${decl.name}": unsafe map file ${dbFile}`, dbProblem);
    return false;
  }
  const problem = ctx.env.safeFile(source.path);
  if (problem !== null && dbProblem === null) {
    say(`${className} map "${decl.name}": no text source ${source.path} to read for ${dbFile}`);
    return false;
  }
  if (problem !== null) {
    const prob = problem === 'ENOENT' ? 'missing' : 'unsafe';
    say(`${className} map "${decl.name}": ${prob} map file ${dbFile}`, problem);
    return false;
  }
  const read = ctx.env.readFile(source.path);
  if (!read.ok) {
    say(`Cannot open ${className} database ${dbFile}`, read.code);
    return false;
  }
  const { path: _path, ...makemap } = source;
  // An alias database holds what newaliases made of the aliases file it is built from.
  const entries = map.alias
    ? readAliases(map, read.text, ctx, false)
    : readTextSource(read.text, makemap).entries;
  map.data = { entries } satisfies DbData;
  return true;
}

/** Whether the map's .db exists, is safe and is a Berkeley DB of this type. */
function hasDatabase(map: MapState, ctx: ClassContext, className: string): boolean {
  const dbFile = dbFileName(map.decl.file ?? '');
  if (ctx.env.safeFile(dbFile) !== null) return false;
  const db = ctx.env.readFile(dbFile);
  return db.ok && berkeleyDbType(db.text) === className;
}

/** db_map_lookup: the key cut to MAXNAME and folded unless -f, tried without and with a NUL. */
function lookupDb(map: MapState, key: string, av: Av): LookupResult {
  const { flags } = map.decl;
  const { entries } = map.data as DbData;
  let k = key.slice(0, MAXNAME);
  if (!flags.noFoldCase) k = asciiLower(k);
  let value: string | undefined;
  if (flags.tryWithoutNull) {
    value = entries.get(k);
    // Once one form is found, sendmail only ever tries that form again.
    if (value !== undefined) flags.tryWithNull = false;
  }
  if (value === undefined && flags.tryWithNull) {
    value = entries.get(k + '\0');
    if (value !== undefined) flags.tryWithoutNull = false;
  }
  if (value === undefined) return { value: null, status: EX_OK };
  return {
    value: flags.matchOnly ? mapRewrite(flags, key, null) : mapRewrite(flags, value, av),
    status: EX_OK,
  };
}

function dbClass(name: string): MapClass {
  return {
    name,
    fileOptional: false,
    parse: parseCommonArgs,
    open: (map, ctx) => openDb(map, ctx, name, false),
    lookup: (map, key, av) => lookupDb(map, key, av),
  };
}

export const hashClass = dbClass('hash');
export const btreeClass = dbClass('btree');

/**
 * implicit: the hash database if it can be opened (silently otherwise). Only alias maps fall
 * back to reading the text file itself, and K lines do not declare alias maps.
 */
export const implicitClass: MapClass = {
  name: 'implicit',
  fileOptional: false,
  parse: parseCommonArgs,
  open: (map, ctx) => {
    // An alias map reads its aliases file either way; it only warns when there is no .db.
    if (!map.alias) return openDb(map, ctx, 'hash', true);
    if (hasDatabase(map, ctx, 'hash')) {
      if (!openStab(map, ctx, true)) return false;
      map.data = TEXT_VERSION;
      return true;
    }
    if (ctx.env.options.verbose) {
      ctx.env.report({
        severity: 'message',
        text: `WARNING: cannot open alias database ${map.decl.file ?? ''}; reading text version`,
      });
    }
    if (!openStab(map, ctx)) return false;
    map.data = TEXT_VERSION;
    return true;
  },
  lookup: (map, key, av, ctx) =>
    map.data === TEXT_VERSION ? lookupStab(map, key, av, ctx) : lookupDb(map, key, av),
};
