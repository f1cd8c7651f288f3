import { expect, it } from "vitest"

import { after, DAY, FRI, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former twenty-eighth held-out part (issue #11; h28-* in tuned/ since tune28, held-out-28/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — thermal baths, an aquarium, dance
 * schools, a school's bursar, a planetarium, a recording studio, a fencing club, a bookbinder, a glassworks, an abbey's
 * guest house, a language school, a municipal tip, a tattoo studio, a dog groomer, a bike co-op; a lifeboat station, a
 * boat yard, a slate quarry, a wind farm's base, an observatory, a curling club, a knitwear mill, surf and rowing clubs.
 * Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */
const SAT = 6

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h28-01": { words: "mardi prochain (from a Thursday)", day: next(TUE) },
  "h28-02": { words: "après demain matin", day: after(2) },
  "h28-03": { words: "pr samedi", day: next(SAT) },
  "h28-05": { words: "le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h28-06": { words: "pour le mercredi 9 au plus tard", day: on("2026-12-09", WED) },
  "h28-07": { words: "Pour demain si possible", day: after(1) },
  "h28-09": { words: "Date de livraison souhaitée : 04/12/2026 (day first)", day: on("2026-12-04", FRI) },
  "h28-10": { words: "Livraison jeudi", day: next(THU) },
  "h28-12": { words: "pour vendredi", day: next(FRI) },
  "h28-13": { words: "la semaine prochaine, le lundi de préférence", day: nextWeeks(MON) },
  "h28-15": { words: "pour le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h28-16": { words: "Livraison pour jeudi", day: next(THU) },
  "h28-18": { words: "Livraison souhaitée vendredi", day: next(FRI) },
  "h28-21": { words: "la semaine prochaine, le jeudi de préférence", day: nextWeeks(THU) },
  "h28-22": { words: "vendredi en huit (from a Monday: the Friday after the coming one)", day: (sent) => next(FRI)(sent) + 7 * DAY },
  "h28-23": { words: "by friday", day: next(FRI) },
  "h28-25": { words: "Tuesday week (from a Monday)", day: nextWeeks(TUE) },
  "h28-26": { words: "Need by: Wed 9 Dec", day: on("2026-12-09", WED) },
  "h28-27": { words: "Monday 7th", day: on("2026-12-07", MON) },
  "h28-29": { words: "for Saturday's show", day: next(SAT) },
  "h28-30": { words: "By end of next week", day: nextWeeks(FRI) },
  "h28-32": { words: "on Monday (Auckland's own Thursday)", day: next(MON) },
  "h28-34": { words: "Required: 2026-12-10 (year first)", day: on("2026-12-10", THU) },
  "h28-36": { words: "for Wednesday 9th", day: on("2026-12-09", WED) },
  "h28-37": { words: "By Fri 11th (Sydney's own Monday)", day: on("2026-12-11", FRI) },
  "h28-39": { words: "Required by 10/12/2026 (UK, day first)", day: on("2026-12-10", THU) },
  "h28-40": { words: "Monday is fine (from a Wednesday)", day: next(MON) }
}

const NOT_ORDERS = [4, 8, 11, 14, 17, 20, 24, 28, 31, 33, 35, 38]

describeHeldOutSet(
  { title: "the former twenty-eighth held-out part (h28-* in tuned/), written blind after the extractor and now tuning material", name: "h28", folder: "tuned", prefix: "h28-" },
  {
    french: 22,
    lookAlikes: NOT_ORDERS,
    lines: 106,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("attaches a fencing club's and a curling club's PDF purchase orders and a bookbinder's windows-1252 .csv", () => {
      expect(withAttachment(mails, /^Content-Type: application\/pdf/m)).toEqual(["h28-09-escrime-metz-pdf", "h28-34-curling-club-pdf"])
      expect(withAttachment(mails, /^Content-Type: text\/csv; charset="windows-1252"/m)).toEqual(["h28-10-relieur-lyon-csv"])
    })

    it("marks the spa federation's newsletter as bulk, and none of the orders", () => {
      const bulk = mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))
      expect(bulk).toEqual([20])
    })

    it("names a known customer for the six orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([5, 12, 18, 25, 30, 36])
    })
  }
)
