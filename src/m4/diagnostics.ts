// What a builtin reports besides its expansion. The engine turns each diagnostic into GNU m4's
// message line ("m4:FILE:LINE: MESSAGE") and applies the exit-status rules:
// - a 'warning' does not change the exit status, unless -E (then 1) or -E -E (then m4 stops);
// - an 'error' makes the final exit status 1.
export type Severity = 'warning' | 'error';

export interface Diagnostic {
  severity: Severity;
  /** The text after "m4:FILE:LINE: ", exactly as GNU m4 prints it (including any "Warning: "). */
  message: string;
}

/** A builtin's result when computed by a pure function: its expansion and what it reported. */
export interface PureResult {
  text: string;
  diagnostics: Diagnostic[];
}
