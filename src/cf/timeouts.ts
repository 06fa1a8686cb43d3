// The Timeout option and its sub-options.
import type { ErrorChannel } from './errors.js';
import type { OptionState } from './option-state.js';
import { convtime } from '../sendmail/convtime.js';
import { asciiCaseEqual, isDigit, isSpace } from '../sendmail/ctype.js';
import { atoi } from '../sendmail/c-numbers.js';

/**
 * The timeout names sendmail knows, with their codes (sticky flags are kept per code), the
 * unit of a bare number ('#' for a plain count), and the timeouts an umbrella name also sets.
 */
const TIMEOUTS: readonly [name: string, code: number, units: string, also?: readonly string[]][] = [
  ['initial', 0x01, 'm'],
  ['mail', 0x02, 'm'],
  ['rcpt', 0x03, 'm'],
  ['datainit', 0x04, 'm'],
  ['datablock', 0x05, 'm'],
  ['datafinal', 0x06, 'm'],
  ['command', 0x07, 'm'],
  ['rset', 0x08, 'm'],
  ['helo', 0x09, 'm'],
  ['quit', 0x0a, 'm'],
  ['misc', 0x0b, 'm'],
  ['ident', 0x0c, 'm'],
  ['fileopen', 0x0d, 'm'],
  ['connect', 0x0e, 'm'],
  ['iconnect', 0x0f, 'm'],
  ['queuewarn', 0x10, 'h', QUEUE_CLASSES('queuewarn')],
  ['queuewarn.*', 0x10, 'h', QUEUE_CLASSES('queuewarn')],
  ['queuewarn.normal', 0x11, 'h'],
  ['queuewarn.urgent', 0x12, 'h'],
  ['queuewarn.non-urgent', 0x13, 'h'],
  ['queuereturn', 0x14, 'd', QUEUE_CLASSES('queuereturn')],
  ['queuereturn.*', 0x14, 'd', QUEUE_CLASSES('queuereturn')],
  ['queuereturn.normal', 0x15, 'd'],
  ['queuereturn.urgent', 0x16, 'd'],
  ['queuereturn.non-urgent', 0x17, 'd'],
  ['hoststatus', 0x18, 'm'],
  ['resolver.retrans', 0x19, 's', ['resolver.retrans.normal', 'resolver.retrans.first']],
  ['resolver.retrans.normal', 0x1a, 's'],
  ['resolver.retrans.first', 0x1b, 's'],
  ['resolver.retry', 0x1c, '#', ['resolver.retry.normal', 'resolver.retry.first']],
  ['resolver.retry.normal', 0x1d, '#'],
  ['resolver.retry.first', 0x1e, '#'],
  ['control', 0x1f, 'm'],
  ['lhlo', 0x20, 'm'],
  ['auth', 0x21, 'm'],
  ['starttls', 0x22, 'm'],
  ['aconnect', 0x23, 'm'],
  ['queuewarn.dsn', 0x24, 'h'],
  ['queuereturn.dsn', 0x25, 'd'],
];

function QUEUE_CLASSES(base: string): string[] {
  return [`${base}.normal`, `${base}.urgent`, `${base}.non-urgent`, `${base}.dsn`];
}

/** sendmail's settimeout: one `Timeout.name=value`. */
export function setTimeout(
  name: string,
  value: string,
  sticky: boolean,
  state: OptionState,
  errors: ErrorChannel,
): void {
  const entry = TIMEOUTS.find(([n]) => asciiCaseEqual(n, name));
  if (!entry) {
    errors.syserr(`settimeout: invalid timeout ${name}`);
    return;
  }
  const [canonical, code, units, also] = entry;
  if (!sticky && state.stickyTimeouts.has(code)) return;
  // sendmail converts with minutes first (an invalid unit is reported there), then again
  // with the timeout's own unit for the queue and resolver timeouts.
  let seconds = convtime(value, 'm', errors);
  if (units === '#') seconds = atoi(value);
  else if (units !== 'm') seconds = convtime(value, units, errors);
  state.timeouts.set(canonical.replace('.*', ''), seconds);
  for (const n of also ?? []) state.timeouts.set(n, seconds);
  // an umbrella name makes itself and the next two codes sticky, as sendmail does
  if (sticky) for (let i = 0; i <= (also ? 2 : 0); i++) state.stickyTimeouts.add(code + i);
}

/** The timeout codes inittimeouts' old syntax (a bare time) sets. */
const OLD_SYNTAX_TIMEOUTS: readonly [string, number][] = [
  ['mail', 0x02],
  ['rcpt', 0x03],
  ['datainit', 0x04],
  ['datablock', 0x05],
  ['datafinal', 0x06],
  ['command', 0x07],
];

/** sendmail's inittimeouts: the Timeout option without a sub-option (old or list syntax). */
export function setTimeoutList(
  value: string,
  sticky: boolean,
  state: OptionState,
  errors: ErrorChannel,
): void {
  let rest = value;
  for (;;) {
    let i = 0;
    while (i < rest.length && isSpace(rest.charCodeAt(i))) i++;
    rest = rest.slice(i);
    if (rest === '') break;
    const comma = rest.indexOf(',');
    const item = comma < 0 ? rest : rest.slice(0, comma);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
    if (isDigit(item.charCodeAt(0))) {
      const seconds = convtime(item, 'm', errors);
      for (const [n, code] of OLD_SYNTAX_TIMEOUTS) {
        state.timeouts.set(n, seconds);
        if (sticky) state.stickyTimeouts.add(code);
      }
      continue;
    }
    let sep = item.indexOf(':');
    if (sep < 0) sep = item.indexOf('=');
    if (sep < 0) continue;
    setTimeout(item.slice(0, sep), item.slice(sep + 1), sticky, state, errors);
  }
}
