import { describe, expect, it } from "vitest"

import type { OutcomeDraft } from "./outcome-draft"
import { toLogLines } from "./to-log"

const T = Date.UTC(2026, 11, 3, 9, 0)
const draft = (id: string, number: string | null, minutesAgo: number, values: Record<string, unknown> | null = null): OutcomeDraft => ({
  id,
  context: { callId: number ? id : null, customer: null, measured: null, correctsId: null },
  values,
  summary: number === null ? null : { direction: "outbound", number, startedAt: T - minutesAgo * 60_000, contactId: null },
  createdAt: T - minutesAgo * 60_000,
  updatedAt: T - minutesAgo * 60_000
})

const shape = (lines: ReturnType<typeof toLogLines>) => lines.map((l) => ({ id: l.draft.id, folded: l.folded.map((f) => f.id), count: l.count }))

describe("the 'to log' list", () => {
  it("folds an earlier unlogged call to the same number into the later one's line", () => {
    const lines = toLogLines([draft("early", "+33612345678", 30), draft("late", "+33612345678", 5)])
    expect(shape(lines)).toEqual([{ id: "late", folded: ["early"], count: 2 }])
  })

  it("reads a number written with spaces as the same number", () => {
    const lines = toLogLines([draft("a", "+33 6 12 34 56 78", 30), draft("b", "+33612345678", 20), draft("c", "+33 612 345 678", 10)])
    expect(shape(lines)).toEqual([{ id: "c", folded: ["b", "a"], count: 3 }])
  })

  it("keeps one line per number, newest first", () => {
    const lines = toLogLines([draft("x1", "+33611111111", 40), draft("y1", "+33622222222", 30), draft("x2", "+33611111111", 20)])
    expect(shape(lines)).toEqual([
      { id: "x2", folded: ["x1"], count: 2 },
      { id: "y1", folded: [], count: 1 }
    ])
  })

  it("keeps an earlier call the agent already typed notes or an outcome in on a line of its own", () => {
    const lines = toLogLines([draft("noted", "+33612345678", 30, { notes: "Asked for the price list", outcome: "" }), draft("chosen", "+33612345678", 20, { outcome: "busy", notes: "" }), draft("new", "+33612345678", 5)])
    expect(shape(lines)).toEqual([
      { id: "new", folded: [], count: 1 },
      { id: "chosen", folded: [], count: 1 },
      { id: "noted", folded: [], count: 1 }
    ])
  })

  it("folds an untouched earlier call even when the newest one has notes", () => {
    const lines = toLogLines([draft("try", "+33612345678", 30, { outcome: "", notes: "  " }), draft("reached", "+33612345678", 5, { outcome: "order-taken", notes: "" })])
    expect(shape(lines)).toEqual([{ id: "reached", folded: ["try"], count: 2 }])
  })

  it("never folds calls logged by hand or corrections, which have no call number", () => {
    const lines = toLogLines([draft("manual:cu1", null, 30), draft("fix:l1", null, 20), draft("call", "+33612345678", 10)])
    expect(shape(lines)).toEqual([
      { id: "call", folded: [], count: 1 },
      { id: "fix:l1", folded: [], count: 1 },
      { id: "manual:cu1", folded: [], count: 1 }
    ])
  })
})
