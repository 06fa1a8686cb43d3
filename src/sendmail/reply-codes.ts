// The syntax of SMTP reply codes ("550 ") and enhanced status codes (RFC 3463, "5.1.1") at the
// start of a message text: sendmail's messages may carry both, and test mode drops them.

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Three digits at the start (sendmail's ISSMTPCODE). */
export function isSmtpCode(s: string): boolean {
  return isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]);
}

/** A reply code followed by a blank or a dash (sendmail's ISSMTPREPLY). */
export function isSmtpReply(s: string): boolean {
  return isSmtpCode(s) && (s[3] === ' ' || s[3] === '-');
}

/**
 * sendmail's isenhsc: the length of an enhanced status code "c.s.d" (class 2, 4 or 5, then one
 * to three digits twice) at the start of s that is followed by `delim` ('' for the end of the
 * string), or 0 when there is none.
 */
export function enhancedCodeLength(s: string, delim: string): number {
  if (!((s[0] === '2' || s[0] === '4' || s[0] === '5') && s[1] === '.')) return 0;
  const subject = digitRun(s, 2);
  if (subject === 0 || s[2 + subject] !== '.') return 0;
  const at = 3 + subject;
  const detail = digitRun(s, at);
  if (detail === 0 || (s[at + detail] ?? '') !== delim) return 0;
  return at + detail;
}

/** How many digits (at most three) start at s[at]. */
function digitRun(s: string, at: number): number {
  let n = 0;
  while (n < 3 && isDigit(s[at + n])) n++;
  return n;
}
