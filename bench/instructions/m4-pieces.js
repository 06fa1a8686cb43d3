#!/usr/bin/env node
// Instructions an iteration, GNU m4 against mailcf, for the pieces of bench/m4-heavy.m4's loop:
// exact where timings on a shared machine drift by more than the change being judged. Each
// piece is the loop with one kind of body; a count is the difference between 5,000 and 10,000
// iterations under valgrind (callgrind), mailcf under `node --predictable` (single-threaded,
// compiling on the main thread) so that its counts repeat to the instruction. Several minutes;
// not part of `npm run bench`. Needs valgrind, GNU m4 and `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support.js';

const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };
const LOOP =
  "define(`walk', `ifelse(`$#', `1', `[$1]', `walk(shift($@))')')\n" +
  "define(`step', `BODY')\n" +
  "define(`loop', `ifelse(`$1', `0', `', `step(`$1', eval(`$1 % 7'))loop(decr(`$1'))')')\n" +
  'loop(COUNT)dnl\n';
/** The body of `step` for each piece, counted net of the bare loop (whose body is empty). */
const PIECES = {
  '$@ walk': "walk(`$1', `two', `three', `$2')",
  format: "format(`%06d:%-4s|', `$1', `x$2')`'",
  translit: "translit(`$1abc', `0-9a-c', `j-sA-C')`'",
  patsubst: "patsubst(`item-$1-end', `-\\([0-9]+\\)-', `<\\1>')`'",
  dnl: "`'dnl\n",
};

/** Instructions valgrind counts for one run. */
function instructions(args) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...args], {
    env: ENV,
    encoding: 'latin1',
    maxBuffer: 1 << 28,
  });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`valgrind ${args.join(' ')}: no count\n${r.stderr}`);
  return Number(m[1].replace(/,/g, ''));
}

function perIteration(dir, body, command) {
  const files = [5000, 10000].map((count) => {
    const file = join(dir, `loop-${count}.m4`);
    writeFileSync(file, LOOP.replace('BODY', body).replace('COUNT', String(count)), 'latin1');
    return file;
  });
  const [a, b] = files.map((file) => instructions([...command, file]));
  return Math.round((b - a) / 5000);
}

if (spawnSync('valgrind', ['--version']).error || !existsSync('/usr/bin/m4')) {
  console.log('bench/instructions/m4-pieces.js: needs valgrind and GNU m4 (apt-get install valgrind m4)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'mailcf-pieces-'));
  try {
    const gnu = ['/usr/bin/m4'];
    const ours = ['--smc-check=all-non-file', process.execPath, '--predictable', CLI, 'm4'];
    const bare = { gnu: perIteration(dir, '', gnu), ours: perIteration(dir, '', ours) };
    const row = (name, g, o) =>
      console.log(
        `${name.padEnd(30)} ${String(g).padStart(7)}  ${String(o).padStart(7)}  ${(o / g).toFixed(2)}x`,
      );
    console.log('piece (net of the bare loop)   GNU m4   mailcf   ratio');
    row('bare loop', bare.gnu, bare.ours);
    for (const [name, body] of Object.entries(PIECES)) {
      row(name, perIteration(dir, body, gnu) - bare.gnu, perIteration(dir, body, ours) - bare.ours);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
