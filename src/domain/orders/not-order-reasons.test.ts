import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import { inMailSpelling, notOrderReasonParts } from "./not-order-reasons"
import type { OrderMail } from "./types"

const extractor = fixtureExtractor()
const extract = (text: string, over: Partial<OrderMail> = {}) =>
  extractor.extract({ from: { address: "amelie.lefevre@boulangerie-lefevre.fr", name: "Amélie Lefèvre" }, to: [], subject: "Commande", date: "2026-05-07T09:00:00+02:00", text, htmlText: "", attachments: [], ...over })
const reasonOf = (r: ReturnType<typeof extract>) => notOrderReasonParts(r.evidence.is_order ?? "")

describe("why a mail is no order, cut into parts the interface can translate", () => {
  it("reads a verdict that holds a comma as one verdict, not as two of the mail's words", () => {
    expect(notOrderReasonParts("written to colleagues, the supplier in copy")).toEqual([{ kind: "verdict", verdict: "colleagues" }])
    expect(notOrderReasonParts("asks about prices, lead time or a quote")).toEqual([{ kind: "verdict", verdict: "asksAbout" }])
  })

  it("keeps the mail's own words apart from the verdicts, in the extractor's order", () => {
    expect(notOrderReasonParts("annuler, asks about prices, lead time or a quote, pas encore recu")).toEqual([
      { kind: "words", words: "annuler" },
      { kind: "verdict", verdict: "asksAbout" },
      { kind: "words", words: "pas encore recu" }
    ])
  })

  it("keeps an estimate's words together with it", () => {
    expect(notOrderReasonParts("estimate: environ, a confirmer")).toEqual([{ kind: "estimate", words: "environ, a confirmer" }])
  })

  it("gives nothing for an empty reason", () => {
    expect(notOrderReasonParts("")).toEqual([])
  })

  it("leaves none of the extractor's English verdicts to be shown as the mail's words", () => {
    const cases = [
      extract("Bonjour, merci pour votre réponse rapide. Bonne journée."),
      extract("Quel serait votre prix pour 10 cartons de gants nitrile M ? Et le délai ?"),
      extract("Pouvez-vous commander 6 boîtes de gants nitrile M chez votre fournisseur habituel ? Merci", { to: ["paul.lefevre@boulangerie-lefevre.fr"] })
    ]
    for (const r of cases) {
      expect(r.is_order).toBe(false)
      const parts = reasonOf(r)
      expect(parts.length).toBeGreaterThan(0)
      for (const p of parts) if (p.kind === "words") expect(p.words).not.toMatch(/\b(?:quantity|colleagues|prices|automatic|outside)\b/)
    }
    expect(reasonOf(cases[0]!)).toEqual([{ kind: "verdict", verdict: "noProduct" }])
    expect(reasonOf(cases[1]!)).toContainEqual({ kind: "verdict", verdict: "asksAbout" })
    expect(reasonOf(cases[2]!)).toContainEqual({ kind: "verdict", verdict: "colleagues" })
  })

  it("quotes the mail's words as the mail wrote them, accents and all, not as the extractor folded them", () => {
    const text = "Bonjour,\n\nNous avons reçu hier notre livraison : 2 des 5 cartouches de toner sont arrivées abîmées. Je suis très mécontente.\nMerci de nous établir un avoir.\n\nThérèse"
    const said = inMailSpelling(extract(text).evidence.is_order ?? "", text)
    const words = notOrderReasonParts(said).flatMap((p) => (p.kind === "words" ? [p.words] : []))
    expect(words.length).toBeGreaterThan(0)
    // Each one is in the mail as it stands (no "abimees", "recu hier" shown in quotation marks).
    for (const w of words) expect(text).toContain(w)
    expect(words).toContain("abîmées")
  })

  it("leaves the verdicts, and words the mail does not hold, as they were", () => {
    expect(inMailSpelling("asks about prices, lead time or a quote, pas encore recu", "Bonjour, avez-vous un prix ?")).toBe("asks about prices, lead time or a quote, pas encore recu")
    expect(inMailSpelling("pas encore recu, estimate: environ, a confirmer", "Pas encore REÇU ! Environ 10, à confirmer.")).toBe("Pas encore REÇU, estimate: Environ, à confirmer")
  })
})
