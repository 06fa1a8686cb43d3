// The K-line argument parsers most classes share: sendmail's generic one (map_parseargs) and the
// small ones of host, dequote/macro/arith/arpa and sequence. Each walks the arguments the way
// sendmail does, so odd spacing and unknown options come out the same.
import { CBuffer, isAlnum, isDigit, isSpace } from './cbuf.js';
import type { MapState, ParseContext } from './state.js';
import { MAXMAPSTACK } from './types.js';

/** sendmail's convtime(): "1h30m", "45" (in the default unit), "now", a leading "-". */
export function convtime(text: string, defaultUnit: string, ctx: ParseContext): number {
  if (text.toLowerCase() === 'now') return 0;
  let i = 0;
  let sign = 1;
  if (text[0] === '-') {
    sign = -1;
    i++;
  }
  let total = 0;
  while (i < text.length) {
    let n = 0;
    let c = '';
    while (i < text.length) {
      c = text[i++]!;
      if (!isDigit(c)) break;
      n = n * 10 + (c.charCodeAt(0) - 48);
      c = '';
    }
    if (c === '') c = defaultUnit;
    else if (!'wdhms'.includes(c)) {
      ctx.env.report({ severity: 'usrerr', text: `Invalid time unit \`${c}'` });
      c = defaultUnit;
    }
    total += n * unitSeconds(c);
  }
  return sign * total;
}

function unitSeconds(unit: string): number {
  switch (unit) {
    case 'w':
      return 7 * 24 * 3600;
    case 'h':
      return 3600;
    case 'm':
      return 60;
    case 's':
      return 1;
    default:
      return 24 * 3600;
  }
}

/** Parses "-z" values: a character, or \n, \t, and \ for anything else after a backslash. */
function columnDelimiter(buf: CBuffer, p: number): { delim: string | null; p: number } {
  p++;
  if (buf.at(p) !== '\\') return { delim: nulToNull(buf.at(p)), p };
  p++;
  const c = buf.at(p);
  return { delim: c === 'n' ? '\n' : c === 't' ? '\t' : '\\', p };
}

function nulToNull(c: string): string | null {
  return c === '\0' ? null : c;
}

/** Skips the blanks after an option letter (-k, -v, -r): returns the index of the value. */
function skipBlanksAfter(buf: CBuffer, p: number): number {
  p++;
  while (isSpace(buf.at(p))) p++;
  return p;
}

/** The value of -d: from p to the next space (not any blank), as sendmail cuts it. */
function timeoutValue(buf: CBuffer, p: number): string {
  const h = buf.indexOf(' ', p);
  const s = buf.str(p);
  return h < 0 ? s : s.slice(0, h - p);
}

/** A message text cut at a NUL, as C's printf of a %c NUL would leave it. */
function withChar(prefix: string, c: string, suffix: string): string {
  return c === '\0' ? prefix : prefix + c + suffix;
}

/** The generic parser: sendmail's map_parseargs. */
export function parseCommonArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const buf = new CBuffer(args);
  let app = -1;
  let tapp = -1;
  let keyCol = -1;
  let valCol = -1;
  f.tryWithoutNull = true;
  f.tryWithNull = true;
  f.spaceSub = nulToNull(ctx.blankSub);
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    p++;
    const opt = buf.at(p);
    switch (opt) {
      case 'A':
        f.appendOnRebuild = true;
        break;
      case 'a':
        app = ++p;
        break;
      case 'D':
        f.defer = true;
        break;
      case 'd':
        p++;
        f.timeoutSeconds = convtime(timeoutValue(buf, p), 's', ctx);
        break;
      case 'f':
        f.noFoldCase = true;
        break;
      case 'k':
        p = keyCol = skipBlanksAfter(buf, p);
        break;
      case 'm':
        f.matchOnly = true;
        break;
      case 'N':
        f.includeNull = true;
        f.tryWithoutNull = false;
        break;
      case 'O':
        f.tryWithNull = false;
        break;
      case 'o':
        f.optional = true;
        break;
      case 'q':
        f.keepQuotes = true;
        break;
      case 'S':
        f.spaceSub = nulToNull(buf.at(++p));
        break;
      case 'T':
        tapp = ++p;
        break;
      case 't':
        f.noDefer = true;
        break;
      case 'v':
        p = valCol = skipBlanksAfter(buf, p);
        break;
      case 'z': {
        const z = columnDelimiter(buf, p);
        f.columnDelimiter = z.delim;
        p = z.p;
        break;
      }
      default:
        ctx.env.report({
          severity: 'syserr',
          text: withChar('Illegal option ', opt, ` map ${decl.name}`),
        });
        break;
    }
    p = buf.endWord(p);
  }
  if (app >= 0) f.appendText = buf.str(app);
  if (tapp >= 0) f.tempfailText = buf.str(tapp);
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
  let app = -1;
  let tapp = -1;
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    p++;
    switch (buf.at(p)) {
      case 'a':
        app = ++p;
        break;
      case 'T':
        tapp = ++p;
        break;
      case 'm':
        f.matchOnly = true;
        break;
      case 't':
        f.noDefer = true;
        break;
      case 'S':
        f.spaceSub = nulToNull(buf.at(++p));
        break;
      case 'D':
        f.defer = true;
        break;
      case 'd':
        p = skipBlanksAfter(buf, p);
        f.timeoutSeconds = convtime(timeoutValue(buf, p), 's', ctx);
        break;
      case 'r':
        p = skipBlanksAfter(buf, p);
        f.retry = atoiAt(buf, p);
        break;
    }
    p = buf.endWord(p);
  }
  if (app >= 0) f.appendText = buf.str(app);
  if (tapp >= 0) f.tempfailText = buf.str(tapp);
  return true;
}

function atoiAt(buf: CBuffer, p: number): number {
  let n = 0;
  let sign = 1;
  if (buf.at(p) === '-' || buf.at(p) === '+') {
    if (buf.at(p) === '-') sign = -1;
    p++;
  }
  while (isDigit(buf.at(p))) n = n * 10 + (buf.at(p++).charCodeAt(0) - 48);
  return sign * n;
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
  let app = -1;
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    p++;
    switch (buf.at(p)) {
      case 'a':
        app = ++p;
        break;
      case 'D':
        f.defer = true;
        break;
      case 'S':
      case 's':
        f.spaceSub = nulToNull(buf.at(++p));
        break;
    }
    while (buf.at(p) !== '\0' && !isSpace(buf.at(p))) p++;
    buf.set(p, '\0');
  }
  if (app >= 0) f.appendText = buf.str(app);
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
