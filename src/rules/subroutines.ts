// `$>ruleset` calls in a rewritten vector (sendmail's callsubr). The calls are collected left
// to right, then made right to left, each rewriting everything from its position to the end.
// A call to a ruleset without rules is just removed; sendmail then skips the token that moves
// into its place, which we reproduce.
import { EX_CONFIG, EX_OK, EX_TEMPFAIL } from '../sendmail/sysexits.js';
import { CALLSUBR } from '../cf/meta.js';
import type { Rule } from '../cf/model.js';
import type { RewriteEnv } from './context.js';
import { MAXATOM } from './prescan.js';
import { rewriteTokens, type Frame } from './rewrite.js';
import { stripQuotes } from '../sendmail/strings.js';

const MAX_SUBR = 16;

/**
 * sendmail strips the quotes of a ruleset name in place, and the name usually is the rule's own
 * token (`$>"Local_check_rcpt"` as the cf library writes it): from then on the rule itself says
 * `$> Local_check_rcpt` (=S shows it so).
 */
function unquoteInRule(rule: Rule, written: string, stripped: string): void {
  for (let i = 1; i < rule.rhs.length; i++)
    if (rule.rhs[i] === written && rule.rhs[i - 1].charCodeAt(0) === CALLSUBR) rule.rhs[i] = stripped;
}

export interface SubroutineResult {
  status: number;
  tokens: string[];
}

export function callSubroutines(
  input: string[],
  reclevel: number,
  env: RewriteEnv,
  frame: Frame,
  rule?: Rule,
): SubroutineResult {
  const { config } = env;
  const { errors } = config;
  const v = [...input];
  const calls: { ruleset: number; index: number }[] = [];
  for (let j = 0; j < v.length; j++) {
    if (v[j].charCodeAt(0) !== CALLSUBR || j + 1 >= v.length) continue;
    const written = v[j + 1];
    v[j + 1] = stripQuotes(written);
    if (rule && v[j + 1] !== written) unquoteInRule(rule, written, v[j + 1]);
    const subr = config.rulesets.resolve(v[j + 1], 0, 'find', errors).number;
    if (subr < 0) {
      errors.syserr(`554 5.3.5 Unknown ruleset ${v[j + 1]}`);
      return { status: EX_CONFIG, tokens: v };
    }
    if (config.rulesets.rules[subr] === null) {
      if (env.debug.level(21) >= 3) env.out.write(`-----skip subr ${v[j + 1]} (${subr})\n`);
      v.splice(j, 2);
      continue;
    }
    if (calls.length + 1 >= MAX_SUBR) {
      errors.syserr(`554 5.3.0 Too many subroutine calls (${MAX_SUBR} max)`);
      return { status: EX_CONFIG, tokens: v };
    }
    calls.push({ ruleset: subr, index: j });
  }
  let rstat = EX_OK;
  let cur = v;
  for (let k = calls.length - 1; k >= 0; k--) {
    const { ruleset, index } = calls[k];
    const head = cur.slice(0, index);
    const tail = cur.slice(index + 2);
    const result = rewriteTokens(tail, ruleset, reclevel, env, MAXATOM - index);
    cur = head.concat(result.tokens);
    // the subroutine wrote its vector and end marker at `index` in our 1001-slot array
    frame.overflow = Math.max(frame.overflow, index + result.longest + 1 - (MAXATOM + 1));
    if (result.status !== EX_OK && result.status !== EX_TEMPFAIL)
      return { status: result.status, tokens: cur };
    if (rstat === EX_OK || result.status === EX_TEMPFAIL) rstat = result.status;
  }
  return { status: rstat, tokens: cur };
}
