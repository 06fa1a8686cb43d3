// A shortcut for the patterns most configurations write: a sequence of character sets, each
// repeated a fixed or bounded number of times, with groups around parts of the sequence (no
// alternation between longer branches, no repeated group, no back-reference). When every set
// whose count may vary shares no byte with what can come right after it, a match can be taken
// apart only one way: each varying set takes all the bytes it can, or the match ends right
// after it. Then JS's backtracking search, which tries the greedy parse first and gives back
// from the last set first, finds the longest match at the leftmost start, and its groups are
// the only ones there are — exactly what GNU's automaton finds, at a fraction of the cost.
// Empty matches are left to the automaton (gnulib reports some of them late).
import type { MatchRules } from './program.js';
import type { AnchorKind, Tree, WideSet } from './syntax.js';
import type { Charset } from './text.js';
import { byteClass } from './js.js';
import { foldTree, treeSize } from './tree.js';

/** One set repeated min..max times (max -1: no bound). */
interface Run {
  kind: 'run';
  set: Uint8Array;
  min: number;
  max: number;
}

type Item =
  Run | { kind: 'open'; group: number } | { kind: 'close' } | { kind: 'anchor'; anchor: AnchorKind };

/** A subtree as a single run, as a sequence of items, or null when it is outside the class. */
type Shape = Run | Item[] | null;

/** Bigger patterns are rare and not worth the analysis (it copies sequences). */
const MAX_TREE_SIZE = 2000;

const UNBOUNDED = -1;

function sameSet(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 256; i++) if (a[i] !== b[i]) return false;
  return true;
}

function setOfByte(byte: number): Uint8Array {
  const set = new Uint8Array(256);
  set[byte] = 1;
  return set;
}

function anySet(rules: MatchRules): Uint8Array {
  const set = new Uint8Array(256).fill(1);
  if (!rules.dotMatchesNewline) set[10] = 0;
  if (rules.dotExcludesNul) set[0] = 0;
  return set;
}

const addCounts = (a: number, b: number): number => (a === UNBOUNDED || b === UNBOUNDED ? UNBOUNDED : a + b);

function isSingle(run: Run): boolean {
  return run.min === 1 && run.max === 1;
}

function asciiOnly(set: WideSet): boolean {
  return (
    !set.negated &&
    set.classes.length === 0 &&
    set.chars.every((c) => c < 0x80) &&
    set.ranges.every(([, to]) => to < 0x80)
  );
}

function asItems(shape: Run | Item[]): Item[] {
  return Array.isArray(shape) ? shape : [shape];
}

function isRun(shape: Shape): shape is Run {
  return shape !== null && !Array.isArray(shape);
}

/** The shape of one node from its subtrees' shapes (foldTree's builder). */
function shapeOf(node: Tree, kids: Shape[], rules: MatchRules): Shape {
  switch (node.kind) {
    case 'char':
      return { kind: 'run', set: setOfByte(node.byte), min: 1, max: 1 };
    case 'bytes':
      return { kind: 'run', set: node.set, min: 1, max: 1 };
    case 'any':
      return { kind: 'run', set: anySet(rules), min: 1, max: 1 };
    case 'anchor':
      return [{ kind: 'anchor', anchor: node.anchor }];
    case 'concat': {
      const [left, right] = kids;
      if (left === null || right === null) return null;
      // x+ is x followed by x*; any two runs of one set make one run (no group can tell).
      if (isRun(left) && isRun(right) && sameSet(left.set, right.set)) {
        return { kind: 'run', set: left.set, min: left.min + right.min, max: addCounts(left.max, right.max) };
      }
      return [...asItems(left), ...asItems(right)];
    }
    case 'star': {
      const body = kids[0];
      // (x{0,1})* and (x{1,n})* are x*; x{2}* is not.
      if (!isRun(body) || body.min > 1 || body.max === 0) return null;
      return { kind: 'run', set: body.set, min: 0, max: UNBOUNDED };
    }
    case 'alt': {
      const [left, right] = kids;
      // One character or another is a set (no group can tell).
      if (node.left !== null && node.right !== null) {
        if (!isRun(left) || !isRun(right) || !isSingle(left) || !isSingle(right)) return null;
        return { kind: 'run', set: left.set.map((member, b) => member | right.set[b]), min: 1, max: 1 };
      }
      // "x or nothing", as x? and the tail of x{m,n} are built.
      const body = node.left !== null ? left : right;
      if (!isRun(body) || body.min > 1) return null;
      return { kind: 'run', set: body.set, min: 0, max: body.max };
    }
    case 'wide':
      // The multibyte half of a UTF-8 bracket: of no account when it names only ASCII, since
      // it only ever matches characters of several bytes.
      return asciiOnly(node.set) ? { kind: 'run', set: new Uint8Array(256), min: 1, max: 1 } : null;
    case 'group': {
      if (node.optional) return null;
      const inner = node.body === null ? [] : kids[0];
      if (inner === null) return null;
      return [{ kind: 'open', group: node.index }, ...asItems(inner), { kind: 'close' }];
    }
    default:
      // back-references
      return null;
  }
}

