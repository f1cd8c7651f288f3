import type { OutcomeDraft } from "./outcome-draft"

/** One line of the "to log" list: the newest call to a number, with the earlier unlogged calls to it folded in. */
export interface ToLogLine {
  draft: OutcomeDraft
  /** Earlier calls to the same number, not logged yet, newest first: saved or discarded with the line. */
  folded: OutcomeDraft[]
  /** Calls on this line (1 + folded). */
  count: number
}

/** The number as dialled or shown, down to "+" and digits: "+33 6 12…" and "+336 12…" are one number. */
const numberKey = (n: string): string => n.replace(/[^\d+]/g, "")

/**
 * The "to log" list, newest first: three tries to reach the same customer are one thing to log, not three
 * lines. An earlier unlogged call to the same number folds into the newest one's line ("2 calls"), unless
 * the agent already typed in its form (what they wrote keeps its own line); calls logged by hand and
 * corrections (no call number) keep a line each.
 */
export function toLogLines(drafts: readonly OutcomeDraft[]): ToLogLine[] {
  const newestFirst = [...drafts].sort((a, b) => (b.summary?.startedAt ?? b.createdAt) - (a.summary?.startedAt ?? a.createdAt))
  const lines: ToLogLine[] = []
  const byNumber = new Map<string, ToLogLine>()
  for (const d of newestFirst) {
    const key = d.summary && numberKey(d.summary.number) !== "" ? numberKey(d.summary.number) : null
    const head = key === null ? undefined : byNumber.get(key)
    if (head && !typedIn(d)) {
      head.folded.push(d)
      head.count += 1
      continue
    }
    const line: ToLogLine = { draft: d, folded: [], count: 1 }
    lines.push(line)
    if (key !== null && !head) byNumber.set(key, line)
  }
  return lines
}

/** The agent wrote something in this call's form (an outcome or notes): it is not an unanswered try any more. */
function typedIn(d: OutcomeDraft): boolean {
  const v = d.values
  if (!v) return false
  return (typeof v.outcome === "string" && v.outcome !== "") || (typeof v.notes === "string" && v.notes.trim() !== "")
}
