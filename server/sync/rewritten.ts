import type { MergeResult } from "../../src/domain/sync/merge"
import { canonical } from "../documents/issue"

/**
 * The server's rules stored the row otherwise than the merge of the device's change gave it (a date, a number):
 * the device does not hold it as kept, so the push's answer carries it (`rewritten`, `numbered`). Rules that keep
 * the row return the merge's own object, so the comparison runs only for the rows they rebuilt.
 */
export function rewrote(merged: MergeResult, result: MergeResult): boolean {
  if (merged.kind !== "write" || result.kind !== "write" || result === merged) return false
  return result.deleted !== merged.deleted || canonical(result.data) !== canonical(merged.data)
}
