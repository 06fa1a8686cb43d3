// sendmail's parseaddr and buildaddr: scan an address, run it through rulesets 3 and 0, and
// turn the "$# mailer $@ host $: user" triple into an address — with the error mailer's
// messages and exit statuses, the user part rewritten by rulesets 2, the mailer's R= and 4, and
// the checks for characters an address may not contain.
import type { Mailer } from '../../cf/model.js';
import { CANONHOST, CANONNET, CANONUSER } from '../../cf/meta.js';
import { stripQuotes } from '../../rules/tokens.js';
import { asciiLower } from '../../sendmail/ctype.js';
import {
  EX_CONFIG,
  EX_NOHOST,
  EX_NOUSER,
  EX_PROTOCOL,
  EX_SOFTWARE,
  EX_TEMPFAIL,
  EX_UNAVAILABLE,
  EX_USAGE,
  MAXATOM,
  MAXNAME,
  type AddressEngine,
  type AddressFlags,
} from './engine.js';
import { exitStatusOfDsn, isEnhancedCode, isSmtpCode } from './status.js';

/** The mailers buildaddr may pick that are not in the .cf. */
export const ERROR_MAILER_NAME = '*error*';

export type AddressState = 'ok' | 'bad' | 'queue';

export interface Address {
  /** The mailer's name as test mode prints it. */
  mailerName: string;
  mailer: Mailer | null;
  host: string | null;
  user: string;
  /** The address as given (sendmail's q_paddr). */
  printable: string;
  state: AddressState;
  /** DSN status from an error mailer's host part, if it had one. */
  dsnStatus: string | null;
}

const BAD_CHAR = '?';

/**
 * sendmail's invalidaddr: 8-bit characters (unless EightBitAddrOK) and addresses of MAXNAME
 * bytes or more are refused with a message. Returns true when the address is invalid.
 * sendmail replaces the 8-bit characters by '?' in the caller's buffer; when that buffer is
 * what e_to shows (parseaddr's), `isTo` makes the messages' address prefix show it too — cut
 * where the length check stopped.
 */
export function invalidAddress(
  addr: string,
  isRecipient: boolean,
  engine: AddressEngine,
  isTo = false,
): boolean {
  let shown = addr;
  let eightBit = false;
  for (let i = 0; i < addr.length; i++) {
    if (!engine.eightBitAddrOk && (addr.charCodeAt(i) & 0xe0) === 0x80) {
      engine.setStatus(EX_USAGE);
      eightBit = true;
      shown = shown.slice(0, i) + BAD_CHAR + shown.slice(i + 1);
    }
    if (i + 1 > MAXNAME - 1) {
      if (isTo) engine.setTo(shown.slice(0, i));
      engine.usrerr(`553 5.1.0 Address "${shown.slice(0, i)}" too long (${MAXNAME - 1} bytes max)`);
      if (isTo) engine.setTo(shown);
      return true;
    }
  }
  if (isTo) engine.setTo(shown);
  if (eightBit) {
    engine.usrerr(`501 5.1.${isRecipient ? 3 : 7} 8-bit character in mailbox address "${shown}"`);
  }
  return eightBit;
}

/**
 * sendmail's hasctrlchar: control characters outside quotes, a trailing backslash, 8-bit
 * characters, unbalanced quotes or excessive length make the address bad; with `complain`
 * the problem is reported. Returns the (repaired) text and whether it was bad.
 */
export function checkControlChars(
  addr: string,
  isRecipient: boolean,
  complain: boolean,
  engine: AddressEngine,
): { bad: boolean; text: string } {
  const chars = addr.split('');
  let quoted = false;
  let problem: string | null = null;
  // sendmail counts one per loop turn, so an escaped pair counts once
  let counted = 0;
  for (let i = 0; i < chars.length; i++) {
    if (++counted > MAXNAME - 1) {
      if (complain) {
        const shortened = shortenRfc822(chars.join(''), MAXNAME - 1);
        engine.usrerr(`553 5.1.0 Address "${shortened}" too long (${MAXNAME - 1} bytes max)`);
        return { bad: true, text: shortened };
      }
      problem = 'too long';
    }
    const c = chars[i].charCodeAt(0);
    if (!quoted && (c < 32 || c === 127)) {
      problem = 'non-printable character';
      chars[i] = BAD_CHAR;
      continue;
    }
    if (chars[i] === '"') quoted = !quoted;
    else if (chars[i] === '\\') {
      if (i + 1 >= chars.length) {
        problem = 'trailing \\ character';
        chars[i] = BAD_CHAR;
        break;
      }
      i++;
    }
    if (!engine.eightBitAddrOk && (chars[i].charCodeAt(0) & 0xe0) === 0x80) {
      engine.setStatus(EX_USAGE);
      problem = '8-bit character';
      chars[i] = BAD_CHAR;
    }
  }
  if (quoted) problem = 'unbalanced quote';
  const text = chars.join('');
  if (problem !== null && complain) {
    engine.usrerr(`501 5.1.${isRecipient ? 3 : 7} Syntax error in mailbox address "${text}" (${problem})`);
  }
  return { bad: problem !== null, text };
}

