// --warn-macro-sequence: finds the parts of a new definition that match a GNU regular
// expression (by default `$` followed by `{...}` or by two or more digits).
import { searchRegex } from '../regex/index.js';
import { compileM4Regex, type Charset } from './regex.js';
import type { SequenceMatcher } from './runtime.js';
import { DEFAULT_MACRO_SEQUENCE } from './usage.js';

/**
 * Compiles the pattern (undefined: GNU's default); returns the fatal message for a bad one.
 * The matcher reports each non-empty match left to right, stepping over empty ones, as GNU's
 * define does.
 */
export function compileMacroSequence(regex: string | undefined, charset: Charset): SequenceMatcher | string {
  const pattern = regex ?? DEFAULT_MACRO_SEQUENCE;
  const compiled = compileM4Regex(pattern, charset);
  if (!compiled.ok) return `--warn-macro-sequence: bad regular expression \`${pattern}': ${compiled.message}`;
  const re = compiled.regex;
  return (text) => {
    const found: string[] = [];
    let offset = 0;
    while (offset <= text.length) {
      const m = searchRegex(re, text, offset, false);
      if (m === undefined) break;
      if (m.start === m.end) {
        offset = m.start + 1;
      } else {
        found.push(text.slice(m.start, m.end));
        offset = m.end;
      }
    }
    return found;
  };
}
