// strerror for m4's messages: glibc's texts (src/libc/strerror.ts), so file and process failures read
// exactly as GNU m4 prints them ("cannot open `x': No such file or directory").
import { glibcErrorText } from '../libc/strerror.js';

/** The strerror text for a Node error (by its `code`), or a generic one for anything else. */
export function strerror(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return 'Unknown error';
  return strerrorCode(code);
}

/** The strerror text for an error code name such as 'ENOENT'. */
export function strerrorCode(code: string): string {
  return glibcErrorText(code) ?? `Unknown error ${code}`;
}
