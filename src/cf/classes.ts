// Classes ($=X) as sendmail keeps them: one symbol-table entry per word (case-insensitive, ASCII
// folding), each with the set of class ids it belongs to. Listing a class ($=X in test mode)
// walks sendmail's hash table, so members come out in bucket order; we keep what is needed to
// reproduce that order.
import { asciiLower } from '../sendmail/ctype.js';

const STABSIZE = 2003;
const ST_CLASS = 1;

interface ClassWord {
  /** The word as first entered (sendmail prints this spelling). */
  name: string;
  classes: Set<number>;
  bucket: number;
  seq: number;
}

/** sendmail's symbol-table hash of a name for an entry type. */
export function stabHash(name: string, type: number): number {
  let h = type;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    h = ((h << 1) ^ c) % STABSIZE;
  }
  return h;
}

export class ClassTable {
  private words = new Map<string, ClassWord>();
  private seq = 0;
  /** Per class: its members lower-cased and sorted, built on demand (for prefix searches). */
  private sortedCache = new Map<number, { version: number; keys: string[] }>();
  /** Bumped on every change, so cached views know when to rebuild. */
  version = 0;

  /** Adds a word to a class (sendmail's setclass for a plain word). */
  add(classId: number, word: string): void {
    const key = asciiLower(word);
    let entry = this.words.get(key);
    if (!entry) {
      entry = { name: word, classes: new Set(), bucket: stabHash(word, ST_CLASS), seq: this.seq++ };
      this.words.set(key, entry);
    }
    if (!entry.classes.has(classId)) {
      entry.classes.add(classId);
      this.version++;
    }
  }

  /** Removes a word from a class. */
  remove(classId: number, word: string): void {
    const entry = this.words.get(asciiLower(word));
    if (entry?.classes.delete(classId)) this.version++;
  }

  /** Every member of `from` also becomes a member of `to` (sendmail's copy_class). */
  copy(from: number, to: number): void {
    for (const entry of this.words.values()) {
      if (entry.classes.has(from) && !entry.classes.has(to)) {
        entry.classes.add(to);
        this.version++;
      }
    }
  }

  /** sendmail's wordinclass. */
  has(classId: number, word: string): boolean {
    const entry = this.words.get(asciiLower(word));
    return entry !== undefined && entry.classes.has(classId);
  }

  /** Does some member of the class start with `prefix` (already lower-cased)? */
  hasMemberStartingWith(classId: number, prefix: string): boolean {
    let cached = this.sortedCache.get(classId);
    if (!cached || cached.version !== this.version) {
      const keys: string[] = [];
      for (const [key, e] of this.words) if (e.classes.has(classId)) keys.push(key);
      keys.sort();
      cached = { version: this.version, keys };
      this.sortedCache.set(classId, cached);
    }
    const keys = cached.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo].startsWith(prefix);
  }

  /** The members of a class in the order sendmail lists them. */
  members(classId: number): string[] {
    return [...this.words.values()]
      .filter((e) => e.classes.has(classId))
      .sort((a, b) => a.bucket - b.bucket || a.seq - b.seq)
      .map((e) => e.name);
  }

  /** Every class word (spelled as first entered) in first-insertion order, with its classes. */
  entries(): { name: string; classes: ReadonlySet<number> }[] {
    return [...this.words.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ name: e.name, classes: e.classes }));
  }

  /** Ids of all classes that have at least one member. */
  classIds(): number[] {
    const ids = new Set<number>();
    for (const e of this.words.values()) for (const id of e.classes) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }
}
