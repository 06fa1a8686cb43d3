// Control flow, quoting and diversions: ifelse, shift, dnl, changequote, changecom, m4exit,
// m4wrap, divert, divnum, undivert.
import type { Diagnostic } from '../diagnostics.js';
import { joinArgs } from '../body.js';
import { isCSpace, numericArg, parseCLong, plainInt, toInt32 } from '../numeric.js';
import type { Runtime } from '../runtime.js';
import { strerror } from '../errno.js';
import { argText, M4Exit, type BuiltinDef, type MacroArg } from '../types.js';
import { builtin } from './define.js';

/** Reports what a pure helper found; an 'error' also makes the exit status 1, a 'fatal' stops m4. */
export function report(rt: Runtime, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity === 'fatal') rt.reporter.outOfMemory(d.message, d.bare ?? false);
    rt.warn(d.message);
    if (d.severity === 'error') rt.reporter.retcode = 1;
  }
}

/** GNU's numeric_arg: the number, or undefined (after a message) when unusable. */
export function numeric(rt: Runtime, argv: readonly MacroArg[], text: string): number | undefined {
  const plain = plainInt(text);
  if (plain === plain) return plain; // not NaN

  const diagnostics: Diagnostic[] = [];
  const value = numericArg(argText(argv, 0), text, diagnostics);
  report(rt, diagnostics);
  return value;
}

const DEFAULT_LQUOTE = '`';
const DEFAULT_RQUOTE = "'";
const DEFAULT_BCOMM = '#';
const DEFAULT_ECOMM = '\n';

/** GNU's set_quotes: no argument restores the defaults; an empty left quote disables quoting. */
export function setQuotes(rt: Runtime, lq: string | undefined, rq: string | undefined): void {
  if (lq === undefined) {
    lq = DEFAULT_LQUOTE;
    rq = DEFAULT_RQUOTE;
  } else if (rq === undefined || (lq !== '' && rq === '')) {
    rq = DEFAULT_RQUOTE;
  }
  rt.scanner.setQuotes(lq, rq);
}

/** GNU's set_comment: no argument disables comments; an empty end means newline. */
export function setComments(rt: Runtime, bc: string | undefined, ec: string | undefined): void {
  if (bc === undefined) {
    bc = '';
    ec = '';
  } else if (ec === undefined || (bc !== '' && ec === '')) {
    ec = DEFAULT_ECOMM;
  }
  rt.scanner.setComments(bc, ec);
}

export { DEFAULT_BCOMM, DEFAULT_ECOMM, DEFAULT_LQUOTE, DEFAULT_RQUOTE };

export const controlBuiltins: BuiltinDef[] = [
  builtin('changecom', {}, (rt, argv) => {
    if (rt.badArgc(argv, 1, 3)) return '';
    setComments(
      rt,
      argv.length >= 2 ? argText(argv, 1) : undefined,
      argv.length >= 3 ? argText(argv, 2) : undefined,
    );
    return '';
  }),
  builtin('changequote', {}, (rt, argv) => {
    if (rt.badArgc(argv, 1, 3)) return '';
    setQuotes(
      rt,
      argv.length >= 2 ? argText(argv, 1) : undefined,
      argv.length >= 3 ? argText(argv, 2) : undefined,
    );
    return '';
  }),
  builtin('divert', {}, (rt, argv) => {
    if (rt.badArgc(argv, 1, 2)) return '';
    let n = 0;
    if (argv.length >= 2) {
      const v = numeric(rt, argv, argText(argv, 1));
      if (v === undefined) return '';
      n = v;
    }
    rt.output.divert(n);
    return '';
  }),
  builtin('divnum', {}, (rt, argv) => {
    rt.badArgc(argv, 1, 1);
    return String(rt.output.current);
  }),
  builtin('dnl', {}, (rt, argv) => {
    rt.badArgc(argv, 1, 1);
    const input = rt.input;
    const file = input.currentFile;
    const line = input.currentLine;
    if (!input.skipLine()) rt.reporter.errorAt(file, line, 'Warning: end of file treated as newline');
    // Crossing into another block moved the location; make the next read take it up again.
    if (file !== input.currentFile || line !== input.currentLine) input.inputChange = true;
    return '';
  }),
  builtin('ifelse', { blind: true }, (rt, argv) => {
    if (argv.length === 2) return '';
    if (rt.badArgc(argv, 4, -1)) return '';
    if ((argv.length + 2) % 3 > 1 && !rt.suppressWarnings) {
      rt.warn(`Warning: excess arguments to builtin \`${argText(argv, 0)}' ignored`);
    }
    let base = 1;
    let argc = argv.length - 1;
    for (;;) {
      if (argText(argv, base) === argText(argv, base + 1)) return argText(argv, base + 2);
      if (argc === 3) return '';
      if (argc === 4 || argc === 5) return argText(argv, base + 3);
      argc -= 3;
      base += 3;
    }
  }),
  builtin('m4exit', {}, (rt, argv) => {
    rt.badArgc(argv, 1, 2);
    let code = 0;
    if (argv.length >= 2) {
      const v = numeric(rt, argv, argText(argv, 1));
      code = v === undefined ? 1 : v;
    }
    if (code < 0 || code > 255) {
      rt.warn(`exit status out of range: \`${code}'`);
      code = 1;
    }
    rt.closeDebugFile();
    rt.flushAll();
    if (code === 0 && rt.reporter.retcode !== 0) code = rt.reporter.retcode;
    throw new M4Exit(code);
  }),
  builtin('m4wrap', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    rt.input.pushWrapup(rt.noGnuExtensions ? argText(argv, 1) : joinArgs(argv, ' ', '', ''));
    return '';
  }),
  builtin('shift', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    return joinArgs(argv, ',', rt.scanner.lquote, rt.scanner.rquote, 2);
  }),
  builtin('undivert', {}, (rt, argv) => {
    if (argv.length === 1) {
      rt.output.undivertAll();
      return '';
    }
    for (let i = 1; i < argv.length; i++) {
      const arg = argText(argv, i);
      const parsed = parseCLong(arg);
      if (parsed.end === arg.length && !isCSpace(arg[0])) {
        rt.output.undivert(toInt32(parsed.value));
      } else if (rt.noGnuExtensions) {
        rt.warn(`non-numeric argument to builtin \`${argText(argv, 0)}'`);
      } else {
        const found = rt.searchFile(arg);
        if (found.ok) rt.output.write(found.text);
        else rt.warn(`cannot undivert \`${arg}': ${strerror(found.error)}`);
      }
    }
    return '';
  }),
];
