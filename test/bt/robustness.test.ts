// Robustness: random bytes and lines fed in process to the .cf loader and to test mode. Nothing
// may throw or hang; with the oracle present, every transcript (per command), the standard
// error and the exit status must be sendmail's. Fixed seed and a modest count; BT_ROBUST_RUNS
// and BT_ROBUST_SEED for longer runs. Inputs that ever disagreed belong in a probe file.
import fc from 'fast-check';
import { copyFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runTest } from '../../src/bt/run.js';
import { canBuildCorpus } from '../../src/bt/oracle-corpus.js';
import { hasSendmailOracle, privateWorkDir, removeWorkDir } from '../../src/oracle/oracles.js';
import {
  compareSessions,
  describeComparison,
  runSendmailSession,
  sessionInput,
  splitTranscript,
  type SessionOutcome,
} from './support/bt-diff.js';
import { randomCommand } from './support/generators.js';
import type { Probe } from './support/probes.js';
import { sandboxRun } from './support/sandbox-system.js';
import { randomCf } from './support/random-cf.js';
import { TINY_CF } from './support/fake-system.js';
import { runCorpus } from './support/corpus-cache.js';

const RUNS = Number(process.env.BT_ROBUST_RUNS ?? 1);
const SEED = Number(process.env.BT_ROBUST_SEED ?? 20251126);
const oracle = hasSendmailOracle();
const dir = privateWorkDir('bt-robust');
afterAll(() => removeWorkDir(dir));
const sandbox = sandboxRun(dir);

/** Any byte but the newline that ends a command. */
const anyByte = fc
  .integer({ min: 0, max: 255 })
  .filter((b) => b !== 0x0a)
  .map((b) => String.fromCharCode(b));
const noise = fc.string({ unit: anyByte, maxLength: 40 });
const longRun = fc
  .tuple(
    fc.constantFrom('a', '(', '<', '"', '\\', '$', '@', '.', ' ', ',', '\x80', '\xff', '\x01'),
    fc.integer({ min: 200, max: 3000 }),
  )
  .map(([c, n]) => c.repeat(n));
const prefix = fc.constantFrom(
  '3,0 ',
  '0 ',
  'canonify,parse ',
  '/parse ',
  '/try esmtp ',
  '/try local ',
  '/sender ',
  '/canon ',
  '/mx ',
  '/map host ',
  '/map dequote ',
  '/header ',
  '/expand ',
  '.D',
  '.C',
  '$',
  '$=',
  '=S',
  '/tryflags ',
  '',
);
/** A command with bytes spliced in at random places. */
const mutated = fc
  .tuple(randomCommand, fc.array(fc.tuple(fc.nat(), fc.oneof(noise, longRun)), { maxLength: 2 }))
  .map(([cmd, edits]) =>
    edits.reduce((s, [at, text]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + text + s.slice(i);
    }, cmd),
  );

/**
 * Debug settings are left out: their output beyond rule traces is not reproduced (and a pattern
 * matching sendmail's own heap checks makes it fail allocations), as are $b and $i (the time).
 */
function sendable(line: string): string {
  const rest = line.replace(/^ +/, '');
  if (rest.startsWith('-') || /^\$[bi]/.test(rest)) return `#${line}`;
  return line;
}

const command = fc
  .oneof(
    randomCommand,
    mutated,
    fc.tuple(prefix, noise).map(([p, n]) => p + n),
    fc.tuple(prefix, longRun).map(([p, n]) => p + n),
    noise,
  )
  .map(sendable);

/** mailcf test in process, shaped like a sandboxed run. */
async function inProcess(cfPath: string, probes: readonly Probe[]): Promise<SessionOutcome> {
  const io = memoryIO(sessionInput(probes));
  const argv = [...sandbox.args, ...sandbox.ownArgs, '-C', cfPath];
  const status = await runTest(argv, io, sandbox.system);
  const result = { stdout: io.out(), stderr: io.err(), status };
  return { result, split: splitTranscript(result.stdout, probes.length) };
}

async function check(cfPath: string, probes: Probe[], mustRunToEnd = false): Promise<void> {
  const ours = await inProcess(cfPath, probes);
  expect(Number.isInteger(ours.result.status)).toBe(true);
  // the session ran to its end (a test that stopped early would compare nothing)
  if (mustRunToEnd) expect(ours.split.answers.filter((a) => a !== undefined).length).toBe(probes.length);
  expect(ours.result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  if (!oracle) return;
  const theirs = runSendmailSession(cfPath, probes, { dir, extraArgs: sandbox.args });
  const c = compareSessions(probes, theirs, ours);
  if (c.mismatches.length + c.envelope.length > 0 && process.env.BT_ROBUST_KEEP) {
    const keep = join(process.env.BT_ROBUST_KEEP, basename(cfPath));
    copyFileSync(cfPath, keep);
    writeFileSync(`${keep}.in`, probes.map((p) => `${p.line}\n`).join(''), 'latin1');
  }
  expect(c.mismatches.length + c.envelope.length, describeComparison(c, 8, 400)).toBe(0);
}

const LOADER_INPUT = [
  '3,0 a@b',
  '=S0',
  '=S3',
  '=M',
  '$=w',
  '$j',
  '/parse x@y',
  '/try local u',
  'canonify,parse u@v',
];

describe(`robustness${oracle ? ' (against sendmail)' : ''}`, () => {
  // a small hand-written .cf, and sendmail's generic one when GNU m4 and the cf library are here
  const configs = [{ name: 'tiny', path: join(dir, 'tiny.cf') }];
  copyFileSync(TINY_CF, configs[0]!.path);
  if (canBuildCorpus()) {
    const generic = runCorpus().configs.find((c) => c.name === 'generic-linux');
    if (generic) configs.push({ name: 'generic-linux', path: generic.cfPath });
  }
  for (const cf of configs) {
    it(`test mode, ${cf.name}: ${150 * RUNS} random command lines (seed ${SEED})`, async () => {
      const lines = fc.sample(command, { seed: SEED, numRuns: 150 * RUNS });
      await check(
        cf.path,
        lines.map((line, i) => ({ line, where: `command#${i}` })),
        true,
      );
    }, 120_000);
  }

  it(`loader: ${20 * RUNS} random .cf files (seed ${SEED})`, async () => {
    const files = fc.sample(randomCf, { seed: SEED, numRuns: 20 * RUNS });
    for (const [i, text] of files.entries()) {
      const cfPath = join(dir, `random-${i}.cf`);
      writeFileSync(cfPath, text, 'latin1');
      await check(
        cfPath,
        LOADER_INPUT.map((line) => ({ line, where: `random-${i}.cf: ${line}` })),
      );
    }
  }, 300_000);
});
