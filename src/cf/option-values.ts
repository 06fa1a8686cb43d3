// Parsing each option's value as sendmail 8.17 does, with its messages. Values that matter to
// mailcf are kept typed in OptionState; the others are validated (so the same messages appear)
// and kept as text only.
import { SendmailExit } from './errors.js';
import { EX_USAGE } from '../sendmail/sysexits.js';
import { macroId, parseMacroId } from './macros.js';
import { asciiCaseEqual, isAlnum, isAscii, isDigit, isPrint, isPunct, isSpace } from '../sendmail/ctype.js';
import { atoi, strtol } from '../sendmail/c-numbers.js';
import { atobool } from './option-state.js';
import type { OptionInfo } from './option-table.js';
import type { SetOptionContext } from './options.js';
import { convtime } from '../sendmail/convtime.js';
import { setTimeout, setTimeoutList } from './timeouts.js';
import { parseDaemonOptions, parseClientOptions, parseModifiers } from './daemon-options.js';
import { munchString } from './strings.js';

/** Boolean options kept by name in OptionState.flags. */
const BOOLEAN_CODES = new Set(
  ['7', 'c', 'f', 'G', 'i', 'j', 'l', 'm', 'n', 'o', 'R', 'w', 'Y'].map((c) => c.charCodeAt(0)),
);
const BOOLEAN_LONG = new Set([
  'DontExpandCnames',
  'DontInitGroups',
  'SingleLineFromHeader',
  'AllowBogusHELO',
  'SingleThreadDelivery',
  'RrtImpliesDsn',
  'ColonOkInAddr',
  'UseMSP',
  'SoftBounce',
  'RequiresDirfsync',
  'RejectNUL',
  'UseCompressedIPv6Addresses',
  'SetCertAltnames',
  'StrictTransportSecurity',
  'TLSFallbacktoClear',
]);

const PRIVACY = [
  'public',
  'needmailhelo',
  'needexpnhelo',
  'needvrfyhelo',
  'noexpn',
  'novrfy',
  'restrictexpand',
  'restrictmailq',
  'restrictqrun',
  'noetrn',
  'noverb',
  'authwarnings',
  'noreceipts',
  'nobodyreturn',
  'goaway',
  'noactualrecipient',
];

const DONT_BLAME = [
  'safe',
  'assumesafechown',
  'groupwritabledirpathsafe',
  'groupwritableforwardfilesafe',
  'groupwritableincludefilesafe',
  'groupwritablealiasfile',
  'worldwritablealiasfile',
  'forwardfileinunsafedirpath',
  'includefileinunsafedirpath',
  'mapinunsafedirpath',
  'linkedaliasfileinwritabledir',
  'linkedclassfileinwritabledir',
  'linkedforwardfileinwritabledir',
  'linkedincludefileinwritabledir',
  'linkedmapinwritabledir',
  'linkedserviceswitchfileinwritabledir',
  'filedeliverytohardlink',
  'filedeliverytosymlink',
  'writemaptohardlink',
  'writemaptosymlink',
  'writestatstohardlink',
  'writestatstosymlink',
  'forwardfileingroupwritabledirpath',
  'includefileingroupwritabledirpath',
  'classfileinunsafedirpath',
  'errorheaderinunsafedirpath',
  'helpfileinunsafedirpath',
  'forwardfileinunsafedirpathsafe',
  'includefileinunsafedirpathsafe',
  'runprograminunsafedirpath',
  'runwritableprogram',
  'nonrootsafeaddr',
  'truststickybit',
  'dontwarnforwardfileinunsafedirpath',
  'insufficiententropy',
  'groupreadablesasldbfile',
  'groupwritablesasldbfile',
  'groupwritableforwardfile',
  'groupwritableincludefile',
  'worldwritableforwardfile',
  'worldwritableincludefile',
  'groupreadablekeyfile',
  'groupreadabledefaultauthinfofile',
];

const RESOLVER_FLAGS = [
  'debug',
  'aaonly',
  'usevc',
  'primary',
  'igntc',
  'recurse',
  'defnames',
  'stayopen',
  'dnsrch',
  'use_inet6',
  'use_edns0',
  'use_dnssec',
  'trustad',
  'true',
];

const QUEUE_SORT = 'fFhHmMpPtTrRsSnN';
const NO_RECIPIENT_ACTIONS = ['none', 'add-to', 'add-apparently-to', 'add-bcc', 'add-to-undisclosed'];
const SASL_OPTS = 'AacdfmpySs';
const MAXHDRSLEN = 32 * 1024;

