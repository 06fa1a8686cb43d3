// SMTP reply codes, enhanced status codes (RFC 3463) and the exit status sendmail derives from
// a DSN code (its dsntoexitstat).
import {
  EX_CONFIG,
  EX_DATAERR,
  EX_NOHOST,
  EX_NOUSER,
  EX_OK,
  EX_PROTOCOL,
  EX_TEMPFAIL,
  EX_UNAVAILABLE,
  EX_USAGE,
} from './engine.js';

const EX_OSERR = 71;
const EX_IOERR = 74;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Three digits at the start (sendmail's ISSMTPCODE). */
export function isSmtpCode(s: string): boolean {
  return isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]);
}

/**
 * sendmail's isenhsc: the length of an enhanced status code "c.s.d" at the start of s that is
 * followed by `delim` ('' for the end of the string), or 0.
 */
export function isEnhancedCode(s: string, delim: string): number {
  if (!((s[0] === '2' || s[0] === '4' || s[0] === '5') && s[1] === '.')) return 0;
  let l = 2;
  let h = 0;
  while (h < 3 && isDigit(s[l + h])) h++;
  if (h === 0 || s[l + h] !== '.') return 0;
  l += h + 1;
  h = 0;
  while (h < 3 && isDigit(s[l + h])) h++;
  if (h === 0 || (s[l + h] ?? '') !== delim) return 0;
  return l + h;
}

/** C atoi: leading blanks, a sign, digits. */
function atoi(s: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1], 10) | 0 : 0;
}

/** sendmail's dsntoexitstat: the exit status a DSN code stands for. */
export function exitStatusOfDsn(dsn: string): number {
  if (dsn[0] === '2') return EX_OK;
  if (dsn[0] === '4') return EX_TEMPFAIL;
  if (dsn[0] !== '5') return EX_CONFIG;
  let p = 1;
  if (dsn[p] === '.') p++;
  const subject = atoi(dsn.slice(p));
  while (p < dsn.length && dsn[p] !== '.') p++;
  if (p < dsn.length) p++;
  const detail = atoi(dsn.slice(p));
  switch (subject) {
    case 0:
      return EX_UNAVAILABLE;
    case 1:
      return ADDRESS_STATUS[detail] ?? EX_UNAVAILABLE;
    case 2:
      return detail === 3 ? EX_DATAERR : EX_UNAVAILABLE;
    case 3:
      return EX_OSERR;
    case 4:
      return NETWORK_STATUS[detail] ?? EX_UNAVAILABLE;
    case 5:
      return EX_PROTOCOL;
    case 6:
      return EX_UNAVAILABLE;
    case 7:
      return EX_DATAERR;
    default:
      return EX_UNAVAILABLE;
  }
}

/** X.1.Y: address status details. */
const ADDRESS_STATUS: Record<number, number> = {
  0: EX_DATAERR,
  1: EX_NOUSER,
  6: EX_NOUSER,
  2: EX_NOHOST,
  8: EX_NOHOST,
  3: EX_USAGE,
  7: EX_USAGE,
  4: EX_UNAVAILABLE,
  5: EX_CONFIG,
};

/** X.4.Y: network and routing status details. */
const NETWORK_STATUS: Record<number, number> = {
  0: EX_IOERR,
  1: EX_TEMPFAIL,
  3: EX_TEMPFAIL,
  5: EX_TEMPFAIL,
  2: EX_IOERR,
  4: EX_PROTOCOL,
  6: EX_CONFIG,
  7: EX_UNAVAILABLE,
};
