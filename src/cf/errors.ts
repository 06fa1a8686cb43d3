// sendmail's error output (err.c) as test mode shows it. syserr/usrerr/message format a line
// that may start with an SMTP reply code and an enhanced status code; on a non-SMTP channel
// (test mode, the .cf loader) both codes are dropped and the text is prefixed with
// "FILE: line N: " while the .cf is read, and with "ADDRESS... " for user errors about an
// address. Everything goes to standard output, as sendmail's OutChannel is stdout there.
import type { ByteSink } from '../cli/io.js';

/** sysexits.h values sendmail uses for its exit status. */
export const EX_OK = 0;
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_NOUSER = 67;
export const EX_NOHOST = 68;
export const EX_UNAVAILABLE = 69;
export const EX_SOFTWARE = 70;
export const EX_OSERR = 71;
export const EX_OSFILE = 72;
export const EX_TEMPFAIL = 75;
export const EX_CONFIG = 78;

/** strerror texts (glibc) and sendmail's own error numbers, by errno name. */
const ERRNO_TEXT: Record<string, string> = {
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
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ENOTSOCK: 'Socket operation on non-socket',
  EPROTONOSUPPORT: 'Protocol not supported',
  ERANGE: 'Numerical result out of range',
  EAFNOSUPPORT: 'Address family not supported by protocol',
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

/** The text sendmail's sm_errstring gives for an errno name. */
export function errnoText(code: string): string {
  return ERRNO_TEXT[code] ?? `Error ${code}`;
}

const MSGBUF_SIZE = 8192 * 2;
const MAXSHORTSTR = 203;

/** sendmail's shortenstring: long strings keep their head and tail around "...". */
export function shortenString(s: string, max: number): string {
  if (s.length < max) return s;
  let m = max;
  if (m > MAXSHORTSTR) m = MAXSHORTSTR;
  else if (m < 10) {
    if (m < 5) return s.slice(0, m);
    return s.slice(0, m - 3) + '...';
  }
  m = Math.floor((m - 3) / 2);
  return s.slice(0, m) + '...' + s.slice(s.length - m);
}

/** "5.1.1 " style enhanced status code at the start of s (followed by delim): its length or 0. */
function enhancedCodeLength(s: string, delim: string): number {
  if (!((s[0] === '2' || s[0] === '4' || s[0] === '5') && s[1] === '.')) return 0;
  let l = 2;
  let h = 0;
  while (h < 3 && isDigitChar(s[l + h])) h++;
  if (h === 0 || s[l + h] !== '.') return 0;
  l += h + 1;
  h = 0;
  while (h < 3 && isDigitChar(s[l + h])) h++;
  if (h === 0 || (s[l + h] ?? '') !== delim) return 0;
  return l + h;
}

function isDigitChar(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isSmtpCode(s: string): boolean {
  return isDigitChar(s[0]) && isDigitChar(s[1]) && isDigitChar(s[2]) && (s[3] === ' ' || s[3] === '-');
}

const ADDRESS_CODES = new Set(['050', '250', '252', '450', '550', '553']);

const mask7 = (s: string): string =>
  s.replace(/[\x80-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0x7f));

/** The kind of a diagnostic, as sendmail's three reporting functions. */
export type ErrorKind = 'syserr' | 'usrerr' | 'message';

/**
 * The single error channel of one sendmail run: where messages go, the file position the
 * loader is at, the address being worked on, and the exit status errors leave behind.
 */
export class ErrorChannel {
  /** The .cf being read (sendmail's FileName), or null outside the loader. */
  fileName: string | null = null;
  lineNumber = 0;
  /** The address being processed (sendmail's e_to), shown before user errors. */
  to: string | null = null;
  /** The exit status sendmail would end with (ExitStat). */
  exitStatus = EX_OK;
  /** Messages of code 050 are only shown in verbose mode. */
  verbose = false;
  /** How many errors were reported. */
  errorCount = 0;
  /** The last serious message (sendmail's e_message), as it would be kept for the queue. */
  envelopeMessage: string | null = null;
  /** sendmail's SuprErrs: user errors are neither printed nor counted while set. */
  suppressUserErrors = false;

  /** Standard error (sendmail's assertion failures go there); standard output if not given. */
  err: ByteSink;

  constructor(
    public out: ByteSink,
    err?: ByteSink,
  ) {
    this.err = err ?? out;
  }

  /** A failed internal assertion: sendmail prints where and dies of SIGABRT (status 134). */
  assertionFailed(where: string, what: string): never {
    this.err.write(`${where}: ${what} failed\n`);
    throw new SendmailExit(134);
  }

  /** A system/configuration error; errno names the failed system call's error, if any. */
  syserr(text: string, errno?: string): void {
    const num = errno ? '451' : '554';
    const line = this.format(num, null, text, errno);
    this.emit(line);
    this.envelopeMessage = line;
    if (this.exitStatus === EX_OK) this.exitStatus = errno ? EX_OSERR : EX_SOFTWARE;
  }

  /** An error in user input (an address, a command). */
  usrerr(text: string): void {
    if (this.suppressUserErrors) return;
    const line = this.format('550', this.to, text);
    const code = isSmtpCode(text) ? text[0] : '5';
    if (code === '5' || code === '6' || this.envelopeMessage === null) this.envelopeMessage = line;
    this.emit(line);
  }

  /** An informational message (code 050 unless the text has its own). */
  message(text: string): void {
    const code = isSmtpCode(text) ? text.slice(0, 3) : '050';
    const line = this.format('050', this.to, text);
    if (code[0] === '0' && !this.verbose) return;
    this.writeLine(line);
  }

  /** sendmail's setstat: records an exit status unless a more important one is set. */
  setStatus(status: number): void {
    if (this.exitStatus === EX_OK || this.exitStatus === EX_TEMPFAIL) this.exitStatus = status;
  }

  /** Prints a line exactly as given (sendmail's direct printf to stdout). */
  print(text: string): void {
    this.out.write(text);
  }

  private emit(line: string): void {
    this.errorCount++;
    this.writeLine(line);
  }

  private writeLine(line: string): void {
    this.out.write(line + '\n');
  }

  /** The printed text of a message: codes dropped, position and address prefixed. */
  private format(defaultNum: string, to: string | null, text: string, errno?: string): string {
    let num = defaultNum;
    let fmt = text;
    if (isSmtpCode(fmt)) {
      num = fmt.slice(0, 3);
      fmt = fmt.slice(4);
    }
    const enhLen = enhancedCodeLength(fmt, ' ');
    if (enhLen > 0) fmt = fmt.slice(enhLen + 1);
    let out = '';
    if (this.fileName !== null) out += `${shortenString(this.fileName, 83)}: line ${this.lineNumber}: `;
    if (to !== null && to !== '' && ADDRESS_CODES.has(num))
      out += mask7(shortenString(to, MAXSHORTSTR) + '... ');
    out += mask7(fmt);
    if (errno) out += ': ' + errnoText(errno);
    return out.length > MSGBUF_SIZE - 20 ? out.slice(0, MSGBUF_SIZE - 20) : out;
  }
}

/**
 * sendmail gives up (finis): the run ends with this exit status after the messages already
 * printed. Thrown by the loader and the engines; the command catches it.
 */
export class SendmailExit extends Error {
  constructor(public readonly status: number) {
    super(`sendmail exits with status ${status}`);
  }
}
