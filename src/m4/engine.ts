// The public API: an m4 engine you can create with options, extend with JavaScript builtins,
// feed strings or files, and read back (output, diversions, diagnostics as data). `mailcf m4`
// is this same engine driven by GNU m4's command line.
import { fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ByteSink } from '../cli/io.js';
import { builtin } from './builtins/define.js';
import { defineInitialMacros, registerBuiltins } from './builtins/table.js';
import { parseDebugFlags } from './debug.js';
import { strerror } from './errno.js';
import { produceFrozenState, reloadFrozenState } from './freeze.js';
import type { M4Diagnostic } from './messages.js';
import { Runtime } from './runtime.js';
import { SymbolType } from './symbols.js';
import { compileMacroSequence } from './sequence.js';
import { argText, M4Exit } from './types.js';

export type { M4Diagnostic } from './messages.js';

export interface M4Options {
  /** Standard output; by default it is collected and read with `output()`. */
  stdout?: ByteSink;
  /** Standard error (messages, traces); by default collected and read with `errors()`. */
  stderr?: ByteSink;
  /** Directory relative file names are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Environment for syscmd/esyscmd (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Standard input, for `-` and for commands run by syscmd (default: empty). */
  stdin?: string | (() => string);
  /** Include directories searched after the current directory (-I, then M4PATH). */
  includePath?: string[];
  /** -P: every builtin is named m4_NAME. */
  prefixBuiltins?: boolean;
  /** -G: no GNU extensions. */
  traditional?: boolean;
  /** -s: emit `#line` sync lines. */
  syncLines?: boolean;
  /** -L: nesting limit, 0 for none (the default). */
  nestingLimit?: number;
  /** -Q: no warnings about builtins' argument counts. */
  quiet?: boolean;
  /** -E given once (1) or twice (2). */
  fatalWarnings?: number;
  /** -d: debug flags (empty string: the default `aeq`). */
  debug?: string;
  /** --debugfile: debug output to this file ('' discards it). */
  debugFile?: string;
  /** -l: longest traced argument. */
  traceArgLength?: number;
  /** --warn-macro-sequence: true for GNU's default pattern, or a GNU regular expression. */
  warnMacroSequence?: boolean | string;
  /** -H: hash table size, which only orders symbols in frozen files. */
  hashSize?: number;
  /** -i: standard output unbuffered. */
  interactive?: boolean;
  /** -R: start from this frozen state instead of the builtins. */
  reloadState?: string;
  /** The name messages start with (default `m4`). */
  programName?: string;
  /**
   * The real descriptors behind `stdout` and `stderr` when they are the process's own: shell
   * commands then write to them directly, and debug output shares stdout's buffer when both
   * are one file, as with GNU m4.
   */
  descriptors?: { stdin?: number; stdout: number; stderr: number };
}

/** A builtin written in JavaScript: receives the arguments (without the name). */
export type JsBuiltin = (args: string[], call: JsBuiltinCall) => string;

export interface JsBuiltinCall {
  /** The name the macro was called by. */
  name: string;
  /** Reports a message at the call's location, as builtins' warnings are reported. */
  warn(message: string): void;
}

