import { describe, expect, it } from "vitest"

import { DAY, FRI, itChecksDeliveryDays, MON, next, nextWeeks, numberOf, on, readLabelledMails, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The former twenty-sixth held-out part (h26-* in tuned/ since tune26; held-out-26/ until then), written blind after
 * the extractor: the trades and the services of a
 * town (a plumber, an electrician, a roofer, funeral directors, a pharmacy, an optician, a laundrette, an ambulance
 * firm, a garage's workshop, a parish and a church, a football and a rugby club, a swimming pool, a town hall's
 * workshop, libraries, a dentist, a hairdresser's salons), written tersely, dictated in one line, very formally, by a
 * newcomer unsure of the names, or for two sites at once; US English (MM/DD dates, "P.O. #", "ship to") and Welsh
 * English, French from Brittany, Alsace and Corsica. Its labels are checked against the catalog and customers with
 * every other part's in orders-corpus-labels.test.ts (which reads tuned/); here what this set is said to hold, and each
 * delivery date counted again from its mail's Date header by the words the mail uses. Nothing here runs the extractor
 * (the corpus test does, on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h26-")
const number = numberOf
const SAT = 6

/** "jeudi en huit": the first Thursday after the mail's day, a week on. */
const weekAfterNext = (weekday: number) => (sent: number) => next(weekday)(sent) + 7 * DAY

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h26-01": { words: "pr jeudi (from a Monday)", day: next(THU) },
  "h26-02": { words: "pour mercredi prochain (from a Thursday)", day: next(WED) },
  "h26-03": { words: "A livrer avant le 9", day: on("2026-12-09", WED) },
  "h26-04": { words: "le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h26-05": { words: "pour vendredi si possible (from a Monday)", day: next(FRI) },
  "h26-06": { words: "La semaine prochaine, le mardi de préférence (from a Thursday)", day: nextWeeks(TUE) },
  "h26-08": { words: "Pour le vendredi 11 au plus tard", day: on("2026-12-11", FRI) },
  "h26-09": { words: "Pour lundi svp (from a Thursday)", day: next(MON) },
  "h26-10": { words: "le samedi 12 décembre dans la matinée", day: on("2026-12-12", SAT) },
  "h26-11": { words: "Pour le match de samedi (from a Tuesday)", day: next(SAT) },
  "h26-12": { words: "Livraison le 10/12", day: on("2026-12-10", THU) },
  "h26-13": { words: "le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h26-15": { words: "pour mardi (from a Friday)", day: next(TUE) },
  "h26-16": { words: "Jeudi en huit (from a Monday)", day: weekAfterNext(THU) },
  "h26-23": { words: "Need it by 12/08 (US month first)", day: on("2026-12-08", TUE) },
  "h26-25": { words: "on or before Friday, 11 December 2026", day: on("2026-12-11", FRI) },
  "h26-26": { words: "Thursday 10th would be ideal", day: on("2026-12-10", THU) },
  "h26-27": { words: "Required: 12/09/2026 (a PDF, US month first)", day: on("2026-12-09", WED) },
  "h26-28": { words: "by 12/11 (US month first)", day: on("2026-12-11", FRI) },
  "h26-29": { words: "by Monday (from a Wednesday)", day: next(MON) },
  "h26-30": { words: "for saturday the 12th", day: on("2026-12-12", SAT) },
  "h26-31": { words: "Delivery date 12/10 (US month first)", day: on("2026-12-10", THU) },
  "h26-32": { words: "Before the 9th", day: on("2026-12-09", WED) },
  "h26-33": { words: "Need By,12/07/2026 (a .csv, US month first)", day: on("2026-12-07", MON) },
  "h26-34": { words: "By Friday if poss (from a Monday)", day: next(FRI) }
}

describe("the former twenty-sixth held-out part (h26-* in tuned/), written blind after the extractor and now tuning material", () => {
  it("holds 40 mails, 22 French (01–22) and 18 English (23–40), 12 of them not orders, its 28 orders 91 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => number(m.name) >= 23)).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([17, 18, 19, 20, 21, 22, 35, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(91)
  })

  it("attaches an aquatic center's PDF purchase order and an ambulance service's UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h26-27-arizona-aquatic-center-pdf"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h26-33-vermont-ems-csv"])
  })

  it("sends only the chamber of trade's bulletin as HTML, and eleven phone notes and one-liners as plain text", () => {
    const htmlOnly = mails.filter((m) => !/Content-Type: text\/plain/.test(m.eml)).map((m) => number(m.name))
    expect(htmlOnly).toEqual([38])
    const plainOnly = mails.filter((m) => !/Content-Type: text\/html/.test(m.eml)).map((m) => number(m.name))
    expect(plainOnly).toEqual([1, 2, 7, 9, 15, 17, 19, 24, 30, 34, 35])
  })

  it("marks the bulletin and the two out-of-office replies as automatic, and none of the orders", () => {
    const automatic = mails.filter((m) => /^(List-Unsubscribe|Auto-Submitted):/m.test(m.eml)).map((m) => number(m.name))
    expect(automatic).toEqual([22, 37, 38])
  })

  it("writes the American mails in their writers' own time zones, and the Welsh ones in Greenwich time", () => {
    const zone = (n: number) => /^Date: .* ([+-]\d{4})$/m.exec(mails.find((m) => number(m.name) === n)!.eml)![1]
    expect([23, 24, 27, 28, 29, 31, 33].map(zone)).toEqual(["-0500", "-0700", "-0700", "-0600", "-0500", "-0800", "-0500"])
    expect([25, 26, 30, 32].map(zone)).toEqual(["+0000", "+0000", "+0000", "+0000"])
  })

  it("gives the order number of the accountant's mail from its subject alone", () => {
    const accountant = mails.find((m) => number(m.name) === 25)!
    const body = accountant.eml.split(/\r\n\r\n/).slice(1).join("\n")
    expect(accountant.expected.po_number).toBe("PP/0412")
    expect(body).not.toContain("PP/0412")
    expect(accountant.eml).toMatch(/^Subject: Purchase Order PP\/0412$/m)
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
