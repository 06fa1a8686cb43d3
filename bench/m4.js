#!/usr/bin/env node
// mailcf m4 against GNU m4 1.4.19, run in turn in one run:
//   (a) a heavy workload (bench/m4-heavy.m4: a 150,000-iteration loop of format, patsubst,
//       translit, recursion and $@ lists), whole process each; target mailcf <= 1.0x GNU;
//   (b) sendmail's library on generic-linux.mc, whole process each (Node's start-up bounds
//       mailcf here) and mailcf in-process (engine only, best of N) against GNU's whole
//       process; target in-process <= GNU's whole-process time.
// Each figure is the best of N runs (MAILCF_BENCH_RUNS, default 3), wall time and, where
// /usr/bin/time is there, CPU time (user + system), which a busy machine disturbs less.
// Needs `npm run build` (npm run bench does it). MAILCF_BENCH_ITERATIONS changes (a)'s size.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CLI, RUNS } from './support.js';
import { memoryIO } from '../dist/cli/io.js';
import { runM4Command } from '../dist/cli/m4.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const GNU_M4 = '/usr/bin/m4';
const CF_DIR = '/usr/share/sendmail/cf/cf';
const TIME = '/usr/bin/time';
const WARMUP = Number(process.env.MAILCF_BENCH_WARMUP ?? 10);
const ITERATIONS = Number(process.env.MAILCF_BENCH_ITERATIONS ?? 150_000);
const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };

/**
 * One whole-process run: wall seconds, CPU seconds (or NaN) and a digest of its output. The
 * wall time comes from a run of its own, so /usr/bin/time's extra process is not counted.
 */
function runProcess(file, args, { cwd, argv0 } = {}) {
  const start = performance.now();
  const r = spawnSync(file, args, { cwd, env: ENV, argv0, maxBuffer: 1 << 30 });
  const wall = (performance.now() - start) / 1000;
  if (r.error) throw r.error;
  return { wall, cpu: cpuSeconds(file, args, cwd), status: r.status, digest: digest(r.stdout, r.stderr) };
}

/** User + system CPU seconds of one more run, from /usr/bin/time (NaN where it is missing). */
function cpuSeconds(file, args, cwd) {
  if (!existsSync(TIME)) return NaN;
  const timing = mkdtempSync(join(tmpdir(), 'mailcf-bench-'));
  try {
    const r = spawnSync(TIME, ['-f', '%U %S', '-o', join(timing, 'cpu'), file, ...args], {
      cwd,
      env: ENV,
      maxBuffer: 1 << 30,
    });
    if (r.error) throw r.error;
    const [user, system] = readFileSync(join(timing, 'cpu'), 'utf8').trim().split(/\s+/).map(Number);
    return user + system;
  } finally {
    rmSync(timing, { recursive: true, force: true });
  }
}

/** A digest of the output, without the .cf header lines that name the run's time and place. */
function digest(stdout, stderr) {
  const stable = stdout.toString('latin1').replace(/^(##### built by |##### in ).*$/gm, '$1');
  return createHash('sha256').update(stable, 'latin1').update('\0').update(stderr).digest('hex');
}

/** mailcf's engine in this process: wall and CPU seconds of one expansion. */
async function runInProcess(args, cwd) {
  const io = memoryIO('', { cwd, env: { ...ENV } });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const status = await runM4Command([...args], io);
  const wall = (performance.now() - start) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  return {
    wall,
    cpu: (cpuUsed.user + cpuUsed.system) / 1e6,
    status,
    digest: digest(Buffer.from(io.out(), 'latin1'), Buffer.from(io.err(), 'latin1')),
  };
}

/** Best of RUNS for each of two runners, taken in turn so that a drifting machine hits both alike. */
async function bestOfBoth(runGnu, runOurs) {
  let gnu;
  let ours;
  const better = (old, r) =>
    !old || r.wall < old.wall
      ? { ...r, cpu: Math.min(r.cpu, old?.cpu ?? Infinity) }
      : { ...old, cpu: Math.min(r.cpu, old.cpu) };
  for (let i = 0; i < RUNS; i++) {
    gnu = better(gnu, await runGnu());
    ours = better(ours, await runOurs());
  }
  return { gnu, ours };
}

const seconds = (s) => (Number.isNaN(s) ? '-' : `${s.toFixed(3)} s`);
const ratio = (ours, gnu) => (Number.isNaN(ours) || Number.isNaN(gnu) ? '-' : `${(ours / gnu).toFixed(2)}x`);

async function main() {
  if (!existsSync(GNU_M4)) {
    console.log('bench/m4.js: GNU m4 is not installed, nothing to compare with (apt-get install m4)');
    return;
  }
  const rows = [];
  // The library first: the heavy runs' captured output would grow this process, and a bigger
  // process starts commands (the library's syscmd, GNU m4 itself) more slowly.
  if (existsSync(join(CF_DIR, 'generic-linux.mc'))) {
    const cfArgs = ['../m4/cf.m4', 'generic-linux.mc'];
    // Warm-up: module loading and the JIT compiling the engine are start-up, not its speed.
    for (let i = 0; i < WARMUP; i++) await runInProcess(cfArgs, CF_DIR);
    const gnuProcess = () => runProcess(GNU_M4, cfArgs, { cwd: CF_DIR, argv0: 'm4' });
    const inProcess = await bestOfBoth(gnuProcess, () => runInProcess(cfArgs, CF_DIR));
    const whole = await bestOfBoth(gnuProcess, () =>
      runProcess(process.execPath, [CLI, 'm4', ...cfArgs], { cwd: CF_DIR }),
    );
    rows.push({ name: '(b) generic-linux.mc, whole process', ...whole, target: 'report' });
    rows.push({
      name: '(b) generic-linux.mc, mailcf in-process',
      ...inProcess,
      target: "<= 1.00x GNU's whole process",
    });
  } else {
    console.log(
      `bench/m4.js: ${CF_DIR}/generic-linux.mc is missing (apt-get install sendmail-cf); (b) skipped`,
    );
  }

  const heavyArgs = [`-DITERATIONS=${ITERATIONS}`, join(HERE, 'm4-heavy.m4')];
  const heavy = await bestOfBoth(
    () => runProcess(GNU_M4, heavyArgs, { argv0: 'm4' }),
    () => runProcess(process.execPath, [CLI, 'm4', ...heavyArgs]),
  );
  rows.unshift({
    name: `(a) heavy loop (${ITERATIONS.toLocaleString('en-US')}), whole process`,
    ...heavy,
    target: '<= 1.00x wall',
  });

  const header = [
    'benchmark (best of ' + RUNS + ')',
    'GNU wall',
    'mailcf wall',
    'ratio',
    'GNU cpu',
    'mailcf cpu',
  ];
  const table = rows.map((r) => [
    r.name,
    seconds(r.gnu.wall),
    seconds(r.ours.wall),
    ratio(r.ours.wall, r.gnu.wall),
    seconds(r.gnu.cpu),
    seconds(r.ours.cpu),
    r.target,
  ]);
  header.push('target');
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`m4: mailcf against GNU m4 1.4.19 (${process.version})`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  for (const r of rows) {
    if (r.gnu.digest !== r.ours.digest || r.gnu.status !== r.ours.status) {
      console.log(`warning: ${r.name}: mailcf's output or status differs from GNU m4's`);
    }
  }
}

await main();
