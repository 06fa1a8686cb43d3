// Matching as glibc's regexec does it: the leftmost match, the longest one there, and
// submatches from the first way (in the pattern's order of preference) that reaches that end —
// with glibc's rule that a group repeated optionally and matching nothing keeps the previous
// iteration's value.
import type { AssertKind, Node, ParsedRegex } from './parse.js';
import { upperCode } from './parse.js';

type Instr =
  | { op: 'set'; bits: Uint8Array }
  | { op: 'split'; a: number; b: number }
  | { op: 'jmp'; to: number }
  | { op: 'open'; n: number }
  | { op: 'close'; n: number; optional: boolean }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'backref'; n: number }
  | { op: 'loopStart'; r: number }
  | { op: 'loopCheck'; r: number; to: number }
  | { op: 'match' };

/** Programs grow with interval counts; beyond this we give up as glibc gives up ("too big"). */
const MAX_PROGRAM = 200_000;
/** A safety net for patterns whose backtracking would not end in reasonable time. */
const MAX_STEPS = 5_000_000;

export class ProgramTooBig extends Error {}

class Compiler {
  readonly code: Instr[] = [];
  loops = 0;

  emit(i: Instr): number {
    if (this.code.length >= MAX_PROGRAM) throw new ProgramTooBig('program too big');
    this.code.push(i);
    return this.code.length - 1;
  }

  node(n: Node, optional: boolean): void {
    switch (n.t) {
      case 'set':
        this.emit({ op: 'set', bits: n.bits });
        return;
      case 'empty':
        return;
      case 'cat':
        for (const item of n.items) this.node(item, optional);
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.alts.forEach((alt, i) => {
          if (i < n.alts.length - 1) {
            const split = this.emit({ op: 'split', a: 0, b: 0 });
            (this.code[split] as { a: number }).a = this.code.length;
            this.node(alt, optional);
            jumps.push(this.emit({ op: 'jmp', to: 0 }));
            (this.code[split] as { b: number }).b = this.code.length;
          } else this.node(alt, optional);
        });
        for (const j of jumps) (this.code[j] as { to: number }).to = this.code.length;
        return;
      }
      case 'group':
        this.emit({ op: 'open', n: n.index });
        this.node(n.body, optional);
        this.emit({ op: 'close', n: n.index, optional });
        return;
      case 'assert':
        this.emit({ op: 'assert', kind: n.kind });
        return;
      case 'backref':
        this.emit({ op: 'backref', n: n.index });
        return;
      case 'repeat':
        this.repeat(n.body, n.min, n.max, optional);
        return;
    }
  }

  repeat(body: Node, min: number, max: number, optional: boolean): void {
    for (let i = 0; i < min; i++) this.node(body, optional);
    if (max === Infinity) {
      const r = this.loops++;
      const top = this.emit({ op: 'split', a: 0, b: 0 });
      (this.code[top] as { a: number }).a = this.code.length;
      this.emit({ op: 'loopStart', r });
      this.node(body, true);
      this.emit({ op: 'loopCheck', r, to: top });
      (this.code[top] as { b: number }).b = this.code.length;
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const s = this.emit({ op: 'split', a: 0, b: 0 });
      (this.code[s] as { a: number }).a = this.code.length;
      splits.push(s);
      this.node(body, true);
    }
    for (const s of splits) (this.code[s] as { b: number }).b = this.code.length;
  }
}

const isWord = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

export interface CompiledRegex {
  groups: number;
  /** null: no match; else [start, end] per group (index 0: the whole match), null when unset. */
  exec(subject: string, wantGroups: boolean): ([number, number] | null)[] | null;
}

export function compileProgram(parsed: ParsedRegex, ignoreCase: boolean): CompiledRegex {
  const c = new Compiler();
  c.node(parsed.root, false);
  c.emit({ op: 'match' });
  const code = c.code;
  const nLoops = c.loops;
  const groups = parsed.groups;
  const backrefs = parsed.hasBackrefs;

  return {
    groups,
    exec(subject, wantGroups) {
      const s = ignoreCase
        ? Array.from(subject, (ch) => upperCode(ch.charCodeAt(0)))
        : Array.from(subject, (ch) => ch.charCodeAt(0));
      const m = new Matcher(code, s, groups, nLoops, backrefs);
      for (let start = 0; start <= s.length; start++) {
        const end = m.longestEnd(start);
        if (end < 0) continue;
        const out: ([number, number] | null)[] = [[start, end]];
        if (!wantGroups || groups === 0) return out;
        const caps = m.captures(start, end);
        for (let g = 1; g <= groups; g++) {
          const so = caps?.[2 * g] ?? -1;
          const eo = caps?.[2 * g + 1] ?? -1;
          out.push(so >= 0 && eo >= 0 ? [so, eo] : null);
        }
        return out;
      }
      return null;
    },
  };
}

class Matcher {
  private steps = 0;

