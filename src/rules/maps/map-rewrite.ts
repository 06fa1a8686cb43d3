// How a found value becomes a map's answer (sendmail's map_rewrite): %0..%9 are replaced by the
// lookup's arguments, %% by %, and the -a text is appended.
import type { MapFlags } from './types.js';

/**
 * Builds a map's result from a value. With av null (the -m "match only" results) the value is
 * taken as it is; otherwise %n substitution applies: %n is av[n] (nothing when there is no such
 * argument), %% is %, % before anything else stays as written. The value ends at a NUL byte, as
 * a C string does; the -a text follows it.
 */
export function mapRewrite(flags: MapFlags, value: string, av: readonly string[] | null): string {
  const app = flags.appendText ?? '';
  if (av === null) {
    const nul = value.indexOf('\0');
    // sendmail copies the bytes and appends after them, so a NUL hides the appended text too.
    return nul < 0 ? value + app : value.slice(0, nul);
  }
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\0') break;
    if (c !== '%') {
      out += c;
      continue;
    }
    const next = i + 1 < value.length ? value[i + 1]! : '\0';
    if (next === '\0' || next === '%') {
      out += '%';
      if (next === '%') i++;
      else break;
      continue;
    }
    i++;
    if (next < '0' || next > '9') {
      out += '%' + next;
      continue;
    }
    const arg = av[next.charCodeAt(0) - 48];
    if (arg !== undefined) out += cut(arg);
  }
  return out + app;
}

function cut(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}
