// The input stack: files being read, expansion text to rescan, and builtin tokens from `defn`.
// Line numbers follow GNU m4 exactly: a file's line advances when the character after a
// newline is read (so a newline belongs to the line it ends), expansion text keeps the line
// of the call that produced it, and the current file/line switch to a block's own when input
// moves between blocks.
import type { BuiltinDef } from './types.js';

export const CHAR_EOF = -1;
export const CHAR_MACRO = -2;

export const enum BlockKind {
  String = 0,
  File = 1,
  Macro = 2,
}

export interface InputBlock {
  kind: BlockKind;
  /** The block's text (latin1); empty for a builtin token. */
  text: string;
  /** Next unread position in `text`. */
  pos: number;
  file: string;
  line: number;
  /** For a file: the start-of-line flag when it was pushed, restored when it ends. */
  advance: boolean;
  /** For a file: it holds a file descriptor in GNU m4 (every file but standard input). */
  ownsDescriptor: boolean;
  /** For standard input read as it arrives: more text, or '' at end of input. */
  refill?: () => string;
  /**
   * Where the next newline at or after some earlier position is (text.length if none; -1
   * unknown), so counting lines never searches the same text twice.
   */
  nextNewline?: number;
  /** For a builtin token: the builtin. */
  builtin: BuiltinDef | undefined;
}

export interface InputHooks {
  /** "-d i" messages ("input read from ..."), printed with the current location. */
  traceInput(message: string): void;
  /** A file boundary invalidates the sync-line bookkeeping of the output. */
  invalidateOutputLine(): void;
}

/** The first newline at or after `from` in a block (text.length if none), cached. */
export function newlineFrom(b: InputBlock, from: number): number {
  let nl = b.nextNewline ?? -1;
  if (nl < from) {
    nl = b.text.indexOf('\n', from);
    if (nl < 0) nl = b.text.length;
    b.nextNewline = nl;
  }
  return nl;
}

export class Input {
  /** The input stack; the last element is read first. */
  stack: InputBlock[] = [];
  /** Text saved by m4wrap, read once the input is exhausted (last saved, first read). */
  private wrapup: InputBlock[] = [];
  currentFile = '';
  currentLine = 0;
  /** The next read must take the current file and line from the top block. */
  inputChange = false;
  /** The last character read from a file was a newline. */
  startOfInputLine = false;
  /** A macro's expansion is being built (GNU's `next`); pushing or popping input voids it. */
  expansionOpen = false;
  traceInputEnabled = false;
  /** Some input may hold NUL bytes, which end GNU's C-string tokens (checked only then). */
  nulSeen = false;
  /** The expansion being built may hold NUL bytes (esyscmd, format's %c, JS builtins). */
  rawExpansion = false;
  /** The builtin of the last builtin token read. */
  lastMacro: BuiltinDef | undefined;

  constructor(private readonly hooks: InputHooks) {}

  /** Files being read that GNU m4 holds open (standard input aside). */
  openFiles = 0;

  pushFile(text: string, title: string, ownsDescriptor = true, refill?: () => string): void {
    this.expansionOpen = false;
    if (!this.nulSeen && text.includes('\0')) this.nulSeen = true;
    if (this.traceInputEnabled) this.hooks.traceInput(`input read from ${title}`);
    this.stack.push({
      kind: BlockKind.File,
      text,
      pos: 0,
      file: title,
      line: 1,
      advance: this.startOfInputLine,
      builtin: undefined,
      ownsDescriptor,
      nextNewline: -1,
      refill,
    });
    if (ownsDescriptor) this.openFiles++;
    this.inputChange = true;
    this.hooks.invalidateOutputLine();
  }

  pushMacro(builtin: BuiltinDef): void {
    this.expansionOpen = false;
    this.stack.push({
      kind: BlockKind.Macro,
      text: '',
      pos: 0,
      file: this.currentFile,
      line: this.currentLine,
      advance: false,
      builtin,
      ownsDescriptor: false,
      nextNewline: -1,
      refill: undefined,
    });
    this.inputChange = true;
  }

