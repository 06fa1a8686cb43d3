// The expansion loop. GNU m4 expands recursively (a macro call collects its arguments, which
// may contain calls, ...); here one loop keeps an explicit stack of argument-collection frames,
// so nesting depth is bounded by memory, not by the JavaScript stack. A macro's expansion is
// pushed back on the input and rescanned, so tail recursion does not grow anything.
import { DEBUG_ALL, DEBUG_CALL } from './debug.js';
import type { Runtime } from './runtime.js';
import { BlockKind, CHAR_MACRO, type InputBlock } from './input.js';
import { cString } from './numeric.js';
import { type BodyPlan, compileBody, compileDirectCall, type DirectCall, renderBody } from './body.js';
import {
  F_CLOSE,
  F_COMMA,
  F_DIGIT,
  F_OPEN,
  F_PLAIN,
  F_QUOTE,
  F_SLOW,
  F_SPACE,
  Tok,
  WORD_BYTE,
} from './scanner.js';
import { SymbolType, type M4Symbol } from './symbols.js';
import { M4Exit, type BuiltinDef, type MacroArg } from './types.js';

/** One macro call whose arguments are being collected. */
interface Frame {
  sym: M4Symbol;
  id: number;
  traced: boolean;
  /** Where the macro name was read: errors and __line__ during the call report this. */
  openFile: string;
  openLine: number;
  argv: MacroArg[];
  /** The argument being collected: its text, or the builtin token it started with. */
  arg: string;
  argFunc: BuiltinDef | undefined;
  parenLevel: number;
  /** Leading whitespace of the argument is still being skipped. */
  skipping: boolean;
  /** Where this argument started, for "end of file in argument list". */
  argFile: string;
  argLine: number;
}

function isSpaceText(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13);
}

/** How deep calls may nest before we report a stack overflow as GNU m4 would (see expandMacro). */
export const MAX_NESTING = 1_000_000;

/** The most arguments quotedArgs takes at once (calls with more collect them one by one). */
const MAX_QUOTED_ARGS = 8;

/** Quoted strings up to this long are scanned byte by byte; longer ones are searched. */
const SHORT_QUOTED = 16;

export class Expander {
  /** GNU's expansion_level: calls being collected or running. */
  level = 0;
  private callId = 0;
  private readonly frames: Frame[] = [];

  constructor(private readonly rt: Runtime) {}

  /** Reads and expands tokens until the input is exhausted (GNU's expand_input). */
  expandInput(): void {
    const rt = this.rt;
    const sc = rt.scanner;
    const input = rt.input;
    const output = rt.output;
    const frames = this.frames;
    for (;;) {
      this.fastScan();
      const t = sc.next();
      if (frames.length === 0) {
        switch (t) {
          case Tok.Eof:
            return;
          case Tok.Word:
            this.word(undefined);
            break;
          case Tok.Macdef:
            break;
          case Tok.Simple: {
            const line = sc.line;
            const text = sc.text + sc.plainRunAfter(output.syncLines);
            output.shipout(text, line, input.currentFile);
            break;
          }
          default:
            output.shipout(sc.text, sc.line, input.currentFile);
        }
        continue;
      }
      const f = frames[frames.length - 1];
      if (f.skipping) {
        if (t === Tok.Simple && isSpaceText(sc.text)) continue;
        f.skipping = false;
      }
      switch (t) {
        case Tok.Comma:
          if (f.parenLevel === 0) {
            this.finishArg(f);
            this.startArg(f);
          } else {
            f.arg += ',';
          }
          break;
        case Tok.Close:
          if (f.parenLevel === 0) {
            this.finishArg(f);
            frames.pop();
            this.call(f);
          } else {
            f.parenLevel--;
            f.arg += ')';
          }
          break;
        case Tok.Open:
          f.parenLevel++;
          f.arg += '(';
          break;
        case Tok.Simple:
          f.arg += sc.text + sc.plainRunAfter(false);
          break;
        case Tok.String:
          f.arg += sc.text;
          break;
        case Tok.Word:
          this.word(f);
          break;
        case Tok.Macdef:
          if (f.arg === '') f.argFunc = input.lastMacro;
          break;
        case Tok.Eof:
          rt.reporter.fatalAt(f.argFile, f.argLine, 'ERROR: end of file in argument list');
      }
    }
  }

