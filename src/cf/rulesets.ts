// Rulesets: numbers 0–99 written directly, names mapped to numbers (explicitly with
// `name=number`, or allocated downwards from 199). sendmail's strtorwset decides what a
// ruleset reference means, and its messages for bad ones.
import type { ErrorChannel } from './errors.js';
import { isAlnum, isAlpha, isAscii, isDigit, isSpace } from '../sendmail/ctype.js';
import { strtol, toCInt } from '../sendmail/c-numbers.js';
import type { Rule } from './model.js';

/** sendmail's MAXRWSETS: ruleset numbers below half of it may be used directly. */
export const MAXRWSETS = 200;

export type RulesetMode = 'enter' | 'find';

export interface RulesetRef {
  /** The ruleset number, or -1 when the reference is invalid (already reported). */
  number: number;
  /** Index just after the reference (where sendmail's endp points). */
  end: number;
  /**
   * sendmail writes NULs over the blanks after a ruleset name: read as a C string afterwards,
   * the text ends here (only set when that happened).
   */
  cutAt?: number;
}

export class RulesetTable {
  /** Rules of each ruleset number; null for a ruleset that has none. */
  readonly rules: (Rule[] | null)[] = new Array<Rule[] | null>(MAXRWSETS).fill(null);
  /** The name of each number (sendmail's RuleSetNames). */
  readonly names: (string | null)[] = new Array<string | null>(MAXRWSETS).fill(null);
  /** Name to number; -1 for a name entered without a number yet. */
  private byName = new Map<string, number>();
  private nextNamed = MAXRWSETS;

  /** The number of a known ruleset name (case-sensitive, as sendmail's symbol table). */
  numberOf(name: string): number | undefined {
    const n = this.byName.get(name);
    return n === undefined || n < 0 ? undefined : n;
  }

  /** All ruleset names with their numbers, in definition order. */
  namedRulesets(): [string, number][] {
    return [...this.byName.entries()].filter(([, n]) => n >= 0);
  }

  /** The name sendmail prints for a ruleset: its name, or its number. */
  displayName(n: number): string {
    return this.names[n] ?? String(n);
  }

  /**
   * sendmail's strtorwset: reads a ruleset reference at text[at]. With 'enter' a new name gets
   * a number (or the number after `=`); with 'find' an unknown name is -1 without a message.
   */
  resolve(text: string, at: number, mode: RulesetMode, errors: ErrorChannel): RulesetRef {
    let p = at;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    const c = p < text.length ? text.charCodeAt(p) : 0;
    if (!isAscii(c)) {
      errors.syserr(`invalid ruleset name: "${text.slice(p, p + 20)}"`);
      return { number: -1, end: p };
    }
    if (isDigit(c)) {
      const { value, end, overflow } = strtol(text, p, 10);
      let n = toCInt(value);
      if (n >= MAXRWSETS / 2 || n < 0) {
        // strtol's ERANGE is still in errno when sendmail reports the number
        errors.syserr(`bad ruleset ${n} (${MAXRWSETS / 2} max)`, overflow ? 'ERANGE' : undefined);
        n = -1;
      }
      return { number: n, end };
    }
    const q = p;
    while (p < text.length && isAscii(text.charCodeAt(p)) && (isAlnum(text.charCodeAt(p)) || text[p] === '_'))
      p++;
    if (q === p || !isAlpha(text.charCodeAt(q))) {
      errors.syserr(`invalid ruleset name: "${text.slice(q, q + 20)}"`);
      return { number: -1, end: p };
    }
    const name = text.slice(q, p);
    const nameEnd = p;
    while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    // sendmail overwrites the blanks after the name with NULs, so messages then show only it.
    const cutAt = p > nameEnd ? nameEnd : undefined;
    const shown = text.slice(q, cutAt);
    const delim = p < text.length ? text[p] : '';
    let known = this.byName.get(name);
    if (known === undefined) {
      if (mode === 'find') return { number: -1, end: p, cutAt };
      known = -1;
      this.byName.set(name, -1);
    }
    let n: number;
    let end = p;
    if (mode === 'enter' && delim === '=') {
      let r = p + 1;
      while (r < text.length && isSpace(text.charCodeAt(r))) r++;
      if (!isDigit(r < text.length ? text.charCodeAt(r) : 0)) {
        errors.syserr(`bad ruleset definition "${shown}" (number required after \`=')`);
        n = -1;
      } else {
        const parsed = strtol(text, r, 10);
        end = parsed.end;
        n = toCInt(parsed.value);
        if (n >= MAXRWSETS / 2 || n < 0) {
          errors.syserr(
            `bad ruleset number ${n} in "${shown}" (${MAXRWSETS / 2} max)`,
            parsed.overflow ? 'ERANGE' : undefined,
          );
          n = -1;
        }
      }
    } else if (known >= 0) n = known;
    else if ((n = --this.nextNamed) < MAXRWSETS / 2) {
      errors.syserr(`${name}: too many named rulesets (${MAXRWSETS / 2} max)`);
      n = -1;
    }
    if (known >= 0 && n >= 0 && n !== known) {
      errors.syserr(`${shown}: ruleset changed value (old ${known}, new ${n})`);
      n = known;
    } else if (n >= 0) this.byName.set(name, n);
    if (mode === 'enter' && n >= 0) this.names[n] = name;
    return { number: n, end, cutAt };
  }
}
