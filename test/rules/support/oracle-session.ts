// Runs a fixture through the real `sendmail -bt` and through our driver, and returns both
// transcripts in the same shape: load-time messages followed by the echoed probe lines and
// their traces (sendmail's banner and its final prompt are left out).
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runSendmailBt, writeSandboxFiles } from '../../../src/oracle/oracles.js';
import { runDriver, type DriverOptions } from './driver.js';

const BANNER = 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n';
/** Lines sendmail's startup prints after readcf (test mode's own business, not the loader's). */
const STARTUP_LINES = [
  /^Warning: \.cf file is out of date: .*\n/m,
  /^Warning: \.cf version level \(\d+\) exceeds .*\n/m,
  /^No local mailer defined\n/m,
];

export interface Transcript {
  out: string;
  status: number;
}

/** sendmail's transcript of `lines` against `cfText`, written to `cfPath` (in a private dir). */
export function sendmailSession(
  cfText: string,
  lines: readonly string[],
  dir: string,
  cfPath: string,
  extraArgs: string[] = [],
): Transcript {
  writeFileSync(cfPath, Buffer.from(cfText, 'latin1'));
  const input = lines.map((l) => l + '\n').join('');
  const r = runSendmailBt(cfPath, input, { dir, extraArgs });
  let out = r.stdout;
  const at = out.indexOf(BANNER);
  if (at >= 0) {
    let before = out.slice(0, at);
    for (const re of STARTUP_LINES) before = before.replace(re, '');
    out = before + out.slice(at + BANNER.length);
  }
  if (out.endsWith('> ')) out = out.slice(0, -2);
  return { out: out + r.stderr, status: r.status };
}

/** Our transcript of the same session. */
export function driverSession(
  cfText: string,
  lines: readonly string[],
  cfPath: string,
  opts: DriverOptions = {},
): Transcript {
  const { hosts, switchFile } = writeSandboxFiles(dirname(cfPath));
  const r = runDriver(cfText, lines, {
    fileName: cfPath,
    hostsFile: hosts,
    serviceSwitchFile: switchFile,
    ...opts,
  });
  return { out: r.out, status: r.status };
}
