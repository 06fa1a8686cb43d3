// A helper for declaring builtins with GNU's flags.
import type { BuiltinDef, BuiltinFn } from '../types.js';

export interface BuiltinFlags {
  /** A GNU extension (absent under -G). */
  gnu?: boolean;
  /** Takes builtin tokens from defn as arguments. */
  macroArgs?: boolean;
  /** Recognised only when followed by `(`. */
  blind?: boolean;
}

export function builtin(name: string, flags: BuiltinFlags, fn: BuiltinFn): BuiltinDef {
  return {
    name,
    gnuExtension: flags.gnu ?? false,
    groksMacroArgs: flags.macroArgs ?? false,
    blindIfNoArgs: flags.blind ?? false,
    fn,
  };
}
