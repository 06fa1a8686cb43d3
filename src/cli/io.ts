// The byte-level I/O a command sees. Commands never touch `process` directly, so tests can run
// them in-process and capture exactly what a user would see on each stream.
import { readFileSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** A sink for output; strings are latin1 (one char per byte) so every byte round-trips. */
export interface ByteSink {
  write(text: string): void;
  /** Writes bytes[0, length) (sinks on the process's descriptors take bytes as they are). */
  writeBytes?(bytes: Uint8Array, length: number): void;
}

export interface CliIO {
  /** Reads all of standard input as a latin1 string. */
  readStdin(): string;
  stdout: ByteSink;
  stderr: ByteSink;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when standard input and output are a terminal (the REPL is offered then). */
  isTTY: boolean;
  /**
   * The real file descriptors behind the standard streams, when there are some (processIO),
   * so a command can read input as it arrives, hand them to child processes, or tell whether
   * two streams are one file.
   */
  descriptors?: { stdin?: number; stdout: number; stderr: number };
}

function fdSink(fd: number): ByteSink {
  return {
    write(text: string): void {
      const bytes = Buffer.from(text, 'latin1');
      writeAll(fd, bytes, bytes.length);
    },
    writeBytes(bytes: Uint8Array, length: number): void {
      writeAll(fd, bytes, length);
    },
  };
}

/** Writes bytes[0, length) to the descriptor, however many writes it takes. */
function writeAll(fd: number, bytes: Uint8Array, length: number): void {
  let off = 0;
  while (off < length) {
    try {
      off += writeSync(fd, bytes, off, length - off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw err;
    }
  }
}

/** The real process streams, written synchronously so output interleaves as the tool's would. */
export function processIO(): CliIO {
  return {
    readStdin: () => {
      try {
        return readFileSync(0).toString('latin1');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return readStdinBlocking();
        throw err;
      }
    },
    stdout: fdSink(1),
    stderr: fdSink(2),
    env: process.env,
    cwd: process.cwd(),
    // isatty, not process.stdin.isTTY: building the stream objects costs milliseconds at start-up.
    isTTY: isatty(0) && isatty(1),
    descriptors: { stdin: 0, stdout: 1, stderr: 2 },
  };
}

/** Fallback for a non-blocking stdin: read /dev/stdin, which reopens the descriptor blocking. */
function readStdinBlocking(): string {
  return readFileSync('/dev/stdin').toString('latin1');
}

/** An in-memory IO for tests and the API: collects each stream as a latin1 string. */
export interface MemoryIO extends CliIO {
  out(): string;
  err(): string;
}

export function memoryIO(stdin = '', opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): MemoryIO {
  let out = '';
  let err = '';
  return {
    readStdin: () => stdin,
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
