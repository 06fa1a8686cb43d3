// The shapes shared by the engine's modules: builtins, macro arguments, and the fatal exit.
import type { Runtime } from './runtime.js';

/** A builtin's implementation: gets the call's arguments (argv[0] is the name as called). */
export type BuiltinFn = (rt: Runtime, argv: MacroArg[]) => string;

/** A builtin macro: GNU's table entry (name, flags) and our implementation. */
export interface BuiltinDef {
  name: string;
  /** Left out under -G (traditional mode). */
  gnuExtension: boolean;
  /** Receives builtin tokens (from defn) as arguments instead of empty text. */
  groksMacroArgs: boolean;
  /** Recognised only when followed by an open parenthesis. */
  blindIfNoArgs: boolean;
  fn: BuiltinFn;
}

/** A collected macro argument: text, or a builtin token passed along by `defn`. */
export type MacroArg = string | BuiltinDef;

/** Thrown to stop the engine the way GNU m4 calls exit(): m4exit, fatal errors, -E -E. */
export class M4Exit extends Error {
  /**
   * @param abrupt the process dies without flushing its buffers (GNU's stack-overflow
   *   handler calls _exit), so buffered standard output and debug output are lost.
   */
  constructor(
    readonly status: number,
    readonly abrupt = false,
  ) {
    super(`m4 exit ${status}`);
  }
}

/** The text of argument i, as GNU's ARG(i): empty when missing (or a builtin token). */
export function argText(argv: readonly MacroArg[], i: number): string {
  const a = argv[i];
  return typeof a === 'string' ? a : '';
}
