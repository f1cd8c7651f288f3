import { describe, expect, it } from "vitest"

import { after, DAY, FRI, itChecksDeliveryDays, MON, next, nextWeeks, numberOf, on, readLabelledMails, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The former twenty-fifth held-out part (h25-* in tuned/ since tune25; held-out-25/ until then), written blind after
 * the extractor: food and land beyond the farm
 * (a fish auction and a fish market, a lobster pound, a salmon farm, fish plants, a trout farm, a flour mill, an olive
 * mill, a Champagne house's cellars, a honey co-operative, a snail farm at a Christmas market, a stud farm, market
 * traders, a butcher's, a vet clinic; Réunion and Martinique growers in their own time zones; Canadian, New Zealand,
 * South African and Indian English). Its labels are checked against the catalog and customers with every other
 * part's in orders-corpus-labels.test.ts (which reads tuned/); here what this set is said to hold, and each delivery
 * date counted again from its mail's Date header by the words the mail uses. Nothing here runs the extractor (the
 * corpus test does, on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h25-")
const number = numberOf

/** "jeudi en huit", "Tuesday week", "the Tuesday after next": the first such weekday after the mail's day, a week on. */
const weekAfterNext = (weekday: number) => (sent: number) => next(weekday)(sent) + 7 * DAY
const SAT = 6

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h25-01": { words: "pour le mardi 8 décembre au plus tard", day: on("2026-12-08", TUE) },
  "h25-02": { words: "pr vendredi (from a Tuesday)", day: next(FRI) },
  "h25-03": { words: "jeudi en huit au plus tard (from a Wednesday, Réunion's own day)", day: weekAfterNext(THU) },
  "h25-04": { words: "Date de livraison souhaitée : 14/12/2026 (a PDF)", day: on("2026-12-14", MON) },
  "h25-05": { words: "Date livraison;11/12/2026 (a .csv)", day: on("2026-12-11", FRI) },
  "h25-06": { words: "Pour mardi prochain (from a Thursday), not the quoted confirmation's 3 November", day: next(TUE) },
  "h25-07": { words: "en fin de semaine prochaine (from a Monday)", day: nextWeeks(FRI) },
  "h25-08": { words: "jeudi en huit (from a Friday)", day: weekAfterNext(THU) },
  "h25-09": { words: "avant le 10", day: on("2026-12-10", THU) },
  "h25-10": { words: "le samedi 12 décembre au matin", day: on("2026-12-12", SAT) },
  "h25-11": { words: "d'ici la fin de la semaine prochaine (from a Wednesday)", day: nextWeeks(FRI) },
  "h25-12": { words: "le lundi 14 décembre", day: on("2026-12-14", MON) },
  "h25-13": { words: "le lundi 7 décembre au moulin", day: on("2026-12-07", MON) },
  "h25-14": { words: "pour demain si possible", day: after(1) },
  "h25-15": { words: "mercredi (from a Sunday)", day: next(WED) },
  "h25-23": { words: "by end of next week (from a Tuesday)", day: nextWeeks(FRI) },
  "h25-24": { words: "Required Date: 2026-12-09 (a PDF)", day: on("2026-12-09", WED) },
  "h25-25": { words: "for Tuesday week (from a Monday, New Zealand's own day)", day: weekAfterNext(TUE) },
  "h25-26": { words: "before the 14th", day: on("2026-12-14", MON) },
  "h25-27": { words: "by 2026/12/10 at the latest", day: on("2026-12-10", THU) },
  "h25-28": { words: "Delivery Date,2026/12/09 (a .csv)", day: on("2026-12-09", WED) },
  "h25-29": { words: "by 10th December positively", day: on("2026-12-10", THU) },
  "h25-30": { words: "the Tuesday after next (from a Thursday)", day: weekAfterNext(TUE) },
  "h25-31": { words: "Thursday 10th", day: on("2026-12-10", THU) },
  "h25-32": { words: "by the end of next week (from a Tuesday)", day: nextWeeks(FRI) },
  "h25-33": { words: "Monday 7th please", day: on("2026-12-07", MON) },
  "h25-35": { words: "for Monday coming (from a Thursday, Newfoundland's own day)", day: next(MON) }
}

describe("the former twenty-fifth held-out part (h25-* in tuned/), written blind after the extractor and now tuning material", () => {
  it("holds 40 mails, 22 French (01–22) and 18 English (23–40), 12 of them not orders, its 28 orders 110 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => number(m.name) >= 23)).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([16, 17, 18, 19, 20, 21, 22, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(110)
  })

  it("attaches a Martinique grower's French and a cider maker's English PDF orders, a Champagne house's windows-1252 .csv and a packhouse's UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h25-04-habitation-martinique-bc-pdf-le-havre", "h25-24-niagara-cider-po-pdf-packing-barn"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h25-05-champagne-caves-csv-reims"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h25-28-citrus-packhouse-csv-po"])
  })

  it("sends four mails as HTML only: a honey co-operative's table, a wine cellar's table and two bulletins", () => {
    const htmlOnly = mails.filter((m) => !/Content-Type: text\/plain/.test(m.eml)).map((m) => number(m.name))
    expect(htmlOnly).toEqual([12, 20, 27, 40])
  })

  it("marks the two bulletins and the two out-of-office replies as automatic, and none of the orders", () => {
    const automatic = mails.filter((m) => /^(List-Unsubscribe|Auto-Submitted):/m.test(m.eml)).map((m) => number(m.name))
    expect(automatic).toEqual([19, 20, 36, 40])
  })

  it("writes the overseas and Commonwealth mails in their writers' own time zones", () => {
    const zone = (n: number) => /^Date: .* ([+-]\d{4})$/m.exec(mails.find((m) => number(m.name) === n)!.eml)![1]
    expect([3, 4, 23, 24, 25, 27, 29, 35].map(zone)).toEqual(["+0400", "-0400", "-0400", "-0500", "+1300", "+0200", "+0530", "-0330"])
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
