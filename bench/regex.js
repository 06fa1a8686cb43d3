#!/usr/bin/env node
// The regex engine against glibc's, through sendmail's regex maps: a .cf with regex maps of the
// kinds configurations use (ERE and BRE, case-folded or not, -s substrings, -n, a back-reference)
// and MAILCF_BENCH_LOOKUPS (default 20,000) /map lookups:
//   - in-process: the lookups through mailcf's map table alone (the engine's own speed, no test
//     mode around it), against sendmail -bt's whole process; target <= 1.0x;
//   - whole process: sendmail -bt and mailcf test in turn, in the differential tests' sandbox
//     (Node's start-up and test mode's own work bound mailcf here; reported). The transcripts
//     must be identical.
// Best wall time of N runs (MAILCF_BENCH_RUNS, default 3). Needs `npm run build`, root, sendmail.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, RUNS, digest, timed } from './support.js';
import {
  hasSendmailOracle,
  privateWorkDir,
  removeWorkDir,
  runInSandbox,
  runSendmailBt,
  writeSandboxFiles,
} from '../dist/oracle/oracles.js';
import { nodeMapEnvironment, simpleMacros } from '../dist/rules/maps/environment.js';
import { createMapTable } from '../dist/rules/maps/table.js';

const LOOKUPS = Number(process.env.MAILCF_BENCH_LOOKUPS ?? 20_000);

/** The maps: name and K line arguments after the class (a .cf needs `$$` for a dollar sign). */
const MAPS = [
  ['local', '-f ^[a-z][a-z0-9._-]*@(example\\.com|example\\.net)$$'],
  ['parts', '-s -d: ^([^@]+)@([^.]+)\\.(.*)$$'],
  ['spam', '-n ^(viagra|casino|lottery)[0-9]*@'],
  ['ipv4', '-s -d. ^\\[?([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\]?$$'],
  ['basic', '-b -s -d+ \\([a-z]*\\)+\\([a-z]*\\)@'],
  ['twice', '-s ^([a-z])\\1'],
  ['words', '-s -d: ^([[:alpha:]]+)[[:space:]_]*([[:alnum:]]{2,8})$$'],
];

/** A deterministic mix of keys that match some maps and not others. */
function keys(n) {
  const locals = ['user', 'first.last', 'a+b', 'postmaster', 'x_y', 'Casino7', 'aaron', 'bb_22'];
  const domains = ['example.com', 'example.net', 'sub.example.org', 'vm', 'mail.host.example'];
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i % 9 === 4) out.push(`[192.0.${i % 256}.${(i * 7) % 256}]`);
    else if (i % 9 === 7) out.push(`${locals[i % locals.length]}${i % 100}`);
    else out.push(`${locals[i % locals.length]}${i % 13}@${domains[(i * 3) % domains.length]}`);
  }
  return out;
}

/** The same lookups through the map table in this process: best of RUNS, seconds. */
function inProcess(lookups) {
  const env = nodeMapEnvironment({
    options: { verbose: false },
    macros: simpleMacros({}, () => {}),
    report: () => {},
  });
  const table = createMapTable(env);
  for (const [name, args] of MAPS)
    table.declare(`${name} regex ${args.replace(/\$\$/g, '$')}`, { blankSub: ' ', configLevel: 10 });
  let best = Infinity;
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    for (const [name, key] of lookups) table.testLookup(name, key, () => {});
    // The first round warms the JIT up and is not counted.
    if (i > 0) best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

function main() {
  const lookups = keys(LOOKUPS).map((key, i) => [MAPS[i % MAPS.length][0], key]);
  const engine = inProcess(lookups);
  console.log(
    `regex: mailcf's regex maps against sendmail's (glibc 2.36) (${process.version}), ${LOOKUPS} lookups`,
  );
  console.log(
    `  in-process (map table only): ${engine.toFixed(3)} s, ${((engine / LOOKUPS) * 1e6).toFixed(2)} us a lookup`,
  );
  if (!hasSendmailOracle()) {
    console.log('  sendmail 8.17 (as root, with unshare) is not here: the comparison is skipped');
    return;
  }
  const dir = privateWorkDir('bench-regex');
  try {
    const cf = join(dir, 'regex.cf');
    const body = MAPS.map(([name, args]) => `K${name} regex ${args}`).join('\n');
    writeFileSync(cf, `V10\nMlocal, P=/bin/true, F=lsDFMAw5:/|@q, A=true\n${body}\n`, { mode: 0o600 });
    const input = lookups.map(([name, key]) => `/map ${name} ${key}\n`).join('');
    const inputFile = join(dir, 'lookups.txt');
    writeFileSync(inputFile, input);
    const { hosts, switchFile } = writeSandboxFiles(dir);
    const sendmail = () => runSendmailBt(cf, input, { dir, timeoutMs: 600_000 });
    // mailcf reads the lookups from a file: a large input through a pipe can lose its first
    // chunk when standard input turns out non-blocking (src/cli/io.ts, reported).
    const command = [process.execPath, CLI, 'test', '-O', `ServiceSwitchFile=${switchFile}`, '-C', cf];
    const mailcf = () =>
      runInSandbox(['sh', '-c', 'exec "$@" < "$0"', inputFile, ...command], {
        hostsFile: hosts,
        timeoutMs: 600_000,
      });
    let best = { sendmail: Infinity, mailcf: Infinity };
    let same = true;
    for (let i = 0; i < RUNS; i++) {
      const s = timed(sendmail);
      const m = timed(mailcf);
      best = { sendmail: Math.min(best.sendmail, s.wall), mailcf: Math.min(best.mailcf, m.wall) };
      same &&= digest(s.r) === digest(m.r);
    }
    const ratio = (ours) => `${(ours / best.sendmail).toFixed(2)}x`;
    console.log(`  sendmail -bt, whole process: ${best.sendmail.toFixed(3)} s`);
    console.log(`  mailcf in-process against it: ${ratio(engine)} (target <= 1.0x)`);
    console.log(`  mailcf test, whole process: ${best.mailcf.toFixed(3)} s, ${ratio(best.mailcf)} (report)`);
    if (!same) console.log("warning: mailcf's transcript differs from sendmail's");
  } finally {
    removeWorkDir(dir);
  }
}

main();
