#!/usr/bin/env node
// Runs every benchmark in bench/ (each bench/*.js but this one), one after another, each in its
// own Node process so that one's warm-up and memory do not colour the next one's figures.
// `npm run bench` builds first and then runs this; `node bench/run.js m4` runs only bench/m4.js.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SELF = basename(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const benchmarks = readdirSync(HERE)
  .filter((f) => f.endsWith('.js') && f !== SELF)
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.js$/, '')))
  .sort();

let failed = 0;
for (const file of benchmarks) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, [join(HERE, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${file} failed (${r.error?.message ?? `status ${r.status ?? r.signal}`})`);
  }
}
if (benchmarks.length === 0) console.log('bench/run.js: no benchmark matched');
process.exitCode = failed === 0 ? 0 : 1;
