// Compiles a parsed pattern into the automaton gnulib's regex builds from the same tree: the
// same nodes, numbered in the same (post-)order, with the same epsilon links. Which register
// values GNU reports depends on that numbering (alternatives are tried in node order), so the
// layout is reproduced rather than any automaton that merely accepts the same language.
import { ANCHOR_CONSTRAINTS, buildClosures } from './closure.js';
import { NodeType, type ProgramNode } from './nodes.js';
import type { ParsedPattern, Tree } from './syntax.js';
import type { Charset } from './text.js';
import { childrenOf, foldTree, withChildren } from './tree.js';

export { NodeType, type ProgramNode, isEpsilon } from './nodes.js';

/**
 * How characters are matched. 'bytes': the C locale. 'utf8': multibyte matching, starts only at
 * character boundaries. 'utf8-bytes': gnulib's single-byte fast path for UTF-8 patterns that need
 * nothing multibyte-aware (only `.` then knows about UTF-8 sequences).
 */
export type Regime = 'bytes' | 'utf8' | 'utf8-bytes';

/** What the matcher needs to know beyond the automaton: the caller's library and flags. */
export interface MatchRules {
  /** `.` matches a newline (POSIX syntaxes). */
  dotMatchesNewline: boolean;
  /** `.` does not match a NUL byte (POSIX syntaxes). */
  dotExcludesNul: boolean;
  /** `^` and `$` also hold after and before a newline inside the subject (gnulib's newline_anchor). */
  newlineAnchor: boolean;
  /** REG_ICASE: the subject is matched upper-cased. */
  ignoreCase: boolean;
  /**
   * Whose register walk. gnulib as GNU m4 1.4.19 bundles it ends the walk when it comes back
   * to a node already passed at the same position; glibc 2.36 does that only while it
   * backtracks for back-references, and otherwise keeps walking (and on some patterns never
   * stops; we stop where gnulib would).
   */
  library: 'gnulib' | 'glibc';
}

export interface Program {
  nodes: ProgramNode[];
  init: number;
  end: number;
  /** Number of groups (re_nsub). */
  groups: number;
  /** Group i's registers are reported from group subexpMap[i] (nested groups merged by GNU). */
  subexpMap: number[];
  hasBackRefs: boolean;
  regime: Regime;
  /** Some node is an alternative or a repetition (gnulib's has_plural_match). */
  hasForks: boolean;
  hasAnchors: boolean;
  /** Each node's epsilon closure (gnulib's eclosure), clones included. */
  eclosures: number[][];
  /** Bytes a match can start with; irrelevant when `canBeEmpty`. */
  firstBytes: Uint8Array;
  /** The pattern may match the empty string (ignoring anchors). */
  canBeEmpty: boolean;
  rules: MatchRules;
  /** The longest step a node can take (a UTF-8 sequence of up to 6 bytes, or 1). */
  maxStep: number;
}

/** A tree node while the automaton is laid out. */
interface Work {
  tree: Tree | { kind: 'open' | 'close'; index: number; optional: boolean } | { kind: 'end' };
  left: Work | null;
  right: Work | null;
  index: number;
  first: Work | null;
  next: Work | null;
}

function work(tree: Work['tree'], left: Work | null = null, right: Work | null = null): Work {
  return { tree, left, right, index: -1, first: null, next: null };
}

/**
 * gnulib's optimize_subexps: a group that is the whole body of another group is stripped and
 * reported as the outer one (`subexpMap`), and back-references follow. Top-down, in place.
 */
function mergeNestedGroups(tree: Tree | null, subexpMap: number[]): void {
  const stack: Tree[] = tree ? [tree] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'backref') {
      node.group = subexpMap[node.group];
    } else if (node.kind === 'group' && node.body?.kind === 'group') {
      subexpMap[node.body.index] = subexpMap[node.index];
      node.body = node.body.body;
    }
    // Left before right, so a group is settled before the references that follow it.
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i]) stack.push(kids[i]!);
  }
}

/**
 * gnulib's lower_subexp under REG_NOSUB: a group no back-reference names reports nothing, so
 * it is replaced by its body (an empty group stays).
 */
