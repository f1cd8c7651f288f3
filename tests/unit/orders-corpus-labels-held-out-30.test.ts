import { expect, it } from "vitest"

import { FRI, isoWeek, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirtieth held-out part (issue #11; h30-* in tuned/ since tune30, held-out-30/ until then): 40 mails by
 * an author who read neither the extractor nor another set's mails or labels — public-sector and industrial buyers
 * with procurement habits: a Guadeloupe prison's kitchen, an army mess, Réunion's port authority, a water-treatment
 * plant, a printing works, a bakery chain's central kitchen, a ski school, a theatre's scenery workshop, a vet clinic
 * group, a mining camp in Guyane, an embassy, an airport lounge; a Welsh printworks, marina and water works, a Toronto
 * store, a Hong Kong lounge, printer and vet group, an Abuja residence, a Maltese bakery, theatre and ferry terminal,
 * a Yukon mine, a Lagos terminal, a Jos tin site, a Whistler snow school, an Ontario prison kitchen, a Brecon
 * officers' mess. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h30-01": { words: "Date de livraison souhaitée : jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h30-03": { words: "le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h30-04": { words: "mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h30-05": { words: "mardi 8 (the reply-all's last word, from a Thursday)", day: on("2026-12-08", TUE) },
  "h30-07": { words: "pour mercredi avant 5 h (from a Monday)", day: next(WED) },
  "h30-08": { words: "pour vendredi 4 au plus tard", day: on("2026-12-04", FRI) },
  "h30-09": { words: "Livraison : 09/12/2026 (in the PDF)", day: on("2026-12-09", WED) },
  "h30-11": { words: "la fin de la semaine prochaine (vendredi 11)", day: nextWeeks(FRI) },
  "h30-12": { words: "le mardi 1er décembre au plus tard", day: on("2026-12-01", TUE) },
  "h30-14": { words: "S+2, le jeudi (from week 49)", day: isoWeek(51, THU) },
  "h30-15": { words: "pour demain vendredi (a Thursday night)", day: next(FRI) },
  "h30-16": { words: "en fin de quinzaine, soit le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h30-18": { words: "mercredi 9 décembre (the second of two mails)", day: on("2026-12-09", WED) },
  "h30-21": { words: "Date de besoin : mardi 15 décembre", day: on("2026-12-15", TUE) },
  "h30-23": { words: "COB Thursday (from a Tuesday)", day: next(THU) },
  "h30-24": { words: "Thursday the 3rd", day: on("2026-12-03", THU) },
  "h30-25": { words: "Required Date: Wednesday 9 December 2026", day: on("2026-12-09", WED) },
  "h30-27": { words: "Monday 7 December", day: on("2026-12-07", MON) },
  "h30-28": { words: "on or before Thursday 3rd December", day: on("2026-12-03", THU) },
  "h30-29": { words: "by the 3rd prox. (the 3rd of next month, from 26 November)", day: on("2026-12-03", THU) },
  "h30-31": { words: "Need By Date: 2026-12-14 (in the PDF)", day: on("2026-12-14", MON) },
  "h30-33": { words: "Tuesday 8 Dec", day: on("2026-12-08", TUE) },
  "h30-34": { words: "by wednesday (dictated, from a Friday)", day: next(WED) },
  "h30-35": { words: "by Friday (Whistler's own Tuesday evening)", day: next(FRI) },
  "h30-36": { words: "End of next week please, Friday at the latest", day: nextWeeks(FRI) },
  "h30-37": { words: "Wed 9 Dec", day: on("2026-12-09", WED) },
  "h30-39": { words: "Required: Thursday Dec 10", day: on("2026-12-10", THU) },
  "h30-40": { words: "Tuesday 1st December", day: on("2026-12-01", TUE) }
}

const NOT_ORDERS = [2, 6, 10, 13, 17, 19, 20, 22, 26, 30, 32, 38]

describeHeldOutSet(
  { title: "the former thirtieth held-out part (h30-* in tuned/), written blind after the extractor and now tuning material", name: "h30", folder: "tuned", prefix: "h30-" },
  {
    french: 22,
    lookAlikes: NOT_ORDERS,
    lines: 107,
    attachments: { pdf: ["h30-09-theatre-atelier-pdf", "h30-31-yukon-mine-pdf"], csv1252: ["h30-11-veterinaire-groupe-csv"], csvUtf8: ["h30-33-hk-vet-group-csv"] },
    lookAlikesCarryNothing: true,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("marks the supplier's December newsletter as bulk, and none of the orders", () => {
      const bulk = mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))
      expect(bulk).toEqual([20])
    })

    it("names a known customer for the five orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([5, 11, 14, 23, 24])
    })

    it("never takes a PO box or a billing address for the place of delivery", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/\bBP \d|P\.?O\.? Box|Cedex|Facturation|Invoice To|Bill To/i)
      }
    })
  }
)
