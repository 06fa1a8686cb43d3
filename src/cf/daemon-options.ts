// DaemonPortOptions and ClientPortOptions ("Name=MTA, Family=inet, Addr=…, Port=…, M=…"):
// the checks sendmail makes while reading them, with its messages.
import { readFileSync } from 'node:fs';
import type { SendmailConfig } from './config.js';
import { asciiCaseEqual, isDigit, isPrint, isSpace, isUpper } from '../sendmail/ctype.js';

/** The fields of one *PortOptions value. */
export interface SocketOptions {
  name: string | null;
  family: string;
  address: string | null;
  port: string | null;
  modifiers: string | null;
  fields: Map<string, string>;
}

const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const MAXDAEMONS = 64;
const SUN_PATH_SIZE = 108;

/** sendmail's getmodifiers: the flags as the {daemon_flags} macro shows them ("a C CC"). */
export function parseModifiers(v: string): string {
  if (3 * v.length + 3 > 256) return '';
  const flags: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80 && !isSpace(c) && isPrint(c)) flags.push(isUpper(c) ? v[i] + v[i] : v[i]);
  }
  return flags.join(' ');
}

function knownHost(name: string): boolean {
  try {
    const hosts = readFileSync('/etc/hosts', 'latin1');
    for (const line of hosts.split('\n')) {
      const words = line.replace(/#.*/, '').trim().split(/\s+/);
      if (words.slice(1).some((w) => asciiCaseEqual(w, name))) return true;
    }
  } catch {
    // no hosts file: nothing is known
  }
  return false;
}

function knownService(name: string): boolean {
  try {
    const services = readFileSync('/etc/services', 'latin1');
    for (const line of services.split('\n')) {
      const words = line.replace(/#.*/, '').trim().split(/\s+/);
      if (
        words.length >= 2 &&
        words[1].endsWith('/tcp') &&
        (words[0] === name || words.slice(2).includes(name))
      )
        return true;
    }
  } catch {
    // no services file
  }
  return false;
}

function isInetAddr(addr: string): boolean {
  const parts = addr.split('.');
  if (parts.length > 4) return false;
  return parts.every((p) => /^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(p));
}

/** Parses one *PortOptions value with sendmail's checks (setsockaddroptions). */
function parseSocketOptions(text: string, config: SendmailConfig, initialFamily: number): SocketOptions {
  const { errors } = config;
  const opts: SocketOptions = {
    name: null,
    family: 'inet',
    address: null,
    port: null,
    modifiers: null,
    fields: new Map(),
  };
  let family = initialFamily === 0 ? AF_INET : initialFamily;
  for (const item of text.split(',')) {
    const f = item.replace(/^[\t\n\v\f\r ]+/, '');
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    let v = eq + 1;
    while (v < f.length && isSpace(f.charCodeAt(v))) v++;
    const value = f.slice(v);
    opts.fields.set(f.slice(0, eq), value);
    switch (f[0]) {
      case 'A':
      case 'a':
        opts.address = value;
        break;
      case 'D':
        if (!'qdib'.includes(value[0] ?? '\0') || value === '')
          errors.syserr(`554 5.3.5 Unknown delivery mode ${value[0] ?? ''}`);
        break;
      case 'F':
      case 'f':
        if (isDigit(value.charCodeAt(0))) family = Number.parseInt(value, 10) || 0;
        else if (asciiCaseEqual(value, 'unix') || asciiCaseEqual(value, 'local')) family = AF_UNIX;
        else if (asciiCaseEqual(value, 'inet')) family = AF_INET;
        else if (asciiCaseEqual(value, 'inet6')) family = AF_INET6;
        else errors.syserr(`554 5.3.5 Unknown address family ${value} in Family=option`);
        break;
      case 'M':
      case 'm':
        opts.modifiers = parseModifiers(value);
        break;
      case 'N':
      case 'n':
        opts.name = value;
        break;
      case 'P':
      case 'p':
        opts.port = value;
        break;
      case 'c':
      case 'd':
      case 'I':
      case 'i':
      case 'L':
      case 'l':
      case 'q':
      case 'R':
      case 'r':
      case 'S':
      case 's':
        break;
      default:
        errors.syserr(`554 5.3.5 PortOptions parameter "${f}" unknown`);
    }
  }
  opts.family =
    family === AF_UNIX
      ? 'unix'
      : family === AF_INET6
        ? 'inet6'
        : family === AF_INET
          ? 'inet'
          : String(family);
  if (opts.address !== null) {
    const addr = opts.address;
    if (family === AF_UNIX) {
      if (addr.length >= SUN_PATH_SIZE)
        errors.syserr(
          `setsockaddroptions: domain socket name too long: ${addr} > ${SUN_PATH_SIZE}`,
          'ENAMETOOLONG',
        );
    } else if (family === AF_INET) {
      if (!(isDigit(addr.charCodeAt(0)) && isInetAddr(addr)) && !knownHost(addr))
        errors.syserr(`554 5.3.0 host "${addr}" unknown`);
    } else if (family === AF_INET6) {
      const numeric = /^(ipv6:)?[0-9a-f:.]+$/i.test(addr) && addr.includes(':');
      if (!numeric && !knownHost(addr)) errors.syserr(`554 5.3.0 host "${addr}" unknown`);
    } else errors.syserr(`554 5.3.5 address= option unsupported for family ${family}`);
  }
  if (opts.port !== null) {
    const port = opts.port;
    if (family === AF_INET || family === AF_INET6) {
      if (!isDigit(port.charCodeAt(0)) && !knownService(port))
        errors.syserr(`554 5.3.5 service "${port}" unknown`);
    } else errors.syserr(`554 5.3.5 Port= option unsupported for family ${family}`);
  }
  return opts;
}

/** DaemonPortOptions: one more daemon (at most MAXDAEMONS). */
export function parseDaemonOptions(text: string, config: SendmailConfig): void {
  if (config.options.daemonPortOptions.length > MAXDAEMONS) {
    config.errors.syserr(`too many daemons defined (${MAXDAEMONS} max)`);
    return;
  }
  parseSocketOptions(text, config, 0);
}

/** ClientPortOptions. */
export function parseClientOptions(text: string, config: SendmailConfig): void {
  parseSocketOptions(text, config, 0);
}
