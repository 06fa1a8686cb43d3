// Matching as glibc's regexec does it: the leftmost match, the longest one there, and then the
// submatches glibc finds by walking forward from the start, at each choice taking the first
// branch that can still end where the match ends (and the second if the first was already
// tried at this position), with its rule that an optional group matching nothing keeps the
// previous registers. Patterns with back-references are searched depth-first instead, as glibc
// does with its fail stack.
import type { AssertKind, ParsedRegex } from './parse.js';
import { upperCode } from './parse.js';
import { compileToProgram, ProgramTooBig, type Instr } from './program.js';

export { ProgramTooBig } from './program.js';

/** A safety net for patterns whose backtracking would not end in reasonable time. */
const MAX_STEPS = 5_000_000;

const isWord = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

export interface CompiledRegex {
  groups: number;
  /** null: no match; else [start, end] per group (index 0: the whole match), null when unset. */
  exec(subject: string, wantGroups: boolean): ([number, number] | null)[] | null;
}

export function compileProgram(parsed: ParsedRegex, ignoreCase: boolean): CompiledRegex {
  const code = compileToProgram(parsed.root);
  const { groups, hasBackrefs } = parsed;
  return {
    groups,
    exec(subject, wantGroups) {
      const s = Array.from(subject, (ch) => (ignoreCase ? upperCode(ch.charCodeAt(0)) : ch.charCodeAt(0)));
      const m = new Matcher(code, s, groups, hasBackrefs);
      for (let start = 0; start <= s.length; start++) {
        const end = m.longestEnd(start);
        if (end < 0) continue;
        const out: ([number, number] | null)[] = [[start, end]];
        if (!wantGroups || groups === 0) return out;
        const regs = hasBackrefs ? m.searchRegisters(start, end) : m.walkRegisters(start, end);
        for (let g = 1; g <= groups; g++) {
          const so = regs?.[2 * g] ?? -1;
          const eo = regs?.[2 * g + 1] ?? -1;
          out.push(so >= 0 && eo >= 0 ? [so, eo] : null);
        }
        return out;
      }
      return null;
    },
  };
}

/** A state of the program without registers: instruction, position, "assertion since char". */
type State = [pc: number, pos: number, anchored: boolean];

class Matcher {
  private steps = 0;

  constructor(
    private readonly code: Instr[],
    private readonly s: number[],
    private readonly groups: number,
    private readonly backrefs: boolean,
  ) {}

  private tick(): void {
    if (++this.steps > MAX_STEPS) throw new ProgramTooBig('too many steps');
  }

  private assertion(kind: AssertKind, pos: number): boolean {
    const s = this.s;
    const before = pos > 0 && isWord(s[pos - 1]!);
    const after = pos < s.length && isWord(s[pos]!);
    switch (kind) {
      case 'bol':
      case 'bufStart':
        return pos === 0;
      case 'eol':
      case 'bufEnd':
        return pos === s.length;
      case 'wordBoundary':
        return before !== after;
      case 'notWordBoundary':
        return before === after;
      case 'wordStart':
        return !before && after;
      case 'wordEnd':
        return before && !after;
    }
  }

  /** Where a state can go next without registers (back-references are not followed). */
  private successors(pc: number, pos: number, anchored: boolean, limit: number): State[] {
    const ins = this.code[pc]!;
    switch (ins.op) {
      case 'set':
        return pos < limit && ins.bits[this.s[pos]!] ? [[pc + 1, pos + 1, false]] : [];
      case 'split':
        return [
          [ins.a, pos, anchored],
          [ins.b, pos, anchored],
        ];
      case 'jmp':
        return [[ins.to, pos, anchored]];
      case 'assert':
        return this.assertion(ins.kind, pos) ? [[pc + 1, pos, true]] : [];
      case 'match':
      case 'backref':
        return [];
      default:
        return [[pc + 1, pos, anchored]];
    }
  }

  /** The furthest end a match from start can reach, or -1. */
  longestEnd(start: number): number {
    if (this.backrefs) {
      let best = -1;
      this.search(start, (end) => {
        if (end > best) best = end;
        return false;
      });
      return best;
    }
    const width = this.s.length + 1;
    const seen = new Set<number>();
    const stack: State[] = [[0, start, false]];
    let best = -1;
    while (stack.length > 0) {
      const [pc, pos] = stack.pop()!;
      const key = pc * width + pos;
      if (seen.has(key)) continue;
      seen.add(key);
      this.tick();
      if (this.code[pc]!.op === 'match' && pos > best) best = pos;
      stack.push(...this.successors(pc, pos, false, this.s.length));
    }
    return best;
  }

  /**
   * Which states can still finish the match at end. glibc ends at the final state without a
   * context constraint when it can, so a path whose last step was an assertion only counts
   * when no other path reaches the end.
   */
  private viability(start: number, end: number): (pc: number, pos: number, anchored: boolean) => boolean {
    const width = end + 1;
    const id = (pc: number, pos: number, a: boolean): number => (pc * width + pos) * 2 + (a ? 1 : 0);
    const reverse = new Map<number, number[]>();
    const seen = new Set<number>();
    const finals: { id: number; anchored: boolean }[] = [];
    const stack: State[] = [[0, start, false]];
    while (stack.length > 0) {
      const [pc, pos, a] = stack.pop()!;
      const me = id(pc, pos, a);
      if (seen.has(me)) continue;
      seen.add(me);
      this.tick();
      if (this.code[pc]!.op === 'match' && pos === end) finals.push({ id: me, anchored: a });
      for (const next of this.successors(pc, pos, a, end)) {
        const nid = id(...next);
        let list = reverse.get(nid);
        if (list === undefined) reverse.set(nid, (list = []));
        list.push(me);
        stack.push(next);
      }
    }
    const plain = finals.some((f) => !f.anchored);
    const good = new Set(finals.filter((f) => !plain || !f.anchored).map((f) => f.id));
    const queue = [...good];
    while (queue.length > 0) {
      const cur = queue.pop()!;
      for (const prev of reverse.get(cur) ?? []) {
        if (!good.has(prev)) {
          good.add(prev);
          queue.push(prev);
        }
      }
    }
    return (pc, pos, a) => good.has(id(pc, pos, a));
  }

