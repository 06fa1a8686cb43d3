import { describe, expect, it } from 'vitest';
import { MacroTable } from '../../src/cf/macros.js';
import { SendmailExit } from '../../src/cf/errors.js';
import { NO_DEBUG, ScanVector, scanVectorWorkspace, type RewriteEnv } from '../../src/rules/context.js';
import { rewrite, rewriteTokens } from '../../src/rules/rewrite.js';
import { formatTokens } from '../../src/rules/tokens.js';
import { load } from '../cf/support.js';

function envFor(cf: string) {
  const loaded = load(cf);
  const env: RewriteEnv = {
    config: loaded.config,
    macros: new MacroTable(loaded.config.macros),
    out: loaded.config.errors.out,
    testMode: false,
    debug: NO_DEBUG,
    scanVector: new ScanVector(),
  };
  const run = (name: string, tokens: string[]) => {
    const r = rewriteTokens(tokens, loaded.config.rulesets.numberOf(name) ?? Number(name), 0, env);
    return { status: r.status, text: formatTokens(r.tokens, loaded.config.macroNames).trim() };
  };
  return { ...loaded, env, run };
}

describe('rewrite', () => {
  it('retries a rule until it fails; $: moves on, $@ returns', () => {
    const { run } = envFor('V10\nSa\nR$* x\t$1\nR$+\t$: <$1>\nR< $+ >\t$@ done $1\nR$*\t$@ never\n');
    expect(run('a', ['q', 'x', 'x'])).toEqual({ status: 0, text: 'done q' });
  });

  it('calls subroutines right to left, each on the rest of the vector', () => {
    const { run } = envFor('V10\nSa\nR$+\t$@ $>b x $>c $1\nSb\nR$+\t$@ b( $1 )\nSc\nR$+\t$@ c( $1 )\n');
    // from V9 on parentheses in rules are operators, so they are tokens of their own
    expect(run('a', ['y'])).toEqual({ status: 0, text: 'b ( x c ( y ) )' });
  });

  it('skips the token after a removed call to an empty ruleset, as sendmail does', () => {
    const { run } = envFor('V10\nSempty\nSr\nR$+\t$@ r $1\nSa\nR$+\t$@ $>empty $>r $1\n');
    expect(run('a', ['y'])).toEqual({ status: 0, text: '$> r y' });
  });

  it("strips the quotes of a called ruleset's name in the rule itself, as sendmail does", () => {
    const { run, config } = envFor('V10\nSr\nR$+\t$@ r $1\nSa\nR$+\t$@ $>"r" $1\n');
    const rule = config.rulesets.rules[config.rulesets.numberOf('a')!]![0];
    expect(formatTokens(rule.rhs, config.macroNames)).toBe(' $@ $> "r" $1\n');
    expect(run('a', ['y'])).toEqual({ status: 0, text: 'r y' });
    expect(formatTokens(rule.rhs, config.macroNames)).toBe(' $@ $> r $1\n');
  });

  it('stops a rule applied 100 times in a row and says so', () => {
    const { run, out } = envFor('V10\nSloop\nR$+\t$1 x\n');
    expect(run('loop', ['a']).text.split(' ').length).toBe(101);
    expect(out()).toBe('Infinite loop in ruleset loop, rule 1\n');
  });

  it('takes a $&x value at rewrite time and scans it', () => {
    const { run, env } = envFor('V10\nSa\nR$*\t$@ <$&{v}> $1\n');
    (env.macros as MacroTable).set('v'.charCodeAt(0), 'p@q');
    expect(run('a', ['z'])).toEqual({ status: 0, text: '< p @ q > z' });
  });

  it('leaves a failed $&x scan in the shared vector, as sendmail does in test mode', () => {
    const { env, config } = envFor('V10\nSa\nR$*\t$@ $&{v} $1\n');
    (env.macros as MacroTable).set('v'.charCodeAt(0), '   ');
    env.scanVector.write(['x', 'y'], true);
    const status = rewrite(scanVectorWorkspace(env.scanVector), config.rulesets.numberOf('a')!, 0, env);
    expect(status).toBe(65);
    expect(env.scanVector.read()).toEqual([]);
  });

  it('stops an exponentially growing rewrite with a message and status 70', () => {
    const { env, config } = envFor('V10\nSdeep\nR$+\t$>deep $1\n');
    let err = '';
    config.errors.err = { write: (t) => void (err += t) };
    config.errors.out = { write: () => undefined };
    env.out = config.errors.out;
    const run = () => rewriteTokens(['a'], config.rulesets.numberOf('deep')!, 0, env);
    expect(run).toThrow(SendmailExit);
    expect(err).toMatch(/^mailcf: ruleset deep: stopped after 2000000 rule attempts for one address/);
  });
});
