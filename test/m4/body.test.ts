// User macro bodies compiled on their own: $-references, and the opening call of quoted
// strings that the expander makes without rescanning.
import { describe, expect, it } from 'vitest';
import {
  type BodyPart,
  compileBody,
  compileDirectCall,
  DOLLAR_AT,
  DOLLAR_COUNT,
  DOLLAR_STAR,
  joinArgs,
  renderBody,
} from '../../src/m4/body.js';
import { Input } from '../../src/m4/input.js';
import { Scanner } from '../../src/m4/scanner.js';

function scanner(lq = '`', rq = "'", bc = '#', ec = '\n'): Scanner {
  const sc = new Scanner(new Input({ traceInput: () => {}, invalidateOutputLine: () => {} }), () => {
    throw new Error('fatal');
  });
  sc.setQuotes(lq, rq);
  sc.setComments(bc, ec);
  return sc;
}

function direct(body: string, sc = scanner()): ReturnType<typeof compileDirectCall> {
  return compileDirectCall(compileBody(body, false), sc.fastClass, sc.lquote, sc.rquote);
}

describe('compileBody', () => {
  it('splits literal text from references', () => {
    expect(compileBody('a$1b$#c$*d$@e$', false)).toEqual([
      'a',
      1,
      'b',
      DOLLAR_COUNT,
      'c',
      DOLLAR_STAR,
      'd',
      DOLLAR_AT,
      'e$',
    ]);
  });

  it('reads multi-digit references unless told to read one digit (-G)', () => {
    expect(compileBody('$12x', false)).toEqual([12, 'x']);
    expect(compileBody('$12x', true)).toEqual([1, '2x']);
  });
});

describe('renderBody', () => {
  const argv = ['m', 'a', 'b'];
  it('fills in arguments, counts, and the two lists', () => {
    const parts: BodyPart[] = [
      '<',
      1,
      '|',
      2,
      '|',
      3,
      '|',
      DOLLAR_COUNT,
      '|',
      DOLLAR_STAR,
      '|',
      DOLLAR_AT,
      '>',
    ];
    expect(renderBody(parts, argv, '[', ']')).toBe('<a|b||2|a,b|[a],[b]>');
  });

  it('joins from a given argument, builtin tokens as empty', () => {
    expect(joinArgs(['m', 'a', 'b', 'c'], ';', '(', ')', 2)).toBe('(b);(c)');
    expect(joinArgs(['m'], ',', '`', "'")).toBe('');
  });
});

describe('compileDirectCall', () => {
  it('takes apart a body opening with a call of quoted strings', () => {
    const call = direct("ifelse(`$#', `1', `[$1]', `walk(shift($@))')tail $1");
    expect(call).toEqual({
      name: 'ifelse',
      hash: expect.any(Number),
      args: [[DOLLAR_COUNT], ['1'], ['[', 1, ']'], ['walk(shift(', DOLLAR_AT, '))']],
      rest: ['tail ', 1],
      refs: [1],
      allArgs: true,
    });
    expect(direct("f(`$2$0', `$#')")).toMatchObject({ refs: [2, 0], allArgs: false });
  });

  it('keeps nested quotes and skips white space before each argument', () => {
    const call = direct("f(\n  `a`b'c',\t`')");
    expect(call?.args).toEqual([["a`b'c"], []]);
    expect(call?.rest).toEqual([]);
  });

  it('leaves alone bodies the grammar does not fit', () => {
    for (const body of [
      "ifelse(`a' , `b')", // text after a quoted string
      "ifelse($1, `b')", // an unquoted reference
      "ifelse(`a', b)", // an unquoted argument
      'ifelse()', // an empty argument list
      "ifelse(`a', `b'", // no closing parenthesis
      " ifelse(`a')", // not a word first
      "$1(`a')", // the name is a reference
      'ifelse', // no argument list
      "ifelse(`a', #`b')", // a comment
      "ifelse(`a\0')", // a NUL byte
    ]) {
      expect(direct(body), body).toBeUndefined();
    }
  });

  it('follows the quotes in force, and only one-character quotes that mean nothing else', () => {
    expect(direct('f([a])', scanner('[', ']'))?.args).toEqual([['a']]);
    expect(direct("f(`a')", scanner('[', ']'))).toBeUndefined();
    expect(direct('f(<<a>>)', scanner('<<', '>>'))).toBeUndefined();
    expect(direct('f(1a2)', scanner('1', '2'))).toBeUndefined();
    expect(direct('f("a")', scanner('"', '"'))).toBeUndefined();
    expect(direct('f((a))', scanner('(', ')'))).toBeUndefined();
  });

  it('does not take a word that opens a comment for a name', () => {
    expect(direct("f(`a')", scanner('`', "'", 'f'))).toBeUndefined();
  });
});
