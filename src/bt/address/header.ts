// Test mode's /header: sendmail's chompheader for a header line typed by the user, in check
// mode — the header's flags (from sendmail's built-in table, plus H_USER), and the .cf's check
// ruleset for it (H name: $>ruleset, or the default "*" one) run on its value.
import { quoteInternalChars } from '../../cf/macros.js';
import { asciiCaseEqual, asciiLower, isGraph, isSpace } from '../../sendmail/ctype.js';
import type { HeaderCheck } from '../../cf/model.js';
import type { AddressEngine } from './engine.js';
import { runCheckRuleset } from './check.js';

export const H_EOH = 0x00000001;
export const H_RCPT = 0x00000002;
export const H_RESENT = 0x00000008;
export const H_ACHECK = 0x00000020;
export const H_FORCE = 0x00000040;
export const H_TRACE = 0x00000080;
export const H_FROM = 0x00000100;
export const H_RECEIPTTO = 0x00000400;
export const H_ERRORSTO = 0x00000800;
export const H_CTE = 0x00001000;
export const H_CTYPE = 0x00002000;
export const H_BCC = 0x00004000;
export const H_ENCODABLE = 0x00008000;
export const H_STRIPCOMM = 0x00010000;
export const H_BINDLATE = 0x00020000;
export const H_USER = 0x00040000;

/** sendmail's built-in header table (conf.c's HdrInfo), by lower-case name. */
const BUILT_IN_HEADERS: Record<string, number> = {
  'resent-sender': H_FROM | H_RESENT,
  'resent-from': H_FROM | H_RESENT,
  'resent-reply-to': H_FROM | H_RESENT,
  sender: H_FROM,
  from: H_FROM,
  'reply-to': H_FROM,
  'errors-to': H_FROM | H_ERRORSTO,
  'full-name': H_ACHECK,
  'return-receipt-to': H_RECEIPTTO,
  'delivery-receipt-to': H_RECEIPTTO,
  'disposition-notification-to': H_FROM,
  to: H_RCPT,
  'resent-to': H_RCPT | H_RESENT,
  cc: H_RCPT,
  'resent-cc': H_RCPT | H_RESENT,
  bcc: H_RCPT | H_BCC,
  'resent-bcc': H_RCPT | H_BCC | H_RESENT,
  'apparently-to': H_RCPT,
  'message-id': 0,
  'resent-message-id': H_RESENT,
  message: H_EOH,
  text: H_EOH,
  date: 0,
  'resent-date': H_RESENT,
  received: H_TRACE | H_FORCE,
  'x400-received': H_TRACE | H_FORCE,
  via: H_TRACE | H_FORCE,
  'mail-from': H_TRACE | H_FORCE,
  comments: H_FORCE | H_ENCODABLE,
  'return-path': H_FORCE | H_ACHECK | H_BINDLATE,
  'content-transfer-encoding': H_CTE,
  'content-type': H_CTYPE,
  'content-length': H_ACHECK,
  subject: H_ENCODABLE,
  'x-authentication-warning': H_FORCE,
};

interface HeaderInfo {
  flags: number;
  ruleset: string | null;
}

/** A default header of the test envelope (an H line of the .cf). */
interface DefaultHeader {
  name: string;
  /** Made to look user-given (H_USER) when an identical From: replaced it. */
  user: boolean;
}

/** The envelope sender as the From: header comparison sees it (sendmail's e_from). */
export interface EnvelopeSender {
  /** q_paddr: the address as given. */
  printable: string;
  /** q_user. */
  user: string;
  /** The sender's mailer has F=l. */
  localMailer: boolean;
}

/**
 * sendmail's ST_HEADER entries (the built-in table with the .cf's check rulesets added) and the
 * part of the test envelope that /header reads and changes: its default headers, whose
 * presence makes an empty header line a no-op, and whether a Resent- header was seen.
 */
export class HeaderTable {
  private readonly entries = new Map<string, HeaderInfo>();
  private readonly defaults: DefaultHeader[];
  /** sendmail's EF_RESENT on the envelope. */
  resent = false;

