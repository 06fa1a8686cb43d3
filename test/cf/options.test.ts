import { describe, expect, it } from 'vitest';
import { setOption } from '../../src/cf/options.js';
import { freshConfig, load, testEnv } from './support.js';

describe('options', () => {
  it('resolves long names, unambiguous abbreviations (with a notice) and one-letter codes', () => {
    const { config, out } = load('V10\nO BlankSub=.\nO OperatorCh=.:@\nOB_\n');
    expect(out()).toBe('t.cf: line 3: Option OperatorCh used as abbreviation for OperatorChars\n');
    expect(config.options.blankSub).toBe('_');
    expect(config.options.operatorChars).toBe('.:@');
  });

  it('keeps sticky command-line values against the .cf', () => {
    const { config } = freshConfig();
    setOption(0x20, 'BlankSub=+', { config, env: testEnv, sticky: true, safe: true, line: 0 });
    setOption(0x20, 'BlankSub=-', { config, env: testEnv, sticky: false, safe: true, line: 3 });
    expect(config.options.blankSub).toBe('+');
  });

  it('builds the scanner tables from OperatorChars at the first scan only', () => {
    const { config, out } = load('V10\nO OperatorChars=.:@%\nSx\nRa\tb\nO OperatorChars=!\n');
    expect(out()).toBe(
      'Warning: OperatorChars is being redefined.\n         It should only be set before ruleset definitions.\n',
    );
    const t = config.tokenTables();
    expect(t.external['%'.charCodeAt(0)]).toBe(0);
    expect(t.external['!'.charCodeAt(0)]).toBe(1);
  });

  it('uses $o for OperatorChars before V7', () => {
    const { config } = load('V6\nDo.:%@!\nSx\nRa\tb\n');
    expect(config.tokenTables().external['!'.charCodeAt(0)]).toBe(0);
  });

  it('sets timeouts with units, and reports unknown ones', () => {
    const { config, out } = load('V10\nO Timeout.queuereturn=2d\nO Timeout=5m,rcpt=1h\nO Timeout.nope=1\n');
    expect(config.options.timeouts.get('queuereturn.normal')).toBe(2 * 86400);
    expect(config.options.timeouts.get('mail')).toBe(300);
    expect(config.options.timeouts.get('rcpt')).toBe(3600);
    expect(out()).toBe('t.cf: line 4: settimeout: invalid timeout nope\n');
  });
});