  /** First half of pushing an expansion: exhausted expansion blocks go first (tail calls). */
  beginExpansion(): void {
    const stack = this.stack;
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined || top.kind !== BlockKind.String || top.pos < top.text.length) break;
      this.pop();
    }
    this.expansionOpen = true;
    this.rawExpansion = false;
  }

  /**
   * Second half: pushes the text to be rescanned. Returns the text, or undefined when nothing
   * was pushed (empty, or voided by a file or builtin token pushed meanwhile).
   */
  endExpansion(text: string): string | undefined {
    if (!this.expansionOpen) return undefined;
    this.expansionOpen = false;
    if (text.length === 0) return undefined;
    if (this.rawExpansion) {
      // Reading stops at a NUL byte, as GNU's C strings do.
      const nul = text.indexOf('\0');
      if (nul >= 0) text = text.slice(0, nul);
    }
    this.stack.push({
      kind: BlockKind.String,
      text,
      pos: 0,
      file: this.currentFile,
      line: this.currentLine,
      advance: false,
      builtin: undefined,
      ownsDescriptor: false,
      nextNewline: -1,
      refill: undefined,
    });
    this.inputChange = true;
    return text;
  }

  /** Pushes characters back as a string block (failed multi-character delimiter match). */
  pushBack(text: string): void {
    this.beginExpansion();
    this.endExpansion(text);
  }

  pushWrapup(text: string): void {
    this.wrapup.push({
      kind: BlockKind.String,
      text,
      pos: 0,
      file: this.currentFile,
      line: this.currentLine,
      advance: false,
      builtin: undefined,
      ownsDescriptor: false,
      nextNewline: -1,
      refill: undefined,
    });
  }

  /** Makes the saved wrapup text the input; false when there is none. */
  popWrapup(): boolean {
    this.expansionOpen = false;
    this.stack = [];
    if (this.wrapup.length === 0) return false;
    this.stack = this.wrapup;
    this.wrapup = [];
    this.inputChange = true;
    return true;
  }

  pop(): void {
    const stack = this.stack;
    const block = stack.pop() as InputBlock;

    if (block.kind === BlockKind.File) {
      if (block.ownsDescriptor) this.openFiles--;
      if (this.traceInputEnabled) {
        const below = stack[stack.length - 1];
        this.hooks.traceInput(
          below !== undefined ? `input reverted to ${below.file}, line ${below.line}` : 'input exhausted',
        );
      }
      this.startOfInputLine = block.advance;
      this.hooks.invalidateOutputLine();
    }
    this.expansionOpen = false;
    this.inputChange = true;
  }

  /** The next character without consuming it (looks through exhausted blocks). */
  peek(): number {
    return this.peekFrom(this.stack.length - 1);
  }

  /** The character that follows the top block's text (what a word ending it may run into). */
  peekBelowTop(): number {
    return this.peekFrom(this.stack.length - 2);
  }

  private peekFrom(top: number): number {
    const stack = this.stack;
    for (let i = top; i >= 0; i--) {
      const b = stack[i];
      if (b.kind === BlockKind.Macro) return CHAR_MACRO;
      if (b.pos < b.text.length || (b.refill !== undefined && this.refill(b)))
        return b.text.charCodeAt(b.pos);
    }
    return CHAR_EOF;
  }

  /** Reads one character, moving between blocks and keeping the current file and line. */
  next(): number {
    const stack = this.stack;
    const top = stack[stack.length - 1];
    if (
      top !== undefined &&
      top.kind === BlockKind.String &&
      top.pos < top.text.length &&
      !this.inputChange
    ) {
      return top.text.charCodeAt(top.pos++);
    }
    return this.nextSlow();
  }

  private nextSlow(): number {
    const stack = this.stack;
    for (;;) {
      const b = stack[stack.length - 1];
      if (b === undefined) {
        this.currentFile = '';
        this.currentLine = 0;
        return CHAR_EOF;
      }
      if (this.inputChange) {
        this.currentFile = b.file;
        this.currentLine = b.line;
        this.inputChange = false;
      }
      if (b.kind === BlockKind.String) {
        if (b.pos < b.text.length) return b.text.charCodeAt(b.pos++);
      } else if (b.kind === BlockKind.File) {
        if (this.startOfInputLine) {
          this.startOfInputLine = false;
          this.currentLine = ++b.line;
        }
        if (b.pos < b.text.length || (b.refill !== undefined && this.refill(b))) {
          const ch = b.text.charCodeAt(b.pos++);
          if (ch === 10) this.startOfInputLine = true;
          return ch;
        }
      } else {
        this.lastMacro = b.builtin;
        this.pop();
        return CHAR_MACRO;
      }
      this.pop();
    }
  }

  /**
   * The top block when it has unread text and can be consumed in bulk; a file block first
   * takes over the current location, exactly as reading its next character would.
   */
  bulkBlock(): InputBlock | undefined {
    const stack = this.stack;
    const b = stack[stack.length - 1];
    if (b === undefined || b.kind === BlockKind.Macro) return undefined;
    if (b.pos >= b.text.length && (b.refill === undefined || !this.refill(b))) return undefined;
    if (b.kind === BlockKind.File && this.inputChange) {
      this.currentFile = b.file;
      this.currentLine = b.line;
      this.inputChange = false;
    }
    return b;
  }

  /** Reads more of a block that is still arriving; false at its end. */
  private refill(b: InputBlock): boolean {
    const more = (b.refill as () => string)();
    if (more === '') {
      b.refill = undefined;
      return false;
    }
    // Keep what is unread (line counting needs only that) and forget the cached newline.
    b.text = b.text.slice(b.pos) + more;
    b.pos = 0;
    b.nextNewline = -1;
    return true;
  }

  /** Consumes the top block's text up to `end` (as many next() calls would). */
  consumeTo(b: InputBlock, end: number): void {
    const start = b.pos;
    if (end <= start) return;
    b.pos = end;
    if (b.kind !== BlockKind.File) return;
    const text = b.text;
    let lines = this.startOfInputLine ? 1 : 0;
    let nl = newlineFrom(b, start);
    while (nl < end - 1) {
      lines++;
      nl = newlineFrom(b, nl + 1);
    }
    if (lines > 0) {
      b.line += lines;
      this.currentLine = b.line;
    }
    this.startOfInputLine = text.charCodeAt(end - 1) === 10;
  }

  /** dnl: discards input up to and including the next newline; false if input ended first. */
  skipLine(): boolean {
    for (;;) {
      const b = this.bulkBlock();
      if (b !== undefined && (b.kind === BlockKind.File || !this.inputChange)) {
        const nl = b.text.indexOf('\n', b.pos);
        if (nl >= 0) {
          this.consumeTo(b, nl + 1);
          return true;
        }
        this.consumeTo(b, b.text.length);
      }
      const ch = this.next();
      if (ch === CHAR_EOF) return false;
      if (ch === 10) return true;
    }
  }
}
