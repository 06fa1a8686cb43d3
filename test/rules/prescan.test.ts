import { describe, expect, it } from 'vitest';
import { prescan, TokenTables } from '../../src/rules/prescan.js';
import { freshConfig } from '../cf/support.js';

function scan(text: string, opts: { delimiter?: string; comments?: boolean } = {}) {
  const { config, out } = freshConfig();
  const tables = new TokenTables('.:@[]');
  const r = prescan(text, {
    delimiter: opts.delimiter ?? '\0',
    table: opts.comments === false ? tables.noComments : tables.external,
    ignoreUnbalanced: false,
    errors: config.errors,
  });
  return { tokens: r.tokens, end: r.end, out: out() };
}

describe('prescan', () => {
  it('splits atoms and operators and keeps quoted strings whole', () => {
    expect(scan('Joe Bloggs <joe.b@[1.2.3.4]>').tokens).toEqual([
      'Joe',
      'Bloggs',
      '<',
      'joe',
      '.',
      'b',
      '@',
      '[',
      '1',
      '.',
      '2',
      '.',
      '3',
      '.',
      '4',
      ']',
      '>',
    ]);
    expect(scan('"a b"@c').tokens).toEqual(['"a b"', '@', 'c']);
  });

  it('drops comments, or keeps parentheses as operators in the V9+ table', () => {
    // the closing parenthesis counts as a blank, so it ends the atom
    expect(scan('a(comment)b').tokens).toEqual(['a', 'b']);
    expect(scan('a (comment) @ b').tokens).toEqual(['a', '@', 'b']);
    expect(scan('a(comment)b', { comments: false }).tokens).toEqual(['a', '(', 'comment', ')', 'b']);
  });

  it('keeps backslashes with the next character, except before !', () => {
    expect(scan('a\\.b').tokens).toEqual(['a\\.b']);
    expect(scan('a\\!b').tokens).toEqual(['a!b']);
  });

  it('repairs unbalanced input and says so with the address first', () => {
    const r = scan('<a@b');
    expect(r.tokens).toEqual(['<', 'a', '@', 'b', '>']);
    expect(r.out).toBe("<a@b... Unbalanced '<'\n");
    expect(scan('a>b').out).toBe("a>b... Unbalanced '>'\n");
    expect(scan('"ab').tokens).toEqual(['"ab"']);
  });

  it('stops at the delimiter outside brackets and reports where', () => {
    const r = scan('a, b', { delimiter: ',' });
    expect(r.tokens).toEqual(['a']);
    expect(r.end).toBe(1);
    expect(scan('<a,b>', { delimiter: ',' }).out).toBe("<a,b>... Unbalanced '<'\n");
  });

  it('gives null for blank input and limits token length', () => {
    expect(scan('   ').tokens).toBeNull();
    const r = scan('x'.repeat(257));
    expect(r.tokens).toBeNull();
    expect(r.out).toBe(`${'x'.repeat(100)}...${'x'.repeat(100)}... prescan: token too long\n`);
  });
});
