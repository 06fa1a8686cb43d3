// The tokenizer on its own: token kinds, quotes and comments with run-time delimiters, words
// that run on into the block below, and GNU's line numbering.
import { describe, expect, it } from 'vitest';
import { Input } from '../../src/m4/input.js';
import { Scanner, Tok } from '../../src/m4/scanner.js';

function setup(text: string, file = 'f.m4'): { input: Input; sc: Scanner; fatal: string[] } {
  const fatal: string[] = [];
  const input = new Input({ traceInput: () => {}, invalidateOutputLine: () => {} });
  const sc = new Scanner(input, (f, line, message) => {
    fatal.push(`${f}:${line}: ${message}`);
    throw new Error('fatal');
  });
  input.pushFile(text, file);
  return { input, sc, fatal };
}

/** Every token as [kind, text, line] until the end of input. */
function tokens(sc: Scanner): [Tok, string, number][] {
  const out: [Tok, string, number][] = [];
  for (;;) {
    const t = sc.next();
    if (t === Tok.Eof) return out;
    out.push([t, sc.text, sc.line]);
  }
}

describe('scanner', () => {
  it('splits words, strings and single characters', () => {
    const { sc } = setup("foo(`a,b', c_1)");
    expect(tokens(sc)).toEqual([
      [Tok.Word, 'foo', 1],
      [Tok.Open, '(', 1],
      [Tok.String, 'a,b', 1],
      [Tok.Comma, ',', 1],
      [Tok.Simple, ' ', 1],
      [Tok.Word, 'c_1', 1],
      [Tok.Close, ')', 1],
    ]);
  });

  it('strips one level of nested quotes', () => {
    const { sc } = setup("`a `b' c'");
    expect(tokens(sc)).toEqual([[Tok.String, "a `b' c", 1]]);
  });

  it('counts a newline as part of the line it ends', () => {
    const { sc } = setup('a\nb\n\nc');
    expect(tokens(sc).map(([, text, line]) => `${JSON.stringify(text)}@${line}`)).toEqual([
      '"a"@1',
      '"\\n"@1',
      '"b"@2',
      '"\\n"@2',
      '"\\n"@3',
      '"c"@4',
    ]);
  });

  it('keeps comments whole, delimiters included', () => {
    const { sc } = setup('x # a `b\ny');
    expect(tokens(sc).map(([t, text]) => [t, text])).toEqual([
      [Tok.Word, 'x'],
      [Tok.Simple, ' '],
      [Tok.String, '# a `b\n'],
      [Tok.Word, 'y'],
    ]);
  });

  it('uses multi-character quotes and comments, and pushes back a partial match', () => {
    const { sc } = setup('<<a<<b>>c>> <x /*c*/');
    sc.setQuotes('<<', '>>');
    sc.setComments('/*', '*/');
    expect(tokens(sc).map(([t, text]) => [t, text])).toEqual([
      [Tok.String, 'a<<b>>c'],
      [Tok.Simple, ' '],
      [Tok.Simple, '<'],
      [Tok.Word, 'x'],
      [Tok.Simple, ' '],
      [Tok.String, '/*c*/'],
    ]);
  });

  it('never matches an empty delimiter', () => {
    const { sc } = setup("`a'");
    sc.setQuotes('', "'");
    expect(tokens(sc).map(([t, text]) => [t, text])).toEqual([
      [Tok.Simple, '`'],
      [Tok.Word, 'a'],
      [Tok.Simple, "'"],
    ]);
  });

  it('looks for a comment before a word, and for a word before a quote', () => {
    const { sc } = setup('qx rest\nqy\n');
    sc.setComments('q', '\n');
    expect(tokens(sc)[0]).toEqual([Tok.String, 'qx rest\n', 1]);
    const other = setup('qx');
    other.sc.setQuotes('q', 'x');
    expect(tokens(other.sc)).toEqual([[Tok.Word, 'qx', 1]]);
  });

  it('lets a word run on into the block below', () => {
    const { input, sc } = setup('oo bar');
    // Pushed before anything was read, the expansion carries line 0.
    input.beginExpansion();
    input.endExpansion('xf');
    expect(tokens(sc).slice(0, 2)).toEqual([
      [Tok.Word, 'xfoo', 0],
      [Tok.Simple, ' ', 1],
    ]);
  });

  it('cuts a token at a NUL byte, as GNU keeps C strings', () => {
    const { sc } = setup("a\0b `c\0d'");
    expect(tokens(sc).map(([t, text]) => [t, text])).toEqual([
      [Tok.Word, 'a'],
      [Tok.Simple, ''],
      [Tok.Word, 'b'],
      [Tok.Simple, ' '],
      [Tok.String, 'c'],
    ]);
  });

  it('reports end of file inside a string where the string began', () => {
    const { sc, fatal } = setup('x\n`abc\ndef');
    expect(() => tokens(sc)).toThrow('fatal');
    expect(fatal).toEqual(['f.m4:2: ERROR: end of file in string']);
  });

  it('reports end of file inside a comment', () => {
    const { sc, fatal } = setup('# no end');
    sc.setComments('#', '@@');
    expect(() => tokens(sc)).toThrow('fatal');
    expect(fatal).toEqual(['f.m4:1: ERROR: end of file in comment']);
  });

  it('peeks without consuming', () => {
    const { sc } = setup('(x');
    expect(sc.peek()).toBe(Tok.Open);
    expect(sc.next()).toBe(Tok.Open);
    expect(sc.peek()).toBe(Tok.Word);
  });
});
