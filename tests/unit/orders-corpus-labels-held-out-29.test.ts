import { expect, it } from "vitest"

import { DAY, FRI, isoWeek, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former twenty-ninth held-out part (issue #11; h29-* in tuned/ since tune29, held-out-29/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — a ferry's galley, ski-lift
 * patrollers, a wine co-op, a Liège hospital pharmacy, a circus on tour, a Geneva film set's canteen, a fish farm, a
 * Québec sugar shack, a nuclear plant's caterer, a chemistry store, a funeral home, a mountain refuge, a fire station,
 * the lighthouse service, caves, salt pans, a sawmill, a cable car; a Galway hospital, an Edinburgh data hall, Mumbai
 * and Singapore film sets, a Singapore ferry, a Glasgow chemistry store, Oban's harbour, a circus in Nagpur, a
 * funicular, a racecourse, a salmon farm. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h29-01": { words: "le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h29-02": { words: "d'ici mardi prochain (from a Thursday)", day: next(TUE) },
  "h29-04": { words: "pour le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h29-05": { words: "pour vendredi", day: next(FRI) },
  "h29-06": { words: "Date de livraison : 02.12.2026 (Swiss, day first with dots)", day: on("2026-12-02", WED) },
  "h29-08": { words: "avant les vacances de Noël (the school holidays begin on Saturday 19 December: their eve)", day: on("2026-12-18", FRI) },
  "h29-09": { words: "pour mercredi le 9 (Québec word order)", day: on("2026-12-09", WED) },
  "h29-11": { words: "d'ici la fin de la semaine prochaine", day: nextWeeks(FRI) },
  "h29-12": { words: "pour lundi (from a Friday)", day: next(MON) },
  "h29-13": { words: "mercredi en huit (from a Monday: the Wednesday after the coming one)", day: (sent) => next(WED)(sent) + 7 * DAY },
  "h29-15": { words: "le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h29-16": { words: "semaine 50, le mardi de préférence", day: isoWeek(50, TUE) },
  "h29-17": { words: "jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h29-20": { words: "vendredi le 4 (dictated)", day: on("2026-12-04", FRI) },
  "h29-22": { words: "d'ici mardi prochain (from a Thursday)", day: next(TUE) },
  "h29-23": { words: "Delivery date: 09/12/2026 (Irish, day first)", day: on("2026-12-09", WED) },
  "h29-24": { words: "End of next week is fine", day: nextWeeks(FRI) },
  "h29-26": { words: "by Thursday (Singapore's own Monday)", day: next(THU) },
  "h29-27": { words: "Required by Tuesday 8th December", day: on("2026-12-08", TUE) },
  "h29-29": { words: "on or before 10th December", day: on("2026-12-10", THU) },
  "h29-30": { words: "Delivery Wed 9th", day: on("2026-12-09", WED) },
  "h29-32": { words: "by Monday (dictated, from a Wednesday)", day: next(MON) },
  "h29-33": { words: "Ship by 12/10/2026 (US, month first)", day: on("2026-12-10", THU) },
  "h29-35": { words: "for Friday 11th at the latest", day: on("2026-12-11", FRI) },
  "h29-36": { words: "Thursday if poss", day: next(THU) },
  "h29-38": { words: "by Fri (Singapore's own Tuesday)", day: next(FRI) },
  "h29-39": { words: "Delivery required: 14/12/2026 (UK, day first)", day: on("2026-12-14", MON) }
}

const NOT_ORDERS = [3, 7, 10, 14, 18, 21, 25, 28, 31, 34, 37, 40]

describeHeldOutSet(
  { title: "the former twenty-ninth held-out part (h29-* in tuned/), written blind after the extractor and now tuning material", name: "h29", folder: "tuned", prefix: "h29-" },
  {
    french: 22,
    lookAlikes: NOT_ORDERS,
    lines: 123,
    attachments: { pdf: ["h29-06-tournage-geneve-pdf", "h29-23-galway-hospital-pdf", "h29-39-salmon-farm-pdf"], csv1252: ["h29-11-chimie-strasbourg-csv"], csvUtf8: ["h29-27-glasgow-chemistry-csv"] },
    lookAlikesCarryNothing: true,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("marks the ski areas' buying newsletter as bulk, and none of the orders", () => {
      const bulk = mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))
      expect(bulk).toEqual([21])
    })

    it("names a known customer for the seven orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([8, 16, 19, 24, 30, 33, 36])
    })
  }
)
