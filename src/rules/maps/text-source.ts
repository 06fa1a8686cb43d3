// A makemap text source read the way makemap reads it, giving the keys and values the database
// would hold — so file-based maps work without Berkeley DB.
import { asciiLower } from '../../sendmail/ctype.js';
import { isSpace } from './cbuf.js';
import type { TextSourceSpec } from './types.js';

/** makemap reads lines with a 1024-byte buffer: at most 1023 bytes at a time. */
const LINE_CHUNK = 1023;

export interface TextSourceProblem {
  line: number;
  text: string;
}

export interface TextSourceContents {
  /** Keys exactly as stored (folded unless -f; with a trailing NUL under -N). */
  entries: Map<string, string>;
  /** What makemap would have complained about (it skips those lines). */
  problems: TextSourceProblem[];
}

type MakemapOptions = Omit<TextSourceSpec, 'path'>;

/** Splits input into the pieces makemap's fgets loop sees: [text, endedWithNewline, more]. */
function* chunks(text: string): Generator<{ line: string; complete: boolean }> {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = Math.min(nl < 0 ? text.length : nl + 1, pos + LINE_CHUNK);
    const piece = text.slice(pos, end);
    pos = end;
    if (piece.endsWith('\n')) yield { line: piece.slice(0, -1), complete: true };
    else yield { line: piece, complete: pos >= text.length };
  }
}

/** Reads a makemap text source: comments, blank lines, the first separator, key folding. */
export function readTextSource(text: string, opts: MakemapOptions = {}): TextSourceContents {
  const sep = opts.delimiter ?? '';
  const comment = opts.commentChar ?? '#';
  const isSep = (c: string): boolean => (sep === '' ? isSpace(c) : c === sep);
  const entries = new Map<string, string>();
  const problems: TextSourceProblem[] = [];
  let lineNo = 0;
  for (const chunk of chunks(text)) {
    lineNo++;
    if (!chunk.complete) {
      problems.push({ line: lineNo, text: `line too long (${LINE_CHUNK + 1} bytes max)` });
      continue;
    }
    const nul = chunk.line.indexOf('\0');
    const line = nul < 0 ? chunk.line : chunk.line.slice(0, nul);
    if (line === '' || line[0] === comment) continue;
    if (sep === '' && isSpace(line[0]!)) {
      problems.push({ line: lineNo, text: 'syntax error (leading space)' });
      continue;
    }
    let k = 0;
    while (k < line.length && !isSep(line[k]!)) k++;
    let key = line.slice(0, k);
    if (!opts.noFoldCase) key = asciiLower(key);
    let v = k < line.length ? k + 1 : k;
    while (v < line.length && isSep(line[v]!)) v++;
    const value = line.slice(v);
    if (value === '' && !opts.allowEmpty) {
      problems.push({ line: lineNo, text: `no RHS for LHS ${key}` });
      continue;
    }
    const stored = opts.includeNull ? key + '\0' : key;
    if (entries.has(stored) && !opts.replaceDuplicates) {
      problems.push({ line: lineNo, text: `key ${key}: duplicate key` });
      continue;
    }
    entries.set(stored, value);
  }
  return { entries, problems };
}

/**
 * A text source described with makemap's own options (-f -N -t C -D C -r -e -d), as a user
 * would give them on the command line: e.g. ["-f", "-t", ":"].
 */
export function textSourceSpec(path: string, makemapArgs: readonly string[] = []): TextSourceSpec {
  const spec: TextSourceSpec = { path };
  for (let i = 0; i < makemapArgs.length; i++) {
    const a = makemapArgs[i]!;
    if (!a.startsWith('-')) continue;
    for (let k = 1; k < a.length; k++) {
      const opt = a[k]!;
      if (opt === 't' || opt === 'D') {
        const value = k + 1 < a.length ? a.slice(k + 1) : (makemapArgs[++i] ?? '');
        if (opt === 't' && value !== '') spec.delimiter = value[0]!;
        if (opt === 'D') spec.commentChar = value[0] ?? '';
        break;
      }
      if (opt === 'f') spec.noFoldCase = true;
      else if (opt === 'N') spec.includeNull = true;
      else if (opt === 'r') spec.replaceDuplicates = true;
      else if (opt === 'e') spec.allowEmpty = true;
    }
  }
  return spec;
}

/**
 * The value of mailcf's `--map-source` option: "MAPFILE=SOURCE [makemap options]", e.g.
 * "/etc/mail/access=/srv/access.txt -f -t :". MAPFILE is the file as the K line names it.
 */
export function parseMapSourceOption(
  value: string,
): { ok: true; file: string; spec: TextSourceSpec } | { ok: false; message: string } {
  const eq = value.indexOf('=');
  const words =
    eq < 0
      ? []
      : value
          .slice(eq + 1)
          .split(/[ \t]+/)
          .filter((w) => w !== '');
  if (eq <= 0 || words.length === 0) {
    return { ok: false, message: `--map-source ${value}: expected MAPFILE=SOURCE [makemap options]` };
  }
  return { ok: true, file: value.slice(0, eq), spec: textSourceSpec(words[0]!, words.slice(1)) };
}
