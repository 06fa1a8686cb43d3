import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalBuiltin, evaluateExpression } from '../../src/m4/eval.js';
import type { Diagnostic } from '../../src/m4/diagnostics.js';
import { missingOracleNotice } from '../../src/oracle/oracles.js';
import { disagreements, engineDisagreement, hasM4Oracle, type PureCall } from './pure-harness.js';

const evalText = (...args: string[]): string => evalBuiltin('eval', args).text;
const messages = (...args: string[]): string[] => evalBuiltin('eval', args).diagnostics.map((d) => d.message);

describe('eval arithmetic', () => {
  it('follows C precedence with ** above * and right-associative', () => {
    expect(evalText('1+2*3')).toBe('7');
    expect(evalText('(1+2)*3')).toBe('9');
    expect(evalText('2**3**2')).toBe('512');
    expect(evalText('-2**2')).toBe('4');
    expect(evalText('1 < 2 < 3')).toBe('1');
    expect(evalText('5 & 3 | 8 ^ 2')).toBe('11');
    expect(evalText('1 - -1')).toBe('2');
  });

  it('wraps around at 32 bits', () => {
    expect(evalText('2147483647+1')).toBe('-2147483648');
    expect(evalText('2**31')).toBe('-2147483648');
    expect(evalText('2**32')).toBe('0');
    expect(evalText('4294967296+5')).toBe('5');
    expect(evalText('-2147483648/-1')).toBe('-2147483648');
    expect(evalText('-2147483648%-1')).toBe('0');
    expect(evalText('65536*65536')).toBe('0');
  });

  it('divides towards zero and shifts like Java', () => {
    expect(evalText('7/-2')).toBe('-3');
    expect(evalText('-7%3')).toBe('-1');
    expect(evalText('1<<33')).toBe('2');
    expect(evalText('-8>>1')).toBe('-4');
    expect(evalText('-1>>31')).toBe('-1');
    expect(evalText('1<<-1')).toBe('-2147483648');
  });

  it('reads every number syntax', () => {
    expect(evalText('0x1f')).toBe('31');
    expect(evalText('0X1F')).toBe('31');
    expect(evalText('017')).toBe('15');
    expect(evalText('0b101')).toBe('5');
    expect(evalText('0r36:zz')).toBe('1295');
    expect(evalText('0R2:11')).toBe('3');
    expect(evalText('0r1:0001111')).toBe('4');
    expect(evalText('0x')).toBe('0');
  });

  it('treats logical operators as 0/1 and short-circuits value errors only', () => {
    expect(evalText('3 && 4')).toBe('1');
    expect(evalText('!0')).toBe('1');
    expect(evalText('~0')).toBe('-1');
    expect(evalText('1 || 1/0')).toBe('1');
    expect(evalText('0 && 1/0')).toBe('0');
    expect(messages('0 || 1/0')).toEqual(['divide by zero in eval: 0 || 1/0']);
    // The error stops the right operand where it happened; the rest is excess input.
    expect(messages('1 || 1/0 * 5')).toEqual(['bad expression in eval (excess input): 1 || 1/0 * 5']);
  });

  it('warns about = for each use, and keeps evaluating', () => {
    const diagnostics: Diagnostic[] = [];
    expect(evaluateExpression('1 = 1 = 1', diagnostics)).toBe(1);
    expect(diagnostics).toEqual([
      { severity: 'warning', message: 'Warning: recommend ==, not =, for equality operator' },
      { severity: 'warning', message: 'Warning: recommend ==, not =, for equality operator' },
    ]);
  });
});

