// The corpus programs on which mailcf's m4 is known to differ from GNU m4 (the engine's open
// bugs). The list lives in known-differences.txt, one program id a line with a short reason after
// `#` (an id followed by ` (process)` names the real-process run of a process/ program);
// docs/m4-known-differences.md has the reproducers. The differential tests expect these to
// fail, so a fix shows up as a failure until its line is removed. A reason that starts with
// `[not run]` marks a program that would take the test process down with it (mailcf loops or
// runs out of memory on it): it is skipped, with the reason as its notice, until fixed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

export const KNOWN_DIFFERENCES_FILE = join(dirname(fileURLToPath(import.meta.url)), 'known-differences.txt');

const NOT_RUN_TAG = '[not run]';

export interface KnownDifference {
  reason: string;
  /** True when running the program in-process is unsafe, so it is skipped instead. */
  notRun: boolean;
}

/** Program key (`id` or `id (process)`) → what is noted for it. */
export function readKnownDifferences(file = KNOWN_DIFFERENCES_FILE): Map<string, KnownDifference> {
  const known = new Map<string, KnownDifference>();
  if (!existsSync(file)) return known;
  for (const raw of readFileSync(file, 'latin1').split('\n')) {
    const hash = raw.indexOf('#');
    const key = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (key === '') continue;
    const reason = hash < 0 ? '' : raw.slice(hash + 1).trim();
    known.set(key, { reason, notRun: reason.startsWith(NOT_RUN_TAG) });
  }
  return known;
}

/** The corpus program a known-differences key names (`id` or `id (process)`). */
export function programOfKnownDifference(key: string): string {
  return key.replace(/ \(process\)$/, '');
}

type TestFunction = (name: string, fn: () => unknown, timeoutMs?: number) => void;

/** The vitest `it` for a program key (`it`, `it.fails` or `it.skip`) and the test's title. */
export function knownDifferenceTest(
  known: Map<string, KnownDifference>,
  key: string,
): { test: TestFunction; title: string } {
  const entry = known.get(key);
  if (!entry) return { test: it, title: key };
  if (entry.notRun) return { test: it.skip, title: `${key} — ${entry.reason}` };
  return { test: it.fails, title: key };
}
