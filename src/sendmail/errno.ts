// What sendmail prints for an error number (its sm_errstring): the C library's strerror text
// (glibc's words) for real errno values, and sendmail's own words for the pseudo-errors its
// safefile() check reports. Errors are named by their C names everywhere in mailcf
// (Node reports the same names in err.code).
import { glibcErrorText } from '../libc/strerror.js';

/** sendmail's words for the pseudo-errors of its safefile() check. */
const SAFEFILE_TEXT: Readonly<Record<string, string>> = {
  E_SM_OPENTIMEOUT: 'Timeout on file open',
  E_SM_NOSLINK: 'Symbolic links not allowed',
  E_SM_NOHLINK: 'Hard links not allowed',
  E_SM_REGONLY: 'Regular files only',
  E_SM_ISEXEC: 'Executable files not allowed',
  E_SM_WWDIR: 'World writable directory',
  E_SM_GWDIR: 'Group writable directory',
  E_SM_FILECHANGE: 'File changed after open',
  E_SM_WWFILE: 'World writable file',
  E_SM_GWFILE: 'Group writable file',
  E_SM_GRFILE: 'Group readable file',
  E_SM_WRFILE: 'World readable file',
};

/** The text sendmail prints for an errno name; an unknown name prints as an unknown error. */
export function errnoText(name: string): string {
  return SAFEFILE_TEXT[name] ?? glibcErrorText(name) ?? `Error ${name}`;
}

/** A message as syserr prints it when errno is set: the error's text appended after ": ". */
export function withErrnoText(text: string, errno: string | null | undefined): string {
  return errno ? `${text}: ${errnoText(errno)}` : text;
}
