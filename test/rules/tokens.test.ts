import { describe, expect, it } from 'vitest';
import { MacroNames } from '../../src/cf/macros.js';
import { ANSI_ESCAPES, catTokens, formatText, formatTokens, stripQuotes } from '../../src/rules/tokens.js';
import { TokenTables } from '../../src/rules/prescan.js';

const names = new MacroNames();
const long = names.idOf('client_addr') as number;

describe('formatText (xputs)', () => {
  it('shows metasymbols as $x, classes and macros by name', () => {
    expect(formatText('\x90', names)).toBe('$*');
    expect(formatText('\x93w', names)).toBe('$=w');
    expect(formatText('\x93' + String.fromCharCode(long), names)).toBe('$={client_addr}');
    expect(formatText('\x82' + String.fromCharCode(long), names)).toBe('$&{client_addr}');
    expect(formatText('\x952', names)).toBe('$2');
    expect(formatText('\x81&x', names)).toBe('$&x');
  });
  it('escapes control characters and marks unknown codes', () => {
    expect(formatText('a\tb\nc', names)).toBe('a\\tb\\nc');
    expect(formatText('a\x01b', names)).toBe('ab');
    expect(formatText('\xe9', names)).toBe('M-i');
    expect(formatText('\x90', names, ANSI_ESCAPES)).toBe('\x1b[7m$*\x1b[0m');
  });
  it('prints vectors with a blank before each token', () => {
    expect(formatTokens(['a', '@', 'b'], names)).toBe(' a @ b\n');
    expect(formatTokens([], names)).toBe('\n');
  });
});

describe('catTokens (cataddr)', () => {
  const t = new TokenTables('.:@[]');
  it('puts the blank substitute between adjacent atoms only', () => {
    expect(catTokens(['a', 'b', '.', 'c', 'd'], 0, 4, ' ', true, t.internal, 2048)).toBe('a b.c d');
    expect(catTokens(['a', 'b'], 0, 1, '.', true, t.internal, 2048)).toBe('a.b');
  });
  it('removes METAQUOTE in the external form only, and cuts at the buffer size', () => {
    expect(catTokens(['\xff\x90x'], 0, 0, ' ', true, t.internal, 2048)).toBe('\x90x');
    expect(catTokens(['\xff\x90x'], 0, 0, ' ', false, t.internal, 2048)).toBe('\xff\x90x');
    expect(catTokens(['abcdef'], 0, 0, ' ', true, t.internal, 5)).toBe('ab');
  });
});

describe('stripQuotes', () => {
  it('drops quotes and the backslash of escapes', () => {
    expect(stripQuotes('"a\\"b"\\c')).toBe('a"bc');
  });
});
