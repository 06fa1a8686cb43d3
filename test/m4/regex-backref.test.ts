// Back-references against GNU m4: gnulib finds what a reference may repeat with its own
// candidate search and sifting (src/regex/backref-*.ts), and on patterns with groups inside
// repetitions, alternatives and anchors that search misses matches or finds others. Random
// patterns built around references, and every case that ever disagreed, compared live.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patsubstBuiltin, regexpBuiltin, type RegexState } from '../../src/m4/regex.js';
import { spawnSync } from 'node:child_process';
import { M4_ORACLE, missingOracleNotice } from '../../src/oracle/oracles.js';
import { ORACLE_ENV_C, ORACLE_ENV_UTF8, disagreements, hasM4Oracle, type PureCall } from './pure-harness.js';

const R = (...args: string[]): PureCall => ({ name: 'regexp', args });
const P = (...args: string[]): PureCall => ({ name: 'patsubst', args });

/** Cases that disagreed once (found by the adversary, the corpus or the generator below). */
const FOUND: PureCall[] = [
  R('ba', '\\(a\\|b\\)*\\($\\|a\\)\\2'),
  R('ba', '\\(a\\|b\\)*\\($\\|a\\)\\2', '[\\&|\\1|\\2]'),
  R('b', '\\(b*\\)+\\1', '[\\&|\\1]'),
  P('abbbcd', '\\(a\\|\\)\\(b*\\)+\\2', '<\\&|\\1|\\2>'),
  R('aca', "\\(\\'\\|^\\)\\(\\(\\1\\)?\\)", '[\\&]'),
];

/** Cases that disagreed once in C.UTF-8: `.` reads a multibyte character whatever its context. */
const FOUND_UTF8: PureCall[] = [
  R('\n\n\xc3\xa9ba\n', "\\(\\'\\)?.\\1"),
  R('\xc3\xa9c\xc3\xa9a cab\n', "\\(\\'\\)?.\\1\\|\\>.+", '[\\&|\\1|\\2]'),
  P('a\xc3\xa9\na\xc3\xa9b', '\\(\\<\\`\\)*\\(a\\)\\(\\1\\)', '<\\&|\\1|\\2>'),
];

type Tree =
  | { kind: 'atom'; text: string }
  | { kind: 'ref'; group: number }
  | { kind: 'group'; body: Tree }
  | { kind: 'seq'; parts: Tree[] }
  | { kind: 'alt'; left: Tree; right: Tree }
  | { kind: 'rep'; body: Tree; op: string };

const ATOMS = [
  'a',
  'b',
  'c',
  '.',
  '[ab]',
  '[\xc3\xa9a]',
  '^',
  '$',
  '\\`',
  "\\'",
  '\\b',
  '\\B',
  '\\<',
  '\\>',
  '',
];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ expr: Tree; group: Tree }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...ATOMS).map((text): Tree => ({ kind: 'atom', text })),
    fc.constantFrom(1, 2).map((group): Tree => ({ kind: 'ref', group })),
    tie('group'),
    fc.array(tie('expr'), { maxLength: 4 }).map((parts): Tree => ({ kind: 'seq', parts })),
    fc.tuple(tie('expr'), tie('expr')).map(([left, right]): Tree => ({ kind: 'alt', left, right })),
    fc
      .tuple(fc.oneof(tie('group'), tie('expr')), fc.constantFrom('*', '+', '?'))
      .map(([body, op]): Tree => ({ kind: 'rep', body, op })),
  ),
  group: tie('expr').map((body): Tree => ({ kind: 'group', body })),
})).expr;

/** The pattern, with references only to groups already closed (others are invalid). */
function render(t: Tree): string {
  let groups = 0;
  const closed = new Set<number>();
  const walk = (node: Tree): string => {
    switch (node.kind) {
      case 'atom':
        return node.text;
      case 'ref':
        return closed.has(node.group) ? `\\${node.group}` : 'b';
      case 'group': {
        const index = ++groups;
        const body = walk(node.body);
        closed.add(index);
        return `\\(${body}\\)`;
      }
      case 'seq':
        return node.parts.map(walk).join('');
      case 'alt': {
        // Each alternative sees only the groups closed before the alternation.
        const before = new Set(closed);
        const left = walk(node.left);
        const afterLeft = [...closed];
        closed.clear();
        before.forEach((g) => closed.add(g));
        const right = walk(node.right);
        afterLeft.forEach((g) => closed.add(g));
        return `${left}\\|${right}`;
      }
      case 'rep': {
        const body = walk(node.body);
        // A repetition operator needs something to repeat: a one-character or grouped body.
        return node.body.kind === 'group' || (node.body.kind === 'atom' && node.body.text.length === 1)
          ? body + node.op
          : body;
      }
    }
  };
  return walk(t);
}