  /** glibc's set_regs without back-references: one forward walk, no backtracking. */
  walkRegisters(start: number, end: number): number[] | null {
    const viable = this.viability(start, end);
    const regs = new Array<number>(2 * (this.groups + 1)).fill(-1);
    let prev = regs.slice();
    let pc = 0;
    let pos = start;
    let anchored = false;
    let visited = new Set<number>();
    for (;;) {
      this.tick();
      const ins = this.code[pc]!;
      switch (ins.op) {
        case 'match':
          return regs;
        case 'set':
          if (pos >= end || !ins.bits[this.s[pos]!]) return null;
          pos++;
          pc++;
          anchored = false;
          visited = new Set();
          continue;
        case 'split': {
          visited.add(pc);
          const first = viable(ins.a, pos, anchored);
          const second = viable(ins.b, pos, anchored);
          if (!first && !second) return null;
          // The second branch when the first is impossible, or was already tried here.
          pc = first && (!second || !visited.has(ins.a)) ? ins.a : ins.b;
          continue;
        }
        case 'jmp':
          visited.add(pc);
          pc = ins.to;
          continue;
        case 'assert':
          visited.add(pc);
          anchored = true;
          pc++;
          continue;
        case 'open':
          visited.add(pc);
          regs[2 * ins.n] = pos;
          regs[2 * ins.n + 1] = -1;
          pc++;
          continue;
        case 'close': {
          visited.add(pc);
          const n = ins.n;
          if (regs[2 * n]! < pos) {
            regs[2 * n + 1] = pos;
            prev = regs.slice();
          } else if (ins.optional && prev[2 * n]! !== -1) {
            // An optional group that matched nothing: undo it, as glibc does.
            for (let i = 0; i < regs.length; i++) regs[i] = prev[i]!;
          } else {
            regs[2 * n + 1] = pos;
          }
          pc++;
          continue;
        }
        case 'backref':
          return null;
      }
    }
  }

  /** The registers of the first path (depth-first, in preference order) ending at end. */
  searchRegisters(start: number, end: number): number[] | null {
    let found: number[] | null = null;
    this.search(start, (pos, regs) => {
      if (pos !== end) return false;
      found = regs.slice();
      return true;
    });
    return found;
  }

  /**
   * Depth-first search in preference order (patterns with back-references). accept(pos, regs)
   * is called at each match and returns true to stop. A state seen with the same registers is
   * not explored twice, which also ends loops that match nothing.
   */
  private search(start: number, accept: (pos: number, regs: number[]) => boolean): void {
    interface Thread {
      pc: number;
      pos: number;
      regs: number[];
      prev: number[];
    }
    const n = 2 * (this.groups + 1);
    const stack: Thread[] = [
      { pc: 0, pos: start, regs: new Array<number>(n).fill(-1), prev: new Array<number>(n).fill(-1) },
    ];
    const seen = new Set<string>();
    const s = this.s;
    while (stack.length > 0) {
      const t = stack.pop()!;
      for (;;) {
        this.tick();
        const key = `${t.pc},${t.pos},${t.regs.join(',')}`;
        if (seen.has(key)) break;
        seen.add(key);
        const ins = this.code[t.pc]!;
        if (ins.op === 'match') {
          if (accept(t.pos, t.regs)) return;
          break;
        }
        if (ins.op === 'set') {
          if (t.pos >= s.length || !ins.bits[s[t.pos]!]) break;
          t.pos++;
          t.pc++;
        } else if (ins.op === 'split') {
          stack.push({ ...t, pc: ins.b, regs: t.regs.slice(), prev: t.prev.slice() });
          t.pc = ins.a;
        } else if (ins.op === 'jmp') {
          t.pc = ins.to;
        } else if (ins.op === 'open') {
          t.regs[2 * ins.n] = t.pos;
          t.regs[2 * ins.n + 1] = -1;
          t.pc++;
        } else if (ins.op === 'close') {
          const g = ins.n;
          if (t.regs[2 * g]! < t.pos) {
            t.regs[2 * g + 1] = t.pos;
            t.prev = t.regs.slice();
          } else if (ins.optional && t.prev[2 * g]! !== -1) {
            t.regs = t.prev.slice();
          } else {
            t.regs[2 * g + 1] = t.pos;
          }
          t.pc++;
        } else if (ins.op === 'assert') {
          if (!this.assertion(ins.kind, t.pos)) break;
          t.pc++;
        } else {
          const so = t.regs[2 * ins.n]!;
          const eo = t.regs[2 * ins.n + 1]!;
          if (so < 0 || eo < 0) break;
          const len = eo - so;
          let ok = t.pos + len <= s.length;
          for (let k = 0; ok && k < len; k++) ok = s[so + k] === s[t.pos + k];
          if (!ok) break;
          t.pos += len;
          t.pc++;
        }
      }
    }
  }
}
