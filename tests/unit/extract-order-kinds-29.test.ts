import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The kinds of miss held-out 29 showed (tune29: a forward whose note says it passes a list on, the day written in full
 * between "livraison" and where, addresses of India, Singapore and Dublin, a place in parts with no street's word),
 * each written here in phrasings from no corpus mail. Which tests fail on main before tune29 is said in
 * tests/fixtures/orders/README.md ("tune29"); the guards say what a rule must not reach.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Tuesday 1 December 2026.
  return extractor.extract({ from: { address: "contact@menuiserie-le-goff.fr", name: "Erwan Le Goff" }, to: ["commandes@comptoir-fournitures.fr"], subject: "Commande", date: "2026-12-01T08:30:00+01:00", text, htmlText: "", attachments: [], ...over })
}
const EN = { from: { address: "office@harbourlight.example", name: "Daniel Grech" }, subject: "Supplies", date: "2026-12-01T08:30:00+00:00" }
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("a note that says it passes a list on", () => {
  it("'Je vous transfère la liste de …' takes the forwarded list, however long the note goes on about where and when", () => {
    const r = extract(
      "Bonjour,\n\nJe vous transfère la liste de notre magasinière pour l'atelier de Quimper. Mettez-en 6 packs d'eau et pas 4, nous serons plus nombreux.\nNous changeons de local la semaine prochaine, merci donc de livrer pour vendredi directement à la nouvelle adresse :\nMenuiserie Le Goff\nzone de Kerdroniou, rue Jacques Anquetil\n29000 Quimper\n(appeler Yann au 06 12 34 56 78 en arrivant, le portail est fermé à clé)\n\nErwan – gérant\n\n-------- Message original --------\nSujet : courses atelier\nDate : 30/11/2026 14:05\nDe : Nolwenn <nolwenn.atelier@gmail.com>\nÀ : contact@menuiserie-le-goff.fr\n\n> Erwan,\n> il me faut :\n> 4 packs d'eau plate\n> 2 rouleaux de sacs poubelle 50 L\n> Nolwenn\n",
      { subject: "TR: courses atelier" }
    )
    expect(lines(r)).toEqual(["EAU-50|6|pack", "SAC-050|2|rouleau"])
  })
})

describe("a day written in full between the delivering words and where", () => {
  it("'Livraison le mardi 8 décembre à la base …, 56100 Lorient' gives the place written out in parts, with no street's word", () => {
    const r = extract("Bonjour,\nMerci de nous livrer 4 packs d'eau plate.\nLivraison le mardi 8 décembre à la Base nautique, port de plaisance, 2e ponton, 56100 Lorient (badge à l'accueil).\nCordialement")
    expect(r.delivery_address).toBe("la Base nautique, port de plaisance, 2e ponton, 56100 Lorient")
  })

  it("'Livrer jeudi en huit au plus tard svp, au local du club, …' is where, the day and its 'au plus tard' no part of it", () => {
    const r = extract("Bonjour,\nIl nous faut 4 packs d'eau plate.\nLivrer jeudi en huit au plus tard svp, au local du club, parking des Alpages, 73500 Aussois (la route est fermée aux camions).\nMerci")
    expect(r.delivery_address).toBe("local du club, parking des Alpages, 73500 Aussois")
  })

  it("'Livraison : lundi 7 décembre, avant 9 h, au' left open above the place's lines gives those lines", () => {
    const r = extract("Bonjour,\nMerci de nous livrer 4 packs d'eau plate.\n\nLivraison : lundi 7 décembre, avant 9 h, au\nCamping des Pins\nbloc sanitaire\navenue de la Plage 12\n1300 Wavre\n(pas à la réception)\n\nCordialement")
    expect(r.delivery_address).toBe("Camping des Pins, bloc sanitaire, avenue de la Plage 12, 1300 Wavre")
  })

  it("'for Thursday 10th at the latest, to the stores, gate 2, …, Dublin 15' after the list, with no verb, is where (Dublin's postal district ends it)", () => {
    const r = extract("Hi,\nWe need:\n\n20 packs of still water\n\nfor Thursday 10th at the latest, to the stores, gate 2, Fairyhouse Racecourse, Ratoath, Dublin 15. Not the main gate.\n\nThanks", EN)
    expect(r.delivery_address).toBe("the stores, gate 2, Fairyhouse Racecourse, Ratoath, Dublin 15")
  })

  it("a dictated '… by Friday to the Boat house, Marina Walk, Oban PA34 4LU the gate is open …' ends at the postcode, 'the' being no town", () => {
    const r = extract("hi its Niamh at the marina could we get twenty packs of still water by Friday to the Boat house, Marina Walk, Oban PA34 4LU the gate is open from 8 thanks", EN)
    expect(r.delivery_address).toBe("the Boat house, Marina Walk, Oban PA34 4LU")
  })
})

