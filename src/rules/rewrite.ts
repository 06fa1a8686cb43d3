// Running a ruleset (sendmail's rewrite): try each rule in order; when its LHS matches,
// build the new token vector from its RHS ($1…$9, $&x), do the $[ $] and $( $) lookups, call
// the $> subroutines, and try the same rule again ($: moves on, $@ returns). A vector that
// starts with $# is final. The loop, recursion and size limits and their messages are
// sendmail's, and so is the trace test mode prints.
import { SendmailExit } from '../cf/errors.js';
import { EX_CONFIG, EX_DATAERR, EX_OK, EX_SOFTWARE, EX_TEMPFAIL, EX_USAGE } from '../sendmail/sysexits.js';
import {
  CALLSUBR,
  CANONHOST,
  CANONNET,
  CANONUSER,
  HOSTBEGIN,
  LOOKUPBEGIN,
  MACRODEXPAND,
  MATCHREPL,
} from '../cf/meta.js';
import type { Rule } from '../cf/model.js';
import { MAXRWSETS } from '../cf/rulesets.js';
import { ArrayWorkspace, type RewriteEnv, type Workspace } from './context.js';
import { callSubroutines } from './subroutines.js';
import { doLookups } from './lookups.js';
import {
  bindingFirst,
  bindingLast,
  compilePattern,
  matchPattern,
  type CompiledPattern,
  type MatchEnv,
} from './matcher.js';
import { MAXATOM, PSBUFSIZE, prescan } from './prescan.js';
import { formatText, formatTokens, NO_ESCAPES, prescanTrace } from './tokens.js';
import { classPhraseEnd } from './class-phrase.js';
import { asciiLower } from '../sendmail/ctype.js';

/** sendmail's MaxRuleRecursion. */
export const MAX_RULE_RECURSION = 50;
/** A rule applied this many times in a row is an infinite loop. */
const MAX_LOOP = 100;

const compiled = new WeakMap<Rule[], CompiledPattern[]>();

/** The compiled patterns of a ruleset's rules (compiled on first use, extended if rules were added). */
function patternsOf(rules: Rule[]): CompiledPattern[] {
  let list = compiled.get(rules);
  if (list === undefined) {
    list = [];
    compiled.set(rules, list);
  }
  for (let i = list.length; i < rules.length; i++) list.push(compilePattern(rules[i].lhs));
  return list;
}

const traceNames = new Map<string, string>();

/** The name a ruleset is printed with, padded and cut as "%-16.16s". */
function traceName(name: string): string {
  let shown = traceNames.get(name);
  if (shown === undefined) {
    shown = name.length >= 16 ? name.slice(0, 16) : name.padEnd(16);
    traceNames.set(name, shown);
  }
  return shown;
}

/**
 * Rule attempts one top-level rewrite may make. Real rulesets need thousands; only a .cf whose
 * work grows exponentially (sendmail would run for hours) gets here, and then we stop.
 */
export const RULE_ATTEMPT_BUDGET = 2_000_000;
/** Ruleset calls one top-level rewrite may make (each prints trace lines in test mode). */
export const RULESET_CALL_BUDGET = 200_000;
const attempts = new WeakMap<object, { count: number; calls: number }>();

/** Gives up on a rewrite whose work has no practical end (see RULE_ATTEMPT_BUDGET). */
function exhausted(env: RewriteEnv, rulename: string, what: string): never {
  env.config.errors.err.write(
    `mailcf: ruleset ${rulename}: stopped after ${what} for one address (this .cf's work grows without bound; sendmail would run for hours)\n`,
  );
  throw new SendmailExit(EX_SOFTWARE);
}

/** Signals sendmail's "goto toolong": the vector would exceed maxatom tokens. */
export class TooLong extends Error {}

/**
 * Rewrites `ws` with ruleset `ruleset` (sendmail's rewrite). Returns EX_OK, EX_TEMPFAIL (a map
 * lookup failed temporarily) or an error status.
 */
export function rewrite(
  ws: Workspace,
  ruleset: number,
  reclevel: number,
  env: RewriteEnv,
  maxatom = MAXATOM,
): number {
  const frame: Frame = { overflow: 0 };
  const status = rewriteFrame(ws, ruleset, reclevel, env, maxatom, frame);
  // sendmail's stack protector notices a smashed frame when the function returns
  if (frame.overflow >= STACK_GUARD_SLOTS) {
    env.config.errors.err.write('*** stack smashing detected ***: terminated\n');
    throw new SendmailExit(134);
  }
  return status;
}

