// What sendmail does right after reading the .cf in test mode: its consistency warnings, the
// canonical host name's own checks, the built-in mailers' adjustments for old .cf levels, and
// the classes it always defines.
import type { SendmailConfig } from '../cf/config.js';
import { MACROEXPAND } from '../cf/meta.js';
import { expandMacros } from '../cf/macros.js';
import type { DebugLevels } from './debug.js';
import { SENDMAIL_VERSION_TEXT, printSystemIdentity } from './startup-debug.js';

/** The newest .cf level sendmail 8.17 understands. */
export const MAX_CONFIG_LEVEL = 10;

export interface AfterCfContext {
  debug: DebugLevels;
  isRoot: boolean;
  /** -C was given (a non-root user may then run without a local mailer). */
  cfGiven: boolean;
}

const id = (c: string): number => c.charCodeAt(0);

function longId(config: SendmailConfig, name: string): number {
  const got = config.macroNames.idOf(name);
  return got === 'exhausted' ? 0 : got;
}

function optionSet(config: SendmailConfig, name: string): string | undefined {
  return config.options.raw.get(name);
}

export function afterReadingCf(config: SendmailConfig, ctx: AfterCfContext): void {
  const { errors } = config;
  const out = errors.out;
  if (ctx.debug.on(0, 1)) printSystemIdentity(out, config);

  if (config.configLevel > MAX_CONFIG_LEVEL) {
    errors.syserr(
      `Warning: .cf version level (${config.configLevel}) exceeds sendmail version ${SENDMAIL_VERSION_TEXT} functionality (${MAX_CONFIG_LEVEL})`,
    );
  }
  let hostStatusDir = optionSet(config, 'HostStatusDirectory') ?? null;
  const cacheSize = optionSet(config, 'ConnectionCacheSize');
  if (hostStatusDir !== null && cacheSize !== undefined && parseInt(cacheSize, 10) === 0) {
    hostStatusDir = null;
    out.write('Warning: HostStatusDirectory disabled with ConnectionCacheSize = 0\n');
  }
  if (config.options.flag('SingleThreadDelivery') && hostStatusDir === null) {
    out.write('Warning: HostStatusDirectory required for SingleThreadDelivery\n');
  }

  if (config.configLevel < MAX_CONFIG_LEVEL) {
    errors.message(
      `Warning: .cf file is out of date: sendmail ${SENDMAIL_VERSION_TEXT} supports version ${MAX_CONFIG_LEVEL}, .cf file is version ${config.configLevel}`,
    );
  }

  let myHostName = expandMacros(String.fromCharCode(MACROEXPAND) + 'j', config.macros, errors);
  if (myHostName === '') myHostName = 'localhost';
  if (!myHostName.includes('.')) {
    errors.message(`WARNING: local host name (${myHostName}) is not qualified; see cf/README: WHO AM I?`);
  }
  config.classes.add(id('w'), myHostName);

  adjustBuiltInMailers(config, ctx);
  addBuiltInClasses(config);
}

function adjustBuiltInMailers(config: SendmailConfig, ctx: AfterCfContext): void {
  const { errors } = config;
  const local = config.mailer('local');
  if (!local && (ctx.isRoot || !ctx.cfGiven)) errors.syserr('No local mailer defined');
  const prog = config.mailer('prog');
  if (!prog) errors.syserr('No prog mailer defined');
  else prog.flags.delete('m');
  const file = config.mailer('*file*');
  if (!file) errors.syserr('No *file* mailer defined');
  else file.flags.delete('m');
  if (!config.mailer('*include*')) errors.syserr('No *include* mailer defined');
  if (config.configLevel < 6) {
    for (const f of 'Aw5:|/@') local?.flags.add(f);
    prog?.flags.add('o');
    file?.flags.add('o');
  }
  if (config.configLevel < 7) for (const m of [local, prog, file]) m?.flags.add('q');
}

function addBuiltInClasses(config: SendmailConfig): void {
  const add = (cls: number, words: string[]): void => {
    for (const w of words) config.classes.add(cls, w);
  };
  add(id('n'), ['multipart/signed']);
  add(id('s'), ['rfc822']);
  add(id('e'), ['7bit', '8bit', 'binary']);
  add(longId(config, 'checkMIMEFieldHeaders'), ['content-disposition', 'content-type']);
  add(longId(config, 'checkMIMETextHeaders'), ['content-description']);
  add(longId(config, 'checkMIMEHeaders'), [
    'content-disposition',
    'content-id',
    'content-transfer-encoding',
    'content-type',
    'mime-version',
  ]);
  add(longId(config, 'persistentMacros'), ['r', 's', '_', '{if_addr}', '{daemon_flags}']);
}
