// Matching `$=X` against a phrase of tokens: sendmail joins tokens first..last with cataddr
// (the blank substitute between adjacent atoms, METAQUOTE removed) and looks the text up, for
// last = first, first+1, … until one is a member. We build the text incrementally and stop as
// soon as no member of the class can start with it, which gives the same answer.
import type { ClassTable } from '../cf/classes.js';
import { METAQUOTE } from '../cf/meta.js';
import { asciiLower } from '../sendmail/ctype.js';
import { ATM } from './prescan.js';

const MAXLINE = 2048;

/**
 * The smallest last >= from for which tokens[first..last] joined is in class `classId`, or -1.
 * `onExtend` (for -d21.36) is told of every length that was tried and failed; when it is given,
 * no length is skipped.
 */
export function classPhraseEnd(
  classes: ClassTable,
  classId: number,
  tokens: readonly string[],
  first: number,
  from: number,
  spaceSub: string,
  internalTable: Uint8Array,
  onExtend?: (token: string) => void,
): number {
  let out = '';
  let room = MAXLINE - 2;
  let prevAtom = false;
  let stopped = false;
  const append = (tok: string): void => {
    if (stopped) return;
    const atom = internalTable[tok.charCodeAt(0) & 0xff] === ATM;
    if (prevAtom && atom && spaceSub !== '') {
      out += spaceSub;
      if (--room <= 0) {
        stopped = true;
        return;
      }
    }
    for (let j = 0; j < tok.length;) {
      if (--room <= 0) break;
      let ch = tok[j++];
      if (ch.charCodeAt(0) === METAQUOTE && j < tok.length) ch = tok[j++];
      out += ch;
    }
    if (room <= 0) stopped = true;
    else prevAtom = atom;
  };
  for (let k = first; k < from; k++) append(tokens[k]);
  const prune = onExtend === undefined;
  for (let last = from; last < tokens.length; last++) {
    append(tokens[last]);
    const key = asciiLower(out);
    if (classes.has(classId, key)) return last;
    if (onExtend) onExtend(tokens[last]);
    else if (prune && !stopped && !classes.hasMemberStartingWith(classId, key)) return -1;
  }
  return -1;
}
