// C character classes in the "C" locale, for the bits of test mode that parse with them.

/** isspace(): blank, tab, newline, vertical tab, form feed, carriage return. */
export function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}
