// The probe corpus: files of address-test commands (test/bt/probes/*.probes) that the
// differential tests feed to sendmail -bt and to `mailcf test`, one session per file and config.
//
// File format (latin1):
//   - every line is sent verbatim as one test-mode command (comments and blank lines included:
//     they are commands too);
//   - a line starting with `##` is a note for readers and is not sent;
//   - `##bytes <text>` sends <text> after decoding JavaScript-style escapes (\xHH, \t, \\), for
//     probes with control or 8-bit characters;
//   - `##cf <name> ...` limits the file to these corpus configurations (default: all of them);
//   - `##args <word> ...` adds command-line arguments (both tools get them, before -C;
//     @FIXTURES@ stands for the corpus copy of test/bt/fixtures);
//   - `##session own` runs the file in a session of its own (needed after /quit, or for state
//     that must not leak); other files share one session per configuration, in name order.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BT_TEST_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROBES_DIR = join(BT_TEST_ROOT, 'probes');

export interface Probe {
  /** The command as sent (without the newline). */
  line: string;
  /** Where it came from, for failure messages: `file:line`. */
  where: string;
}

export interface ProbeFile {
  name: string;
  probes: Probe[];
  /** Corpus configurations this file runs against; undefined means all. */
  configs?: string[];
  /** Extra command-line arguments for both tools. */
  args: string[];
  /** Run in a session of its own (##session own, or any ##args). */
  ownSession: boolean;
}

/** A session's worth of probes: one file on its own, or every shareable file. */
export interface ProbeSession {
  name: string;
  probes: Probe[];
  args: string[];
  configs?: string[];
}

/**
 * Groups files into sessions: files that need their own arguments or session run alone, the
 * rest together (fewer processes; every probe still names its file and line).
 */
export function probeSessions(files: readonly ProbeFile[]): ProbeSession[] {
  const shared = files.filter((f) => !f.ownSession);
  const sessions: ProbeSession[] = shared.length
    ? [{ name: `${shared.length} probe files`, probes: shared.flatMap((f) => f.probes), args: [] }]
    : [];
  for (const f of files)
    if (f.ownSession) sessions.push({ name: f.name, probes: f.probes, args: f.args, configs: f.configs });
  return sessions;
}

/** Decodes the escapes a `##bytes` line may use. */
export function decodeProbeEscapes(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{2}|t|n|r|\\)/g, (_m, esc: string) => {
    if (esc.startsWith('x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', '\\': '\\' }[esc] ?? esc;
  });
}

export function parseProbeFile(name: string, text: string): ProbeFile {
  const probes: Probe[] = [];
  let configs: string[] | undefined;
  const args: string[] = [];
  let own = false;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const where = `${name}:${i + 1}`;
    if (line.startsWith('##bytes ')) probes.push({ line: decodeProbeEscapes(line.slice(8)), where });
    else if (line.startsWith('##cf ')) configs = line.slice(5).trim().split(/\s+/);
    else if (line.startsWith('##args ')) args.push(...line.slice(7).trim().split(/\s+/));
    else if (line.trim() === '##session own') own = true;
    else if (!line.startsWith('##')) probes.push({ line, where });
  });
  return { name, probes, configs, args, ownSession: own || args.length > 0 || configs !== undefined };
}

export function loadProbeFiles(dir = PROBES_DIR): ProbeFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.probes'))
    .sort()
    .map((f) => parseProbeFile(basename(f, '.probes'), readFileSync(join(dir, f), 'latin1')));
}
