// The symbol table's pushdef stacks and trace flags, and the hash order of frozen files.
import { describe, expect, it } from 'vitest';
import { gnuHash, hashTableOrder, SymbolTable, SymbolType } from '../../src/m4/symbols.js';

function defineText(table: SymbolTable, name: string, text: string, push = false): void {
  const sym = push ? table.pushdef(name) : table.insert(name);
  sym.type = SymbolType.Text;
  sym.text = text;
}

describe('symbol table', () => {
  it('stacks pushdef definitions and pops them in order', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'one');
    defineText(t, 'x', 'two', true);
    expect(t.lookup('x')?.text).toBe('two');
    t.popdef('x');
    expect(t.lookup('x')?.text).toBe('one');
    t.popdef('x');
    expect(t.lookup('x')).toBeUndefined();
  });

  it('lets define replace only the top definition', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'one');
    defineText(t, 'x', 'two', true);
    defineText(t, 'x', 'three');
    t.popdef('x');
    expect(t.lookup('x')?.text).toBe('one');
  });

  it('removes every definition on undefine', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'one');
    defineText(t, 'x', 'two', true);
    t.remove('x');
    expect(t.lookup('x')).toBeUndefined();
    expect(t.size).toBe(0);
  });

  it('keeps the trace flag with the name', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'one');
    t.insert('x').traced = true;
    defineText(t, 'x', 'two', true);
    expect(t.lookup('x')?.traced).toBe(true);
    t.lookup('x')!.traced = false;
    t.popdef('x');
    expect(t.lookup('x')?.traced).toBe(false);
  });

  it('leaves a traced placeholder when a traced name is undefined', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'one');
    t.lookup('x')!.traced = true;
    t.remove('x');
    const placeholder = t.lookup('x');
    expect(placeholder?.type).toBe(SymbolType.Void);
    expect(placeholder?.traced).toBe(true);
    defineText(t, 'x', 'again');
    expect(t.lookup('x')?.traced).toBe(true);
  });

  it('never changes a definition a call is still using', () => {
    const t = new SymbolTable();
    defineText(t, 'x', 'old');
    const inUse = t.lookup('x')!;
    inUse.pending = 1;
    defineText(t, 'x', 'new');
    expect(inUse.text).toBe('old');
    expect(t.lookup('x')?.text).toBe('new');
  });

  it('finds a word where it lies in the text', () => {
    const t = new SymbolTable();
    defineText(t, 'foo', 'F');
    const text = 'a foo b';
    let h = 0;
    for (let i = 2; i < 5; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    expect(t.lookupRange(text, 2, 5, h)?.text).toBe('F');
    expect(t.lookupRange(text, 2, 4, h)).toBeUndefined();
  });

  it('grows past its initial size and lists every name', () => {
    const t = new SymbolTable();
    for (let i = 0; i < 5000; i++) defineText(t, `m${i}`, String(i));
    expect(t.size).toBe(5000);
    expect(t.lookup('m4999')?.text).toBe('4999');
    expect(new Set(t.all().map((s) => s.name)).size).toBe(5000);
  });
});

describe("GNU's hash order", () => {
  it('hashes like GNU m4 (64-bit, signed bytes)', () => {
    expect(gnuHash('a')).toBe(97n);
    expect(gnuHash('ab')).toBe((97n << 7n) + 98n);
    // A byte above 127 counts as negative, as a signed char.
    expect(gnuHash('\u00ff')).toBe((1n << 64n) - 1n);
  });

  it('walks buckets in order, each by descending hash then by name', () => {
    const t = new SymbolTable();
    for (const name of ['a', 'b', 'c', 'ab']) defineText(t, name, '');
    const inOneBucket = hashTableOrder(t.all(), 1).map((s) => s.name);
    expect(inOneBucket).toEqual(['ab', 'c', 'b', 'a']);
    const byBucket = hashTableOrder(t.all(), 2).map((s) => s.name);
    // Even hashes (b, ab) in bucket 0, odd ones (a, c) in bucket 1.
    expect(byBucket).toEqual(['ab', 'b', 'c', 'a']);
  });
});
