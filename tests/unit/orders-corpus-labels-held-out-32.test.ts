import { expect, it } from "vitest"

import { after, DAY, FRI, MON, next, numberOf, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-second held-out part (issue #11; h32-* in tuned/ since tune32, held-out-32/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — knowledge and heritage: a lycée's intendant on his phone, a university's GLPI request forwarded
 * by its buyer, a fine-arts museum, a CNRS lab's manager, a Montréal cégep library writing French and English, an
 * abbey, a Geneva conservatoire, a Belgian parish priest dictating, a known school's library, an INRAE lab's grant, a
 * botanical garden, a science centre's reply-all, departmental archives, a Liège university's finance office, an
 * Abidjan public-health lab, a Namur college, a university library's out-of-office, a Neuchâtel museum, an
 * education purchasing newsletter, a science centre's planetarium; a Leicester chemistry lab on a phone, a Dublin
 * library, a US university's ServiceNow PO, a Brisbane marine lab, an Oregon school district, a Scottish museum,
 * an Ottawa college library in both languages, a Pune institute, an Oak Ridge public library, a Portland neuroscience
 * institute, a known engineering firm's apprentice academy, a Welsh cathedral's canon dictating, a Sydney
 * university's accounts payable, a Dublin conservatoire, a Cincinnati science museum's thread, a New Zealand school,
 * a known interior designer's school-library job, a Ghanaian college library, a ServiceNow rejection, a Glasgow
 * university's archive. Checked here without the extractor (the corpus test runs it, on all
 * of tuned/).
 */

const SAT = 6

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h32-01": { words: "pour jeudi (typed on a phone on a Tuesday)", day: next(THU) },
  "h32-02": { words: "Livraison souhaitée : lundi 7 décembre (in the forwarded GLPI ticket)", day: on("2026-12-07", MON) },
  "h32-04": { words: "avant le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h32-05": { words: "pour vendredi le 11 décembre (Québec word order)", day: on("2026-12-11", FRI) },
  "h32-07": { words: "Date de livraison : 09.12.2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h32-08": { words: "pour samedi (dictated on a Thursday evening)", day: next(SAT) },
  "h32-09": { words: "le mercredi 9 décembre au matin", day: on("2026-12-09", WED) },
  "h32-11": { words: "Date de livraison souhaitée ; 10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h32-12": { words: "le mardi 8 décembre (the quoted first mail; the last writer keeps « date et lieu »)", day: on("2026-12-08", TUE) },
  "h32-13": { words: "sous huitaine (eight days, the French legal sense)", day: after(8) },
  "h32-15": { words: "au plus tard le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h32-16": { words: "pour mardi prochain (from a Thursday: the coming Tuesday)", day: next(TUE) },
  "h32-18": { words: "Livraison souhaitée : lundi 14 décembre", day: on("2026-12-14", MON) },
  "h32-21": { words: "by thursday (from a Wednesday)", day: next(THU) },
  "h32-23": { words: "Need-by date: 12/10/2026 (month first)", day: on("2026-12-10", THU) },
  "h32-24": { words: "next Thursday (from Brisbane's Friday: the first Thursday after)", day: next(THU) },
  "h32-25": { words: "Delivery Date: 12/09/2026 (in the PDF, month first)", day: on("2026-12-09", WED) },
  "h32-27": { words: "by Wednesday December 9 / d'ici le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h32-28": { words: "on or before 08/12/2026 (India, day first)", day: on("2026-12-08", TUE) },
  "h32-30": { words: "Need By 12/14/2026 (in the CSV, month first)", day: on("2026-12-14", MON) },
  "h32-31": { words: "Delivery on Wednesday 9th December", day: on("2026-12-09", WED) },
  "h32-32": { words: "for Friday (dictated on a Monday)", day: next(FRI) },
  "h32-34": { words: "Delivery Monday 7th December", day: on("2026-12-07", MON) },
  "h32-35": { words: "by Thursday, December 10 (the quoted first mail; « Everything else as below »)", day: on("2026-12-10", THU) },
  "h32-37": { words: "Needed 12/9 on site (Seattle, month first)", day: on("2026-12-09", WED) },
  "h32-38": { words: "by Friday 11th December", day: on("2026-12-11", FRI) },
  "h32-40": { words: "Friday week (from a Tuesday: the Friday after the coming one)", day: (sent) => next(FRI)(sent) + 7 * DAY }
}

const NOT_ORDERS = [3, 6, 10, 14, 17, 19, 22, 26, 29, 33, 36, 39]

describeHeldOutSet(
  { title: "the former thirty-second held-out part (h32-* in tuned/), written blind after the extractor and now tuning material", name: "h32", folder: "tuned", prefix: "h32-" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 106,
    attachments: { pdf: ["h32-07-conservatoire-geneve-pdf", "h32-25-school-district-pdf"], csv1252: ["h32-11-jardin-botanique-csv"], csvUtf8: ["h32-30-neuroscience-csv"] },
    headers: { bulk: [19], autoSubmitted: [17, 39] },
    lookAlikesCarryNothing: true,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("names a known customer for the three orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => numberOf(m.name))
      expect(known).toEqual([9, 31, 37])
    })

    it("never takes a PO box, a case postale, a BP or a billing address for the place of delivery", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/\bBP [A-Z]?\s?\d|P\.?O\.? Box|C\.P\. \d|Case postale|Cedex|Facturation|Invoice|Bill To|Accounts Payable|Remit|registered office|Mill Lane|Plat d'Étain/i)
      }
    })

    it("takes the buyer's order number, never a ticket, a request item or an invoice number", () => {
      const numbers = mails.map((m) => m.expected.po_number).filter((n) => n !== null)
      expect(numbers).toHaveLength(20)
      for (const n of numbers) expect(n).not.toMatch(/^(#?18342|RITM|REQ|INV|F26-)/)
    })
  }
)