/** Splits "word word, word" lists the way PrivacyOptions and DontBlameSendmail read them. */
function wordList(value: string): string[] {
  const words: string[] = [];
  let p = 0;
  for (;;) {
    while (
      p < value.length &&
      isAscii(value.charCodeAt(p)) &&
      (isSpace(value.charCodeAt(p)) || isPunct(value.charCodeAt(p)))
    )
      p++;
    if (p >= value.length) break;
    const start = p;
    while (p < value.length && isAscii(value.charCodeAt(p)) && isAlnum(value.charCodeAt(p))) p++;
    words.push(value.slice(start, p));
    if (p < value.length) p++;
  }
  return words;
}

/** The parts of "user:group" style values (cut at the first '.', '/' or ':'). */
function splitUserGroup(value: string): { user: string; group: string } {
  const cut = value.search(/[./:]/);
  return cut < 0 ? { user: value, group: '' } : { user: value.slice(0, cut), group: value.slice(cut + 1) };
}

const UID_MAX = 0xffffffff;

/**
 * Applies an option value. Returns false for the options sendmail never makes sticky (M, p,
 * DontBlameSendmail).
 */
export function applyOptionValue(
  info: OptionInfo,
  val: string,
  subopt: string | null,
  ctx: SetOptionContext,
): boolean {
  const { config, env } = ctx;
  const { errors } = config;
  const state = config.options;
  const name = info.name === '' ? '<unknown>' : info.name;
  const c = String.fromCharCode(info.code);
  if (BOOLEAN_CODES.has(info.code) || BOOLEAN_LONG.has(info.name)) {
    state.flags.set(info.name || c, atobool(val));
    if (info.name === 'ColonOkInAddr') state.colonOkInAddr = atobool(val);
    if (c === 'G') state.matchGecos = atobool(val);
    if (c === 'w') state.tryNullMXList = atobool(val);
    if (info.name === 'DontExpandCnames') state.dontExpandCnames = atobool(val);
    return true;
  }
  const setGroup = (group: string): void => {
    if (isDigit(group.charCodeAt(0))) state.defaultGid = atoi(group);
    else {
      state.defaultGid = -1;
      const gr = env.getgrnam(group);
      if (gr === null) errors.syserr(`readcf: option ${c}: unknown group ${group}`);
      else state.defaultGid = gr.gid;
    }
  };
  switch (info.name || c) {
    case 'EightBitMode':
      if (!'pms'.includes(val[0] ?? '\0') || val === '') {
        errors.syserr(`Unknown 8-bit mode ${val[0] ?? ''}`);
        throw new SendmailExit(EX_USAGE);
      }
      break;
    case 'AliasFile': {
      const spec = val === '' ? 'aliases' : val;
      state.aliasFiles.push(spec);
      config.maps?.setAliasFiles(spec, { blankSub: state.blankSub, configLevel: config.configLevel });
      break;
    }
    case 'LDAPDefaultSpec':
      config.maps?.setLdapDefaults(val, { blankSub: state.blankSub, configLevel: config.configLevel });
      break;
    case 'AliasWait':
      if (val !== '') convtime(val, 'm', errors);
      break;
    case 'BlankSub':
      state.blankSub = val[0] ?? ' ';
      break;
    case 'DeliveryMode':
      if (val !== '' && !'qdib'.includes(val[0])) {
        errors.syserr(`Unknown delivery mode ${val[0]}`);
        throw new SendmailExit(EX_USAGE);
      }
      config.setDeliveryMode(val === '' ? 'i' : val[0]);
      break;
    case 'ErrorMode':
      if (val !== '' && 'qmewp'.includes(val[0])) state.errorMode = val[0];
      break;
    case 'g':
      setGroup(val);
      break;
    case 'HelpFile':
      state.helpFile = val === '' ? 'helpfile' : val;
      break;
    case 'MaxHopCount':
      state.maxHopCount = atoi(val);
      break;
    case 'ResolverOptions':
      resolverOptions(val, ctx);
      break;
    case 'ConnectionCacheTimeout':
    case 'MinQueueAge':
    case 'MaxQueueAge':
      convtime(val, 'm', errors);
      break;
    case 'DialDelay':
    case 'DeliverByMin':
    case 'ConnectionRateWindowSize':
      convtime(val, 's', errors);
      break;
    case 'RejectLogInterval':
      convtime(val, 'h', errors);
      break;
    case 'LogLevel':
      if (ctx.safe || state.logLevel < atoi(val)) state.logLevel = atoi(val);
      break;
    case 'M': {
      const parsed = parseMacroId(val, 0, config.macroNames, errors);
      if (parsed.id !== 0) config.macros.set(parsed.id, val.slice(parsed.end));
      return false;
    }
    case 'DaemonPortOptions':
      state.daemonPortOptions.push(val);
      parseDaemonOptions(val, config);
      break;
    case 'ClientPortOptions':
      state.clientPortOptions.push(val);
      parseClientOptions(val, config);
      break;
    case 'DirectSubmissionModifiers':
      config.macros.set(macroId('{daemon_flags}', config.macroNames, errors), parseModifiers(val));
      break;
    case 'PrivacyOptions':
      for (const w of wordList(val)) {
        const known = PRIVACY.find((p) => asciiCaseEqual(p, w));
        if (known === undefined) errors.syserr(`readcf: Op line: ${w} unrecognized`);
        else state.privacy.add(known);
      }
      return false;
    case 'QueueDirectory':
      state.queueDirectory = val === '' ? 'mqueue' : val;
      break;
    case 'Timeout':
      if (subopt === null) setTimeoutList(val, ctx.sticky, state, errors);
      else setTimeout(subopt, val, ctx.sticky, state, errors);
      break;
    case 'QueueTimeout': {
      const slash = val.indexOf('/');
      if (slash >= 0) setTimeout('queuewarn', val.slice(slash + 1), ctx.sticky, state, errors);
      setTimeout('queuereturn', slash >= 0 ? val.slice(0, slash) : val, ctx.sticky, state, errors);
      break;
    }
    case 'DefaultUser': {
      const { user, group } = splitUserGroup(val);
      if (isDigit(user.charCodeAt(0))) {
        state.defaultUid = atoi(user);
      } else {
        state.defaultUid = -1;
        const pw = env.getpwnam(user);
        if (pw === null) {
          errors.syserr(`readcf: option u: unknown user ${user}`);
          break;
        }
        state.defaultUid = pw.uid;
        state.defaultGid = pw.gid;
      }
      if (state.defaultUid > UID_MAX) {
        errors.syserr(`readcf: option u: uid value (${state.defaultUid}) > UID_MAX (${UID_MAX}); ignored`);
        break;
      }
      if (group !== '') setGroup(group);
      break;
    }
    case 'FallbackMXhost':
      if (val !== '') state.fallbackMX = val;
      break;
    case 'Verbose':
      state.verbose = atobool(val);
      break;
    case 'QueueSortOrder':
      if (val === '' || !QUEUE_SORT.includes(val[0])) errors.syserr(`Invalid queue sort order "${val}"`);
      break;
    case 'HostsFile':
      state.hostsFile = val;
      break;
    case 'ServiceSwitchFile':
      state.serviceSwitchFile = val;
      break;
    case 'NoRecipientAction':
      if (!NO_RECIPIENT_ACTIONS.some((a) => asciiCaseEqual(a, val)))
        errors.syserr(`Invalid NoRecipientAction: ${val}`);
      break;
    case 'MaxDaemonChildren':
    case 'MaxRunnersPerQueue':
      break;
    case 'MaxQueueChildren':
      state.maxQueueChildren = atoi(val);
      break;
    case 'NiceQueueRun':
      state.niceQueueRun = atoi(val);
      break;
    case 'MustQuoteChars': {
      const base = '@,;:\\()[]';
      if (val.length < 50 - 10) state.mustQuoteChars = base + val;
      else {
        errors.print('Warning: MustQuoteChars too long, ignored.\n');
        state.mustQuoteChars = base;
      }
      break;
    }
    case 'SmtpGreetingMessage':
      state.smtpGreeting = munchString(val, '\0').text;
      break;
    case 'UnixFromLine':
      state.unixFromLine = munchString(val, '\0').text;
      break;
    case 'OperatorChars':
      if (state.operatorChars !== null)
        errors.print(
          'Warning: OperatorChars is being redefined.\n         It should only be set before ruleset definitions.\n',
        );
      state.operatorChars = munchString(val, '\0').text;
      break;
    case 'UnsafeGroupWrites':
      if (!atobool(val)) {
        state.dontBlame.add('groupwritableforwardfilesafe');
        state.dontBlame.add('groupwritableincludefilesafe');
      }
      break;
    case 'RunAsUser':
      runAsUser(val, ctx);
      break;
    case 'DontBlameSendmail':
      for (const w of wordList(val)) {
        const known = DONT_BLAME.find((d) => asciiCaseEqual(d, w));
        if (known === undefined) errors.syserr(`readcf: DontBlameSendmail option: ${w} unrecognized`);
        else if (known === 'safe') state.dontBlame.clear();
        else state.dontBlame.add(known);
      }
      return false;
    case 'DontProbeInterfaces':
      state.dontProbeInterfaces = asciiCaseEqual(val, 'loopback')
        ? 'loopback'
        : atobool(val)
          ? 'none'
          : 'all';
      break;
    case 'ConnectOnlyTo':
      connectOnlyTo(val, ctx);
      break;
    case 'TrustedUser':
      if (!isDigit(val.charCodeAt(0)) && env.getpwnam(val) === null)
        errors.syserr(`readcf: option TrustedUser: unknown user ${val}`);
      break;
    case 'MaxMimeHeaderLength': {
      const slash = val.indexOf('/');
      const header = atoi(slash < 0 ? val : val.slice(0, slash));
      const fieldText = slash < 0 ? '' : val.slice(slash + 1);
      const field = fieldText !== '' ? atoi(fieldText) : Math.trunc(header / 2);
      if (header > 0 && header < 128)
        errors.print('Warning: MaxMimeHeaderLength: header length limit set lower than 128\n');
      if (field > 0 && field < 40)
        errors.print('Warning: MaxMimeHeaderLength: field length limit set lower than 40\n');
      break;
    }
    case 'MaxHeadersLength': {
      const n = atoi(val);
      if (n > 0 && n < MAXHDRSLEN / 2)
        errors.print(`Warning: MaxHeadersLength: headers length limit set lower than ${MAXHDRSLEN / 2}\n`);
      break;
    }
    case 'AuthOptions':
      flagLetters(val, SASL_OPTS, name, ctx);
      break;
    case 'TLSSrvOptions':
      flagLetters(val, 'VC', name, ctx);
      break;
    case 'ServerSSLOptions':
    case 'ClientSSLOptions':
      sslOptions(val, name, ctx);
      break;
    case 'Milter':
      milterOption(subopt, val, ctx);
      break;
    case 'SmtpUTF8':
      if (atobool(val)) errors.syserr(`readcf: option: ${name} set but no USE_EAI support`);
      else errors.print(`Warning: Option: ${name} requires USE_EAI support\n`);
      break;
    default:
      break;
  }
  return true;
}

