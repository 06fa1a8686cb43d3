// M lines: `Mname, P=path, F=flags, S=rulesets, R=rulesets, A=argv, …` (sendmail's
// makemailer), and the one-line description test mode's =M prints (printmailer).
import { MAXMAILERS, type SendmailConfig } from './config.js';
import type { CfEnvironment } from './environment.js';
import { MACROEXPAND } from './meta.js';
import { asciiCaseEqual, isAlnum, isAscii, isDigit, isSpace } from '../sendmail/ctype.js';
import { atoi, atol, strtol, toCInt } from '../sendmail/c-numbers.js';
import type { Mailer } from './model.js';
import { munchString } from './strings.js';
import { convtime } from '../sendmail/convtime.js';
import { formatText } from '../rules/tokens.js';

const DEFAULT_MAX_RCPT = 100;
const SMTPLINELIM = 990;
const MAXPV = 256;

function newMailer(name: string, line: number): Mailer {
  return {
    name,
    number: -1,
    path: '',
    flags: new Set(),
    senderEnvelopeRuleset: 0,
    senderHeaderRuleset: 0,
    recipientEnvelopeRuleset: 0,
    recipientHeaderRuleset: 0,
    argv: [],
    eol: '',
    maxMessageSize: 0,
    maxDeliveries: 0,
    maxRecipients: 0,
    lineLimit: 0,
    nice: 0,
    execDir: null,
    defaultCharset: null,
    queueGroup: null,
    mtaType: null,
    addrType: null,
    diagType: null,
    uid: null,
    gid: null,
    wait: 0,
    rootDir: null,
    line,
  };
}

/** sendmail's makeargv: blank-separated words (at most MAXPV). */
function splitArgv(text: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < text.length && out.length < MAXPV) {
    const start = p;
    while (p < text.length && !isSpace(text.charCodeAt(p))) p++;
    out.push(text.slice(start, p));
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
  }
  return out;
}

/** An M line (text after the M). */
export function readMailerLine(
  config: SendmailConfig,
  line: string,
  lineNumber: number,
  env: CfEnvironment,
): void {
  const { errors } = config;
  let p = 0;
  while (p < line.length && line[p] !== ',' && !isSpace(line.charCodeAt(p))) p++;
  const name = line.slice(0, p);
  if (p < line.length) p++;
  if (name === '') {
    errors.syserr('name required for mailer');
    return;
  }
  const m = newMailer(name, lineNumber);
  while (p < line.length) {
    while (p < line.length && (line[p] === ',' || isSpace(line.charCodeAt(p)))) p++;
    const code = line[p] ?? '';
    while (p < line.length && line[p] !== '=' && line[p] !== ',') p++;
    if (line[p++] !== '=') {
      errors.syserr(`mailer ${name}: \`=' expected`);
      return;
    }
    while (p < line.length && isSpace(line.charCodeAt(p))) p++;
    const field = munchString(line, ',', p);
    p = field.end;
    if (!applyField(config, m, code, field.text, env)) return;
  }
  finishMailer(config, m);
}

