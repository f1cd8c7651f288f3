import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/** Where the review says each field came from: the mail's own words, or the attachment it was read in. */
const extractor = fixtureExtractor()

const PO_PDF = [
  "IMPRIMERIE ROUSSEAU SAS",
  "BON DE COMMANDE N° 4712 du 11/05/2026",
  "Réf. | Désignation | Qté | Unité",
  "PAP-A4R | Papier A4 recyclé 80 g | 60 | ramette",
  "REF-1003 | Classeurs levier 80 mm | 30 | pièce",
  "Livraison le 19/05/2026 à : Imprimerie Rousseau - Atelier façonnage, 14 rue des Tanneurs, 45000 Orléans"
].join("\n")

function mail(text: string, attachments: OrderMail["attachments"] = []): OrderMail {
  return { from: { address: "achats@imprimerie-rousseau.fr", name: "Stéphane Rousseau" }, to: [], subject: "Commande", date: "2026-05-11T08:30:00+02:00", text, htmlText: "", attachments }
}

describe("the evidence under each field of a captured order", () => {
  it("names the attachment a line, the order number, the date and the address were read in", () => {
    const got = extractor.extract(mail("Bonjour,\nVeuillez trouver ci-joint notre bon de commande.\nCordialement", [{ filename: "BC-4712.pdf", text: PO_PDF }]))
    expect(got.lines.map((l) => l.ref)).toEqual(["PAP-A4R", "REF-1003"])
    expect(got.evidenceFrom).toEqual({ is_order: "BC-4712.pdf", "lines.0": "BC-4712.pdf", "lines.1": "BC-4712.pdf", po_number: "BC-4712.pdf", delivery_date: "BC-4712.pdf", delivery_address: "BC-4712.pdf" })
    expect(got.evidence["lines.0"]).toContain("PAP-A4R")
  })

  it("names no attachment for what the mail's own text says, even beside a PDF", () => {
    const got = extractor.extract(mail("Bonjour,\nMerci d'ajouter 5 boîtes de stylos bille noirs, livraison le 20/05.\nCordialement", [{ filename: "BC-4712.pdf", text: PO_PDF }]))
    const pens = got.lines.findIndex((l) => l.ref === "STY-NR")
    expect(pens).toBeGreaterThanOrEqual(0)
    expect(got.evidenceFrom?.[`lines.${pens}`]).toBeUndefined()
    expect(got.evidenceFrom?.["lines.0"]).toBe("BC-4712.pdf")
  })

  it("names none at all for a mail without attachments", () => {
    const got = extractor.extract(mail("Bonjour,\nMerci de nous livrer 3 ramettes de papier A4 jeudi.\nCordialement"))
    expect(got.is_order).toBe(true)
    expect(got.evidenceFrom).toEqual({})
  })
})
