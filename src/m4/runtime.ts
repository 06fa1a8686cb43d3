// The engine's state and the services builtins use: input, tokens, symbols, output, messages,
// debug output, include path, and defining macros. The expansion loop lives in expand.ts.
import { fstatSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ByteSink } from '../cli/io.js';
import { Debug, DEBUG_INPUT, DEBUG_PATH, type TraceContext } from './debug.js';
import { strerror } from './errno.js';
import { Expander } from './expand.js';
import { Input } from './input.js';
import { Reporter } from './messages.js';
import { newRegexState, type RegexState } from './regex.js';
import { Output, StdoutBuffer, type BufferMode } from './output.js';
import { searchFile, type FileSearch } from './path.js';
import { Scanner } from './scanner.js';
import { SymbolTable, SymbolType, type M4Symbol } from './symbols.js';
import type { BuiltinDef, MacroArg } from './types.js';

export interface RuntimeOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: ByteSink;
  stderr: ByteSink;
  /** Reads all of standard input (called at most once, when first needed). */
  readStdin: () => string;
  bufferMode: BufferMode;
  programName: string;
  /** The real descriptors behind stdout and stderr, when running as a process. */
  descriptors?: { stdin?: number; stdout: number; stderr: number };
}

/** How a definition enters the symbol table (GNU's lookup modes). */
export type DefineMode = 'define' | 'pushdef';

/** Checks definitions for --warn-macro-sequence: returns each offending match in order. */
export type SequenceMatcher = (definition: string) => string[];

/** Reads what is available on a descriptor (waiting for some), latin1; '' at end of input. */
function readChunk(fd: number): string {
  const buffer = Buffer.alloc(65536);
  for (;;) {
    try {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      return buffer.toString('latin1', 0, n);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking descriptor: wait a little for more.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') return '';
      throw err;
    }
  }
}

let fileLimit: number | undefined;

/**
 * How many files GNU m4 can have open for reading: the soft RLIMIT_NOFILE less the four
 * descriptors it holds anyway (standard streams and one more).
 */
function openFileLimit(): number {
  if (fileLimit === undefined) {
    let limit = 1024;
    try {
      const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'latin1'));
      if (m !== null) limit = Number(m[1]);
    } catch {
      // Not Linux: assume the common default.
    }
    fileLimit = limit - 4;
  }
  return fileLimit;
}

export class Runtime {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly descriptors: { stdin?: number; stdout: number; stderr: number } | undefined;
  readonly stdout: StdoutBuffer;
  readonly stderr: ByteSink;
  readonly reporter: Reporter;
  readonly debug: Debug;
  readonly input: Input;
  readonly scanner: Scanner;
  readonly symbols = new SymbolTable();
  readonly output: Output;
  readonly expander: Expander;

  /** -G: GNU extensions off. */
  noGnuExtensions = false;
  /** -P: builtins are named m4_NAME. */
  prefixBuiltins = false;
  /** -Q: no warnings about argument counts. */
  suppressWarnings = false;
  /** -L: 0 means unlimited (GNU's default on systems with stack-overflow detection). */
  nestingLimit = 0;
  /** -H: only affects the order of symbols in a frozen file. */
  hashSize = 65537;
  readonly includeDirs: string[] = [];
  /** Every builtin `builtin` can reach and frozen files can name, by name. */
  readonly builtins = new Map<string, BuiltinDef>();
  /** The exit status of the last syscmd/esyscmd. */
  sysval = 0;
  macroSequence: SequenceMatcher | undefined;
  /** regexp/patsubst's per-run state: the locale's character set, the once-only \0 warning. */
  readonly regexState: RegexState;

  private readonly readStdinOnce: () => string;
  private stdinText: string | undefined;
  private stdinConsumed = false;

