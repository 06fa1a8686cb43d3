// Debug and trace output in GNU m4's format: the `-d` flags, where the output goes
// (stderr, a file opened for appending, or nowhere), and the trace lines of macro calls.
import { appendFileSync, closeSync, openSync } from 'node:fs';
import type { ByteSink } from '../cli/io.js';
import type { MacroArg } from './types.js';

export const DEBUG_ARGS = 1; // a
export const DEBUG_EXPANSION = 2; // e
export const DEBUG_QUOTE = 4; // q
export const DEBUG_ALL = 8; // t
export const DEBUG_LINE = 16; // l
export const DEBUG_FILE = 32; // f
export const DEBUG_PATH = 64; // p
export const DEBUG_CALL = 128; // c
export const DEBUG_INPUT = 256; // i
export const DEBUG_CALLID = 512; // x
export const DEBUG_VERBOSE = 1023; // V
export const DEBUG_DEFAULT = 7; // aeq

const FLAG_BITS: Record<string, number> = {
  a: DEBUG_ARGS,
  e: DEBUG_EXPANSION,
  q: DEBUG_QUOTE,
  t: DEBUG_ALL,
  l: DEBUG_LINE,
  f: DEBUG_FILE,
  p: DEBUG_PATH,
  c: DEBUG_CALL,
  i: DEBUG_INPUT,
  x: DEBUG_CALLID,
  V: DEBUG_VERBOSE,
};

/** Parses debug flags; undefined or empty means the default `aeq`; -1 for a bad flag. */
export function parseDebugFlags(flags: string | undefined): number {
  if (flags === undefined || flags === '') return DEBUG_DEFAULT;
  let level = 0;
  for (const ch of flags) {
    const bit = FLAG_BITS[ch];
    if (bit === undefined) return -1;
    level |= bit;
  }
  return level;
}

/** Where debug output goes: GNU's `debug` FILE (stderr unbuffered; a file buffered). */
type DebugTarget =
  | { kind: 'stderr' }
  | { kind: 'file'; path: string; pending: string; failure?: NodeJS.ErrnoException }
  | { kind: 'none' };

/** What the trace formatter needs from the engine at the moment of a trace line. */
export interface TraceContext {
  currentFile: string;
  currentLine: number;
  expansionLevel: number;
  lquote: string;
  rquote: string;
}

export class Debug {
  level = 0;
  /** -l: longest argument or expansion shown in a trace (0: no limit). */
  maxArgLength = 0;
  private target: DebugTarget = { kind: 'stderr' };
  /** The trace line being assembled (GNU's trace obstack). */
  private traceLine = '';

  /**
   * When the debug stream is the same file as standard output (as with `2>&1`), GNU m4 writes
   * debug output through stdout's buffer so the two keep their order; this is that buffer.
   */
  private viaStdout: ByteSink | undefined;

  /** Told when a debug file that could not be written is closed (GNU then fails the run). */
  onCloseError: (err: NodeJS.ErrnoException) => void = () => {};

  constructor(private readonly stderr: ByteSink) {}

  /** Routes debug output through standard output's buffer (or stops doing so). */
  shareStdout(stdout: ByteSink | undefined): void {
    this.flush();
    this.viaStdout = stdout;
  }

  /** Where debug output goes now, for the same-file check: stderr, a file path, or nowhere. */
  get destination(): { kind: 'stderr' } | { kind: 'file'; path: string } | { kind: 'none' } {
    return this.target;
  }

  /** Changing the flags drops a half-built trace line, as GNU's debug_decode does. */
  decode(flags: string | undefined): number {
    const level = parseDebugFlags(flags);
    if (level >= 0) this.traceLine = '';
    return level;
  }

  /** Debug output goes to a file, which GNU holds open. */
  get writesToFile(): boolean {
    return this.target.kind === 'file';
  }

  get enabled(): boolean {
    return this.target.kind !== 'none';
  }

  /** Writes to the debug stream. */
  print(text: string): void {
    const t = this.target;
    if (t.kind === 'none') return;
    if (this.viaStdout !== undefined) this.viaStdout.write(text);
    else if (t.kind === 'stderr') this.stderr.write(text);
    else if (t.kind === 'file') t.pending += text;
  }

