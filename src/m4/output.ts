// Output: the current diversion, numbered diversions held in memory, standard output with
// glibc's buffering (so interleaving with unbuffered standard error matches GNU m4's), and
// `-s` sync lines, which GNU decides token by token.
import type { ByteSink } from '../cli/io.js';
import { strerror } from './errno.js';
import { M4Exit } from './types.js';

/** How standard output is buffered: by blocks (pipe, file), by lines (terminal), or not (-i). */
export type BufferMode = 'block' | 'line' | 'none';

const BLOCK_SIZE = 4096;
/** Whole blocks held back at most, so output keeps flowing to a slow reader. */
const HELD_BLOCKS_LIMIT = 64 * 1024;

/**
 * Standard output as a glibc stdio stream: with block buffering, data reaches the sink in
 * whole blocks when a write overflows the buffer, and the rest waits for a flush.
 *
 * Whole blocks are held back and written together (one system call instead of sixteen),
 * which no one can tell apart from GNU's writes as long as they go out before anything
 * else could reach the same file: the runtime releases them before every write to standard
 * error, before running a command, before creating a file, and at the end.
 */
export class StdoutBuffer {
  /**
   * Text not yet handed to the sink: first what GNU would have written already (held back
   * whole blocks), then what its stdio buffer still holds (the last `buffered` bytes).
   */
  private unwritten: string[] = [];
  private unwrittenLength = 0;
  private buffered = 0;
  /** The first write error (GNU's stream error flag); later output is dropped. */
  failure: NodeJS.ErrnoException | undefined;
  /** The write error happened while flushing at the very end (gnulib then names it). */
  failedAtClose = false;

  constructor(
    private readonly sink: ByteSink,
    private readonly mode: BufferMode,
  ) {}

  /**
   * Hands text to the sink. A closed pipe ends m4 at once, as SIGPIPE ends GNU m4 (status
   * 141, nothing printed); other errors are remembered for the exit-time "write error".
   */
  private emit(text: string): void {
    if (this.failure !== undefined) return;
    try {
      this.sink.write(text);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EPIPE') throw new M4Exit(141, true);
      if (typeof e.code !== 'string') throw err;
      this.failure = e;
    }
  }

  write(text: string): void {
    if (text.length === 0) return;
    if (this.mode === 'none') {
      this.emit(text);
      return;
    }
    // Pieces, joined once a release: a string grown write by write would be a deep tree.
    this.unwritten.push(text);
    this.unwrittenLength += text.length;
    if (this.mode === 'line') {
      // A terminal gets everything up to the last newline at once.
      const nl = text.lastIndexOf('\n');
      if (nl >= 0) {
        this.buffered = text.length - nl - 1;
        this.release();
        return;
      }
    }
    // A write that overflows the buffer sends out whole blocks and keeps the rest.
    const total = this.buffered + text.length;
    this.buffered = total <= BLOCK_SIZE ? total : total % BLOCK_SIZE;
    if (this.mode === 'line' || this.unwrittenLength - this.buffered >= HELD_BLOCKS_LIMIT) this.release();
  }

  /** Writes what GNU has written by now (the whole blocks held back). */
  release(): void {
    const written = this.unwrittenLength - this.buffered;
    if (written > 0) {
      const all = this.unwritten.length === 1 ? this.unwritten[0] : this.unwritten.join('');
      const rest = all.slice(written);
      this.unwritten = rest === '' ? [] : [rest];
      this.unwrittenLength = rest.length;
      this.emit(all.slice(0, written));
    }
  }

  /** Output that reaches the sink at once (a child process writing to the same descriptor). */
  bypass(text: string): void {
    this.flush();
    this.emit(text);
  }

  /** Drops what is buffered (the process dies without flushing); whole blocks were written. */
  discard(): void {
    this.release();
    this.unwritten = [];
    this.unwrittenLength = 0;
    this.buffered = 0;
  }

  flush(): void {
    this.buffered = 0;
    this.release();
  }

  /**
   * The final flush (gnulib's close_stdout): returns the message to print if output was lost,
   * "write error" with the system's reason only when this last flush was the first to fail.
   */
  close(): string | undefined {
    this.release();
    const earlier = this.failure !== undefined;
    this.flush();
    if (this.failure === undefined) return undefined;
    if (earlier) return 'write error';
    this.failedAtClose = true;
    return `write error: ${strerror(this.failure)}`;
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
