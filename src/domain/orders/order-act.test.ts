import { describe, expect, it } from "vitest"

import { decideOrder, readOrderAct, type OrderActInput } from "./order-act"

/**
 * The explicit-act detector: sentences written for this test in the way French and English buyers write, none taken
 * from the corpus. What the rules took for an order is proposed only with an act and no doubt; otherwise asked.
 */
const read = (body: string, more: Partial<OrderActInput> = {}) => readOrderAct({ subject: "", bodies: [body], attachments: [], ...more })
const decide = (body: string, more: Partial<OrderActInput> = {}) => decideOrder(true, read(body, more))

describe("the order act in a mail the rules took for an order", () => {
  it("proposes an order when the buyer asks outright to send the goods", () => {
    expect(decide("Hello,\nPlease send 12 boxes of nitrile gloves (M) to our Leeds depot.\nThanks")).toBe("order")
    expect(decide("Could you kindly ship 6 cases of hand towels by Tuesday?")).toBe("order")
  })

  it("proposes an order when a French buyer writes « merci de nous livrer » or « je vous commande »", () => {
    expect(decide("Bonjour,\nMerci de nous livrer mardi 5 cartons d'essuie-mains.\nCordialement")).toBe("order")
    expect(decide("Je vous commande 3 bidons de liquide vaisselle pour vendredi.")).toBe("order")
    expect(decide("Il nous faudrait 20 rouleaux de film étirable pour la semaine prochaine.")).toBe("order")
  })

  it("proposes an order when the mail gives its purchase order number or attaches the purchase order", () => {
    expect(decide("PO 88213\n- 40 reams A4 paper\n- 10 toner cartridges")).toBe("order")
    expect(decide("Voir pièce jointe.", { attachments: ["BON DE COMMANDE N° BC-2291\nDésignation | Qté\nGants nitrile M | 10"] })).toBe("order")
  })

  it("proposes an order for a list with a day it is wanted and a please", () => {
    expect(decide("8 packs of AA batteries and 2 kettles\nThursday morning please")).toBe("order")
    expect(decide("4 boîtes de gants taille L svp")).toBe("order")
  })

  it("asks when a mail lists quantities but only asks for a price", () => {
    const r = read("Bonjour, 200 cartons 60x40 et 30 rouleaux d'adhésif : quel serait votre prix ?")
    expect(r.act).toBeNull()
    expect(decideOrder(true, r)).toBe("ask")
    expect(r.doubts.join(" ")).toContain("quel serait votre prix")
  })

  it("asks when the buyer asks to be sent a quote, not the goods", () => {
    expect(decide("Could you send us a quotation for 50 rolls of stretch film?")).toBe("ask")
    expect(decide("Pourriez-vous nous faire parvenir un devis pour 10 cartons de ramettes ?")).toBe("ask")
  })

  it("asks when the order depends on an answer still to come", () => {
    const r = read("If you can do 20 boxes at last year's price, we'd order them next week.")
    expect(decideOrder(true, r)).toBe("ask")
    expect(r.doubts).toContain("we'd order")
    expect(decide("Si vous pouvez livrer avant le 12, nous commanderions 40 cartons.")).toBe("ask")
  })

  it("asks when the buyer says not to send anything yet, even beside a please", () => {
    const r = read("Please send 10 boxes of gloves.\nActually, don't send anything until our budget is signed off.")
    expect(r.act).toBe("Please send")
    expect(decideOrder(true, r)).toBe("ask")
    expect(r.doubts).toContain("don't send")
  })

  it("asks when an order is only announced for later", () => {
    expect(decide("Next month we will order about 30 cases of towels, 5 of soap.")).toBe("ask")
    expect(decide("Nous allons commander 15 cartons le mois prochain, pour information.")).toBe("ask")
  })

  it("asks about a stock count sent for information", () => {
    const r = read("Pour info, Julien a fait l'inventaire de la réserve : 6 boîtes de gants et 2 cartons d'essuie-mains.")
    expect(decideOrder(true, r)).toBe("ask")
    expect(r.doubts).toContain("Pour info")
  })

  it("asks about a bare list of products with quantities and nothing that orders them", () => {
    expect(decide("10 x gloves M\n4 x bin bags 110 L")).toBe("ask")
  })

  it("asks about a forwarded message that orders nothing in its own words", () => {
    expect(decide("See below.\n20 rolls of tape, 5 boxes of pens", { subject: "Fwd: supplies for the new site" })).toBe("ask")
  })

  it("takes a subject that names the mail an order only when nothing in it doubts it", () => {
    expect(decide("12 reams of A4\n3 boxes of pens", { subject: "Order for the Bristol office" })).toBe("order")
    expect(decide("12 reams of A4, what would your price be?", { subject: "Order for the Bristol office" })).toBe("ask")
  })

  it("leaves a mail the rules turned away as not an order, whatever it says", () => {
    expect(decideOrder(false, read("Please send 10 boxes."))).toBe("not-order")
  })

  it("does not read « au plus tard » as an order put off", () => {
    expect(decide("Merci de nous envoyer 4 cartons, livraison au plus tard jeudi.")).toBe("order")
  })
})
