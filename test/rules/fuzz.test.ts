// Property-based differential tests: random addresses through the scanner, and random small
// rulesets through the matcher and rewriter, each compared with the real `sendmail -bt`.
// A fixed seed and a modest count run in CI; MAILCF_FUZZ_RUNS raises the count.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSendmailOracle, privateWorkDir, removeWorkDir } from '../../src/oracle/oracles.js';
import { driverSession, sendmailSession } from './support/oracle-session.js';

/** With MAILCF_FUZZ_KEEP=dir, a disagreeing case is written there (to become a fixture). */
function keepCase(name: string, cf: string, probes: string[]): void {
  const keep = process.env.MAILCF_FUZZ_KEEP;
  if (!keep) return;
  writeFileSync(join(keep, `${name}.cf`), cf, 'latin1');
  writeFileSync(join(keep, `${name}.probes`), probes.join('\n') + '\n', 'latin1');
}

const RUNS = Number(process.env.MAILCF_FUZZ_RUNS ?? '3');
const SEED = Number(process.env.MAILCF_FUZZ_SEED ?? '20261125');

const HEADER = [
  'V10/Berkeley',
  'Mlocal,\tP=/bin/true, F=lsDFMAw5:/|@qmu9, S=10, R=20, A=true $u',
  'CXfoo bar foo.bar a.b',
  'Kdequote dequote',
  '',
].join('\n');

/** Address text: atoms, operators, quotes, comments, brackets, backslashes and blanks. */
const addressPiece = fc.oneof(
  fc.constantFrom('user', 'a', 'B', 'host', 'example', 'com', 'x-y', 'foo', 'bar'),
  fc.constantFrom(
    '@',
    '.',
    ':',
    '%',
    '!',
    '[',
    ']',
    '<',
    '>',
    '(',
    ')',
    ',',
    ';',
    '"',
    '\\',
    ' ',
    '\t',
    '$',
    '+',
    '=',
  ),
);
const address = fc.array(addressPiece, { minLength: 1, maxLength: 14 }).map((a) => a.join(''));

/** Pattern tokens: every LHS construct and a few literals. */
const lhsToken = fc.constantFrom('$*', '$+', '$-', '$@', '$=X', '$~X', '@', '.', 'foo', 'bar', '<', '>');
const inputToken = fc.constantFrom('foo', 'bar', 'baz', '@', '.', '<', '>', 'a', 'b', 'FOO');

