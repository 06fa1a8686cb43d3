// Random input for the property-based differential tests: addresses (structured ones and raw
// character soup) and whole test-mode command lines.
import fc from 'fast-check';

const atomChar = fc.constantFrom(...'abcxyzABCXYZ0123456789-_+=/&~#$'.split(''));
const atom = fc.string({ unit: atomChar, minLength: 1, maxLength: 6 });
const domain = fc.array(atom, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const knownDomain = fc.constantFrom(
  'vm',
  'vm.example.net',
  'localhost',
  'example.com',
  '[192.0.2.2]',
  '[IPv6:::1]',
  'example.net.',
);

/** A plausible address, possibly decorated the ways mail addresses are. */
export const structured = fc
  .tuple(
    fc.oneof(
      atom,
      fc.constant('"quoted user"'),
      fc.array(atom, { minLength: 2, maxLength: 3 }).map((a) => a.join('.')),
    ),
    fc.option(fc.oneof(domain, knownDomain), { nil: undefined }),
    fc.constantFrom('plain', 'angle', 'phrase', 'comment', 'route', 'percent', 'bang'),
  )
  .map(([local, dom, shape]) => {
    const addr = dom === undefined ? local : `${local}@${dom}`;
    switch (shape) {
      case 'angle':
        return `<${addr}>`;
      case 'phrase':
        return `Some Body <${addr}>`;
      case 'comment':
        return `${addr} (a comment)`;
      case 'route':
        return `<@relay.example:${addr}>`;
      case 'percent':
        return `${local}%${dom ?? 'example.org'}@vm.example.net`;
      default:
        return shape === 'bang' ? `${dom ?? 'host'}!${local}` : addr;
    }
  });

/** Raw character soup from the characters addresses are made of. */
export const soup = fc.string({
  unit: fc.constantFrom(...'ab1.@%!<>()"\\,:;[] $|+-'.split('')),
  minLength: 1,
  maxLength: 24,
});

export const randomAddress = fc.oneof({ arbitrary: structured, weight: 3 }, { arbitrary: soup, weight: 2 });

/** Macro names as typed: letters (not $b or $i, which change with time), {long}, broken ones. */
const macroName = fc.oneof(
  fc.constantFrom(...'acdefghjklmnopqrstuvwxyzA_&*.0'.split('')),
  atom.map((a) => `{${a}}`),
  fc.constantFrom('{', '{}', '{bad name}', '{x', ''),
);
const word = fc.oneof(atom, fc.constantFrom('$w', '$$', '#', '\\#', '$', ' '));

/** Random test-mode command lines of every family (no -d: other debug output is not emulated). */
export const randomCommand = fc.oneof(
  fc.tuple(macroName, fc.array(word, { maxLength: 3 })).map(([m, v]) => `.D${m} ${v.join(' ')}`),
  fc.tuple(macroName, fc.array(word, { maxLength: 3 })).map(([m, v]) => `.C${m} ${v.join(' ')}`),
  macroName.map((m) => `$${m}`),
  macroName.map((m) => `$=${m}`),
  fc.constantFrom('=S0', '=S3', '=Scanonify', '=Sparse', '=S', '=Snope', '=M', '=S99', '=S 4'),
  fc
    .tuple(fc.constantFrom('dequote', 'arith', 'host', 'resolve', 'macro', 'nosuch'), soup)
    .map(([m, k]) => `/map ${m} ${k}`),
  fc
    .tuple(fc.constantFrom('/canon', '/mx', '/parse', '/sender', '/expand', '/header', '/tryflags'), soup)
    .map(([c, a]) => `${c} ${a}`),
  fc
    .tuple(fc.constantFrom('esmtp', 'local', 'relay', 'prog', 'nosuch'), randomAddress)
    .map(([m, a]) => `/try ${m} ${a}`),
  fc
    .tuple(fc.constantFrom('3,0', '0', '3', 'canonify', 'parse,final', '4', '1,4', 'nope,0'), randomAddress)
    .map(([r, a]) => `${r} ${a}`),
);
