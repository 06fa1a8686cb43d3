// Classes that need a server this machine does not have (NIS, NIS+, socket map daemons, the
// user database): they fail to open, or find nothing, with the messages sendmail prints then.
import { isDigit } from './cbuf.js';
import { parseIPv6 } from './inet.js';
import { syserr } from './errors.js';
import { hostByName } from './hosts.js';
import { inetAddr } from './inet.js';
import { parseCommonArgs } from './parse-args.js';
import type { ClassContext, MapClass, MapState } from './state.js';
import { EX_OK, EX_TEMPFAIL } from '../../sendmail/sysexits.js';

const failedLookup = () => ({ value: null, status: EX_TEMPFAIL });

function say(ctx: ClassContext, text: string): void {
  ctx.env.report({ severity: 'syserr', text });
}

/** NIS: no domain is bound, so a map without "@domain" finds NIS not running. */
function openNis(map: MapState, ctx: ClassContext): boolean {
  const { decl } = map;
  let file = decl.file ?? '';
  let domain: string | null = null;
  const at = file.indexOf('@');
  if (at >= 0) {
    if (at + 1 < file.length) domain = file.slice(at + 1);
    file = file.slice(0, at);
  }
  if (file === '') file = 'mail.aliases';
  if (decl.flags.optional) return false;
  if (domain === null) say(ctx, `NIS map ${file} specified, but NIS not running`);
  else say(ctx, `Cannot bind to map ${file} in domain ${domain}: Internal NIS error`);
  return false;
}

export const nisClass: MapClass = {
  name: 'nis',
  fileOptional: false,
  parse: parseCommonArgs,
  open: openNis,
  lookup: failedLookup,
};

/** NIS+: the table cannot be found; sendmail says nothing about it. */
export const nisplusClass: MapClass = {
  name: 'nisplus',
  fileOptional: false,
  parse: parseCommonArgs,
  open: () => false,
  lookup: failedLookup,
};

/** The port of a service name, from the services file (getservbyname "tcp"). */
function servicePort(name: string, ctx: ClassContext): number | null {
  const read = ctx.env.readFile('/etc/services');
  if (!read.ok) return null;
  for (const line of read.text.split('\n')) {
    const words = line
      .split('#')[0]!
      .split(/[ \t]+/)
      .filter((w) => w !== '');
    if (words.length < 2) continue;
    const m = /^(\d+)\/tcp$/.exec(words[1]!);
    if (m && (words[0] === name || words.slice(2).includes(name))) return Number(m[1]);
  }
  return null;
}

/** The address checks of socket_map_open; a valid address then fails to connect, silently. */
function openSocket(map: MapState, ctx: ClassContext): boolean {
  const { decl } = map;
  const spec = decl.file ?? '';
  const name = decl.name;
  if (spec === '') {
    say(ctx, `socket map "${name}": empty or missing socket information`);
    return false;
  }
  const colon = spec.indexOf(':');
  let family = 'unix';
  let rest = spec;
  if (colon >= 0) {
    const proto = spec.slice(0, colon).toLowerCase();
    rest = spec.slice(colon + 1);
    if (proto === 'inet' || proto === 'inet6') family = proto;
    else if (proto !== '' && proto !== 'unix' && proto !== 'local') {
      ctx.env.report(
        syserr(`socket map "${name}": unknown socket type ${spec.slice(0, colon)}`, 'EPROTONOSUPPORT'),
      );
      return false;
    }
  }
  if (family === 'unix') {
    if (rest.length >= 108) {
      say(ctx, `socket map "${name}": local socket name ${rest} too long`);
      return false;
    }
    const problem = ctx.env.safeFile(rest);
    if (problem !== null) {
      ctx.env.report(syserr(`socket map "${name}": local socket name ${rest} unsafe`, problem));
    }
    return false;
  }
  const at = rest.indexOf('@');
  if (at < 0) {
    say(ctx, `socket map "${name}": bad address ${rest} (expected port@host)`);
    return false;
  }
  const port = rest.slice(0, at);
  if (!isDigit(port[0] ?? '') && servicePort(port, ctx) === null) {
    say(ctx, `socket map "${name}": unknown port name ${port}`);
    return false;
  }
  const host = rest.slice(at + 1);
  if (host[0] === '[') {
    const end = host.indexOf(']');
    const inner = end < 0 ? '' : host.slice(1, end);
    const ok = family === 'inet' ? inetAddr(inner) !== null : parseIPv6(inner) !== null;
    if (end < 0 || !ok) {
      say(ctx, `socket map "${name}": Invalid numeric domain spec "${host}"`);
    }
    return false;
  }
  if (hostByName(host, ctx.env) === null) {
    say(ctx, `socket map "${name}": Unknown host name ${host}`);
  }
  return false;
}

export const socketClass: MapClass = {
  name: 'socket',
  fileOptional: false,
  parse: parseCommonArgs,
  open: openSocket,
  lookup: failedLookup,
};

/** The user database: no UserDatabaseSpec database is served, so nothing is found. */
export const userdbClass: MapClass = {
  name: 'userdb',
  fileOptional: false,
  parse: parseCommonArgs,
  open: () => true,
  lookup: () => ({ value: null, status: EX_OK }),
};
