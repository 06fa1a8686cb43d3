// /gethostbyname: sendmail's sm_gethostbyname, which only says something with -d61.10.
import { sendmailAddressText, formatIpv4, type AddressFamily } from './host/inet.js';
import { shortenHostname } from './host/identity.js';
import { HOST_NOT_FOUND, NO_DATA, type SystemResolver } from './host/system.js';

export interface HostLookupContext {
  resolver: SystemResolver;
  hostServices: readonly string[];
  mydomain: string | null;
  /** -d61.11: aliases and addresses too. */
  verbose: boolean;
  write(text: string): void;
}

const FAMILY_NUMBER: Record<AddressFamily, number> = { inet: 2, inet6: 10 };

/** sm_gethostbyname with its -d61.10 trace. */
export function lookUpHost(name: string, family: AddressFamily, ctx: HostLookupContext): void {
  const { write } = ctx;
  write(`sm_gethostbyname(${name}, ${FAMILY_NUMBER[family]})... `);
  let answer = ctx.resolver.byName(name, family);
  if (!answer.host) {
    write(`failure: errno=0, h_errno=${answer.herrno}\n`);
    if (ctx.hostServices.some((s) => s === 'files' || s === 'nis')) {
      const short = shortenHostname(name, ctx.mydomain) ?? name;
      if (short !== name) {
        write(`sm_gethostbyname(${short}, ${FAMILY_NUMBER[family]})... `);
        answer = ctx.resolver.byName(short, family);
      }
    }
  }
  let host = answer.host;
  let herrno = answer.herrno;
  if (host && host.family !== family) {
    host = null;
    herrno = NO_DATA;
  }
  if (!host) {
    write(`failure: errno=0, h_errno=${herrno || HOST_NOT_FOUND}\n`);
    return;
  }
  write(`${host.name}\n`);
  if (!ctx.verbose) return;
  for (const alias of host.aliases) write(`\talias: ${alias}\n`);
  for (const addr of host.addresses) {
    write(`\taddr: ${addr.family === 'inet6' ? sendmailAddressText(addr) : formatIpv4(addr.bytes)}\n`);
  }
}
