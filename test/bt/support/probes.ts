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
//   - `##args <word> ...` adds command-line arguments (both tools get them, before -C).
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
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const where = `${name}:${i + 1}`;
    if (line.startsWith('##bytes ')) probes.push({ line: decodeProbeEscapes(line.slice(8)), where });
    else if (line.startsWith('##cf ')) configs = line.slice(5).trim().split(/\s+/);
    else if (line.startsWith('##args ')) args.push(...line.slice(7).trim().split(/\s+/));
    else if (!line.startsWith('##')) probes.push({ line, where });
  });
  return { name, probes, configs, args };
}

export function loadProbeFiles(dir = PROBES_DIR): ProbeFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.probes'))
    .sort()
    .map((f) => parseProbeFile(basename(f, '.probes'), readFileSync(join(dir, f), 'latin1')));
}
