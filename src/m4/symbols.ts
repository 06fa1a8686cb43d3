// The symbol table: one entry per name, each with its pushdef stack of older definitions.
// It follows GNU m4's rules for what survives a redefinition: the trace flag belongs to the
// name (pushdef copies it, popdef hands it down, undefining a traced name leaves a traced
// placeholder), and a definition captured by a call in progress is never changed under it.
import type { BuiltinDef } from './types.js';

export const enum SymbolType {
  Void = 0,
  Text = 1,
  Func = 2,
}

export interface M4Symbol {
  name: string;
  type: SymbolType;
  text: string;
  func: BuiltinDef | undefined;
  traced: boolean;
  macroArgs: boolean;
  blind: boolean;
  /** The definition this one hides (pushdef), or undefined. */
  stack: M4Symbol | undefined;
  /** Calls of this definition whose arguments are being collected or that are running. */
  pending: number;
  /** The compiled form of `text` for expansion, built on first use. */
  compiled?: unknown;
}

function newSymbol(name: string): M4Symbol {
  return {
    name,
    type: SymbolType.Void,
    text: '',
    func: undefined,
    traced: false,
    macroArgs: false,
    blind: false,
    stack: undefined,
    pending: 0,
    compiled: undefined,
  };
}

/** One name in the table: its current definition (the top of its pushdef stack). */
interface Slot {
  name: string;
  hash: number;
  top: M4Symbol;
  next: Slot | undefined;
}

/** The hash the table uses for text[start, end): the fast path computes it while scanning. */
export function nameHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * Names map to their current definition. A hash table of our own (rather than a Map) lets the
 * scanner look a word up where it lies in the input, without cutting it out first.
 */
export class SymbolTable {
  private buckets: (Slot | undefined)[] = new Array<Slot | undefined>(1024).fill(undefined);
  private mask = 1023;
  private count = 0;

  private find(name: string): Slot | undefined {
    const h = nameHash(name, 0, name.length);
    for (let slot = this.buckets[h & this.mask]; slot !== undefined; slot = slot.next) {
      if (slot.hash === h && slot.name === name) return slot;
    }
    return undefined;
  }

  lookup(name: string): M4Symbol | undefined {
    return this.find(name)?.top;
  }

  /** The definition of the word text[start, end), whose nameHash is `hash`. */
  lookupRange(text: string, start: number, end: number, hash: number): M4Symbol | undefined {
    const len = end - start;
    for (let slot = this.buckets[hash & this.mask]; slot !== undefined; slot = slot.next) {
      if (slot.hash === hash && slot.name.length === len && text.startsWith(slot.name, start))
        return slot.top;
    }
    return undefined;
  }

  private setEntry(name: string, sym: M4Symbol): void {
    const slot = this.find(name);
    if (slot !== undefined) {
      slot.top = sym;
      return;
    }
    if (++this.count > this.buckets.length) this.grow();
    const hash = nameHash(name, 0, name.length);
    const i = hash & this.mask;
    this.buckets[i] = { name, hash, top: sym, next: this.buckets[i] };
  }

  private deleteEntry(name: string): boolean {
    const h = nameHash(name, 0, name.length);
    const i = h & this.mask;
    let prev: Slot | undefined;
    for (let slot = this.buckets[i]; slot !== undefined; prev = slot, slot = slot.next) {
      if (slot.hash === h && slot.name === name) {
        if (prev === undefined) this.buckets[i] = slot.next;
        else prev.next = slot.next;
        this.count--;
        return true;
      }
    }
    return false;
  }

  private grow(): void {
    const old = this.buckets;
    this.buckets = new Array<Slot | undefined>(old.length * 2).fill(undefined);
    this.mask = this.buckets.length - 1;
    for (let slot of old) {
      while (slot !== undefined) {
        const next = slot.next;
        const i = slot.hash & this.mask;
        slot.next = this.buckets[i];
        this.buckets[i] = slot;
        slot = next;
      }
    }
  }

  /** GNU's SYMBOL_INSERT: the current definition to overwrite, creating it if needed. */
  insert(name: string): M4Symbol {
    const old = this.lookup(name);
    if (old === undefined) {
      const sym = newSymbol(name);
      this.setEntry(name, sym);
      return sym;
    }
    if (old.pending > 0) {
      // A call still uses the old definition: give the name a fresh one instead.
      const sym = newSymbol(name);
      sym.traced = old.traced;
      sym.stack = old.stack;
      this.setEntry(name, sym);
      return sym;
    }
    return old;
  }

  /** GNU's SYMBOL_PUSHDEF: a new definition hiding the current one. */
  pushdef(name: string): M4Symbol {
    const sym = newSymbol(name);
    const old = this.lookup(name);
    if (old !== undefined) {
      sym.stack = old;
      sym.traced = old.traced;
    }
    this.setEntry(name, sym);
    return sym;
  }

  /** GNU's SYMBOL_POPDEF: drop the current definition, revealing the one below. */
  popdef(name: string): void {
    const sym = this.lookup(name);
    if (sym === undefined) return;
    if (sym.stack !== undefined) {
      sym.stack.traced = sym.traced;
      this.setEntry(name, sym.stack);
    } else {
      this.removeName(name, sym.traced);
    }
  }

  /** GNU's SYMBOL_DELETE: drop every definition of the name. */
  remove(name: string): void {
    const sym = this.lookup(name);
    if (sym === undefined) return;
    this.removeName(name, sym.traced);
  }

  private removeName(name: string, traced: boolean): void {
    this.deleteEntry(name);
    if (traced) {
      // A traced name keeps a placeholder so tracing resumes when it is defined again.
      const placeholder = newSymbol(name);
      placeholder.traced = true;
      this.setEntry(name, placeholder);
    }
  }

  /** Every current symbol (placeholders included), in no particular order. */
  all(): M4Symbol[] {
    const out: M4Symbol[] = [];
    for (let slot of this.buckets) {
      for (; slot !== undefined; slot = slot.next) out.push(slot.top);
    }
    return out;
  }

  get size(): number {
    return this.count;
  }
}

/** GNU m4's bucket hash (from GNU Emacs), on 64-bit size_t with signed chars. */
export function gnuHash(name: string): bigint {
  const mask = (1n << 64n) - 1n;
  let val = 0n;
  for (let i = 0; i < name.length; i++) {
    let ch = name.charCodeAt(i);
    if (ch > 127) ch -= 256;
    val = ((val << 7n) + (val >> 57n) + BigInt(ch)) & mask;
  }
  return val;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The symbols in the order GNU m4 walks its hash table (bucket by bucket; within a bucket by
 * descending hash, then ascending name): the order of a frozen file.
 */
export function hashTableOrder(symbols: M4Symbol[], tableSize: number): M4Symbol[] {
  const size = BigInt(tableSize);
  const keyed = symbols.map((sym) => {
    const h = gnuHash(sym.name);
    return { sym, h, bucket: h % size };
  });
  keyed.sort((x, y) => {
    if (x.bucket !== y.bucket) return x.bucket < y.bucket ? -1 : 1;
    if (x.h !== y.h) return x.h > y.h ? -1 : 1;
    return compareBytes(x.sym.name, y.sym.name);
  });
  return keyed.map((k) => k.sym);
}
