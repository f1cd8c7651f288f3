import { describe, expect, it } from "vitest"

import { complaintOf } from "./complaint-ask"
import { NOT_ORDER_VERDICTS } from "./not-order-reasons"

/**
 * A mail the extractor calls no order, with the reason it gives (the reasons below are the ones it gives for these
 * mails): a complaint is told what it asks for, in the mail's own words; any other non-order is told nothing more.
 */
const mail = (text: string, subject = "Livraison") => ({ subject, text, htmlText: "" })
const asks = (reason: string, m: ReturnType<typeof mail>) => complaintOf(reason, m)?.asks.map((a) => `${a.kind}: ${a.words}`)

describe("a French complaint", () => {
  it("damaged chairs and a credit note asked for: the complaint and the ask are quoted as the mail wrote them", () => {
    const c = complaintOf("abîmées, faire un avoir", mail("Bonjour,\n\nles chaises reçues sont abîmées, merci de nous faire un avoir.\n\nCordialement,\nAmélie"))
    expect(c).toEqual({ about: "les chaises reçues sont abîmées", invoices: [], orders: [], asks: [{ kind: "credit-note", words: "merci de nous faire un avoir" }] })
  })

  it("names the invoice of its subject and the order of its body, and asks for a refund", () => {
    const c = complaintOf(
      "réclamation, rembourser, facture",
      mail("Bonjour,\n\n3 cartons d'essuie-mains étaient manquants sur la livraison de la commande 4500123. Merci de nous rembourser.\n\nAmélie", "Réclamation facture F-2026-0142")
    )
    // What went wrong is the body's, not the subject's "Réclamation facture …".
    expect(c?.about).toBe("3 cartons d'essuie-mains étaient manquants sur la livraison de la commande 4500123")
    expect(c?.invoices).toEqual(["F-2026-0142"])
    expect(c?.orders).toEqual(["4500123"])
    expect(c?.asks).toEqual([{ kind: "refund", words: "Merci de nous rembourser" }])
  })

  it("cartons missing from an order: what went wrong is the missing cartons, not the refund asked", () => {
    const c = complaintOf("rembourser", mail("Bonjour,\n\nil manque 2 cartons sur la commande CMD-2026-00012, merci de nous rembourser ou de les livrer rapidement.\n\nAmélie", "Commande CMD-2026-00012 incomplète"))
    expect(c?.about).toBe("il manque 2 cartons sur la commande CMD-2026-00012")
    expect(c?.orders).toEqual(["CMD-2026-00012"])
  })

  it("a complaint that asks nothing says so by an empty list, its complaint still quoted", () => {
    const c = complaintOf("abîmées", mail("Bonjour,\n\nLes 10 boîtes de gants livrées mardi sont arrivées abîmées.\n\nAmélie"))
    expect(c).toEqual({ about: "Les 10 boîtes de gants livrées mardi sont arrivées abîmées", invoices: [], orders: [], asks: [] })
  })

  it("a credit note refused for a replacement asks only the replacement", () => {
    expect(asks("pas les bons", mail("Bonjour,\n\nCe ne sont pas les bons gobelets : nous ne voulons pas un avoir mais un remplacement rapide."))).toEqual(["replacement: un remplacement rapide"])
  })

  it("a machine that does not work asks for a technician, goods to take back for their collection, a call back is a call back", () => {
    expect(asks("défectueuse", mail("La machine à café livrée est défectueuse, merci d'envoyer un technicien."))).toEqual(["visit: merci d'envoyer un technicien"])
    expect(asks("erreur de livraison", mail("Erreur de livraison sur les ramettes : merci de venir les reprendre."))).toEqual(["collection: merci de venir les reprendre"])
    expect(asks("abîmées", mail("Les boîtes sont arrivées abîmées, pouvez-vous nous rappeler ?"))).toEqual(["callback: pouvez-vous nous rappeler"])
  })

  it("reads the customer's new words only: our quoted reply's “nous vous ferons un avoir” asks nothing", () => {
    const c = complaintOf("abîmées", mail("Les chaises sont toujours abîmées.\n\nLe 2 déc. 2026 à 10:00, Comptoir <ventes@comptoir-fournitures.fr> a écrit :\n> Nous vous ferons un avoir si besoin."))
    expect(c?.asks).toEqual([])
  })
})