// At most two repetitions and three anchors: GNU compiles repetitions of anchors in
// exponential time (minutes for some).
const pattern = tree
  .map(render)
  .filter(
    (p) =>
      /\\[12]/.test(p) &&
      p.length < 60 &&
      (p.match(/[*+?]/g) ?? []).length <= 2 &&
      (p.match(/[$^]|\\[`'bB<>]/g) ?? []).length <= 3,
  );

const subject = fc
  .array(fc.constantFrom('a', 'b', 'c', 'a', 'b', ' ', '\n', '\xc3\xa9'), { maxLength: 9 })
  .map((chars) => chars.join(''));

const call = fc
  .tuple(fc.integer({ min: 0, max: 2 }), subject, pattern)
  .map(([kind, s, p]) =>
    kind === 0 ? R(s, p) : kind === 1 ? R(s, p, '[\\&|\\1|\\2]') : P(s, p, '<\\&|\\1|\\2>'),
  );

const builtin = (c: PureCall, state: RegexState) =>
  (c.name === 'regexp' ? regexpBuiltin : patsubstBuiltin)(c.name, c.args, state);

/** Runs our builtin; undefined when it runs out of JS stack (gnulib's recursion without end). */
function overflows(c: PureCall, charset: 'bytes' | 'utf8'): boolean {
  try {
    builtin(c, { charset, warnedZeroReference: false });
    return false;
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) return true;
    throw err;
  }
}

/** GNU m4 on one call alone: its messages. */
function gnuMessages(c: PureCall, env: NodeJS.ProcessEnv): string {
  const program = `${c.name}(${c.args.map((a) => `\x02${a}\x03`).join(',')})`;
  const r = spawnSync(M4_ORACLE, ['-'], {
    input: Buffer.from(`changequote(\x02,\x03)${program}`, 'latin1'),
    env,
  });
  return r.stderr.toString('latin1');
}

/**
 * The calls on which ours and GNU disagree. On some patterns with two references gnulib's
 * sifting recurses without end and GNU m4 dies with "stack overflow"; ours overflows the JS
 * stack there (the engine then says the same). Those calls are checked one by one.
 */
function differential(calls: PureCall[], charset: 'bytes' | 'utf8') {
  const env = charset === 'utf8' ? ORACLE_ENV_UTF8 : ORACLE_ENV_C;
  const deep = calls.filter((c) => overflows(c, charset));
  const problems: unknown[] = deep
    .filter((c) => !gnuMessages(c, env).endsWith('stack overflow\n'))
    .map((call) => ({ call, ours: 'stack overflow' }));
  const state: RegexState = { charset, warnedZeroReference: false };
  const rest = calls.filter((c) => !deep.includes(c));
  // In chunks: GNU takes seconds over some patterns (its closures grow exponentially).
  for (let i = 0; i < rest.length; i += 1000) {
    problems.push(
      ...disagreements(
        rest.slice(i, i + 1000),
        (c) => builtin(c, state),
        env,
        () => {
          state.warnedZeroReference = false;
        },
      ),
    );
  }
  return problems;
}

describe('back-references (what GNU m4 answers, without the oracle)', () => {
  const run = (c: PureCall): string => builtin(c, { charset: 'bytes', warnedZeroReference: false }).text;

  it('miss what gnulib misses: only the first node closing the group is tried', () => {
    expect(FOUND.slice(0, 4).map(run)).toEqual(['2', '[||]', '[|]', '<abb|a|b><||>b<||>c<||>d<||>']);
  });

  it('find no match where gnulib finds none', () => {
    expect(run(FOUND[4])).toBe('');
  });

  it('sift thousands of nested candidates without running out of stack', () => {
    expect(run(R('a'.repeat(5000), '\\(a\\)\\1*', '[\\&]'))).toBe(`[${'a'.repeat(5000)}]`);
  });

  it('give up as GNU m4 does where gnulib recurses without end', () => {
    expect(overflows(R('', '\\(\\)\\(\\)\\(\\1\\2\\)+'), 'bytes')).toBe(true);
  });
});

describe.skipIf(!hasM4Oracle())('back-references against GNU m4', () => {
  const runs = Number(process.env.MAILCF_BACKREF_RUNS ?? 400);
  const seed = Number(process.env.MAILCF_BACKREF_SEED ?? 4242);

  it('agree on the cases found before', () => {
    expect(differential(FOUND, 'bytes')).toEqual([]);
    expect(differential(FOUND_UTF8, 'utf8')).toEqual([]);
  });

  it('agree on random patterns with references (C locale)', () => {
    expect(differential(fc.sample(call, { seed, numRuns: runs }), 'bytes')).toEqual([]);
  });

  it('agree on random patterns with references (C.UTF-8)', () => {
    expect(differential(fc.sample(call, { seed: seed + 1, numRuns: runs }), 'utf8')).toEqual([]);
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}