  /** Drops what a debug file has buffered (the process dies without flushing). */
  discard(): void {
    if (this.target.kind === 'file') this.target.pending = '';
  }

  /** Flushes a buffered debug file (before running commands and at exit). */
  flush(): void {
    const t = this.target;
    if (t.kind === 'file' && t.pending.length > 0) {
      const text = t.pending;
      t.pending = '';
      try {
        appendFileSync(t.path, Buffer.from(text, 'latin1'));
      } catch (err) {
        // GNU reports write errors on the debug stream only when closing it.
        t.failure ??= err as NodeJS.ErrnoException;
      }
    }
  }

  /**
   * Redirects debug output: undefined means stderr, '' discards, else a file opened for
   * appending (created if needed). Returns the error when the file cannot be opened.
   */
  setOutput(path: string | undefined): NodeJS.ErrnoException | undefined {
    if (path !== undefined && path !== '') {
      try {
        closeSync(openSync(path, 'a'));
      } catch (err) {
        return err as NodeJS.ErrnoException;
      }
    }
    this.flush();
    const old = this.target;
    if (old.kind === 'file' && old.failure !== undefined) this.onCloseError(old.failure);
    if (path === undefined) this.target = { kind: 'stderr' };
    else if (path === '') this.target = { kind: 'none' };
    else this.target = { kind: 'file', path, pending: '' };
    return undefined;
  }

  /** "m4debug:FILE:LINE: message" for -d i and -d p messages. */
  message(ctx: TraceContext, text: string): void {
    if (!this.enabled) return;
    this.print(`m4debug:${this.location(ctx)} ${text}\n`);
  }

  private location(ctx: TraceContext): string {
    if (ctx.currentLine === 0) return '';
    let loc = '';
    if (this.level & DEBUG_FILE) loc += `${ctx.currentFile}:`;
    if (this.level & DEBUG_LINE) loc += `${ctx.currentLine}:`;
    return loc;
  }

  /** A traced value, cut to -l characters (GNU adds "..." even when nothing was cut). */
  private limited(text: string): string {
    const max = this.maxArgLength;
    if (max === 0 || max > text.length) return text;
    return text.slice(0, max) + '...';
  }

  private quoted(ctx: TraceContext, text: string): string {
    const q = (this.level & DEBUG_QUOTE) !== 0;
    return (q ? ctx.lquote : '') + this.limited(text) + (q ? ctx.rquote : '');
  }

  private header(ctx: TraceContext, id: number): string {
    let h = `m4trace:${this.location(ctx)} -${ctx.expansionLevel}- `;
    if (this.level & DEBUG_CALLID) h += `id ${id}: `;
    return h;
  }

  private flushTrace(): void {
    const line = this.traceLine;
    this.traceLine = '';
    this.print(line + '\n');
  }

  /** Before argument collection (flag c): "NAME ...". */
  tracePrepre(ctx: TraceContext, name: string, id: number): void {
    this.traceLine += this.header(ctx, id) + `${name} ...`;
    this.flushTrace();
  }

  /** After argument collection: "NAME(args)", flushed now only with flag c. */
  tracePre(ctx: TraceContext, name: string, id: number, argv: readonly MacroArg[]): void {
    let line = this.header(ctx, id) + name;
    if (argv.length > 1 && this.level & DEBUG_ARGS) {
      line += '(';
      for (let i = 1; i < argv.length; i++) {
        if (i !== 1) line += ', ';
        const a = argv[i];
        line += typeof a === 'string' ? this.quoted(ctx, a) : `<${a.name}>`;
      }
      line += ')';
    }
    this.traceLine += line;
    if (this.level & DEBUG_CALL) {
      this.traceLine += ' -> ???';
      this.flushTrace();
    }
  }

  /** After the call: the expansion (flag e), and the line is printed. */
  tracePost(ctx: TraceContext, name: string, id: number, argc: number, expanded: string | undefined): void {
    if (this.level & DEBUG_CALL) this.traceLine += this.header(ctx, id) + name + (argc > 1 ? '(...)' : '');
    if (expanded !== undefined && this.level & DEBUG_EXPANSION)
      this.traceLine += ' -> ' + this.quoted(ctx, expanded);
    this.flushTrace();
  }
}
