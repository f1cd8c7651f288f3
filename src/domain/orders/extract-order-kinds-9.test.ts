import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/**
 * Kinds of mail the ninth held-out set showed (now tuning material), each probed with phrasings written here and
 * found in no corpus mail: a rule passes only if it reads the kind of writing, not the one mail.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Thursday 7 May 2026.
  return extractor.extract({ from: { address: "purchasing@whitfieldlogistics.co.uk", name: "Purchasing" }, to: [], subject: "Supplies", date: "2026-05-07T09:00:00+01:00", text, htmlText: "", attachments: [], ...over })
}
const french = { from: { address: "amelie.lefevre@boulangerie-lefevre.fr", name: "Amélie Lefèvre" } }
const linesOf = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("mails that name goods and quantities but order nothing from us", () => {
  it("a mail we sent out ourselves, our quote to a customer or our own order to a supplier, is no customer's order", () => {
    const ours = { from: { address: "p.lambert@comptoir-fournitures.fr", name: "Paul Lambert" }, subject: "Proposition rubans" }
    const words = "Bonjour, suite à votre appel : 40 rouleaux de ruban adhésif d'emballage, 12 rouleaux de film étirable, livrables jeudi."
    expect(extract(words, { ...ours, to: ["j.girard@transports-girard.fr"] }).order_decision).toBe("not-order")
    // The same words from a colleague to our own order desk are a colleague passing on an order.
    expect(extract(words, { ...ours, to: ["commandes@comptoir-fournitures.fr"] }).is_order).toBe(true)
  })

  it("an order announced for later in the passive, or a list promised for later, is no order", () => {
    expect(extract("Le magasin ferme deux semaines. La commande habituelle (30 ramettes A4, 5 bidons de détergent) vous sera adressée à la réouverture.", french).order_decision).toBe("not-order")
    expect(extract("Rien de neuf ici ; on vous enverra une liste à la rentrée, sans doute 6 cartons d'essuie-mains.", french).order_decision).toBe("not-order")
    expect(extract("Quiet month. Our usual order (20 rolls of packing tape, 4 extension leads 3m) will be sent once the new budget is signed off.").order_decision).toBe("not-order")
  })

  it("a mail that says it is the order keeps its formal copy to follow as paperwork, and a warning against shipping twice holds nothing", () => {
    const r = extract("Please treat this email as our order: 20 rolls of packing tape, 4 extension leads 3m. The official PO will be sent under the same number, so do not ship it twice.")
    expect(r.order_decision).toBe("order")
    expect(linesOf(r)).toEqual(["REF-1014|20|rouleau", "RAL-3M|4|pièce"])
  })

  it("saying there is no order this month, with what is left in stock, is no order", () => {
    expect(extract("Pas de commande pour nous en mars : il nous reste 3 cartons d'essuie-mains et 2 bidons de liquide vaisselle.", french).order_decision).toBe("not-order")
    expect(extract("No order from us this month, we still have 6 rolls of packing tape and 2 extension leads 3m.").order_decision).toBe("not-order")
  })

  it("another seller's shipping notice, forwarded without a word, is no order", () => {
    const fwd = "---------- Forwarded message ---------\nFrom: BuroDirect <noreply@burodirect-shop.example>\nSubject: Order 55-1024\n\nYour parcel is out for delivery!\n\n4 x Packing tape 66 m\n2 x Extension lead 3 m\n\nTrack your parcel: https://burodirect-shop.example/t/55"
    expect(extract(fwd, { subject: "Fwd: Order 55-1024" }).order_decision).toBe("not-order")
  })

  it("a seller asking its reader to approve or sign, a proof or a quote, is no order from the sender", () => {
    expect(extract("Your print proofs are at the link. Job 778: 300 A4 copy paper reams. Please reply approved by Tuesday to hold the slot.", { from: { address: "studio@printhouse.example", name: "Print House" } }).order_decision).toBe("not-order")
    const quote = "Voici notre offre : 50 rouleaux de film étirable, 20 rouleaux de ruban adhésif. Pour commander, il vous suffit de nous retourner cette offre signée."
    expect(extract(quote, { from: { address: "ventes@emballages-rhone.example", name: "Emballages Rhône" } }).order_decision).toBe("not-order")
  })
})

describe("orders written beside another matter, or in a form that hid them", () => {
  it("an order beside a payment said to be on its way is an order", () => {
    const r = extract("Bonjour, le chèque pour la facture de novembre est parti hier. Au passage, pouvez-vous nous livrer 6 cartons d'essuie-mains et 2 bidons de liquide vaisselle lundi ?", french)
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["ESS-300|6|carton", "LV-5L|2|bidon"])
  })

  it("a form's own instruction to send it back filled in is no return of goods", () => {
    const form = "Fiche de réassort (à nous retourner remplie)\n| Réf. | Désignation | Prix HT | Qté |\n| REF-1014 | Ruban adhésif d'emballage 66 m | 2,15 | 24 |\n| RAL-3M | Rallonge électrique 3 m | 9,90 | 3 |"
    const r = extract("Bonjour, la fiche est remplie, colonne de droite.", { ...french, attachments: [{ filename: "fiche.pdf", text: form }] })
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["REF-1014|24|rouleau", "RAL-3M|3|pièce"])
  })

  it("our colleague's note above a customer's order he forwards is about the mail, not goods", () => {
    const text = "Reçue ce matin par SMS sur mon portable, à saisir merci.\n\nDe : Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>\nEnvoyé : mercredi 6 mai 2026 19:02\nÀ : Paul Lambert <p.lambert@comptoir-fournitures.fr>\nObjet : réassort\n\nBonjour Paul,\n5 cartons d'essuie-mains\n3 bidons de liquide vaisselle\nPour vendredi.\nAmélie"
    const r = extract(text, { from: { address: "p.lambert@comptoir-fournitures.fr", name: "Paul Lambert" }, to: ["commandes@comptoir-fournitures.fr"], subject: "TR: réassort" })
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["ESS-300|5|carton", "LV-5L|3|bidon"])
  })

  it("repeating numbered rows of one of our documents quoted below orders those rows", () => {
    const text = "Hello, please reorder lines 2 and 3 of the statement below, same quantities.\n\nThanks\n\n-----Original Message-----\nFrom: Comptoir Fournitures - Accounts <compta@comptoir-fournitures.fr>\nSent: 02 April 2026 10:14\nSubject: Statement\n\n# | Ref | Description | Qty\n1 | FILM-500 | Hand stretch film 500 mm | 10 | roll\n2 | REF-1014 | Packing tape 66 m | 36 | roll\n3 | RAL-3M | Extension lead 3 m | 4 | each\n"
    const r = extract(text, { subject: "RE: Statement" })
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["REF-1014|36|rouleau", "RAL-3M|4|pièce"])
  })
})

describe("quantities written as a level to reach or sideways", () => {
  it("a stock brought up to a level orders the difference for each kind counted", () => {
    const r = extract("Please get our glove shelf back to 12 boxes of each size before the inspection: we have 5 small, 9 medium, 12 large. Delivery Friday please.")
    expect(linesOf(r)).toEqual(["GN-4409|7|boîte", "GN-4410|3|boîte"])
    const fr = extract("Merci de remettre notre stock de gants à 8 boîtes de chaque taille ; il reste 2 M et 5 L. Livraison jeudi.", french)
    expect(linesOf(fr)).toEqual(["GN-4410|6|boîte", "GN-4411|3|boîte"])
  })

  it("a table with the products across its top and their quantities in the row beneath is one line per product", () => {
    const r = extract("Please send the following, Monday if possible.\n\n| Product | Packing tape 66 m | Extension lead 3 m | Hand stretch film |\n| Quantity | 30 | 2 | 8 |\n")
    expect(linesOf(r)).toEqual(["REF-1014|30|rouleau", "RAL-3M|2|pièce", "FILM-500|8|rouleau"])
  })
})

describe("order acts the ninth set worded otherwise", () => {
  it("the past of politeness and a day wanted 'if possible' are acts", () => {
    expect(extract("Bonjour, je voulais vous commander 4 cartons d'essuie-mains et 2 bidons de liquide vaisselle. Merci.", french).order_decision).toBe("order")
    expect(extract("Hi, we need these for the depot:\n20 rolls of packing tape\n4 extension leads 3m\nIf possible by Tuesday.").order_decision).toBe("order")
  })
})

describe("lines the ninth set wrote in other shapes", () => {
  it("a note's struck-through text is withdrawn, for the lines and the day", () => {
    const r = extract("Commande :\n- Ruban adhésif d'emballage : ~~12~~ **20** rouleaux\n- ~~Rallonges 3 m : 2~~\nLivraison ~~lundi 11/05~~ mardi 12/05", french)
    expect(linesOf(r)).toEqual(["REF-1014|20|rouleau"])
    expect(r.delivery_date).toBe("2026-05-12")
  })

  it("hesitating between two quantities then deciding keeps the one decided", () => {
    expect(linesOf(extract("Voici la commande :\n- rallonges 3 m : 2 ou 3… mettez 3\n- ruban adhésif d'emballage : 12 rouleaux", french))).toEqual(["RAL-3M|3|pièce", "REF-1014|12|rouleau"])
  })

  it("a size written with spaces around its 'x' is no quantity when the line ends in one", () => {
    expect(linesOf(extract("Merci de livrer :\n- Palettes 120 x 80 : 40\n- Film étirable 500 mm : 6 rouleaux", french))).toEqual(["REF-1013|40|pièce", "FILM-500|6|rouleau"])
  })

  it("a postscript after the sign-off is part of the message", () => {
    const r = extract("Hi,\nPlease send 10 rolls of packing tape for Friday.\n\nMany thanks,\nAnna\n\nPS from our manager: could you add 2 extension leads 3m as well.\n\nAnna Price\nWhitfield Logistics")
    expect(linesOf(r)).toEqual(["REF-1014|10|rouleau", "RAL-3M|2|pièce"])
  })

  it("a sheet's approved quantity beats the requested one", () => {
    const sheet = "| Item | Requested | Approved |\n| Packing tape 66 m | 30 | 24 |\n| Extension lead 3 m | 5 | 0 |\n| Hand stretch film | 8 | 8 |"
    const r = extract("Signed off, please deliver the approved quantities.", { attachments: [{ filename: "request.csv", text: sheet }] })
    expect(linesOf(r)).toEqual(["REF-1014|24|rouleau", "FILM-500|8|rouleau"])
  })

  it("goods taken off another order, a balance told for the records and a year naming a contract are no lines", () => {
    const r = extract("Please send 20 rolls of packing tape under our 2026 contract. On last week's order, please remove the 4 extension leads 3m. Balance remaining on the contract for your records: 300 rolls of film.")
    expect(linesOf(r)).toEqual(["REF-1014|20|rouleau"])
  })

  it("a quantity said against the one before it, and a new sentence that starts with a number, are lines", () => {
    expect(linesOf(extract("Please send a dozen extension leads 3m and half as many rolls of stretch film. 3 cans of multi-surface cleaner too."))).toEqual(["RAL-3M|12|pièce", "FILM-500|6|rouleau", "DET-5L|3|bidon"])
  })

  it("a number word before a word that is a unit only sometimes counts when 'of' follows", () => {
    expect(linesOf(extract("Please send 2 rolls of packing tape and one can of the multi-surface cleaner."))).toEqual(["REF-1014|2|rouleau", "DET-5L|1|bidon"])
  })

  it("a weight asked of a product sold in packs of a weight is that many packs", () => {
    expect(linesOf(extract("Merci de nous livrer 2 kilos de café moulu (paquets de 250 g) jeudi.", french))).toEqual(["CAF-250|8|paquet"])
  })

  it("a voice mail's numbers in words, without punctuation, are one line each", () => {
    expect(linesOf(extract("oui bonjour c'est Paul je voudrais deux bidons de détergent quatre cartons d'essuie-mains et euh un rouleau de film étirable merci", french))).toEqual(["DET-5L|2|bidon", "ESS-300|4|carton", "FILM-500|1|rouleau"])
  })
})

describe("header fields the ninth set wrote otherwise", () => {
  it("'our PO for this is …' gives the order number", () => {
    expect(extract("Please send 10 rolls of packing tape. Our PO for this delivery is WL-5512.").po_number).toBe("WL-5512")
  })

  it("a weekday 'of next week' is next week's, and a day with its ordinal ending stays a day before a time slot", () => {
    expect(extract("Please send 10 rolls of packing tape, delivery Tuesday of next week.").delivery_date).toBe("2026-05-12")
    expect(extract("Please send 10 rolls of packing tape. To arrive Friday 15th, 07:00-09:00 slot.").delivery_date).toBe("2026-05-15")
  })

  it("'Ship to: same as bill to' is the billing block, and a block under 'this goes direct to our customer:' is where the goods go", () => {
    const same = extract("Please send 10 rolls of packing tape.\n\nBill To:\nWhitfield Logistics\nUnit 4 Trafford Park\nManchester M17 1AE\n\nShip To:\nSame as Bill To")
    expect(same.delivery_address).toBe("Whitfield Logistics, Unit 4 Trafford Park, Manchester M17 1AE")
    const direct = extract("Please send 10 rolls of packing tape. This one goes direct to our client:\n\nHarlow Bakery\nGoods In\n12 Mill Road\nLeeds\nLS2 7EW")
    expect(direct.delivery_address).toBe("Harlow Bakery, Goods In, 12 Mill Road, Leeds, LS2 7EW")
  })
})
