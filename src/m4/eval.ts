// GNU m4's eval: a recursive-descent evaluator over 32-bit two's-complement integers.
//
// The error behaviour is part of the contract: an error aborts the innermost term right where it
// happens (the scanner stays there), the logical operators ignore value errors (division by zero
// …) in their right operand once the result is decided, and whatever is left unread afterwards
// is "excess input". So the parser keeps GNU's shape: one level per precedence, each level reads
// the next token, and gives it back when it is not one of its operators.
import type { Diagnostic, PureResult } from './diagnostics.js';
import { cString, isCSpace, numericArg } from './numeric.js';

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

interface Token {
  kind: Tok;
  value: number;
}

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

/** The scanner: reads one token at a time and can give back the last one. */
class Scanner {
  private pos = 0;
  private tokenStart = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  unread(): void {
    this.pos = this.tokenStart;
  }

  next(): Token {
    const s = this.text;
    while (isCSpace(s[this.pos])) this.pos++;
    this.tokenStart = this.pos;
    if (this.pos >= s.length) return { kind: Tok.End, value: 0 };
    const code = s.charCodeAt(this.pos);
    if (isDigit(code)) return this.number();
    const ch = s[this.pos++];
    const after = s[this.pos];
    // `op=` forms are assignments GNU refuses to pretend to support.
    const badIfAssign = (kind: Tok): Token => ({ kind: after === '=' ? Tok.BadOp : kind, value: 0 });
    const pair = (second: string, kind: Tok, otherwise: Tok): Token => {
      if (after === second) {
        this.pos++;
        return { kind, value: 0 };
      }
      return { kind: otherwise, value: 0 };
    };
    switch (ch) {
      case '+':
        return after === '+' ? { kind: Tok.BadOp, value: 0 } : badIfAssign(Tok.Plus);
      case '-':
        return after === '-' ? { kind: Tok.BadOp, value: 0 } : badIfAssign(Tok.Minus);
      case '*':
        if (after === '*') {
          this.pos++;
          return { kind: Tok.Power, value: 0 };
        }
        return badIfAssign(Tok.Times);
      case '/':
        return badIfAssign(Tok.Divide);
      case '%':
        return badIfAssign(Tok.Modulo);
      case '^':
        return badIfAssign(Tok.Xor);
      case '=':
        return pair('=', Tok.Eq, Tok.Assign);
      case '!':
        return pair('=', Tok.NotEq, Tok.LNot);
      case '>':
      case '<': {
        const shift = ch === '>' ? Tok.RShift : Tok.LShift;
        if (after === '=') {
          this.pos++;
          return { kind: ch === '>' ? Tok.GtEq : Tok.LtEq, value: 0 };
        }
        if (after === ch) {
          this.pos++;
          return { kind: s[this.pos] === '=' ? Tok.BadOp : shift, value: 0 };
        }
        return { kind: ch === '>' ? Tok.Gt : Tok.Lt, value: 0 };
      }
      case '&':
        if (after === '&') return pair('&', Tok.LAnd, Tok.And);
        return badIfAssign(Tok.And);
      case '|':
        if (after === '|') return pair('|', Tok.LOr, Tok.Or);
        return badIfAssign(Tok.Or);
      case '~':
        return { kind: Tok.Not, value: 0 };
      case '(':
        return { kind: Tok.LeftParen, value: 0 };
      case ')':
        return { kind: Tok.RightParen, value: 0 };
      default:
        return { kind: Tok.Error, value: 0 };
    }
  }

