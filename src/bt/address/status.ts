// SMTP reply codes, enhanced status codes (RFC 3463) and the exit status sendmail derives from
// a DSN code (its dsntoexitstat).
import { atoi } from '../../sendmail/c-numbers.js';
import {
  EX_CONFIG,
  EX_DATAERR,
  EX_IOERR,
  EX_NOHOST,
  EX_NOUSER,
  EX_OK,
  EX_OSERR,
  EX_PROTOCOL,
  EX_TEMPFAIL,
  EX_UNAVAILABLE,
  EX_USAGE,
} from '../../sendmail/sysexits.js';

// the syntax of reply and enhanced codes is the error channel's too (src/sendmail)
export { isSmtpCode, enhancedCodeLength as isEnhancedCode } from '../../sendmail/reply-codes.js';

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
