// What a pattern means before it is matched: the syntax switches gnulib/glibc's parser obeys,
// the three syntaxes mailcf needs, the errors (regerror's words) and the parse tree.
//
// One parser reads all three syntaxes; each switch below is one of gnulib's syntax bits, and a
// syntax is the set of switches it turns on. Bits that none of the three uses are left out.

export interface RegexSyntax {
  /** `(` `)` group without a backslash; `\(` `\)` otherwise. */
  readonly bareGroups: boolean;
  /** `|` alternates without a backslash; `\|` otherwise. */
  readonly bareAlternation: boolean;
  /** Intervals exist... */
  readonly intervals: boolean;
  /** ...and are written `{m,n}` (else `\{m,n\}`). */
  readonly bareIntervals: boolean;
  /** `\+` and `\?` repeat (and `+` `?` are ordinary); otherwise `+` and `?` repeat. */
  readonly backslashPlusQuestion: boolean;
  /** `[:alpha:]` and the other classes inside lists. */
  readonly charClasses: boolean;
  /** `^` and `$` are anchors wherever they stand. */
  readonly anchorsAnywhere: boolean;
  /** A repetition operator with nothing to repeat is an error (else it is ordinary). */
  readonly repeatNeedsOperand: boolean;
  /** An interval with nothing to repeat, and `*` or an interval right after a repetition, are errors. */
  readonly noRepeatAfterRepeat: boolean;
  /** An unmatched `)` is an ordinary character (else an error). */
  readonly unmatchedCloseIsOrdinary: boolean;
  /** `.` matches a newline. */
  readonly dotMatchesNewline: boolean;
  /** `.` does not match a NUL byte. */
  readonly dotExcludesNul: boolean;
  /** A range whose end comes before its start is an error (else it is empty). */
  readonly noEmptyRanges: boolean;
  /** `[^...]` does not match a newline. */
  readonly negatedListsExcludeNewline: boolean;
  /** REG_ICASE: the pattern and the subject are upper-cased (ASCII, the C locale). */
  readonly ignoreCase: boolean;
}

const NONE: RegexSyntax = {
  bareGroups: false,
  bareAlternation: false,
  intervals: false,
  bareIntervals: false,
  backslashPlusQuestion: false,
  charClasses: false,
  anchorsAnywhere: false,
  repeatNeedsOperand: false,
  noRepeatAfterRepeat: false,
  unmatchedCloseIsOrdinary: false,
  dotMatchesNewline: false,
  dotExcludesNul: false,
  noEmptyRanges: false,
  negatedListsExcludeNewline: false,
  ignoreCase: false,
};

/** GNU m4 never sets re_syntax_options, so its syntax is RE_SYNTAX_EMACS: no switch on. */
export const EMACS_SYNTAX: RegexSyntax = NONE;

/** What the POSIX syntaxes share (regcomp, without REG_NEWLINE). */
const POSIX_COMMON: RegexSyntax = {
  ...NONE,
  charClasses: true,
  dotMatchesNewline: true,
  dotExcludesNul: true,
  intervals: true,
  noEmptyRanges: true,
};

/** regcomp without REG_EXTENDED. */
export const POSIX_BASIC_SYNTAX: RegexSyntax = {
  ...POSIX_COMMON,
  backslashPlusQuestion: true,
  noRepeatAfterRepeat: true,
};

/** regcomp with REG_EXTENDED. */
export const POSIX_EXTENDED_SYNTAX: RegexSyntax = {
  ...POSIX_COMMON,
  anchorsAnywhere: true,
  bareIntervals: true,
  bareGroups: true,
  bareAlternation: true,
  repeatNeedsOperand: true,
  unmatchedCloseIsOrdinary: true,
};

/** regerror's words for each error regcomp can report. */
export const REGEX_ERRORS = {
  badPattern: 'Invalid regular expression',
  collation: 'Invalid collation character',
  classType: 'Invalid character class name',
  trailingBackslash: 'Trailing backslash',
  backReference: 'Invalid back reference',
  bracket: 'Unmatched [, [^, [:, [., or [=',
  openParen: 'Unmatched ( or \\(',
  openBrace: 'Unmatched \\{',
  braceContent: 'Invalid content of \\{\\}',
  range: 'Invalid range end',
  memory: 'Memory exhausted',
  badRepeat: 'Invalid preceding regular expression',
  tooBig: 'Regular expression too big',
  closeParen: 'Unmatched ) or \\)',
} as const;

export type RegexErrorCode = keyof typeof REGEX_ERRORS;

export class RegexSyntaxError extends Error {
  constructor(readonly code: RegexErrorCode) {
    super(REGEX_ERRORS[code]);
  }
}

export type AnchorKind =
  | 'line-first'
  | 'line-last'
  | 'buf-first'
  | 'buf-last'
  | 'word-first'
  | 'word-last'
  | 'inside-word'
  | 'inside-notword';

/** Characters a multibyte-aware list matches (gnulib's "complex bracket"). */
export interface WideSet {
  chars: number[];
  ranges: [number, number][];
  classes: ('alnum' | 'space')[];
  negated: boolean;
}

/**
 * A parse tree node, shaped as gnulib's parser shapes it. `copied` marks the copies that
 * repetitions make of their operand (gnulib flags those nodes "duplicated").
 */
export type Tree = (
  | { kind: 'char'; byte: number }
  | { kind: 'bytes'; set: Uint8Array } // 256 entries: which single-byte characters match
  | { kind: 'wide'; set: WideSet } // which multibyte characters match
  | { kind: 'any' }
  | { kind: 'anchor'; anchor: AnchorKind }
  | { kind: 'backref'; group: number }
  | { kind: 'concat'; left: Tree; right: Tree; plus?: true } // plus: right is left+'s copy, starred
  | { kind: 'alt'; left: Tree | null; right: Tree | null }
  | { kind: 'star'; body: Tree }
  | { kind: 'group'; index: number; body: Tree | null; optional: boolean }
) & { copied?: true };

export interface ParsedPattern {
  tree: Tree | null;
  /** re_nsub: how many groups the pattern has (0-based indexes in the tree). */
  groups: number;
  /** Groups a back-reference names (gnulib's used_bkref_map, before nested groups merge). */
  referenced: Set<number>;
}
