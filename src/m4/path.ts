// Finding files the way GNU m4 does for include, sinclude, undivert, -R and command-line files:
// the name as given (relative to the working directory) first, then each include directory
// (-I, then M4PATH) unless the name is absolute or GNU extensions are off.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export type FileSearch =
  | { ok: true; text: string; name: string; viaIncludePath: boolean }
  | { ok: false; error: NodeJS.ErrnoException };

/** GNU's file_name_concat: one slash between directory and file. */
export function joinDir(dir: string, file: string): string {
  if (/^\/+$/.test(dir)) return dir + file;
  return dir.replace(/\/+$/, '') + '/' + file;
}

function readLatin1(cwd: string, name: string): string {
  return readFileSync(resolve(cwd, name)).toString('latin1');
}

/** Searches for `file`; on failure the error is the one from the first attempt, as GNU keeps. */
export function searchFile(
  file: string,
  cwd: string,
  includeDirs: readonly string[],
  useIncludeDirs: boolean,
): FileSearch {
  if (file === '') {
    const error = Object.assign(new Error('ENOENT'), { code: 'ENOENT' }) as NodeJS.ErrnoException;
    return { ok: false, error };
  }
  let firstError: NodeJS.ErrnoException;
  try {
    return { ok: true, text: readLatin1(cwd, file), name: file, viaIncludePath: false };
  } catch (err) {
    firstError = err as NodeJS.ErrnoException;
  }
  if (isAbsolute(file) || !useIncludeDirs) return { ok: false, error: firstError };
  for (const dir of includeDirs) {
    const name = joinDir(dir, file);
    try {
      return { ok: true, text: readLatin1(cwd, name), name, viaIncludePath: true };
    } catch {
      // Try the next directory.
    }
  }
  return { ok: false, error: firstError };
}
