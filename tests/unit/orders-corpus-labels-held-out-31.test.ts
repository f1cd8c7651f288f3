import { expect, it } from "vitest"

import { after, DAY, FRI, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-first held-out part (issue #11; h31-* in tuned/ since tune31, held-out-31/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — events and seasonal hospitality: a wedding estate, a Belgian festival, a Colmar Christmas-market
 * chalet, a Lyon congress centre, an Ardèche campsite, a Saguenay winter festival, a trade-fair stand builder, a
 * wedding caterer, a Lyon hotel's gala, a Montreux Christmas market, a students' gala, a river-cruise line, a stadium
 * caterer, a Marrakech riad, a Dakar conference centre, a school's Christmas show, a Luxembourg concert hall, a trade
 * show's newsletter, a wedding planner, an ice rink; a Melbourne festival, a Queenstown lodge, a logistics firm's open
 * day, an Aberdeen exhibition centre, an Austin convention hall, a Cape Town convention centre, a Dublin hotel, a
 * Halifax pavilion, an Ohio university's athletics, a Cardiff printer, a Bengaluru events firm, a Cork jazz weekend, a
 * Dubai trade centre, a Philadelphia ballpark, a Bath wedding planner, a Swansea boat-show stand, an Australian
 * carrier, a Nashville concert hall, a Kenyan lodge. Checked here without the extractor (the corpus test runs it, on all
 * of tuned/).
 */

const SAT = 6

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h31-01": { words: "pour le vendredi 4 décembre", day: on("2026-12-04", FRI) },
  "h31-03": { words: "pour demain samedi (dictated on a Friday evening)", day: next(SAT) },
  "h31-04": { words: "le mercredi 9 décembre avant 8 h (the quoted first mail; the reply-all keeps it)", day: on("2026-12-09", WED) },
  "h31-06": { words: "pour jeudi prochain le 3", day: on("2026-12-03", THU) },
  "h31-07": { words: "Date de livraison : 07/12/2026 (in the PDF)", day: on("2026-12-07", MON) },
  "h31-09": { words: "nous livrer vendredi (from a Monday)", day: next(FRI) },
  "h31-10": { words: "d'ici au mardi 8.12 au plus tard", day: on("2026-12-08", TUE) },
  "h31-11": { words: "le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h31-13": { words: "pour lundi (the buyer and the forwarded chef, both on a Thursday)", day: next(MON) },
  "h31-15": { words: "au plus tard le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h31-16": { words: "la semaine prochaine, le mardi (from a Wednesday)", day: nextWeeks(TUE) },
  "h31-17": { words: "pour le 11 décembre (c'est un vendredi)", day: on("2026-12-11", FRI) },
  "h31-19": { words: "le samedi 12 décembre au matin (the first mail; the last keeps it)", day: on("2026-12-12", SAT) },
  "h31-20": { words: "sous huitaine (eight days, the French legal sense)", day: after(8) },
  "h31-21": { words: "by Wednesday arvo (Melbourne's own Thursday)", day: next(WED) },
  "h31-23": { words: "Required Thursday 10th", day: on("2026-12-10", THU) },
  "h31-24": { words: "By Friday (from a Monday)", day: next(FRI) },
  "h31-25": { words: "Delivery Date: 12/08/2026 (in the PDF, month first)", day: on("2026-12-08", TUE) },
  "h31-27": { words: "by the end of the month at the latest (Monday 30th)", day: on("2026-11-30", MON) },
  "h31-29": { words: "Monday the 7th (both mails)", day: on("2026-12-07", MON) },
  "h31-30": { words: "Need by Friday 12/11 (month first)", day: on("2026-12-11", FRI) },
  "h31-31": { words: "Next Tuesday (from a Wednesday)", day: next(TUE) },
  "h31-33": { words: "by Thursday (dictated on a Monday)", day: next(THU) },
  "h31-34": { words: "Delivery: Monday 7 December", day: on("2026-12-07", MON) },
  "h31-36": { words: "a week on Monday (from a Thursday: the Monday after the coming one)", day: (sent) => next(MON)(sent) + 7 * DAY },
  "h31-37": { words: "Wed 9th", day: on("2026-12-09", WED) },
  "h31-39": { words: "no later than 12/15/2026 (month first)", day: on("2026-12-15", TUE) },
  "h31-40": { words: "on or before Friday 11th December", day: on("2026-12-11", FRI) }
}

const NOT_ORDERS = [2, 5, 8, 12, 14, 18, 22, 26, 28, 32, 35, 38]

describeHeldOutSet(
  { title: "the former thirty-first held-out part (h31-* in tuned/), written blind after the extractor and now tuning material", name: "h31", folder: "tuned", prefix: "h31-" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 98,
    attachments: { pdf: ["h31-07-standiste-villepinte-pdf", "h31-25-austin-convention-pdf"], csv1252: ["h31-11-bde-gala-csv"], csvUtf8: ["h31-30-lakeshore-athletics-csv"] },
    lookAlikesCarryNothing: true,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("marks the trade show's newsletter as bulk and the carrier's notice as automatic, and none of the orders", () => {
      expect(mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual([18])
      expect(mails.filter((m) => /^Auto-Submitted: auto-generated/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual([38])
    })

    it("names a known customer for the five orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([9, 16, 23, 31, 37])
    })

    it("never takes a PO box, a case postale or a billing address for the place of delivery", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/\bBP \d|P\.?O\.? Box|C\.P\. \d|Case postale|Cedex|Facturation|Invoice|Bill To|Remit|registered office/i)
      }
    })
  }
)
