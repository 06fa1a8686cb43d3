// Random m4 programs for differential fuzzing: text, quotes, comments, nested builtin calls,
// user macros that use $1 $# $@ $*, changequote/changecom to other delimiters, diversions and
// odd bytes. Nothing here depends on the outside world (no shell commands, temp files or
// includes), so GNU m4's answer is a pure function of the program text.
import fc from 'fast-check';

/** User macros: a body may name only lower-numbered ones, so calls cannot loop forever. */
const USER_MACROS = ['m0', 'm1', 'm2', 'm3'];

const WORDS = ['foo', 'bar', 'x', 'A_1', 'len', 'dnl', 'divnum', 'eval', 'shift', 'ifelse', 'incr'];

const PUNCTUATION = [' ', ' ', '  ', '\n', '\n', '\t', ',', ',', '(', ')', '$', '$1', '$#', '$@'];
const DELIMITER_BYTES = ['`', "'", '#', '[', ']', '<<', '>>', '{', '}', '//', '\r\n', '\\'];

/** Quote pairs a program may switch to (empty start disables quoting; a lone start gets `'`). */
const QUOTE_PAIRS: string[][] = [[], ['[', ']'], ['<<', '>>'], ['{', '}'], ['`'], ['', ''], ['"', '"']];
const COMMENT_PAIRS: string[][] = [[], ['#'], ['//'], ['/*', '*/'], ['%', '%'], ['', '']];

const REGEXES = [
  'a',
  'a*',
  'b+',
  '\\(a\\)\\(b*\\)',
  '[a-c]',
  '[^ ]+',
  '^',
  '$',
  '\\w+',
  '.',
  'o\\|a',
  '\\<',
  '',
];
const REPLACEMENTS = ['x', '\\1', '\\&', '<\\&>', '\\2-\\1', '', '\\'];
const TRANSLIT_SETS = ['a-z', 'abc', 'z-a', '-', 'a-', '0-9', 'aeiou', ''];
const FORMATS = ['%d', '%5s|%-3d', '%x %o', '%c', '%.2f', '%*d', '%s%%', '%e', '%10.3s', '%'];
const EVAL_ATOMS = ['0', '1', '7', '-3', '0x1f', '0b101', '2147483647', '(1+2)', '017', '0r36:z'];
const EVAL_OPERATORS = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '<<',
  '>>',
  '&',
  '|',
  '^',
  '&&',
  '||',
  '==',
  '!=',
  '<',
];

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Free-form eval text and format specs: the parsers' error paths, not just their happy ones. */
const evalNoise = fc.stringMatching(/^[0-9a-fxrb:+\-*/%()<>=!&|^~ ]{0,12}$/);
const formatSpec = fc
  .tuple(
    fc.stringMatching(/^[-+ #0]{0,3}$/),
    pick(['', '3', '*', '12']),
    pick(['', '.', '.2', '.*']),
    pick([
      'd',
      'i',
      'o',
      'x',
      'X',
      'u',
      'c',
      's',
      'f',
      'F',
      'e',
      'E',
      'g',
      'G',
      'a',
      'A',
      '%',
      'l',
      'hd',
      'q',
      'n',
    ]),
  )
  .map(([flags, width, precision, conversion]) => `%${flags}${width}${precision}${conversion}`);
const smallNumber = pick(['0', '1', '2', '-1', '5', '', ' 3', 'x', '99']);
const builtinName = pick(['len', 'define', 'defn', 'incr', 'eval', 'substr', 'dnl', 'ifelse', 'nosuch']);

/** A byte outside printable ASCII: high bytes, a carriage return, now and then a NUL. */
const oddByte = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => String.fromCharCode(b)) },
  { weight: 2, arbitrary: pick(['\r', '\x01', '\x7f']) },
  { weight: 1, arbitrary: fc.constant('\0') },
);

const atom = fc.oneof(
  { weight: 5, arbitrary: pick(WORDS) },
  { weight: 3, arbitrary: pick(USER_MACROS) },
  { weight: 5, arbitrary: pick(PUNCTUATION) },
  { weight: 2, arbitrary: pick(DELIMITER_BYTES) },
  { weight: 1, arbitrary: oddByte },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9 ]{1,6}$/) },
);

const quoted = (inner: string): string => '`' + inner + "'";
const call = (name: string, args: string[]): string => `${name}(${args.join(',')})`;

const evalExpression = fc
  .tuple(pick(EVAL_ATOMS), fc.array(fc.tuple(pick(EVAL_OPERATORS), pick(EVAL_ATOMS)), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([op, n]) => op + n).join(''));

/** The body of user macro `index`: text and argument references, naming only lower macros. */
const macroBody = (index: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        pick(['$1', '$2', '$#', '$@', '$*', "`$0'", '[$1]', ' ', ',', "ifelse(`$#', `0', `none', `$1')"]),
        pick(['shift($@)', "len(`$*')", 'eval($#+1)', "substr(`$1', 1)", "translit(`$1', `a-z', `A-Z')"]),
        pick(["changequote(`[', `]')[$1]", "changequote`'", "changecom(`//')", '__line__', "defn(`$0')"]),
        pick(WORDS.filter((w) => w !== 'dnl')),
        pick(USER_MACROS.slice(0, index).length ? USER_MACROS.slice(0, index) : ['x']),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(''));

