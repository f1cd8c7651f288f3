import { describe, expect, it } from "vitest"

import { after, type DeliveryRules, FRI, isoWeek, MON, next, nextWeeks, numberOf, on, itChecksDeliveryDays, readLabelledMails, THU, TUE, WED, withAttachment } from "./held-out-labels-kit"

/**
 * The former twenty-second held-out part (h22-* in tuned/ since tune22; held-out-22/ until then), written blind after
 * the extractor: the professions and the leisure venues (notaries, lawyers, accountants, estate agents, architects,
 * surveyors, a broker, chambers; a pool, a climbing gym, a golf club-house, a bowling alley, an escape game, a gym,
 * museums). Its labels are checked against the catalog and customers with every other part's in
 * orders-corpus-labels.test.ts (which reads tuned/); here what this set is said to hold, and each delivery date counted
 * again from its mail's Date header by the words the mail uses. Nothing here runs the extractor (the corpus test does,
 * on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h22-")
const number = numberOf

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h22-01": { words: "jeudi prochain (sent on a Friday)", day: next(THU) },
  "h22-02": { words: "Avant le vendredi 11 si possible (le déménagement est le 14)", day: on("2026-12-11", FRI) },
  "h22-03": { words: "sous huitaine", day: after(8) },
  "h22-04": { words: "pour mardi si possible", day: next(TUE) },
  "h22-05": { words: "Date de livraison souhaitée : 07/12/2026 (in the PDF)", day: on("2026-12-07", MON) },
  "h22-06": { words: "fin de semaine prochaine (sent on a Monday)", day: nextWeeks(FRI) },
  "h22-07": { words: "le lundi 14 décembre au matin (réouverture le mardi 15)", day: on("2026-12-14", MON) },
  "h22-08": { words: "mardi ou mercredi (the first day offered)", day: next(TUE) },
  "h22-10": { words: "au plus tard le jeudi 10 (the competition is on Saturday 12)", day: on("2026-12-10", THU) },
  "h22-11": { words: "avant le vernissage du jeudi 17 décembre, donc au plus tard le mercredi 16", day: on("2026-12-16", WED) },
  "h22-12": { words: "pr samedi … livraison vendredi (sent late on a Monday)", day: next(FRI) },
  "h22-13": { words: "Livraison sous huitaine", day: after(8) },
  "h22-14": { words: "le mardi 8/12", day: on("2026-12-08", TUE) },
  "h22-15": { words: "d'ici la fin de la semaine (sent on a Tuesday)", day: next(FRI) },
  "h22-16": { words: "semaine 51, idéalement le lundi", day: isoWeek(51, MON) },
  "h22-23": { words: "by the end of next week (sent on a Wednesday)", day: nextWeeks(FRI) },
  "h22-24": { words: "Delivery Monday 7th please", day: on("2026-12-07", MON) },
  "h22-25": { words: "for tmrw if poss", day: after(1) },
  "h22-26": { words: "Wednesday 9th if at all possible", day: on("2026-12-09", WED) },
  "h22-27": { words: "by Thursday 12/10 (a US customer, month first)", day: on("2026-12-10", THU) },
  "h22-28": { words: "Required by: 11/12/2026 (a UK PO, day first)", day: on("2026-12-11", FRI) },
  "h22-29": { words: "Deliver w/c 7th December, any day", day: on("2026-12-07", MON) },
  "h22-30": { words: "Needed by Tuesday 15th December at the latest", day: on("2026-12-15", TUE) },
  "h22-31": { words: "By Thursday next week (sent on a Monday)", day: nextWeeks(THU) },
  "h22-32": { words: "by Monday 14th at the latest (the assessment centre is on Wednesday 16th)", day: on("2026-12-14", MON) },
  "h22-33": { words: "on Friday please (sent on a Tuesday)", day: next(FRI) },
  "h22-34": { words: "Need by,2026-12-09 (in the CSV)", day: on("2026-12-09", WED) }
}

describe("the former twenty-second held-out part (h22-* in tuned/), written blind after the extractor and now tuning material", () => {
  it("holds 40 mails, 22 French (01–22) and 18 English (23–40), 12 of them not orders, its 28 orders 130 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => number(m.name) >= 23)).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([17, 18, 19, 20, 21, 22, 35, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(130)
  })

  it("attaches an architects' and a broker's PDF orders, a gym's windows-1252 .csv and an architects' UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h22-05-atelier-architectes-pdf", "h22-28-insurance-broker-pdf-po"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h22-14-salle-sport-csv"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h22-34-architects-csv-site-office"])
  })

  it("marks the two bulk mails and the out-of-office as automatic, and none of the orders", () => {
    const automatic = mails.filter((m) => /^(List-Unsubscribe|Auto-Submitted):/m.test(m.eml)).map((m) => number(m.name))
    expect(automatic).toEqual([20, 35, 39])
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