/** stdio line-buffers a terminal and block-buffers anything else. */
function stdoutIsTerminal(descriptors: { stdout: number } | undefined): boolean {
  if (descriptors === undefined) return false;
  // Only a character device can be a terminal: pipes and files need no node:tty (slow to load).
  try {
    if (!fstatSync(descriptors.stdout).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(descriptors.stdout);
}

function memorySink(): ByteSink & { text: () => string } {
  let text = '';
  return { write: (t) => void (text += t), text: () => text };
}

export class M4 {
  private readonly rt: Runtime;
  private readonly outSink: (ByteSink & { text?: () => string }) | undefined;
  private readonly errSink: (ByteSink & { text?: () => string }) | undefined;
  private status: number | undefined;

  constructor(options: M4Options = {}) {
    const out = options.stdout ?? memorySink();
    const err = options.stderr ?? memorySink();
    this.outSink = out;
    this.errSink = err;
    const stdin = options.stdin;
    this.rt = new Runtime({
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
      stdout: out,
      stderr: err,
      readStdin: typeof stdin === 'function' ? stdin : () => stdin ?? '',
      bufferMode: options.interactive ? 'none' : stdoutIsTerminal(options.descriptors) ? 'line' : 'block',
      programName: options.programName ?? 'm4',
      descriptors: options.descriptors,
    });
    const rt = this.rt;
    rt.noGnuExtensions = options.traditional ?? false;
    rt.prefixBuiltins = options.prefixBuiltins ?? false;
    rt.suppressWarnings = options.quiet ?? false;
    rt.nestingLimit = options.nestingLimit ?? 0;
    rt.hashSize = options.hashSize || 65537;
    rt.output.syncLines = options.syncLines ?? false;
    rt.debug.maxArgLength = Math.max(0, options.traceArgLength ?? 0);
    const fatal = options.fatalWarnings ?? 0;
    rt.reporter.fatalWarnings = fatal >= 1;
    rt.reporter.warningStatus = fatal >= 2 ? 1 : 0;
    if (options.debug !== undefined) rt.setDebugLevel(Math.max(0, parseDebugFlags(options.debug)));
    registerBuiltins(rt);
    this.guard(() => {
      if (options.debugFile !== undefined) this.setDebugFile(options.debugFile);
      const seq = options.warnMacroSequence;
      if (seq !== undefined && seq !== false && seq !== '') {
        const compiled = compileMacroSequence(seq === true ? undefined : seq, rt.regexState.charset);
        if (typeof compiled === 'string') return rt.fatal(compiled);
        rt.macroSequence = compiled;
      }
      for (const dir of options.includePath ?? []) rt.addIncludeDirectory(dir);
      if (options.reloadState !== undefined) reloadFrozenState(rt, options.reloadState);
      else defineInitialMacros(rt);
    });
  }

  /** Runs an engine step; a fatal error or m4exit stops the engine for good. */
  private guard(step: () => void): void {
    if (this.status !== undefined) return;
    try {
      step();
    } catch (caught) {
      let err = caught;
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        // Builtins that call builtins (indir, builtin) nest on the JS stack; past its end we
        // stop as GNU m4 does when its own stack runs out.
        err = this.rt.expander.stackOverflowExit();
      } else if (
        err instanceof RangeError &&
        /invalid (string|array|typed array) length/i.test(err.message)
      ) {
        // Text too long for a JS string: where GNU's allocations would fail.
        err = this.outOfMemoryExit();
      }
      if (!(err instanceof M4Exit)) throw err;
      this.status = err.status;
      if (err.abrupt) {
        this.rt.stdout.discard();
        this.rt.debug.discard();
      } else {
        this.rt.debug.flush();
        this.closeStdout();
      }
    }
  }

  /** Reports running out of memory as GNU's xalloc_die does; returns the exit it throws. */
  private outOfMemoryExit(): unknown {
    try {
      return this.rt.reporter.outOfMemory('memory exhausted', false);
    } catch (exit) {
      return exit;
    }
  }

  /** gnulib's close_stdout at exit: output that could not be written fails the run. */
  private closeStdout(): void {
    let message: string | undefined;
    try {
      message = this.rt.stdout.close();
    } catch (err) {
      if (!(err instanceof M4Exit)) throw err;
      this.status = err.status;
      return;
    }
    if (message !== undefined) {
      this.rt.reporter.plain(message);
      this.status = 1;
    }
  }

  /** The exit status once the engine has stopped (finish, m4exit or a fatal error). */
  get exitStatus(): number | undefined {
    return this.status;
  }

  get stopped(): boolean {
    return this.status !== undefined;
  }

  /** -D: defines NAME (as empty text when `value` is undefined). */
  define(name: string, value?: string): this {
    this.guard(() => this.rt.defineText(name, value, 'define'));
    return this;
  }

  /** -U: removes every definition of NAME. */
  undefine(name: string): this {
    this.guard(() => this.rt.symbols.remove(name));
    return this;
  }

  /** -t: traces NAME whenever it is defined. */
  trace(name: string): this {
    this.guard(() => {
      this.rt.symbols.insert(name).traced = true;
    });
    return this;
  }

  /** Defines a builtin implemented in JavaScript (recognised only with `(` when `blind`). */
  defineBuiltin(name: string, fn: JsBuiltin, options: { blind?: boolean } = {}): this {
    const def = builtin(name, { blind: options.blind ?? false }, (rt, argv) => {
      const args: string[] = [];
      for (let i = 1; i < argv.length; i++) args.push(argText(argv, i));
      rt.input.rawExpansion = true;
      return fn(args, { name: argText(argv, 0), warn: (message) => rt.warn(message) });
    });
    this.rt.registerBuiltin(def);
    this.guard(() => this.rt.defineBuiltin(name, def, 'define'));
    return this;
  }

  addIncludeDirectory(dir: string): this {
    this.rt.addIncludeDirectory(dir);
    return this;
  }

  /** -s from here on. */
  setSyncLines(on: boolean): this {
    this.rt.output.syncLines = on;
    return this;
  }

  /** --debugfile: undefined for stderr, '' to discard. */
  setDebugFile(name: string | undefined, messageName: string | undefined = name): this {
    this.guard(() => {
      const err = this.rt.setDebugFile(name);
      if (err !== undefined) {
        this.rt.warn(`cannot set debug file \`${messageName ?? 'stderr'}': ${strerror(err)}`);
      }
    });
    return this;
  }

  /** Expands text as if read from a file called `title`. */
  expand(text: string, title = 'stdin'): this {
    this.guard(() => this.rt.expandFileText(text, title, false));
    return this;
  }

  /** Expands a file found like a command-line file; false (after a message) if it cannot be read. */
  expandFile(name: string): boolean {
    let ok = true;
    this.guard(() => {
      const found = this.rt.searchFile(name);
      if (!found.ok) {
        this.rt.reporter.plain(`cannot open \`${name}': ${strerror(found.error)}`);
        this.rt.reporter.retcode = 1;
        ok = false;
        return;
      }
      this.rt.expandFileText(found.text, found.name, true);
    });
    return ok;
  }

  /** Expands standard input (`-`): the first time all of it, later nothing. */
  expandStdin(): this {
    this.guard(() => this.rt.expandStdin());
    return this;
  }

  /**
   * Ends the run as GNU m4 does: m4wrap text, then every diversion to the output (or, with
   * `freezeTo`, into a frozen state file). Returns the exit status.
   */
  finish(freezeTo?: string): number {
    this.guard(() => {
      const rt = this.rt;
      rt.runWrapup();
      rt.closeDebugFile();
      if (freezeTo !== undefined) {
        produceFrozenState(rt, freezeTo);
      } else {
        rt.output.divert(0);
        rt.output.undivertAll();
      }
      throw new M4Exit(rt.reporter.retcode);
    });
    return this.status as number;
  }

  /** What went to standard output, when no `stdout` sink was given. */
  output(): string {
    this.rt.stdout.flush();
    return this.outSink?.text?.() ?? '';
  }

  /** What went to standard error, when no `stderr` sink was given. */
  errors(): string {
    return this.errSink?.text?.() ?? '';
  }

  /** The text waiting in diversion `n` (1 and up). */
  diversion(n: number): string {
    return this.rt.output.diversionText(n);
  }

  /** The current diversion number. */
  get currentDiversion(): number {
    return this.rt.output.current;
  }

  /** Every message so far, as data. */
  get diagnostics(): readonly M4Diagnostic[] {
    return this.rt.reporter.diagnostics;
  }

  /** The current definition of a macro: its text, `<builtin>`, or undefined. */
  definition(name: string): string | undefined {
    const sym = this.rt.symbols.lookup(name);
    if (sym === undefined || sym.type === SymbolType.Void) return undefined;
    return sym.func !== undefined ? `<${sym.func.name}>` : sym.text;
  }
}