function dropUnreportedGroups(tree: Tree | null, used: Set<number>): Tree | null {
  if (!tree) return null;
  return foldTree<Tree | null>(
    tree,
    (node, kids) =>
      node.kind === 'group' && kids[0] !== null && !used.has(node.index) ? kids[0] : withChildren(node, kids),
    null,
  );
}

/** Builds the work tree, turning each group into Open · body · Close. */
function lower(tree: Tree | null): Work | null {
  if (!tree) return null;
  return foldTree<Work | null>(
    tree,
    (node, kids) => {
      switch (node.kind) {
        case 'concat':
        case 'alt':
          return work(node, kids[0], kids[1]);
        case 'star':
          return work(node, kids[0]);
        case 'group': {
          const open = work({ kind: 'open', index: node.index, optional: node.optional });
          const close = work({ kind: 'close', index: node.index, optional: node.optional });
          const concat = (l: Work, r: Work): Work => work({ kind: 'concat', left: node, right: node }, l, r);
          return concat(open, kids[0] ? concat(kids[0], close) : close);
        }
        default:
          return work(node);
      }
    },
    null,
  );
}

const isConcat = (w: Work): boolean => w.tree.kind === 'concat';

/** Visits children before parents, left before right (gnulib's postorder). */
function postorder(root: Work, visit: (w: Work) => void): void {
  const stack: { node: Work; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.done) {
      visit(top.node);
      continue;
    }
    stack.push({ node: top.node, done: true });
    if (top.node.right) stack.push({ node: top.node.right, done: false });
    if (top.node.left) stack.push({ node: top.node.left, done: false });
  }
}

/** Visits parents before children, left before right. */
function preorder(root: Work, visit: (w: Work) => void): void {
  const stack: Work[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if (node.right) stack.push(node.right);
    if (node.left) stack.push(node.left);
  }
}

function nodeOf(w: Work): ProgramNode {
  const t = w.tree;
  // gnulib flags the nodes of x+'s copy of x as duplicated; their origin is never set (we see 0).
  const copied = 'copied' in t && t.copied === true;
  const base: ProgramNode = {
    type: NodeType.End,
    byte: 0,
    group: -1,
    optional: false,
    next: -1,
    edests: [],
    constraint: 0,
    duplicated: copied,
    origin: copied ? 0 : -1,
  };
  switch (t.kind) {
    case 'char':
      return { ...base, type: NodeType.Char, byte: t.byte };
    case 'bytes':
      return { ...base, type: NodeType.Bytes, bytes: t.set };
    case 'wide':
      return { ...base, type: NodeType.Wide, wide: t.set };
    case 'any':
      return { ...base, type: NodeType.Any };
    case 'anchor':
      return { ...base, type: NodeType.Anchor, anchor: t.anchor, constraint: ANCHOR_CONSTRAINTS[t.anchor] };
    case 'backref':
      return { ...base, type: NodeType.BackRef, group: t.group };
    case 'open':
      return { ...base, type: NodeType.Open, group: t.index, optional: t.optional };
    case 'close':
      return { ...base, type: NodeType.Close, group: t.index, optional: t.optional };
    case 'alt':
      return { ...base, type: NodeType.Alt };
    case 'star':
      return { ...base, type: NodeType.Star };
    default:
      return base;
  }
}

/** gnulib's single-byte fast path applies unless some node needs multibyte or word context. */
function chooseRegime(nodes: ProgramNode[], charset: Charset): Regime {
  if (charset === 'bytes') return 'bytes';
  for (const node of nodes) {
    if (node.type === NodeType.Wide) return 'utf8';
    if (node.type === NodeType.Anchor && node.anchor !== undefined) {
      const a = node.anchor;
      if (a !== 'line-first' && a !== 'line-last' && a !== 'buf-first' && a !== 'buf-last') return 'utf8';
    }
  }
  return 'utf8-bytes';
}

/**
 * Lays out the automaton for a parsed pattern. `noSub` is REG_NOSUB: nothing but "does it
 * match" will be asked, and groups no back-reference names are left out, as gnulib does.
 */
