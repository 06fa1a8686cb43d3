// Output: the current diversion, numbered diversions held in memory, standard output with
// glibc's buffering (so interleaving with unbuffered standard error matches GNU m4's), and
// `-s` sync lines, which GNU decides token by token.
import type { ByteSink } from '../cli/io.js';
import { strerror } from './errno.js';
import { M4Exit } from './types.js';

/** How standard output is buffered: by blocks (pipe, file), by lines (terminal), or not (-i). */
export type BufferMode = 'block' | 'line' | 'none';

const BLOCK_SIZE = 4096;
/** Bytes of written blocks held back at most (for sinks that take bytes: the process's own). */
const HELD_BYTES = 64 * 1024;

/**
 * Standard output as a glibc stdio stream: with block buffering, data reaches the sink in
 * whole blocks when a write overflows the buffer, and the rest waits for a flush.
 */
export class StdoutBuffer {
  /**
   * Text not yet handed to the sink, as the pieces written (joined when written out: a string
   * grown write by write would be a deep tree to walk and copy); GNU's buffer holds the last
   * `buffered` bytes, the rest is due now.
   */
  private pieces: string[] = [];
  private length = 0;
  private buffered = 0;
  /**
   * Blocks GNU has written, held back as bytes and handed to the sink together (one system
   * call instead of sixteen): only for a sink that takes bytes, in block mode. No one can tell
   * the difference as long as they go out before anything else could reach the same file: the
   * runtime releases them before every write to standard error, before a command runs or a
   * file is made, before reading standard input, and at the end. Bytes, not strings: strings
   * held this long would survive collections and cost the collector more than the calls.
   */
  private readonly held: Buffer | undefined;
  private heldLength = 0;
  /** The first write error (GNU's stream error flag); later output is dropped. */
  failure: NodeJS.ErrnoException | undefined;
  /** The write error happened while flushing at the very end (gnulib then names it). */
  failedAtClose = false;

  constructor(
    private readonly sink: ByteSink,
    private readonly mode: BufferMode,
  ) {
    if (mode === 'block' && sink.writeBytes !== undefined) this.held = Buffer.allocUnsafe(HELD_BYTES);
  }

  /** Text GNU writes now: held back when it can be, else handed to the sink. */
  private emit(text: string): void {
    if (this.failure !== undefined) return;
    const held = this.held;
    if (held !== undefined && text.length <= HELD_BYTES) {
      if (this.heldLength + text.length > HELD_BYTES) this.release();
      if (this.failure === undefined) this.heldLength += held.write(text, this.heldLength, 'latin1');
      return;
    }
    this.release();
    try {
      this.sink.write(text);
    } catch (err) {
      this.failed(err);
    }
  }

  /** Writes what is held back (GNU wrote it already). */
  release(): void {
    if (this.heldLength === 0 || this.failure !== undefined) return;
    const length = this.heldLength;
    this.heldLength = 0;
    try {
      (this.sink.writeBytes as (bytes: Uint8Array, length: number) => void)(this.held as Buffer, length);
    } catch (err) {
      this.failed(err);
    }
  }

  /**
   * A write failed. A closed pipe ends m4 at once, as SIGPIPE ends GNU m4 (status 141,
   * nothing printed); other errors are remembered for the exit-time "write error".
   */
  private failed(err: unknown): void {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') throw new M4Exit(141, true);
    if (typeof e.code !== 'string') throw err;
    this.failure = e;
  }

  write(text: string): void {
    if (text.length === 0) return;
    if (this.mode === 'none') {
      this.emit(text);
      return;
    }
    this.pieces.push(text);
    this.length += text.length;
    if (this.mode === 'line') {
      // A terminal gets everything up to the last newline at once.
      const nl = text.lastIndexOf('\n');
      if (nl >= 0) {
        this.buffered = text.length - nl - 1;
        this.writeDue();
        return;
      }
    }
    // A write that overflows the buffer sends out whole blocks and keeps the rest.
    const total = this.buffered + text.length;
    if (total <= BLOCK_SIZE) {
      this.buffered = total;
      return;
    }
    this.buffered = total % BLOCK_SIZE;
    this.writeDue();
  }

  /** Hands the sink all but the bytes GNU's buffer still holds. */
  private writeDue(): void {
    const due = this.length - this.buffered;
    if (due <= 0) return;
    const all = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    const rest = all.slice(due);
    this.pieces = rest === '' ? [] : [rest];
    this.length = rest.length;
    this.emit(due === all.length ? all : all.slice(0, due));
  }

  /** Output that reaches the sink at once (a child process writing to the same descriptor). */
  bypass(text: string): void {
    this.flush();
    this.emit(text);
    this.release();
  }

  /** Drops what is buffered (the process dies without flushing); written blocks go out. */
  discard(): void {
    this.release();
    this.pieces = [];
    this.length = 0;
    this.buffered = 0;
  }

  flush(): void {
    this.buffered = 0;
    this.writeDue();
    this.release();
  }