  constructor(opts: RuntimeOptions) {
    this.cwd = opts.cwd;
    this.env = opts.env;
    this.descriptors = opts.descriptors;
    this.readStdinOnce = opts.readStdin;
    const stdout = new StdoutBuffer(opts.stdout, opts.bufferMode);
    this.stdout = stdout;
    // Standard output's held-back blocks go first: GNU had written them already.
    const stderr = opts.stderr;
    this.stderr = {
      write(text: string): void {
        stdout.release();
        stderr.write(text);
      },
    };
    this.reporter = new Reporter(this.stderr, () => this.stdout.flush(), opts.programName);
    this.debug = new Debug(this.stderr);
    this.output = new Output(this.stdout);
    this.input = new Input({
      traceInput: (message) => this.debug.message(this.traceContext(), message),
      invalidateOutputLine: () => {
        this.output.outputCurrentLine = -1;
      },
    });
    this.scanner = new Scanner(this.input, (file, line, message) =>
      this.reporter.fatalAt(file, line, message),
    );
    this.expander = new Expander(this);
    this.regexState = newRegexState(opts.env);
    this.debug.onCloseError = (err) => {
      this.warnErrno('error writing to debug stream', err);
      this.reporter.retcode = 1;
    };
    this.checkDebugSharesStdout();
  }

  get programName(): string {
    return this.reporter.programName;
  }

  // ---- messages -------------------------------------------------------------------------

  /** GNU's M4ERROR: a message at the current location (exit status per -E). */
  warn(message: string): void {
    this.reporter.errorAt(this.input.currentFile, this.input.currentLine, message);
  }

  /** A message with the system error text appended, as GNU prints errno. */
  warnErrno(message: string, err: unknown): void {
    this.warn(`${message}: ${strerror(err)}`);
  }

  /** GNU's m4_failure: message at the current location, then exit status 1. */
  fatal(message: string): never {
    return this.reporter.fatalAt(this.input.currentFile, this.input.currentLine, message);
  }

  /** GNU's bad_argc: warns about too few (returns true) or too many arguments. */
  badArgc(argv: readonly MacroArg[], min: number, max: number): boolean {
    const argc = argv.length;
    const name = argv[0] as string;
    if (min > 0 && argc < min) {
      if (!this.suppressWarnings) this.warn(`Warning: too few arguments to builtin \`${name}'`);
      return true;
    }
    if (max > 0 && argc > max && !this.suppressWarnings) {
      this.warn(`Warning: excess arguments to builtin \`${name}' ignored`);
    }
    return false;
  }

  traceContext(): TraceContext {
    return {
      currentFile: this.input.currentFile,
      currentLine: this.input.currentLine,
      expansionLevel: this.expander.level,
      lquote: this.scanner.lquote,
      rquote: this.scanner.rquote,
    };
  }

  /** GNU's debug_flush_files: before running a command or printing with errprint. */
  flushAll(): void {
    this.stdout.flush();
    this.debug.flush();
  }

  /** debugfile / --debugfile: undefined means stderr, '' discards; returns an open error. */
  setDebugFile(name: string | undefined): NodeJS.ErrnoException | undefined {
    this.stdout.release();
    const err = this.debug.setOutput(name === undefined || name === '' ? name : this.resolvePath(name));
    if (err === undefined) this.checkDebugSharesStdout();
    return err;
  }

  /** The end of the run (and m4exit): debug output back to stderr, closing any debug file. */
  closeDebugFile(): void {
    this.debug.setOutput(undefined);
    this.checkDebugSharesStdout();
  }

  /** GNU's debug_set_file: a debug stream on the same file as stdout goes through stdout. */
  private checkDebugSharesStdout(): void {
    const d = this.descriptors;
    const dest = this.debug.destination;
    let same = false;
    if (d !== undefined && dest.kind !== 'none') {
      try {
        const out = fstatSync(d.stdout);
        const other = dest.kind === 'stderr' ? fstatSync(d.stderr) : statSync(dest.path);
        same = out.ino !== 0 && out.ino === other.ino && out.dev === other.dev;
      } catch {
        same = false;
      }
    }
    this.debug.shareStdout(same ? this.stdout : undefined);
  }

