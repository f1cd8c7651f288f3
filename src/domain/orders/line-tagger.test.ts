import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { ORDERS_FIXTURES } from "~bench/orders-corpus"

import { productsFromCsv } from "./catalog-files"
import { hybridLines, LineTagger, lineProbability, trainLineTagger } from "./line-tagger"
import weights from "./line-tagger-weights.json"
import type { OrderMail } from "./types"

const tagger = new LineTagger(productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv"))), ["comptoir-fournitures.fr"])
const mail = (text: string, subject = "Commande"): OrderMail => ({ from: { address: "achats@exemple.fr", name: "Achats" }, to: [], subject, date: "2026-05-07T09:00:00+02:00", text, htmlText: "", attachments: [] })
const keys = (m: OrderMail): string[] => tagger.candidates(m).map((c) => `${c.where}:${c.line.product.ref}|${c.line.quantity}|${c.line.unit}`)

const reply = mail("Bonjour,\nMerci de nous livrer 6 boîtes de gants nitrile taille M.\nCordialement,\nJeanne Martin\nTél. 04 78 12 34 56\n\nLe 2 mai 2026, Comptoir a écrit :\n> Votre commande : 10 flacons de gel hydroalcoolique 500 ml", "Re: Commande")

describe("the learned line tagger (an experiment the extractor does not use)", () => {
  it("proposes the lines of the history a reply quotes too, marked as quoted, beside the new text's", () => {
    expect(keys(reply)).toEqual(["body:GN-4410|6|boîte", "quoted:REF-1008|10|flacon"])
  })

  it("retrains to the same weights with the same seed, and to other weights with another", () => {
    const examples = [{ candidates: tagger.candidates(reply), expected: [{ ref: "GN-4410", quantity: 6, unit: "boîte" }] }]
    expect(trainLineTagger(examples, { minCount: 1 })).toEqual(trainLineTagger(examples, { minCount: 1 }))
    expect(trainLineTagger(examples, { minCount: 1, seed: 12 })).not.toEqual(trainLineTagger(examples, { minCount: 1 }))
  })

  it("with the committed weights, trusts a line of the new text over an order quoted below it", () => {
    const [own, quoted] = tagger.candidates(reply)
    expect(lineProbability(weights, own!)).toBeGreaterThan(0.5)
    expect(lineProbability(weights, quoted!)).toBeLessThan(0.5)
  })

  it("in the hybrid, keeps a quoted line the rules took (an accepted quote) and proposes nothing for a non-order", () => {
    const cands = tagger.candidates(reply)
    const rules = [{ ref: "GN-4410", quantity: 6, unit: "boîte" }, { ref: "REF-1008", quantity: 10, unit: "flacon" }]
    expect(hybridLines({ is_order: true, lines: rules }, cands, weights)).toEqual(rules)
    expect(hybridLines({ is_order: false, lines: [] }, cands, weights)).toEqual([])
  })

  it("in the hybrid, drops a line of the new text the model gives under 0.2 and adds one it gives over 0.8", () => {
    const cands = tagger.candidates(reply)
    const sure = { bias: 10 }
    const never = { bias: -10 }
    expect(hybridLines({ is_order: true, lines: [{ ref: "GN-4410", quantity: 6, unit: "boîte" }] }, cands, never)).toEqual([])
    expect(hybridLines({ is_order: true, lines: [] }, cands.slice(0, 1), sure)).toEqual([{ ref: "GN-4410", quantity: 6, unit: "boîte" }])
  })
})
