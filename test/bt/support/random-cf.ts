// Random .cf files for the robustness tests: lines of every kind, well and badly formed, with
// metasymbols in odd places, 8-bit and control bytes, NULs, very long lines, continuation
// lines, and files cut anywhere. No program classes (F|prog would run random commands) and no
// RunAsUser (sendmail would give up root).
import fc from 'fast-check';

const anyByte = fc
  .integer({ min: 0, max: 255 })
  .filter((b) => b !== 0x0a)
  .map((b) => String.fromCharCode(b));

const fragment = fc.constantFrom(
  '$x',
  '${long}',
  '${',
  '$=w',
  '$~w',
  '$*',
  '$+',
  '$-',
  '$@',
  '$:',
  '$>',
  '$#',
  '$[',
  '$]',
  '$(',
  '$)',
  '$&x',
  '$?x',
  '$|',
  '$.',
  '$1',
  '$9',
  '$0',
  '$$',
  '"',
  '\\',
  '#',
  '\t',
  ' ',
  '=',
  ',',
  '<',
  '>',
  '@',
  '.',
  '%s',
  '%[^:]',
  '-o',
  '/etc/passwd',
  '/nonexistent',
  'hash',
  'dequote',
  'local',
  'P=',
  'F=',
  'A=',
  'S0',
  '10',
  '99',
  '-1',
  '99999999999',
  '\0',
  '\x80',
  '\xff',
  '\xe9',
  '\x01',
  '\r',
  '\n ',
  '\n\t',
);
const wordChar = fc.constantFrom(...'abcxyzABC019_-'.split(''));
const text = fc
  .array(fc.oneof({ arbitrary: fragment, weight: 3 }, { arbitrary: wordChar, weight: 2 }), { maxLength: 8 })
  .map((a) => a.join(''));

const optionName = fc.constantFrom(
  'OperatorChars',
  'BlankSub',
  'MaxHopCount',
  'Timeout.queuereturn',
  'DeliveryMode',
  'AliasFile',
  'HelpFile',
  'DontProbeInterfaces',
  'EightBitMode',
  'ColonOkInAddr',
  'MaxMessageSize',
  'Verbose',
  'TrustedUser',
  'DefaultUser',
  'MustQuoteChars',
  'DontBlameSendmail',
  'PrivacyOptions',
  'Nosuch',
  'O',
  '',
);
const mapClass = fc.constantFrom(
  'hash',
  'btree',
  'dequote',
  'regex',
  'host',
  'arith',
  'macro',
  'sequence',
  'switch',
  'stab',
  'user',
  'implicit',
  'null',
  'syslog',
  'text',
  'dbm',
  'bestmx',
  'arpa',
  'nosuch',
);

const line = fc.oneof(
  fc.tuple(text, text, fc.option(text)).map(([l, r, c]) => `R${l}\t${r}${c === null ? '' : `\t${c}`}`),
  fc.tuple(optionName, fc.constantFrom('=', ' = ', '', '=='), text).map(([n, eq, v]) => `O ${n}${eq}${v}`),
  fc
    .tuple(
      text,
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'P',
            'F',
            'S',
            'R',
            'E',
            'A',
            'T',
            'D',
            'L',
            'U',
            'N',
            'M',
            'W',
            'm',
            'r',
            'Q',
            'Z',
          ),
          text,
        ),
        { maxLength: 6 },
      ),
    )
    .map(([name, fields]) => `M${name}, ${fields.map(([k, v]) => `${k}=${v}`).join(', ')}`),
  fc.tuple(text, mapClass, text).map(([n, c, rest]) => `K${n} ${c} ${rest}`),
  fc
    .tuple(
      fc.constantFrom('S', 'V', 'D', 'C', 'F', 'H', 'P', 'T', 'E', 'Q', 'X', 'L', 'G', 'Z', '#', ' ', ''),
      text,
    )
    .map(([k, t]) => k + t),
  fc.constantFrom(
    'V10/Berkeley',
    'V5',
    'V0',
    'V99',
    'Sx',
    'S0',
    'R$*\t$@ ok',
    'HX-Y: $>x',
    'Mlocal, P=/bin/true, F=l, A=x',
  ),
  fc.string({ unit: anyByte, maxLength: 60 }),
  fc.integer({ min: 2000, max: 9000 }).map((n) => `D{long}${'v'.repeat(n)}`),
);

/** Program classes and RunAsUser are left out (see above). */
function harmless(l: string): string {
  if (/^F/.test(l)) return l.replaceAll('|', '/');
  return /RunAsUser/i.test(l) || /^Ou/.test(l) ? `#${l}` : l;
}

export const randomCf = fc
  .tuple(
    fc.boolean(),
    fc.array(line.map(harmless), { minLength: 1, maxLength: 25 }),
    fc.constantFrom('\n', '', '\n\t', '\\'),
  )
  .map(
    ([header, lines, end]) =>
      (header ? ['V10/Berkeley', 'Mlocal, P=/bin/true, F=l, A=x', ...lines] : lines).join('\n') + end,
  );
