// sendmail's time values ("1h30m", "2d", "45"), used by options, mailer W= and map -d.
import { asciiCaseEqual, isDigit } from './ctype.js';

/** Where convtime reports an unknown unit: sendmail's usrerr. */
export interface TimeUnitErrors {
  usrerr(text: string): void;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  w: 7 * 24 * 3600,
  d: 24 * 3600,
  h: 3600,
  m: 60,
  s: 1,
};

/**
 * sendmail's convtime: numbers each followed by a unit (w d h m s) are added up; a number
 * without one is in `defaultUnit`; "now" is 0 and a leading "-" negates. An unknown unit is
 * reported (`Invalid time unit \`x'`) and taken as the default unit.
 */
export function convtime(text: string, defaultUnit: string, errors: TimeUnitErrors): number {
  if (asciiCaseEqual(text, 'now')) return 0;
  let p = 0;
  const negative = text[0] === '-';
  if (negative) p++;
  let total = 0;
  while (p < text.length) {
    let n = 0;
    let unit = '';
    while (p < text.length) {
      const c = text[p++]!;
      if (!isDigit(c.charCodeAt(0))) {
        unit = c;
        break;
      }
      n = n * 10 + (c.charCodeAt(0) - 48);
    }
    if (unit === '') unit = defaultUnit;
    else if (UNIT_SECONDS[unit] === undefined) {
      errors.usrerr(`Invalid time unit \`${unit}'`);
      unit = defaultUnit;
    }
    total += n * (UNIT_SECONDS[unit] ?? UNIT_SECONDS.d!);
  }
  return negative ? -total : total;
}