const MILTER_OPTIONS = [
  'macros.connect',
  'macros.helo',
  'macros.envfrom',
  'macros.envrcpt',
  'macros.data',
  'macros.eom',
  'macros.eoh',
  'loglevel',
];
const MAXFILTERMACROS = 50;

/** Milter.sub=value (sendmail's milter_set_option), each sub-option sticky on its own. */
function milterOption(sub: string | null, val: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  if (sub === null) {
    errors.syserr('milter_set_option: invalid Milter option, must specify suboption');
    return;
  }
  const known = MILTER_OPTIONS.find((m) => asciiCaseEqual(m, sub));
  if (known === undefined) {
    errors.syserr(`milter_set_option: invalid Milter option ${sub}`);
    return;
  }
  const key = `Milter.${known}`;
  const sticky = ctx.config.options.stickyMilter;
  if (!ctx.sticky && sticky.has(known)) return;
  if (known.startsWith('macros.')) {
    const names = val.split(/[,\t\n\v\f\r ]+/).filter((m) => m !== '');
    if (names.length > MAXFILTERMACROS)
      errors.syserr(`milter_set_option: too many macros in Milter.${sub} (max ${MAXFILTERMACROS})`);
  }
  ctx.config.options.raw.set(key, val);
  if (ctx.sticky) sticky.add(known);
}

