// --warn-macro-sequence: finds the parts of a new definition that match a GNU regular
// expression (by default `$` followed by `{...}` or by two or more digits).
import type { SequenceMatcher } from './runtime.js';
import { DEFAULT_MACRO_SEQUENCE } from './usage.js';

/** The default pattern, in JavaScript syntax (the same matches). */
const DEFAULT_PATTERN = /\$(\{[^}]*\}|[0-9][0-9]+)/g;

/**
 * Compiles the pattern (undefined: GNU's default); returns the fatal message on a bad one.
 * Empty matches are skipped, each non-empty match is reported once, left to right.
 */
export function compileMacroSequence(regex: string | undefined): SequenceMatcher | string {
  if (regex === undefined || regex === DEFAULT_MACRO_SEQUENCE) {
    return (text) => [...text.matchAll(DEFAULT_PATTERN)].map((m) => m[0]);
  }
  return `--warn-macro-sequence: bad regular expression \`${regex}': not supported yet`;
}