describe("words that look like an ask and are none", () => {
  it("“nous avons dépanné chez un confrère” is no technician's visit, “un bon de retour” no replacement", () => {
    expect(asks("établir un avoir", mail("Merci d'établir un avoir, nous avons dépanné chez un confrère."))).toEqual(["credit-note: Merci d'établir un avoir"])
    expect(asks("erreur de référence", mail("Erreur de référence : merci de nous envoyer un bon de retour."))).toEqual(["collection: merci de nous envoyer un bon de retour"])
  })

  it("the sender paying a colleague back (“je te rembourse”) is no complaint", () => {
    expect(complaintOf("rembourse", mail("Salut Julie, tu peux passer la commande ? Je te rembourse sur la caisse de la crèche."))).toBeNull()
  })

  it("an address on “Exchange Crescent” is no exchange; “a credit or replacements” is both", () => {
    expect(asks("credit note", mail("Please submit a credit note.\nSupplyPoint, 1 Exchange Crescent, Edinburgh"))).toEqual(["credit-note: Please submit a credit note"])
    expect(asks("damaged", mail("The delivery arrived damaged. Can you sort a credit or replacements?"))).toEqual([
      "credit-note: Can you sort a credit or replacements",
      "replacement: Can you sort a credit or replacements"
    ])
  })
})

describe("an English complaint", () => {
  it("wrong paper delivered, to collect and replace: the extractor only says it has no product, the mail's words say complaint", () => {
    const c = complaintOf(NOT_ORDER_VERDICTS.noProduct, mail("Hello,\n\nwrong paper delivered, please collect it and send the right one.\n\nThanks\nDaniel", "Paper"))
    expect(c?.about).toBe("wrong paper delivered")
    expect(c?.asks).toEqual([
      { kind: "collection", words: "please collect it and send the right one" },
      { kind: "replacement", words: "please collect it and send the right one" }
    ])
  })

  it("a broken chair on a named invoice asks for a technician", () => {
    const c = complaintOf("broken, invoice", mail("Hi,\n\nOne of the chairs on invoice INV-2026-0042 arrived broken. Could you send a technician to look at it?\n\nDaniel"))
    expect(c?.invoices).toEqual(["INV-2026-0042"])
    expect(c?.asks.map((a) => a.kind)).toEqual(["visit"])
  })

  it("the wrong size, to return for a refund: both, in the mail's order", () => {
    expect(asks("wrong size, refund", mail("The gloves are the wrong size. We would like to return them and get a refund."))).toEqual([
      "collection: We would like to return them and get a refund",
      "refund: We would like to return them and get a refund"
    ])
  })

  it("a defective toner and nothing asked: no ask", () => {
    expect(asks("complaint, defective", mail("Hi,\n\nThe toner you delivered is defective.\n\nDaniel"))).toEqual([])
  })

  it("a refund declined for the right ones asks only the replacement", () => {
    expect(asks("wrong item", mail("Wrong item delivered. We don't need a refund, just send the correct ones."))).toEqual(["replacement: just send the correct ones"])
  })
})

describe("what the corpus's complaints showed", () => {
  it("replacements the customer found elsewhere are not asked for; the credit note is", () => {
    expect(asks("damaged, credit note", mail("WL-PO-40218 arrived damaged. We've sourced replacements locally because we couldn't wait. We'd like a credit note for the 40 boxes."))).toEqual([
      "credit-note: We'd like a credit note for the 40 boxes"
    ])
  })

  it("goods short, the balance to be delivered, is a replacement; “Can someone call me?” a call back", () => {
    expect(asks("short delivery", mail("We received 20 boxes, 4 cartons were missing. Kindly advise when the balance will be delivered."))).toEqual([
      "replacement: Kindly advise when the balance will be delivered"
    ])
    expect(asks("wrong ones, Not happy", mail("The bin bags you sent are the wrong ones. Not happy. Can someone call me?"))).toEqual(["callback: Can someone call me"])
  })

  it("a delivery note missing from the parcel (“BL manquant”) is a paper asked for, no complaint", () => {
    expect(complaintOf(NOT_ORDER_VERDICTS.noProduct, mail("Bonjour, reçu les masques mais pas de bon de livraison. Pouvez-vous me l'envoyer ?", "BL manquant"))).toBeNull()
  })
})

describe("a mail that is no complaint gets no asks at all", () => {
  it("a quote request, an automatic mail, an invoice asked again", () => {
    expect(complaintOf("faire un devis, asks about prices, lead time or a quote, devis", mail("Bonjour, pouvez-vous nous faire un devis pour 20 chaises ? Nous aimerions être remboursés du port si possible."))).toBeNull()
    expect(complaintOf(NOT_ORDER_VERDICTS.automatic, mail("Our refund policy has changed: damaged goods are now collected for free.", "Newsletter"))).toBeNull()
    expect(complaintOf("facture", mail("Bonjour, pouvez-vous me renvoyer la facture F-2026-0099 ? Merci."))).toBeNull()
  })

  it("a mail with no product and no complaint words, even with “wrong” in it", () => {
    expect(complaintOf(NOT_ORDER_VERDICTS.noProduct, mail("Hello, sorry, I gave you the wrong address in my last mail: it is 4 Quay Street. Thanks"))).toBeNull()
    expect(complaintOf(NOT_ORDER_VERDICTS.noProduct, mail("Hello, could you send me your new catalogue? Thanks"))).toBeNull()
  })
})

