import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/**
 * The kinds of miss held-out 28 showed (tune28: forwarded lists quoted whole, dictated one-liners, New Zealand and South
 * African addresses, texted orders), each written here in phrasings from no corpus mail. Which tests fail on main before
 * tune28 is said in tests/fixtures/orders/README.md ("tune28"); the guards say what a rule must not reach.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Tuesday 1 December 2026.
  return extractor.extract({ from: { address: "contact@menuiserie-le-goff.fr", name: "Erwan Le Goff" }, to: ["commandes@comptoir-fournitures.fr"], subject: "Commande", date: "2026-12-01T08:30:00+01:00", text, htmlText: "", attachments: [], ...over })
}
const EN = { from: { address: "office@harbourlight.example", name: "Daniel Grech" }, subject: "Supplies", date: "2026-12-01T08:30:00+00:00" }
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("a forwarded list quoted whole under its own header", () => {
  it("'Please supply the below on PO …' over a forward whose list is all '> ' lines orders that list", () => {
    const r = extract(
      "Hi,\n\nPlease supply the below on PO HL-5521, for Friday.\n\nDaniel Grech\nHarbour Light\n\n---------- Forwarded message ---------\nFrom: Tom Azzopardi <t.azzopardi@harbourlight.example>\nDate: Mon, 30 Nov 2026 at 16:02\nSubject: kitchen restock\n\n> Daniel, for the kitchen we need:\n> 12 packs of still water\n> 5 bags of paper cups\n> Tom\n",
      { ...EN, subject: "Fwd: kitchen restock" }
    )
    expect(r.order_decision).toBe("order")
    expect(r.po_number).toBe("HL-5521")
    expect(lines(r)).toEqual(["EAU-50|12|pack", "GOB-20|5|sachet"])
  })

  it("a French forward whose header opens on 'Sujet :' gives its quoted list, the note's own count of a product first", () => {
    const r = extract(
      "Bonjour,\n\nVoici notre commande, la liste de Lucie ci-dessous, mais mettez 6 packs d'eau et non 3.\n\nErwan\n\n-------- Message transféré --------\nSujet : courses pour le salon\nDate : 30/11/2026 14:05\nDe : Lucie Morvan <l.morvan@menuiserie-le-goff.fr>\nPour : Erwan Le Goff <contact@menuiserie-le-goff.fr>\n\n> Erwan, il nous faut :\n> - eau plate : 3 packs\n> - sacs poubelle 50 L : 2 rouleaux\n> Lucie\n",
      { subject: "TR: courses pour le salon" }
    )
    expect(lines(r)).toEqual(["EAU-50|6|pack", "SAC-050|2|rouleau"])
  })
})
