// Vitest global setup: say once, at the top of the run, which oracles are missing, so a run
// without them shows plainly that its differential tests were skipped rather than passed.
import {
  hasM4Oracle,
  hasSendmailCf,
  hasSendmailOracle,
  missingOracleNotice,
} from '../../src/oracle/oracles.js';

export default function announceMissingOracles(): void {
  const missing: string[] = [];
  if (!hasM4Oracle()) missing.push('GNU m4 1.4.19 (/usr/bin/m4)');
  if (!hasSendmailCf()) missing.push("sendmail's cf library (/usr/share/sendmail/cf)");
  if (!hasSendmailOracle()) missing.push('sendmail 8.17 with root and unshare (/usr/sbin/sendmail)');
  for (const what of missing) process.stderr.write(`\n*** ${missingOracleNotice(what)}\n`);
}
