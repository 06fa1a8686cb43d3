// The start-up debug output of sendmail -d0.x: the version and how this sendmail was built
// (the Debian 8.17.1.9 binary mailcf stands in for), the host identity as it is found, and the
// system identity after the .cf is read.
import type { ByteSink } from '../cli/io.js';
import type { SendmailConfig } from '../cf/config.js';
import type { DebugLevels } from './debug.js';
import type { StartupIdentity } from './host/identity.js';
import { formatMailer } from '../cf/mailer-line.js';
import { formatText } from '../rules/tokens.js';

export const SENDMAIL_VERSION_TEXT = '8.17.1.9';

const COMPILED_WITH = [
  'DNSMAP',
  'IPV6_FULL',
  'LDAPMAP',
  'LDAP_NETWORK_TIMEOUT',
  'LDAP_REFERRALS',
  'LOG',
  'MAP_REGEX',
  'MATCHGECOS',
  'MAXDAEMONS=64',
  'MILTER',
  'MIME7TO8',
  'MIME8TO7',
  'NAMED_BIND',
  'NETINET',
  'NETINET6',
  'NETUNIX',
  'NEWDB=5.3',
  'NIS',
  'NISPLUS',
  'PIPELINING',
  'SASLv2',
  'SCANF',
  'SOCKETMAP',
  'STARTTLS',
  'TCPWRAPPERS',
  'TLS_EC',
  'TLS_VRFY_PER_CTX',
  'USERDB',
  'USE_LDAP_INIT',
  'XDEBUG',
];
const OS_DEFINES = [
  'ADDRCONFIG_IS_BROKEN',
  'HASFCHOWN',
  'HASFCHMOD',
  'HASFLOCK',
  'HASGETDTABLESIZE',
  'HAS_GETHOSTBYNAME2',
  'HASGETUSERSHELL',
  'HASINITGROUPS',
  'HASLSTAT',
  'HASNICE',
  'HASRANDOM',
  'HASRRESVPORT',
  'HASSETREGID',
  'HASSETREUID',
  'HASSETRLIMIT',
  'HASSETSID',
  'HASSETVBUF',
  'HASURANDOMDEV',
  'HASSTRERROR',
  'HASUNAME',
  'HASUNSETENV',
  'HASWAITPID',
  'IDENTPROTO',
  'IP_SRCROUTE',
  'NEEDSGETIPNODE',
  'REQUIRES_DIR_FSYNC',
  'SFS_VFS',
  'USE_DOUBLE_FORK',
  'USE_SIGLONGJMP',
  'USESETEUID',
];
const LIBSM_DEFINES = [
  'SM_CONF_LDAP_INITIALIZE',
  'SM_CONF_LDAP_MEMFREE',
  'SM_CONF_LONGLONG',
  'SM_CONF_MEMCHR',
  'SM_CONF_MSG',
  'SM_CONF_SEM',
  'SM_CONF_SIGSETJMP',
  'SM_CONF_SHM',
  'SM_CONF_SSIZE_T',
  'SM_CONF_STDBOOL_H',
  'SM_CONF_STDDEF_H',
  'SM_CONF_SYS_CDEFS_H',
  'SM_CONF_UID_GID',
  'DO_NOT_USE_STRCPY',
  'SM_HEAP_CHECK',
  'SM_OS=sm_os_linux',
  'SM_VA_STD',
];
const FFR_DEFINES = [
  '_FFR_BADRCPT_SHUTDOWN',
  '_FFR_MAIL_MACRO',
  '_FFR_MTA_STS',
  '_FFR_NO_PIPE',
  '_FFR_QUEUE_SCHED_DBG',
  '_FFR_REJECT_NUL_BYTE',
  '_FFR_RESET_MACRO_GLOBALS',
  '_FFR_RHS',
  '_FFR_SHM_STATUS',
  '_FFR_SKIP_DOMAINS',
  '_FFR_TLS_ALTNAMES',
];

/** sendmail's sm_printoptions: words wrapped before column 63, continuation lines indented. */
export function formatOptionList(words: readonly string[]): string {
  let out = '';
  let column = 7;
  for (const w of words) {
    if (column + w.length > 63) {
      out += '\n';
      column = 0;
    }
    out += column === 0 ? '\t\t' : ' ';
    out += w;
    column += w.length + 1;
  }
  return out + '\n';
}

export const PID_FILE = '/var/run/sendmail/mta/sendmail.pid';

/** -d0.1 and up, before anything else is done. */
export function printCompileInfo(out: ByteSink, debug: DebugLevels): void {
  out.write(`Version ${SENDMAIL_VERSION_TEXT}\n Compiled with:` + formatOptionList(COMPILED_WITH));
  if (debug.on(0, 10)) {
    out.write('    OS Defines:' + formatOptionList(OS_DEFINES));
    out.write('Kernel symbols:\t/boot/vmlinux\n');
    out.write('     Conf file:\t/etc/mail/submit.cf (default for MSP)\n');
    out.write('     Conf file:\t/etc/mail/sendmail.cf (default for MTA)\n');
    out.write(`      Pid file:\t${PID_FILE} (default)\n`);
  }
  if (debug.on(0, 12)) out.write(' libsm Defines:' + formatOptionList(LIBSM_DEFINES));
  if (debug.on(0, 13)) out.write('   FFR Defines:' + formatOptionList(FFR_DEFINES));
  if (debug.on(0, 14))
    out.write('       OpenSSL: compiled 0x300000d0\n       OpenSSL: linked   0x30000130\n');
}

/** -d0.4: the canonical name and node name found at start-up. */
export function printIdentityDebug(out: ByteSink, id: StartupIdentity): void {
  out.write(`Canonical name: ${id.canonicalName}\n UUCP nodename: ${id.nodename}\n`);
}

/** -d0.4: a name that joined class w. */
export function akaLine(name: string): string {
  return `\ta.k.a.: ${name}\n`;
}

/** -d0.10 after the .cf: the files in use. */
export function printSelectedFiles(out: ByteSink, cfFile: string, pidFile: string): void {
  out.write(`     Conf file:\t${cfFile} (selected)\n      Pid file:\t${pidFile} (selected)\n`);
}

/** -d0.1 after the .cf: $w, $j, $m and $k. */
export function printSystemIdentity(out: ByteSink, config: SendmailConfig): void {
  const show = (c: string): string => {
    const v = config.macros.get(c.charCodeAt(0));
    return v === null ? '<null>' : formatText(v, config.macroNames);
  };
  out.write('\n============ SYSTEM IDENTITY (after readcf) ============');
  out.write(`\n      (short domain name) $w = ${show('w')}`);
  out.write(`\n  (canonical domain name) $j = ${show('j')}`);
  out.write(`\n         (subdomain name) $m = ${show('m')}`);
  out.write(`\n              (node name) $k = ${show('k')}`);
  out.write('\n========================================================\n\n');
}

/**
 * -d0.15: every mailer before the session. (sendmail's -d0.90 rule listing is not reproduced:
 * at that level it prints memory addresses.)
 */
export function printConfiguration(out: ByteSink, config: SendmailConfig): void {
  for (const m of config.mailers) if (m) out.write(formatMailer(config, m));
}
