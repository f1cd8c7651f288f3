import { describe, expect, it } from "vitest"

import { orderFeatures, orderProbability, trainOrderClassifier } from "./order-classifier"
import type { OrderMail } from "./types"

const mail = (subject: string, text: string): Pick<OrderMail, "subject" | "text" | "htmlText" | "attachments"> => ({ subject, text, htmlText: "", attachments: [] })

const orders = [
  mail("Commande", "Merci de nous livrer 10 boîtes de gants et 4 rouleaux de film."),
  mail("Order", "Please send 12 rolls of tape and 6 boxes of masks."),
  mail("Commande atelier", "Merci de nous livrer 3 cartons de papier."),
  mail("PO 1234", "Please send 20 reams of paper, PO 1234.")
]
const others = [
  mail("Devis", "Pourriez-vous nous faire un devis pour 10 boîtes de gants ?"),
  mail("Prices", "Could you quote for 12 rolls of tape?"),
  mail("Re: facture", "Votre facture comporte une erreur de quantité."),
  mail("Quote please", "Could you quote for 20 reams of paper?")
]
const examples = [...orders.map((m) => ({ features: orderFeatures(m), isOrder: true })), ...others.map((m) => ({ features: orderFeatures(m), isOrder: false }))]

describe("the learned is-order score (an experiment the extractor does not use)", () => {
  it("reads the sender's new words, not the history a reply quotes, and the shape of order lines", () => {
    const f = orderFeatures(mail("Re: Commande", "Merci, bien reçu.\n\nLe 2 mai, Amélie a écrit :\n> Merci de livrer 10 boîtes de gants"))
    expect(f).toContain("shape:reply")
    expect(f).toContain("shape:qty-lines=0")
    expect(f).not.toContain("w:gants")
    expect(orderFeatures(mail("Order", "12 rolls of tape\n6 boxes of masks"))).toContain("shape:qty-lines=2")
  })

  it("retrains to the same weights with the same seed, and to other weights with another", () => {
    expect(trainOrderClassifier(examples, { minCount: 1 })).toEqual(trainOrderClassifier(examples, { minCount: 1 }))
    expect(trainOrderClassifier(examples, { minCount: 1, seed: 12 })).not.toEqual(trainOrderClassifier(examples, { minCount: 1 }))
  })

  it("learns to tell the orders from the quote requests it was trained on", () => {
    const w = trainOrderClassifier(examples, { minCount: 1 })
    for (const m of orders) expect(orderProbability(w, orderFeatures(m))).toBeGreaterThan(0.5)
    for (const m of others) expect(orderProbability(w, orderFeatures(m))).toBeLessThan(0.5)
  })
})
