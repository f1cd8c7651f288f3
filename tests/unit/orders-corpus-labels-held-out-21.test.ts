import { describe, expect, it } from "vitest"

import { after, DAY, type DeliveryRules, FRI, isoWeek, MON, next, numberOf, on, itChecksDeliveryDays, readLabelledMails, THU, TUE, WED, withAttachment } from "./held-out-labels-kit"

/**
 * The former twenty-first held-out part (h21-* in tuned/ since tune21; held-out-21/ until then), written blind after
 * the extractor: the counter and the kitchen (restaurants and caterers, school canteens, garages, pharmacies, shops).
 * Its labels are checked against the catalog and customers with every other part's in orders-corpus-labels.test.ts
 * (which reads tuned/); here what this set is said to hold, and each delivery date counted again from its mail's Date
 * header by the words the mail uses. Nothing here runs the extractor (the corpus test does, on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h21-")
const number = numberOf

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h21-01": { words: "Pour vendredi svp", day: next(FRI) },
  "h21-02": { words: "Livraison le jeudi 10 décembre avant 9 h", day: on("2026-12-10", THU) },
  "h21-03": { words: "livrer mardi si possible on est fermé lundi", day: next(TUE) },
  "h21-04": { words: "à livrer d'ici la fin de la semaine (sent on a Tuesday)", day: next(FRI) },
  "h21-05": { words: "Livraison mercredi 9 au matin", day: on("2026-12-09", WED) },
  "h21-06": { words: "mardi prochain (sent on a Wednesday)", day: next(TUE) },
  "h21-07": { words: "merci de nous livrer jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h21-08": { words: "livrable sous huitaine", day: after(8) },
  "h21-09": { words: "Date de livraison souhaitée : 10/12/2026 (in the PDF)", day: on("2026-12-10", THU) },
  "h21-10": { words: "au plus tard le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h21-11": { words: "d'ici vendredi", day: next(FRI) },
  "h21-12": { words: "le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h21-13": { words: "la veille, vendredi 11 au matin (the meal is on Saturday 12)", day: on("2026-12-11", FRI) },
  "h21-15": { words: "semaine 50, de préférence le mardi", day: isoWeek(50, TUE) },
  "h21-16": { words: "pr demain matin", day: after(1) },
  "h21-17": { words: "jeudi prochain (sent on a Friday)", day: next(THU) },
  "h21-18": { words: "livraison lundi 7", day: on("2026-12-07", MON) },
  "h21-19": { words: "by Friday week (sent on a Tuesday: not the coming Friday, the one after)", day: (sent) => next(FRI)(sent) + 7 * DAY },
  "h21-20": { words: "by Thursday 10th", day: on("2026-12-10", THU) },
  "h21-21": { words: "By Friday if you can", day: next(FRI) },
  "h21-22": { words: "Requested Delivery: 12/09/2026 (a US PO, month first)", day: on("2026-12-09", WED) },
  "h21-23": { words: "Monday delivery works best", day: next(MON) },
  "h21-24": { words: "week commencing 7th December", day: on("2026-12-07", MON) },
  "h21-25": { words: "Tuesday would be ideal", day: next(TUE) },
  "h21-26": { words: "tues is fine", day: next(TUE) },
  "h21-27": { words: "no later than Wednesday 9 December", day: on("2026-12-09", WED) },
  "h21-28": { words: "for tomorrow please", day: after(1) },
  "h21-29": { words: "Delivery date,2026-12-10 (in the CSV)", day: on("2026-12-10", THU) },
  "h21-30": { words: "by wed 9th pls", day: on("2026-12-09", WED) }
}

describe("the former twenty-first held-out part (h21-* in tuned/), written blind after the extractor by an eighteenth author and now tuning material", () => {
  it("holds 40 mails, 24 French (01–18, 35–40) and 16 English (19–34), 10 of them not orders, its 30 orders 127 lines long", () => {
    expect(mails).toHaveLength(40)
    const english = mails.filter((m) => number(m.name) >= 19 && number(m.name) <= 34)
    expect(english).toHaveLength(16)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(127)
  })

  it("attaches a town canteen's and a US customer's PDF orders, a distillery's windows-1252 .csv and a UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h21-09-mairie-cantine-pdf", "h21-22-kingsley-pdf-po"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h21-10-distillerie-csv-caveau"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h21-29-sinclair-csv-po"])
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