/**
 * sendmail's subroutine calls write their result into the caller's token array (1001 slots)
 * without checking that it fits; a caller whose array is overrun this far (measured on the
 * Debian build) has its stack guard overwritten and dies when it returns.
 */
const STACK_GUARD_SLOTS = 1587;

/** What a ruleset call's subroutines did to its token array. */
export interface Frame {
  /** Slots written past the end of the array (sendmail's npvp), at most so far. */
  overflow: number;
}

function rewriteFrame(
  ws: Workspace,
  ruleset: number,
  reclevel: number,
  env: RewriteEnv,
  maxatom: number,
  frame: Frame,
): number {
  const { config } = env;
  const { errors } = config;
  const names = config.macroNames;
  const esc = env.escapes ?? NO_ESCAPES;
  if (ruleset < 0 || ruleset >= MAXRWSETS) {
    errors.syserr(`554 5.3.5 rewrite: illegal ruleset number ${ruleset}`);
    return EX_CONFIG;
  }
  const rulename = config.rulesets.names[ruleset] ?? String(ruleset);
  const debug = env.debug;
  const trace21 = debug.level(21);
  const prefix = env.testMode ? '' : 'rewrite: ruleset ';
  if (env.testMode || trace21 >= 1)
    env.out.write(`${prefix}${traceName(rulename)}   input:` + formatTokens(ws.read(), names, esc));
  if (reclevel++ > MAX_RULE_RECURSION) {
    errors.syserr(`rewrite: excessive recursion (max ${MAX_RULE_RECURSION}), ruleset ${rulename}`);
    return EX_CONFIG;
  }
  if (maxatom <= 0) return EX_USAGE;

  const rules = config.rulesets.rules[ruleset] ?? [];
  const patterns = patternsOf(rules);
  let budget = attempts.get(env.scanVector);
  if (budget === undefined) attempts.set(env.scanVector, (budget = { count: 0, calls: 0 }));
  if (reclevel === 1) {
    budget.count = 0;
    budget.calls = 0;
  }
  if (++budget.calls > RULESET_CALL_BUDGET) exhausted(env, rulename, `${RULESET_CALL_BUDGET} ruleset calls`);
  const matchEnv = makeMatchEnv(env);
  // The quick rejection is skipped when the matcher's own steps are traced (-d21.2: $&x
  // values, -d21.35/.36: every step), since sendmail prints them for rules that then fail.
  const exhaustive = trace21 >= 2;
  let rstat = EX_OK;
  let ruleIndex = 0;
  let loopCount = 0;
  // The workspace as the matcher sees it; refreshed whenever a rule rewrote it.
  let pvp = ws.read();
  const input = new InputView(pvp);
  try {
    while (ruleIndex < rules.length) {
      const rule = rules[ruleIndex];
      if (pvp.length > 0 && pvp[0].charCodeAt(0) === CANONNET) break;
      if (trace21 >= 12) {
        const line = trace21 >= 15 ? ` (line ${rule.line})` : '';
        env.out.write(`-----trying rule${line}:` + formatTokens(rule.lhs, names, esc));
      }
      if (++budget.count > RULE_ATTEMPT_BUDGET)
        exhausted(env, rulename, `${RULE_ATTEMPT_BUDGET} rule attempts`);
      if (++loopCount > MAX_LOOP) {
        errors.syserr(`554 5.3.5 Infinite loop in ruleset ${rulename}, rule ${ruleIndex + 1}`);
        if (trace21 >= 1) env.out.write('workspace: ' + formatTokens(pvp, names, esc));
        break;
      }
      const pattern = patterns[ruleIndex];
      const count =
        !exhaustive && !input.mayMatch(pattern) ? -1 : matchPattern(pattern, pvp, input.lowered, matchEnv);
      if (count < 0) {
        if (trace21 >= 10) env.out.write('----- rule fails\n');
        ruleIndex++;
        loopCount = 0;
        continue;
      }
      if (trace21 >= 12) env.out.write('-----rule matches:' + formatTokens(rule.rhs, names, esc));

      let r = 0;
      const first = rule.rhs.length > 0 ? rule.rhs[0].charCodeAt(0) : -1;
      if (first === CANONUSER) {
        r = 1;
        ruleIndex++;
        loopCount = 0;
      } else if (first === CANONHOST) {
        r = 1;
        ruleIndex = rules.length;
      }
      const built = substitute(rule.rhs, r, pvp, count, rulename, ws, env, maxatom);
      if (typeof built === 'number') return built;
      const afterLookups = hasLookup(built)
        ? doLookups(built, env, maxatom, () => (rstat = EX_TEMPFAIL))
        : built;
      if (typeof afterLookups === 'number') return afterLookups;
      if (hasCall(afterLookups)) {
        const status = callSubroutines(afterLookups, reclevel, env, frame, rule);
        if (rstat === EX_OK || status.status === EX_TEMPFAIL) rstat = status.status;
        ws.write(status.tokens);
      } else ws.write(afterLookups);
      pvp = ws.read();
      input.reset(pvp);
      if (trace21 >= 4) env.out.write('rewritten as:' + formatTokens(pvp, names, esc));
    }
  } catch (err) {
    if (err instanceof TooLong) {
      errors.syserr('554 5.3.0 rewrite: expansion too long');
      return EX_DATAERR;
    }
    throw err;
  }
  if (env.testMode || trace21 >= 1)
    env.out.write(`${prefix}${traceName(rulename)} returns:` + formatTokens(ws.read(), names, esc));
  return rstat;
}