const LEADING: ReadonlySet<AnchorKind> = new Set(['line-first', 'buf-first']);
const TRAILING: ReadonlySet<AnchorKind> = new Set(['line-last', 'buf-last']);

/**
 * Anchors may only stand where they restrict where a match starts or ends: line and buffer
 * starts before any set, line and buffer ends after every set.
 */
function anchorsInPlace(items: Item[]): boolean {
  let seenRun = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'run') seenRun = true;
    if (item.kind !== 'anchor') continue;
    if (LEADING.has(item.anchor) && !seenRun) continue;
    if (TRAILING.has(item.anchor) && !items.slice(i + 1).some((later) => later.kind === 'run')) continue;
    return false;
  }
  return true;
}

/** Every varying run shares no byte with any run that can come right after it. */
function varyingRunsAreDisjoint(items: Item[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const run = items[i];
    if (run.kind !== 'run' || run.min === run.max) continue;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j];
      if (next.kind !== 'run') continue;
      for (let b = 0; b < 256; b++) if (run.set[b] && next.set[b]) return false;
      if (next.min > 0) break;
    }
  }
  return true;
}

function anchorSource(anchor: AnchorKind, rules: MatchRules): string {
  switch (anchor) {
    case 'line-first':
      return rules.newlineAnchor ? '(?<![^\\n])' : '(?<![\\s\\S])';
    case 'line-last':
      return rules.newlineAnchor ? '(?![^\\n])' : '(?![\\s\\S])';
    case 'buf-first':
      return '(?<![\\s\\S])';
    default:
      return '(?![\\s\\S])';
  }
}

function runSource(run: Run): string {
  const set = byteClass(run.set);
  if (run.min === 1 && run.max === 1) return set;
  return `${set}{${run.min},${run.max === UNBOUNDED ? '' : run.max}}`;
}

/** The JS searches for an unambiguous pattern. */
export interface UnambiguousSearch {
  /** Finds where the match is. */
  locate: RegExp;
  /** The same search with every run captured, to work out where GNU's groups are. */
  measure: RegExp;
  /** GNU's group g spans runs [from, to) of `measure`'s captures; undefined: never reached. */
  groupRuns: ([number, number] | undefined)[];
}

/**
 * A JS search that gives GNU's answers for this pattern, when the pattern is in the class
 * above; undefined otherwise. Case-insensitive patterns are left out (glibc folds its own way),
 * and in UTF-8 only sets of ASCII bytes qualify (a match then never splits a character).
 */
export function unambiguousSearch(
  tree: Tree | null,
  charset: Charset,
  rules: MatchRules,
): UnambiguousSearch | undefined {
  if (tree === null || rules.ignoreCase || treeSize(tree) > MAX_TREE_SIZE) return undefined;
  const shape = foldTree<Shape>(tree, (node, kids) => shapeOf(node, kids, rules), null);
  if (shape === null) return undefined;
  const items = asItems(shape);
  if (!anchorsInPlace(items) || !varyingRunsAreDisjoint(items)) return undefined;
  if (charset !== 'bytes') {
    for (const item of items) {
      if (item.kind === 'run' && item.set.subarray(128).some((member) => member !== 0)) return undefined;
    }
  }
  // Group positions come from the lengths of the runs before and inside them: cheaper than
  // asking the RegExp for match indices.
  const groupRuns: ([number, number] | undefined)[] = [];
  const open: { group: number; from: number }[] = [];
  let locate = '';
  let measure = '';
  let runs = 0;
  for (const item of items) {
    if (item.kind === 'run') {
      const source = runSource(item);
      locate += source;
      measure += `(${source})`;
      runs++;
    } else if (item.kind === 'anchor') {
      const source = anchorSource(item.anchor, rules);
      locate += source;
      measure += source;
    } else if (item.kind === 'open') {
      open.push({ group: item.group, from: runs });
    } else {
      const { group, from } = open.pop()!;
      groupRuns[group] = [from, runs];
    }
  }
  return { locate: new RegExp(locate, 'g'), measure: new RegExp(measure, 'g'), groupRuns };
}
