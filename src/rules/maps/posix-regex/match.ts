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
  const graph = epsilonGraph(code);
  const { groups, hasBackrefs } = parsed;
  return {
    groups,
    exec(subject, wantGroups) {
      const s = Array.from(subject, (ch) => (ignoreCase ? upperCode(ch.charCodeAt(0)) : ch.charCodeAt(0)));
      const m = new Matcher(code, graph, s, groups, hasBackrefs);
      const found = m.leftmostLongest(wantGroups);
      if (found === null) return null;
      const [start, end] = found;
      const out: ([number, number] | null)[] = [[start, end]];
      if (!wantGroups || groups === 0) return out;
      const regs = hasBackrefs ? m.searchRegisters(start, end) : m.walkRegisters(start, end);
      for (let g = 1; g <= groups; g++) {
        const so = regs?.[2 * g] ?? -1;
        const eo = regs?.[2 * g + 1] ?? -1;
        out.push(so >= 0 && eo >= 0 ? [so, eo] : null);
      }
      return out;
    },
  };
}

/** The program's moves that consume nothing, forwards and backwards (built once). */
interface EpsilonGraph {
  next: number[][];
  prev: number[][];
}

function epsilonGraph(code: Instr[]): EpsilonGraph {
  const next = code.map((ins, pc): number[] => {
    switch (ins.op) {
      case 'split':
        return [ins.a, ins.b];
      case 'jmp':
        return [ins.to];
      case 'open':
      case 'close':
      case 'assert':
        return [pc + 1];
      default:
        return [];
    }
  });
  const prev = code.map((): number[] => []);
  next.forEach((targets, pc) => {
    for (const t of targets) prev[t]!.push(pc);
  });
  return { next, prev };
}

const NONE = 0x7fffffff;

class Matcher {
  private steps = 0;

  constructor(
    private readonly code: Instr[],
    private readonly graph: EpsilonGraph,
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

  /** Whether the move from pc (which consumes nothing) may be taken at pos. */
  private passable(pc: number, pos: number): boolean {
    const ins = this.code[pc]!;
    return ins.op !== 'assert' || this.assertion(ins.kind, pos);
  }

  /**
   * One forward pass over the subject. Each state holds the earliest start from which it is
   * reached; starts are seeded at every position when anchorAt is null, else only there.
   * Returns [start, end] of the leftmost match and, for that start, its furthest end.
   */
  private forward(anchorAt: number | null, stopAtFirst: boolean): [number, number] | null {
    const { code, s } = this;
    const size = code.length;
    let cur = new Int32Array(size).fill(NONE);
    let best: [number, number] | null = null;
    const from = anchorAt ?? 0;
    for (let pos = from; pos <= s.length; pos++) {
      if (anchorAt === null || pos === anchorAt) cur[0] = Math.min(cur[0]!, pos);
      // Spread starts along moves that consume nothing (a worklist: there may be cycles).
      const work: number[] = [];
      for (let pc = 0; pc < size; pc++) if (cur[pc] !== NONE) work.push(pc);
      while (work.length > 0) {
        const pc = work.pop()!;
        this.tick();
        if (!this.passable(pc, pos)) continue;
        for (const t of this.graph.next[pc]!) {
          if (cur[pc]! < cur[t]!) {
            cur[t] = cur[pc]!;
            work.push(t);
          }
        }
      }
      const next = new Int32Array(size).fill(NONE);
      let alive = false;
      for (let pc = 0; pc < size; pc++) {
        const start = cur[pc]!;
        if (start === NONE) continue;
        const ins = code[pc]!;
        if (ins.op === 'match') {
          if (best === null || start < best[0] || (start === best[0] && pos > best[1])) {
            best = [start, pos];
          }
          if (stopAtFirst) return best;
        } else if (ins.op === 'set' && pos < s.length && ins.bits[s[pos]!]) {
          if (start < next[pc + 1]!) next[pc + 1] = start;
          alive = true;
        }
      }
      if (!alive && (anchorAt !== null || best !== null)) break;
      cur = next;
    }
    return best;
  }

  /** The leftmost match and its longest end; with wantGroups false any match will do. */
  leftmostLongest(wantEnd: boolean): [number, number] | null {
    if (this.backrefs) {
      for (let start = 0; start <= this.s.length; start++) {
        let best = -1;
        this.search(start, (end) => {
          if (end > best) best = end;
          return !wantEnd;
        });
        if (best >= 0) return [start, best];
      }
      return null;
    }
    const first = this.forward(null, !wantEnd);
    if (first === null || !wantEnd) return first;
    // The leftmost start found, now its furthest end.
    return this.forward(first[0], false);
  }

  /**
   * Which states can still finish the match at end, layer by layer from the end. glibc ends
   * at the final state without a context constraint when it can, so a path whose last step was
   * an assertion only counts when no other path reaches the end.
   */
  private viability(start: number, end: number): (pc: number, pos: number, anchored: boolean) => boolean {
    const plain = this.finishing(start, end, false);
    const good = plain.reaches(0, start, false) ? plain : this.finishing(start, end, true);
    return (pc, pos, a) => good.reaches(pc, pos, a);
  }

  /** States (pc, pos, anchored) from which Match at end is reachable (anchored finals too?). */
  private finishing(
    start: number,
    end: number,
    anchoredFinals: boolean,
  ): { reaches(pc: number, pos: number, a: boolean): boolean } {
    const { code, s } = this;
    const size = code.length;
    const layers = end - start + 1;
    const good = new Uint8Array(size * layers * 2);
    const at = (pc: number, pos: number, a: boolean): number => ((pos - start) * size + pc) * 2 + (a ? 1 : 0);
    for (let pos = end; pos >= start; pos--) {
      const work: [number, boolean][] = [];
      const mark = (pc: number, a: boolean): void => {
        const i = at(pc, pos, a);
        if (good[i] === 0) {
          good[i] = 1;
          work.push([pc, a]);
        }
      };
      for (let pc = 0; pc < size; pc++) {
        const ins = code[pc]!;
        if (ins.op === 'match' && pos === end) {
          mark(pc, false);
          if (anchoredFinals) mark(pc, true);
        } else if (ins.op === 'set' && pos < end && ins.bits[s[pos]!] && good[at(pc + 1, pos + 1, false)]) {
          mark(pc, false);
          mark(pc, true);
        }
      }
      while (work.length > 0) {
        const [pc, a] = work.pop()!;
        this.tick();
        for (const p of this.graph.prev[pc]!) {
          if (!this.passable(p, pos)) continue;
          if (code[p]!.op === 'assert') {
            // An assertion sets the flag: it finishes from here whatever the flag was.
            if (a) {
              mark(p, false);
              mark(p, true);
            }
          } else mark(p, a);
        }
      }
    }
    return {
      reaches: (pc, pos, a) => pos >= start && pos <= end && good[at(pc, pos, a)] === 1,
    };
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
