// The state sendmail sets up before it reads a .cf (setdefaults and initmacros): option
// defaults, the built-in mailers prog, *file* and *include*, the default queue group, and the
// metasymbol macros.
import type { ByteSink } from '../cli/io.js';
import { SendmailConfig } from './config.js';
import type { CfEnvironment } from './environment.js';
import { readMailerLine } from './mailer-line.js';
import { readQueueLine } from './misc-lines.js';

const MACROEXPAND_U = '\x81u';

/** A new run's configuration, before any .cf line is read. */
export function createSendmailConfig(out: ByteSink, env: CfEnvironment, err?: ByteSink): SendmailConfig {
  const config = new SendmailConfig(out, err);
  const opts = config.options;
  // the default user: the first of mailnull, sendmail, daemon that exists and is not root
  const user = ['mailnull', 'sendmail', 'daemon']
    .map((n) => env.getpwnam(n))
    .find((pw) => pw !== null && pw.uid !== 0);
  opts.defaultUid = user?.uid ?? 1;
  opts.defaultGid = user?.gid ?? 1;
  for (const [name, seconds] of [
    ['initial', 300],
    ['helo', 300],
    ['mail', 600],
    ['rcpt', 3600],
    ['datainit', 300],
    ['datablock', 3600],
    ['datafinal', 3600],
    ['rset', 300],
    ['quit', 120],
    ['command', 3600],
    ['misc', 120],
    ['ident', 5],
    ['fileopen', 60],
    ['control', 120],
    ['lhlo', 120],
    ['auth', 600],
    ['starttls', 3600],
    ['queuereturn', 5 * 86400],
  ] as const)
    opts.timeouts.set(name, seconds);
  readQueueLine(config, 'mqueue, P=/var/spool/mqueue', 0);
  readMailerLine(
    config,
    `prog, P=/bin/sh, F=lsouDq9, T=X-Unix/X-Unix/X-Unix, A=sh -c ${MACROEXPAND_U}`,
    0,
    env,
  );
  readMailerLine(
    config,
    `*file*, P=[FILE], F=lsDFMPEouq9, T=X-Unix/X-Unix/X-Unix, A=FILE ${MACROEXPAND_U}`,
    0,
    env,
  );
  readMailerLine(config, `*include*, P=/dev/null, F=su, A=INCLUDE ${MACROEXPAND_U}`, 0, env);
  return config;
}