export function compileProgram(
  parsed: ParsedPattern,
  charset: Charset,
  rules: MatchRules,
  noSub = false,
): Program {
  const subexpMap = Array.from({ length: parsed.groups }, (_, i) => i);
  let tree = parsed.tree;
  mergeNestedGroups(tree, subexpMap);
  if (noSub) tree = dropUnreportedGroups(tree, new Set([...parsed.referenced].map((g) => subexpMap[g])));
  const body = lower(tree);
  const endWork = work({ kind: 'end' });
  const root = body ? work({ kind: 'concat', left: tree!, right: tree! }, body, endWork) : endWork;

  const nodes: ProgramNode[] = [];
  postorder(root, (w) => {
    if (isConcat(w)) {
      w.first = w.left!.first;
      w.index = w.left!.index;
    } else {
      w.first = w;
      w.index = nodes.length;
      nodes.push(nodeOf(w));
    }
  });
  preorder(root, (w) => {
    const kind = w.tree.kind;
    if (kind === 'star') {
      w.left!.next = w;
    } else if (kind === 'concat') {
      w.left!.next = w.right!.first;
      w.right!.next = w.next;
    } else {
      if (w.left) w.left.next = w.next;
      if (w.right) w.right.next = w.next;
    }
  });
  let hasBackRefs = false;
  preorder(root, (w) => {
    if (isConcat(w)) return;
    const node = nodes[w.index];
    const nextIndex = w.next ? w.next.index : -1;
    switch (node.type) {
      case NodeType.Alt:
      case NodeType.Star: {
        const left = w.left ? w.left.first!.index : nextIndex;
        const right = w.right ? w.right.first!.index : nextIndex;
        node.edests = left === right ? [left] : left < right ? [left, right] : [right, left];
        break;
      }
      case NodeType.Anchor:
      case NodeType.Open:
      case NodeType.Close:
        node.edests = [nextIndex];
        break;
      case NodeType.BackRef:
        hasBackRefs = true;
        node.next = nextIndex;
        node.edests = [nextIndex];
        break;
      case NodeType.End:
        break;
      default:
        node.next = nextIndex;
    }
  });
  const init = root.first!.index;
  const regime = chooseRegime(nodes, charset);
  const eclosures = buildClosures(nodes);
  return {
    nodes,
    init,
    end: endWork.index,
    groups: parsed.groups,
    subexpMap,
    hasBackRefs,
    regime,
    hasForks: nodes.some((n) => n.type === NodeType.Alt || n.type === NodeType.Star),
    hasAnchors: nodes.some((n) => n.type === NodeType.Anchor),
    eclosures,
    ...firstBytesOf(nodes, init, rules),
    rules,
    maxStep: regime === 'bytes' ? 1 : 6,
  };
}

/** The bytes a match can begin with (gnulib's fastmap), found from the start ignoring anchors. */
function firstBytesOf(
  nodes: ProgramNode[],
  init: number,
  rules: MatchRules,
): { firstBytes: Uint8Array; canBeEmpty: boolean } {
  const firstBytes = new Uint8Array(256);
  let canBeEmpty = false;
  const seen = new Set<number>();
  const stack = [init];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const node = nodes[index];
    switch (node.type) {
      case NodeType.Char:
        firstBytes[node.byte] = 1;
        break;
      case NodeType.Bytes:
        node.bytes!.forEach((member, b) => {
          if (member) firstBytes[b] = 1;
        });
        break;
      case NodeType.End:
      case NodeType.BackRef: // may match empty: anything can follow
        canBeEmpty = true;
        break;
      case NodeType.Any: // in UTF-8 also any sequence
        for (let b = 0; b < 256; b++) {
          if ((b !== 10 || rules.dotMatchesNewline) && (b !== 0 || !rules.dotExcludesNul)) firstBytes[b] = 1;
        }
        break;
      case NodeType.Wide: // multibyte characters start above 127
        firstBytes.fill(1, 0x80);
        break;
      default:
        stack.push(...node.edests);
    }
  }
  return { firstBytes, canBeEmpty };
}