describe.skipIf(!hasSendmailOracle())('fuzz against sendmail -bt', () => {
  const dir = hasSendmailOracle() ? privateWorkDir('cf-core-fuzz') : '';
  afterAll(() => removeWorkDir(dir));

  it('scans random addresses as sendmail does', () => {
    const setup = fc.record({
      addrs: fc.array(address, { minLength: 40, maxLength: 40 }),
      // the scanner's operators come from OperatorChars (V7+) or $o (older configs)
      operators: fc.constantFrom('', '.:@[]', '.:%@!^/[]+', '=$', '"\\', '()<>'),
      level: fc.constantFrom(10, 8, 6),
      blankSub: fc.constantFrom('', '.', '_'),
    });
    const batches = fc.sample(setup, { numRuns: RUNS, seed: SEED });
    batches.forEach(({ addrs, operators, level, blankSub }, i) => {
      const opts =
        level >= 7 ? (operators === '' ? '' : `O OperatorChars=${operators}\n`) : `Do${operators}\n`;
      const sub = blankSub === '' ? '' : `O BlankSub=${blankSub}\n`;
      const cf =
        HEADER.replace('V10/Berkeley', `V${level}/Berkeley`) +
        opts +
        sub +
        'Secho\nR$*\t\t$@ $1\nSclass\nR$=X\t\t$@ in-X $1\nR$*\t\t$@ not-X\n';
      const probes = addrs.flatMap((a) => [`echo ${a}`, `class ${a}`]);
      const cfPath = join(dir, `scan-${i}.cf`);
      const expected = sendmailSession(cf, probes, dir, cfPath);
      expect(driverSession(cf, probes, cfPath).out).toBe(expected.out);
    });
  });

  it('matches random patterns and binds as sendmail does', () => {
    const rule = fc.array(lhsToken, { minLength: 1, maxLength: 6 });
    const batches = fc.sample(
      fc.record({
        rules: fc.array(rule, { minLength: 12, maxLength: 12 }),
        inputs: fc.array(fc.array(inputToken, { minLength: 0, maxLength: 7 }), {
          minLength: 6,
          maxLength: 6,
        }),
      }),
      { numRuns: RUNS, seed: SEED },
    );
    batches.forEach(({ rules, inputs }, i) => {
      let cf = HEADER;
      rules.forEach((lhs, r) => {
        const wild = lhs.filter((t) => ['$*', '$+', '$-', '$=X', '$~X'].includes(t)).length;
        const rhs = Array.from({ length: wild }, (_, k) => `<$${k + 1}>`).join(' ');
        cf += `Sr${r}\nR${lhs.join(' ')}\t\t$@ matched ${rhs}\n`;
      });
      const probes: string[] = [];
      rules.forEach((_, r) => inputs.forEach((inp) => probes.push(`r${r} ${inp.join(' ')}`)));
      const cfPath = join(dir, `match-${i}.cf`);
      const expected = sendmailSession(cf, probes, dir, cfPath);
      expect(driverSession(cf, probes, cfPath).out).toBe(expected.out);
    });
  });

  it('rewrites with random right-hand sides ($: $@ $> $N $&x) as sendmail does', () => {
    const rhsToken = (wild: number) =>
      fc.oneof(
        fc.constantFrom(
          '$:',
          '$@',
          '$>r1',
          '$>r2',
          '$>r3',
          '$>empty',
          '$&{v}',
          '$&w',
          'x',
          '@',
          '<',
          '>',
          '.',
        ),
        fc.constantFrom('$(dequote', '$(nomap', '$)', '$[', '$]', '"q x"'),
        wild > 0 ? fc.integer({ min: 1, max: wild }).map((k) => `$${k}`) : fc.constant('y'),
      );
    const rule = fc
      .array(fc.constantFrom('$*', '$+', '$-', '@', 'x', '<', '>', '$=X'), { minLength: 1, maxLength: 4 })
      .chain((lhs) => {
        const wild = lhs.filter((t) => ['$*', '$+', '$-', '$=X'].includes(t)).length;
        // a rule retried (no $: or $@ in front) that calls a ruleset can make the work grow
        // exponentially (100 tries at each of 50 levels): give such rules a $: in front
        return fc.array(rhsToken(wild), { minLength: 0, maxLength: 5 }).map((rhs) => {
          const calls = rhs.some((t) => t.startsWith('$>'));
          const lead = calls && rhs[0] !== '$:' && rhs[0] !== '$@' ? ['$:'] : [];
          return `R${lhs.join(' ')}\t${[...lead, ...rhs].join(' ') || '$@'}`;
        });
      });
    const batches = fc.sample(
      fc.record({
        sets: fc.array(fc.array(rule, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
        inputs: fc.array(fc.array(inputToken, { minLength: 1, maxLength: 6 }), {
          minLength: 5,
          maxLength: 5,
        }),
      }),
      { numRuns: RUNS, seed: SEED },
    );
    batches.forEach(({ sets, inputs }, i) => {
      let cf = HEADER + 'Sempty\n';
      sets.forEach((rules, r) => (cf += `Sr${r}\n${rules.join('\n')}\n`));
      const probes = ['.D{v} p q', '.Dw <a@b>'];
      sets.forEach((_, r) => inputs.forEach((inp) => probes.push(`r${r} ${inp.join(' ')}`)));
      const cfPath = join(dir, `rhs-${i}.cf`);
      const expected = sendmailSession(cf, probes, dir, cfPath);
      const actual = driverSession(cf, probes, cfPath);
      if (actual.out !== expected.out) keepCase(`rhs-${i}`, cf, probes);
      expect(actual.out).toBe(expected.out);
      expect(actual.status).toBe(expected.status);
    });
  });
});