/**
 * sendmail's shorten_rfc822_string: cut to `length` bytes, leaving room to close the open
 * comments and quote, which are then closed (parentheses first).
 */
export function shortenRfc822(s: string, length: number): string {
  const limit = length === 0 || s.length < length ? s.length : length;
  let backslash = false;
  let parens = 0;
  let quoted = false;
  let i = 0;
  for (; i < s.length; i++) {
    const ch = s[i];
    if (backslash) backslash = false;
    else {
      if (ch === '\\') backslash = true;
      else if (ch === '(') {
        if (!quoted) parens++;
      } else if (ch === ')' && --parens < 0) parens = 0;
      if (parens <= 0 && ch === '"') quoted = !quoted;
    }
    if (limit - i <= (backslash ? 1 : 0) + parens + (quoted ? 1 : 0)) {
      if (ch === '\\') backslash = false;
      else if (ch === '(' && !quoted) parens--;
      else if (ch === '"' && parens === 0) quoted = false;
      break;
    }
  }
  return s.slice(0, i) + ')'.repeat(Math.max(parens, 0)) + (quoted ? '"' : '');
}

/** The named statuses an error mailer's host part may give. */
const ERROR_CODE_NAMES: Record<string, number> = {
  usage: EX_USAGE,
  nouser: EX_NOUSER,
  nohost: EX_NOHOST,
  unavailable: EX_UNAVAILABLE,
  software: EX_SOFTWARE,
  tempfail: EX_TEMPFAIL,
  protocol: EX_PROTOCOL,
  config: EX_CONFIG,
};

const HOST_BUF = MAXNAME + 1;
const USER_BUF = MAXNAME + 2;

function badAddress(a: Address, engine: AddressEngine, tempfail: boolean): Address {
  if (engine.exitStatus() === EX_TEMPFAIL || tempfail) a.state = 'queue';
  else {
    a.state = 'bad';
    a.mailer = null;
    a.mailerName = ERROR_MAILER_NAME;
  }
  return a;
}

/** The messages and status of "$#error $@ status $: text". */
function errorMailer(a: Address, hostText: string | null, userText: string, engine: AddressEngine): Address {
  a.mailer = null;
  a.mailerName = ERROR_MAILER_NAME;
  a.user = userText;
  a.host = hostText;
  if (hostText !== null) {
    if (hostText.includes('.')) {
      a.dsnStatus = hostText;
      engine.setStatus(exitStatusOfDsn(hostText));
    } else if (hostText[0] >= '0' && hostText[0] <= '9') {
      engine.setStatus(parseInt(hostText, 10));
    } else {
      engine.setStatus(ERROR_CODE_NAMES[hostText.toLowerCase()] ?? EX_UNAVAILABLE);
    }
  } else engine.setStatus(EX_UNAVAILABLE);
  const text = stripQuotes(userText);
  let tempfail = false;
  if (isSmtpCode(text) && text[3] === ' ') {
    const enh = isEnhancedCode(text.slice(4), ' ');
    const code = text.slice(0, 3);
    if (enh > 0) engine.usrerr(`${code} ${text.slice(4, 4 + enh)} ${text.slice(enh + 5)}`);
    else if (hostText !== null && isEnhancedCode(hostText, '') > 0) {
      engine.usrerr(`${code} ${hostText} ${text.slice(4)}`);
    } else engine.usrerr(`${code} ${text.slice(4)}`);
    tempfail = text[0] === '4';
  } else engine.usrerr(`553 5.3.0 ${text}`);
  return badAddress(a, engine, tempfail);
}

