// GNU m4's eval: a recursive-descent evaluator over 32-bit two's-complement integers.
//
// The error behaviour is part of the contract: an error aborts the innermost term right where it
// happens (the scanner stays there), the logical operators ignore value errors (division by zero
// …) in their right operand once the result is decided, and whatever is left unread afterwards
// is "excess input". GNU descends one function per precedence level; we climb precedences in
// one loop, which builds the same tree and stops where GNU stops (see `binary`).
//
// eval runs in the inner loops of m4 programs, so the parser allocates nothing: the current
// token lives in the parser's fields, and a failure is a field checked after each step.
import { MEMORY_EXHAUSTED, type Diagnostic, type PureResult } from './diagnostics.js';
import { cString, numericArg } from './numeric.js';

const enum Tok {
  Error,
  BadOp,
  Plus,
  Minus,
  Power,
  Times,
  Divide,
  Modulo,
  Assign,
  Eq,
  NotEq,
  Gt,
  GtEq,
  Lt,
  LtEq,
  LShift,
  RShift,
  LNot,
  LAnd,
  LOr,
  Not,
  And,
  Or,
  Xor,
  LeftParen,
  RightParen,
  Number,
  End,
}

/** Failures, ordered: those before Syntax are value errors a decided && / || may ignore. */
const enum Failure {
  None,
  DivideByZero,
  ModuloByZero,
  NegativeExponent,
  Syntax,
  MissingRight,
  BadInput,
  ExcessInput,
  InvalidOperator,
}

/**
 * Binary precedence levels, lowest first: || && | ^ & (== != =) (> >= < <=) (<< >>) (+ -)
 * (* / %). The exponent and unary operators sit below the last level.
 */
const LEVEL_COUNT = 10;
const NOT_BINARY = -1;

/** The level a token is a binary operator of, or NOT_BINARY. */
const LEVEL_OF: Int8Array = (() => {
  const levels = new Int8Array(Tok.End + 1).fill(NOT_BINARY);
  const table: Tok[][] = [
    [Tok.LOr],
    [Tok.LAnd],
    [Tok.Or],
    [Tok.Xor],
    [Tok.And],
    [Tok.Eq, Tok.NotEq, Tok.Assign],
    [Tok.Gt, Tok.GtEq, Tok.Lt, Tok.LtEq],
    [Tok.LShift, Tok.RShift],
    [Tok.Plus, Tok.Minus],
    [Tok.Times, Tok.Divide, Tok.Modulo],
  ];
  table.forEach((ops, level) => ops.forEach((op) => (levels[op] = level)));
  return levels;
})();

const MAX_BASE = 36;

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97 + 10;
  if (code >= 65 && code <= 90) return code - 65 + 10;
  return -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** C's isspace() in the C locale, on a character code (NaN past the end is not a space). */
function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** 32-bit power by squaring; GNU multiplies in a loop, with the same result modulo 2^32. */
function power(base: number, exponent: number): number {
  let result = 1;
  let factor = base | 0;
  let e = exponent;
  while (e > 0) {
    if (e & 1) result = Math.imul(result, factor);
    factor = Math.imul(factor, factor);
    e >>>= 1;
  }
  return result;
}

class Parser {
  private pos = 0;
  private tokenStart = 0;
  /** The token last read, and its value when it is a number. */
  private kind: Tok = Tok.End;
  private value = 0;
  /** Set by the step that failed; every caller returns at once when it is set. */
  failure: Failure = Failure.None;
  /**
   * The token last given back (where it starts and ends, what it is): the token after an
   * operand is read again by the loop that decides what it is, and is scanned only once.
   */
  private givenBackAt = -1;
  private givenBackEnd = 0;
  private givenBackKind: Tok = Tok.End;
  private givenBackValue = 0;

