// gnulib's sifting for a pattern with back-references (prune_impossible_nodes and its helpers):
// from the match end backwards, keep in each logged state the nodes from which the end can
// still be reached. A back-reference reaches what its entry (backref-log.ts) leads to, and for
// each entry used the sift is redone from the reference with a "limit": the entry's group must
// open and close where the entry says, which removes paths that open or close it elsewhere.
// Those limited sifts go into a second array merged in at the end. When nothing is left at the
// start, gnulib tries the next shorter end that the forward pass marked as halting.
import { type DfaState, type NodeSet, has, indexIn, insert, union } from './backref-states.js';
import { type BackRefEntry, type MatchContext, acceptsOneByte } from './backref-log.js';
import type { Machine } from './machine.js';
import { NodeType, isEpsilon } from './program.js';

/** DFA states by position (absolute), null or undefined where there is none. */
export type StateArray = (DfaState | null | undefined)[];

interface SiftContext {
  sifted: StateArray;
  limited: StateArray;
  lastNode: number;
  lastAt: number;
  /** Indices of the entries whose group positions are imposed (sorted). */
  limits: NodeSet;
}

const inverseClosures = new WeakMap<Machine['program'], NodeSet[]>();

/** For each node, the nodes whose epsilon closure holds it (gnulib's inveclosures). */
function inverseClosuresOf(m: Machine): NodeSet[] {
  let inverse = inverseClosures.get(m.program);
  if (inverse === undefined) {
    inverse = m.program.nodes.map(() => [] as NodeSet);
    m.program.eclosures.forEach((closure, node) => {
      for (const member of closure) inverse![member].push(node);
    });
    inverseClosures.set(m.program, inverse);
  }
  return inverse;
}

/** The result of pruning: the sifted states, and the end and end node the match keeps. */
export interface Pruned {
  states: StateArray;
  matchLast: number;
  lastNode: number;
}

/** gnulib's prune_impossible_nodes with back-references; undefined when no end survives. */
export function pruneImpossibleNodes(
  ctx: MatchContext,
  matchLast: number,
  lastNode: number,
): Pruned | undefined {
  const sifter = new Sifter(ctx);
  const start = ctx.start;
  for (;;) {
    const sctx: SiftContext = { sifted: [], limited: [], lastNode, lastAt: matchLast, limits: [] };
    sifter.siftBackward(sctx);
    if (sctx.sifted[start] || sctx.limited[start]) {
      sifter.mergeStates(sctx.sifted, sctx.limited, matchLast);
      return { states: sctx.sifted, matchLast, lastNode };
    }
    do {
      if (--matchLast < start) return undefined;
    } while (!ctx.log[matchLast]?.halt);
    lastNode = ctx.haltNode(ctx.log[matchLast]!, matchLast);
  }
}

/** A sift in progress: the position it has come back to. */
interface SiftFrame {
  kind: 'sift';
  sctx: SiftContext;
  idx: number;
  /** Positions in a row left with nothing. */
  misses: number;
}

/** The references at a position, their entries being tried in turn. */
interface RefsFrame {
  kind: 'refs';
  sctx: SiftContext;
  idx: number;
  candidates: NodeSet;
  first: number;
  /** The candidate node being tried, and its next entry (-1: not started). */
  next: number;
  entry: number;
  /** The context of the sifts started here, the limit of the one running, what it replaced. */
  local?: SiftContext;
  limit: number;
  kept?: DfaState | null | undefined;
}

type Frame = SiftFrame | RefsFrame;

/**
 * How many sifts may be nested. gnulib nests them on the C stack; with GNU m4's 8 MB it gets
 * about this deep (`regexp` of 19,400 a's and \(a\)\1* overflows, 19,375 does not).
 */
const MAX_NESTED_SIFTS = 19_400;

/** How long a chain of empty references the boundary check follows (more: it went round). */
const MAX_REFERENCE_CHAIN = 2_000;

class Sifter {
  private nesting = 0;
  private readonly m: Machine;
  private readonly inverse: NodeSet[];

