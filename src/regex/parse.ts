// The parser gnulib and glibc share (regcomp.c's parse_reg_exp, parse_branch, parse_expression,
// parse_sub_exp, parse_dup_op), driven by a RegexSyntax: it builds the same tree shapes, numbers
// groups the same way and fails with the same error, for m4's Emacs syntax and for POSIX basic
// and extended syntax. Groups nest through an explicit stack, not recursion, so a deeply nested
// pattern cannot exhaust the JS stack.
import { parseBracket } from './bracket.js';
import {
  type AnchorKind,
  type ParsedPattern,
  type RegexErrorCode,
  type RegexSyntax,
  RegexSyntaxError,
  type Tree,
} from './syntax.js';
import { PatternReader, type Token, type TokenType } from './tokens.js';
import { duplicateTree, treeSize } from './tree.js';
import { type Charset, isAsciiAlnum, isAsciiSpace } from './text.js';

/** RE_DUP_MAX: the largest count an interval may have. */
const DUP_MAX = 0x7fff;

/**
 * How many tree nodes repetitions may create. glibc has no limit but memory; beyond this we
 * answer as it would when memory runs out, rather than building an automaton of millions of
 * nodes (a{32767} is well within it; (a{1000}){1000} is not).
 */
export const MAX_TREE_NODES = 1 << 18;

/** One group being read (or the whole pattern, group -1): its alternation and current branch. */
interface Frame {
  group: number;
  nest: number;
  /** Groups closed before this alternation began (each alternative starts from these). */
  initialCompleted: number;
  /** Groups closed by the alternatives already read (joined back after each one). */
  accumulated: number;
  /** The alternatives read so far, joined as gnulib joins them; undefined before the first. */
  alternation: Tree | null | undefined;
  /** The expressions of the current alternative. */
  branch: Tree | null;
}

const isRepeat = (type: TokenType): boolean =>
  type === 'star' || type === 'plus' || type === 'question' || type === 'openInterval';

class Parser {
  private readonly reader: PatternReader;
  private readonly syntax: RegexSyntax;
  private pos = 0;
  private token: Token = { type: 'end', byte: 0, length: 0 };
  private groups = 0;
  /** Groups already closed, so \N may refer to them (gnulib tracks only \1..\9). */
  private completed = 0;
  private readonly referenced = new Set<number>();
  /** Tree nodes repetitions may still copy. */
  private copyBudget = MAX_TREE_NODES;

  constructor(pattern: string, syntax: RegexSyntax, charset: Charset) {
    this.syntax = syntax;
    this.reader = new PatternReader(pattern, syntax, charset);
  }

  private fail(code: RegexErrorCode): never {
    throw new RegexSyntaxError(code);
  }

  /** The current token's type (a method, so TypeScript does not assume it is unchanged). */
  private currentType(): TokenType {
    return this.token.type;
  }

  private fetch(caretHere = false): void {
    this.token = this.reader.peek(this.pos, caretHere);
    this.pos += this.token.length;
  }

  /** Does the current token end an alternative at nesting level `nest`? */
  private endsBranch(nest: number): boolean {
    const t = this.token.type;
    return t === 'alt' || t === 'end' || (nest !== 0 && t === 'close');
  }

  parse(): ParsedPattern {
    this.fetch(true);
    const stack: Frame[] = [this.frame(-1, 0)];
    for (;;) {
      const frame = stack[stack.length - 1];
      if (!this.endsBranch(frame.nest)) {
        if (this.token.type === 'open') {
          // parse_sub_exp: the group's number is taken before its contents are read.
          const group = this.groups++;
          this.fetch(true);
          if (this.currentType() === 'close') this.closeGroup(group, null, frame);
          else stack.push(this.frame(group, frame.nest + 1));
        } else {
          this.afterAtom(this.atom(), frame);
        }
        continue;
      }
      this.endBranch(frame);
      if (this.token.type === 'alt') {
        this.fetch(true);
        if (this.endsBranch(frame.nest)) {
          // An empty alternative: the next round joins it as is.
          frame.accumulated = 0;
        } else {
          // Each alternative may only refer back to groups closed before the alternation.
          frame.accumulated = this.completed;
          this.completed = frame.initialCompleted;
        }
        continue;
      }
      // The end of the pattern, or `)` closing the innermost group.
      stack.pop();
      if (frame.group < 0)
        return { tree: frame.alternation!, groups: this.groups, referenced: this.referenced };
      if (this.currentType() !== 'close') this.fail('openParen');
      this.closeGroup(frame.group, frame.alternation!, stack[stack.length - 1]);
    }
  }

