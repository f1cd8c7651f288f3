import { describe, expect, it } from "vitest"

import { after, FRI, isoWeek, itChecksDeliveryDays, MON, next, nextWeeks, numberOf, on, readLabelledMails, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The former twenty-fourth held-out part (h24-* in tuned/ since tune24; held-out-24/ until then), written blind after
 * the extractor: the closed and the round-the-clock
 * sites and those who serve them (a prison service and its detention centres, army and air bases, a préfecture, a
 * hospital's purchasing; data centres, IT service firms, call centres, security firms, contract cleaners; printers and
 * publishers; ferry terminals; co-workings in Belgium, Switzerland and Québec; Irish, Scottish and Australian English).
 * Its labels are checked against the catalog and customers with every other part's in orders-corpus-labels.test.ts
 * (which reads tuned/); here what this set is said to hold, and each delivery date counted again from its mail's Date
 * header by the words the mail uses. Nothing here runs the extractor (the corpus test does, on all of tuned/).
 */
const mails = readLabelledMails("tuned", "h24-")
const number = numberOf

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: DeliveryRules = {
  "h24-01": { words: "Le jeudi 3 décembre nous conviendrait (from a Monday)", day: on("2026-12-03", THU) },
  "h24-02": { words: "Pour mercredi 9 au plus tard (from a Thursday)", day: on("2026-12-09", WED) },
  "h24-03": { words: "Livraison vendredi si c'est possible (from a Tuesday): the coming Friday", day: next(FRI) },
  "h24-04": { words: "Pouvez-vous nous livrer lundi ? (from a Friday): the coming Monday", day: next(MON) },
  "h24-05": { words: "the PDF's Date de livraison souhaitée : 08/12/2026", day: on("2026-12-08", TUE) },
  "h24-06": { words: "Livraison avant le 10/12: the 10th", day: on("2026-12-10", THU) },
  "h24-07": { words: "la semaine prochaine, le mardi de préférence (from a Thursday)", day: nextWeeks(TUE) },
  "h24-08": { words: "pour le jeudi 10/12", day: on("2026-12-10", THU) },
  "h24-09": { words: "Livraison le 08.12.2026 (Swiss dd.mm.yyyy)", day: on("2026-12-08", TUE) },
  "h24-10": { words: "the CSV's Date livraison;07/12/2026", day: on("2026-12-07", MON) },
  "h24-11": { words: "pour lundi si possible (from a Thursday), not the quoted confirmation's 17/11", day: next(MON) },
  "h24-12": { words: "Livraison le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h24-13": { words: "d'ici le 2026-12-11 (Québec's ISO date)", day: on("2026-12-11", FRI) },
  "h24-14": { words: "il nous faudrait pr demain (written on a Thursday evening)", day: after(1) },
  "h24-15": { words: "Livraison souhaitée semaine 50, le mardi de préférence", day: isoWeek(50, TUE) },
  "h24-16": { words: "Livraison au plus tard vendredi 11", day: on("2026-12-11", FRI) },
  "h24-23": { words: "on Tuesday 8th December please", day: on("2026-12-08", TUE) },
  "h24-24": { words: "Thursday week is grand (from a Monday): the Thursday of the week after", day: nextWeeks(THU) },
  "h24-25": { words: "Could it come by Friday? (from a Monday)", day: next(FRI) },
  "h24-26": { words: "the PDF's Date required: 10/12/2026 (UK order)", day: on("2026-12-10", THU) },
  "h24-27": { words: "Reckon Wednesday arvo would be ideal (from a Thursday in Sydney): the coming Wednesday", day: next(WED) },
  "h24-28": { words: "the CSV's Delivery date,07/12/2026 (Irish order)", day: on("2026-12-07", MON) },
  "h24-29": { words: "no later than Thursday 10 December", day: on("2026-12-10", THU) },
  "h24-30": { words: "by Wed 9th", day: on("2026-12-09", WED) },
  "h24-31": { words: "if it can be on Monday's boat (from a Saturday)", day: next(MON) },
  "h24-32": { words: "Monday 7th please", day: on("2026-12-07", MON) },
  "h24-34": { words: "Before the 11th if at all possible: the 11th", day: on("2026-12-11", FRI) }
}

describe("the former twenty-fourth held-out part (h24-* in tuned/), written blind after the extractor and now tuning material", () => {
  it("holds 40 mails, 22 French (01–22) and 18 English (23–40), 12 of them not orders, its 28 orders 102 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => number(m.name) >= 23)).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => number(m.name))).toEqual([17, 18, 19, 20, 21, 22, 35, 36, 37, 38, 39, 40])
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(102)
  })

  it("attaches a printer's French and a printer's English PDF orders, a security firm's windows-1252 .csv and a call centre's UTF-8 .csv", () => {
    expect(withAttachment(mails, /Content-Type: application\/pdf/)).toEqual(["h24-05-imprimerie-rousseau-bc-pdf-faconnage", "h24-26-pemberton-printing-po-pdf-penarth-road"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h24-10-securite-gardiennage-csv-rognac"])
    expect(withAttachment(mails, /Content-Type: text\/csv; charset="utf-8"/)).toEqual(["h24-28-cork-call-centre-csv"])
  })

  it("sends three mails as HTML only: an IT firm's table, a cleaning contractor's table and a bulletin", () => {
    const htmlOnly = mails.filter((m) => !/Content-Type: text\/plain/.test(m.eml)).map((m) => number(m.name))
    expect(htmlOnly).toEqual([7, 20, 32, 37])
  })

  it("marks the two bulletins and the two out-of-office replies as automatic, and none of the orders", () => {
    const automatic = mails.filter((m) => /^(List-Unsubscribe|Auto-Submitted):/m.test(m.eml)).map((m) => number(m.name))
    expect(automatic).toEqual([20, 21, 36, 37])
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
