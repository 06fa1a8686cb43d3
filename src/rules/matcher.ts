// The LHS matcher. sendmail matches a rule's pattern against the token vector left to right,
// binding wildcards as it goes: `$+`, `$-`, `$~X` take one token, `$*` none, `$=X` the shortest
// phrase in the class. On a mismatch it backs up to the most recent wildcard that can take one
// more token (`$*`, `$+`, or `$=X` by growing its phrase) and goes on from there. This module
// reproduces that search step by step, so the bindings found are sendmail's.
//
// Patterns are compiled once per rule into small typed arrays; matching allocates nothing.
import { asciiLower } from '../sendmail/ctype.js';
import {
  CANONHOST,
  MACRODEXPAND,
  MATCHANY,
  MATCHCLASS,
  MATCHNCLASS,
  MATCHONE,
  MATCHZANY,
} from '../cf/meta.js';

/** Pattern element kinds. */
export const P_LITERAL = 0;
export const P_ZANY = 1; // $*
export const P_ANY = 2; // $+
export const P_ONE = 3; // $-
export const P_CLASS = 4; // $=X
export const P_NCLASS = 5; // $~X
export const P_ZERO = 6; // $@ on the LHS
export const P_MACRO = 7; // $&x

/** sendmail's MAXMATCH: at most nine bindings per rule. */
export const MAXMATCH = 9;

export interface CompiledPattern {
  kinds: Uint8Array;
  /** Class or macro id for P_CLASS, P_NCLASS, P_MACRO. */
  ids: Uint8Array;
  /** Lower-cased literal text for P_LITERAL (empty for the others). */
  literals: string[];
  /** The original tokens (for debug traces). */
  tokens: readonly string[];
  /** Tokens any match consumes at least (literals and one-token-or-more wildcards). */
  minTokens: number;
  /** Lower-cased literals in pattern order: a matching input contains them in this order. */
  requiredLiterals: string[];
}

export function compilePattern(lhs: readonly string[]): CompiledPattern {
  const n = lhs.length;
  const kinds = new Uint8Array(n);
  const ids = new Uint8Array(n);
  const literals: string[] = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const t = lhs[i];
    const code = t.charCodeAt(0);
    const id = t.length > 1 ? t.charCodeAt(1) & 0xff : 0;
    switch (code) {
      case MATCHZANY:
        kinds[i] = P_ZANY;
        break;
      case MATCHANY:
        kinds[i] = P_ANY;
        break;
      case MATCHONE:
        kinds[i] = P_ONE;
        break;
      case MATCHCLASS:
        kinds[i] = P_CLASS;
        ids[i] = id;
        break;
      case MATCHNCLASS:
        kinds[i] = P_NCLASS;
        ids[i] = id;
        break;
      case CANONHOST:
        kinds[i] = P_ZERO;
        break;
      case MACRODEXPAND:
        kinds[i] = P_MACRO;
        ids[i] = id;
        break;
      default:
        kinds[i] = P_LITERAL;
        literals[i] = asciiLower(t);
    }
  }
  let minTokens = 0;
  const required: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    if (k === P_LITERAL) required.push(literals[i]);
    if (k === P_LITERAL || k === P_ANY || k === P_ONE || k === P_CLASS || k === P_NCLASS) minTokens++;
  }
  return { kinds, ids, literals, tokens: lhs, minTokens, requiredLiterals: required };
}

/** What the matcher needs to look up while matching. */
export interface MatchEnv {
  /** Is this token in the class? ($~X) */
  inClass(classId: number, text: string): boolean;
  /**
   * $=X: the smallest last >= from such that tokens[first..last], joined as sendmail's cataddr
   * joins them, is in the class; -1 when there is none. (sendmail tries each length in turn;
   * the environment may skip lengths that cannot be members, unless it traces EXTEND steps.)
   */
  classPhraseEnd(classId: number, tokens: readonly string[], first: number, from: number): number;
  /** A macro's current value (for $&x on the LHS), or null. */
  macro(id: number): string | null;
  /** Optional trace of the matcher's steps (sendmail's -d21.35 and -d21.36). */
  trace?: (
    what: 'ADVANCE' | 'EXTEND' | 'BACKUP' | 'CLMATCH' | 'LHSMACRO',
    pattern: string | null,
    token: string | null,
  ) => void;
}

/**
 * The bindings of the last successful match: for binding k, tokens first[k]..last[k]
 * (last < first means none). Valid until the next call of matchPattern.
 */
export const bindingFirst = new Int32Array(MAXMATCH + 1);
export const bindingLast = new Int32Array(MAXMATCH + 1);
const bindingPattern = new Int32Array(MAXMATCH + 1);

