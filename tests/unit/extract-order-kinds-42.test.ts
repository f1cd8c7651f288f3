import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 43's order missed (tune42): a two-column table ("Item | Qty") in the HTML part, flattened to one cell a line
 * in the plain part, with a pipe elsewhere in the plain part (a signature's "Company No. … | VAT …"), so the HTML was
 * not read. Phrasings of the tuner's own, French and English (none from a corpus mail), as mails of Friday 27 November
 * 2026 from the tune37 kit.
 */
const table = (intro: string, head: [string, string], rows: [string, string][], after: string): Partial<OrderMail> => ({
  text: [intro, "", ...[head, ...rows].flat(), "", after].join("\n"),
  htmlText: [intro, "", ...[head, ...rows].map(([a, b]) => `${a} | ${b}`), "", after].join("\n")
})
const lines = (over: Partial<OrderMail>, en: boolean): string[] =>
  extract(over.text!, { ...(en ? EN : {}), ...over })
    .lines.map((l) => `${l.ref}|${l.quantity}`)
    .sort()

describe("a two-column table the plain part flattens to one cell a line", () => {
  it("reads the HTML's rows when the plain part has a pipe only in its signature", () => {
    const cases: [Partial<OrderMail>, boolean, string[]][] = [
      [table("Hello,\n\nCould we have the following by Thursday:", ["Item", "Qty"], [["A4 copy paper", "5 reams"], ["Blue biros", "2 boxes"]], "Thanks,\nTom\nRiver Books Ltd | Company No. 01234567 | VAT GB 123 4567 89"), true, ["REF-1001|5", "STY-BL|2"]],
      [table("Bonjour,\n\nMerci de nous livrer pour mardi :", ["Article", "Quantité"], [["Ramettes papier A4", "10"], ["Boîtes de stylos bleus", "3"]], "Cordialement,\nLéa Martin\nLibrairie du Port | SIRET 123 456 789 00012 | 02 40 12 34 56"), false, ["REF-1001|10", "STY-BL|3"]],
      [table("Hi,\n\nOrder for next week please:", ["Product", "Quantity"], [["Paper towels", "4 cartons"], ["Bin bags 110L", "6 rolls"], ["Nitrile gloves L", "5 boxes"]], "Cheers,\nMia\nGreenleaf Cafe | ABN 12 345 678 901 | 03 9123 4567"), true, ["ESS-300|4", "GN-4411|5", "SAC-110|6"]],
      [table("Bonjour,\n\nVoici notre commande pour vendredi :", ["Produit", "Qté"], [["Essuie-mains", "2 cartons"], ["Papier toilette", "3 colis"]], "Bien à vous,\nMarc Petit\nEHPAD Les Cèdres | FINESS 123456789 | 04 72 00 00 00"), false, ["ESS-300|2", "PH-096|3"]],
      [table("Hello,\n\nPlease send the items below, no rush:", ["Description", "Qty"], [["Coffee 250g", "12 packs"], ["Paper cups", "10 bags"]], "Kind regards,\nSean\nHarbour Deli | CRO 654321 | +353 1 234 5678"), true, ["CAF-250|12", "GOB-20|10"]]
    ]
    expect(cases.map(([over, en]) => lines(over, en))).toEqual(cases.map((c) => c[2]))
  })

  it("still reads the plain part when the HTML adds no table, only the same signature's pipes (a guard, passes on main too)", () => {
    const text = "Hello,\n\n5 reams of A4 copy paper and 2 boxes of blue biros please.\n\nThanks,\nTom\nRiver Books Ltd | Company No. 01234567 | VAT GB 123 4567 89"
    expect(lines({ text, htmlText: text }, true)).toEqual(["REF-1001|5", "STY-BL|2"])
  })
})

describe("British Columbia's BC before a Canadian postal code (held-out 42's, and 40's left by tune40)", () => {
  const po = (text: string): string | null => extract(text, EN).po_number
  it("takes no order number from the code's first half", () => {
    const cases = [
      "Hello,\n\n10 boxes of nitrile gloves M by Friday please.\n\nShip to: Cedar Clinic, 455 Main Street, Vancouver BC V6A 2T7\n\nThanks,\nAmy",
      "Hi,\n\nPlease send 4 cartons of paper towels.\nWestside Yoga, 2210 Granville Street, Vancouver BC V6H 3G4 (back door)\n\nCheers,\nJo",
      "Hello,\n\nCould we get 6 packs of still water for Monday? Deliver to 1200 Douglas Street, Victoria BC V8W 2E6.\n\nThanks\nRaj",
      "Hi,\n\n12 rolls of packing tape please.\n\nHarbour Books\n88 Lonsdale Avenue\nNorth Vancouver BC V7M 2E6\n\nThanks,\nLiz",
      "Hello,\n\n3 boxes of coffee pods for Thursday, to our Kelowna store, 1575 Pandosy Street, Kelowna BC V1Y 1P6.\n\nThanks,\nMark"
    ]
    expect(cases.map(po)).toEqual(cases.map(() => null))
  })

  it("still takes a bon de commande's number written after BC (a guard, passes on main too)", () => {
    expect(extract("Bonjour,\n\nBC 2026-0412 : 10 ramettes de papier A4 pour jeudi.\n\nMerci\nLéa").po_number).toBe("2026-0412")
  })
})

