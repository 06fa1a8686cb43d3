// The dns class's own argument parser (-R type, -B base domain, -Z size limit, …).
import { atoi } from '../../sendmail/c-numbers.js';
import { asciiUpper } from '../../sendmail/ctype.js';
import { CBuffer } from './cbuf.js';
import { SharedOptions, forEachOption, timeoutAt, upToSpace, valueAfter } from './parse-options.js';
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

export function parseDnsArgs(map: MapState, args: string, ctx: ParseContext): boolean {
  const { decl } = map;
  const f = decl.flags;
  const buf = new CBuffer(args);
  // no -D; -S (DNSSEC) means nothing in this build
  const shared = new SharedOptions(buf, f, 'AafmNOoqTtz');
  let resourceType: string | null = null;
  f.tryWithoutNull = true;
  f.tryWithNull = true;
  forEachOption(buf, (at) => {
    const end = shared.apply(at);
    if (end !== null) return end;
    const value = valueAfter(buf, at);
    switch (buf.at(at)) {
      case 'B':
        decl.file = upToSpace(buf, value);
        return value;
      case 'd':
        f.timeoutSeconds = timeoutAt(buf, at + 1, ctx);
        return at + 1;
      case 'r':
        f.retry = atoi(buf.str(value));
        return value;
      case 'Z':
        return value;
      case 'R': {
        const name = upToSpace(buf, value);
        resourceType = DNS_TYPES.find((t) => t === asciiUpper(name)) ?? null;
        if (resourceType === null) {
          ctx.env.report({ severity: 'syserr', text: `dns map ${decl.name}: wrong type ${name}` });
        }
        return value;
      }
      default:
        return at;
    }
  });
  if (resourceType === null) {
    ctx.env.report({ severity: 'syserr', text: `dns map ${decl.name}: missing -R type` });
  }
  shared.finish();
  decl.settings = { kind: 'dns', resourceType: resourceType ?? '', options: '' };
  return true;
}
