import type { MapDiagnostic } from './types.js';

/**
 * A syserr diagnostic. With an errno name, sendmail's syserr appends that error's text and
 * exits 71 instead of 70: the sink does both (ErrorChannel.syserr, or withErrnoText).
 */
export function syserr(text: string, errno: string | null = null): MapDiagnostic {
  return errno === null ? { severity: 'syserr', text } : { severity: 'syserr', text, errno };
}
