// mailcf's one regular expression engine: GNU's regex (gnulib as GNU m4 1.4.19 bundles it, and
// glibc 2.36's regcomp/regexec, which sendmail's regex maps call). One parser reads the syntaxes
// through gnulib's syntax switches; one automaton, laid out node for node as gnulib lays it out,
// gives leftmost-longest matches and the registers GNU fills. See docs/regex.md.
import { parsePattern } from './parse.js';
import { type MatchRules, type Program, compileProgram } from './program.js';
import { Machine, type MatchResult, copyMergedGroups } from './machine.js';
import { searchMachine } from './match.js';
import {
  EMACS_SYNTAX,
  POSIX_BASIC_SYNTAX,
  POSIX_EXTENDED_SYNTAX,
  REGEX_ERRORS,
  type ParsedPattern,
  type RegexErrorCode,
  type RegexSyntax,
  RegexSyntaxError,
} from './syntax.js';
import { type Charset, makeSubject } from './text.js';
import { toJsRegExp } from './js.js';
import { type UnambiguousSearch, unambiguousSearch } from './unambiguous.js';

export type { Charset } from './text.js';
export type { MatchResult, Registers } from './machine.js';
export { REGEX_ERRORS, type RegexErrorCode } from './syntax.js';

/**
 * GNU m4's regexp and patsubst: gnulib's re_search with RE_SYNTAX_EMACS (m4 sets no syntax
 * bits), `^` and `$` also at newlines, in the locale's character set.
 */
export interface EmacsOptions {
  syntax: 'emacs';
  charset: Charset;
}

/**
 * glibc's regcomp in the C locale, without REG_NEWLINE: `extended` is REG_EXTENDED, `ignoreCase`
 * REG_ICASE, `noSub` REG_NOSUB (only "does it match" will be asked).
 */
export interface PosixOptions {
  syntax: 'posix';
  extended: boolean;
  ignoreCase: boolean;
  noSub: boolean;
}

export type RegexOptions = EmacsOptions | PosixOptions;

/** A compiled pattern. */
export interface Regex {
  readonly pattern: string;
  readonly options: RegexOptions;
  /** re_nsub: the number of groups. */
  readonly groups: number;
  readonly program: Program;
  /** A JS search that gives the same answers, for patterns simple enough (unambiguous.ts). */
  readonly unambiguous: UnambiguousSearch | undefined;
}

export type CompileResult = { ok: true; regex: Regex } | { ok: false; code: RegexErrorCode; message: string };

function syntaxOf(options: RegexOptions): RegexSyntax {
  if (options.syntax === 'emacs') return EMACS_SYNTAX;
  const base = options.extended ? POSIX_EXTENDED_SYNTAX : POSIX_BASIC_SYNTAX;
  return options.ignoreCase ? { ...base, ignoreCase: true } : base;
}

function rulesOf(options: RegexOptions, syntax: RegexSyntax): MatchRules {
  return {
    dotMatchesNewline: syntax.dotMatchesNewline,
    dotExcludesNul: syntax.dotExcludesNul,
    // re_compile_pattern (m4) sets newline_anchor; regcomp only with REG_NEWLINE.
    newlineAnchor: options.syntax === 'emacs',
    ignoreCase: syntax.ignoreCase,
    library: options.syntax === 'emacs' ? 'gnulib' : 'glibc',
  };
}

const charsetOf = (options: RegexOptions): Charset =>
  options.syntax === 'emacs' ? options.charset : 'bytes';

/** Compiles a pattern (a latin1 string of bytes); a bad one gives regerror's message. */
export function compileRegex(pattern: string, options: RegexOptions): CompileResult {
  const syntax = syntaxOf(options);
  const charset = charsetOf(options);
  try {
    const parsed = parsePattern(pattern, syntax, charset);
    const noSub = options.syntax === 'posix' && options.noSub;
    const rules = rulesOf(options, syntax);
    const program = compileProgram(parsed, charset, rules, noSub);
    const unambiguous = unambiguousSearch(parsed.tree, charset, rules);
    return { ok: true, regex: { pattern, options, groups: parsed.groups, program, unambiguous } };
  } catch (err) {
    if (!(err instanceof RegexSyntaxError)) throw err;
    // regcomp reports an unmatched `)` as an unmatched `(` (POSIX has one code for both).
    const code = options.syntax === 'posix' && err.code === 'closeParen' ? 'openParen' : err.code;
    return { ok: false, code, message: REGEX_ERRORS[code] };
  }
}