/**
 * Matches `pattern` against `tokens` (and their lower-cased forms); returns the number of
 * bindings, or -1 when the rule does not match.
 */
export function matchPattern(
  pattern: CompiledPattern,
  tokens: readonly string[],
  lowered: readonly string[],
  env: MatchEnv,
): number {
  const { kinds, ids, literals } = pattern;
  const plen = kinds.length;
  const alen = tokens.length;
  let avp = 0; // next input token
  let rvp = 0; // next pattern element
  let mlp = 0; // bindings in use

  // The loop runs while input or pattern remains; `ok` false means "back up".
  while (avp < alen || rvp < plen) {
    let ok = true;
    if (env.trace)
      env.trace('ADVANCE', rvp < plen ? pattern.tokens[rvp] : null, avp < alen ? tokens[avp] : null);
    if (rvp >= plen) ok = false;
    else {
      const kind = kinds[rvp];
      if (avp >= alen && kind !== P_ZANY && kind !== P_ZERO) ok = false;
      else
        switch (kind) {
          case P_CLASS:
            bindingPattern[mlp] = rvp;
            bindingFirst[mlp] = avp;
            avp = extendClass(mlp, avp, pattern, tokens, env);
            if (avp < 0) {
              avp = 0;
              ok = false;
            } else mlp++;
            break;
          case P_NCLASS:
          case P_ONE:
          case P_ANY:
            // $~X binds one token, like $- and $+, when the token is not in the class
            if (kind === P_NCLASS && env.inClass(ids[rvp], tokens[avp])) {
              ok = false;
              break;
            }
            bindingPattern[mlp] = rvp;
            bindingFirst[mlp] = avp;
            bindingLast[mlp] = avp++;
            mlp++;
            break;
          case P_ZANY:
            bindingPattern[mlp] = rvp;
            bindingFirst[mlp] = avp;
            bindingLast[mlp] = avp - 1;
            mlp++;
            break;
          case P_ZERO:
            break;
          case P_MACRO: {
            const value = env.macro(ids[rvp]);
            if (env.trace) env.trace('LHSMACRO', pattern.tokens[rvp], value);
            if (value === null) break;
            const start = avp;
            let at = 0;
            while (at < value.length) {
              const tok = avp < alen ? tokens[avp] : null;
              if (tok === null || !prefixCaseEqual(value, at, tok)) {
                avp = start;
                ok = false;
                break;
              }
              at += tok.length;
              avp++;
            }
            break;
          }
          default:
            if (lowered[avp] !== literals[rvp]) ok = false;
            else avp++;
        }
    }
    if (ok) {
      rvp++;
      continue;
    }

    // Back up to the latest binding that can take one more token.
    let resumed = false;
    while (--mlp >= 0) {
      rvp = bindingPattern[mlp];
      avp = bindingLast[mlp] + 1;
      if (env.trace) env.trace('BACKUP', pattern.tokens[rvp], avp < alen ? tokens[avp] : null);
      if (avp >= alen) continue;
      const kind = kinds[rvp];
      if (kind === P_ANY || kind === P_ZANY) {
        bindingLast[mlp] = avp++;
        rvp++;
        mlp++;
        resumed = true;
        break;
      }
      if (kind === P_CLASS) {
        const next = extendClass(mlp, avp, pattern, tokens, env);
        if (next >= 0) {
          avp = next;
          rvp++;
          mlp++;
          resumed = true;
          break;
        }
        // ran off the end: keep backing up past this binding
      }
    }
    if (!resumed) return -1;
  }
  return mlp;
}

/**
 * Grows class binding `m` (which starts at bindingFirst[m]) from token `from` on until the
 * phrase is in the class; returns the index after it, or -1 when the input runs out.
 */
function extendClass(
  m: number,
  from: number,
  pattern: CompiledPattern,
  tokens: readonly string[],
  env: MatchEnv,
): number {
  const classId = pattern.ids[bindingPattern[m]];
  const last = env.classPhraseEnd(classId, tokens, bindingFirst[m], from);
  if (last < 0) {
    bindingLast[m] = tokens.length - 1;
    return -1;
  }
  bindingLast[m] = last;
  if (env.trace) env.trace('CLMATCH', null, null);
  return last + 1;
}

/** sendmail's strncasecmp(value + at, token, strlen(token)) == 0. */
function prefixCaseEqual(value: string, at: number, token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const a = at + i < value.length ? value.charCodeAt(at + i) : 0;
    let x = a;
    let y = token.charCodeAt(i);
    if (x >= 0x41 && x <= 0x5a) x += 32;
    if (y >= 0x41 && y <= 0x5a) y += 32;
    if (x !== y) return false;
  }
  return true;
}
