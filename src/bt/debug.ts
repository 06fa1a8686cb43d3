// sendmail's debug flags (-d on the command line, -d in test mode): a vector of 100 category
// levels set by "category[-last][.level]" items, plus named settings ("name.level", used by
// sendmail's library) that we only record. An empty spec means sendmail's default set.

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
      while (i < s.length && isDigit(s[i])) level = level * 10 + digit(s[i++]);
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