  constructor(checks: readonly HeaderCheck[], defaultNames: readonly string[] = []) {
    for (const [name, flags] of Object.entries(BUILT_IN_HEADERS))
      this.entries.set(name, { flags, ruleset: null });
    for (const check of checks) {
      const key = asciiLower(check.header);
      const info = this.entries.get(key) ?? { flags: 0, ruleset: null };
      info.ruleset = check.ruleset;
      if (!check.keepComments) info.flags |= H_STRIPCOMM;
      this.entries.set(key, info);
    }
    // forced headers (Received:, …) are never replaced, so they never count as defaults here
    this.defaults = defaultNames
      .filter((name) => ((this.find(name)?.flags ?? 0) & H_FORCE) === 0)
      .map((name) => ({ name, user: false }));
  }

  find(name: string): HeaderInfo | undefined {
    return this.entries.get(asciiLower(name));
  }

  /** The replaceable default headers called `name`. */
  defaultsNamed(name: string): DefaultHeader[] {
    return this.defaults.filter((h) => !h.user && asciiCaseEqual(h.name, name));
  }
}

/**
 * The value as the check ruleset's ${currHeader} sees it: in quotes, quotes escaped, control
 * characters as blanks, cut to fit sendmail's 256-byte buffer.
 */
function quotedValue(value: string): string {
  let out = '"';
  for (let k = 0; k < value.length && out.length < 256 - 3; k++) {
    const ch = value[k];
    if ('\t\n\v\f\r'.includes(ch)) out += ' ';
    else if (ch === '"') out += '\\"';
    else out += ch;
  }
  return out + '"';
}

/** chompheader(line, CHHDR_CHECK|CHHDR_USER): returns the header's flags. */
export function checkHeader(
  rawLine: string,
  table: HeaderTable,
  engine: AddressEngine,
  sender: EnvelopeSender | null = null,
): number {
  const line = quoteInternalChars(rawLine);
  let p = 0;
  while (p < line.length && isGraph(line.charCodeAt(p)) && line[p] !== ':') p++;
  const name = line.slice(0, p);
  while (p < line.length && isSpace(line.charCodeAt(p))) p++;
  if (line[p] !== ':' || name === '') {
    engine.syserr(`553 5.3.0 header syntax error, line "${line}"`);
    return 0;
  }
  const value = line.slice(p + 1);
  const nullHeader = [...value].every((c) => isSpace(c.charCodeAt(0)));
  if (name.length > 100) return H_EOH;
  const info = table.find(name) ?? { flags: 0, ruleset: null };
  if (info.flags & H_RESENT) table.resent = true;
  if (info.flags & H_EOH) return info.flags;

  let ruleset = info.ruleset;
  let removeComments = (info.flags & H_STRIPCOMM) !== 0;
  if (ruleset === null) {
    const fallback = table.find('*');
    if (fallback) {
      ruleset = fallback.ruleset;
      removeComments = (fallback.flags & H_STRIPCOMM) !== 0;
    }
  }
  if (ruleset !== null) {
    engine.defineMacro('{currHeader}', quotedValue(value));
    engine.defineMacro('{hdr_name}', name);
    engine.defineMacro('{hdrlen}', String(value.length));
    const kind = info.flags & H_FROM ? 'h s' : info.flags & H_RCPT ? 'h r' : 'h';
    engine.defineMacro('{addr_type}', kind);
    runCheckRuleset(
      ruleset,
      value,
      null,
      {
        removeComments,
        unstructured: (info.flags & (H_FROM | H_RCPT)) === 0,
      },
      engine,
    );
  }

  // a From: (Resent-From: after a Resent- header) that says what the envelope sender says
  // takes the default's place as if the user had given it
  const fromName = table.resent ? 'resent-from' : 'from';
  const sameAsSender =
    asciiCaseEqual(name, fromName) &&
    sender !== null &&
    sender.localMailer &&
    (value === sender.printable || value === sender.user);
  const defaults = table.defaultsNamed(name);
  if (defaults.length > 0) {
    // an empty value keeps the default
    if (nullHeader) return 0;
    if (sameAsSender) {
      defaults[0].user = true;
      return info.flags;
    }
  }
  return info.flags | H_USER;
}