  constructor(
    private readonly code: Instr[],
    private readonly s: number[],
    private readonly groups: number,
    private readonly nLoops: number,
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
    // Reachability ignores captures and treats every loop as free to repeat: same set of ends.
    const code = this.code;
    const seen = new Set<number>();
    const width = this.s.length + 1;
    const stack: number[] = [0, start];
    let best = -1;
    while (stack.length > 0) {
      const pos = stack.pop()!;
      const pc = stack.pop()!;
      const key = pc * width + pos;
      if (seen.has(key)) continue;
      seen.add(key);
      this.tick();
      const ins = code[pc]!;
      switch (ins.op) {
        case 'set':
          if (pos < this.s.length && ins.bits[this.s[pos]!]) stack.push(pc + 1, pos + 1);
          break;
        case 'split':
          stack.push(ins.b, pos, ins.a, pos);
          break;
        case 'jmp':
          stack.push(ins.to, pos);
          break;
        case 'loopCheck':
          stack.push(pc + 1, pos, ins.to, pos);
          break;
        case 'assert':
          if (this.assertion(ins.kind, pos)) stack.push(pc + 1, pos);
          break;
        case 'match':
          if (pos > best) best = pos;
          break;
        default:
          stack.push(pc + 1, pos);
      }
    }
    return best;
  }

  /** The group registers of the first path (in preference order) from start that ends at end. */
  captures(start: number, end: number): number[] | null {
    let found: number[] | null = null;
    this.search(start, (pos, caps) => {
      if (pos !== end) return false;
      found = caps.slice();
      return true;
    });
    return found;
  }

  /**
   * Depth-first search in preference order. accept(pos, caps) is called at each match and
   * returns true to stop. Without back-references a state (pc, pos, loop starts) that failed
   * once fails again, so it is not explored twice.
   */
  private search(start: number, accept: (pos: number, caps: number[]) => boolean): void {
    const nRegs = 2 * (this.groups + 1);
    interface Thread {
      pc: number;
      pos: number;
      caps: number[];
      prev: number[];
      loops: number[];
    }
    const initial: Thread = {
      pc: 0,
      pos: start,
      caps: new Array<number>(nRegs).fill(-1),
      prev: new Array<number>(nRegs).fill(-1),
      loops: new Array<number>(this.nLoops).fill(-1),
    };
    const failed = new Set<string>();
    const memo = !this.backrefs;
    const stack: Thread[] = [initial];
    const code = this.code;
    const s = this.s;
    while (stack.length > 0) {
      const t = stack.pop()!;
      for (;;) {
        this.tick();
        if (memo) {
          const key = `${t.pc},${t.pos},${t.loops.join(',')}`;
          if (failed.has(key)) break;
          failed.add(key);
        }
        const ins = code[t.pc]!;
        if (ins.op === 'match') {
          if (accept(t.pos, t.caps)) return;
          break;
        }
        if (ins.op === 'set') {
          if (t.pos >= s.length || !ins.bits[s[t.pos]!]) break;
          t.pos++;
          t.pc++;
        } else if (ins.op === 'split') {
          stack.push({ ...t, pc: ins.b, caps: t.caps.slice(), prev: t.prev.slice(), loops: t.loops.slice() });
          t.pc = ins.a;
        } else if (ins.op === 'jmp') {
          t.pc = ins.to;
        } else if (ins.op === 'open') {
          t.caps[2 * ins.n] = t.pos;
          t.caps[2 * ins.n + 1] = -1;
          t.pc++;
        } else if (ins.op === 'close') {
          const n = ins.n;
          if (t.caps[2 * n]! < t.pos) {
            t.caps[2 * n + 1] = t.pos;
            t.prev = t.caps.slice();
          } else if (ins.optional && t.prev[2 * n]! !== -1) {
            // An optional repetition that matched nothing: undo it, as glibc does.
            t.caps = t.prev.slice();
          } else {
            t.caps[2 * n + 1] = t.pos;
          }
          t.pc++;
        } else if (ins.op === 'assert') {
          if (!this.assertion(ins.kind, t.pos)) break;
          t.pc++;
        } else if (ins.op === 'backref') {
          const so = t.caps[2 * ins.n]!;
          const eo = t.caps[2 * ins.n + 1]!;
          if (so < 0 || eo < 0) break;
          const len = eo - so;
          let ok = t.pos + len <= s.length;
          for (let k = 0; ok && k < len; k++) ok = s[so + k] === s[t.pos + k];
          if (!ok) break;
          t.pos += len;
          t.pc++;
        } else if (ins.op === 'loopStart') {
          t.loops[ins.r] = t.pos;
          t.pc++;
        } else {
          // loopCheck: an iteration that matched nothing ends the loop.
          t.pc = t.pos === t.loops[ins.r] ? t.pc + 1 : ins.to;
        }
      }
    }
  }
}
