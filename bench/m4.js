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
import { memoryIO } from '../dist/cli/io.js';
import { runM4Command } from '../dist/cli/m4.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', 'bin', 'mailcf.js');
const GNU_M4 = '/usr/bin/m4';
const CF_DIR = '/usr/share/sendmail/cf/cf';
const TIME = '/usr/bin/time';
const RUNS = Number(process.env.MAILCF_BENCH_RUNS ?? 3);
const ITERATIONS = Number(process.env.MAILCF_BENCH_ITERATIONS ?? 150_000);
const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };

/** One whole-process run: wall seconds, CPU seconds (or NaN) and a digest of its output. */
function runProcess(file, args, { cwd, argv0 } = {}) {
  const timing = existsSync(TIME) ? mkdtempSync(join(tmpdir(), 'mailcf-bench-')) : undefined;
  const timed = timing ? [TIME, ['-f', '%U %S', '-o', join(timing, 'cpu'), file, ...args]] : [file, args];
  const start = performance.now();
  const r = spawnSync(timed[0], timed[1], {
    cwd,
    env: ENV,
    argv0: timing ? undefined : argv0,
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - start) / 1000;
  if (r.error) throw r.error;
  let cpu = NaN;
  if (timing) {
    const [user, system] = readFileSync(join(timing, 'cpu'), 'utf8').trim().split(/\s+/).map(Number);
    cpu = user + system;
    rmSync(timing, { recursive: true, force: true });
  }
  return { wall, cpu, status: r.status, digest: digest(r.stdout, r.stderr) };
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

async function best(run) {
  let fastest;
  for (let i = 0; i < RUNS; i++) {
    const r = await run();
    if (!fastest || r.wall < fastest.wall) fastest = { ...r, cpu: Math.min(r.cpu, fastest?.cpu ?? Infinity) };
  }
  return fastest;
}

const seconds = (s) => (Number.isNaN(s) ? '-' : `${s.toFixed(3)} s`);
const ratio = (ours, gnu) => (Number.isNaN(ours) || Number.isNaN(gnu) ? '-' : `${(ours / gnu).toFixed(2)}x`);

async function main() {
  if (!existsSync(GNU_M4)) {
    console.log('bench/m4.js: GNU m4 is not installed, nothing to compare with (apt-get install m4)');
    return;
  }
  const rows = [];
  const heavyArgs = [`-DITERATIONS=${ITERATIONS}`, join(HERE, 'm4-heavy.m4')];
  const heavyGnu = await best(() => runProcess(GNU_M4, heavyArgs, { argv0: 'm4' }));
  const heavyOurs = await best(() => runProcess(process.execPath, [CLI, 'm4', ...heavyArgs]));
  rows.push({
    name: `(a) heavy loop (${ITERATIONS.toLocaleString('en-US')}), whole process`,
    gnu: heavyGnu,
    ours: heavyOurs,
    target: '<= 1.00x wall',
  });

  if (existsSync(join(CF_DIR, 'generic-linux.mc'))) {
    const cfArgs = ['../m4/cf.m4', 'generic-linux.mc'];
    const cfGnu = await best(() => runProcess(GNU_M4, cfArgs, { cwd: CF_DIR, argv0: 'm4' }));
    const cfOurs = await best(() => runProcess(process.execPath, [CLI, 'm4', ...cfArgs], { cwd: CF_DIR }));
    await runInProcess(cfArgs, CF_DIR); // warm-up: module loading and JIT are not the engine's speed
    const cfInProcess = await best(() => runInProcess(cfArgs, CF_DIR));
    rows.push({ name: '(b) generic-linux.mc, whole process', gnu: cfGnu, ours: cfOurs, target: 'report' });
    rows.push({
      name: '(b) generic-linux.mc, mailcf in-process',
      gnu: cfGnu,
      ours: cfInProcess,
      target: "<= 1.00x GNU's whole process",
    });
  } else {
    console.log(
      `bench/m4.js: ${CF_DIR}/generic-linux.mc is missing (apt-get install sendmail-cf); (b) skipped`,
    );
  }

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