describe("the numbers a complaint names", () => {
  it("a date after “facture” or a count after “order” is no document's number", () => {
    const c = complaintOf("damaged", mail("The order 12 chairs from your invoice of 12/11/2026 arrived damaged, facture du 12/11/2026."))
    expect(c).toMatchObject({ invoices: [], orders: [] })
  })

  it("a purchase order and a delivery note are named as written", () => {
    expect(complaintOf("damaged", mail("Goods on PO 4500-778 / delivery note BL2026-311 arrived damaged."))?.orders).toEqual(["4500-778", "BL2026-311"])
  })
})

describe("two asks offered as a choice (“ou”, “or”, “sinon”, “soit … soit”, “either … or”)", () => {
  /** Each ask as kind, with "or" when the customer offers it as the alternative to the ask before it. */
  const choices = (reason: string, m: ReturnType<typeof mail>) => complaintOf(reason, m)?.asks.map((a) => (a.choice === true ? `or ${a.kind}` : a.kind))

  it("« merci de nous rembourser ou de les livrer »: a refund or the goods delivered, both shown, one clause", () => {
    const c = complaintOf("rembourser", mail("Bonjour,\n\nil manque 2 cartons sur la commande CMD-2026-00012, merci de nous rembourser ou de les livrer rapidement.\n\nAmélie", "Commande CMD-2026-00012 incomplète"))
    expect(c?.asks).toEqual([
      { kind: "refund", words: "merci de nous rembourser ou de les livrer rapidement" },
      { kind: "replacement", words: "merci de nous rembourser ou de les livrer rapidement", choice: true }
    ])
  })

  it("in French, four more ways", () => {
    expect(choices("cassés", mail("Les verres sont arrivés cassés : soit vous nous faites un avoir, soit vous les remplacez."))).toEqual(["credit-note", "or replacement"])
    expect(choices("manquant", mail("Il manque 4 boîtes de gants. Merci de nous les envoyer, sinon de nous rembourser."))).toEqual(["replacement", "or refund"])
    expect(choices("défectueux", mail("Le toner livré est défectueux, merci de l'échanger ou de nous faire un avoir."))).toEqual(["replacement", "or credit-note"])
    expect(choices("il manque 3", mail("Il manque 3 cartons de ramettes : vous pouvez nous les expédier ou bien nous rembourser, comme vous préférez."))).toEqual(["replacement", "or refund"])
  })

  it("in English: “refund us or send them” and four more ways", () => {
    expect(asks("missing", mail("Hi, 2 cartons were missing from PO-7781. Please refund us or send them."))).toEqual([
      "refund: Please refund us or send them",
      "replacement: Please refund us or send them"
    ])
    expect(choices("missing", mail("Hi, 2 cartons were missing from PO-7781. Please refund us or send them."))).toEqual(["refund", "or replacement"])
    expect(choices("faulty", mail("The kettle you delivered is faulty. Either repair it or replace it."))).toEqual(["visit", "or replacement"])
    expect(choices("damaged", mail("Three boxes arrived damaged: please credit us, or send new ones."))).toEqual(["credit-note", "or replacement"])
    expect(choices(NOT_ORDER_VERDICTS.noProduct, mail("Wrong toner delivered. We'd take a refund or an exchange for the right ones."))).toEqual(["refund", "or replacement"])
    expect(choices("short delivery", mail("Short delivery on order 55120: ship the missing boxes, otherwise a credit note will do."))).toEqual(["replacement", "or credit-note"])
  })

  it("asks joined by “et” / “and”, or in two sentences, are no choice", () => {
    expect(choices("erreur de livraison", mail("Erreur de livraison : merci de venir les reprendre et de nous livrer les bonnes."))).toEqual(["collection", "replacement"])
    expect(choices(NOT_ORDER_VERDICTS.noProduct, mail("wrong paper delivered, please collect it and send the right one."))).toEqual(["collection", "replacement"])
    expect(choices("damaged", mail("The chairs arrived damaged. Please refund us. Also call me back."))).toEqual(["refund", "callback"])
  })

  it("“send them back” is the goods returned, not sent again", () => {
    expect(choices("wrong size", mail("Wrong size delivered. Can we send them back or would you rather collect?"))).toEqual(["collection"])
  })
})
