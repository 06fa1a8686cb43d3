// Test mode's `=S` listing: a ruleset's rules as testmodeline dumps them (=M uses the
// loader's printmailer).
import type { Rule } from '../cf/model.js';

/** One rule: "R", each LHS token followed by a blank, two tabs, each RHS token and a blank. */
export function formatRule(rule: Rule, show: (token: string) => string): string {
  const side = (tokens: readonly string[]): string => tokens.map((t) => show(t) + ' ').join('');
  return `R${side(rule.lhs)}\t\t${side(rule.rhs)}\n`;
}