/** The workspace's tokens lower-cased, and which of them occur, for quick rule rejection. */
class InputView {
  /** Lower-cased tokens; reused from one rewrite step to the next. */
  readonly lowered: string[] = [];
  tokens: readonly string[] = [];

  constructor(tokens: readonly string[]) {
    this.reset(tokens);
  }

  reset(tokens: readonly string[]): void {
    this.tokens = tokens;
    const lowered = this.lowered;
    lowered.length = tokens.length;
    for (let i = 0; i < tokens.length; i++) lowered[i] = asciiLower(tokens[i]);
  }

  /**
   * False when the pattern cannot match: too few tokens, or its literals do not occur in the
   * input in their order (every token a pattern element consumes follows the previous ones).
   */
  mayMatch(p: CompiledPattern): boolean {
    if (p.minTokens > this.tokens.length) return false;
    const required = p.requiredLiterals;
    const lowered = this.lowered;
    let at = 0;
    for (let i = 0; i < required.length; i++) {
      const lit = required[i];
      while (at < lowered.length && lowered[at] !== lit) at++;
      if (at++ >= lowered.length) return false;
    }
    return true;
  }
}

function hasLookup(tokens: readonly string[]): boolean {
  for (const t of tokens) {
    const c = t.charCodeAt(0);
    if (c === HOSTBEGIN || c === LOOKUPBEGIN) return true;
  }
  return false;
}

function hasCall(tokens: readonly string[]): boolean {
  for (const t of tokens) if (t.charCodeAt(0) === CALLSUBR) return true;
  return false;
}

/** Rewrites a vector of its own (a subroutine call, or a caller outside test mode). */
export function rewriteTokens(
  tokens: string[],
  ruleset: number,
  reclevel: number,
  env: RewriteEnv,
  maxatom = MAXATOM,
): { status: number; tokens: string[]; longest: number } {
  const ws = new ArrayWorkspace(tokens);
  const status = rewrite(ws, ruleset, reclevel, env, maxatom);
  return { status, tokens: ws.tokens, longest: ws.longest };
}

const matchEnvs = new WeakMap<RewriteEnv, MatchEnv>();

/** The match environment: class lookups on joined phrases, $&x values. */
function makeMatchEnv(env: RewriteEnv): MatchEnv {
  const trace = env.debug.level(21) >= 2;
  let me = trace ? undefined : matchEnvs.get(env);
  if (me === undefined) {
    me = buildMatchEnv(env);
    if (!trace) matchEnvs.set(env, me);
  }
  return me;
}

function buildMatchEnv(env: RewriteEnv): MatchEnv {
  const { config } = env;
  const tables = config.tokenTables();
  const trace = env.debug.level(21);
  const names = config.macroNames;
  const me: MatchEnv = {
    inClass: (id, text) => config.classes.has(id, text),
    classPhraseEnd: (id, tokens, first, from) =>
      classPhraseEnd(
        config.classes,
        id,
        tokens,
        first,
        from,
        config.options.blankSub,
        tables.internal,
        trace >= 36
          ? (tok) =>
              env.out.write(
                `EXTEND  rp=${formatText(String.fromCharCode(0x93, id), names)}, ap=${formatText(tok, names)}\n`,
              )
          : undefined,
      ),
    macro: (id) => env.macros.get(id),
  };
  if (trace >= 2) {
    me.trace = (what, pattern, token) => {
      if (what === 'LHSMACRO' && pattern !== null) {
        env.out.write(
          `rewrite: LHS $&{${names.name(pattern.charCodeAt(1))}} => "${token === null ? '(NULL)' : token}"\n`,
        );
      } else if (trace >= 36 && what === 'CLMATCH') env.out.write('CLMATCH\n');
      else if (
        (trace >= 35 && what === 'ADVANCE') ||
        (trace >= 36 && (what === 'EXTEND' || what === 'BACKUP'))
      ) {
        const show = (s: string | null): string => (s === null ? '<null>' : formatText(s, names));
        const label = what === 'ADVANCE' ? 'ADVANCE' : what === 'EXTEND' ? 'EXTEND ' : 'BACKUP ';
        env.out.write(`${label} rp=${show(pattern)}, ap=${show(token)}\n`);
      }
    };
  }
  return me;
}

