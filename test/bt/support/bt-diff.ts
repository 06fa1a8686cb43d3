// Running one test-mode session through sendmail -bt and through `mailcf test` in the same
// sandbox (hostname, hosts file, service switch), and splitting both transcripts per command so
// a difference names the probe that caused it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  SENDMAIL_ORACLE,
  runInSandbox,
  runSendmailBt,
  writeSandboxFiles,
  type HostIdentity,
  type RunResult,
} from '../../../src/oracle/oracles.js';
import { BT_TEST_ROOT, type Probe } from './probes.js';

export const REPO_ROOT = join(BT_TEST_ROOT, '..', '..');
/**
 * The CLI the differential tests run: bin/mailcf.js (which needs `npm run build`), or another
 * script taking the same arguments named by MAILCF_BT_CLI (handy for a quick bundle while
 * working).
 */
export const MAILCF_BIN = process.env.MAILCF_BT_CLI ?? join(REPO_ROOT, 'bin', 'mailcf.js');

/** The built CLI exists (differential tests run `node bin/mailcf.js`, which needs dist/). */
export function hasBuiltCli(): boolean {
  return process.env.MAILCF_BT_CLI !== undefined || existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'));
}

/**
 * The separator command put before every probe. Both tools answer it with the same one line,
 * which cannot be produced by anything else, so transcripts split cleanly even after a command
 * whose output does not end in a newline (/expand).
 */
export function markerCommand(i: number): string {
  return `=Zmailcf-probe-${i}`;
}

function markerAnswer(i: number): string {
  return `> Unknown "=" command ${markerCommand(i)}\n`;
}

export function sessionInput(probes: readonly Probe[]): string {
  return probes.map((p, i) => `${markerCommand(i)}\n${p.line}\n`).join('');
}

export interface SplitTranscript {
  /** Everything before the first marker: load-time messages, the banner. */
  preamble: string;
  /** The output that followed each probe (starting with its `> ` prompt); missing after /quit. */
  answers: (string | undefined)[];
}

export function splitTranscript(out: string, count: number): SplitTranscript {
  const answers: (string | undefined)[] = [];
  let at = out.indexOf(markerAnswer(0));
  const preamble = at < 0 ? out : out.slice(0, at);
  for (let i = 0; i < count; i++) {
    if (at < 0) {
      answers.push(undefined);
      continue;
    }
    const start = at + markerAnswer(i).length;
    const next = out.indexOf(markerAnswer(i + 1), start);
    answers.push(out.slice(start, next < 0 ? undefined : next));
    at = next;
  }
  return { preamble, answers };
}

export interface SessionOutcome {
  result: RunResult;
  split: SplitTranscript;
}

export interface SessionOptions {
  /** A private working directory (sandbox files are written there). */
  dir: string;
  extraArgs?: string[];
  /** Arguments for mailcf only (its own options, such as --map-source), before -C. */
  mailcfArgs?: string[];
  identity?: HostIdentity;
  timeoutMs?: number;
}

export function runSendmailSession(
  cf: string,
  probes: readonly Probe[],
  opts: SessionOptions,
): SessionOutcome {
  const result = runSendmailBt(cf, sessionInput(probes), opts);
  return { result, split: splitTranscript(result.stdout, probes.length) };
}

export function runMailcfSession(cf: string, probes: readonly Probe[], opts: SessionOptions): SessionOutcome {
  const { hosts, switchFile } = writeSandboxFiles(opts.dir, opts.identity);
  const argv = [
    process.execPath,
    MAILCF_BIN,
    'test',
    '-O',
    `ServiceSwitchFile=${switchFile}`,
    ...(opts.extraArgs ?? []),
    ...(opts.mailcfArgs ?? []),
    '-C',
    cf,
  ];
  const result = runInSandbox(argv, {
    input: sessionInput(probes),
    hostsFile: hosts,
    identity: opts.identity,
    timeoutMs: opts.timeoutMs,
  });
  return { result, split: splitTranscript(result.stdout, probes.length) };
}

/**
 * One whole session, unsplit: `input` to sendmail -bt and to mailcf test with the same `-C`
 * argument (given as is, so its bytes reach each tool alike), in the same sandbox.
 */
export function runBothTools(
  dir: string,
  cfArgument: string,
  input: string,
): { oracle: RunResult; ours: RunResult } {
  const { hosts, switchFile } = writeSandboxFiles(dir);
  const common = ['-O', `ServiceSwitchFile=${switchFile}`];
  const run = (argv: string[]) => runInSandbox(argv, { input, hostsFile: hosts });
  return {
    oracle: run([SENDMAIL_ORACLE, ...common, '-bt', '-C', cfArgument]),
    ours: run([process.execPath, MAILCF_BIN, 'test', ...common, '-C', cfArgument]),
  };
}

/** One probe whose answers differ. */
export interface ProbeMismatch {
  probe: Probe;
  expected: string | undefined;
  actual: string | undefined;
}

export interface SessionComparison {
  total: number;
  identical: number;
  mismatches: ProbeMismatch[];
  /** Differences outside the probes: preamble, standard error, exit status. */
  envelope: string[];
}

export function compareSessions(
  probes: readonly Probe[],
  oracle: SessionOutcome,
  ours: SessionOutcome,
): SessionComparison {
  const mismatches: ProbeMismatch[] = [];
  probes.forEach((probe, i) => {
    const expected = oracle.split.answers[i];
    const actual = ours.split.answers[i];
    if (expected !== actual) mismatches.push({ probe, expected, actual });
  });
  const envelope: string[] = [];
  if (oracle.split.preamble !== ours.split.preamble) {
    envelope.push(`preamble:\n--- sendmail\n${oracle.split.preamble}\n--- mailcf\n${ours.split.preamble}`);
  }
  if (oracle.result.stderr !== ours.result.stderr) {
    envelope.push(`stderr:\n--- sendmail\n${oracle.result.stderr}\n--- mailcf\n${ours.result.stderr}`);
  }
  if (oracle.result.status !== ours.result.status) {
    envelope.push(`exit status: sendmail ${oracle.result.status}, mailcf ${ours.result.status}`);
  }
  return { total: probes.length, identical: probes.length - mismatches.length, mismatches, envelope };
}

/** A readable report of the first few differences. */
export function describeComparison(
  c: SessionComparison,
  limit = Number(process.env.BT_DIFF_LIMIT ?? 8),
  maxChars = Infinity,
): string {
  const cut = (s: string): string =>
    s.length > maxChars ? `${s.slice(0, maxChars)}…(${s.length} chars)` : s;
  const show = (s: string | undefined): string => (s === undefined ? '<no answer>' : cut(JSON.stringify(s)));
  const lines = c.mismatches
    .slice(0, limit)
    .map(
      (m) =>
        `${m.probe.where}: ${cut(JSON.stringify(m.probe.line))}\n  sendmail: ${show(m.expected)}\n  mailcf:   ${show(m.actual)}`,
    );
  if (c.mismatches.length > limit) lines.push(`... and ${c.mismatches.length - limit} more`);
  return [...c.envelope.map(cut), ...lines].join('\n');
}
