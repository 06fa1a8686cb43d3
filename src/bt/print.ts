// Test mode's `=S` listing: a ruleset's rules as testmodeline dumps them (=M uses the
// loader's printmailer).
import type { MacroNames } from '../cf/macros.js';
import type { Rule } from '../cf/model.js';
import { formatText } from '../rules/tokens.js';

/** One rule as `=S` shows it: "R" then each LHS token and a blank, two tabs, the RHS likewise. */
export function formatRule(rule: Rule, names: MacroNames): string {
  const side = (tokens: readonly string[]): string => tokens.map((t) => formatText(t, names) + ' ').join('');
  return `R${side(rule.lhs)}\t\t${side(rule.rhs)}\n`;
}

export function formatRuleset(rules: readonly Rule[], names: MacroNames): string {
  return rules.map((r) => formatRule(r, names)).join('');
}
