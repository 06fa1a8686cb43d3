// Helpers the benchmarks share.
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The CLI every benchmark runs as a whole process. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'mailcf.js');

/** How many runs each figure is the best of. */
export const RUNS = Number(process.env.MAILCF_BENCH_RUNS ?? 3);

/** Runs fn once: its wall time in seconds and its result. */
export function timed(fn) {
  const start = performance.now();
  const r = fn();
  return { wall: (performance.now() - start) / 1000, r };
}

/** A digest of a finished process's standard output and status, to check two runs agree. */
export function digest(r) {
  return createHash('sha256').update(r.stdout, 'latin1').update('\0').update(String(r.status)).digest('hex');
}
