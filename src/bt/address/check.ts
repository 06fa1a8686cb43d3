// sendmail's rscheck: run a check ruleset (here: a header check) on a value and act on an
// "$#error" or "$#discard" result — the error's message is printed and its status becomes
// the exit status; a "quarantine" error sets ${quarantine}.
import { CANONHOST, CANONNET, CANONUSER, CONDELSE } from '../../cf/meta.js';
import { MAXATOM, type AddressEngine } from './engine.js';
import { buildAddress } from './parse.js';

export interface CheckOptions {
  /** RSF_RMCOMM: scan with comments removed (otherwise parentheses are tokens). */
  removeComments: boolean;
  /** RSF_UNSTRUCTURED: not an address; errors while rewriting are not shown. */
  unstructured: boolean;
}

const EX_OK = 0;
const UBUF = 1024 * 2;

export function runCheckRuleset(
  ruleset: string,
  arg1: string,
  arg2: string | null,
  opts: CheckOptions,
  engine: AddressEngine,
): number {
  const rs = engine.findRuleset(ruleset);
  if (rs < 0) return EX_OK;
  const text = arg2 === null ? arg1 : `${arg1}${String.fromCharCode(CONDELSE)}${arg2}`;
  let status = EX_OK;
  const muted = engine.suppressErrors(true);
  const scan = engine.prescan(
    text,
    '\0',
    opts.removeComments ? 'internal' : 'no-comments',
    !opts.removeComments,
  );
  engine.suppressErrors(muted);
  if (scan.tokens !== null) {
    const tokens = scan.tokens;
    if (opts.unstructured) engine.suppressErrors(true);
    engine.rewrite(tokens, rs, MAXATOM);
    if (opts.unstructured) engine.suppressErrors(muted);
    const code = (i: number): number => (i < tokens.length ? tokens[i].charCodeAt(0) & 0xff : -1);
    if (code(0) === CANONNET && (tokens[1] === 'error' || tokens[1] === 'discard')) {
      if (tokens[1] === 'discard') {
        // the message is to be discarded: nothing to show
      } else if (code(2) === CANONHOST && tokens[3] === 'quarantine') {
        const reason =
          code(4) !== CANONUSER || tokens.length <= 5
            ? ruleset
            : engine.joinTokens(tokens.slice(5), ' ', true, UBUF);
        engine.defineMacro('{quarantine}', reason);
      } else {
        const saved = engine.exitStatus();
        buildAddress(tokens, { sender: false, header: false }, engine);
        status = engine.exitStatus();
        engine.resetStatus(saved);
      }
    }
  }
  engine.setStatus(status);
  return status;
}
