// Diagnostics as GNU m4 prints them ("m4:FILE:LINE: message", or "m4: message" with no
// location), the exit-status rules of -E, and the same diagnostics kept as data for the API.
import type { ByteSink } from '../cli/io.js';
import { M4Exit } from './types.js';

export type M4Severity = 'warning' | 'error' | 'fatal';

/** A diagnostic as data: where (file and line when GNU names them), what, how serious. */
export interface M4Diagnostic {
  file: string | undefined;
  line: number | undefined;
  message: string;
  severity: M4Severity;
}

export class Reporter {
  /** The final exit status unless something overrides it (GNU's retcode). */
  retcode = 0;
  /** -E: any warning or error makes the exit status 1. */
  fatalWarnings = false;
  /** -E -E: the status with which the first warning or error stops m4 (0: continue). */
  warningStatus = 0;
  readonly diagnostics: M4Diagnostic[] = [];

  constructor(
    private readonly stderr: ByteSink,
    private readonly flushStdout: () => void,
    readonly programName: string,
  ) {}

  /** Prints one line as glibc's error()/error_at_line() do (they flush stdout first). */
  private print(
    file: string | undefined,
    line: number | undefined,
    message: string,
    severity: M4Severity,
  ): void {
    this.diagnostics.push({ file, line, message, severity });
    this.flushStdout();
    const where = file !== undefined ? `${this.programName}:${file}:${line}: ` : `${this.programName}: `;
    this.stderr.write(`${where}${message}\n`);
  }

  private static severityOf(message: string): M4Severity {
    return /^warning:/i.test(message) ? 'warning' : 'error';
  }

  /**
   * GNU's m4_error at an explicit location (line 0 means no location). A non-zero `status`
   * stops m4 with it; -E makes the eventual exit status 1.
   */
  errorAt(file: string, line: number, message: string, status = this.warningStatus): void {
    this.print(
      line !== 0 ? file : undefined,
      line !== 0 ? line : undefined,
      message,
      Reporter.severityOf(message),
    );
    if (status !== 0) throw new M4Exit(status);
    if (this.fatalWarnings && this.retcode === 0) this.retcode = 1;
  }

  /** GNU's m4_failure: prints the message and stops with status 1. */
  fatalAt(file: string, line: number, message: string): never {
    this.print(line !== 0 ? file : undefined, line !== 0 ? line : undefined, message, 'fatal');
    throw new M4Exit(1);
  }

  /**
   * GNU running out of memory: "m4: message" as error() prints it after flushing standard
   * output, or with `bare` the message alone as glibc's obstack prints it (before the exit
   * flushes standard output). Stops with status 1.
   */
  outOfMemory(message: string, bare: boolean): never {
    this.diagnostics.push({ file: undefined, line: undefined, message, severity: 'fatal' });
    if (!bare) this.flushStdout();
    this.stderr.write(bare ? `${message}\n` : `${this.programName}: ${message}\n`);
    throw new M4Exit(1);
  }

  /** glibc's error(0, ...): "m4: message", without -E's effect on the exit status. */
  plain(message: string): void {
    this.print(undefined, undefined, message, Reporter.severityOf(message));
  }
}
