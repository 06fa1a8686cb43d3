import type { MapDiagnostic } from './types.js';

// The text sendmail prints for an error number (sm_errstring): the C library's strerror for
// real errno values, sendmail's own words for its pseudo-errors (safefile's findings).

const ERROR_TEXT: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  ENOSYS: 'Function not implemented',
  ECONNREFUSED: 'Connection refused',
  ENOTCONN: 'Transport endpoint is not connected',
  ETIMEDOUT: 'Connection timed out',
  EAGAIN: 'Resource temporarily unavailable',
  EPROTONOSUPPORT: 'Protocol not supported',
  ENOEXEC: 'Exec format error',
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

/** The words for an errno name; unknown names print as sendmail prints an unknown error. */
export function errorText(code: string): string {
  return ERROR_TEXT[code] ?? `Error ${code}`;
}

/** A syserr text with the error appended as sendmail appends errno (": text"). */
export function withError(text: string, code: string | null): string {
  return code === null ? text : `${text}: ${errorText(code)}`;
}

/** A syserr as sendmail prints it, errno (when set) appended and recorded for the exit status. */
export function syserr(text: string, code: string | null = null): MapDiagnostic {
  return code === null
    ? { severity: 'syserr', text }
    : { severity: 'syserr', text: withError(text, code), errno: code };
}
