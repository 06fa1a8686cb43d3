// Unit tests of what the sendmail side shares: errno texts, reply codes, convtime, C numbers
// and strings. (The differential tests check the same behaviour through the loader, the maps
// and test mode against sendmail itself.)
import { describe, expect, it } from 'vitest';
import { atoi, strtol } from '../../src/sendmail/c-numbers.js';
import { convtime } from '../../src/sendmail/convtime.js';
import { asciiCaseEqual, asciiLower, asciiUpper } from '../../src/sendmail/ctype.js';
import { errnoText, withErrnoText } from '../../src/sendmail/errno.js';
import { enhancedCodeLength, isSmtpCode, isSmtpReply } from '../../src/sendmail/reply-codes.js';
import { filePositionPrefix, shortenString, stripQuotes } from '../../src/sendmail/strings.js';

describe('errno texts', () => {
  it("are glibc's words, sendmail's for its safefile findings", () => {
    expect(errnoText('ENOTCONN')).toBe('Transport endpoint is not connected');
    expect(errnoText('ERANGE')).toBe('Numerical result out of range');
    expect(errnoText('E_SM_GWDIR')).toBe('Group writable directory');
    expect(withErrnoText('cannot open', 'ENOENT')).toBe('cannot open: No such file or directory');
    expect(withErrnoText('no errno', undefined)).toBe('no errno');
  });
});

describe('reply codes', () => {
  it('tells a code from a reply and measures enhanced codes', () => {
    expect(isSmtpCode('550x')).toBe(true);
    expect(isSmtpReply('550x')).toBe(false);
    expect(isSmtpReply('550-more')).toBe(true);
    expect(enhancedCodeLength('5.1.1 text', ' ')).toBe(5);
    expect(enhancedCodeLength('4.123.456', '')).toBe(9);
    expect(enhancedCodeLength('3.1.1 text', ' ')).toBe(0);
    expect(enhancedCodeLength('5.1234.1 text', ' ')).toBe(0);
    expect(enhancedCodeLength('5.1.1x', ' ')).toBe(0);
  });
});

describe('convtime', () => {
  it('adds up units, takes bare numbers in the default unit and reports unknown units', () => {
    const said: string[] = [];
    const errors = { usrerr: (t: string) => void said.push(t) };
    expect(convtime('1h30m', 's', errors)).toBe(5400);
    expect(convtime('45', 'm', errors)).toBe(2700);
    expect(convtime('2', 'd', errors)).toBe(172800);
    expect(convtime('NOW', 'm', errors)).toBe(0);
    expect(convtime('-1w', 's', errors)).toBe(-604800);
    expect(convtime('5x', 's', errors)).toBe(5);
    expect(said).toEqual(["Invalid time unit `x'"]);
  });
});

describe('C numbers and ASCII case', () => {
  it('clamps strtol to a 64-bit long and truncates atoi to an int', () => {
    expect(strtol('99999999999999999999').overflow).toBe(true);
    expect(atoi('99999999999999999999')).toBe(-1);
    expect(atoi('  -12abc')).toBe(-12);
    expect(strtol('0x1f', 0, 0).value).toBe(31n);
    expect(strtol('010', 0, 0).value).toBe(8n);
  });
  it('folds ASCII letters only', () => {
    expect(asciiLower('AbC\xc9')).toBe('abc\xc9');
    expect(asciiUpper('abc\xe9')).toBe('ABC\xe9');
    expect(asciiCaseEqual('Foo', 'fOO')).toBe(true);
    expect(asciiCaseEqual('\xc9', '\xe9')).toBe(false);
  });
});

describe('strings', () => {
  it('shortens as shortenstring does', () => {
    expect(shortenString('abcdefghij', 11)).toBe('abcdefghij');
    expect(shortenString('abcdefghijkl', 11)).toBe('abcd...ijkl');
    expect(shortenString('abcdefghij', 7)).toBe('abcd...');
    expect(shortenString('abcdefghij', 4)).toBe('abcd');
    expect(shortenString('x'.repeat(500), 1000)).toBe('x'.repeat(500));
    expect(shortenString('x'.repeat(500), 400)).toHaveLength(203);
  });
  it('puts the file position before a message, the name cut from 83 bytes on', () => {
    expect(filePositionPrefix('x'.repeat(82), 7)).toBe(`${'x'.repeat(82)}: line 7: `);
    const long = `${'a'.repeat(40)}mmm${'z'.repeat(40)}`;
    expect(filePositionPrefix(long, 1)).toBe(`${'a'.repeat(40)}...${'z'.repeat(40)}: line 1: `);
  });
  it('strips quotes and backslashes as stripquotes does, stopping at a NUL', () => {
    expect(stripQuotes('"a b"\\"c')).toBe('a b"c');
    expect(stripQuotes('trailing\\')).toBe('trailing');
    expect(stripQuotes('cut\0here')).toBe('cut');
  });
});
