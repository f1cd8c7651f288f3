/**
 * How customers are laid out in IndexedDB (see src/db/README.md): packed in a fixed number of segments
 * chosen by id, and found through a fixed number of lookup buckets chosen by key. Pure, so the layout is
 * tested here and identical in every context that opens the database.
 */
export const SEGMENT_COUNT = 1024
export const BUCKET_COUNT = 1024

/** FNV-1a, 32 bits: cheap, stable across engines, well spread on short ASCII keys. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export const segmentOf = (customerId: string): number => fnv1a(customerId) % SEGMENT_COUNT
export const bucketOf = (lookupKey: string): number => fnv1a(lookupKey) % BUCKET_COUNT

/** A bucket: lookup key → ids of the customers holding it (several customers may share a number). */
export type BucketEntries = Record<string, string[]>

export interface KeyChange {
  key: string
  customerId: string
  op: "add" | "remove"
}

/** The key changes that turn `before` keys into `after` keys for one customer. */
export function keyChanges(customerId: string, before: readonly string[], after: readonly string[]): KeyChange[] {
  const was = new Set(before)
  const now = new Set(after)
  const changes: KeyChange[] = []
  for (const key of was) if (!now.has(key)) changes.push({ key, customerId, op: "remove" })
  for (const key of now) if (!was.has(key)) changes.push({ key, customerId, op: "add" })
  return changes
}

/** Applies changes to a bucket in place; an id is listed once per key, and empty keys disappear. */
export function applyToBucket(entries: BucketEntries, changes: readonly KeyChange[]): void {
  for (const c of changes) {
    const ids = entries[c.key]
    if (c.op === "add") {
      if (!ids) entries[c.key] = [c.customerId]
      else if (!ids.includes(c.customerId)) ids.push(c.customerId)
    } else if (ids) {
      const rest = ids.filter((id) => id !== c.customerId)
      if (rest.length > 0) entries[c.key] = rest
      else delete entries[c.key]
    }
  }
}