describe("six figures after a town", () => {
  it("'…, Pune 411001. Kindly call Mr. Rao (98220 11223) …' ends at the PIN code, not at a phone number further on", () => {
    const r = extract("Dear Sir,\nKindly send 4 packs of still water.\nAddress: Hotel Residency stores, MG Road, Pune 411001. Kindly call Mr. Rao (98220 11223) before coming.\nRegards", EN)
    expect(r.delivery_address).toBe("Hotel Residency stores, MG Road, Pune 411001")
  })

  it("'Deliver to …, Singapore 619094. Guard will buzz you in.' ends at the postal code", () => {
    const r = extract("Hi,\nPlease send 4 packs of still water.\nDeliver to Unit 5, Harbour Point, 12 Jurong Port Road, Singapore 619094. Guard will buzz you in. Tks!\nThanks", EN)
    expect(r.delivery_address).toBe("Unit 5, Harbour Point, 12 Jurong Port Road, Singapore 619094")
  })

  it("a French address whose five figures come first still ends at its town, a six-figure reference after it no postal code", () => {
    const r = extract("Bonjour,\nMerci de nous livrer 4 packs d'eau plate.\nAdresse de livraison : 12 rue de la Gare, 69007 Lyon. Dossier 123456.\nCordialement")
    expect(r.delivery_address).toBe("12 rue de la Gare, 69007 Lyon")
  })
})

describe("where a place's own name comes before its street", () => {
  it("'Send to Crew store, Harbourfront Centre, 1 Maritime Road, Singapore 399253.' starts at the place after 'Send to'", () => {
    const r = extract("Hi,\nNeed below for the kitchen:\n- paper cups 20cl x 20 bags\n\nCan deliver by Thursday or not? Send to Crew store, Harbourfront Centre, 1 Maritime Road, Singapore 399253. Call me when reach.\nThanks", EN)
    expect(r.delivery_address).toBe("Crew store, Harbourfront Centre, 1 Maritime Road, Singapore 399253")
  })

  it("'to the Portbury chiller depot (Marsh Lane, Bristol BS20 7XN)' keeps the depot's name, capitalised, before the brackets' address", () => {
    const r = extract("Hi,\nPlease send 20 packs of still water.\nDelivery Tuesday please, to the Portbury chiller depot (Marsh Lane, Bristol BS20 7XN), not the office.\nThanks", EN)
    expect(r.delivery_address).toBe("Portbury chiller depot, Marsh Lane, Bristol BS20 7XN")
  })

  it("'à la distillerie (La Croix Verte, 72000 Le Mans)' still gives the brackets' address alone, 'distillerie' saying which premises", () => {
    const r = extract("Bonjour,\nIl nous faut 4 packs d'eau plate.\nLivraison le mardi 15, à la distillerie (La Croix Verte, 72000 Le Mans).\nMerci")
    expect(r.delivery_address).toBe("La Croix Verte, 72000 Le Mans")
  })

  it("a Swiss postal code that reads like a year right after the street's number is one: '…, route du Lac 3, 1950 Sion'", () => {
    const r = extract("Bonjour,\nIl nous faudrait 4 packs d'eau plate.\nÀ livrer au dépôt, route du Lac 3, 1950 Sion (le camion ne monte pas).\nCordialement")
    expect(r.delivery_address).toBe("route du Lac 3, 1950 Sion")
  })
})

describe("the order's number", () => {
  it("'Notre commande interne est le 26-AB-118' gives that number, a word between the label and 'est le'", () => {
    const r = extract("Bonjour,\nNous validons votre devis : 4 packs d'eau plate. Notre commande interne est le 26-AB-118.\nCordialement")
    expect(r.po_number).toBe("26-AB-118")
  })

  it("'Bon de commande MX-26-044 (engagement juridique n° 1300458812)' gives the order's code, not the aside's number in brackets", () => {
    const r = extract("Bonjour,\nBon de commande MX-26-044 (engagement juridique n° 1300458812) pour le service :\n4 packs d'eau plate\nCordialement")
    expect(r.po_number).toBe("MX-26-044")
  })

  it("'Notre bon de commande interne est le 12 décembre …' is no number: a day after 'est le'", () => {
    const r = extract("Bonjour,\nNotre bon de commande interne est le 12 décembre au plus tard : 4 packs d'eau plate.\nCordialement")
    expect(r.po_number).toBeNull()
  })
})

describe("an order with its 'we' dropped", () => {
  it("'Need below for the crew mess:' over a list is an order, proposed at once", () => {
    const r = extract("Hi,\n\nNeed below for the crew mess:\n- paper cups 20cl x 20 bags\n- mineral water 50cl x 10 packs\n\nThanks ah\nMei", { ...EN, from: { address: "mei.lim@harbourferries.com.sg", name: "Mei Lim" }, subject: "Mess order" })
    expect(r.order_decision).toBe("order")
    expect(lines(r)).toEqual(["GOB-20|20|sachet", "EAU-50|10|pack"])
  })

  it("'We still need below answer from you: is the price ok?' orders nothing", () => {
    expect(extract("Hi,\n\nWe still need below answer from you: is the price ok?\n\nThanks", EN).order_decision).toBe("not-order")
  })
})