  constructor(private readonly ctx: MatchContext) {
    this.m = ctx.m;
    this.inverse = inverseClosuresOf(ctx.m);
  }

  private get entries(): BackRefEntry[] {
    return this.ctx.entries;
  }

  /**
   * gnulib's sift_states_backward. gnulib recurses (a reference's limited sift runs inside the
   * sift that found it, and may find more); here the pending sifts are frames on a stack, so
   * that the depth is gnulib's, not JavaScript's. Deeper than gnulib's C stack allows, GNU m4
   * dies with "stack overflow", and so do we (see MAX_NESTED_SIFTS).
   */
  siftBackward(sctx: SiftContext): void {
    const stack: Frame[] = [];
    this.beginSift(stack, sctx);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.kind === 'sift') {
        if (!this.stepSift(stack, frame)) this.finishSift(stack);
      } else if (!this.nextLimitedSift(stack, frame)) {
        stack.pop();
      }
    }
  }

  private beginSift(stack: Frame[], sctx: SiftContext): void {
    if (++this.nesting > MAX_NESTED_SIFTS) throw new RangeError('Maximum call stack size exceeded');
    const frame: SiftFrame = { kind: 'sift', sctx, idx: sctx.lastAt, misses: 0 };
    stack.push(frame);
    this.updateSifted(stack, frame, [sctx.lastNode]);
  }

  /** One position further back; false when the sift is over. */
  private stepSift(stack: Frame[], frame: SiftFrame): boolean {
    const { log, start } = this.ctx;
    const sctx = frame.sctx;
    if (frame.idx <= start) return false;
    frame.misses = sctx.sifted[frame.idx] ? 0 : frame.misses + 1;
    if (frame.misses > this.ctx.maxStep) {
      for (let p = start; p < frame.idx; p++) sctx.sifted[p] = null;
      return false;
    }
    const dest: NodeSet = [];
    const idx = --frame.idx;
    if (log[idx]) this.buildSifted(sctx, idx, dest);
    this.updateSifted(stack, frame, dest);
    return true;
  }

  /** A sift is over: the limited sift that started it takes its result. */
  private finishSift(stack: Frame[]): void {
    stack.pop();
    this.nesting--;
    const parent = stack[stack.length - 1];
    if (parent === undefined || parent.kind !== 'refs' || parent.local === undefined) return;
    const { local, idx } = parent;
    this.mergeStates(parent.sctx.limited, local.sifted, idx);
    local.sifted[idx] = parent.kept;
    const at = indexIn(local.limits, parent.limit);
    if (at >= 0) local.limits.splice(at, 1);
  }

  /** gnulib's build_sifted_states: consuming nodes at idx whose step lands on a sifted node. */
  private buildSifted(sctx: SiftContext, idx: number, dest: NodeSet): void {
    const m = this.m;
    const program = m.program.nodes;
    for (const node of this.ctx.log[idx]!.nonEpsilon) {
      let length = 0;
      if (this.ctx.table.acceptsMultibyte(node)) {
        const n = m.accept(node, idx, false);
        length = n > 1 ? n : 0;
        if (
          length > 0 &&
          idx + length <= sctx.lastAt &&
          !sifts(sctx.sifted[idx + length], program[node].next)
        )
          length = 0;
      }
      if (length === 0 && acceptsOneByte(m, node, idx) && sifts(sctx.sifted[idx + 1], program[node].next))
        length = 1;
      if (length === 0) continue;
      if (
        sctx.limits.length > 0 &&
        this.crossesLimits(sctx.limits, program[node].next, idx + length, node, idx)
      )
        continue;
      insert(dest, node);
    }
  }

  /** gnulib's update_cur_sifted_state: the frame's position, then its references' sifts. */
  private updateSifted(stack: Frame[], frame: SiftFrame, dest: NodeSet): void {
    const { sctx, idx } = frame;
    const logged = this.ctx.log[idx];
    const candidates = logged ? logged.nodes : undefined;
    if (dest.length === 0) {
      sctx.sifted[idx] = null;
    } else {
      if (candidates) {
        this.addEpsilonSources(dest, candidates);
        if (sctx.limits.length > 0) this.applyLimits(dest, candidates, sctx.limits, idx);
      }
      sctx.sifted[idx] = this.ctx.table.acquire(dest);
    }
    if (!candidates || !logged!.hasBackRef) return;
    const first = this.ctx.firstEntry(idx);
    if (first >= 0) stack.push({ kind: 'refs', sctx, idx, candidates, first, next: 0, entry: -1, limit: -1 });
  }

  /** gnulib's add_epsilon_src_nodes: candidates whose closure reaches the kept nodes join. */
  private addEpsilonSources(dest: NodeSet, candidates: NodeSet): void {
    const state = this.ctx.table.acquire(dest)!;
    if (state.inverseClosure === undefined) {
      let inverse: NodeSet = [];
      for (const node of dest) inverse = union(inverse, this.inverse[node]);
      state.inverseClosure = inverse;
    }
    const inverse = state.inverseClosure;
    for (const node of candidates) if (has(inverse, node)) insert(dest, node);
  }

  /** gnulib's sub_epsilon_src_nodes: takes `node` and what leads only to it out of `dest`. */
  private removeSources(node: number, dest: NodeSet, candidates: NodeSet): void {
    const program = this.m.program.nodes;
    const inverse = this.inverse[node];
    let keep: NodeSet = [];
    for (const cur of inverse) {
      if (cur === node || !isEpsilon(program[cur].type)) continue;
      const [first, second = -1] = program[cur].edests;
      if (
        (!has(inverse, first) && has(dest, first)) ||
        (second > 0 && !has(inverse, second) && has(dest, second))
      ) {
        keep = union(
          keep,
          candidates.filter((c) => has(this.inverse[cur], c)),
        );
      }
    }
    for (const cur of inverse) {
      if (has(keep, cur)) continue;
      const at = indexIn(dest, cur);
      if (at >= 0) dest.splice(at, 1);
    }
  }

  /** gnulib's check_subexp_limits: nodes that would open or close a limited group elsewhere go. */
  private applyLimits(dest: NodeSet, candidates: NodeSet, limits: NodeSet, idx: number): void {
    const { nodes: program, eclosures } = this.m.program;
    for (const limit of limits) {
      const entry = this.entries[limit];
      if (idx <= entry.from || entry.at < idx) continue;
      const group = program[entry.node].group;
      if (entry.to === idx) {
        let open = -1;
        let close = -1;
        for (const node of dest) {
          const { type, group: g } = program[node];
          if (type === NodeType.Open && g === group) open = node;
          else if (type === NodeType.Close && g === group) close = node;
        }
        if (open >= 0) this.removeSources(open, dest, candidates);
        if (close >= 0) {
          for (let i = 0; i < dest.length; i++) {
            const node = dest[i];
            if (has(this.inverse[node], close) || has(eclosures[node], close)) continue;
            const before = dest.length;
            this.removeSources(node, dest, candidates);
            // gnulib looks at the same index again (it would loop for ever if nothing went).
            if (dest.length < before) i--;
          }
        }
      } else {
        for (let i = 0; i < dest.length; i++) {
          const { type, group: g } = program[dest[i]];
          if ((type === NodeType.Open || type === NodeType.Close) && g === group)
            this.removeSources(dest[i], dest, candidates);
        }
      }
    }
  }

  /** gnulib's check_dst_limits: does a step from src to dst enter or leave a limited group? */
  private crossesLimits(
    limits: NodeSet,
    dstNode: number,
    dstAt: number,
    srcNode: number,
    srcAt: number,
  ): boolean {
    const dstEntry = this.ctx.firstEntry(dstAt);
    const srcEntry = this.ctx.firstEntry(srcAt);
    for (const limit of limits) {
      const group = this.m.program.nodes[this.entries[limit].node].group;
      const dst = this.limitPosition(limit, group, dstNode, dstAt, dstEntry);
      const src = this.limitPosition(limit, group, srcNode, srcAt, srcEntry);
      if (src !== dst) return true;
    }
    return false;
  }

  /** gnulib's check_dst_limits_calc_pos: before (-1), inside (0) or after (1) the limit's group. */
  private limitPosition(limit: number, group: number, node: number, at: number, firstEntry: number): number {
    const entry = this.entries[limit];
    if (at < entry.from) return -1;
    if (entry.to < at) return 1;
    const boundaries = (at === entry.from ? 1 : 0) | (at === entry.to ? 2 : 0);
    if (boundaries === 0) return 0;
    return this.boundaryPosition(boundaries, group, node, firstEntry);
  }

  /**
   * gnulib's check_dst_limits_calc_pos_1: on a boundary, the node's closure decides. Empty
   * references whose closures lead to each other make gnulib recurse until its stack runs out.
   */
  private boundaryPosition(
    boundaries: number,
    group: number,
    from: number,
    firstEntry: number,
    depth = 0,
  ): number {
    if (depth > MAX_REFERENCE_CHAIN) throw new RangeError('Maximum call stack size exceeded');
    const { nodes: program, eclosures } = this.m.program;
    for (const node of eclosures[from]) {
      const { type, group: g } = program[node];
      if (type === NodeType.BackRef) {
        if (firstEntry < 0) continue;
        for (let k = firstEntry; ; k++) {
          const entry = this.entries[k];
          if (entry.node === node && !(group < 31 && (entry.reachable & (1 << group)) === 0)) {
            const dst = program[node].edests[0];
            if (dst === from) return boundaries & 1 ? -1 : 0;
            const position = this.boundaryPosition(boundaries, group, dst, firstEntry, depth + 1);
            if (position === -1) return -1;
            if (position === 0 && boundaries & 2) return 0;
            if (group < 31) entry.reachable &= ~(1 << group);
          }
          if (!entry.more) break;
        }
      } else if (type === NodeType.Open) {
        if (boundaries & 1 && g === group) return -1;
      } else if (type === NodeType.Close) {
        if (boundaries & 2 && g === group) return 0;
      }
    }
    return boundaries & 2 ? 1 : 0;
  }

  /**
   * gnulib's sift_states_bkref, one step: the next usable entry of a reference at the frame's
   * position starts a sift from the reference under that entry's limit (false: none is left).
   */
  private nextLimitedSift(stack: Frame[], frame: RefsFrame): boolean {
    const program = this.m.program.nodes;
    const { sctx, idx, candidates } = frame;
    for (;;) {
      if (frame.next >= candidates.length) return false;
      const node = candidates[frame.next];
      if (frame.entry < 0) {
        if ((node === sctx.lastNode && idx === sctx.lastAt) || program[node].type !== NodeType.BackRef) {
          frame.next++;
          continue;
        }
        frame.entry = frame.first;
      }
      const k = frame.entry;
      const entry = this.entries[k];
      if (entry.more) {
        frame.entry++;
      } else {
        frame.entry = -1;
        frame.next++;
      }
      if (entry.node !== node) continue;
      const to = idx + entry.to - entry.from;
      const target = entry.to > entry.from ? program[node].next : program[node].edests[0];
      if (
        to > sctx.lastAt ||
        !sifts(sctx.sifted[to], target) ||
        this.crossesLimits(sctx.limits, node, idx, target, to)
      )
        continue;
      const local = (frame.local ??= { ...sctx, limits: sctx.limits.slice() });
      local.lastNode = node;
      local.lastAt = idx;
      insert(local.limits, k);
      frame.limit = k;
      frame.kept = local.sifted[idx];
      this.beginSift(stack, local);
      return true;
    }
  }

  /** gnulib's merge_state_array: dst takes the union with src at each position up to `last`. */
  mergeStates(dst: StateArray, src: StateArray, last: number): void {
    for (let p = this.ctx.start; p <= last; p++) {
      const a = dst[p];
      const b = src[p];
      if (!a) dst[p] = b;
      else if (b) dst[p] = this.ctx.table.acquire(union(a.nodes, b.nodes));
    }
  }
}

function sifts(state: DfaState | null | undefined, node: number): boolean {
  return state != null && has(state.nodes, node);
}
