// --map-source "MAPFILE=SOURCE [makemap options]": a hash map served from a makemap text source
// named on the command line, read with the makemap options the database was built with. In
// process (no oracle: there is no database at all), and against sendmail -bt reading the
// database makemap built from the same source.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTest } from '../../src/bt/run.js';
import { MAKEMAP } from '../../src/bt/oracle-corpus.js';
import { memoryIO } from '../../src/cli/io.js';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../src/oracle/oracles.js';
import {
  compareSessions,
  describeComparison,
  hasBuiltCli,
  runMailcfSession,
  runSendmailSession,
} from './support/bt-diff.js';
import { fakeSystem } from './support/fake-system.js';

// Colon-separated, keys kept as written: built with `makemap -f -t : hash`.
const SOURCE =
  '# keys as written, values after the first colon\nAlpha:one\nbeta:two words\ngamma delta:three:four\n' +
  'Case:upper\ncase:lower\n';
const MAKEMAP_OPTIONS = '-f -t :';

const COMMANDS = [
  '/map colon Alpha',
  '/map colon alpha',
  '/map colon beta',
  '/map colon gamma delta',
  '/map colon Case',
  '/map colon case',
  '/map colon nosuch',
  'Lookup Alpha',
  'Lookup nosuch',
];

const work = privateWorkDir('bt-map-source');
const dbDir = join(work, 'db');
mkdirSync(dbDir, { recursive: true, mode: 0o700 });
const mapFile = join(dbDir, 'colonmap');
const sourceFile = join(work, 'colon.txt');
writeFileSync(sourceFile, SOURCE, { mode: 0o600 });
const cfFile = join(work, 'colon.cf');
writeFileSync(
  cfFile,
  `V10\nKcolon hash -f ${mapFile}\nSLookup\nR$+\t\t$: $(colon $1 $: none $)\n` +
    'S0\nR$*\t\t$#local $: $1\nMlocal, P=/bin/true, F=lsDFMq, S=0, R=0, A=true $u\n',
  { mode: 0o600 },
);
const mapSource = ['--map-source', `${mapFile}=${sourceFile} ${MAKEMAP_OPTIONS}`];

afterAll(() => removeWorkDir(work));

async function run(argv: string[], input: string) {
  const io = memoryIO(input);
  const status = await runTest(argv, io, fakeSystem());
  return { status, out: io.out(), err: io.err() };
}

describe('mailcf test --map-source', () => {
  it('serves a hash map from the text source with makemap options (no database needed)', async () => {
    const r = await run([...mapSource, '-C', cfFile], COMMANDS.slice(0, 7).join('\n') + '\n');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out.split('\n').slice(2)).toEqual([
      '> map_lookup: colon (Alpha) returns one (0)',
      '> map_lookup: colon (alpha) no match (0)',
      '> map_lookup: colon (beta) returns two words (0)',
      '> map_lookup: colon (gamma delta) returns three:four (0)',
      '> map_lookup: colon (Case) returns upper (0)',
      '> map_lookup: colon (case) returns lower (0)',
      '> map_lookup: colon (nosuch) no match (0)',
      '> ',
    ]);
  });

  it("without it the map file is missing: sendmail's syserr with errno, exit status 71", async () => {
    const r = await run(['-C', cfFile], '/map colon Alpha\n');
    expect(r.out).toContain(
      `> hash map "colon": missing map file ${mapFile}.db: No such file or directory\n` +
        'map_lookup: colon (Alpha) no match (75)\n',
    );
    expect(r.status).toBe(71);
  });
});

const canCompare = hasSendmailOracle() && existsSync(MAKEMAP);

describe('mailcf test --map-source against sendmail -bt', () => {
  if (!canCompare) {
    it.skip(
      missingOracleNotice('sendmail 8.17 and makemap (with root and unshare for the sandbox)'),
      () => {},
    );
    return;
  }

  it('answers as sendmail answers from the database makemap built', () => {
    expect(hasBuiltCli()).toBe(true);
    const made = spawnSync(MAKEMAP, [...MAKEMAP_OPTIONS.split(' '), 'hash', mapFile], { input: SOURCE });
    expect(made.status, made.stderr.toString()).toBe(0);
    const probes = COMMANDS.map((line, i) => ({ line, where: `map-source:${i + 1}` }));
    const oracle = runSendmailSession(cfFile, probes, { dir: work });
    const ours = runMailcfSession(cfFile, probes, { dir: work, mailcfArgs: mapSource });
    const c = compareSessions(probes, oracle, ours);
    expect(c.mismatches.length + c.envelope.length, describeComparison(c)).toBe(0);
    // the database alone is not enough: mailcf needs the text source
    const without = runMailcfSession(cfFile, probes, { dir: work });
    expect(compareSessions(probes, oracle, without).identical).toBeLessThan(probes.length);
  });
});