const definition = fc
  .tuple(pick(['define', 'pushdef']), fc.integer({ min: 0, max: USER_MACROS.length - 1 }))
  .chain(([how, index]) =>
    macroBody(index).map((body) => call(how, [quoted(USER_MACROS[index]), quoted(body)])),
  );

/** `name` alone for no arguments (restores the default), else a call with the quoted delimiters. */
const delimiterCall = (name: string, pair: string[]): string =>
  pair.length === 0 ? name : call(name, pair.map(quoted));

const delimiterChange = fc.oneof(
  pick(QUOTE_PAIRS).map((pair) => delimiterCall('changequote', pair)),
  pick(COMMENT_PAIRS).map((pair) => delimiterCall('changecom', pair)),
);

/** A whole random program (or, nested, a random argument). */
export const m4Program: fc.Arbitrary<string> = fc.letrec<{ program: string; piece: string }>((tie) => {
  const inner = tie('program');
  const arg = fc.tuple(pick(['', '', ' ', '\n ']), inner).map(([ws, text]) => ws + text);
  const args = (min: number, max: number): fc.Arbitrary<string[]> =>
    fc.array(arg, { minLength: min, maxLength: max });
  const builtinCall = fc.oneof(
    fc.tuple(pick(['len', 'incr', 'decr', 'divert', 'undivert', 'errprint', 'dnl', 'm4wrap']), args(0, 2)),
    fc.tuple(pick(['__line__', '__file__', 'divnum', 'm4exit', 'sysval', 'traceon', 'traceoff']), args(0, 1)),
    fc.tuple(pick(['ifelse', 'ifdef', 'index', 'substr', 'shift', 'defn', 'indir', 'builtin']), args(1, 5)),
    fc.tuple(
      pick(['undefine', 'popdef', 'dumpdef']),
      fc.array(pick(USER_MACROS).map(quoted), { maxLength: 2 }),
    ),
  );
  return {
    program: fc.array(tie('piece'), { maxLength: 6 }).map((pieces) => pieces.join('')),
    piece: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: atom },
      { weight: 3, arbitrary: inner.map(quoted) },
      {
        weight: 1,
        arbitrary: fc.tuple(pick(['#', '# x ']), inner).map(([c, t]) => c + t.replace(/\n/g, ' ') + '\n'),
      },
      { weight: 3, arbitrary: builtinCall.map(([name, a]) => call(name, a)) },
      { weight: 3, arbitrary: fc.tuple(pick(USER_MACROS), args(0, 3)).map(([name, a]) => call(name, a)) },
      { weight: 3, arbitrary: definition },
      { weight: 1, arbitrary: delimiterChange },
      { weight: 1, arbitrary: evalExpression.map((e) => call('eval', [quoted(e)])) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(pick(FORMATS), args(0, 3))
          .map(([f, a]) => call('format', [quoted(f), ...a.map((x) => x || '42')])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(pick(['regexp', 'patsubst']), inner, pick(REGEXES), pick(REPLACEMENTS))
          .map(([name, text, re, rep]) => call(name, [quoted(text), quoted(re), quoted(rep)])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(inner, pick(TRANSLIT_SETS), pick(TRANSLIT_SETS))
          .map(([text, from, to]) => call('translit', [quoted(text), quoted(from), quoted(to)])),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: -1, max: 3 }).map((n) => `divert(${n})`),
      },
      { weight: 1, arbitrary: evalNoise.map((e) => call('eval', [quoted(e)])) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.array(formatSpec, { minLength: 1, maxLength: 3 }),
            fc.array(smallNumber, { maxLength: 4 }),
          )
          .map(([specs, a]) => call('format', [quoted(specs.join('|')), ...a])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            pick(['substr', 'index', 'incr', 'eval', 'divert', 'undivert']),
            inner,
            smallNumber,
            smallNumber,
          )
          .map(([name, text, a, b]) => call(name, [quoted(text), a, b])),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(pick(['indir', 'builtin', 'defn', 'dumpdef', 'undefine']), builtinName, args(0, 2))
          .map(([name, target, a]) => call(name, [quoted(target), ...a])),
      },
      { weight: 1, arbitrary: pick(["debugmode(`aeq')traceon", 'traceoff', 'debugmode', "debugmode(`x')"]) },
    ),
  };
}).program;

/**
 * Command-line options a random program runs under: mostly none, sometimes ones that change how
 * everything is read or reported (sync lines, prefixed builtins, traditional mode, tracing,
 * fatal warnings, a small nesting limit).
 */
export const m4Options: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string[]>([]) },
  {
    weight: 4,
    arbitrary: fc.subarray(['-s', '-P', '-G', '-Q', '-E', '-daeq', '-dV', '-L7', '-l5', '-tm1', '-dfl'], {
      minLength: 1,
      maxLength: 3,
    }),
  },
);
