import { expect, it } from "vitest"

import { after, FRI, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former twenty-seventh held-out part (issue #11; h27-* in tuned/ since tune27, held-out-27/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — warehouses and forwarders, body
 * shops and garages, hotels' housekeeping, event caterers, cleaning firms' site managers, building-site foremen, care
 * homes, vets and coworking spaces; Belgian, Swiss, Québec and Luxembourg French, Scottish, Singaporean and Maltese
 * English. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */
const SAT = 6

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h27-01": { words: "mardi prochain (from a Wednesday)", day: next(TUE) },
  "h27-02": { words: "livraison jeudi", day: next(THU) },
  "h27-03": { words: "pour vendredi", day: next(FRI) },
  "h27-05": { words: "le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h27-06": { words: "pour la fin de semaine prochaine", day: nextWeeks(FRI) },
  "h27-07": { words: "le samedi 12 décembre", day: on("2026-12-12", SAT) },
  "h27-09": { words: "le 08.12.2026 (Swiss, day first)", day: on("2026-12-08", TUE) },
  "h27-10": { words: "tout livrer lundi", day: next(MON) },
  "h27-12": { words: "avant le 10", day: on("2026-12-10", THU) },
  "h27-14": { words: "Livraison : 2026-12-09 (Québec, year first)", day: on("2026-12-09", WED) },
  "h27-15": { words: "Date de livraison : 11/12/2026 (in the PDF)", day: on("2026-12-11", FRI) },
  "h27-17": { words: "à livrer pour jeudi", day: next(THU) },
  "h27-18": { words: "au plus tard mercredi", day: next(WED) },
  "h27-20": { words: "la semaine prochaine, le mardi de préférence", day: nextWeeks(TUE) },
  "h27-22": { words: "pour demain matin", day: after(1) },
  "h27-23": { words: "by Thursday", day: next(THU) },
  "h27-24": { words: "w/c 7 December, ideally Wednesday 9th", day: on("2026-12-09", WED) },
  "h27-26": { words: "Required by Friday 4th", day: on("2026-12-04", FRI) },
  "h27-27": { words: "by this Sat", day: next(SAT) },
  "h27-29": { words: "end of next week", day: nextWeeks(FRI) },
  "h27-30": { words: "Monday is fine", day: next(MON) },
  "h27-31": { words: "Need By,08/12/2026 (in the CSV, UK day first)", day: on("2026-12-08", TUE) },
  "h27-33": { words: "by wednesday", day: next(WED) },
  "h27-35": { words: "Delivery Tuesday 8th", day: on("2026-12-08", TUE) },
  "h27-36": { words: "Need by 12/10 (US, month first)", day: on("2026-12-10", THU) },
  "h27-37": { words: "Delivery Date 2026-12-09 (an .xlsx date cell)", day: on("2026-12-09", WED) },
  "h27-39": { words: "by Monday", day: next(MON) },
  "h27-40": { words: "no later than Friday 11 December", day: on("2026-12-11", FRI) }
}

const NOT_ORDERS = [4, 8, 11, 13, 16, 19, 21, 25, 28, 32, 34, 38]

describeHeldOutSet(
  { title: "the former twenty-seventh held-out part (h27-* in tuned/), written blind after the extractor and now tuning material", name: "h27", folder: "tuned", prefix: "h27-" },
  {
    french: 22,
    lookAlikes: NOT_ORDERS,
    lines: 115,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("attaches a Luxembourg coworking's PDF purchase order, a care home's .csv and a Singapore warehouse's .xlsx", () => {
      expect(withAttachment(mails, /^Content-Type: application\/pdf/m)).toEqual(["h27-15-cowork-luxembourg-pdf"])
      expect(withAttachment(mails, /^Content-Type: text\/csv/m)).toEqual(["h27-31-aberdeen-care-home-csv"])
      expect(withAttachment(mails, /^Content-Type: application\/vnd\.openxmlformats/m)).toEqual(["h27-37-pioneer-warehouse-xlsx"])
    })

    it("marks the newsletter as bulk and the out-of-office as automatic, and none of the orders", () => {
      const automatic = mails.filter((m) => /^(Precedence: bulk|Auto-Submitted: auto-replied)/m.test(m.eml)).map((m) => numberOf(m.name))
      expect(automatic).toEqual([21, 32])
    })

    it("names a known customer for the nine orders sent from a customer's address or domain, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([3, 5, 6, 12, 18, 24, 26, 30, 36])
    })
  }
)