function resolverOptions(val: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  const state = ctx.config.options;
  let p = 0;
  while (p < val.length) {
    while (val[p] === ' ') p++;
    if (p >= val.length) break;
    let clear = false;
    if (val[p] === '-') clear = true;
    else if (val[p] !== '+') p--;
    p++;
    const start = p;
    while (p < val.length && !isSpace(val.charCodeAt(p))) p++;
    const word = val.slice(start, p);
    if (p < val.length) p++;
    if (asciiCaseEqual(word, 'HasWildcardMX')) state.hasWildcardMX = !clear;
    else if (asciiCaseEqual(word, 'WorkAroundBrokenAAAA')) state.workAroundBrokenAAAA = !clear;
    else if (!RESOLVER_FLAGS.some((f) => asciiCaseEqual(f, word)))
      errors.syserr(`readcf: I option value ${word} unrecognized`);
  }
}

function runAsUser(val: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  const { user, group } = splitUserGroup(val);
  if (!isDigit(user.charCodeAt(0)) && ctx.env.getpwnam(user) === null) {
    errors.syserr(`readcf: option RunAsUser: unknown user ${user}`);
    return;
  }
  if (group !== '' && !isDigit(group.charCodeAt(0)) && ctx.env.getgrnam(group) === null)
    errors.syserr(`readcf: option RunAsUser: unknown group ${group}`);
}

