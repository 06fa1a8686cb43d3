// sendmail's setsender: parse the envelope sender (falling back to the user running sendmail,
// then $n, then "postmaster"), pick up the full name and home directory from the password
// file when the sender's mailer has F=w, and rewrite the sender through rulesets 3, 1 and 4
// into $f.
import { MACROEXPAND } from '../../cf/meta.js';
import { parseAddress, type Address } from './parse.js';
import { MAXATOM, MAXNAME, type AddressEngine } from './engine.js';

/** A password file entry as the sender code needs it. */
export interface SenderAccount {
  name: string;
  uid: number;
  gid: number;
  home: string;
  /** The full name from GECOS (sendmail's sm_pwfullname), possibly ''. */
  fullName: string;
}

export interface SenderContext {
  /** sendmail's username(): the login name of the user running it. */
  realUserName: string;
  /** getpwnam. */
  lookUpUser(name: string): SenderAccount | null;
}

/** What setsender leaves behind that later calls see (sendmail keeps it in globals). */
export interface SenderState {
  /** FullName: from -F, or remembered from the password file once found. */
  fullName: string | null;
  /** The envelope sender address (e_from) the last call left, or null before any. */
  from: Address | null;
}

const SENDER = { sender: true, header: false };

function usable(a: Address | null, engine: AddressEngine): boolean {
  if (a === null || a.state === 'bad') return false;
  const special = ['prog', '*file*', '*include*'].map((n) => engine.mailer(n));
  return !special.includes(a.mailer ?? undefined);
}

/** Runs setsender for `from` and returns the sender's user part (e_from.q_user). */
export function setSender(
  from: string,
  engine: AddressEngine,
  ctx: SenderContext,
  state: SenderState,
): string {
  engine.defineMacro('x', '');
  const realName = ctx.realUserName;
  const mutedBefore = engine.configLevel < 2 ? engine.suppressErrors(true) : null;
  engine.defineMacro('{addr_type}', 'e s');

  let text = from;
  let a = parseAddress(text, { flags: SENDER, delimiter: '\0', isRecipient: false }, engine);
  if (!usable(a, engine)) {
    if (a !== null && a.state !== 'bad') engine.usrerr('553 5.1.7 Invalid sender address');
    engine.suppressErrors(true);
    // sendmail compares the two strings by address, so the real user is always tried
    text = realName;
    let fallback = parseAddress(text, { flags: SENDER, delimiter: ' ', isRecipient: false }, engine);
    if (fallback === null) {
      text = engine.expand(String.fromCharCode(MACROEXPAND) + 'n').slice(0, 99);
      const plain = { sender: false, header: false };
      fallback = parseAddress(text, { flags: plain, delimiter: ' ', isRecipient: false }, engine);
      if (fallback === null) {
        text = 'postmaster';
        fallback = parseAddress(text, { flags: plain, delimiter: ' ', isRecipient: false }, engine);
        if (fallback === null) engine.syserr("553 5.3.0 setsender: can't even parse postmaster!");
      }
    }
    a = fallback;
  }
  engine.suppressErrors(mutedBefore ?? false);
  state.from = a;
  if (a === null) return '';

  const mailer = a.mailer;
  if (mailer?.flags.has('w')) {
    if (state.fullName === '') state.fullName = null;
    const account = a.user !== '' ? ctx.lookUpUser(a.user) : null;
    if (account) {
      engine.defineMacro('z', account.home === '/' ? '' : account.home === '' ? null : account.home);
      if (state.fullName === null && account.fullName !== '' && account.name === a.user) {
        state.fullName = account.fullName;
      }
    }
    if (state.fullName !== null) engine.defineMacro('x', state.fullName);
  }

  const scan = engine.prescan(text, '\0', 'internal');
  if (scan.tokens === null) return a.user;
  const tokens = scan.tokens;
  engine.rewrite(tokens, 3, MAXATOM);
  engine.rewrite(tokens, 1, MAXATOM);
  engine.rewrite(tokens, 4, MAXATOM);
  engine.defineMacro('{addr_type}', null);
  let sender = engine.joinTokens(tokens, null, false, MAXNAME);
  if (sender[0] === '@' && !mailer?.flags.has('d')) sender = `<${sender}>`;
  engine.defineMacro('f', sender);
  if (mailer?.flags.has('C')) {
    engine.defineMacro('{addr_type}', 'e s');
    engine.rewrite(tokens, 3, MAXATOM);
    engine.rewrite(tokens, 1, MAXATOM);
    engine.rewrite(tokens, 4, MAXATOM);
    engine.defineMacro('{addr_type}', null);
  }
  return a.user;
}
