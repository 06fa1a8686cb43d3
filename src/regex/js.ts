// A JS RegExp accepting the same texts as an Emacs-syntax pattern (in the C locale), for callers
// that only need "does it match here" with JS's own API. JS picks the leftmost-first match, not
// GNU's leftmost-longest one, and fills groups its own way: use the engine for GNU's answers.
import type { AnchorKind, Tree } from './syntax.js';
import { foldTree } from './tree.js';

const WORD = 'A-Za-z0-9_';

const ANCHORS: Record<AnchorKind, string> = {
  'line-first': '(?<![^\\n])',
  'line-last': '(?![^\\n])',
  'buf-first': '(?<![\\s\\S])',
  'buf-last': '(?![\\s\\S])',
  'word-first': `(?<![${WORD}])(?=[${WORD}])`,
  'word-last': `(?<=[${WORD}])(?![${WORD}])`,
  'inside-word': `(?<=[${WORD}])(?=[${WORD}])`,
  'inside-notword': `(?<![${WORD}])(?![${WORD}])`,
};

function hex(code: number): string {
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

function literal(code: number): string {
  const ch = String.fromCharCode(code);
  return /[A-Za-z0-9 _]/.test(ch) ? ch : hex(code);
}

/** A JS character class of exactly the bytes in `set` (an empty set matches nothing). */
export function byteClass(set: Uint8Array): string {
  const parts: string[] = [];
  for (let b = 0; b < 256; b++) {
    if (!set[b]) continue;
    let e = b;
    while (e + 1 < 256 && set[e + 1]) e++;
    parts.push(e === b ? hex(b) : `${hex(b)}-${hex(e)}`);
    b = e;
  }
  return parts.length === 0 ? '[^\\s\\S]' : `[${parts.join('')}]`;
}

/** One node's JS source, from its subtrees' sources (left to right). */
function translateNode(tree: Tree, kids: string[]): string {
  switch (tree.kind) {
    case 'char':
      return literal(tree.byte);
    case 'bytes':
      return byteClass(tree.set);
    case 'wide':
      return '[^\\s\\S]'; // multibyte characters exist only in UTF-8 matching
    case 'any':
      return '[^\\n]';
    case 'anchor':
      return ANCHORS[tree.anchor];
    case 'backref':
      return `\\${tree.group + 1}`;
    case 'concat':
      if (tree.plus) return `(?:${kids[0]})+`;
      return kids[0] + kids[1];
    case 'alt':
      return `(?:${kids[0]}|${kids[1]})`;
    case 'star':
      return `(?:${kids[0]})*`;
    case 'group':
      return `(${kids[0]})`;
  }
}

/** The JS source for a parsed Emacs-syntax pattern (C locale); groups keep GNU's numbering. */
export function toJsRegExp(tree: Tree | null): RegExp {
  return new RegExp(tree ? foldTree(tree, translateNode, '') : '');
}
