import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import { complaintOf } from "./complaint-ask"
import { NOT_ORDER_VERDICTS } from "./not-order-reasons"
import type { OrderMail } from "./types"

/**
 * A product delivered in place of the one ordered ("du papier A3 au lieu de A4"), read as the extension reads it: the
 * extractor decides order or not, and a non-order's reason and words go to the complaint reader. The customer is
 * never proposed an order of the wrong goods, and the agent sees the complaint with what it asks. The extractor's
 * reason here is often the delivery itself ("livré hier", "your driver dropped off"), which the reader used to skip.
 */
const extractor = fixtureExtractor()
const FR = { from: { address: "contact@menuiserie-le-goff.fr", name: "Erwan Le Goff" } }
const EN = { from: { address: "office@harbourlight.example", name: "Daniel Grech" } }

function captured(subject: string, text: string, who: Pick<OrderMail, "from"> = FR) {
  // Tuesday 1 December 2026.
  const r = extractor.extract({ ...who, to: ["commandes@comptoir-fournitures.fr"], subject, date: "2026-12-01T08:30:00+01:00", text, htmlText: "", attachments: [] })
  const reason = r.is_order ? "" : (r.evidence.is_order ?? "")
  const complaint = r.order_decision === "not-order" ? complaintOf(reason, { subject, text, htmlText: "" }) : null
  return { decision: r.order_decision, about: complaint?.about ?? null, asks: complaint?.asks.map((a) => a.kind) ?? null }
}

describe("a wrong product delivered is a complaint, never an order of it", () => {
  it("« vous nous avez livré du papier A3 au lieu de A4 … venir le reprendre » under « Papier livré hier »: the goods taken back", () => {
    expect(captured("Papier livré hier", "Bonjour, vous nous avez livré du papier A3 au lieu de A4 la semaine dernière. Pouvez-vous venir le reprendre ?")).toEqual({
      decision: "not-order",
      about: "vous nous avez livré du papier A3 au lieu de A4 la semaine dernière",
      asks: ["collection"]
    })
  })

  it("in French, said four more ways: received, « à la place des », left by the driver, with a count", () => {
    expect(captured("Livraison du 24/11", "Bonjour,\n\nVous nous avez livré 5 ramettes de papier A3 au lieu de A4. Merci de venir les reprendre et de nous livrer les bonnes.\n\nErwan")).toMatchObject({
      decision: "not-order",
      asks: ["collection", "replacement"]
    })
    expect(captured("Gants", "Bonjour, nous avons reçu 10 boîtes de gants taille S au lieu de M. Pouvez-vous les reprendre ?")).toEqual({
      decision: "not-order",
      about: "nous avons reçu 10 boîtes de gants taille S au lieu de M",
      asks: ["collection"]
    })
    expect(captured("Sacs poubelle", "Bonjour, on a reçu des sacs de 50 L à la place des 110 L commandés. Merci de passer les récupérer.")).toMatchObject({ decision: "not-order", asks: ["collection"] })
    expect(captured("Toner", "Bonjour, le livreur a déposé hier 2 toners HP 305 couleur au lieu du noir. Vous pouvez les reprendre ?")).toMatchObject({ decision: "not-order", asks: ["collection"] })
  })

  it("in English: delivered, received, dropped off, sent, brought … instead of / rather than / in place of", () => {
    expect(captured("Paper delivered yesterday", "Hi, you delivered A3 paper instead of A4 last week. Could you come and take it back?", EN)).toEqual({
      decision: "not-order",
      about: "you delivered A3 paper instead of A4 last week",
      asks: ["collection"]
    })
    expect(captured("Gloves", "Hello,\n\nWe received 10 boxes of size S gloves instead of M. Please collect them.\n\nDaniel", EN)).toMatchObject({ decision: "not-order", asks: ["collection"] })
    expect(captured("Bin bags", "Hi, your driver dropped off 4 rolls of 50 L bags instead of the 110 L we ordered yesterday. Can you pick them up?", EN)).toMatchObject({
      decision: "not-order",
      asks: ["collection"]
    })
    expect(captured("Toner", "Hi, you sent us 2 HP 305 colour cartridges rather than black. Please take them back and send the right ones.", EN)).toMatchObject({
      decision: "not-order",
      asks: ["collection", "replacement"]
    })
    expect(captured("Pens", "Hello, yesterday's delivery brought blue pens in place of the black ones. Can someone pick them up?", EN)).toMatchObject({ decision: "not-order", asks: ["collection"] })
  })
})

describe("“instead of” that is no wrong delivery", () => {
  const noProduct = (text: string) => complaintOf(NOT_ORDER_VERDICTS.noProduct, { subject: "Livraison", text, htmlText: "" })

  it("an order naming what it no longer wants stays an order", () => {
    expect(captured("Commande", "Bonjour, merci de nous livrer 5 ramettes de papier A4 au lieu de A3 cette fois. Erwan").decision).toBe("order")
  })

  it("a day moved, a delivery still to come, or what we sent ourselves is no complaint", () => {
    expect(noProduct("Vous nous avez livré mardi au lieu de lundi, merci de prévenir la prochaine fois.")).toBeNull()
    expect(noProduct("Please have them delivered to the yard instead of the office from now on.")).toBeNull()
    expect(noProduct("Les cartons doivent être livrés au dépôt au lieu du magasin à partir de janvier.")).toBeNull()
    expect(noProduct("Sorry, I sent you the quote instead of the PO, here it is attached.")).toBeNull()
    expect(noProduct("Pouvez-vous m'envoyer un reçu au lieu d'une facture ?")).toBeNull()
  })

  it("a signed delivery note, all correct, under its delivery reason is no complaint", () => {
    expect(complaintOf("recu ce matin", { subject: "BL signé", text: "Bonjour, marchandise reçue ce matin, tout est conforme. Merci.", htmlText: "" })).toBeNull()
  })
})
