import { expect, it } from "vitest"

import { after, DAY, FRI, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-third held-out part (issue #11; h33-* in tuned/ since tune33, held-out-33/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — the office floor: a Paris law firm's partner on Outlook for Android, a Brussels notaries' office
 * manager passing on a purchase approved in a chain of "OK pour moi", a Geneva fiduciary, a Lyon accountants' office
 * manager with emojis, a Nantes insurer's PDF, a Luxembourg bank branch (an ALL-CAPS line, a two-language notice), a
 * Rennes coworking space, a Toulouse IT services firm pasting Teams, a Casablanca call centre, a recruitment agency's
 * supplier form, a Marseille syndic's CSV, a Québec consulate's calendar invitation, a Lugano broker's machine
 * translation, a notary's out-of-office, a known Lille law firm, a Charleroi coworking hub, a Paris insurer's budget,
 * a Tunis audit firm, a notaries' chamber's tender notice, a Bordeaux coworking; a London law firm on Android, a
 * Singapore accountants' invoice query, a New York broker's PDF, a Toronto IT firm pasting Slack, a Johannesburg call
 * centre's cancellation, a known Edinburgh IT group, a Hong Kong bank branch, a Manchester recruiter's chaser, a Cape
 * Town call centre, a Singapore coworking space's CSV, a facilities newsletter, Sydney accountants, a known Boston
 * buyer, a Vancouver consulate's quotation request, a Vancouver strata manager, Sandton attorneys, a Chicago
 * coworking's complaint, a Chicago staffing agency, an Auckland broker, a Montréal law firm. Checked here without the
 * extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h33-01": { words: "pour vendredi (from a Monday, on a phone)", day: next(FRI) },
  "h33-02": { words: "Livraison souhaitée le mardi 8 décembre (the quoted first mail; the approvals change only the capsules)", day: on("2026-12-08", TUE) },
  "h33-04": { words: "à livrer jeudi prochain (from a Friday: the coming Thursday)", day: next(THU) },
  "h33-05": { words: "Date de livraison : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h33-06": { words: "pour le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h33-08": { words: "pour mercredi (from a Monday)", day: next(WED) },
  "h33-09": { words: "au plus tard le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h33-11": { words: "Date de livraison souhaitée;03/12/2026 (in the CSV, day first)", day: on("2026-12-03", THU) },
  "h33-12": { words: "Quand : mercredi 9 décembre 2026 09:00 (the invitation)", day: on("2026-12-09", WED) },
  "h33-13": { words: "pas plus tard que vendredi le 11 décembre (machine-translated)", day: on("2026-12-11", FRI) },
  "h33-15": { words: "pour mardi (from a Thursday)", day: next(TUE) },
  "h33-16": { words: "la semaine prochaine, le jeudi (from a Wednesday)", day: nextWeeks(THU) },
  "h33-18": { words: "d'ici le lundi 14 décembre", day: on("2026-12-14", MON) },
  "h33-20": { words: "pour demain (from a Thursday evening)", day: after(1) },
  "h33-21": { words: "for Thursday (from a Monday, on a phone)", day: next(THU) },
  "h33-23": { words: "Delivery Date: 12/10/2026 (in the PDF, month first)", day: on("2026-12-10", THU) },
  "h33-24": { words: "by Monday (from a Thursday)", day: next(MON) },
  "h33-26": { words: "Delivery by Friday 11th December", day: on("2026-12-11", FRI) },
  "h33-27": { words: "on or before 08/12/2026 (Hong Kong, day first)", day: on("2026-12-08", TUE) },
  "h33-29": { words: "by Wednesday (from a Friday)", day: next(WED) },
  "h33-30": { words: "Deliver By,07/12/2026 (DD/MM/YYYY) (in the CSV)", day: on("2026-12-07", MON) },
  "h33-32": { words: "the Tuesday after next (from Sydney's Monday: the Tuesday after the coming one)", day: (sent) => next(TUE)(sent) + 7 * DAY },
  "h33-33": { words: "Delivery Wednesday 12/9 (Boston, month first)", day: on("2026-12-09", WED) },
  "h33-35": { words: "by end of day Thursday (from a Monday)", day: next(THU) },
  "h33-36": { words: "by close of business Tuesday (from a Thursday)", day: next(TUE) },
  "h33-38": { words: "please deliver Monday, December 7", day: on("2026-12-07", MON) },
  "h33-39": { words: "by Thursday (from Auckland's Wednesday)", day: next(THU) },
  "h33-40": { words: "for Tuesday the 8th", day: on("2026-12-08", TUE) }
}

const NOT_ORDERS = [3, 7, 10, 14, 17, 19, 22, 25, 28, 31, 34, 37]

describeHeldOutSet(
  { title: "the former thirty-third held-out part (h33-* in tuned/), written blind after the extractor and now tuning material", name: "h33", folder: "tuned", prefix: "h33-" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 86,
    attachments: { pdf: ["h33-05-mutuelle-nantes-pdf", "h33-23-insurance-broker-nyc-pdf"], csv1252: ["h33-11-syndic-marseille-csv"], csvUtf8: ["h33-30-coworking-singapore-csv"] },
    headers: { bulk: [19, 31], autoSubmitted: [14] },
    lookAlikesCarryNothing: true,
    delivery: DELIVERY
  },
  ({ mails }) => {
    it("names a known customer for the three orders sent from a customer's address, and none for the others", () => {
      const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => [numberOf(m.name), m.expected.customer_code])
      expect(known).toEqual([[15, "C-00108"], [26, "C-00209"], [33, "C-00205"]])
    })

    it("never takes a PO box, a case postale, a BP, a billing address or a registered office for the place of delivery", () => {
      const places = mails.filter((x) => x.expected.delivery_address !== null)
      expect(places).toHaveLength(25)
      for (const m of places) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/\bBP \d|P\.?O\.? Box|C\.P\. \d|Case postale|Cedex|\bCS \d|Facturation|Bill To|Accounts Payable|Finance|Siège|registered office|avenue Hoche|boulevard Royal|place Royale|Fleet Place|Queen's Road|Fredman Drive|Anson Road|succursale/i)
      }
    })

    it("takes the buyer's order number, never a ticket, an invoice, a matter or a cancelled order's number", () => {
      const numbers = mails.map((m) => m.expected.po_number).filter((n) => n !== null)
      expect(numbers).toHaveLength(15)
      for (const n of numbers) expect(n).not.toMatch(/^(#?5512|FA-|2026-0412|VLC-)/)
    })
  }
)
