// The .cf corpus, built once per test run and shared by every bt test file. Vitest runs each
// file in its own fork of one main process, so the main process's pid names the run; a
// corpus left behind by a run that has ended is removed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  buildCfCorpus,
  CORPUS_MAP_NAMES,
  type CfCorpus,
  type CorpusCf,
  type McSource,
} from '../../../src/bt/oracle-corpus.js';
import { removeWorkDir } from '../../../src/oracle/oracles.js';
import { BT_TEST_ROOT } from './probes.js';

const CACHE_BASE = join(homedir(), '.cache', 'mailcf-oracle');
const PREFIX = 'bt-corpus-run';

/** Our own .mc files that switch on the map features the samples leave off. */
export function ourMcFiles(): McSource[] {
  const dir = join(BT_TEST_ROOT, 'mc');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mc'))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), path: join(dir, f) }));
}

/**
 * Our hand-written fixtures (test/bt/fixtures) are copied into the corpus (a private directory,
 * which sendmail's safefile accepts for the files they name, such as an aliases file); their
 * .cf files join the corpus as "fixture-NAME", with @FIXTURES@ standing for that copy.
 */
function copyFixtures(dir: string): void {
  const from = join(BT_TEST_ROOT, 'fixtures');
  const to = join(dir, 'fixtures');
  mkdirSync(to, { mode: 0o700 });
  for (const f of readdirSync(from)) {
    const text = readFileSync(join(from, f), 'latin1').replaceAll('@FIXTURES@', to);
    writeFileSync(join(to, f), text, { encoding: 'latin1', mode: 0o600 });
    if (f.endsWith('.cf'))
      writeFileSync(join(dir, 'cf', `fixture-${f}`), text, { encoding: 'latin1', mode: 0o600 });
  }
}

/** The text sources of the maps, from test/bt/maps. */
export function mapSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CORPUS_MAP_NAMES) out[name] = readFileSync(join(BT_TEST_ROOT, 'maps', name), 'latin1');
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function removeStaleCorpora(): void {
  if (!existsSync(CACHE_BASE)) return;
  for (const entry of readdirSync(CACHE_BASE)) {
    const m = new RegExp(`^${PREFIX}-(\\d+)$`).exec(entry);
    if (m && !alive(Number(m[1]))) removeWorkDir(join(CACHE_BASE, entry));
  }
}

let memo: CfCorpus | undefined;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The corpus for this run. The first test file to get here creates the run's directory (mkdir
 * is atomic) and builds into it; the others wait for its `done` file. The .cf files name their
 * map directory by absolute path, so the corpus is built where it lives.
 */
export function runCorpus(): CfCorpus {
  if (memo) return memo;
  const dir = join(CACHE_BASE, `${PREFIX}-${process.ppid}`);
  const done = join(dir, 'done');
  const failed = join(dir, 'failed');
  let builder = false;
  try {
    mkdirSync(CACHE_BASE, { recursive: true, mode: 0o700 });
    mkdirSync(dir, { mode: 0o700 });
    builder = true;
  } catch {
    builder = false;
  }
  if (builder) {
    removeStaleCorpora();
    try {
      buildCfCorpus(dir, { mapSources: mapSources(), extraMc: ourMcFiles() });
      copyFixtures(dir);
    } catch (err) {
      writeFileSync(failed, String(err));
      throw err;
    }
    writeFileSync(done, '');
  } else {
    for (let waited = 0; !existsSync(done); waited += 100) {
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'latin1'));
      if (waited > 120_000) throw new Error(`the bt corpus in ${dir} was never finished`);
      sleepMs(100);
    }
  }
  memo = loadCorpus(dir);
  return memo;
}

function loadCorpus(dir: string): CfCorpus {
  const cfDir = join(dir, 'cf');
  const configs: CorpusCf[] = readdirSync(cfDir)
    .filter((f) => f.endsWith('.cf'))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), cfPath: join(cfDir, f), m4Stderr: '' }));
  return { dir, mapDir: join(dir, 'maps'), configs };
}