  private frame(group: number, nest: number): Frame {
    return {
      group,
      nest,
      initialCompleted: this.completed,
      accumulated: 0,
      alternation: undefined,
      branch: null,
    };
  }

  /** An alternative is complete: join it to the alternation (left-nested, as gnulib does). */
  private endBranch(frame: Frame): void {
    if (frame.alternation === undefined) {
      frame.alternation = frame.branch;
    } else {
      frame.alternation = { kind: 'alt', left: frame.alternation, right: frame.branch };
      this.completed |= frame.accumulated;
    }
    frame.branch = null;
  }

  /** `)` read: the group is an atom of the enclosing alternative. */
  private closeGroup(group: number, body: Tree | null, parent: Frame): void {
    if (group <= 8) this.completed |= 1 << group;
    this.fetch();
    this.afterAtom(
      { tree: { kind: 'group', index: group, body, optional: false }, repeatable: true },
      parent,
    );
  }

  /** Repetitions that follow an atom, then the atom joins the current alternative. */
  private afterAtom(atom: { tree: Tree | null; repeatable: boolean }, frame: Frame): void {
    let tree = atom.tree;
    if (atom.repeatable) {
      while (isRepeat(this.token.type)) {
        tree = this.repetition(tree);
        // In BRE a repetition may not follow a repetition.
        const t = this.currentType();
        if (this.syntax.noRepeatAfterRepeat && (t === 'star' || t === 'openInterval')) this.fail('badRepeat');
      }
    }
    if (frame.branch && tree) frame.branch = { kind: 'concat', left: frame.branch, right: tree };
    else if (!frame.branch) frame.branch = tree;
  }

  /**
   * gnulib's parse_expression for everything but a group. Anchors take no repetition; every
   * other atom is followed by the token after it.
   */
  private atom(): { tree: Tree | null; repeatable: boolean } {
    const token = this.token;
    let tree: Tree;
    switch (token.type) {
      case 'char':
        tree = this.literal(token.byte);
        break;
      case 'bracket': {
        const { tree: list, next } = parseBracket(this.reader, this.pos);
        this.pos = next;
        tree = list;
        break;
      }
      case 'backref':
        if (!(this.completed & (1 << token.group!))) this.fail('backReference');
        this.referenced.add(token.group!);
        tree = { kind: 'backref', group: token.group! };
        break;
      case 'openInterval':
      case 'star':
      case 'plus':
      case 'question':
        if (token.type === 'openInterval' && this.syntax.noRepeatAfterRepeat) this.fail('badRepeat');
        if (this.syntax.repeatNeedsOperand) this.fail('badRepeat');
        // A repetition with nothing before it is an ordinary character.
        tree = { kind: 'char', byte: token.byte };
        break;
      case 'close':
        if (!this.syntax.unmatchedCloseIsOrdinary) this.fail('closeParen');
        tree = { kind: 'char', byte: token.byte };
        break;
      case 'closeInterval':
        tree = { kind: 'char', byte: token.byte };
        break;
      case 'anchor': {
        const anchorTree = this.anchorTree(token);
        this.fetch();
        return { tree: anchorTree, repeatable: false };
      }
      case 'period':
        tree = { kind: 'any' };
        break;
      case 'word':
      case 'notword':
        tree = this.classOperator('alnum', token.type === 'notword');
        break;
      case 'space':
      case 'notspace':
        tree = this.classOperator('space', token.type === 'notspace');
        break;
      case 'backslash':
        this.fail('trailingBackslash');
      // falls through (fail throws)
      case 'open':
      case 'alt':
      case 'end':
        throw new Error(`atom() called on a ${token.type} token`);
    }
    this.fetch();
    return { tree, repeatable: true };
  }

  /** A literal; in UTF-8 the rest of a multibyte character's bytes join it. */
  private literal(byte: number): Tree {
    let tree: Tree = { kind: 'char', byte };
    const reader = this.reader;
    while (reader.multibyte && this.pos < reader.length && !reader.atCharStart(this.pos)) {
      this.fetch();
      tree = { kind: 'concat', left: tree, right: { kind: 'char', byte: this.token.byte } };
    }
    return tree;
  }

  /** \b and \B are alternatives of two anchors. */
  private anchorTree(token: Token): Tree {
    const c = String.fromCharCode(token.byte);
    if (token.length === 2 && (c === 'b' || c === 'B')) {
      const [first, second]: AnchorKind[] =
        c === 'b' ? ['word-first', 'word-last'] : ['inside-word', 'inside-notword'];
      return {
        kind: 'alt',
        left: { kind: 'anchor', anchor: first },
        right: { kind: 'anchor', anchor: second },
      };
    }
    return { kind: 'anchor', anchor: token.anchor! };
  }

