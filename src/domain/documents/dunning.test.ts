import { describe, expect, it } from "vitest"

import { Invoice } from "./document.schema"
import { earlierReminderDays, nextReminder, reminderOffers, skippedLevels, type DunningLevel } from "./dunning"
import { reminderEntries, withReminder } from "./flow"

const TODAY = "2026-12-02"
const invoice = (dueDate: string, reminders: { level: DunningLevel; at: string }[] = []) => ({ dueDate, remainingCents: 1_000, reminders })
/** Due on 18 January 2026: 318 days late on 2 December. */
const DUE_318_DAYS_AGO = "2026-01-18"

describe("the reminder an overdue invoice's lateness calls for", () => {
  it("offers the formal notice at once to an invoice 318 days late that had no reminder", () => {
    const step = nextReminder(invoice(DUE_318_DAYS_AGO), TODAY)
    expect(step).toEqual({ due: "friendly", reached: "formal-notice", daysOverdue: 318, direct: "formal-notice", skips: ["friendly", "firm"] })
  })

  it("still offers the friendly reminder in order beside it: the agent chooses, never the list silently", () => {
    expect(reminderOffers(nextReminder(invoice(DUE_318_DAYS_AGO), TODAY))).toEqual([
      { level: "friendly", skips: [] },
      { level: "formal-notice", skips: ["friendly", "firm"] }
    ])
  })

  it("offers the formal notice at once, skipping only the firm reminder, to an invoice 40 days late whose friendly reminder was sent", () => {
    expect(nextReminder(invoice("2026-10-23", [{ level: "friendly", at: "2026-11-01" }]), TODAY)).toMatchObject({ due: "firm", direct: "formal-notice", skips: ["firm"] })
  })

  it("offers the firm reminder at once to an invoice 20 days late that had none", () => {
    expect(nextReminder(invoice("2026-11-12"), TODAY)).toMatchObject({ due: "friendly", reached: "firm", direct: "firm", skips: ["friendly"] })
  })

  it("offers nothing to send at once when the next level in order is the one reached", () => {
    expect(nextReminder(invoice("2026-11-12", [{ level: "friendly", at: "2026-11-20" }]), TODAY)).toMatchObject({ due: "firm", direct: null, skips: [] })
    expect(reminderOffers(nextReminder(invoice("2026-11-25"), TODAY))).toEqual([{ level: "friendly", skips: [] }])
  })

  it("never goes back to a level below one sent: after a formal notice sent at once, nothing is due", () => {
    expect(nextReminder(invoice(DUE_318_DAYS_AGO, [{ level: "formal-notice", at: "2026-12-02" }]), TODAY)).toMatchObject({ due: null, direct: null, skips: [] })
  })

  it("after a firm reminder sent at once, the next one is the formal notice, not the friendly reminder it skipped", () => {
    expect(nextReminder(invoice("2026-10-23", [{ level: "firm", at: "2026-11-01" }]), TODAY)).toMatchObject({ due: "formal-notice", direct: null })
  })
})

describe("the levels a reminder skipped, as the invoice's history records them", () => {
  it("reads from the order reminders were logged which levels each one skipped", () => {
    expect(skippedLevels([{ level: "formal-notice" }])).toEqual([["friendly", "firm"]])
    expect(skippedLevels([{ level: "friendly" }, { level: "formal-notice" }])).toEqual([[], ["firm"]])
    expect(skippedLevels([{ level: "firm" }, { level: "formal-notice" }])).toEqual([["friendly"], []])
    expect(skippedLevels([{ level: "friendly" }, { level: "firm" }, { level: "formal-notice" }])).toEqual([[], [], []])
  })

  it("shows on the invoice that its formal notice went 318 days late without the friendly and firm reminders", () => {
    const issued = Invoice.parse({
      id: "i1",
      type: "invoice",
      status: "issued",
      customerId: "c1",
      language: "fr",
      number: "FAC-2026-00001",
      date: "2025-12-19",
      dueDate: DUE_318_DAYS_AGO,
      paymentTerms: { kind: "net", days: 30 },
      lines: [{ id: "l", label: "Gants", quantityMilli: 1000, unitPriceCents: 10_000, discountBp: 0, vatRateBp: 2000 }],
      totalExclVatCents: 10_000,
      totalVatCents: 2000,
      totalInclVatCents: 12_000,
      history: [{ status: "issued", at: Date.parse("2025-12-19T09:00:00Z"), by: "a@x" }],
      createdAt: 1,
      updatedAt: 1
    })
    const sent = withReminder(issued, "formal-notice", "agent1@x", Date.parse("2026-12-02T10:00:00Z"))
    expect(sent.ok && reminderEntries(sent.value)).toEqual([null, { level: "formal-notice", daysOverdue: 318, skipped: ["friendly", "firm"] }])
  })
})

describe("the earlier reminders a reminder mail cites", () => {
  // The walk of 7 Dec (branch walk14): Vergers Baudry-Le Goff's FAC-2026-00095, its firm reminder sent on 1 Dec,
  // prepared again on 7 Dec said only « Malgré notre rappel du 22 novembre 2026 »; a second formal notice cited no
  // first one.
  const sent: { level: DunningLevel; at: string }[] = [
    { level: "firm", at: "2026-12-01" },
    { level: "friendly", at: "2026-11-22" }
  ]

  it("cites a reminder of the same level sent on an earlier day, with the lower ones, oldest first", () => {
    expect(earlierReminderDays(sent, "firm", "2026-12-07")).toEqual(["2026-11-22", "2026-12-01"])
    expect(earlierReminderDays([...sent, { level: "formal-notice", at: "2026-12-03" }], "formal-notice", "2026-12-07")).toEqual(["2026-11-22", "2026-12-01", "2026-12-03"])
  })

  it("does not cite one of its own level logged today: that is this mail, prepared again", () => {
    expect(earlierReminderDays(sent, "firm", "2026-12-01")).toEqual(["2026-11-22"])
  })

  it("never cites a higher level", () => {
    expect(earlierReminderDays([{ level: "firm", at: "2026-12-01" }], "friendly", "2026-12-07")).toEqual([])
  })
})
