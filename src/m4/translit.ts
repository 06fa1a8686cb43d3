// GNU m4's translit: byte-for-byte translation with ranges, deletion when `to` is shorter.
import type { PureResult } from './diagnostics.js';
import { cString } from './numeric.js';

/**
 * Expands `x-y` ranges (backwards when x > y, so `9-0` is 9876543210). A `-` at the start or
 * the end is literal; ranges chain, so `a-c-e` is abcde, the end of one range starting the next.
 */
export function expandRanges(spec: string): string {
  const out: string[] = [];
  let previous = -1; // no previous byte yet: a leading '-' is literal
  for (let i = 0; i < spec.length; i++) {
    const code = spec.charCodeAt(i);
    if (code === 45 /* - */ && previous >= 0) {
      if (i + 1 >= spec.length) {
        out.push('-');
        break;
      }
      const end = spec.charCodeAt(++i);
      // The range's first byte was already emitted as an ordinary byte.
      if (previous <= end) for (let c = previous + 1; c <= end; c++) out.push(String.fromCharCode(c));
      else for (let c = previous - 1; c >= end; c--) out.push(String.fromCharCode(c));
      previous = end;
      continue;
    }
    out.push(spec[i]);
    previous = code;
  }
  return out.join('');
}

/** translit(string, from, [to]). `args` exclude the macro name. */
export function translitBuiltin(_builtinName: string, args: string[]): PureResult {
  if (args.length === 0) return { text: '', diagnostics: [] };
  const data = cString(args[0]);
  const fromSpec = cString(args[1] ?? '');
  if (args.length < 2 || data === '' || fromSpec === '') return { text: data, diagnostics: [] };
  const toSpec = cString(args[2] ?? '');
  const to = toSpec.includes('-') ? expandRanges(toSpec) : toSpec;
  // GNU expands ranges in `from` only when it has three bytes or more.
  const from = fromSpec.length >= 3 && fromSpec.includes('-') ? expandRanges(fromSpec) : fromSpec;

  // The first occurrence of a byte in `from` decides its fate; no counterpart in `to` deletes it.
  const replacement = new Map<string, string>();
  for (let i = 0; i < from.length; i++) {
    if (!replacement.has(from[i])) replacement.set(from[i], i < to.length ? to[i] : '');
  }
  let text = '';
  let copiedUpTo = 0;
  for (let i = 0; i < data.length; i++) {
    const mapped = replacement.get(data[i]);
    if (mapped === undefined) continue;
    text += data.slice(copiedUpTo, i) + mapped;
    copiedUpTo = i + 1;
  }
  return { text: text + data.slice(copiedUpTo), diagnostics: [] };
}