  constructor(
    private readonly text: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Parses the whole text; the value, or a failure left in `failure`. */
  run(): number {
    this.next();
    const value = this.binary(0);
    if (this.failure !== Failure.None || this.pos >= this.text.length) return value;
    return this.fail(this.next() === Tok.BadOp ? Failure.InvalidOperator : Failure.ExcessInput);
  }

  private fail(failure: Failure): number {
    this.failure = failure;
    return 0;
  }

  /** Gives the last token back. */
  private unread(): void {
    this.givenBackAt = this.tokenStart;
    this.givenBackEnd = this.pos;
    this.givenBackKind = this.kind;
    this.givenBackValue = this.value;
    this.pos = this.tokenStart;
  }

  /** Reads the next token into `kind` (and `value`); returns its kind. */
  private next(): Tok {
    if (this.pos === this.givenBackAt) {
      // Reading a token given back: the text there has not changed.
      this.tokenStart = this.givenBackAt;
      this.pos = this.givenBackEnd;
      this.value = this.givenBackValue;
      return (this.kind = this.givenBackKind);
    }
    const s = this.text;
    let pos = this.pos;
    while (isSpaceCode(s.charCodeAt(pos))) pos++;
    this.tokenStart = pos;
    if (pos >= s.length) {
      this.pos = pos;
      return (this.kind = Tok.End);
    }
    const ch = s.charCodeAt(pos);
    if (isDigit(ch)) {
      this.pos = pos;
      return (this.kind = this.number());
    }
    const after = s.charCodeAt(pos + 1);
    this.pos = pos + 1;
    return (this.kind = this.operator(ch, after));
  }

  /** An operator starting with `ch` (already consumed); `after` is the character after it. */
  private operator(ch: number, after: number): Tok {
    // `op=` forms are assignments GNU refuses to pretend to support.
    const assign = after === 61; /* = */
    switch (ch) {
      case 43 /* + */:
        return after === 43 || assign ? Tok.BadOp : Tok.Plus;
      case 45 /* - */:
        return after === 45 || assign ? Tok.BadOp : Tok.Minus;
      case 42 /* * */:
        if (after === 42) {
          this.pos++;
          return Tok.Power;
        }
        return assign ? Tok.BadOp : Tok.Times;
      case 47 /* / */:
        return assign ? Tok.BadOp : Tok.Divide;
      case 37 /* % */:
        return assign ? Tok.BadOp : Tok.Modulo;
      case 94 /* ^ */:
        return assign ? Tok.BadOp : Tok.Xor;
      case 61 /* = */:
        return this.pair(assign, Tok.Eq, Tok.Assign);
      case 33 /* ! */:
        return this.pair(assign, Tok.NotEq, Tok.LNot);
      case 62 /* > */:
      case 60 /* < */: {
        const greater = ch === 62;
        if (assign) {
          this.pos++;
          return greater ? Tok.GtEq : Tok.LtEq;
        }
        if (after === ch) {
          this.pos++;
          if (this.text.charCodeAt(this.pos) === 61) return Tok.BadOp;
          return greater ? Tok.RShift : Tok.LShift;
        }
        return greater ? Tok.Gt : Tok.Lt;
      }
      case 38 /* & */:
        if (after === 38) return this.pair(true, Tok.LAnd, Tok.And);
        return assign ? Tok.BadOp : Tok.And;
      case 124 /* | */:
        if (after === 124) return this.pair(true, Tok.LOr, Tok.Or);
        return assign ? Tok.BadOp : Tok.Or;
      case 126 /* ~ */:
        return Tok.Not;
      case 40 /* ( */:
        return Tok.LeftParen;
      case 41 /* ) */:
        return Tok.RightParen;
      default:
        return Tok.Error;
    }
  }

  /** A two-character operator when `matched` (consuming its second character), else `otherwise`. */
  private pair(matched: boolean, kind: Tok, otherwise: Tok): Tok {
    if (!matched) return otherwise;
    this.pos++;
    return kind;
  }

  /** A number: decimal, 0 octal, 0x hex, 0b binary, 0rN: radix N (1 = unary), wrapping at 2^32. */
  private number(): Tok {
    const s = this.text;
    let pos = this.pos;
    let base = 10;
    if (s.charCodeAt(pos) === 48 /* 0 */) {
      pos++;
      const prefix = s.charCodeAt(pos) | 0x20; // lower case
      if (prefix === 120 /* x */) {
        base = 16;
        pos++;
      } else if (prefix === 98 /* b */) {
        base = 2;
        pos++;
      } else if (prefix === 114 /* r */) {
        pos++;
        base = 0;
        while (isDigit(s.charCodeAt(pos)) && base <= MAX_BASE) {
          base = base * 10 + (s.charCodeAt(pos) - 48);
          pos++;
        }
        if (base === 0 || base > MAX_BASE || s.charCodeAt(pos) !== 58 /* : */) {
          this.pos = pos;
          return Tok.Error;
        }
        pos++;
      } else {
        base = 8;
      }
    }
    let value = 0;
    for (; pos < s.length; pos++) {
      const digit = digitValue(s.charCodeAt(pos));
      if (digit < 0) break;
      if (base === 1) {
        // Unary: leading zeros are allowed, then each 1 counts one.
        if (digit === 1) value = (value + 1) >>> 0;
        else if (digit === 0 && value === 0) continue;
        else break;
      } else if (digit >= base) {
        break;
      } else {
        value = (Math.imul(value, base) + digit) >>> 0;
      }
    }
    this.pos = pos;
    this.value = value | 0;
    return Tok.Number;
  }

  /**
   * The binary operators of level `lowest` and tighter, starting at the token just read: one
   * call per operator rather than one per level, the same tree GNU's descent builds. After an
   * operator of level L only levels up to L may follow. Normally the right operand has taken
   * every tighter operator anyway, but an operand whose value error a decided || or && ignored
   * stops early, and GNU's loop for level L, like those below it, then leaves the rest unread.
   */
  private binary(lowest: number): number {
    let value = this.exponent();
    if (this.failure !== Failure.None) return 0;
    let ceiling = LEVEL_COUNT - 1;
    for (;;) {
      const op = this.next();
      const level = LEVEL_OF[op];
      if (level < lowest || level > ceiling) {
        if (op === Tok.Error) return this.fail(Failure.BadInput);
        this.unread();
        return value;
      }
      if (this.next() === Tok.Error) return this.fail(Failure.BadInput);
      const right = this.binary(level + 1);
      if (this.failure !== Failure.None) {
        // || and && decided by their left operand ignore value errors on their right.
        if (this.failure >= Failure.Syntax) return 0;
        if (op === Tok.LOr && value !== 0) value = 1;
        else if (op === Tok.LAnd && value === 0) value = 0;
        else return 0;
        this.failure = Failure.None;
      } else {
        value = this.combine(op, value, right);
        if (this.failure !== Failure.None) return 0;
      }
      ceiling = level;
    }
  }

  private combine(op: Tok, l: number, r: number): number {
    switch (op) {
      case Tok.LOr:
        return l !== 0 || r !== 0 ? 1 : 0;
      case Tok.LAnd:
        return l !== 0 && r !== 0 ? 1 : 0;
      case Tok.Or:
        return l | r;
      case Tok.Xor:
        return l ^ r;
      case Tok.And:
        return l & r;
      case Tok.Assign:
        // 1.4.x keeps `=` as a synonym for `==`, with a warning each time it is used.
        this.diagnostics.push({
          severity: 'warning',
          message: 'Warning: recommend ==, not =, for equality operator',
        });
        return l === r ? 1 : 0;
      case Tok.Eq:
        return l === r ? 1 : 0;
      case Tok.NotEq:
        return l !== r ? 1 : 0;
      case Tok.Gt:
        return l > r ? 1 : 0;
      case Tok.GtEq:
        return l >= r ? 1 : 0;
      case Tok.Lt:
        return l < r ? 1 : 0;
      case Tok.LtEq:
        return l <= r ? 1 : 0;
      // Java semantics: the count is taken modulo 32, right shifts are arithmetic.
      case Tok.LShift:
        return l << (r & 31);
      case Tok.RShift:
        return l >> (r & 31);
      case Tok.Plus:
        return (l + r) | 0;
      case Tok.Minus:
        return (l - r) | 0;
      case Tok.Times:
        return Math.imul(l, r);
      default: {
        const divide = op === Tok.Divide;
        if (r === 0) return this.fail(divide ? Failure.DivideByZero : Failure.ModuloByZero);
        // x / -1 wraps (INT_MIN / -1 is INT_MIN); x % -1 is 0.
        if (r === -1) return divide ? -l | 0 : 0;
        return divide ? Math.trunc(l / r) | 0 : (l % r) | 0;
      }
    }
  }

  /** `**` binds tighter than `*` and is right-associative; unary operators bind tighter still. */
  private exponent(): number {
    let value = this.unary();
    if (this.failure !== Failure.None) return 0;
    let op = this.next();
    while (op === Tok.Power) {
      if (this.next() === Tok.Error) return this.fail(Failure.BadInput);
      const right = this.exponent();
      if (this.failure !== Failure.None) return 0;
      if (right < 0) return this.fail(Failure.NegativeExponent);
      // GNU reports 0**0 as a division by zero.
      if (value === 0 && right === 0) return this.fail(Failure.DivideByZero);
      value = power(value, right);
      op = this.next();
    }
    if (op === Tok.Error) return this.fail(Failure.BadInput);
    this.unread();
    return value;
  }

  private unary(): number {
    const kind = this.kind;
    if (kind === Tok.Plus || kind === Tok.Minus || kind === Tok.Not || kind === Tok.LNot) {
      if (this.next() === Tok.Error) return this.fail(Failure.BadInput);
      const v = this.unary();
      if (this.failure !== Failure.None) return 0;
      return kind === Tok.Minus ? -v | 0 : kind === Tok.Not ? ~v : kind === Tok.LNot ? (v === 0 ? 1 : 0) : v;
    }
    return this.primary();
  }

  private primary(): number {
    switch (this.kind) {
      case Tok.Number:
        return this.value;
      case Tok.BadOp:
        return this.fail(Failure.InvalidOperator);
      case Tok.LeftParen: {
        if (this.next() === Tok.Error) return this.fail(Failure.BadInput);
        const inner = this.binary(0);
        if (this.failure !== Failure.None) return 0;
        const close = this.next();
        if (close === Tok.Error) return this.fail(Failure.BadInput);
        if (close !== Tok.RightParen) return this.fail(Failure.MissingRight);
        return inner;
      }
      default:
        return this.fail(Failure.Syntax);
    }
  }
}

function failureMessage(failure: Exclude<Failure, Failure.None>, expr: string): string {
  switch (failure) {
    case Failure.DivideByZero:
      return `divide by zero in eval: ${expr}`;
    case Failure.ModuloByZero:
      return `modulo by zero in eval: ${expr}`;
    case Failure.NegativeExponent:
      return `negative exponent in eval: ${expr}`;
    case Failure.Syntax:
      return `bad expression in eval: ${expr}`;
    case Failure.MissingRight:
      return `bad expression in eval (missing right parenthesis): ${expr}`;
    case Failure.BadInput:
      return `bad expression in eval (bad input): ${expr}`;
    case Failure.ExcessInput:
      return `bad expression in eval (excess input): ${expr}`;
    case Failure.InvalidOperator:
      return `invalid operator in eval: ${expr}`;
  }
}

/**
 * Evaluates an integer expression as GNU m4 does. Diagnostics (the `=` warning, the failure
 * message) are appended to `diagnostics`; the value is undefined when evaluation failed.
 */
export function evaluateExpression(expression: string, diagnostics: Diagnostic[]): number | undefined {
  const expr = cString(expression);
  const parser = new Parser(expr, diagnostics);
  const value = parser.run();
  const failure = parser.failure;
  if (failure === Failure.None) return value;
  // Only an invalid operator makes m4's exit status fail; the rest are reported and ignored.
  diagnostics.push({
    severity: failure === Failure.InvalidOperator ? 'error' : 'warning',
    message: failureMessage(failure, expr),
  });
  return undefined;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Longest expansion we build. Past it we stop as GNU does when it runs out of memory (GNU itself
 * goes on as far as the machine's memory allows: 2^31 digits need 2 GB).
 */
export const MAX_EXPANSION = 1 << 28;

/** eval's output: sign, zero padding to `width` digits, digits (radix 1 is unary). */
function renderNumber(value: number, radix: number, width: number): string | undefined {
  const sign = value < 0 ? '-' : '';
  // In JS -INT_MIN is 2^31, which is what GNU's unsigned negation gives too.
  const magnitude = value < 0 ? -value : value;
  if (radix === 1) {
    const padding = Math.max(0, width - magnitude);
    if (padding + magnitude > MAX_EXPANSION) return undefined;
    return sign + '0'.repeat(padding) + '1'.repeat(magnitude);
  }
  const digits = magnitude.toString(radix);
  if (width <= digits.length) return sign + digits;
  if (width > MAX_EXPANSION) return undefined;
  return sign + '0'.repeat(width - digits.length) + digits;
}

/** eval(expression, [radix], [width]). `args` exclude the macro name. */
export function evalBuiltin(builtinName: string, args: string[]): PureResult {
  const diagnostics: Diagnostic[] = [];
  const empty = (): PureResult => ({ text: '', diagnostics });
  const expression = cString(args[0] ?? '');
  const radixText = cString(args[1] ?? '');
  let radix = 10;
  if (radixText !== '') {
    const parsed = numericArg(builtinName, radixText, diagnostics);
    if (parsed === undefined) return empty();
    radix = parsed;
  }
  if (radix < 1 || radix > DIGITS.length) {
    diagnostics.push({
      severity: 'warning',
      message: `radix ${radix} in builtin \`${builtinName}' out of range`,
    });
    return empty();
  }
  let width = 1;
  if (args.length >= 3) {
    const parsed = numericArg(builtinName, args[2], diagnostics);
    if (parsed === undefined) return empty();
    width = parsed;
  }
  if (width < 0) {
    diagnostics.push({ severity: 'warning', message: `negative width to builtin \`${builtinName}'` });
    return empty();
  }
  let value = 0;
  if (expression === '') {
    diagnostics.push({
      severity: 'warning',
      message: `empty string treated as 0 in builtin \`${builtinName}'`,
    });
  } else {
    const evaluated = evaluateExpression(expression, diagnostics);
    if (evaluated === undefined) return empty();
    value = evaluated;
  }
  const text = renderNumber(value, radix, width);
  if (text === undefined) {
    diagnostics.push(MEMORY_EXHAUSTED);
    return empty();
  }
  return { text, diagnostics };
}
