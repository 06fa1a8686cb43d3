// The lookup pass after a rule's RHS is built: each `$[ host $]` and
// `$( map key $@ arg … $: default $)` is replaced by the map's answer, the default, or the key
// itself. Arguments become %1…%9 (sendmail keeps at most eight when nine or more are given);
// a map's answer is scanned as external text, a default as internal text.
import { CANONHOST, CANONUSER, HOSTBEGIN, HOSTEND, LOOKUPBEGIN, LOOKUPEND } from '../cf/meta.js';
import { EX_DATAERR } from '../sendmail/sysexits.js';
import type { RewriteEnv } from './context.js';
import { PSBUFSIZE } from './prescan.js';
import { TooLong, scanInto } from './rewrite.js';
import { catTokens } from './tokens.js';

const MAXKEY = 1024;
const MAX_MAP_ARGS = 10;

/** Runs every lookup in `tokens`; returns the new vector, or a status for a failed scan. */
export function doLookups(
  tokens: string[],
  env: RewriteEnv,
  maxatom: number,
  onTempfail: () => void,
): string[] | number {
  let v = tokens;
  let i = 0;
  while (i < v.length) {
    const code = v[i].charCodeAt(0);
    let endToken: number;
    let mapName: string;
    let keyStart: number;
    if (code === HOSTBEGIN) {
      endToken = HOSTEND;
      mapName = 'host';
      keyStart = i + 1;
    } else if (code === LOOKUPBEGIN) {
      endToken = LOOKUPEND;
      if (i + 1 >= v.length) {
        env.config.errors.syserr('554 5.3.0 rewrite: missing mapname');
        env.config.errors.assertionFailed('parseaddr.c:1533', 'SM_ASSERT(0)');
      }
      mapName = v[i + 1];
      keyStart = i + 2;
    } else {
      i++;
      continue;
    }
    const replaced = lookupOne(v, keyStart, endToken, mapName, env, onTempfail);
    if (typeof replaced === 'number') return replaced;
    const out = v.slice(0, i);
    for (const t of replaced.replacement) {
      out.push(t);
      if (out.length >= maxatom) throw new TooLong();
    }
    const next = out.length;
    for (const t of replaced.rest) {
      out.push(t);
      if (out.length >= maxatom) throw new TooLong();
    }
    v = out;
    i = next;
  }
  return v;
}

interface Replacement {
  replacement: string[];
  rest: string[];
}

function lookupOne(
  v: readonly string[],
  keyStart: number,
  endToken: number,
  mapName: string,
  env: RewriteEnv,
  onTempfail: () => void,
): Replacement | number {
  const { config } = env;
  const { errors } = config;
  const maps = config.maps;
  const exists = maps !== null && maps.get(mapName) !== undefined;
  if (!exists) errors.syserr(`554 5.3.0 rewrite: map ${mapName} not found`);

  // Split the lookup into key, arguments ($@) and default ($:); each part ends at the next.
  const tables = config.tokenTables();
  const blankSub = config.options.blankSub;
  const args: string[] = [];
  let argRoom = PSBUFSIZE;
  let argStart = -1;
  let defaultStart = -1;
  let defaultEnd = -1;
  let keyEnd = -1;
  let j = keyStart;
  const closeArg = (end: number): void => {
    if (argStart < 0) return;
    const text = catTokens(v, argStart, end - 1, blankSub, true, tables.internal, argRoom);
    if (args.length < MAX_MAP_ARGS - 1) args.push(text);
    argRoom -= text.length + 1;
    argStart = -1;
  };
  for (; j < v.length && v[j].charCodeAt(0) !== endToken; j++) {
    const c = v[j].charCodeAt(0);
    if (c !== CANONHOST && c !== CANONUSER) continue;
    if (keyEnd < 0) keyEnd = j;
    if (defaultStart >= 0 && defaultEnd < 0) defaultEnd = j;
    closeArg(j);
    if (c === CANONHOST) argStart = j + 1;
    else {
      defaultStart = j + 1;
      defaultEnd = -1;
    }
  }
  if (keyEnd < 0) keyEnd = j;
  if (defaultStart >= 0 && defaultEnd < 0) defaultEnd = j;
  closeArg(j);
  const rest = v.slice(j < v.length ? j + 1 : j);
  const passed = args.length >= MAX_MAP_ARGS - 1 ? args.slice(0, MAX_MAP_ARGS - 2) : args;

  const keySub = maps !== null && exists ? maps.keySpaceSub(mapName) : blankSub;
  const key = catTokens(v, keyStart, keyEnd - 1, keySub, true, tables.internal, MAXKEY);
  let replacement: string | null = null;
  let external = false;
  if (exists && maps !== null) {
    const found = maps.lookupForRewrite(mapName, key, passed);
    if (found.tempfail) {
      onTempfail();
      if (found.deferMessage !== null && errors.envelopeMessage === null)
        errors.envelopeMessage = found.deferMessage;
    }
    replacement = found.replacement;
    external = replacement !== null;
  }
  if (replacement === null && defaultStart >= 0)
    replacement = catTokens(v, defaultStart, defaultEnd - 1, blankSub, false, tables.internal, MAXKEY);

  let tokens: string[];
  if (replacement === null) tokens = v.slice(keyStart, keyEnd);
  else if (replacement === '') tokens = [];
  else {
    const scanned = scanInto(replacement, env, external ? tables.external : tables.internal);
    if (scanned === null) return EX_DATAERR;
    tokens = scanned;
  }
  return { replacement: tokens, rest };
}