describe('eval errors', () => {
  const cases: [string, string][] = [
    ['1+', 'bad expression in eval: 1+'],
    ['()', 'bad expression in eval: ()'],
    ['(1', 'bad expression in eval (missing right parenthesis): (1'],
    ['1 $', 'bad expression in eval (bad input): 1 $'],
    ['1a', 'bad expression in eval (bad input): 1a'],
    ['1 2', 'bad expression in eval (excess input): 1 2'],
    ['09', 'bad expression in eval (excess input): 09'],
    ['0r37:1', 'bad expression in eval: 0r37:1'],
    ['1/0', 'divide by zero in eval: 1/0'],
    ['1%0', 'modulo by zero in eval: 1%0'],
    ['0**0', 'divide by zero in eval: 0**0'],
    ['2**-1', 'negative exponent in eval: 2**-1'],
    ['1 += 2', 'invalid operator in eval: 1 += 2'],
    ['--1', 'invalid operator in eval: --1'],
    ['1 >>= 2', 'invalid operator in eval: 1 >>= 2'],
  ];
  it.each(cases)('%s', (expr, message) => {
    const result = evalBuiltin('eval', [expr]);
    expect(result.text).toBe('');
    expect(result.diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('makes only an invalid operator an error for the exit status', () => {
    expect(evalBuiltin('eval', ['1 += 2']).diagnostics[0].severity).toBe('error');
    expect(evalBuiltin('eval', ['1/0']).diagnostics[0].severity).toBe('warning');
    expect(evalBuiltin('eval', ['1+']).diagnostics[0].severity).toBe('warning');
  });

  it('uses the invoked name and stops at a NUL byte', () => {
    expect(messages('', '', '')).toEqual([
      "empty string treated as 0 in builtin `eval'",
      "empty string treated as 0 in builtin `eval'",
    ]);
    expect(evalBuiltin('calc', ['1', '99']).diagnostics[0].message).toBe(
      "radix 99 in builtin `calc' out of range",
    );
    expect(evalText('1+2\0garbage')).toBe('3');
  });
});

describe('eval radix and width', () => {
  it('pads with zeros after the sign', () => {
    expect(evalText('255', '16')).toBe('ff');
    expect(evalText('255', '16', '8')).toBe('000000ff');
    expect(evalText('-255', '16', '8')).toBe('-000000ff');
    expect(evalText('-2147483648', '2')).toBe('-10000000000000000000000000000000');
    expect(evalText('35', '36')).toBe('z');
  });

  it('writes radix 1 in unary', () => {
    expect(evalText('5', '1')).toBe('11111');
    expect(evalText('-5', '1', '8')).toBe('-00011111');
    expect(evalText('0', '1')).toBe('0');
    expect(evalText('0', '1', '3')).toBe('000');
  });

  it('checks radix and width', () => {
    expect(messages('5', '37')).toEqual(["radix 37 in builtin `eval' out of range"]);
    expect(messages('5', '0')).toEqual(["radix 0 in builtin `eval' out of range"]);
    expect(messages('5', 'x')).toEqual(["non-numeric argument to builtin `eval'"]);
    expect(messages('5', '10', '-1')).toEqual(["negative width to builtin `eval'"]);
    expect(evalBuiltin('eval', ['5', '']).text).toBe('5');
  });

  it('refuses expansions of gigabytes instead of hanging', () => {
    const result = evalBuiltin('eval', ['-2147483648', '1']);
    expect(result.text).toBe('');
    expect(result.diagnostics).toEqual([{ severity: 'fatal', message: 'memory exhausted' }]);
  });
});

// ---- differential against GNU m4 ----

const E = (...args: string[]): PureCall => ({ name: 'eval', args });

const HAND_WRITTEN: PureCall[] = [
  ...[
    '1+2',
    '2**3**2',
    '-2**2',
    '0**0',
    '2**-1',
    '1/0',
    '1%0',
    '-2147483648/-1',
    '-2147483648%-1',
    '7/-2',
    '-7%3',
    '1 += 2',
    '1 ++ 2',
    '--1',
    '1 = 1',
    '1 == 2 = 0',
    '(1',
    '()',
    '1 2',
    '1 $',
    '0x',
    '0xg',
    '0r1:1011',
    '0r37:1',
    '0r0:1',
    '0r:1',
    '0r100:1',
    '09',
    '0b102',
    '1a',
    '1 || 1/0',
    '0 || 1/0',
    '0 && 1/0',
    '1 && 1/0',
    '1 || 1/0 * 5',
    '0 && (1/0 + 2)',
    '!0',
    '~0',
    '-(-2147483648)',
    '2147483648',
    '4294967296+5',
    '1<<33',
    '-8>>1',
    '-1>>31',
    '1<<-1',
    '1 >>= 2',
    '1 <<= 2',
    '1 &= 2',
    '1 |= 2',
    '1 ^= 2',
    '1 %= 2',
    '1 /= 2',
    '1 *= 2',
    '2**=3',
    '1 -= 2',
    '1 != 2',
    '1 <= 2 >= 0',
    '  5  ',
    '5 )',
    '(5))',
    '1 ? 2 : 3',
    'a',
    '1 || a',
    '0 && =',
    '1 = 1 = 1',
    '3 && 4',
    '0 || 0',
    '5 & 3 | 8 ^ 2',
    '0r36:zz',
    '0R2:11',
    '0B11',
    '0X1f',
    '017',
    '0r1:0001',
    '0r1:1111',
    '0r1:2',
    '1 ** 0',
    '(-1)**31',
    '2**31',
    '2**32',
    '-2**31',
    '(2+3)*4',
    '10 % 3 * 2',
    '1 < 2 < 3',
    '1 - - 1',
    '1---1',
    '+1',
    '++1',
    '1 + + 1',
    '!',
    '~',
    '(',
    '(1+2',
    '1)',
    'x = 1',
    '\t1\n+\v2\f',
    '1 &&& 2',
    '1 ||| 0',
    '0 || 0 && 1/0',
    '(1 || 2/0) + 1',
    '0 && 1 = 1',
    '2 ** 3 ** -1',
    // After an ignored error only operators as loose as the decided one may follow.
    '1 || 1/0 || 0',
    '1 || 1/0 && 3',
    '0 && 1/0 + 2 || 5',
    '0 && 1/0 && 5 || 1',
    '0 && 2 ** -1 | 4',
    '1 || 0 % 0 == 0 || 1',
    '1 || 1/0 ? 2',
    '1 + 2 * 3 - 4 / 2 << 1 < 9 == 1 & 3 ^ 1 | 8 && 1 || 0',
  ].map((e) => E(e)),
  E('255', '16'),
  E('255', '16', '8'),
  E('-255', '16', '8'),
  E('5', '1'),
  E('-5', '1', '8'),
  E('0', '1'),
  E('0', '1', '3'),
  E('5', '37'),
  E('5', '0'),
  E('5', '-1'),
  E('5', 'x'),
  E('5', ''),
  E('5', '10', ''),
  E('5', '10', '-1'),
  E('5', ' 10'),
  E('', '2'),
  E(''),
  E('-2147483648', '2'),
  E('-2147483648', '36', '40'),
  E('1', '99999999999999999999'),
  E('1', '10', '4294967298'),
  E('1', '10', 'x'),
  E('1+', 'x'),
];

/** Random expressions: mostly well-formed, sometimes broken, with every operator and number form. */
function expressionArbitrary(): fc.Arbitrary<string> {
  const number = fc.oneof(
    fc.integer({ min: 0, max: 20 }).map(String),
    fc.integer({ min: 0, max: 0x7fffffff }).map(String),
    fc.constantFrom('2147483648', '4294967295', '4294967296', '0', '00', '07', '08'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => `0x${n.toString(16)}`),
    fc.integer({ min: 0, max: 63 }).map((n) => `0b${n.toString(2)}`),
    fc
      .tuple(fc.integer({ min: 2, max: 36 }), fc.integer({ min: 0, max: 5000 }))
      .map(([r, n]) => `0r${r}:${n.toString(r)}`),
    fc.constantFrom('0r1:111', '0r1:0011', '0r37:1', '0x', '1a', '0r:1'),
  );
  const binary = fc.constantFrom(
    '+',
    '-',
    '*',
    '/',
    '%',
    '<<',
    '>>',
    '<',
    '<=',
    '>',
    '>=',
    '==',
    '!=',
    '=',
    '&',
    '|',
    '^',
    '&&',
    '||',
  );
  const broken = fc.constantFrom('+=', '--', '++', '>>=', '?', '$', ')', '(', '', '=');
  const space = fc.constantFrom('', '', ' ', '  ', '\t');
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      number,
      fc.tuple(fc.constantFrom('-', '+', '~', '!'), tie('expr')).map(([op, e]) => op + e),
      fc.tuple(tie('expr'), space, binary, space, tie('expr')).map((parts) => parts.join('')),
      tie('expr').map((e) => `(${e})`),
      // GNU computes a power by repeated multiplication: keep exponents small.
      fc
        .tuple(tie('expr'), space, fc.integer({ min: -2, max: 40 }), fc.constantFrom('', '**2', '**-1'))
        .map(([e, sp, n, more]) => `${e}${sp}**${sp}${n}${more}`),
      fc.tuple(tie('expr'), broken, tie('expr')).map((parts) => parts.join('')),
    ),
  }));
  return expr;
}

describe.skipIf(!hasM4Oracle())('eval against GNU m4', () => {
  it('agrees on hand-written expressions, radixes and widths', () => {
    expect(disagreements(HAND_WRITTEN, (c) => evalBuiltin(c.name, c.args))).toEqual([]);
  });

  it('agrees on random expressions (fast-check, one m4 run)', () => {
    const runs = Number(process.env.MAILCF_FUZZ_RUNS ?? 400);
    const exprs = fc.sample(expressionArbitrary(), { seed: 4242, numRuns: runs });
    const radix = fc.sample(fc.constantFrom('', '2', '8', '16', '36'), { seed: 7, numRuns: runs });
    const calls = exprs.map((e, i) => E(e, radix[i]));
    expect(disagreements(calls, (c) => evalBuiltin(c.name, c.args))).toEqual([]);
  });
});

if (!hasM4Oracle()) {
  it.skip(missingOracleNotice('GNU m4 1.4.19'), () => undefined);
}

describe.skipIf(!hasM4Oracle())('eval through the engine (mailcf m4) against GNU m4', () => {
  it('gives the same stdout, stderr and exit status', async () => {
    expect(await engineDisagreement(HAND_WRITTEN)).toBeUndefined();
  });
});
