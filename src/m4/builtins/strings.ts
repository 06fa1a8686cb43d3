// Text and arithmetic builtins: len, index, substr, translit, format, regexp, patsubst, eval,
// incr, decr. The pure computations (GNU's eval, format, regex and translit) live beside the
// engine; here are the argument-count rules and the messages they report.
import type { Diagnostic, PureResult } from '../diagnostics.js';
import { numericArg } from '../numeric.js';
import { evalBuiltin, evaluateExpression } from '../eval.js';
import { formatBuiltin } from '../format.js';
import { patsubstBuiltin, regexpBuiltin } from '../regex.js';
import type { Runtime } from '../runtime.js';
import { translitBuiltin } from '../translit.js';
import { argText, type BuiltinDef, type MacroArg } from '../types.js';
import { builtin } from './define.js';
import { numeric, report } from './control.js';

function texts(argv: readonly MacroArg[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) out.push(argText(argv, i));
  return out;
}

/** Runs a pure builtin and reports its diagnostics. */
function pure(
  rt: Runtime,
  argv: readonly MacroArg[],
  fn: (name: string, args: string[]) => PureResult,
): string {
  const result = fn(argText(argv, 0), texts(argv));
  report(rt, result.diagnostics);
  return result.text;
}

/**
 * GNU ends some expansions with a NUL byte of their own (eval in radix 1, patsubst,
 * traditional maketemp); a trace then shows ` -> `'` even when nothing visible came out.
 */
export function terminated(rt: Runtime, text: string): string {
  rt.input.rawExpansion = true;
  // A raw expansion is read up to its first NUL: with one appended, a text is read as itself,
  // so only an empty text needs the NUL (it makes the expansion non-empty for the trace).
  return text === '' ? '\0' : text;
}

/** eval(0, 1, 0): unary zero padded to no width is empty, yet GNU's NUL follows it. */
function isEmptyUnaryZero(argv: readonly MacroArg[]): boolean {
  const scratch: Diagnostic[] = [];
  if (argv.length < 4 || numericArg('eval', argText(argv, 2), scratch) !== 1) return false;
  if (numericArg('eval', argText(argv, 3), scratch) !== 0) return false;
  const expression = argText(argv, 1);
  return expression === '' || evaluateExpression(expression, scratch) === 0;
}

function step(rt: Runtime, argv: readonly MacroArg[], delta: number): string {
  if (rt.badArgc(argv, 2, 2)) return '';
  const value = numeric(rt, argv, argText(argv, 1));
  if (value === undefined) return '';
  return String((value + delta) | 0);
}

export const stringBuiltins: BuiltinDef[] = [
  builtin('decr', { blind: true }, (rt, argv) => step(rt, argv, -1)),
  builtin('eval', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, 4)) return '';
    const text = pure(rt, argv, evalBuiltin);
    return text === '' && isEmptyUnaryZero(argv) ? terminated(rt, text) : text;
  }),
  builtin('format', { gnu: true, blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 2, -1)) return '';
    return pure(rt, argv, formatBuiltin);
  }),
  builtin('incr', { blind: true }, (rt, argv) => step(rt, argv, 1)),
  builtin('index', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 3)) return argv.length === 2 ? '0' : '';
    return String(argText(argv, 1).indexOf(argText(argv, 2)));
  }),
  builtin('len', { blind: true }, (rt, argv) =>
    rt.badArgc(argv, 2, 2) ? '' : String(argText(argv, 1).length),
  ),
  builtin('patsubst', { gnu: true, blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 4)) return argv.length === 2 ? argText(argv, 1) : '';
    const result = patsubstBuiltin(argText(argv, 0), texts(argv), rt.regexState);
    report(rt, result.diagnostics);
    // Past a valid regular expression GNU always ends the text with a NUL of its own.
    const compiled = !result.diagnostics.some((d) => d.message.startsWith('bad regular expression'));
    return compiled ? terminated(rt, result.text) : result.text;
  }),
  builtin('regexp', { gnu: true, blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 4)) return argv.length === 2 ? '0' : '';
    return pure(rt, argv, (name, args) => regexpBuiltin(name, args, rt.regexState));
  }),
  builtin('substr', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 4)) return argv.length === 2 ? argText(argv, 1) : '';
    const text = argText(argv, 1);
    const start = numeric(rt, argv, argText(argv, 2));
    if (start === undefined) return '';
    let length = text.length;
    if (argv.length >= 4) {
      const l = numeric(rt, argv, argText(argv, 3));
      if (l === undefined) return '';
      length = l;
    }
    if (start < 0 || length <= 0 || start >= text.length) return '';
    return text.substr(start, length);
  }),
  builtin('translit', { blind: true }, (rt, argv) => {
    if (rt.badArgc(argv, 3, 4)) return argv.length >= 2 ? argText(argv, 1) : '';
    return pure(rt, argv, translitBuiltin);
  }),
];
