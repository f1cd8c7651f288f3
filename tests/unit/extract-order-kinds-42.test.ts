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
