// Runs K lines and /map commands through our map table and through the real sendmail -bt, and
// prints ours the way sendmail's test mode does, so transcripts can be compared line by line.
// (Test mode itself belongs to bt; this is just enough of it to exercise the maps.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeMapEnvironment, simpleMacros } from '../../../src/rules/maps/environment.js';
import { createMapTable } from '../../../src/rules/maps/table.js';
import { withErrnoText } from '../../../src/sendmail/errno.js';
import { shortenString } from '../../../src/sendmail/strings.js';
import type { MapDiagnostic, MapOptions, TextSourceSpec } from '../../../src/rules/maps/types.js';
import { runSendmailBt, writeSandboxFiles } from '../../../src/oracle/oracles.js';
import { mapCommand } from '../support/map-command.js';

/** The identity sendmail computes in the sandbox (hosts file maps 127.0.0.1 to vm.example.net). */
export const SANDBOX_MACROS = { w: 'vm', j: 'vm.example.net', m: 'example.net' };

export interface Transcript {
  /** "file: line N: message" lines printed while the .cf was read. */
  load: string;
  /** Everything after the banner: prompts, answers, messages. */
  session: string;
}

export interface OurRunOptions {
  options?: Partial<MapOptions>;
  textSources?: ReadonlyMap<string, TextSourceSpec>;
  macros?: Record<string, string>;
  switchText?: string;
}

function printDiagnostic(d: MapDiagnostic, out: { stdout: string; stderr: string }, prefix: string): void {
  if (d.severity === 'stderr') out.stderr += d.text;
  else out.stdout += `${prefix}${withErrnoText(d.text, d.errno)}\n`;
}

/** Our side: reads the V, O BlankSub and K lines of cfText and answers /map lines. */
export function ourTranscript(
  cfPath: string,
  cfText: string,
  input: string,
  dir: string,
  run: OurRunOptions = {},
): Transcript & { stderr: string } {
  const out = { stdout: '', stderr: '' };
  let prefix = '';
  const macros = simpleMacros({ ...SANDBOX_MACROS, ...run.macros }, (d) => printDiagnostic(d, out, prefix));
  const { hosts, switchFile } = writeSandboxFiles(dir);
  const env = nodeMapEnvironment({
    options: {
      hostsFile: hosts,
      serviceSwitchFile: run.switchText === undefined ? switchFile : customSwitch(dir, run.switchText),
      verbose: true,
      ...run.options,
    },
    macros,
    report: (d) => printDiagnostic(d, out, prefix),
    textSources: run.textSources,
  });
  const table = createMapTable(env);
  let configLevel = 0;
  let blankSub = ' ';
  cfText.split('\n').forEach((line, i) => {
    prefix = `${shortenString(cfPath, 83)}: line ${i + 1}: `;
    if (line.startsWith('V')) configLevel = parseInt(line.slice(1), 10) || 0;
    else if (line.startsWith('OB')) blankSub = line[2] ?? ' ';
    else if (line.startsWith('O BlankSub=')) blankSub = line.slice(11, 12) || ' ';
    else if (line.startsWith('K')) table.declare(line.slice(1), { blankSub, configLevel });
    else if (line.startsWith('O AliasFile=')) table.setAliasFiles(line.slice(12), { blankSub, configLevel });
  });
  prefix = '';
  table.addDefaultMaps({ blankSub, configLevel });
  const load = out.stdout;
  out.stdout = '';
  for (const line of input.split('\n')) {
    if (line === '' && input.endsWith('\n')) continue;
    out.stdout += '> ';
    mapCommand(line.replace(/[ \t\n\v\f\r]+$/, ''), table, (text) => void (out.stdout += text));
  }
  out.stdout += '> ';
  return { load, session: out.stdout, stderr: out.stderr };
}

const BANNER = 'Enter <ruleset> <address>\n';

/** A service switch file of our own (the sandbox's default says "hosts files"). */
function customSwitch(dir: string, text: string): string {
  const path = join(dir, 'custom.switch');
  writeFileSync(path, text);
  return path;
}

/** The oracle's side: sendmail -bt on the same .cf and input, split like ours. */
export function oracleTranscript(
  cfPath: string,
  input: string,
  dir: string,
  run: OurRunOptions = {},
): Transcript & { stderr: string } {
  const extraArgs =
    run.switchText === undefined ? [] : ['-O', `ServiceSwitchFile=${customSwitch(dir, run.switchText)}`];
  const r = runSendmailBt(cfPath, input, { dir, extraArgs });
  const at = r.stdout.indexOf(BANNER);
  const head = at < 0 ? r.stdout : r.stdout.slice(0, at);
  const load = head
    .split('\n')
    .filter((l) => l.startsWith(`${shortenString(cfPath, 83)}: line `))
    .map((l) => `${l}\n`)
    .join('');
  return { load, session: at < 0 ? '' : r.stdout.slice(at + BANNER.length), stderr: r.stderr };
}

/** Writes a .cf into dir (with a local mailer, so sendmail has nothing else to say). */
export function writeCf(dir: string, name: string, body: string): { path: string; text: string } {
  const text = `V10\nMlocal, P=/bin/true, F=lsDFMAw5:/|@q, A=true\n${body}`;
  const path = join(dir, name);
  writeFileSync(path, text, 'latin1');
  return { path, text };
}