  /**
   * The final flush (gnulib's close_stdout): the message to print if output was lost. glibc's
   * fclose writes what the buffer still holds even after an earlier write failed; when that
   * fails too, gnulib names the system's reason ("write error: No space left on device"),
   * otherwise an earlier failure gives a bare "write error".
   */
  close(): string | undefined {
    // Held blocks were written during the run for GNU: a failure there is an earlier one.
    this.release();
    const earlier = this.failure;
    this.failure = undefined;
    this.flush();
    const atClose = this.failure;
    if (atClose !== undefined) {
      this.failedAtClose = true;
      return `write error: ${strerror(atClose)}`;
    }
    this.failure = earlier;
    return earlier === undefined ? undefined : 'write error';
  }
}

/** A numbered diversion's text, kept as chunks until read. */
class Diversion {
  chunks: string[] = [];
  length = 0;

  add(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
  }

  text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }
}

export class Output {
  /** The diversion `divnum` reports; negative discards output. */
  current = 0;
  /** Diversions 1..N that hold text. */
  private readonly diversions = new Map<number, Diversion>();
  /** Where output goes now: a diversion, or standard output (undefined) unless discarding. */
  private target: Diversion | undefined;
  private discarding = false;
  syncLines = false;
  /** The output line GNU believes it is on; -1 forces the next sync line to name the file. */
  outputCurrentLine = 0;
  private startOfOutputLine = true;

  constructor(readonly stdout: StdoutBuffer) {}

  /** Writes text to the current diversion without sync-line bookkeeping. */
  write(text: string): void {
    if (this.discarding || text.length === 0) return;
    if (this.target === undefined) this.stdout.write(text);
    else this.target.add(text);
  }

  /** GNU's shipout_text for top-level output: with -s, emits `#line` directives as needed. */
  shipout(text: string, line: number, currentFile: string): void {
    if (this.discarding) return;
    if (!this.syncLines) {
      if (text.length === 0) return;
      if (this.target === undefined) this.stdout.write(text);
      else this.target.add(text);
      return;
    }
    if (this.startOfOutputLine) {
      this.startOfOutputLine = false;
      this.outputCurrentLine++;
      if (this.outputCurrentLine !== line) {
        let directive = `#line ${line}`;
        if (this.outputCurrentLine < 1 && currentFile !== '') directive += ` "${currentFile}"`;
        this.write(directive + '\n');
        this.outputCurrentLine = line;
      }
    }
    if (text.length === 0) return;
    // Each newline inside the text moves the output line on once the next character appears.
    let nl = text.indexOf('\n');
    while (nl >= 0 && nl < text.length - 1) {
      this.outputCurrentLine++;
      nl = text.indexOf('\n', nl + 1);
    }
    this.startOfOutputLine = text.charCodeAt(text.length - 1) === 10;
    this.write(text);
  }

  /** divert(n): negative numbers discard output. */
  divert(divnum: number): void {
    if (this.current === divnum) return;
    this.current = divnum;
    if (divnum < 0) {
      this.discarding = true;
      this.target = undefined;
      return;
    }
    this.discarding = false;
    if (divnum === 0) {
      this.target = undefined;
    } else {
      let d = this.diversions.get(divnum);
      if (d === undefined) {
        d = new Diversion();
        this.diversions.set(divnum, d);
      }
      this.target = d;
    }
    this.outputCurrentLine = -1;
  }

  /** undivert(n): appends diversion n to the current output and empties it. */
  undivert(divnum: number): void {
    if (divnum <= 0 || divnum === this.current) return;
    const d = this.diversions.get(divnum);
    if (d === undefined || d.length === 0) return;
    this.insertDiversion(divnum, d);
  }

  /** undivert() and the end of input: every other diversion, in numeric order. */
  undivertAll(): void {
    for (const n of this.divertedNumbers()) {
      if (n !== this.current) this.insertDiversion(n, this.diversions.get(n) as Diversion);
    }
  }

  private insertDiversion(divnum: number, d: Diversion): void {
    if (!this.discarding) {
      this.write(d.text());
      this.outputCurrentLine = -1;
    }
    this.diversions.delete(divnum);
  }

  /** Numbers of the diversions holding text, ascending. */
  divertedNumbers(): number[] {
    const nums: number[] = [];
    for (const [n, d] of this.diversions) if (d.length > 0) nums.push(n);
    return nums.sort((a, b) => a - b);
  }

  /** The text held in diversion n (0 has none: it goes straight out). */
  diversionText(divnum: number): string {
    return this.diversions.get(divnum)?.text() ?? '';
  }

  /** Empties diversion n without output (frozen-file writing takes the text itself). */
  takeDiversion(divnum: number): string {
    const text = this.diversionText(divnum);
    this.diversions.delete(divnum);
    return text;
  }

  /** Keeps only non-empty diversions (the current one may have been created empty). */
  dropEmptyDiversion(divnum: number): void {
    const d = this.diversions.get(divnum);
    if (d !== undefined && d.length === 0 && divnum !== this.current) this.diversions.delete(divnum);
  }
}
