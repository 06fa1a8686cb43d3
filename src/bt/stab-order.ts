// The order in which sendmail lists a class ($=X in test mode): it walks its symbol table, a
// hash table of 2003 buckets, bucket by bucket; inside a bucket, entries stay in the order they
// were entered. A class member is one symbol (type ST_CLASS) shared by every class that holds
// the name, so the order depends on when the name first entered any class.

const STAB_SIZE = 2003;
/** sendmail's symbol type for class members; it seeds the hash. */
export const ST_CLASS = 1;

/** sendmail's symbol-table hash of a name (ASCII letters folded to lower case). */
export function stabBucket(name: string, type = ST_CLASS): number {
  let h = type;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i) & 0xff;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = ((h << 1) ^ c) % STAB_SIZE;
  }
  return h;
}

/**
 * Sorts names into symbol-table order. `names` must be in first-insertion order (the order in
 * which each name first entered any class); the sort is stable, so that order is kept inside
 * a bucket.
 */
export function stabOrder<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, bucket: stabBucket(nameOf(item)) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((x) => x.item);
}
