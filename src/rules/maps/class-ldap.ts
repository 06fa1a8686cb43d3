// The ldap class: no LDAP server answers here, so a map opens as sendmail's does when
// ldap_init/ldap_bind fails. (Its arguments are read by parse-ldap.ts.)
import { asciiCaseEqual } from '../../sendmail/ctype.js';
import { syserr } from './errors.js';
import { getColumn } from './columns.js';
import { inetAddr } from './inet.js';
import { parseIPv6 } from './inet.js';
import { parseLdapArgs, type LdapSettings } from './parse-ldap.js';
import type { ClassContext, MapClass, MapState } from './state.js';
import { EX_TEMPFAIL } from '../../sendmail/sysexits.js';

/** Whether a host name would be found (hosts file or an address): then the connection is refused. */
function resolvable(host: string, ctx: ClassContext): boolean {
  if (inetAddr(host) !== null || parseIPv6(host) !== null) return true;
  const read = ctx.env.readFile(ctx.env.options.hostsFile);
  if (!read.ok) return false;
  return read.text.split('\n').some((line) => {
    const l = line.split('#')[0]!;
    for (let i = 1; ; i++) {
      const n = getColumn(l, i, null);
      if (n === null) return false;
      if (n !== '' && asciiCaseEqual(n, host)) return true;
    }
  });
}

function uriHost(uri: string): string {
  const m = /^[a-zA-Z]+:\/\/(\[[^\]]*\]|[^:/]*)/.exec(uri);
  const h = m?.[1] ?? '';
  return h === '' ? 'localhost' : h.replace(/^\[|\]$/g, '');
}

/** No LDAP server answers here: the open fails as ldap_init/ldap_bind fails. */
function openLdap(map: MapState, ctx: ClassContext): boolean {
  const { decl } = map;
  const s = map.data as LdapSettings;
  if (decl.flags.optional) return false;
  const id = s.host ?? s.uri ?? 'localhost';
  const hosts = s.uri !== null ? [uriHost(s.uri)] : id.split(/[ \t]+/).filter((h) => h !== '');
  // Only a simple bind connects (the library refuses the other methods without trying), and
  // only a refused connection leaves errno set, not an unknown host.
  const refused = s.method === 'simple' && hosts.some((h) => resolvable(h.replace(/:\d+$/, ''), ctx));
  ctx.env.report(
    syserr(`ldap_init/ldap_bind failed to ${id} in map ${decl.name}`, refused ? 'ENOTCONN' : null),
  );
  return false;
}

export const ldapClass: MapClass = {
  name: 'ldap',
  fileOptional: false,
  parse: parseLdapArgs,
  open: openLdap,
  lookup: () => ({ value: null, status: EX_TEMPFAIL }),
};
