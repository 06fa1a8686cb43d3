// The dns class's own argument parser (-R type, -B base domain, -Z size limit, …).
import { CBuffer, isDigit, isSpace } from './cbuf.js';
import { convtime } from './parse-args.js';
import type { MapState, ParseContext } from './state.js';

/** The record types sendmail's dns map knows (dns_string_to_type). */
const DNS_TYPES = [
  'A',
  'AAAA',
  'NS',
  'CNAME',
  'PTR',
  'MX',
  'TXT',
  'AFSDB',
  'SRV',
  'DS',
  'RRSIG',
  'NSEC',
  'DNSKEY',
  'TLSA',
];

/** A value that ends at the next space (not any blank), as strchr(p, ' ') cuts it. */
function upToSpace(buf: CBuffer, p: number): string {
  const s = buf.str(p);
  const h = s.indexOf(' ');
  return h < 0 ? s : s.slice(0, h);
}

function skipBlanksAfter(buf: CBuffer, p: number): number {
  p++;
  while (isSpace(buf.at(p))) p++;
  return p;
}

function atoiAt(buf: CBuffer, p: number): number {
  let n = 0;
  while (isDigit(buf.at(p))) n = n * 10 + (buf.at(p++).charCodeAt(0) - 48);
  return n;
}

export function parseDnsArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const buf = new CBuffer(args);
  let resourceType: string | null = null;
  let app = -1;
  let tapp = -1;
  f.tryWithoutNull = true;
  f.tryWithNull = true;
  let p = 0;
  for (;;) {
    p = buf.skipSpaces(p);
    if (buf.at(p) !== '-') break;
    p++;
    switch (buf.at(p)) {
      case 'A':
        f.appendOnRebuild = true;
        break;
      case 'a':
        app = ++p;
        break;
      case 'B':
        p = skipBlanksAfter(buf, p);
        decl.file = upToSpace(buf, p);
        break;
      case 'd':
        p++;
        f.timeoutSeconds = convtime(upToSpace(buf, p), 's', ctx);
        break;
      case 'f':
        f.noFoldCase = true;
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
      case 'r':
        p = skipBlanksAfter(buf, p);
        f.retry = atoiAt(buf, p);
        break;
      case 't':
        f.noDefer = true;
        break;
      case 'T':
        tapp = ++p;
        break;
      case 'z': {
        p++;
        if (buf.at(p) !== '\\') f.columnDelimiter = buf.at(p) === '\0' ? null : buf.at(p);
        else {
          const c = buf.at(++p);
          f.columnDelimiter = c === 'n' ? '\n' : c === 't' ? '\t' : '\\';
        }
        break;
      }
      case 'Z':
        p = skipBlanksAfter(buf, p);
        break;
      case 'R': {
        p = skipBlanksAfter(buf, p);
        const name = upToSpace(buf, p);
        const known = DNS_TYPES.find((t) => t === name.toUpperCase());
        if (known === undefined) {
          ctx.env.report({ severity: 'syserr', text: `dns map ${decl.name}: wrong type ${name}` });
        }
        resourceType = known ?? null;
        break;
      }
    }
    p = buf.endWord(p);
  }
  if (resourceType === null) {
    ctx.env.report({ severity: 'syserr', text: `dns map ${decl.name}: missing -R type` });
  }
  if (app >= 0) f.appendText = buf.str(app);
  if (tapp >= 0) f.tempfailText = buf.str(tapp);
  decl.settings = { kind: 'dns', resourceType: resourceType ?? '', options: '' };
  return true;
}