/** sendmail's buildaddr: the address a resolved token vector describes. */
export function buildAddress(tokens: string[], flags: AddressFlags, engine: AddressEngine): Address {
  const a: Address = {
    mailerName: '',
    mailer: null,
    host: null,
    user: '',
    printable: '',
    state: 'ok',
    dsnStatus: null,
  };
  const code = (i: number): number => (i < tokens.length ? tokens[i].charCodeAt(0) & 0xff : -1);
  if (code(0) !== CANONNET) {
    engine.syserr('554 5.3.5 buildaddr: no mailer in parsed address');
    return badAddress(a, engine, false);
  }
  const mailerName = tokens[1] ?? '';
  let hostStart = -1;
  let i = 2;
  if (code(2) === CANONHOST) {
    hostStart = 3;
    i = 3;
  }
  while (i < tokens.length && code(i) !== CANONUSER) i++;
  if (i >= tokens.length) {
    engine.syserr('554 5.3.5 buildaddr: no user');
    return badAddress(a, engine, false);
  }
  let hostText: string | null = null;
  if (hostStart >= 0 && hostStart !== i) {
    hostText = engine.joinTokens(tokens.slice(hostStart, i), null, true, HOST_BUF);
  }
  let userStart = i + 1;
  const userText = engine.joinTokens(tokens.slice(userStart), ' ', false, USER_BUF);

  if (mailerName.toLowerCase() === 'error') return errorMailer(a, hostText, userText, engine);

  let m = engine.mailers().find((x) => x.name.toLowerCase() === mailerName.toLowerCase());
  if (!m) {
    engine.syserr(`554 5.3.5 buildaddr: unknown mailer ${mailerName}`);
    return badAddress(a, engine, false);
  }
  if (hostText === null && !m.flags.has('l')) {
    engine.syserr('554 5.3.5 buildaddr: no host');
    a.mailer = m;
    return badAddress(a, engine, false);
  }
  a.host = hostText;

  let user = userText;
  if (m.flags.has('@') && user[0] === '@') {
    user = user.slice(1);
    userStart++;
  }
  const first = user[0] === '"' ? user[1] : user[0];
  const special = (name: string): Mailer | undefined => engine.mailer(name);
  if (first === '|' && m.flags.has('|')) m = special('prog') ?? m;
  else if (first === '/' && m.flags.has('/')) m = special('*file*') ?? m;
  else if (first === ':' && m.flags.has(':')) {
    const unquoted = stripQuotes(userText);
    if (unquoted.slice(0, 9).toLowerCase() === ':include:') {
      a.mailer = special('*include*') ?? m;
      a.mailerName = a.mailer.name;
      a.user = unquoted.slice(9);
      return a;
    }
  }
  a.mailer = m;
  a.mailerName = m.name;

  engine.defineMacro('h', a.host);
  const maxAtom = MAXATOM - userStart;
  if (engine.configLevel >= 10 || (!flags.sender && !flags.header)) {
    engine.rewrite(tokens, 2, maxAtom, userStart);
    if (m.recipientEnvelopeRuleset > 0)
      engine.rewrite(tokens, m.recipientEnvelopeRuleset, maxAtom, userStart);
  }
  engine.rewrite(tokens, 4, maxAtom, userStart);
  a.user = engine.joinTokens(tokens.slice(userStart), null, true, USER_BUF);
  if (a.host !== null && !m.flags.has('h')) a.host = asciiLower(a.host);
  if (!m.flags.has('u')) a.user = asciiLower(a.user);
  return a;
}

export interface ParseOptions {
  flags: AddressFlags;
  /** Where the address ends: '\0' (the whole text), ',' or ' '. */
  delimiter: string;
  isRecipient: boolean;
}

/** sendmail's parseaddr. Returns null when the address cannot be parsed at all. */
export function parseAddress(addr: string, opts: ParseOptions, engine: AddressEngine): Address | null {
  engine.setTo(addr);
  const scan = engine.prescan(addr, opts.delimiter, 'external');
  if (scan.tokens === null) return null;
  // every caller with a delimiter copies the address up to it (RF_COPYPADDR): e_to and the
  // printable address then stop there (an aliases-file line stops at its colon)
  const paddr = opts.delimiter === '\0' ? addr : addr.slice(0, scan.end);
  if (paddr !== addr) engine.setTo(paddr);
  if (invalidAddress(paddr, opts.isRecipient, engine, true)) return null;

  const tokens = scan.tokens;
  let requeue = false;
  if (engine.rewrite(tokens, 3, MAXATOM) === EX_TEMPFAIL) requeue = true;
  if (engine.rewrite(tokens, 0, MAXATOM) === EX_TEMPFAIL) requeue = true;

  const a = buildAddress(tokens, opts.flags, engine);
  const userCheck = checkControlChars(a.user, opts.isRecipient, true, engine);
  a.user = userCheck.text;
  if (userCheck.bad) a.state = 'bad';
  a.printable = paddr;
  if (a.host === null) a.host = '';
  if (a.state === 'bad') {
    a.printable = checkControlChars(paddr, opts.isRecipient, false, engine).text;
    return a;
  }
  if (!opts.flags.sender && !opts.flags.header) queueGroupRuleset(a, engine);
  if (requeue) {
    engine.message(
      engine.deferMode
        ? 'Deferring message until queue run'
        : 'Transient parse error -- message queued for future delivery',
    );
    a.state = 'queue';
  }
  return a;
}

/** The "queuegroup" ruleset, when the .cf has one, is called with the user (errors muted). */
function queueGroupRuleset(a: Address, engine: AddressEngine): void {
  const rs = engine.findRuleset('queuegroup');
  if (rs < 0) return;
  const muted = engine.suppressErrors(true);
  try {
    const scan = engine.prescan(a.user, '\0', 'internal');
    if (scan.tokens !== null) engine.rewrite(scan.tokens, rs, MAXNAME + MAXATOM);
  } finally {
    engine.suppressErrors(muted);
  }
}
