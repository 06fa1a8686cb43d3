import { describe, expect, it } from 'vitest';
import { crackAddress } from '../../../src/bt/address/crack.js';
import { exitStatusOfDsn, isEnhancedCode } from '../../../src/bt/address/status.js';
import { shortenRfc822 } from '../../../src/bt/address/parse.js';

const opts = { mustQuoteChars: "@,;:\\()[].'", colonOkInAddr: false };
const crack = (s: string): string => crackAddress(s, opts).replace(/\x81g/g, '$g');

describe('crackaddr', () => {
  // Each expectation is what sendmail -bt's /parse printed as "Cracked address".
  it.each([
    ['foo@bar', '$g'],
    ['Full Name <foo@bar.com>', 'Full Name <$g>'],
    ['"Joe Q. Public" <joe@x.com>', '"Joe Q. Public" <$g>'],
    ['joe@x.com (Joe Public)', '$g (Joe Public)'],
    ['Joe.Public <joe@x>', '"Joe.Public" <$g>'],
    ['group: a@b, c@d;', 'group: $g;'],
    ['a <b> <c>', '"a <b>" <$g>'],
    ['(unclosed comment x@y', '(unclosed comment x@y)'],
    ['<x@y', '<$g>'],
    ['a:b:c', 'a:$g'],
    ['<<x>>', '"<"<$g>'],
  ])('%s', (input, expected) => {
    expect(crack(input)).toBe(expected);
  });

  it('gives up with <$g> when the decoration does not fit its buffer', () => {
    expect(crack('(' + 'c'.repeat(300) + ') a@b')).toBe('<$g>');
  });
});

describe('status codes', () => {
  it('reads enhanced status codes', () => {
    expect(isEnhancedCode('5.1.1 text', ' ')).toBe(5);
    expect(isEnhancedCode('5.1.1', '')).toBe(5);
    expect(isEnhancedCode('6.1.1 x', ' ')).toBe(0);
    expect(isEnhancedCode('5.1234.1 x', ' ')).toBe(0);
  });

  it('maps DSN codes to exit statuses as dsntoexitstat does', () => {
    expect(exitStatusOfDsn('2.0.0')).toBe(0);
    expect(exitStatusOfDsn('4.7.1')).toBe(75);
    expect(exitStatusOfDsn('5.1.1')).toBe(67);
    expect(exitStatusOfDsn('5.1.2')).toBe(68);
    expect(exitStatusOfDsn('5.7.1')).toBe(65);
    expect(exitStatusOfDsn('9.9.9')).toBe(78);
  });
});

describe('shorten_rfc822_string', () => {
  it('cuts and closes open comments and quotes', () => {
    expect(shortenRfc822('abc', 10)).toBe('abc');
    expect(shortenRfc822('(abcdef', 5)).toBe('(abc)');
    expect(shortenRfc822('"abcdef', 5)).toBe('"abc"');
  });
});
