// POSIX regular expressions with glibc's syntax, errors and match semantics (C locale).
import { compileProgram, ProgramTooBig, type CompiledRegex } from './match.js';
import { parseRegex, REGEX_ERRORS, RegexSyntaxError } from './parse.js';

export type { CompiledRegex } from './match.js';

export interface RegexOptions {
  /** REG_EXTENDED (else basic syntax). */
  extended: boolean;
  /** REG_ICASE (ASCII letters only, as in the C locale). */
  ignoreCase: boolean;
}

/** regcomp: the compiled pattern, or the message regerror gives for it. */
export function compilePosixRegex(
  pattern: string,
  opts: RegexOptions,
): { ok: true; regex: CompiledRegex } | { ok: false; message: string } {
  try {
    const parsed = parseRegex(pattern, opts);
    return { ok: true, regex: compileProgram(parsed, opts.ignoreCase) };
  } catch (err) {
    if (err instanceof RegexSyntaxError) return { ok: false, message: err.message };
    if (err instanceof ProgramTooBig) return { ok: false, message: REGEX_ERRORS.ESIZE };
    // Nesting deep enough to exhaust our stack (glibc's own recursion crashes there too).
    if (err instanceof RangeError) return { ok: false, message: 'Memory exhausted' };
    throw err;
  }
}

/** regexec: null when there is no match (or the match would not finish in reasonable time). */
export function execPosixRegex(
  regex: CompiledRegex,
  subject: string,
  wantGroups: boolean,
): ([number, number] | null)[] | null {
  try {
    return regex.exec(subject, wantGroups);
  } catch (err) {
    if (err instanceof ProgramTooBig || err instanceof RangeError) return null;
    throw err;
  }
}
