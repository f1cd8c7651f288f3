import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { after, DAY, FRI, itChecksDeliveryDays, MON, next, numberOf, on, readLabelledMails, sentDay, THU, TUE, WED, withAttachment, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The thirty-eighth held-out part (issue #11, held-out-38/): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — transport and mobility: a Nice taxi fleet's manager on an iPhone, an ambulance
 * firm's forwarded garage list, a driving school's 2027 price request, a Lyon airport ground handler's table, a Pau bus
 * network's PDF, the known Garage Chevalier, a rail depot's out-of-office, a car dealership's reply adding to its own
 * order, the known Transports Girard ordering for another depot, a cable car's dictated order, a taxi co-op's invoice
 * query, a tram maintenance centre, a motorway service area's windows-1252 CSV, a driving school's agency, an
 * ambulance firm's cancellation, a railway station, a Guadeloupe ground handler, a hauliers' newsletter, a Réunion
 * coach depot, an airport car-rental branch; a Heathrow ramp supervisor on an iPhone, a cab co-operative's tender, a
 * Leeds coach depot's forward, a Dubai ramp services' PDF, a Sydney bus depot, a metro buyer's out-of-office, the known
 * Whitfield Logistics' truck workshop, a Wellington cable car's workshop, a Glasgow taxi firm's complaint, a Toronto
 * dealership's table, a Chicago rail yard's UTF-8 CSV, a Nairobi ambulance service, an airport lounge's invoice query,
 * a Johannesburg car-rental branch dictating, a Cork bus garage adding to its own order, a service-plaza operator's
 * trade-account enquiry, an Edinburgh tram depot, a Perth taxi firm's chaser, a Denver ground handler's generated PO,
 * a Mumbai metro depot's cancellation. Checked here without the extractor (the bench runs it, blind, aggregates only).
 */
const mails = readLabelledMails("held-out-38")
const ORDERS = join(import.meta.dirname, "..", "fixtures", "orders")

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h38-01": { words: "Pour jeudi si possible (from a Monday, on an iPhone)", day: next(THU) },
  "h38-02": { words: "Livraison pour le lundi 7 décembre (the forwarder's)", day: on("2026-12-07", MON) },
  "h38-04": { words: "Livraison souhaitée : mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h38-05": { words: "Date de livraison : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h38-06": { words: "pour vendredi (from a Monday)", day: next(FRI) },
  "h38-08": { words: "Livraison jeudi 3 décembre (the quoted first mail: \"Même adresse, même date\")", day: on("2026-12-03", THU) },
  "h38-09": { words: "Pour mardi (from a Thursday)", day: next(TUE) },
  "h38-10": { words: "pour jeudi (dictated on a Tuesday)", day: next(THU) },
  "h38-12": { words: "jeudi en huit au plus tard (from a Monday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h38-13": { words: "Date de livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h38-14": { words: "pour demain (from a Thursday evening)", day: after(1) },
  "h38-16": { words: "le lundi 14 décembre au plus tard (that day)", day: on("2026-12-14", MON) },
  "h38-17": { words: "Pour mercredi (from Guadeloupe's Friday)", day: next(WED) },
  "h38-19": { words: "le vendredi 11/12 (Réunion, day first)", day: on("2026-12-11", FRI) },
  "h38-20": { words: "pour lundi (from a Friday)", day: next(MON) },
  "h38-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h38-23": { words: "By Wednesday (the forwarder's, from a Friday)", day: next(WED) },
  "h38-24": { words: "Delivery Date: 10/12/2026 (in the PDF, Dubai, day first)", day: on("2026-12-10", THU) },
  "h38-25": { words: "Thursday week (from Sydney's Tuesday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h38-27": { words: "a week on Monday (from a Thursday: the Monday after the coming one)", day: (sent) => next(MON)(sent) + 7 * DAY },
  "h38-30": { words: "Deliver Tuesday, December 8", day: on("2026-12-08", TUE) },
  "h38-31": { words: "Need By,12/11/2026 (in the CSV, US, month first)", day: on("2026-12-11", FRI) },
  "h38-32": { words: "by Friday 11th December (Nairobi)", day: on("2026-12-11", FRI) },
  "h38-34": { words: "for Monday the 7th (dictated)", day: on("2026-12-07", MON) },
  "h38-35": { words: "deliver Friday 4 December (the quoted first mail: \"same day and address\")", day: on("2026-12-04", FRI) },
  "h38-37": { words: "by next Tuesday (from a Friday: the coming Tuesday)", day: next(TUE) },
  "h38-39": { words: "Deliver Wednesday, December 9", day: on("2026-12-09", WED) }
}

const NOT_ORDERS = [3, 7, 11, 15, 18, 22, 26, 29, 33, 36, 38, 40]

/** The text each mail is made from (sources/held-out-38.txt): its body, PDF and CSV lines, quote marks and cell bars off. */
const madeFrom = new Map(
  readFileSync(join(ORDERS, "sources", "held-out-38.txt"), "utf8")
    .split(/^=== /m)
    .filter((b) => b.trim() !== "")
    .map((block) => {
      const [head, ...body] = block.split(/^---$/m)
      const lines = head!.split("\n")
      const attached = lines.filter((l) => /^(pdf|csv):/.test(l)).flatMap((l) => l.replace(/^(pdf|csv):\s?/, "").split(/[|;,]/))
      const text = body.join("---").split("\n").flatMap((l) => l.replace(/^>\s?/, "").split("|"))
      return [lines[0]!.trim(), [...text, ...attached].map((c) => c.trim()).filter((c) => c !== "").join(", ")] as const
    })
)

const catalogUnits = new Map(
  readFileSync(join(ORDERS, "products.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => {
      const cells = row.split(",")
      return [cells[0]!, cells[cells.length - 3]!] as const
    })
)

describe("the thirty-eighth held-out part, written blind after the extractor", () => {
  it("holds 40 mails, 20 French (01–20) and 20 English (21–40), 12 of them not orders, its 28 orders 114 lines long", () => {
    expect(mails).toHaveLength(40)
    expect(mails.filter((m) => numberOf(m.name) <= 20)).toHaveLength(20)
    expect(mails.filter((m) => !m.expected.is_order).map((m) => numberOf(m.name))).toEqual(NOT_ORDERS)
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(114)
  })

  it("attaches a bus network's and a ramp services' PDF orders, a service area's windows-1252 .csv and a rail yard's UTF-8 one", () => {
    expect(withAttachment(mails, /^Content-Type: application\/pdf/m)).toEqual(["h38-05-reseau-bus-pau-pdf", "h38-24-ramp-services-dubai-pdf"])
    expect(withAttachment(mails, /^Content-Type: text\/csv; charset="windows-1252"/m)).toEqual(["h38-13-aire-autoroute-csv"])
    expect(withAttachment(mails, /^Content-Type: text\/csv; charset="utf-8"/m)).toEqual(["h38-31-rail-yard-chicago-csv"])
  })

  it("marks the newsletter as bulk, the two out-of-office replies as automatic, and none of the orders", () => {
    expect(mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual([18])
    expect(mails.filter((m) => /^Auto-Submitted: auto-/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual([7, 26])
  })

  it("writes each Date header with the weekday of its own date", () => {
    for (const { name, eml } of mails) {
      const weekday = /^Date: (\w{3}),/m.exec(eml)![1]
      expect(weekday, name).toBe(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(sentDay(eml)).getUTCDay()])
    }
  })

  it("names a known customer for the three orders sent from a customer's address, and none for the others", () => {
    const known = mails.filter((m) => m.expected.customer_code !== null).map((m) => [numberOf(m.name), m.expected.customer_code])
    expect(known).toEqual([[6, "C-00105"], [9, "C-00102"], [27, "C-00202"]])
    const customers = readFileSync(join(ORDERS, "customers.csv"), "utf8")
    for (const m of mails) {
      const from = /^From: .*<([^>]+)>/m.exec(m.eml)![1]!
      expect(customers.includes(`,${from},`), m.name).toBe(m.expected.customer_code !== null)
    }
  })

  it("gives every line the catalog's unit for its reference, whatever the mail writes", () => {
    for (const m of mails) for (const l of m.expected.lines) expect(l.unit, `${m.name} ${l.ref}`).toBe(catalogUnits.get(l.ref))
  })

  it("takes each place of delivery as a run of its mail, PDF or CSV, its lines joined by \", \"", () => {
    const places = mails.filter((x) => x.expected.delivery_address !== null)
    expect(places).toHaveLength(27)
    for (const m of places) expect(madeFrom.get(m.name), m.name).toContain(m.expected.delivery_address)
  })

  it("never takes a BP, a PO Box, a CS/Cedex or TSA, a billing or invoicing address, a head office or registered office for the place of delivery", () => {
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
      expect(m.expected.delivery_address, m.name).not.toMatch(/\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|\bTSA \d|Facturation|factur|Bill To|Invoice To|Accounts Payable|Finance|Siège|Registered office|Trafford Park|Jean-Jaurès|Park Square|boulevard de la Libération|Remit/i)
    }
  })

  it("takes the buyer's order number, never an invoice, delivery note, a cancelled, chased or tendered order's number, a company, tax or registration number", () => {
    const numbers = mails.map((m) => m.expected.po_number).filter((n) => n !== null)
    expect(numbers).toHaveLength(20)
    for (const m of mails.filter((x) => x.expected.po_number !== null)) expect(madeFrom.get(m.name), m.name).toContain(m.expected.po_number)
    // The numbers themselves too (the Dubai TRN, the Pau SIRET, the Sydney ABN, the Toronto dealer's OMVIC number), not only
    // their labels: a label holds the bare number, which a prefix like "TRN" alone would let through.
    for (const n of numbers) expect(n).not.toMatch(/^(F26-|BL-|INV-|SGL-|AMB-L|T-2027|CCT-|PTX-|MMD-|TRN|SIRET|ABN|OMVIC|GH-512|YX19|06-KT|04418827|E 19|100345678900003|256 400 112|41 622 118|4471093)/)
  })

  it("gives no look-alike a line, an order number, a day or a place", () => {
    for (const m of mails.filter((x) => !x.expected.is_order)) {
      expect([m.expected.lines.length, m.expected.po_number, m.expected.delivery_date, m.expected.delivery_address], m.name).toEqual([0, null, null, null])
    }
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
