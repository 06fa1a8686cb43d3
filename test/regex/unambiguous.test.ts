// The JS shortcut for unambiguous patterns (src/regex/unambiguous.ts) against the automaton it
// stands in for: which patterns it takes, and for random patterns of the shapes it takes (and
// near misses it must refuse) every search of random subjects, from every offset, with and
// without registers, gives the automaton's answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Regex, type RegexOptions, RegexSearcher, compileRegex } from '../../src/regex/index.js';

const EMACS: RegexOptions = { syntax: 'emacs', charset: 'bytes' };
const EMACS_UTF8: RegexOptions = { syntax: 'emacs', charset: 'utf8' };
const ERE: RegexOptions = { syntax: 'posix', extended: true, ignoreCase: false, noSub: false };
const BRE: RegexOptions = { ...ERE, extended: false };

function compiled(pattern: string, options: RegexOptions): Regex {
  const result = compileRegex(pattern, options);
  if (!result.ok) throw new Error(`${pattern}: ${result.message}`);
  return result.regex;
}

function takes(pattern: string, options: RegexOptions = EMACS): boolean {
  return compiled(pattern, options).unambiguous !== undefined;
}

/** Every search of `text` from every offset, as one string, through the given Regex. */
function searches(regex: Regex, text: string): string {
  const out: string[] = [];
  for (let from = 0; from <= text.length; from++) {
    for (const wantRegisters of [true, false]) {
      const m = new RegexSearcher(regex, text).search(from, wantRegisters);
      out.push(
        m ? `${m.start}-${m.end}:${m.registers.start.join(',')}/${m.registers.end.join(',')}` : 'none',
      );
    }
  }
  return out.join(' ');
}

describe('which patterns the shortcut takes', () => {
  it('takes sequences whose varying sets cannot run into what follows', () => {
    expect(takes('-\\([0-9]+\\)-')).toBe(true);
    expect(takes('^\\([a-z]*\\)@\\([^@]*\\)$')).toBe(true);
    expect(takes('x\\{2,4\\}y?', BRE)).toBe(true);
    expect(takes('[0-9]\\{1,3\\}\\.[0-9]\\{1,3\\}', BRE)).toBe(true);
    expect(takes('a\\|b')).toBe(true); // a set
    expect(takes('a*a')).toBe(true); // a+
    expect(takes('^(a|b)c$', ERE)).toBe(true); // a group around a set
    expect(takes('^[^.]+\\.(com|net)$', ERE)).toBe(false);
    expect(takes('[^.]+\\.', ERE)).toBe(true);
  });

  it('refuses overlaps, repeated groups, alternation, back-references and inner anchors', () => {
    expect(takes('\\(a*\\)a')).toBe(false);
    expect(takes('[a-z]*x')).toBe(false);
    expect(takes('\\(ab\\)*')).toBe(false);
    expect(takes('ab\\|c')).toBe(false);
    expect(takes('\\(a\\)\\1')).toBe(false);
    expect(takes('a^b', ERE)).toBe(false);
    expect(takes('a\\bb')).toBe(false);
    expect(takes('A', { ...ERE, ignoreCase: true })).toBe(false);
  });

  it('in UTF-8 takes only sets of ASCII bytes', () => {
    expect(takes('[a-z]+@', EMACS_UTF8)).toBe(true);
    expect(takes('[^@]+@', EMACS_UTF8)).toBe(false);
    expect(takes('a.b', EMACS_UTF8)).toBe(false);
  });
});

/** A pattern as pieces, rendered for one syntax. */
interface Piece {
  atom: string;
  quantifier: string;
}

const ATOMS = ['a', 'b', 'x', '-', '[ab]', '[^a]', '[0-9]', '.', '[a-c]', 'ALT'];
/** A group of two one-character alternatives, in each syntax (BRE has no alternation). */
const ALT: Record<string, string> = {
  emacs: '\\(a\\|x\\)',
  'emacs-utf8': '\\(a\\|x\\)',
  ere: '(a|x)',
  bre: '[ax]',
};
const QUANTIFIERS = ['', '', '*', '+', '?', '{1,2}', '{0,3}', '{2}', '{2,}'];

function render(
  pieces: Piece[],
  groups: [number, number][],
  anchors: [boolean, boolean],
  syntax: string,
): string {
  const emacs = syntax.startsWith('emacs');
  const bre = syntax === 'bre';
  const quant = (q: string): string => {
    if (q === '') return q;
    if (q.startsWith('{')) return emacs || bre ? `\\{${q.slice(1, -1)}\\}` : q;
    if (bre && q !== '*') return `\\{${q === '+' ? '1,' : '0,1'}\\}`;
    return q;
  };
  const open = emacs || bre ? '\\(' : '(';
  const close = emacs || bre ? '\\)' : ')';
  let out = anchors[0] ? '^' : '';
  pieces.forEach((piece, i) => {
    for (const [from] of groups) if (from === i) out += open;
    out += (piece.atom === 'ALT' ? ALT[syntax] : piece.atom) + quant(piece.quantifier);
    for (const [, to] of groups) if (to === i) out += close;
  });
  return out + (anchors[1] ? '$' : '');
}

const patternArb = fc
  .record({
    pieces: fc.array(
      fc.record({ atom: fc.constantFrom(...ATOMS), quantifier: fc.constantFrom(...QUANTIFIERS) }),
      { minLength: 1, maxLength: 5 },
    ),
    groupSpans: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 2 }),
    anchors: fc.tuple(fc.boolean(), fc.boolean()),
    syntax: fc.constantFrom('emacs', 'emacs-utf8', 'ere', 'bre'),
  })
  .map(({ pieces, groupSpans, anchors, syntax }) => {
    // Nested or disjoint spans only, within the pattern.
    const n = pieces.length;
    const spans = groupSpans
      .map(([a, b]): [number, number] => [Math.min(a, b) % n, Math.max(a, b) % n])
      .filter(([a, b]) => a <= b);
    const fits =
      spans.length < 2 ||
      spans[1][1] < spans[0][0] ||
      spans[0][1] < spans[1][0] ||
      (spans[1][0] >= spans[0][0] && spans[1][1] <= spans[0][1]);
    return { pattern: render(pieces, fits ? spans : spans.slice(0, 1), anchors, syntax), syntax };
  });

const subjectArb = fc
  .array(fc.constantFrom('a', 'b', 'x', '-', '0', '7', '\n', 'c', '\u00e9', '\u00c3\u00a9'), {
    maxLength: 12,
  })
  .map((chars) => chars.join(''));

describe('the shortcut gives the automaton’s answers', () => {
  it('on random patterns and subjects (fixed seed)', () => {
    let taken = 0;
    let total = 0;
    fc.assert(
      fc.property(patternArb, fc.array(subjectArb, { minLength: 1, maxLength: 4 }), (p, subjects) => {
        const options = { emacs: EMACS, 'emacs-utf8': EMACS_UTF8, ere: ERE, bre: BRE }[p.syntax]!;
        const result = compileRegex(p.pattern, options);
        if (!result.ok) return;
        total++;
        const regex = result.regex;
        if (regex.unambiguous === undefined) return;
        taken++;
        const automaton: Regex = { ...regex, unambiguous: undefined };
        for (const text of subjects) expect(searches(regex, text)).toBe(searches(automaton, text));
      }),
      { numRuns: Number(process.env.MAILCF_REGEX_RUNS ?? 1500), seed: 20261125 },
    );
    // The generator must exercise the shortcut, not only its refusals.
    expect(taken).toBeGreaterThan(total / 5);
  });
});
