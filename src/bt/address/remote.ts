// sendmail's remotename: an address as it will be handed to a mailer — rulesets 3, then 1
// (senders) or 2 (recipients), the mailer's S= or R= ruleset, and 4; then put back into the
// decoration crackaddr kept (comments, phrases), through the macro $g.
import type { Mailer } from '../../cf/model.js';
import { MACROEXPAND } from '../../cf/meta.js';
import { crackAddress } from './crack.js';
import { EX_OK, EX_TEMPFAIL, MAXATOM, MAXNAME, type AddressEngine, type AddressFlags } from './engine.js';

export interface RemoteName {
  /** EX_OK, or EX_TEMPFAIL when a ruleset failed temporarily. */
  status: number;
  address: string;
}

/** The ruleset of the mailer that applies to this kind of address (S=/R=, envelope/header). */
function mailerRuleset(m: Mailer, flags: AddressFlags): number {
  if (flags.sender) return flags.header ? m.senderHeaderRuleset : m.senderEnvelopeRuleset;
  return flags.header ? m.recipientHeaderRuleset : m.recipientEnvelopeRuleset;
}

export function remoteName(addr: string, m: Mailer, flags: AddressFlags, engine: AddressEngine): RemoteName {
  let status = EX_OK;
  const rs = mailerRuleset(m, flags);
  if (rs < 0) return { status, address: addr };
  engine.defineMacro('{addr_type}', `${flags.header ? 'h' : 'e'} ${flags.sender ? 's' : 'r'}`);
  const g = String.fromCharCode(MACROEXPAND) + 'g';
  const fancy = m.flags.has('c')
    ? g
    : crackAddress(addr, { mustQuoteChars: engine.mustQuoteChars, colonOkInAddr: engine.colonOkInAddr });

  const scan = engine.prescan(addr, '\0', 'external');
  // an address that cannot be scanned comes back as given (cut where the scan cut it)
  if (scan.tokens === null) return { status, address: addr.slice(0, scan.truncateInputTo) };
  const tokens = scan.tokens;
  const step = (ruleset: number): void => {
    if (engine.rewrite(tokens, ruleset, MAXATOM) === EX_TEMPFAIL) status = EX_TEMPFAIL;
  };
  step(3);
  step(flags.sender ? 1 : 2);
  if (rs > 0) step(rs);
  step(4);

  const joined = engine.joinTokens(tokens, null, false, MAXNAME + 1);
  const saved = engine.macro('g');
  engine.defineMacro('g', joined);
  try {
    return { status, address: engine.expand(fancy).slice(0, MAXNAME) };
  } finally {
    engine.defineMacro('g', saved);
  }
}
