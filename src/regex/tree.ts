// Walking and rebuilding parse trees without recursion: patterns are untrusted input, and a
// tree is as deep as a pattern is long (a branch of n atoms is n nested concatenations).
import type { Tree } from './syntax.js';

/** A node's subtrees, left to right; null where an alternative or a group body is empty. */
export function childrenOf(node: Tree): (Tree | null)[] {
  switch (node.kind) {
    case 'concat':
    case 'alt':
      return [node.left, node.right];
    case 'star':
      return [node.body];
    case 'group':
      return [node.body];
    default:
      return [];
  }
}

/** A shallow copy of `node` with new subtrees (same order as childrenOf). */
export function withChildren(node: Tree, kids: (Tree | null)[]): Tree {
  switch (node.kind) {
    case 'concat':
      return { ...node, left: kids[0]!, right: kids[1]! };
    case 'alt':
      return { ...node, left: kids[0], right: kids[1] };
    case 'star':
      return { ...node, body: kids[0]! };
    case 'group':
      return { ...node, body: kids[0] };
    default:
      return { ...node };
  }
}

/**
 * Folds a tree bottom-up: `build` gets each node with its subtrees' results (left to right;
 * `empty` for a missing subtree). Children are visited before parents, left before right.
 */
export function foldTree<R>(root: Tree, build: (node: Tree, kids: R[]) => R, empty: R): R {
  const results: R[] = [];
  const stack: { node: Tree; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const kids = childrenOf(top.node);
    if (!top.expanded) {
      top.expanded = true;
      for (let i = kids.length - 1; i >= 0; i--) {
        const kid = kids[i];
        if (kid) stack.push({ node: kid, expanded: false });
      }
      continue;
    }
    stack.pop();
    const present = kids.filter((k) => k !== null).length;
    const computed = results.splice(results.length - present, present);
    let next = 0;
    results.push(
      build(
        top.node,
        kids.map((k) => (k === null ? empty : computed[next++])),
      ),
    );
  }
  return results[0];
}

/**
 * gnulib's duplicate_tree: a deep copy whose nodes are all flagged as copies. The copy keeps no
 * "optional group" mark (gnulib's copies start with a fresh token state).
 */
export function duplicateTree(tree: Tree): Tree {
  return foldTree<Tree | null>(
    tree,
    (node, kids) => {
      const copy = withChildren(node, kids);
      copy.copied = true;
      if (copy.kind === 'group') copy.optional = false;
      return copy;
    },
    null,
  )!;
}

/** The number of nodes in a tree. */
export function treeSize(tree: Tree | null): number {
  if (!tree) return 0;
  let size = 0;
  const stack: Tree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    size++;
    for (const kid of childrenOf(node)) if (kid) stack.push(kid);
  }
  return size;
}
