// What a builtin reports besides its expansion. The engine turns each diagnostic into GNU m4's
// message line and applies the exit-status rules:
// - a 'warning' ("m4:FILE:LINE: MESSAGE") does not change the exit status, unless -E (then 1)
//   or -E -E (then m4 stops);
// - an 'error' (printed the same way) makes the final exit status 1;
// - a 'fatal' diagnostic is GNU running out of memory: m4 stops at once with status 1. The line
//   has no location: "m4: MESSAGE" as gnulib's xalloc_die prints it, or MESSAGE alone when
//   `bare` (glibc's obstack gives up on an impossible size that way). What was output stays;
//   diversions and m4wrap text are dropped.
export type Severity = 'warning' | 'error' | 'fatal';

export interface Diagnostic {
  severity: Severity;
  /** The text after "m4:FILE:LINE: ", exactly as GNU m4 prints it (including any "Warning: "). */
  message: string;
  /** For 'fatal': printed without the program name in front. */
  bare?: boolean;
}

/** A builtin's result when computed by a pure function: its expansion and what it reported. */
export interface PureResult {
  text: string;
  diagnostics: readonly Diagnostic[];
}

/** The diagnostics of a result that has none (shared: builtins in loops allocate nothing). */
export const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** GNU's xalloc_die: an allocation it could not make (an expansion of gigabytes). */
export const MEMORY_EXHAUSTED: Diagnostic = { severity: 'fatal', message: 'memory exhausted' };