  /** A number: decimal, 0 octal, 0x hex, 0b binary, 0rN: radix N (1 = unary), wrapping at 2^32. */
  private number(): Token {
    const s = this.text;
    let base = 10;
    if (s[this.pos] === '0') {
      this.pos++;
      const prefix = s[this.pos];
      if (prefix === 'x' || prefix === 'X') {
        base = 16;
        this.pos++;
      } else if (prefix === 'b' || prefix === 'B') {
        base = 2;
        this.pos++;
      } else if (prefix === 'r' || prefix === 'R') {
        this.pos++;
        base = 0;
        while (isDigit(s.charCodeAt(this.pos)) && base <= MAX_BASE) {
          base = base * 10 + (s.charCodeAt(this.pos) - 48);
          this.pos++;
        }
        if (base === 0 || base > MAX_BASE || s[this.pos] !== ':') return { kind: Tok.Error, value: 0 };
        this.pos++;
      } else {
        base = 8;
      }
    }
    let value = 0;
    for (; this.pos < s.length; this.pos++) {
      const digit = digitValue(s.charCodeAt(this.pos));
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
    return { kind: Tok.Number, value: value | 0 };
  }
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

type Outcome = { failure: Failure.None; value: number } | { failure: Exclude<Failure, Failure.None> };

const ok = (value: number): Outcome => ({ failure: Failure.None, value });
const fail = (failure: Exclude<Failure, Failure.None>): Outcome => ({ failure });

/** A binary precedence level: which tokens it owns and how it combines two values. */
interface Level {
  operators: readonly Tok[];
  /** Returns the combined value, or a failure (division by zero …). */
  combine(op: Tok, left: number, right: number, warn: (message: string) => void): Outcome;
  /** && and ||: whether a value failure in the right operand is ignored, given the left value. */
  decidedBy?: (left: number) => number | undefined;
}

// Lowest precedence first. The exponent level is handled separately (it is right-recursive).
const LEVELS: readonly Level[] = [
  {
    operators: [Tok.LOr],
    combine: (_op, l, r) => ok(l !== 0 || r !== 0 ? 1 : 0),
    decidedBy: (l) => (l !== 0 ? 1 : undefined),
  },
  {
    operators: [Tok.LAnd],
    combine: (_op, l, r) => ok(l !== 0 && r !== 0 ? 1 : 0),
    decidedBy: (l) => (l === 0 ? 0 : undefined),
  },
  { operators: [Tok.Or], combine: (_op, l, r) => ok(l | r) },
  { operators: [Tok.Xor], combine: (_op, l, r) => ok(l ^ r) },
  { operators: [Tok.And], combine: (_op, l, r) => ok(l & r) },
  {
    // 1.4.x keeps `=` as a synonym for `==`, with a warning each time it is used.
    operators: [Tok.Eq, Tok.NotEq, Tok.Assign],
    combine: (op, l, r, warn) => {
      if (op === Tok.Assign) warn('Warning: recommend ==, not =, for equality operator');
      return ok((op === Tok.NotEq) !== (l === r) ? 1 : 0);
    },
  },
  {
    operators: [Tok.Gt, Tok.GtEq, Tok.Lt, Tok.LtEq],
    combine: (op, l, r) => {
      const result = op === Tok.Gt ? l > r : op === Tok.GtEq ? l >= r : op === Tok.Lt ? l < r : l <= r;
      return ok(result ? 1 : 0);
    },
  },
  {
    // Java semantics: the count is taken modulo 32, right shifts are arithmetic.
    operators: [Tok.LShift, Tok.RShift],
    combine: (op, l, r) => ok(op === Tok.LShift ? l << (r & 31) : l >> (r & 31)),
  },
  {
    operators: [Tok.Plus, Tok.Minus],
    combine: (op, l, r) => ok(op === Tok.Plus ? (l + r) | 0 : (l - r) | 0),
  },
  {
    operators: [Tok.Times, Tok.Divide, Tok.Modulo],
    combine: (op, l, r) => {
      if (op === Tok.Times) return ok(Math.imul(l, r));
      if (r === 0) return fail(op === Tok.Divide ? Failure.DivideByZero : Failure.ModuloByZero);
      // x / -1 wraps (INT_MIN / -1 is INT_MIN); x % -1 is 0.
      if (r === -1) return ok(op === Tok.Divide ? -l | 0 : 0);
      return ok(op === Tok.Divide ? Math.trunc(l / r) | 0 : (l % r) | 0);
    },
  },
];

class Evaluator {
  private readonly scanner: Scanner;

  constructor(
    text: string,
    private readonly warn: (message: string) => void,
  ) {
    this.scanner = new Scanner(text);
  }

  /** Parses the whole text; returns the value or the failure GNU reports. */
  run(): Outcome {
    const outcome = this.level(0, this.scanner.next());
    if (outcome.failure !== Failure.None || this.scanner.atEnd()) return outcome;
    return fail(this.scanner.next().kind === Tok.BadOp ? Failure.InvalidOperator : Failure.ExcessInput);
  }

  private level(depth: number, first: Token): Outcome {
    if (depth === LEVELS.length) return this.exponent(first);
    const level = LEVELS[depth];
    const left = this.level(depth + 1, first);
    if (left.failure !== Failure.None) return left;
    let value = left.value;
    let op = this.scanner.next();
    while (level.operators.includes(op.kind)) {
      const operandStart = this.scanner.next();
      if (operandStart.kind === Tok.Error) return fail(Failure.BadInput);
      const right = this.level(depth + 1, operandStart);
      if (right.failure !== Failure.None) {
        const decided = level.decidedBy?.(value);
        if (decided === undefined || right.failure >= Failure.Syntax) return right;
        value = decided;
      } else {
        const combined = level.combine(op.kind, value, right.value, this.warn);
        if (combined.failure !== Failure.None) return combined;
        value = combined.value;
      }
      op = this.scanner.next();
    }
    if (op.kind === Tok.Error) return fail(Failure.BadInput);
    this.scanner.unread();
    return ok(value);
  }

  /** `**` binds tighter than `*` and is right-associative; unary operators bind tighter still. */
  private exponent(first: Token): Outcome {
    const base = this.unary(first);
    if (base.failure !== Failure.None) return base;
    let value = base.value;
    let op = this.scanner.next();
    while (op.kind === Tok.Power) {
      const operandStart = this.scanner.next();
      if (operandStart.kind === Tok.Error) return fail(Failure.BadInput);
      const right = this.exponent(operandStart);
      if (right.failure !== Failure.None) return right;
      if (right.value < 0) return fail(Failure.NegativeExponent);
      // GNU reports 0**0 as a division by zero.
      if (value === 0 && right.value === 0) return fail(Failure.DivideByZero);
      value = power(value, right.value);
      op = this.scanner.next();
    }
    if (op.kind === Tok.Error) return fail(Failure.BadInput);
    this.scanner.unread();
    return ok(value);
  }

  private unary(token: Token): Outcome {
    const kind = token.kind;
    if (kind === Tok.Plus || kind === Tok.Minus || kind === Tok.Not || kind === Tok.LNot) {
      const operandStart = this.scanner.next();
      if (operandStart.kind === Tok.Error) return fail(Failure.BadInput);
      const operand = this.unary(operandStart);
      if (operand.failure !== Failure.None) return operand;
      const v = operand.value;
      return ok(
        kind === Tok.Minus ? -v | 0 : kind === Tok.Not ? ~v : kind === Tok.LNot ? (v === 0 ? 1 : 0) : v,
      );
    }
    return this.primary(token);
  }

  private primary(token: Token): Outcome {
    switch (token.kind) {
      case Tok.Number:
        return ok(token.value);
      case Tok.BadOp:
        return fail(Failure.InvalidOperator);
      case Tok.LeftParen: {
        const innerStart = this.scanner.next();
        if (innerStart.kind === Tok.Error) return fail(Failure.BadInput);
        const inner = this.level(0, innerStart);
        if (inner.failure !== Failure.None) return inner;
        const close = this.scanner.next();
        if (close.kind === Tok.Error) return fail(Failure.BadInput);
        if (close.kind !== Tok.RightParen) return fail(Failure.MissingRight);
        return inner;
      }
      default:
        return fail(Failure.Syntax);
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
  const warn = (message: string): void => {
    diagnostics.push({ severity: 'warning', message });
  };
  const outcome = new Evaluator(expr, warn).run();
  if (outcome.failure === Failure.None) return outcome.value;
  // Only an invalid operator makes m4's exit status fail; the rest are reported and ignored.
  diagnostics.push({
    severity: outcome.failure === Failure.InvalidOperator ? 'error' : 'warning',
    message: failureMessage(outcome.failure, expr),
  });
  return undefined;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Longest expansion we build; GNU would go on allocating gigabytes. */
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
  if (width > MAX_EXPANSION) return undefined;
  return sign + '0'.repeat(Math.max(0, width - digits.length)) + digits;
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
    diagnostics.push({ severity: 'error', message: 'memory exhausted' });
    return empty();
  }
  return { text, diagnostics };
}
