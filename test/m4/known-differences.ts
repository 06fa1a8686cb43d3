// The corpus programs on which mailcf's m4 is known to differ from GNU m4 (the engine's open
// bugs). The list lives in known-differences.txt, one program id a line with a short reason after
// `#` (an id followed by ` (process)` names the real-process run of a process/ program);
// docs/m4-known-differences.md has the reproducers. The differential tests expect these to
// fail, so a fix shows up as a failure until its line is removed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KNOWN_DIFFERENCES_FILE = join(dirname(fileURLToPath(import.meta.url)), 'known-differences.txt');

/** Program id → the reason noted for it. */
export function readKnownDifferences(file = KNOWN_DIFFERENCES_FILE): Map<string, string> {
  const known = new Map<string, string>();
  if (!existsSync(file)) return known;
  for (const raw of readFileSync(file, 'latin1').split('\n')) {
    const hash = raw.indexOf('#');
    const id = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (id !== '') known.set(id, hash < 0 ? '' : raw.slice(hash + 1).trim());
  }
  return known;
}

/** The corpus program a known-differences key names (`id` or `id (process)`). */
export function programOfKnownDifference(key: string): string {
  return key.replace(/ \(process\)$/, '');
}
