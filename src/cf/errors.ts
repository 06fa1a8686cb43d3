// sendmail's error output (err.c) as test mode shows it. syserr/usrerr/message format a line
// that may start with an SMTP reply code and an enhanced status code; on a non-SMTP channel
// (test mode, the .cf loader) both codes are dropped and the text is prefixed with
// "FILE: line N: " while the .cf is read, and with "ADDRESS... " for user errors about an
// address. Everything goes to standard output, as sendmail's OutChannel is stdout there.
import type { ByteSink } from '../cli/io.js';
import { withErrnoText } from '../sendmail/errno.js';
import { MAXSHORTSTR, filePositionPrefix, shortenString } from '../sendmail/strings.js';
import { enhancedCodeLength, isSmtpReply } from '../sendmail/reply-codes.js';
import { EX_OK, EX_OSERR, EX_SOFTWARE, EX_TEMPFAIL } from '../sendmail/sysexits.js';

const MSGBUF_SIZE = 8192 * 2;

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
    const code = isSmtpReply(text) ? text[0] : '5';
    if (code === '5' || code === '6' || this.envelopeMessage === null) this.envelopeMessage = line;
    this.emit(line);
  }

  /** An informational message (code 050 unless the text has its own). */
  message(text: string): void {
    const code = isSmtpReply(text) ? text.slice(0, 3) : '050';
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
    if (isSmtpReply(fmt)) {
      num = fmt.slice(0, 3);
      fmt = fmt.slice(4);
    }
    const enhLen = enhancedCodeLength(fmt, ' ');
    if (enhLen > 0) fmt = fmt.slice(enhLen + 1);
    let out = '';
    if (this.fileName !== null) out += filePositionPrefix(this.fileName, this.lineNumber);
    if (to !== null && to !== '' && ADDRESS_CODES.has(num))
      out += mask7(shortenString(to, MAXSHORTSTR) + '... ');
    out += mask7(fmt);
    // masking turns a 0x80 byte into NUL, which ends sendmail's message string there, before
    // the errno's words it would have appended
    const nul = out.indexOf('\0');
    out = nul >= 0 ? out.slice(0, nul) : withErrnoText(out, errno);
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