  /** \w \W \s \S: a single-byte set, plus (in UTF-8) a multibyte class. */
  private classOperator(name: 'alnum' | 'space', negated: boolean): Tree {
    const set = new Uint8Array(256);
    for (let b = 0; b < 256; b++) {
      const member = name === 'alnum' ? isAsciiAlnum(b) || b === 95 : isAsciiSpace(b);
      set[b] = member !== negated ? 1 : 0;
    }
    if (!this.reader.multibyte) return { kind: 'bytes', set };
    set.fill(0, 0x80);
    return {
      kind: 'alt',
      left: { kind: 'bytes', set },
      right: { kind: 'wide', set: { chars: [], ranges: [], classes: [name], negated } },
    };
  }

  /** gnulib's fetch_number: -1 when absent, -2 when invalid, else at most DUP_MAX + 1. */
  private intervalNumber(): number {
    let num = -1;
    for (;;) {
      this.fetch();
      const { type, byte } = this.token;
      if (type === 'end') return -2;
      if (type === 'closeInterval' || byte === 0x2c /* , */) return num;
      num =
        type !== 'char' || byte < 0x30 || byte > 0x39 || num === -2
          ? -2
          : num === -1
            ? byte - 0x30
            : Math.min(DUP_MAX + 1, num * 10 + byte - 0x30);
    }
  }

  /** The counts of the repetition at the current token; -1 for "no upper limit". */
  private repetitionCounts(): { min: number; max: number } {
    const type = this.token.type;
    if (type !== 'openInterval') {
      return { min: type === 'plus' ? 1 : 0, max: type === 'question' ? 1 : -1 };
    }
    const isComma = (): boolean => this.currentType() === 'char' && this.token.byte === 0x2c;
    let min = this.intervalNumber();
    if (min === -1) {
      if (isComma())
        min = 0; // {,m} is {0,m}
      else this.fail('braceContent');
    }
    let max = -2;
    if (min !== -2)
      max = this.currentType() === 'closeInterval' ? min : isComma() ? this.intervalNumber() : -2;
    if (min === -2 || max === -2) this.fail(this.currentType() === 'end' ? 'openBrace' : 'braceContent');
    if ((max !== -1 && min > max) || this.currentType() !== 'closeInterval') this.fail('braceContent');
    if ((max === -1 ? min : max) > DUP_MAX) this.fail('tooBig');
    return { min, max };
  }

  /**
   * gnulib's parse_dup_op: x{n,m} is n copies of x, then (for m > n) an optional copy and
   * m-n-1 more, each nested one level deeper: x{2,4} is x x' ((x'' x''')?)?. Only the group
   * that is itself made optional carries the "optional group" mark.
   */
  private repetition(elem: Tree | null): Tree | null {
    const { min, max } = this.repetitionCounts();
    this.fetch();
    if (elem === null || (min === 0 && max === 0)) return null;
    this.copyBudget -= treeSize(elem) * Math.max(min, max);
    if (this.copyBudget < 0) this.fail('memory');
    let mandatory: Tree | null = null;
    if (min > 0) {
      let tree = elem;
      for (let i = 2; i <= min; i++) {
        elem = duplicateTree(elem);
        tree = { kind: 'concat', left: tree, right: elem };
      }
      if (min === max) return tree;
      elem = duplicateTree(elem);
      mandatory = tree;
    }
    if (elem.kind === 'group') elem = { ...elem, optional: true };
    let tree: Tree = max === -1 ? { kind: 'star', body: elem } : { kind: 'alt', left: elem, right: null };
    for (let i = min + 2; i <= max; i++) {
      elem = duplicateTree(elem);
      tree = { kind: 'alt', left: { kind: 'concat', left: tree, right: elem }, right: null };
    }
    if (!mandatory) return tree;
    // x+ (the only repetition Emacs syntax can write this way) is marked for the JS translation.
    return min === 1 && max === -1
      ? { kind: 'concat', left: mandatory, right: tree, plus: true }
      : { kind: 'concat', left: mandatory, right: tree };
  }
}

/** Parses a pattern (a latin1 string of bytes); throws RegexSyntaxError with gnulib's error. */
export function parsePattern(pattern: string, syntax: RegexSyntax, charset: Charset): ParsedPattern {
  return new Parser(pattern, syntax, charset).parse();
}
