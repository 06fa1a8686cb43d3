// Property-based differential test of regex maps: random patterns and keys (fixed seed) looked
// up through sendmail -bt and through our maps, with -s so every submatch shows in the answer.
// The grammar leaves out what makes glibc itself loop or misbehave (repetition of something
// that can match nothing, anchors inside repeated groups, back-references), since sendmail
// would hang or answer wrongly there too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasSendmailOracle,
  missingOracleNotice,
  privateWorkDir,
  removeWorkDir,
} from '../../../src/oracle/oracles.js';
import { oracleTranscript, ourTranscript, writeCf } from './harness.js';

const haveOracle = hasSendmailOracle();
if (!haveOracle) console.warn(missingOracleNotice('sendmail 8.17 (with root and unshare)'));

const RUNS = Number(process.env.MAILCF_REGEX_RUNS ?? 120);

/** A pattern and whether it can match the empty string. */
interface Piece {
  text: string;
  nullable: boolean;
}

const atom: fc.Arbitrary<Piece> = fc.constantFrom(
  { text: 'a', nullable: false },
  { text: 'b', nullable: false },
  { text: 'c', nullable: false },
  { text: 'A', nullable: false },
  { text: '.', nullable: false },
  { text: '[ab]', nullable: false },
  { text: '[^a]', nullable: false },
  { text: '[[:alpha:]]', nullable: false },
  { text: '[a-c]', nullable: false },
  { text: '\\w', nullable: false },
);

const piece: fc.Arbitrary<Piece> = fc.letrec<{ p: Piece }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('p'), tie('p')).map(([x, y]) => ({
      text: x.text + y.text,
      nullable: x.nullable && y.nullable,
    })),
    fc.tuple(tie('p'), tie('p')).map(([x, y]) => ({
      text: `(${x.text}|${y.text})`,
      nullable: x.nullable || y.nullable,
    })),
    tie('p').map((x) => ({ text: `(${x.text})`, nullable: x.nullable })),
    fc.tuple(tie('p'), fc.constantFrom('*', '+', '?', '{2}', '{1,2}', '{0,2}')).map(([x, q]) => {
      // Repeating something that can match nothing is where glibc goes wrong; avoid it.
      if (x.nullable) return x;
      const body = x.text.length === 1 || /^\(.*\)$/.test(x.text) ? x.text : `(${x.text})`;
      return { text: body + q, nullable: q === '*' || q === '?' || q === '{0,2}' };
    }),
  ),
})).p;

const pattern = fc.tuple(
  fc.constantFrom('', '^'),
  piece,
  fc.constantFrom('', '$'),
  fc.constantFrom('', '-f ', '-b ', '-b -f '),
);
const subject = fc.stringMatching(/^[abcAB]{0,6}$/);

describe.skipIf(!haveOracle)('regex maps against sendmail -bt (random patterns)', () => {
  let dir = '';
  beforeAll(() => {
    dir = privateWorkDir('maps-regex');
    mkdirSync(join(dir, 'x'), { recursive: true });
  });
  afterAll(() => {
    if (dir) removeWorkDir(dir);
  });

  it(`agrees on ${RUNS} patterns with 4 keys each`, () => {
    const cases = fc.sample(fc.tuple(pattern, fc.array(subject, { minLength: 4, maxLength: 4 })), {
      seed: 20240611,
      numRuns: RUNS,
    });
    const lines: string[] = [];
    const lookups: string[] = [];
    cases.forEach(([[pre, p, post, flags], keys], i) => {
      lines.push(`Kr${i} regex ${flags}-s -d: ${pre}${p.text}${post}`);
      for (const k of keys) lookups.push(`/map r${i} ${k === '' ? 'x' : k}`);
    });
    const cf = writeCf(dir, 'regex.cf', lines.join('\n') + '\n');
    const input = lookups.join('\n') + '\n';
    const theirs = oracleTranscript(cf.path, input, dir);
    const ours = ourTranscript(cf.path, cf.text, input, dir);
    expect(ours.load).toBe(theirs.load);
    const a = ours.session.split('\n');
    const b = theirs.session.split('\n');
    const differ = a
      .map((line, i) => ({ line, theirs: b[i], pattern: lines[Math.floor(i / 4)] }))
      .filter((d) => d.line !== d.theirs);
    expect(differ).toEqual([]);
    expect(a.length).toBe(b.length);
  });
});
