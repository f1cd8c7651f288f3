import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { ExtractedOrder, OrderMail } from "./types"

/** The words under each line of the review: the line's own clause, not the whole sentence it shares (line-evidence.ts). */
const extractor = fixtureExtractor()

function mail(text: string, attachments: OrderMail["attachments"] = []): OrderMail {
  return { from: { address: "achats@imprimerie-rousseau.fr", name: "Stéphane Rousseau" }, to: [], subject: "Commande", date: "2026-05-11T08:30:00+02:00", text: `Bonjour,\n${text}\nCordialement`, htmlText: "", attachments }
}

/** Each line as "ref quantity unit ← its words". */
function shown(got: ExtractedOrder): string[] {
  return got.lines.map((l, i) => `${l.ref} ${l.quantity} ${l.unit} ← ${got.evidence[`lines.${i}`]}`)
}

describe("the words the review shows under each line", () => {
  it("gives each line of a three-item French sentence its own words as evidence", () => {
    const got = extractor.extract(mail("Il nous faudrait 3 boîtes de gants nitrile M, 2 cartons de papier A4 et 5 rouleaux de sacs 110 L pour jeudi."))
    expect(shown(got)).toEqual(["GN-4410 3 boîte ← 3 boîtes de gants nitrile M", "REF-1001 2 carton ← 2 cartons de papier A4", "SAC-110 5 rouleau ← 5 rouleaux de sacs 110 L"])
  })

  it("gives each line of a three-item English sentence its own words, « a case of » included", () => {
    const got = extractor.extract(mail("Please send 12 boxes of gloves L, 4 packs of water and a case of A4."))
    expect(shown(got)).toEqual(["GN-4411 12 boîte ← 12 boxes of gloves L", "EAU-50 4 pack ← 4 packs of water", "REF-1001 1 carton ← a case of A4"])
  })

  it("shows a count written after the product, a dozen and a number in words with their lines", () => {
    const got = extractor.extract(mail("Merci de livrer gants M x10, une douzaine de flacons de savon liquide et vingt ampoules LED E27."))
    expect(shown(got)).toEqual(["GN-4410 10 boîte ← gants M x10", "SAV-1L 12 flacon ← une douzaine de flacons de savon liquide", "LED-E27 20 pièce ← vingt ampoules LED E27"])
  })

  it("shows the size said alone with the line it gives: « 5 bt en L » after « 20 bt gants nitrile M »", () => {
    const got = extractor.extract(mail("Salut, 20 bt gants nitrile M + 5 bt en L, 4 cartons essuie-mains. Quand vous pouvez"))
    expect(shown(got)).toEqual(["GN-4410 20 boîte ← 20 bt gants nitrile M", "GN-4411 5 boîte ← 5 bt en L", "ESS-300 4 carton ← 4 cartons essuie-mains"])
  })

  it("keeps the count an aside gives in the line's words: « a carton of AA batteries (4 packs is plenty) »", () => {
    const got = extractor.extract(mail("Can you send 2 x extension leads, a carton of AA batteries (4 packs is plenty) and 6 rolls of bin bags"))
    expect(got.evidence["lines.1"]).toBe("a carton of AA batteries (4 packs is plenty)")
  })

  it("keeps a table row's words as they are", () => {
    const got = extractor.extract(mail("Réf. | Désignation | Qté | Unité\nPAP-A4R | Papier A4 recyclé 80 g | 60 | ramette\nREF-1003 | Classeurs levier 80 mm | 30 | pièce"))
    expect(shown(got)).toEqual(["PAP-A4R 60 ramette ← PAP-A4R | Papier A4 recyclé 80 g | 60 | ramette", "REF-1003 30 pièce ← REF-1003 | Classeurs levier 80 mm | 30 | pièce"])
  })

  it("keeps a one-item sentence whole", () => {
    const got = extractor.extract(mail("Merci de nous livrer 3 ramettes de papier A4 jeudi."))
    expect(got.evidence["lines.0"]).toBe("Merci de nous livrer 3 ramettes de papier A4 jeudi.")
  })

  it("keeps the whole sentence for every line when one count gives three sizes", () => {
    const sentence = "Je vous passe commande de 2 boîtes de gants nitrile de chaque taille (S, M et L)."
    const got = extractor.extract(mail(sentence))
    expect(got.lines.map((l) => l.ref)).toEqual(["GN-4409", "GN-4410", "GN-4411"])
    expect(got.lines.map((_, i) => got.evidence[`lines.${i}`])).toEqual([sentence, sentence, sentence])
  })

  it("still names the attachment a multi-item sentence was read in, and says the order's sentence whole", () => {
    const pdf = "BON DE COMMANDE N° 4712\nMerci de livrer 6 rouleaux de film étirable et 10 rouleaux de ruban adhésif d'emballage."
    const got = extractor.extract(mail("Veuillez trouver ci-joint notre bon de commande.", [{ filename: "BC-4712.pdf", text: pdf }]))
    expect(shown(got)).toEqual(["FILM-500 6 rouleau ← 6 rouleaux de film étirable", "REF-1014 10 rouleau ← 10 rouleaux de ruban adhésif d'emballage"])
    expect(got.evidenceFrom).toMatchObject({ "lines.0": "BC-4712.pdf", "lines.1": "BC-4712.pdf" })
    expect(got.evidence.is_order).toBe("Merci de livrer 6 rouleaux de film étirable et 10 rouleaux de ruban adhésif d'emballage.")
  })
})
