// Setting an option (sendmail's setoption): find the option by its one-byte code or by its
// long name (unambiguous abbreviations allowed, with a notice), respect sticky command-line
// settings, then parse the value as that option does.
import type { SendmailConfig } from './config.js';
import type { CfEnvironment } from './environment.js';
import { asciiLower } from '../sendmail/ctype.js';
import { OPTION_TABLE, SUBOPT, type OptionInfo } from './option-table.js';
import { applyOptionValue } from './option-values.js';
import { strtol } from '../sendmail/c-numbers.js';

export interface SetOptionContext {
  config: SendmailConfig;
  env: CfEnvironment;
  /** A command-line setting the .cf may not override. */
  sticky: boolean;
  /** Set from the .cf (or by root): every option is allowed. */
  safe: boolean;
  /** The .cf line number, for the model (0 outside the .cf). */
  line: number;
}

/** The option with this one-byte code. */
export function optionByCode(code: number): OptionInfo | undefined {
  return OPTION_TABLE.find((o) => o.code === code);
}

/**
 * Sets an option from an O line: `code` is the byte after the O (a space for long names) and
 * `text` what follows it.
 */
export function setOption(code: number, text: string, ctx: SetOptionContext): void {
  const { errors } = ctx.config;
  let info: OptionInfo | undefined;
  let value = text;
  let subopt: string | null = null;
  if (code === 0x20) {
    const parsed = splitLongOption(text);
    if (parsed === null) {
      errors.syserr('readcf: null option name');
      return;
    }
    let name = parsed.name;
    const dot = name.indexOf('.');
    if (dot >= 0) {
      subopt = name.slice(dot + 1);
      name = name.slice(0, dot);
    }
    const found = findLongOption(name);
    if (found.kind === 'unknown') {
      errors.syserr(`readcf: unknown option name ${name}`);
      return;
    }
    if (found.kind === 'ambiguous') {
      errors.syserr(
        `readcf: ambiguous option name ${name} (matches ${found.first.name} and ${found.second.name})`,
      );
      return;
    }
    info = found.option;
    if (name.length !== info.name.length) {
      const verbose = errors.verbose;
      errors.verbose = true;
      errors.message(`Option ${name} used as abbreviation for ${info.name}`);
      errors.verbose = verbose;
    }
    value = parsed.value;
  } else {
    // sendmail passes the byte as a (signed) char: 0x80 and up match no option's code
    info = code < 0x80 ? optionByCode(code) : undefined;
    if (!info) {
      errors.syserr(`readcf: unknown option name 0x${(code & 0xff).toString(16)}`);
      return;
    }
  }
  if (subopt !== null && !(info.flags & SUBOPT)) subopt = null;
  const state = ctx.config.options;
  if (!ctx.sticky && state.sticky.has(info.code)) return;

  const key = info.name === '' ? String.fromCharCode(info.code) : info.name;
  state.raw.set(subopt === null ? key : `${key}.${subopt}`, value);
  ctx.config.optionAssignments.push({
    name: key + (subopt === null ? '' : `.${subopt}`),
    value,
    line: ctx.line,
  });
  const keepSticky = applyOptionValue(info, value, subopt, ctx);
  if (ctx.sticky && keepSticky && !(info.flags & SUBOPT)) state.sticky.add(info.code);
}

/**
 * Splits "Name = value" as sendmail does: blanks around '=' go, a value without '=' is empty.
 * null when there is no name: only when the text starts with '=' (or is empty) — sendmail
 * clears blanks before the '=' from where they start, so " =x" leaves an empty name, which
 * every option name begins with.
 */
function splitLongOption(text: string): { name: string; value: string } | null {
  let eq = text.indexOf('=');
  if (eq < 0) eq = text.length;
  let nameEnd = eq;
  while (nameEnd > 0 && text[nameEnd - 1] === ' ') nameEnd--;
  if (eq === 0) return null;
  // without '=' the whole text (less trailing blanks) is the name and the value is empty
  if (eq === text.length) return { name: text.slice(0, nameEnd), value: '' };
  let v = eq + 1;
  while (v < text.length && text[v] === ' ') v++;
  return { name: text.slice(0, nameEnd), value: text.slice(v) };
}

type LongLookup =
  | { kind: 'found'; option: OptionInfo }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; first: OptionInfo; second: OptionInfo };

/** sendmail's name search: an exact name wins; one prefix match is taken; two are ambiguous. */
function findLongOption(name: string): LongLookup {
  const lower = asciiLower(name);
  let selected: OptionInfo | null = null;
  for (const o of OPTION_TABLE) {
    if (!asciiLower(o.name).startsWith(lower)) continue;
    if (o.name.length === name.length) return { kind: 'found', option: o };
    if (selected !== null) return { kind: 'ambiguous', first: selected, second: o };
    selected = o;
  }
  return selected === null ? { kind: 'unknown' } : { kind: 'found', option: selected };
}

/** C's atoi on a value that starts with a digit: strtol's clamp, then the low 32 bits (uid_t). */
function atoiUid(text: string): number {
  return Number(BigInt.asUintN(32, strtol(text).value));
}

/** sendmail's TrustedUid: the TrustedUser option's value as a uid, 0 when unset or unknown. */
export function trustedUidOf(
  value: string | undefined,
  getpwnam: (name: string) => { uid: number } | null,
): number {
  if (value === undefined || value === '') return 0;
  if (/^[0-9]/.test(value)) return atoiUid(value);
  return getpwnam(value)?.uid ?? 0;
}