/** One `X=value` field; false when sendmail abandons the mailer. */
function applyField(config: SendmailConfig, m: Mailer, code: string, v: string, env: CfEnvironment): boolean {
  const { errors } = config;
  switch (code) {
    case 'P':
      if (v !== '') m.path = v;
      break;
    case 'F':
      for (const ch of v) if (!isSpace(ch.charCodeAt(0))) m.flags.add(ch);
      break;
    case 'S':
    case 'R': {
      const first = config.rulesets.resolve(v, 0, 'enter', errors);
      if (first.number < 0) return false;
      let header = first.number;
      if (v[first.end] === '/') {
        const second = config.rulesets.resolve(v, first.end + 1, 'enter', errors);
        if (second.number < 0) return false;
        header = second.number;
      }
      if (code === 'S') {
        m.senderEnvelopeRuleset = first.number;
        m.senderHeaderRuleset = header;
      } else {
        m.recipientEnvelopeRuleset = first.number;
        m.recipientHeaderRuleset = header;
      }
      break;
    }
    case 'E':
      if (v === '') errors.syserr(`mailer ${m.name}: null end-of-line string`);
      else m.eol = v;
      break;
    case 'A':
      if (v !== '') m.argv = splitArgv(v);
      break;
    case 'M':
      m.maxMessageSize = atol(v);
      break;
    case 'm':
      m.maxDeliveries = atoi(v);
      break;
    case 'r':
      m.maxRecipients = atoi(v);
      break;
    case 'L':
      m.lineLimit = Math.max(atoi(v), 0);
      break;
    case 'N':
      m.nice = atoi(v);
      break;
    case 'D':
      if (v === '') errors.syserr(`mailer ${m.name}: null working directory`);
      else m.execDir = v;
      break;
    case 'C':
      if (v === '') errors.syserr(`mailer ${m.name}: null charset`);
      else m.defaultCharset = v;
      break;
    case 'Q':
      if (v === '') errors.syserr(`mailer ${m.name}: null queue`);
      else if (!config.queueGroups.some((q) => asciiCaseEqual(q.name, v)))
        errors.syserr(`mailer ${m.name}: unknown queue ${v}`);
      else m.queueGroup = v;
      break;
    case 'T': {
      const parts = v.split('/');
      m.mtaType = parts[0] === '' ? 'dns' : parts[0];
      m.addrType = parts.length > 1 && parts[1] !== '' ? parts[1] : 'rfc822';
      m.diagType = parts.length > 2 && parts.slice(2).join('/') !== '' ? parts.slice(2).join('/') : 'smtp';
      break;
    }
    case 'U':
      userField(config, m, v, env);
      break;
    case 'W':
      m.wait = convtime(v, 's', errors);
      break;
    case '/':
      if (v === '') errors.syserr(`mailer ${m.name}: null root directory`);
      else m.rootDir = v;
      break;
    default:
      errors.syserr(`M${m.name}: unknown mailer equate ${code}=`);
  }
  return true;
}

/** U=user[:group] (names or numbers). */
function userField(config: SendmailConfig, m: Mailer, v: string, env: CfEnvironment): void {
  const { errors } = config;
  let p = 0;
  // an empty value takes the name branch too (C sees the NUL: ASCII, not a digit)
  if (v === '' || (isAscii(v.charCodeAt(0)) && !isDigit(v.charCodeAt(0)))) {
    const start = p;
    while (p < v.length && isAscii(v.charCodeAt(p)) && (isAlnum(v.charCodeAt(p)) || '-_'.includes(v[p]))) p++;
    const user = v.slice(start, p);
    while (p < v.length && isSpace(v.charCodeAt(p))) p++;
    if (p < v.length) p++;
    if (user === '') {
      errors.syserr(`mailer ${m.name}: null user name`);
      return;
    }
    const pw = env.getpwnam(user);
    if (pw === null) {
      errors.syserr(`readcf: mailer U= flag: unknown user ${user}`);
      return;
    }
    m.uid = pw.uid;
    m.gid = pw.gid;
  } else {
    const num = strtol(v, p, 0);
    m.uid = toCInt(num.value);
    p = num.end;
    while (p < v.length && isSpace(v.charCodeAt(p))) p++;
    if (p < v.length) p++;
  }
  while (p < v.length && isSpace(v.charCodeAt(p))) p++;
  if (p >= v.length) return;
  if (isAscii(v.charCodeAt(p)) && !isDigit(v.charCodeAt(p))) {
    const start = p;
    while (p < v.length && isAscii(v.charCodeAt(p)) && (isAlnum(v.charCodeAt(p)) || '-_.'.includes(v[p])))
      p++;
    const group = v.slice(start, p);
    if (group === '') {
      errors.syserr(`mailer ${m.name}: null group name`);
      return;
    }
    const gr = env.getgrnam(group);
    if (gr === null) errors.syserr(`readcf: mailer U= flag: unknown group ${group}`);
    else m.gid = gr.gid;
  } else m.gid = toCInt(strtol(v, p, 0).value);
}