/**
 * re_search from byte offset `from`: the leftmost-longest match and GNU's registers (absolute
 * offsets, -1 when unset; a group left half-open ends at match start - 1, as gnulib leaves it).
 * `wantRegisters` false asks only where the match is (gnulib then skips its register pass,
 * which can change the answer).
 */
export function searchRegex(
  regex: Regex,
  text: string,
  from = 0,
  wantRegisters = true,
): MatchResult | undefined {
  return new RegexSearcher(regex, text).search(from, wantRegisters);
}

/** Repeated searches of one text (patsubst): the text is prepared once. */
export class RegexSearcher {
  private machine: Machine | undefined;

  constructor(
    readonly regex: Regex,
    readonly text: string,
  ) {}

  search(from: number, wantRegisters: boolean): MatchResult | undefined {
    const shortcut = this.regex.unambiguous;
    if (shortcut !== undefined) {
      const found = searchUnambiguous(shortcut, this.regex.program, this.text, from, wantRegisters);
      if (found !== 'empty') return found;
    }
    if (this.machine === undefined) {
      const { program } = this.regex;
      const subject = makeSubject(this.text, charsetOf(this.regex.options), program.rules.ignoreCase);
      this.machine = new Machine(program, subject);
    }
    return searchMachine(this.machine, from, wantRegisters);
  }
}

/** The shortcut's answer, or 'empty' for an empty match (the automaton says where GNU puts it). */
function searchUnambiguous(
  shortcut: UnambiguousSearch,
  program: Program,
  text: string,
  from: number,
  wantRegisters: boolean,
): MatchResult | undefined | 'empty' {
  const needRegisters = wantRegisters && program.groups > 0;
  const regex = needRegisters ? shortcut.measure : shortcut.locate;
  regex.lastIndex = from;
  const found = regex.exec(text);
  if (found === null) return undefined;
  const start = found.index;
  const end = start + found[0].length;
  if (start === end) return 'empty';
  if (!needRegisters) return { start, end, registers: { start: [start], end: [end] } };
  // Where each run begins: the match start plus the lengths of the runs before it.
  const runStarts = [start];
  for (let k = 1; k < found.length; k++) runStarts.push(runStarts[k - 1] + found[k].length);
  // Groups the pattern numbers but never reaches (x{0}) stay unset, as in the automaton.
  const registers = { start: unsetRegisters(program.groups + 1), end: unsetRegisters(program.groups + 1) };
  registers.start[0] = start;
  registers.end[0] = end;
  const groupRuns = shortcut.groupRuns;
  for (let group = 0; group < groupRuns.length; group++) {
    const span = groupRuns[group];
    if (span === undefined) continue;
    registers.start[group + 1] = runStarts[span[0]];
    registers.end[group + 1] = runStarts[span[1]];
  }
  copyMergedGroups(program, registers);
  return { start, end, registers };
}

/** The parse of an Emacs-syntax pattern (C locale), for translations such as toJsRegExp. */
export function parseEmacsPattern(pattern: string): ParsedPattern {
  return parsePattern(pattern, EMACS_SYNTAX, 'bytes');
}

/**
 * An Emacs-syntax pattern as a JS RegExp accepting the same texts (C locale), for callers that
 * only need "does it match"; JS's positions and groups are leftmost-first, not GNU's.
 */
export function emacsToJsRegExp(
  pattern: string,
): { ok: true; regex: RegExp; groups: number } | { ok: false; message: string } {
  try {
    const parsed = parseEmacsPattern(pattern);
    return { ok: true, regex: toJsRegExp(parsed.tree), groups: parsed.groups };
  } catch (err) {
    if (!(err instanceof RegexSyntaxError)) throw err;
    return { ok: false, message: err.message };
  }
}

/** regexec's answer: the registers (empty under REG_NOSUB), or null for no match. */
export function execPosixRegex(regex: Regex, subject: string): { start: number[]; end: number[] } | null {
  const noSub = regex.options.syntax === 'posix' && regex.options.noSub;
  const match = searchRegex(regex, subject, 0, !noSub);
  if (!match) return null;
  return noSub ? { start: [], end: [] } : match.registers;
}

/** `count` registers, all unset (-1): a loop, which runs a match's few registers faster than fill. */
function unsetRegisters(count: number): number[] {
  const registers: number[] = [];
  for (let i = 0; i < count; i++) registers.push(-1);
  return registers;
}
