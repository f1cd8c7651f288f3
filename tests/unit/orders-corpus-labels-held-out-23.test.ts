import { describe, expect, it } from "vitest"

import { after, DAY, type DeliveryRules, FRI, MON, next, numberOf, on, itChecksDeliveryDays, readLabelledMails, THU, TUE, WED, withAttachment } from "./held-out-labels-kit"

/**
 * The former twenty-third held-out part (h23-* in tuned/ since tune23; held-out-23/ until then), written blind after
 * the extractor: the people who move people, goods,
 * animals and shows (removal firms, coach and taxi firms, an airport's ground handlers, a haulier's training yard; film
 * and TV shoots, wedding planners, a circus, a theatre and a touring company, an events agency's ice rinks; a zoo, a
 * wildlife park, a riding stables, a boarding kennel; a university lab, a driving school, a garden centre, a brewery).
 * Its labels are checked against the catalog and customers with every other part's in orders-corpus-labels.test.ts
 * (which reads tuned/); here what this set is said to hold, and each delivery date counted again from its mail's Date
 * header by the words the mail uses. Nothing here runs the extractor (the corpus test does, on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h23-")
const number = numberOf
const SAT = 6
/** "lundi en huit": the coming Monday's, a week later. */
const weekAfterNext = (weekday: number) => (sent: number) => next(weekday)(sent) + 7 * DAY

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h23-01": { words: "Pour lundi matin (sent on a Thursday)", day: next(MON) },
  "h23-02": { words: "Livraison mercredi 9 au plus tard (on part en extérieur à partir du jeudi 10)", day: on("2026-12-09", WED) },
  "h23-03": { words: "Livraison la veille, vendredi 11 décembre (the wedding is on Saturday 12)", day: on("2026-12-11", FRI) },
  "h23-04": { words: "livraison le mardi 15 au plus tard (la première est le samedi 19)", day: on("2026-12-15", TUE) },
  "h23-05": { words: "Date de livraison souhaitée : 10/12/2026 (in the PDF)", day: on("2026-12-10", THU) },
  "h23-06": { words: "pour mardi prochain (sent on a Wednesday)", day: next(TUE) },
  "h23-07": { words: "pr samedi matin si possible (sent late on a Tuesday; the show is on Sunday)", day: next(SAT) },
  "h23-08": { words: "Livraison avant le 15 si possible", day: on("2026-12-15", TUE) },
  "h23-10": { words: "lundi en huit (sent on a Friday)", day: weekAfterNext(MON) },
  "h23-11": { words: "Date de livraison;08/12/2026 (in the CSV)", day: on("2026-12-08", TUE) },
  "h23-12": { words: "demain si possible", day: after(1) },
  "h23-13": { words: "Même adresse, pour le 10 (the quoted confirmation's date is November's)", day: on("2026-12-10", THU) },
  "h23-14": { words: "Livraison le 08/12 au matin", day: on("2026-12-08", TUE) },
  "h23-15": { words: "D'ici vendredi (sent on a Monday; the market begins on Saturday)", day: next(FRI) },
  "h23-16": { words: "Mardi 8 ce serait parfait", day: on("2026-12-08", TUE) },
  "h23-23": { words: "By Friday week (sent on a Tuesday)", day: (sent) => next(FRI)(sent) + 7 * DAY },
  "h23-24": { words: "Needed Wednesday 9th before call time", day: on("2026-12-09", WED) },
  "h23-25": { words: "delivered to the venue on Friday (sent on a Monday, the wedding on Saturday)", day: next(FRI) },
  "h23-26": { words: "Delivery Date: 14/12/2026 (a UK PO in the PDF, day first)", day: on("2026-12-14", MON) },
  "h23-27": { words: "Tomorrow if poss, otherwise Thursday (the first day offered)", day: after(1) },
  "h23-28": { words: "Monday 7th please", day: on("2026-12-07", MON) },
  "h23-29": { words: "Required,2026-12-10 (in the CSV)", day: on("2026-12-10", THU) },
  "h23-30": { words: "by Thursday 10th", day: on("2026-12-10", THU) },
  "h23-31": { words: "Need by 12/8 (a US customer, month first)", day: on("2026-12-08", TUE) },
  "h23-32": { words: "wed is fine (sent late on a Friday)", day: next(WED) },
  "h23-33": { words: "Delivery on Monday 14th December", day: on("2026-12-14", MON) },
  "h23-34": { words: "by 10am Monday 7th (the run opens on Tuesday 8th)", day: on("2026-12-07", MON) }
}

describe("the former twenty-third held-out part (h23-* in tuned/), written blind after the extractor and now tuning material", () => {
  it("holds 40 mails, 22 French (01–22) and 18 English (23–40), 12 of them not orders, its 28 orders 126 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => number(m.name) >= 23)).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([17, 18, 19, 20, 21, 22, 35, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(126)
  })

  it("attaches a coach depot's and a university's PDF orders, an events agency's windows-1252 .csv and an ice rink's UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h23-05-girard-autocars-pdf-saint-jory", "h23-26-university-biosciences-pdf-po"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h23-11-agence-evenementielle-patinoire-csv"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h23-29-frost-fair-ice-rink-csv"])
  })

  it("marks the two bulletins and the two out-of-office replies as automatic, and none of the orders", () => {
    const automatic = mails.filter((m) => /^(List-Unsubscribe|Auto-Submitted):/m.test(m.eml)).map((m) => number(m.name))
    expect(automatic).toEqual([20, 21, 37, 38])
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
