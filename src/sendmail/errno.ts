// What sendmail prints for an error number (its sm_errstring): the C library's strerror text
// (glibc's words) for real errno values, and sendmail's own words for the pseudo-errors its
// safefile() check reports. Errors are named by their C names everywhere in mailcf
// (Node reports the same names in err.code).

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EFAULT: 'Bad address',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe',
  ERANGE: 'Numerical result out of range',
  ENAMETOOLONG: 'File name too long',
  ENOSYS: 'Function not implemented',
  ELOOP: 'Too many levels of symbolic links',
  ENOTSOCK: 'Socket operation on non-socket',
  EPROTONOSUPPORT: 'Protocol not supported',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  ENETUNREACH: 'Network is unreachable',
  ENOTCONN: 'Transport endpoint is not connected',
  ETIMEDOUT: 'Connection timed out',
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  // sendmail's safefile() findings
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
  return ERRNO_TEXT[name] ?? `Error ${name}`;
}

/** A message as syserr prints it when errno is set: the error's text appended after ": ". */
export function withErrnoText(text: string, errno: string | null | undefined): string {
  return errno ? `${text}: ${errnoText(errno)}` : text;
}
