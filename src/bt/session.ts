// The read loop of address test mode: the banner, a "> " prompt before each read (or, when
// sendmail is not in its most verbose mode, the line echoed after "> "), each piece of input
// handled as one command, and /quit at the end of input.
import { runTestLine, newCommandState, type CommandState } from './commands.js';
import type { TestModeEnv } from './env.js';
import { commandFromPiece, fgetsPieces } from './lines.js';

/** Thrown by /quit (and the end of input) to leave the loop; carries nothing. */
export class QuitSignal extends Error {
  constructor() {
    super('quit');
  }
}

export const BANNER = 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n';

/**
 * sendmail's Verbose level in test mode: 2 (prompts, no echo) unless -v/the Verbose option made
 * it 1 (echo, no prompts); a terminal always gets 2.
 */
export type Verbosity = 0 | 1 | 2;

export interface SessionIO {
  write(text: string): void;
}

/** Feeds commands one at a time; the REPL uses this, piped input goes through runPipedSession. */
export class TestSession {
  readonly state: CommandState = newCommandState();
  private quitted = false;

  constructor(
    private readonly env: TestModeEnv,
    private readonly io: SessionIO,
    readonly verbosity: Verbosity,
  ) {}

  get finished(): boolean {
    return this.quitted;
  }

  banner(): void {
    if (this.verbosity !== 0) this.io.write(BANNER);
  }

  prompt(): void {
    if (this.verbosity === 2) this.io.write('> ');
  }

  /** Runs one command (a line without its newline). Returns false once /quit has run. */
  command(line: string): boolean {
    if (this.quitted) return false;
    if (this.verbosity < 2) this.io.write(`> ${line}\n`);
    try {
      runTestLine(line, this.env, this.state);
    } catch (err) {
      if (!(err instanceof QuitSignal)) throw err;
      this.quitted = true;
    }
    return !this.quitted;
  }
}

/** The whole transcript for piped input: banner, then prompt and command for each piece. */
export function runPipedSession(input: string, session: TestSession): void {
  session.banner();
  for (const piece of fgetsPieces(input)) {
    session.prompt();
    if (!session.command(commandFromPiece(piece))) return;
  }
  session.prompt();
}
