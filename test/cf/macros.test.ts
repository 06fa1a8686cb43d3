import { describe, expect, it } from 'vitest';
import { expandMacros, macroId, parseMacroId, translateDollars } from '../../src/cf/macros.js';
import { freshConfig } from './support.js';

describe('macro names', () => {
  it('gives one-letter macros their own byte and long names ids from 0xa0 in first-use order', () => {
    // (a new configuration has already given 0xa0 to {deliveryMode}, as sendmail's setdefaults)
    const { config } = freshConfig();
    const e = config.errors;
    expect(macroId('x', config.macroNames, e)).toBe(0x78);
    expect(macroId('{x}', config.macroNames, e)).toBe(0x78);
    const first = macroId('{first}', config.macroNames, e);
    const second = macroId('{second}', config.macroNames, e);
    expect(config.macroNames.find('deliveryMode')).toBe(0xa0);
    expect([first, second]).toEqual([0xa1, 0xa2]);
    expect(macroId('{first}', config.macroNames, e)).toBe(0xa1);
    expect(config.macroNames.name(0xa2)).toBe('second');
    expect(config.macroNames.name(0x82)).toBe('opMode');
  });

  it('reports bad names with sendmail messages and id 0', () => {
    const { config, out } = freshConfig();
    const e = config.errors;
    expect(parseMacroId('{}', 0, config.macroNames, e).id).toBe(0);
    expect(parseMacroId('{ab', 0, config.macroNames, e).id).toBe(0);
    expect(parseMacroId('{a-b}', 0, config.macroNames, e).id).not.toBe(0);
    expect(out()).toBe(
      'Name required for macro/class\n' +
        'Unbalanced { on ab\n' +
        'Unable to assign macro/class ID (mid = 0xffffffff)\n' +
        'Invalid macro/class character -\n',
    );
  });

  it('runs out of long-name ids after 96 names, complaining once per name', () => {
    const { config, out } = freshConfig();
    for (let i = 0; i < 95; i++) macroId(`{n${i}}`, config.macroNames, config.errors);
    expect(out()).toBe('');
    expect(macroId('{last}', config.macroNames, config.errors)).toBe(0);
    expect(macroId('{last}', config.macroNames, config.errors)).toBe(0);
    expect(out()).toBe(
      'Macro/class {last}: too many long names\n' +
        'Unable to assign macro/class ID (mid = 0xffffffff)\n' +
        'Unable to assign macro/class ID (mid = 0xffffffff)\n',
    );
  });
});

describe('translateDollars', () => {
  const t = (line: string, level = 10): string => {
    const { config } = freshConfig();
    return translateDollars(line, level, config.macroNames, config.errors);
  };
  it('turns $x into MACROEXPAND + id and keeps the letter after $= $~ $& $?', () => {
    expect(t('R$* $=w $&x')).toBe('R\x81* \x81=w \x81&x');
    expect(t('D${long}')).toBe('D\x81\xa1');
  });
  it('makes $$ a dollar and strips comments from V3 on', () => {
    expect(t('Dx a $$ b # comment')).toBe('Dx a $ b');
    expect(t('Dx a\\#b')).toBe('Dx a#b');
    expect(t('Dx a # not stripped', 2)).toBe('Dx a # not stripped');
    expect(t('R$#local')).toBe('R\x81#local');
  });
  it('quotes 8-bit codes in the input', () => {
    expect(t('Dx \x90')).toBe('Dx \xff\x90');
  });
});

describe('expandMacros', () => {
  it('substitutes values and evaluates $? $| $. conditionals', () => {
    const { config } = freshConfig();
    config.macros.set(0x41, 'alpha');
    const e = (s: string): string => expandMacros(s, config.macros, config.errors);
    expect(e('<\x81A>')).toBe('<alpha>');
    expect(e('\x9aAyes\x9bno\x9c')).toBe('yes');
    expect(e('\x9aZyes\x9bno\x9c')).toBe('no');
    expect(e('\x81Z')).toBe('');
  });
  it('expands metasymbol macros to their codes', () => {
    const { config } = freshConfig();
    expect(expandMacros('\x81* \x811 \x81=w', config.macros, config.errors)).toBe('\x90 \x951 \x93w');
  });
  it('stops recursion after ten levels with sendmail message', () => {
    const { config, out } = freshConfig();
    config.macros.set(0x41, '\x81A');
    expandMacros('\x81A', config.macros, config.errors);
    expect(out()).toBe('expand: recursion too deep (10 max)\n');
  });
});