  /**
   * The fast path: reads tokens straight from the top block's text, exactly as the general
   * path would, for the common cases. Plain text (including words that name no macro) is
   * moved in runs; a file block's line count is brought up to date before anything that
   * reports a location. Returns when the general path is needed: sync lines at top level,
   * builtin tokens, long delimiters, comments, NUL bytes, and tokens that may continue in
   * the block below.
   */
  private fastScan(): void {
    const rt = this.rt;
    const input = rt.input;
    const stack = input.stack;
    const frames = this.frames;
    const output = rt.output;
    const symbols = rt.symbols;
    outer: for (;;) {
      const b = stack[stack.length - 1];
      if (b === undefined || b.kind === BlockKind.Macro) return;
      const text = b.text;
      const len = text.length;
      let p = b.pos;
      if (p >= len) {
        // Reading on would pop the exhausted block first (a file's end is the general path's).
        if (b.kind === BlockKind.File) return;
        input.pop();
        continue;
      }
      // Macro calls may change the delimiters, hence their classes.
      const cls = rt.scanner.fastClass;
      const f = frames.length > 0 ? frames[frames.length - 1] : undefined;
      if (f === undefined && output.syncLines) return;
      if (input.inputChange) {
        // Reading a token's first character takes up the block's location.
        input.currentFile = b.file;
        input.currentLine = b.line;
        input.inputChange = false;
      }
      // [runStart, p) is plain text not yet delivered to the argument or the output.
      let runStart = p;
      for (;;) {
        if (p >= len) {
          // A run ended with the block: deliver it and go on below.
          if (p > runStart) this.deliver(f, text, runStart, p);
          this.advance(b, p);
          continue outer;
        }
        const c = cls[text.charCodeAt(p)];
        if (f !== undefined && f.skipping) {
          if (c === F_SPACE) {
            runStart = ++p;
            continue;
          }
          // A delimiter may start with a space: whether it skips is the general path's call.
          if (c === F_SLOW) break;
          f.skipping = false;
        }
        if (c <= F_DIGIT) {
          if (c === F_DIGIT) {
            p++;
            continue;
          }
          let h = text.charCodeAt(p);
          let e = p + 1;
          for (; e < len; e++) {
            const ch = text.charCodeAt(e);
            // Once a word has started, delimiters do not stop it: only non-word bytes do.
            if (WORD_BYTE[ch] === 0) break;
            h = (Math.imul(h, 31) + ch) | 0;
          }
          // A word that ends a block may go on in the block below (the general path reads
          // across blocks); it ends here when what follows there cannot continue it.
          if (e === len && (b.kind !== BlockKind.String || this.continuesWord(input.peekBelowTop()))) break;
          {
            const sym = symbols.lookupRange(text, p, e, h);
            if (sym !== undefined && sym.type !== SymbolType.Void) {
              // A macro name ending the block: whether a parenthesis follows is the general path's.
              if (e === len) break;
              const next = cls[text.charCodeAt(e)];
              if (sym.type === SymbolType.Text || !sym.blind || next === F_OPEN) {
                if (p > runStart) this.deliver(f, text, runStart, p);
                this.advance(b, e);
                this.expandMacro(sym);
                continue outer;
              }
              if (next === F_SLOW) {
                // Whether a parenthesis follows needs the general peek.
                if (p > runStart) this.deliver(f, text, runStart, p);
                this.advance(b, e);
                if (rt.scanner.peek() === Tok.Open) this.expandMacro(sym);
                else this.deliver(f, sym.name, 0, sym.name.length);
                continue outer;
              }
            }
          }
          p = e;
          continue;
        }
        if (c === F_QUOTE) {
          let body = this.fastQuoted(text, p + 1);
          if (body === undefined) break;
          if (input.nulSeen) body = cString(body);
          if (p > runStart) this.deliver(f, text, runStart, p);
          if (f !== undefined) f.arg += body;
          else output.write(body);
          runStart = p = this.quoteEnd;
          continue;
        }
        if (c === F_SLOW) break;
        if (c === F_PLAIN || c === F_SPACE) {
          // Plain text: run on to the next byte that may matter.
          p++;
          while (p < len) {
            const k = cls[text.charCodeAt(p)];
            if (k !== F_PLAIN && k !== F_SPACE && k !== F_DIGIT) break;
            p++;
          }
          continue;
        }
        if (f !== undefined) {
          if (c === F_OPEN) {
            f.parenLevel++;
          } else if (c === F_CLOSE) {
            if (f.parenLevel === 0) {
              if (p > runStart) this.deliver(f, text, runStart, p);
              this.advance(b, p + 1);
              this.finishArg(f);
              frames.pop();
              this.call(f);
              continue outer;
            }
            f.parenLevel--;
          } else if (c === F_COMMA && f.parenLevel === 0) {
            if (p > runStart) this.deliver(f, text, runStart, p);
            this.advance(b, ++p);
            this.finishArg(f);
            this.startArg(f);
            runStart = p;
            continue;
          }
        }
        p++;
      }
      // Leave the rest to the general path.
      if (p > runStart) this.deliver(f, text, runStart, p);
      this.advance(b, p);
      return;
    }
  }