/**
 * Builds the new vector from the RHS (from index `r`): $N copies the bound tokens, $&x scans
 * the macro's current value, anything else is copied. Returns the tokens or an exit status.
 */
function substitute(
  rhs: readonly string[],
  r: number,
  pvp: readonly string[],
  bound: number,
  rulename: string,
  ws: Workspace,
  env: RewriteEnv,
  maxatom: number,
): string[] | number {
  const { errors } = env.config;
  const out: string[] = [];
  for (let i = r; i < rhs.length; i++) {
    const tok = rhs[i];
    const code = tok.charCodeAt(0);
    if (code === MATCHREPL) {
      const k = (tok.charCodeAt(1) || 0) - 0x31;
      if (k < 0 || k >= bound) {
        errors.syserr(`554 5.3.5 rewrite: ruleset ${rulename}: replacement $${tok[1] ?? ''} out of bounds`);
        return EX_CONFIG;
      }
      if (env.debug.level(21) >= 15)
        env.out.write(bindingTrace(tok[1], pvp, bindingFirst[k], bindingLast[k]));
      for (let t = bindingFirst[k]; t <= bindingLast[k]; t++) {
        if (out.length >= maxatom) throw new TooLong();
        out.push(pvp[t]);
      }
      continue;
    }
    if (out.length >= maxatom) throw new TooLong();
    if (code !== MACRODEXPAND) {
      out.push(tok);
      continue;
    }
    const value = env.macros.get(tok.charCodeAt(1));
    if (env.debug.level(21) >= 2)
      env.out.write(
        `rewrite: RHS $&{${env.config.macroNames.name(tok.charCodeAt(1))}} => "${value ?? '(NULL)'}"\n`,
      );
    if (value === null || value === '') continue;
    // sendmail saves the workspace around this scan (it may share prescan's vector)
    const saved = ws.read();
    const scan = scanInto(value, env, env.config.tokenTables().external, (length) =>
      env.macros.truncate?.(tok.charCodeAt(1), length),
    );
    if (scan === null) return EX_DATAERR;
    for (const t of scan) {
      if (env.debug.level(21) >= 19) env.out.write(` ... ${t}\n`);
      out.push(t);
      if (out.length >= maxatom) throw new TooLong();
    }
    if (env.debug.level(21) >= 19) env.out.write(' ... DONE\n');
    ws.restore(saved);
  }
  return out;
}

/**
 * -d21.15's line for a $N substitution. sendmail prints each token's address, which no two runs
 * share; we print made-up addresses in the same format (compare with the addresses masked).
 */
function bindingTrace(digit: string, pvp: readonly string[], first: number, last: number): string {
  let line = `$${digit}:`;
  for (let t = first; t <= last; t++)
    line += ` 0x7ffd${(0x10000 + t * 8).toString(16).padStart(8, '0')}="${pvp[t]}"`;
  return line + '\n';
}

/**
 * Scans text as sendmail does during rewriting: the tokens go through prescan's shared vector
 * (so a failed scan leaves its partial result there, as in sendmail). null on failure.
 */
export function scanInto(
  text: string,
  env: RewriteEnv,
  table: Uint8Array,
  truncateText?: (length: number) => void,
): string[] | null {
  const result = prescan(text, {
    delimiter: '\0',
    table,
    ignoreUnbalanced: false,
    bufferSize: PSBUFSIZE,
    errors: env.config.errors,
    trace: prescanTrace(env.debug.level(22), env.out, env.config.macroNames),
  });
  env.scanVector.write(result.written, !result.failed);
  if (result.truncateInputTo !== undefined) truncateText?.(result.truncateInputTo);
  return result.tokens;
}