function connectOnlyTo(val: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  let addr = val;
  const at = val.indexOf('@');
  if (at >= 0) {
    const port = Number(strtol(val.slice(0, at), 0, 0).value);
    if (port > 65535) {
      errors.syserr(`readcf: option ConnectOnlyTo: invalid port ${val.slice(0, at)}`);
      return;
    }
    addr = val.slice(at + 1);
  }
  const v4 = /^\d+(\.\d+){0,3}$/.test(addr) || /^0x[0-9a-f]+$/i.test(addr);
  const v6 = addr.includes(':') && /^[0-9a-fA-F:.]+$/.test(addr);
  if (!v4 && !v6) errors.syserr(`readcf: option ConnectOnlyTo: invalid IP address ${addr}`);
}

/** AuthOptions and TLSSrvOptions: letters separated by blanks or commas. */
function flagLetters(val: string, known: string, name: string, ctx: SetOptionContext): void {
  let p = 0;
  while (p < val.length) {
    const ch = val[p];
    if (!known.includes(ch) && ch !== ' ' && ch !== '\t' && ch !== ',') {
      const shown = isPrint(ch.charCodeAt(0)) ? ch : '?';
      ctx.config.errors.print(`Warning: Option: ${name} unknown parameter '${shown}'\n`);
    }
    p++;
    const next = val.slice(p).search(/[, \t]/);
    if (next < 0) break;
    p += next + 1;
  }
}

const SSL_OPTION_NAMES = [
  'SSL_OP_MICROSOFT_SESS_ID_BUG',
  'SSL_OP_NETSCAPE_CHALLENGE_BUG',
  'SSL_OP_LEGACY_SERVER_CONNECT',
  'SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG',
  'SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG',
  'SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER',
  'SSL_OP_MSIE_SSLV2_RSA_PADDING',
  'SSL_OP_SSLEAY_080_CLIENT_DH_BUG',
  'SSL_OP_TLS_D5_BUG',
  'SSL_OP_TLS_BLOCK_PADDING_BUG',
  'SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS',
  'SSL_OP_ALL',
  'SSL_OP_NO_QUERY_MTU',
  'SSL_OP_COOKIE_EXCHANGE',
  'SSL_OP_NO_TICKET',
  'SSL_OP_CISCO_ANYCONNECT',
  'SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION',
  'SSL_OP_NO_COMPRESSION',
  'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
  'SSL_OP_SINGLE_ECDH_USE',
  'SSL_OP_SINGLE_DH_USE',
  'SSL_OP_EPHEMERAL_RSA',
  'SSL_OP_CIPHER_SERVER_PREFERENCE',
  'SSL_OP_TLS_ROLLBACK_BUG',
  'SSL_OP_NO_SSLv2',
  'SSL_OP_NO_SSLv3',
  'SSL_OP_NO_TLSv1',
  'SSL_OP_NO_TLSv1_3',
  'SSL_OP_NO_TLSv1_2',
  'SSL_OP_NO_TLSv1_1',
  'SSL_OP_PKCS1_CHECK_1',
  'SSL_OP_PKCS1_CHECK_2',
  'SSL_OP_NETSCAPE_CA_DN_BUG',
  'SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG',
  'SSL_OP_CRYPTOPRO_TLSEXT_BUG',
  'SSL_OP_TLSEXT_PADDING',
  'SSL_OP_NO_RENEGOTIATION',
  'SSL_OP_NO_ANTI_REPLAY',
  'SSL_OP_ALLOW_NO_DHE_KEX',
  'SSL_OP_NO_ENCRYPT_THEN_MAC',
  'SSL_OP_ENABLE_MIDDLEBOX_COMPAT',
  'SSL_OP_PRIORITIZE_CHACHA',
];

/** ServerSSLOptions / ClientSSLOptions: [+-]NAME or numbers. */
function sslOptions(val: string, name: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  let p = 0;
  while (p < val.length) {
    while (val[p] === ' ') p++;
    if (p >= val.length) break;
    if (val[p] === '-' || val[p] === '+') p++;
    const start = p;
    while (p < val.length && !isSpace(val.charCodeAt(p)) && val[p] !== ',') p++;
    const word = val.slice(start, p);
    if (p < val.length) p++;
    if (isDigit(word.charCodeAt(0))) continue;
    if (!SSL_OPTION_NAMES.some((o) => asciiCaseEqual(o, word)))
      errors.syserr(`readcf: ${name} option value ${word} unrecognized`);
  }
}