  /** Could this next character (CHAR_MACRO, CHAR_EOF or a byte) continue a word? */
  private continuesWord(ch: number): boolean {
    return ch < 0 ? ch === CHAR_MACRO : WORD_BYTE[ch] === 1;
  }

  /** Delivers text[from, to) to the argument being collected or to the output. */
  private deliver(f: Frame | undefined, text: string, from: number, to: number): void {
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    if (f !== undefined) f.arg += piece;
    else this.rt.output.write(piece);
  }

  /** Consumes the block up to `to`; a file block's line count follows. */
  private advance(b: InputBlock, to: number): void {
    if (b.kind === BlockKind.String) b.pos = to;
    else this.rt.input.consumeTo(b, to);
  }

  /** Where the last fastQuoted string ended (just past its closing quote). */
  private quoteEnd = 0;

  /** A quoted string closed within `text` (single-character quotes), or undefined. */
  private fastQuoted(text: string, start: number): string | undefined {
    const close = this.quoteClose(text, start);
    if (close < 0) return undefined;
    this.quoteEnd = close + 1;
    return text.slice(start, close);
  }

  /** Where the quoted string starting at `start` (just past its opening quote) closes, or -1. */
  private quoteClose(text: string, start: number): number {
    const sc = this.rt.scanner;
    const lq = sc.lq0;
    const rq = sc.rq0;
    const len = text.length;
    let level = 1;
    // Most quoted strings are short: a plain loop beats searching...
    const loopEnd = Math.min(len, start + SHORT_QUOTED);
    let i = start;
    for (; i < loopEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === rq) {
        if (--level === 0) return i;
      } else if (ch === lq) {
        level++;
      }
    }
    // ...but a long one is found much faster by searching for the quotes (a closing quote
    // first: when the two are the same character, it closes).
    let nextOpen = text.indexOf(sc.lquote, i);
    for (;;) {
      const close = text.indexOf(sc.rquote, i);
      if (close < 0) return -1;
      while (nextOpen >= 0 && nextOpen < close) {
        level++;
        nextOpen = text.indexOf(sc.lquote, nextOpen + 1);
      }
      if (--level === 0) return close;
      i = close + 1;
    }
  }

  /** A word: a macro call if it names one (blind builtins need a parenthesis), else text. */
  private word(f: Frame | undefined): void {
    const rt = this.rt;
    const sc = rt.scanner;
    const name = sc.text;
    const sym = rt.symbols.lookup(name);
    if (
      sym === undefined ||
      sym.type === SymbolType.Void ||
      (sym.type === SymbolType.Func && sym.blind && sc.peek() !== Tok.Open)
    ) {
      if (f !== undefined) f.arg += name;
      else rt.output.shipout(name, sc.line, rt.input.currentFile);
      return;
    }
    this.expandMacro(sym);
  }

  private expandMacro(sym: M4Symbol): void {
    const rt = this.rt;
    const id = this.enterCall(sym);
    const traced = (rt.debug.level & DEBUG_ALL) !== 0 || sym.traced;
    if (traced && rt.debug.level & DEBUG_CALL) rt.debug.tracePrepre(rt.traceContext(), sym.name, id);
    // The call belongs where its name was read: the argument list may start in another block
    // (after an included file's or a wrapped text's end, or below an expansion).
    const input = rt.input;
    const openFile = input.currentFile;
    const openLine = input.currentLine;
    if (this.takeOpenParen()) {
      const argv = this.quotedArgs(sym.name);
      if (argv !== undefined) {
        this.callWith(sym, id, traced, argv, openFile, openLine);
        return;
      }
      const f = this.newFrame(sym, id, traced, openFile, openLine);
      this.startArg(f);
      this.frames.push(f);
    } else {
      this.callWith(sym, id, traced, [sym.name], openFile, openLine);
    }
  }

  /**
   * The arguments after an opening parenthesis when they are all quoted strings (at most
   * MAX_QUOTED_ARGS), closed in the top block: taken at once, as collecting them a token at
   * a time would take them, into an array of their number. Otherwise nothing is consumed.
   */
  private quotedArgs(name: string): MacroArg[] | undefined {
    const input = this.rt.input;
    const b = input.stack[input.stack.length - 1];
    if (b === undefined || b.kind === BlockKind.Macro || input.inputChange) return undefined;
    const cls = this.rt.scanner.fastClass;
    const text = b.text;
    const len = text.length;
    const bounds = this.argBounds;
    let p = b.pos;
    let n = 0;
    for (;;) {
      while (p < len && cls[text.charCodeAt(p)] === F_SPACE) p++;
      if (p >= len || cls[text.charCodeAt(p)] !== F_QUOTE || n === MAX_QUOTED_ARGS) return undefined;
      const close = this.quoteClose(text, p + 1);
      if (close < 0 || close + 1 >= len) return undefined;
      const c = cls[text.charCodeAt(close + 1)];
      if (c !== F_COMMA && c !== F_CLOSE) return undefined;
      bounds[2 * n] = p + 1;
      bounds[2 * n + 1] = close;
      n++;
      p = close + 2;
      if (c === F_CLOSE) break;
    }
    this.advance(b, p);
    switch (n) {
      case 1:
        return [name, this.quotedArg(text, 0)];
      case 2:
        return [name, this.quotedArg(text, 0), this.quotedArg(text, 1)];
      case 3:
        return [name, this.quotedArg(text, 0), this.quotedArg(text, 1), this.quotedArg(text, 2)];
      default: {
        const argv: MacroArg[] = [name];
        for (let i = 0; i < n; i++) argv.push(this.quotedArg(text, i));
        return argv;
      }
    }
  }

  /** Where quotedArgs found each argument: start and end, in pairs. */
  private readonly argBounds = new Int32Array(2 * MAX_QUOTED_ARGS);

  /** The text of quotedArgs' argument `i`. */
  private quotedArg(text: string, i: number): string {
    const arg = text.slice(this.argBounds[2 * i], this.argBounds[2 * i + 1]);
    return this.rt.input.nulSeen ? cString(arg) : arg;
  }

  /** A call of `sym` begins: counts it, enforces the nesting limits, and returns its id. */
  private enterCall(sym: M4Symbol): number {
    const rt = this.rt;
    sym.pending++;
    this.level++;
    if (rt.nestingLimit > 0 && this.level > rt.nestingLimit) {
      rt.fatal(`recursion limit of ${rt.nestingLimit} exceeded, use -L<N> to change it`);
    }
    if (this.level > MAX_NESTING) this.stackOverflow();
    return ++this.callId;
  }

  private newFrame(sym: M4Symbol, id: number, traced: boolean, openFile: string, openLine: number): Frame {
    return {
      sym,
      id,
      traced,
      openFile,
      openLine,
      argv: [sym.name],
      arg: '',
      argFunc: undefined,
      parenLevel: 0,
      skipping: true,
      argFile: '',
      argLine: 0,
    };
  }

  /**
   * Unbounded nesting: GNU m4 runs out of C stack and dies with "stack overflow" (losing
   * buffered output). We nest far deeper, but not forever: past MAX_NESTING we die the same way.
   */
  private stackOverflow(): never {
    throw this.stackOverflowExit();
  }

  /** Says "stack overflow" as GNU's handler does and gives the exit that ends the run. */
  stackOverflowExit(): M4Exit {
    this.rt.stdout.discard();
    this.rt.stderr.write(`${this.rt.programName}: stack overflow\n`);
    return new M4Exit(1, true);
  }

  /** Consumes a `(` right after a macro name, if there is one (GNU's peek_token, next_token). */
  private takeOpenParen(): boolean {
    const rt = this.rt;
    const input = rt.input;
    const b = input.stack[input.stack.length - 1];
    if (b !== undefined && b.kind !== BlockKind.Macro && !input.inputChange && b.pos < b.text.length) {
      const c = rt.scanner.fastClass[b.text.charCodeAt(b.pos)];
      if (c === F_OPEN) {
        this.advance(b, b.pos + 1);
        return true;
      }
      if (c !== F_SLOW) return false;
    }
    if (rt.scanner.peek() !== Tok.Open) return false;
    rt.scanner.next();
    return true;
  }

  private startArg(f: Frame): void {
    f.arg = '';
    f.argFunc = undefined;
    f.parenLevel = 0;
    f.skipping = true;
    f.argFile = this.rt.input.currentFile;
    f.argLine = this.rt.input.currentLine;
  }

  private finishArg(f: Frame): void {
    if (f.argFunc !== undefined) f.argv.push(f.sym.macroArgs ? f.argFunc : '');
    else f.argv.push(f.arg);
  }

  /** Calls the macro with its collected arguments and pushes the expansion for rescanning. */
  private call(f: Frame): void {
    this.callWith(f.sym, f.id, f.traced, f.argv, f.openFile, f.openLine);
  }

  /**
   * Runs the call and pushes its expansion for rescanning. A user macro whose body opens with
   * a call of quoted strings (see body.ts) has that call made here, as rescanning would make
   * it, with the rest of the body pushed below; calls made so loop here, not recurse.
   */
  private callWith(
    sym: M4Symbol,
    id: number,
    traced: boolean,
    argv: MacroArg[],
    openFile: string,
    openLine: number,
  ): void {
    const rt = this.rt;
    const input = rt.input;
    let closeFile = input.currentFile;
    let closeLine = input.currentLine;
    let direct = false;
    for (;;) {
      input.currentFile = openFile;
      input.currentLine = openLine;
      if (traced) rt.debug.tracePre(rt.traceContext(), sym.name, id, argv);
      input.beginExpansion();
      if (sym.type === SymbolType.Text && !traced) {
        const plan = this.plan(sym);
        const callee = plan.call === undefined ? undefined : this.directCallee(plan.call, argv);
        if (callee !== undefined) {
          const call = plan.call as DirectCall;
          const sc = rt.scanner;
          const args: MacroArg[] = [callee.name];
          for (let i = 0; i < call.args.length; i++)
            args.push(renderBody(call.args[i], argv, sc.lquote, sc.rquote));
          input.endExpansion(renderBody(call.rest, argv, sc.lquote, sc.rquote));
          this.level--;
          sym.pending--;
          // Rescanning would read the call where the body was pushed: at this call's opening.
          id = this.enterCall(callee);
          sym = callee;
          argv = args;
          closeFile = openFile;
          closeLine = openLine;
          direct = true;
          continue;
        }
      }
      const text = this.invoke(sym, argv);
      const expanded = input.endExpansion(text);
      if (traced) rt.debug.tracePost(rt.traceContext(), sym.name, id, argv.length, expanded);
      input.currentFile = closeFile;
      input.currentLine = closeLine;
      this.level--;
      sym.pending--;
      // Reading on takes the location from the input, as after the body's block.
      if (direct) input.inputChange = true;
      return;
    }
  }

  /**
   * The macro a direct call would run, when making it directly is exactly what rescanning
   * the body would do: no tracing or sync lines, no NUL bytes, the macro defined, and no
   * quote character in any argument substituted inside the quoted strings.
   */
  private directCallee(call: DirectCall, argv: readonly MacroArg[]): M4Symbol | undefined {
    const rt = this.rt;
    if (rt.output.syncLines || rt.input.nulSeen || (rt.debug.level & DEBUG_ALL) !== 0) return undefined;
    const lq0 = rt.scanner.lq0;
    const rq0 = rt.scanner.rq0;
    if (call.allArgs) {
      for (let j = 0; j < argv.length; j++) if (quoteIn(argv[j], lq0, rq0)) return undefined;
    } else {
      const refs = call.refs;
      for (let i = 0; i < refs.length; i++) if (quoteIn(argv[refs[i]], lq0, rq0)) return undefined;
    }
    const callee = rt.symbols.lookupRange(call.name, 0, call.name.length, call.hash);
    if (callee === undefined || callee.type === SymbolType.Void || callee.traced) return undefined;
    return callee;
  }

  /** The symbol's compiled body, its opening call worked out for the current delimiters. */
  private plan(sym: M4Symbol): BodyPlan {
    const sc = this.rt.scanner;
    let plan = sym.compiled as BodyPlan | undefined;
    if (plan === undefined) {
      plan = { parts: compileBody(sym.text, this.rt.noGnuExtensions), classes: undefined, call: undefined };
      sym.compiled = plan;
    }
    if (plan.classes !== sc.fastClass) {
      plan.classes = sc.fastClass;
      plan.call = compileDirectCall(plan.parts, sc.fastClass, sc.lquote, sc.rquote);
    }
    return plan;
  }

  /** GNU's call_macro: runs a builtin or expands a user macro's body. */
  invoke(sym: M4Symbol, argv: MacroArg[]): string {
    if (sym.type === SymbolType.Func) return (sym.func as BuiltinDef).fn(this.rt, argv);
    const sc = this.rt.scanner;
    return renderBody(this.plan(sym).parts, argv, sc.lquote, sc.rquote);
  }
}

/** Does the argument hold either quote character? (Arguments are short: a loop beats searching.) */
function quoteIn(arg: MacroArg | undefined, lq0: number, rq0: number): boolean {
  if (typeof arg !== 'string') return false;
  for (let i = 0; i < arg.length; i++) {
    const c = arg.charCodeAt(i);
    if (c === lq0 || c === rq0) return true;
  }
  return false;
}
