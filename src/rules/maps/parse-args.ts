// The K-line argument parsers most classes share: sendmail's generic one (map_parseargs) and the
// small ones of host, dequote/macro/arith/arpa and sequence. Each walks the arguments the way
// sendmail does, so odd spacing and unknown options come out the same.
import { atoi } from '../../sendmail/c-numbers.js';
import { CBuffer, isAlnum, isSpace } from './cbuf.js';
import {
  SharedOptions,
  forEachOption,
  illegalOption,
  nulAsNull,
  timeoutAt,
  valueAfter,
} from './parse-options.js';
import type { MapState, ParseContext } from './state.js';
import { MAXMAPSTACK } from './types.js';

/** The generic parser: sendmail's map_parseargs. */
export function parseCommonArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const buf = new CBuffer(args);
  const shared = new SharedOptions(buf, f);
  let keyCol = -1;
  let valCol = -1;
  f.tryWithoutNull = true;
  f.tryWithNull = true;
  f.spaceSub = nulAsNull(ctx.blankSub);
  const p = forEachOption(buf, (at) => {
    const end = shared.apply(at);
    if (end !== null) return end;
    const letter = buf.at(at);
    switch (letter) {
      case 'd':
        f.timeoutSeconds = timeoutAt(buf, at + 1, ctx);
        return at + 1;
      case 'k':
        return (keyCol = valueAfter(buf, at));
      case 'v':
        return (valCol = valueAfter(buf, at));
      default:
        ctx.env.report({ severity: 'syserr', text: illegalOption(letter, decl.name) });
        return at;
    }
  });
  shared.finish();
  if (keyCol >= 0) f.keyColumn = buf.str(keyCol);
  if (valCol >= 0) f.valueColumn = buf.str(valCol);
  readFileAndRest(map, buf, p);
  if (decl.file === null && !map.cls.fileOptional) {
    ctx.env.report({
      severity: 'syserr',
      text: `No file name for ${map.cls.name} map ${decl.name}`,
    });
    return false;
  }
  return true;
}

/** The words after the options: the file, then everything else (program arguments …). */
function readFileAndRest(map: MapState, buf: CBuffer, p: number): void {
  const { decl } = map;
  if (buf.at(p) !== '\0') {
    const start = p;
    p = buf.endWord(p);
    decl.file = buf.str(start);
  }
  p = buf.skipSpaces(p);
  if (buf.at(p) !== '\0') decl.rest = buf.str(p);
}

/** The host class's parser (host_map_init): -a -T -m -t -S -D -d -r; others are ignored. */
export function parseHostArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const f = map.decl.flags;
  const buf = new CBuffer(args);
  const shared = new SharedOptions(buf, f, 'aTmtSD');
  forEachOption(buf, (at) => {
    const end = shared.apply(at);
    if (end !== null) return end;
    const value = valueAfter(buf, at);
    if (buf.at(at) === 'd') f.timeoutSeconds = timeoutAt(buf, value, ctx);
    else if (buf.at(at) === 'r') f.retry = atoi(buf.str(value));
    else return at;
    return value;
  });
  shared.finish();
  return true;
}

/**
 * The parser of dequote, macro, arith and arpa (dequote_init): -a, -D, -S/-s. It ends the
 * first option's word by overwriting the blank without stepping past it, so only the first
 * option is ever seen; the rest of the line is ignored.
 */
export function parseDequoteArgs(map: MapState, args: string): boolean {
  const f = map.decl.flags;
  f.keepQuotes = true;
  const buf = new CBuffer(args);
  const shared = new SharedOptions(buf, f, 'aDS');
  const endFirstWord = (p: number): number => {
    while (buf.at(p) !== '\0' && !isSpace(buf.at(p))) p++;
    buf.set(p, '\0');
    return p;
  };
  forEachOption(
    buf,
    // -s is a synonym of -S here
    (at) => shared.apply(at, buf.at(at) === 's' ? 'S' : buf.at(at)) ?? at,
    endFirstWord,
  );
  shared.finish();
  return true;
}

/** The sequence class's parser: member map names separated by anything not alphanumeric. */
export function parseSequenceArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const members: string[] = [];
  const buf = new CBuffer(args);
  let count = 0;
  let ap = 0;
  while (buf.at(ap) !== '\0') {
    ap = buf.skipSpaces(ap);
    let p = ap;
    while (isAlnum(buf.at(p)) || buf.at(p) === '_' || buf.at(p) === '.') p++;
    if (buf.at(p) !== '\0') buf.set(p++, '\0');
    while (buf.at(p) !== '\0' && !isAlnum(buf.at(p))) p++;
    const name = buf.str(ap);
    ap = p;
    if (name === '') continue;
    const member = ctx.findMap(name);
    if (member === undefined) {
      ctx.env.report({
        severity: 'syserr',
        text: `Sequence map ${map.decl.name}: unknown member map ${name}`,
      });
    } else if (count >= MAXMAPSTACK) {
      ctx.env.report({
        severity: 'syserr',
        text: `Sequence map ${map.decl.name}: too many member maps (${MAXMAPSTACK} max)`,
      });
      count++;
    } else {
      members.push(member.decl.name);
      count++;
    }
  }
  map.decl.settings = { kind: 'sequence', members };
  return true;
}