/** The checks and defaults after the fields, then entry into the mailer table. */
function finishMailer(config: SendmailConfig, m: Mailer): void {
  const { errors } = config;
  if (m.argv.length === 0) {
    errors.syserr(`M${m.name}: A= argument required`);
    return;
  }
  if (m.path === '') {
    errors.syserr(`M${m.name}: P= argument required`);
    return;
  }
  const existing = config.mailer(m.name);
  const count = config.mailers.filter((x) => x !== undefined).length;
  if (existing === undefined && count >= MAXMAILERS) {
    errors.syserr(`too many mailers defined (${MAXMAILERS} max)`);
    return;
  }
  if (m.maxRecipients <= 0) m.maxRecipients = DEFAULT_MAX_RCPT;
  if (m.flags.has('L')) {
    if (m.lineLimit === 0) m.lineLimit = SMTPLINELIM;
    if (config.configLevel < 2) m.flags.add('7');
  }
  if (m.path === '[TCP]') {
    errors.syserr(`M${m.name}: P=[TCP] must be replaced by P=[IPC]`);
    return;
  }
  if (m.path === '[IPC]') {
    if (m.argv.length < 2 || m.argv[1] === '') {
      errors.syserr(`M${m.name}: too few parameters for ${m.path} mailer`);
      return;
    }
    if (m.argv[0] !== 'TCP' && m.argv[0] !== 'FILE')
      errors.print(`M${m.name}: Warning: first argument in ${m.path} mailer must be TCP or FILE\n`);
    m.mtaType ??= 'dns';
    m.addrType ??= 'rfc822';
    m.diagType ??= m.argv[0] === 'FILE' ? 'x-unix' : 'smtp';
  } else if (m.path === '[FILE]') {
    if (m.argv.length !== 2) {
      errors.syserr(`M${m.name}: too ${m.argv.length < 2 ? 'few' : 'many'} parameters for [FILE] mailer`);
      return;
    }
    if (m.argv[0] !== 'FILE') {
      errors.syserr(`M${m.name}: first argument in [FILE] mailer must be FILE`);
      return;
    }
  }
  if (m.eol === '') {
    const usesUser = m.argv.some((a) => a.includes(String.fromCharCode(MACROEXPAND) + 'u'));
    m.eol = usesUser ? '\n' : '\r\n';
  }
  if (existing !== undefined) {
    m.number = existing.number;
  } else {
    m.number = config.nextMailerNumber++;
  }
  config.mailers[m.number] = m;
}

function rulesetDisplay(config: SendmailConfig, n: number): string {
  return config.rulesets.names[n] ?? String(n);
}

/** sendmail's printmailer: the line test mode's =M shows for a mailer. */
export function formatMailer(config: SendmailConfig, m: Mailer): string {
  const names = config.macroNames;
  let flags = '';
  for (let c = 0; c <= 0x7f; c++) if (m.flags.has(String.fromCharCode(c))) flags += String.fromCharCode(c);
  let out =
    `mailer ${m.number} (${m.name}): P=${m.path} S=${rulesetDisplay(config, m.senderEnvelopeRuleset)}/` +
    `${rulesetDisplay(config, m.senderHeaderRuleset)} R=${rulesetDisplay(config, m.recipientEnvelopeRuleset)}/` +
    `${rulesetDisplay(config, m.recipientHeaderRuleset)} M=${m.maxMessageSize} U=${m.uid ?? -1}:${m.gid ?? -1} ` +
    `F=${flags} L=${m.lineLimit} E=${formatText(m.eol, names)}`;
  if (m.defaultCharset !== null) out += ` C=${m.defaultCharset}`;
  out += ` T=${m.mtaType ?? '<undefined>'}/${m.addrType ?? '<undefined>'}/${m.diagType ?? '<undefined>'}`;
  out += ` r=${m.maxRecipients}`;
  if (m.argv.length > 0) out += ' A=' + m.argv.map((a) => formatText(a, names)).join(' ');
  return out + '\n';
}
