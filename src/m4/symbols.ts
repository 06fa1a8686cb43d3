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
  };
}

export class SymbolTable {
  private readonly table = new Map<string, M4Symbol>();

  lookup(name: string): M4Symbol | undefined {
    return this.table.get(name);
  }

  /** GNU's SYMBOL_INSERT: the current definition to overwrite, creating it if needed. */
  insert(name: string): M4Symbol {
    const old = this.table.get(name);
    if (old === undefined) {
      const sym = newSymbol(name);
      this.table.set(name, sym);
      return sym;
    }
    if (old.pending > 0) {
      // A call still uses the old definition: give the name a fresh one instead.
      const sym = newSymbol(name);
      sym.traced = old.traced;
      sym.stack = old.stack;
      this.table.set(name, sym);
      return sym;
    }
    return old;
  }

  /** GNU's SYMBOL_PUSHDEF: a new definition hiding the current one. */
  pushdef(name: string): M4Symbol {
    const sym = newSymbol(name);
    const old = this.table.get(name);
    if (old !== undefined) {
      sym.stack = old;
      sym.traced = old.traced;
    }
    this.table.set(name, sym);
    return sym;
  }

  /** GNU's SYMBOL_POPDEF: drop the current definition, revealing the one below. */
  popdef(name: string): void {
    const sym = this.table.get(name);
    if (sym === undefined) return;
    if (sym.stack !== undefined) {
      sym.stack.traced = sym.traced;
      this.table.set(name, sym.stack);
    } else {
      this.removeName(name, sym.traced);
    }
  }

  /** GNU's SYMBOL_DELETE: drop every definition of the name. */
  remove(name: string): void {
    const sym = this.table.get(name);
    if (sym === undefined) return;
    this.removeName(name, sym.traced);
  }

  private removeName(name: string, traced: boolean): void {
    this.table.delete(name);
    if (traced) {
      // A traced name keeps a placeholder so tracing resumes when it is defined again.
      const placeholder = newSymbol(name);
      placeholder.traced = true;
      this.table.set(name, placeholder);
    }
  }

  /** Every current symbol (placeholders included), in no particular order. */
  all(): M4Symbol[] {
    return [...this.table.values()];
  }

  get size(): number {
    return this.table.size;
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
