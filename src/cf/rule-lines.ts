// S and R lines. An R line is "R" LHS TAB+ RHS [TAB comment]; both sides are macro-expanded at
// load time and scanned into tokens (internal form, so metasymbols are single tokens). The
// checks and messages are sendmail's; a rule is kept even when they fail (with an empty side).
import { MAXATOM, MAXLINE, prescan } from '../rules/prescan.js';
import { prescanTrace } from '../rules/tokens.js';
import type { SendmailConfig } from './config.js';
import { expandMacros } from './macros.js';
import {
  CALLSUBR,
  CANONHOST,
  CANONUSER,
  CONDFI,
  CONDIF,
  HOSTBEGIN,
  HOSTEND,
  LOOKUPBEGIN,
  LOOKUPEND,
  MATCHANY,
  MATCHCLASS,
  MATCHNCLASS,
  MATCHONE,
  MATCHREPL,
  MATCHZANY,
} from './meta.js';
import type { Rule } from './model.js';

/** sendmail's MAXMATCH and MAX_MAP_ARGS. */
const MAXMATCH = 9;
const MAX_MAP_ARGS = 10;

const LHS_MISUSE: Record<number, string> = {
  [MATCHREPL]: '$1-$9',
  [CANONUSER]: '$:',
  [CALLSUBR]: '$>',
  [CONDIF]: '$?',
  [CONDFI]: '$.',
  [HOSTBEGIN]: '$[',
  [HOSTEND]: '$]',
  [LOOKUPBEGIN]: '$(',
  [LOOKUPEND]: '$)',
};

const RHS_MISUSE: Record<number, string> = {
  [MATCHZANY]: '$*',
  [MATCHANY]: '$+',
  [MATCHONE]: '$-',
  [MATCHCLASS]: '$=',
  [MATCHNCLASS]: '$~',
};

const WILDCARDS = new Set([MATCHZANY, MATCHANY, MATCHONE, MATCHCLASS, MATCHNCLASS]);

/** The R-line state of one readcf run: the ruleset rules are added to. */
export class RuleReader {
  private ruleset = -1;

  constructor(private config: SendmailConfig) {}

  /** An S line. */
  selectRuleset(bp: string): void {
    const { config } = this;
    const text = expandMacros(bp.slice(1), config.macros, config.errors, MAXLINE);
    this.ruleset = config.rulesets.resolve(text, 0, 'enter', config.errors).number;
    if (this.ruleset < 0) return;
    if (config.rulesets.rules[this.ruleset] !== null)
      config.errors.print(`WARNING: Ruleset ${bp.slice(1)} has multiple definitions\n`);
  }

  /** An R line. */
  readRule(bp: string, line: number): void {
    const { config } = this;
    const { errors } = config;
    if (this.ruleset < 0) {
      errors.syserr(`missing valid ruleset for "${bp}"`);
      return;
    }
    const tab = bp.indexOf('\t');
    if (tab < 0) {
      errors.syserr(`invalid rewrite line "${bp}" (tab expected)`);
      return;
    }
    const rule: Rule = { lhs: [], rhs: [], line: 0, comment: '' };
    const list = (config.rulesets.rules[this.ruleset] ??= []);
    list.push(rule);

    const lhs = this.scan(bp.slice(1, tab));
    let wildcards = 0;
    if (lhs !== null) {
      for (const tok of lhs) {
        const code = tok.charCodeAt(0);
        if (WILDCARDS.has(code)) wildcards++;
        const misuse = LHS_MISUSE[code];
        if (misuse !== undefined) errors.syserr(`Inappropriate use of ${misuse} on LHS`);
      }
      rule.lhs = lhs;
      rule.line = line;
    } else errors.syserr('R line: null LHS');
    if (wildcards > MAXMATCH) {
      errors.syserr('R line: too many wildcards');
      rule.lhs = [];
    }

    let p = tab + 1;
    while (bp[p] === '\t') p++;
    const rhsEnd = bp.indexOf('\t', p);
    const rhs = this.scan(rhsEnd < 0 ? bp.slice(p) : bp.slice(p, rhsEnd));
    if (rhsEnd >= 0) rule.comment = bp.slice(rhsEnd + 1);
    if (rhs === null) {
      errors.syserr('R line: null RHS');
      return;
    }
    rule.rhs = rhs;
    this.checkRhs(rhs, wildcards);
  }

  private scan(text: string): string[] | null {
    const { config } = this;
    const expanded = expandMacros(text, config.macros, config.errors, MAXLINE);
    const tables = config.tokenTables();
    return prescan(expanded, {
      delimiter: '\t',
      table: config.configLevel >= 9 ? tables.noComments : tables.internal,
      ignoreUnbalanced: true,
      bufferSize: MAXLINE + MAXATOM,
      errors: config.errors,
      trace: prescanTrace(config.debug.level(22), config.errors.out, config.macroNames),
    }).tokens;
  }

  private checkRhs(rhs: readonly string[], wildcards: number): void {
    const { errors } = this.config;
    let inMap = false;
    let args = 0;
    let endToken = 0;
    for (const tok of rhs) {
      const code = tok.charCodeAt(0);
      const misuse = RHS_MISUSE[code];
      if (code === MATCHREPL) {
        const digit = tok.charCodeAt(1) || 0;
        if (digit <= 0x30 || digit > 0x30 + wildcards)
          errors.syserr(`replacement $${tok[1] ?? ''} out of bounds`);
      } else if (code === CANONHOST) {
        if (inMap && ++args >= MAX_MAP_ARGS) errors.syserr('too many arguments for map lookup');
      } else if (code === HOSTBEGIN || code === LOOKUPBEGIN) {
        endToken = code === HOSTBEGIN ? HOSTEND : LOOKUPEND;
        if (inMap) errors.syserr('cannot nest map lookups');
        inMap = true;
        args = 0;
      } else if ((code === HOSTEND || code === LOOKUPEND) && code === endToken) {
        inMap = false;
        endToken = 0;
      }
      if (misuse !== undefined) errors.syserr(`Inappropriate use of ${misuse} on RHS`);
    }
    if (inMap) errors.syserr('missing map closing token');
  }
}
