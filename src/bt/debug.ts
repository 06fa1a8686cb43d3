// sendmail's debug flags (-d on the command line, -d in test mode): a vector of 100 category
// levels set by "category[-last][.level]" items, plus named settings ("pattern.level") that
// sendmail's library objects look up by name (test mode only reads "ANSI"). An empty spec
// means sendmail's default set.

/** sendmail's trace vector has 100 categories; bigger numbers clamp to the last one. */
export const DEBUG_CATEGORIES = 100;

/** What `-d` with no argument turns on. */
export const DEFAULT_DEBUG_SPEC = '0-99.1,*_trace_*.1';

export interface NamedDebugSetting {
  pattern: string;
  level: number;
}

export class DebugLevels {
  private readonly levels = new Uint8Array(DEBUG_CATEGORIES);
  readonly named: NamedDebugSetting[] = [];

  /** sendmail's tTd(category, level): is the category at least at this level? */
  on(category: number, level = 1): boolean {
    return (this.levels[category] ?? 0) >= (level & 0xff);
  }

  level(category: number): number {
    return this.levels[category] ?? 0;
  }

  /**
   * The level of a named debug object (sm_debug_loadlevel): the most recent setting whose
   * pattern matches the name decides, 0 when none does.
   */
  namedLevel(name: string): number {
    for (let i = this.named.length - 1; i >= 0; i--)
      if (sendmailGlobMatch(name, this.named[i].pattern)) return this.named[i].level;
    return 0;
  }

  /** True when no category is set at all (the common case: skip every debug check). */
  quiet(): boolean {
    return this.levels.every((l) => l === 0);
  }

  /** Applies a debug specification exactly as sendmail's tTflag reads it. */
  apply(spec: string): void {
    const s = spec === '' ? DEFAULT_DEBUG_SPEC : spec;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === ',' || c === ' ' || c === '\t') i++;
      else if (isDigit(c)) i = this.numbered(s, i);
      else i = this.namedSetting(s, i);
    }
  }

  /** "first[-last][.level]": categories by number. */
  private numbered(s: string, start: number): number {
    let i = start;
    const readBound = (): number => {
      let n = 0;
      while (i < s.length && isDigit(s[i]) && n < DEBUG_CATEGORIES) n = n * 10 + digit(s[i++]);
      // the rest of a too-large number is skipped
      while (i < s.length && isDigit(s[i]) && n >= DEBUG_CATEGORIES) i++;
      return n;
    };
    let first = readBound();
    let last = first;
    if (s[i] === '-') {
      i++;
      last = readBound();
    }
    let level = 1;
    if (s[i] === '.') {
      i++;
      level = 0;
      while (i < s.length && isDigit(s[i])) level = (level * 10 + digit(s[i++])) >>> 0;
    }
    first = Math.min(first, DEBUG_CATEGORIES - 1);
    last = Math.min(last, DEBUG_CATEGORIES - 1);
    for (let c = first; c <= last; c++) this.levels[c] = level & 0xff;
    return skipJunk(s, i);
  }

  /** "pattern[.level]": a named setting (sendmail's library debug categories). */
  private namedSetting(s: string, start: number): number {
    let i = start;
    while (i < s.length && !',. \t'.includes(s[i])) i++;
    const pattern = s.slice(start, i);
    let level = 1;
    if (s[i] === '.') {
      i++;
      level = 0;
      // a C int: it wraps, and a negative result counts as 0
      while (i < s.length && isDigit(s[i])) level = (Math.imul(level, 10) + digit(s[i++])) | 0;
      if (level < 0) level = 0;
    }
    this.named.push({ pattern, level });
    return skipJunk(s, i);
  }
}

function isDigit(c: string | undefined): c is string {
  return c !== undefined && c >= '0' && c <= '9';
}

function digit(c: string): number {
  return c.charCodeAt(0) - 0x30;
}

/** Skips to the next separator, as sendmail does after each item. */
function skipJunk(s: string, i: number): number {
  while (i < s.length && !', \t'.includes(s[i])) i++;
  return i;
}

/** A byte as C's (signed) char, which sendmail's glob ranges compare. */
function signedChar(text: string, at: number): number {
  return at < text.length ? (text.charCodeAt(at) << 24) >> 24 : 0;
}

/**
 * sendmail's sm_match(str, pat): a shell glob with `?`, `*` and `[...]`/`[!...]` (an unclosed
 * bracket is literal). Its `*` tries the rest with the two arguments the other way round —
 * the rest of the pattern as the text, the rest of the text as the pattern — so `*SI` matches
 * "ANSI" but `*N*` does not; we keep that, as it decides which settings apply.
 */
export function sendmailGlobMatch(str: string, pat: string): boolean {
  let s = 0;
  let p = 0;
  for (;;) {
    const pc = p < pat.length ? pat[p] : '';
    if (pc === '') return s >= str.length;
    if (pc === '?') {
      if (s >= str.length) return false;
      p++;
      s++;
      continue;
    }
    if (pc === '*') {
      p++;
      if (p >= pat.length) return true;
      for (;;) {
        if (sendmailGlobMatch(pat.slice(p), str.slice(s))) return true;
        if (s >= str.length) return false;
        s++;
      }
    }
    if (pc === '[') {
      const verdict = bracketMatch(str, s, pat, p);
      if (verdict === 'literal') {
        if (str[s] !== '[') return false;
        p++;
        s++;
        continue;
      }
      if (!verdict.matched) return false;
      p = verdict.next;
      s++;
      continue;
    }
    if (s >= str.length || pc !== str[s]) return false;
    p++;
    s++;
  }
}

/** A bracket expression at pat[open] against str[s]: matched and where the pattern goes on. */
function bracketMatch(
  str: string,
  s: number,
  pat: string,
  open: number,
): { matched: boolean; next: number } | 'literal' {
  let p = open + 1;
  const negated = pat[p] === '!';
  if (negated) p++;
  const ch = signedChar(str, s);
  let matched = false;
  let first = true;
  for (;;) {
    if (p >= pat.length) return 'literal';
    if (pat[p] === ']' && !first) break;
    const low = signedChar(pat, p++);
    first = false;
    if (pat[p] === '-' && pat[p + 1] !== ']') {
      p++;
      if (p >= pat.length) return 'literal';
      const high = signedChar(pat, p++);
      if (ch >= low && ch <= high) matched = true;
    } else if (ch === low) matched = true;
  }
  return { matched: matched !== negated, next: p + 1 };
}