  setDebugLevel(level: number): void {
    this.debug.level = level;
    this.input.traceInputEnabled = (level & DEBUG_INPUT) !== 0;
  }

  // ---- files ----------------------------------------------------------------------------

  resolvePath(name: string): string {
    return resolve(this.cwd, name);
  }

  /**
   * m4_path_search, with the `-d p` message when an include directory supplied the file. GNU
   * keeps every file it is reading open, so nested includes run out of descriptors.
   */
  searchFile(name: string): FileSearch {
    const inUse = this.input.openFiles + (this.debug.writesToFile ? 1 : 0);
    if (inUse >= openFileLimit()) {
      return { ok: false, error: Object.assign(new Error('EMFILE'), { code: 'EMFILE' }) };
    }
    const found = searchFile(name, this.cwd, this.includeDirs, !this.noGnuExtensions);
    if (found.ok && found.viaIncludePath && this.debug.level & DEBUG_PATH) {
      this.debug.message(this.traceContext(), `path search for \`${name}' found \`${found.name}'`);
    }
    return found;
  }

  addIncludeDirectory(dir: string): void {
    if (this.noGnuExtensions) return;
    this.includeDirs.push(dir === '' ? '.' : dir);
  }

  /**
   * Expands standard input (`-`). A real descriptor is read as input arrives, as GNU reads
   * it (a terminal can be read again after end of file); otherwise the text is read once.
   */
  expandStdin(): void {
    const fd = this.descriptors?.stdin;
    if (fd === undefined) {
      this.expandFileText(this.takeStdin(), 'stdin', false);
      return;
    }
    // Output GNU has written is out before waiting for more input (a pipeline's reader sees it).
    this.expandFileText('', 'stdin', false, () => {
      this.stdout.release();
      return readChunk(fd);
    });
  }

  /** Standard input's text the first time; afterwards empty (it has been read to the end). */
  takeStdin(): string {
    const text = this.peekStdin();
    this.stdinConsumed = true;
    return text;
  }

  /** Standard input's text without consuming it (what a child command would find there). */
  peekStdin(): string {
    if (this.stdinConsumed) return '';
    if (this.stdinText === undefined) this.stdinText = this.readStdinOnce();
    return this.stdinText;
  }

  // ---- definitions ----------------------------------------------------------------------

  private entry(name: string, mode: DefineMode): M4Symbol {
    return mode === 'define' ? this.symbols.insert(name) : this.symbols.pushdef(name);
  }

  /** GNU's define_user_macro; `text` undefined (a -D without =) skips --warn-macro-sequence. */
  defineText(name: string, text: string | undefined, mode: DefineMode): void {
    const sym = this.entry(name, mode);
    sym.type = SymbolType.Text;
    sym.text = text ?? '';
    sym.func = undefined;
    sym.compiled = undefined;
    if (this.macroSequence !== undefined && text !== undefined) {
      for (const seq of this.macroSequence(text)) {
        this.warn(`Warning: definition of \`${name}' contains sequence \`${seq}'`);
      }
    }
  }

  defineBuiltin(name: string, def: BuiltinDef, mode: DefineMode): void {
    const sym = this.entry(name, mode);
    sym.type = SymbolType.Func;
    sym.func = def;
    sym.text = '';
    sym.compiled = undefined;
    sym.macroArgs = def.groksMacroArgs;
    sym.blind = def.blindIfNoArgs;
  }

  /** Registers a builtin so `builtin` and frozen files can find it by name. */
  registerBuiltin(def: BuiltinDef): void {
    this.builtins.set(def.name, def);
  }

  // ---- running --------------------------------------------------------------------------

  /** Pushes a file's text and expands until the input is exhausted (GNU's process_file). */
  expandFileText(text: string, title: string, ownsDescriptor: boolean, refill?: () => string): void {
    this.input.pushFile(text, title, ownsDescriptor, refill);
    this.expander.expandInput();
  }

  /** Runs m4wrap text until none is left. */
  runWrapup(): void {
    while (this.input.popWrapup()) this.expander.expandInput();
  }
}
