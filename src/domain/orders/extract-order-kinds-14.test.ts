import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/**
 * Kinds of mail the fourteenth held-out set showed (now tuning material): small trades and shops writing tersely for
 * themselves, often from a phone, with no word saying "order"; buyers with several sites. Each kind is probed with
 * phrasings written here and found in no corpus mail: a rule passes only if it reads the kind of mail, not the one mail.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Thursday 7 May 2026.
  return extractor.extract({ from: { address: "atelier.rivoire@gmail.com", name: "Paul Rivoire" }, to: ["commandes@comptoir-fournitures.fr"], subject: "stock", date: "2026-05-07T09:00:00+02:00", text, htmlText: "", attachments: [], ...over })
}
const linesOf = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("terse orders with no word saying order are proposed, not asked", () => {
  it("a list of goods with the day they are wanted, in one sentence, is an order; the same as a question is asked", () => {
    const fr = extract("18 rouleaux de film étirable et 3 cartons essuie-mains pour jeudi, merci.\nPaul")
    expect(fr.order_decision).toBe("order")
    expect(linesOf(fr)).toEqual(["FILM-500|18|rouleau", "ESS-300|3|carton"])
    const en = extract("Morning. 20 rolls packing tape and 2 washing-up liquid 5L before Wednesday.\nGreg", { from: { address: "greg.hale@outlook.com", name: "Greg Hale" } })
    expect(en.order_decision).toBe("order")
    const asking = extract("20 rolls packing tape and 2 washing-up liquid 5L before Wednesday, is that doable?\nGreg", { from: { address: "greg.hale@outlook.com", name: "Greg Hale" } })
    expect(asking.order_decision).not.toBe("order")
  })

  it("the day granted in a few words ('if you can', 'ok', 'si vous pouvez', today included) makes a bare list an order", () => {
    const en = extract("6 hand soap 1L, 2 packs AA batteries. Weds ok.\nSam", { from: { address: "sam.k@yahoo.co.uk", name: "Sam K" } })
    expect(en.order_decision).toBe("order")
    const today = extract("Low on stock here. 4 cases of hand towels, 2 rolls bin bags 110L. Today if you could.\nSam", { from: { address: "sam.k@yahoo.co.uk", name: "Sam K" } })
    expect(today.order_decision).toBe("order")
    const fr = extract("3 bidons liquide vaisselle 5 L et 1 colis papier toilette. Aujourd'hui si vous pouvez.\nPaul")
    expect(fr.order_decision).toBe("order")
  })

  it("a note's infinitive ('à déposer le 9', 'livrer mardi chez…') says where and when the goods go: an order", () => {
    const r = extract("5 rlx sacs 110 L\n2 cartons essuie-mains\nà déposer le 9 au dépôt de la rue Berthelot.\nPaul")
    expect(r.order_decision).toBe("order")
    expect(linesOf(r)).toEqual(["SAC-110|5|rouleau", "ESS-300|2|carton"])
  })

  it("goods to be made ready and fetched at our counter are an order ('préparez-nous…', 'on passe les récupérer', 'I'll collect')", () => {
    const fr = extract("Préparez-nous 4 rallonges 3m et 2 lots de piles AA, on passe les récupérer jeudi midi.\nPaul")
    expect(fr.order_decision).toBe("order")
    expect(linesOf(fr)).toEqual(["RAL-3M|4|pièce", "PIL-AA|2|lot"])
    const en = extract("6 x extension lead 3m, 10 x E27 bulb. I'll collect Friday after 4.\nMick", { from: { address: "mick.doyle@gmail.com", name: "Mick Doyle" } })
    expect(en.order_decision).toBe("order")
  })

  it("a buyer without an account yet ('je n'ai pas encore de compte', 'not yet a customer') orders now, not later", () => {
    const fr = extract("Bonjour, il me faut 30 cartons 60x40x40 pour lundi. Je n'ai pas encore de compte, je règle à la livraison.\nPaul")
    expect(fr.order_decision).toBe("order")
    const en = extract("Please send 10 rolls packing tape to the shop. We're not yet a customer of yours, happy to pay upfront.\nMick", { from: { address: "mick.doyle@gmail.com", name: "Mick Doyle" } })
    expect(en.order_decision).toBe("order")
    const later = extract("Please send 10 rolls packing tape. Not yet though, I'll confirm the day.\nMick", { from: { address: "mick.doyle@gmail.com", name: "Mick Doyle" } })
    expect(later.order_decision).not.toBe("order")
  })

  it("a heading naming what the goods are for ('For the front desk:') over a list of quantities is an order; 'Pour février :' is not one", () => {
    const en = extract("Hi,\n\nFor the front desk:\n3 reams A4 paper\n1 box black pens\n\nThanks\nJo", { from: { address: "jo@harbourvets.co.uk", name: "Jo" } })
    expect(en.order_decision).toBe("order")
    expect(linesOf(en)).toEqual(["REF-1001|3|ramette", "STY-NR|1|boîte"])
    const month = extract("Bonjour,\n\nPour février :\n3 ramettes A4\n1 boîte de stylos noirs\n\nPaul")
    expect(month.order_decision).not.toBe("order")
  })

  it("a barber's or a hairdresser's 'salon' is the shop, no trade show; a trade show's still vetoes", () => {
    const r = extract("Bonjour,\nil nous faut pour le salon 4 boîtes gants nitrile taille M et 2 savons mains 1L, livraison jeudi.\nHugo\nBarbier Rivoire", { from: { address: "barbier.rivoire@gmail.com", name: "Hugo" } })
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["GN-4410|4|boîte", "SAV-1L|2|flacon"])
    const show = extract("Bonjour,\nnous serons au salon Propreté & Hygiène jeudi, stand B12 : 4 boîtes de gants offertes aux visiteurs.\nHugo")
    expect(show.is_order).toBe(false)
  })
})

describe("products named tersely", () => {
  it("a product named by one word and its size with the measure ('sacs 110 L') is the one of that size, however rare the size", () => {
    const r = extract("Envoyez-nous 7 sacs 110 L et 2 sacs 50 L.\nPaul")
    expect(linesOf(r)).toEqual(["SAC-110|7|rouleau", "SAC-050|2|rouleau"])
  })
})

describe("the day wanted, tersely", () => {
  const from = { address: "greg.hale@outlook.com", name: "Greg Hale" }
  it("'Sat 9th', 'Mon 11th': a clipped weekday before a day with its ordinal is that day", () => {
    expect(extract("Please send 4 rolls packing tape. Drop them Sat 9th at the unit.\nGreg", { from }).delivery_date).toBe("2026-05-09")
  })

  it("today said as the day wanted ('today if you can', 'pour aujourd'hui') is the mail's day; the second choice after 'otherwise' / 'sinon' is not", () => {
    expect(extract("4 rolls packing tape please. Today if at all possible, otherwise Tuesday.\nGreg", { from }).delivery_date).toBe("2026-05-07")
    expect(extract("Merci de livrer 2 bidons liquide vaisselle 5 L pour aujourd'hui.\nPaul").delivery_date).toBe("2026-05-07")
    expect(extract("Merci de livrer 2 bidons liquide vaisselle 5 L mardi, sinon mercredi matin.\nPaul").delivery_date).toBe("2026-05-12")
    expect(extract("Had a word with your driver today. Please send 4 rolls packing tape.\nGreg", { from }).delivery_date).toBe(null)
  })

  it("the days a shop is closed are no delivery day: the day asked for in the next sentence is; 'before it closes on…' is a deadline", () => {
    const r = extract("The office is shut from 20 May to 1 June, so we need to stock up before that. Please send 6 boxes nitrile gloves M.\n\nMonday 11th at the latest please.\nGreg", { from })
    expect(r.delivery_date).toBe("2026-05-11")
    const deadline = extract("Please send 6 boxes nitrile gloves M, we need them before the clinic closes for the holidays on Friday 15th.\nGreg", { from })
    expect(deadline.delivery_date).toBe("2026-05-15")
  })
})

describe("one order for several shops, depots or deliveries", () => {
  it("the lists of each shop in one mail add up to one line per product; a product said twice in a one-site mail counts once", () => {
    const shops = "Bonjour,\n\nVoici les besoins de nos deux magasins, tout à livrer à l'entrepôt :\n\nSaint-Priest : 4 cartons essuie-mains, 2 bidons liquide vaisselle 5 L\nVénissieux : 4 cartons essuie-mains, 1 bidon liquide vaisselle 5 L\n\nMerci de livrer mardi.\nPaul"
    expect(linesOf(extract(shops))).toEqual(["ESS-300|8|carton", "LV-5L|3|bidon"])
    const once = "Bonjour,\n\nMerci de nous livrer 4 cartons essuie-mains mardi.\n\nPour rappel : 4 cartons essuie-mains, pas plus.\nPaul"
    expect(linesOf(extract(once))).toEqual(["ESS-300|4|carton"])
  })

  it("a sheet with one quantity column per shop and none for the total orders each product's sum", () => {
    const sheet = "Please send the lot to our warehouse on Monday.\n\n| Product | Leeds | York | Hull |\n| Hand soap 1L | 3 | 2 |  |\n| Paper cups 20cl | 5 | 5 | 10 |\n\nThanks\nGreg"
    expect(linesOf(extract(sheet, { from: { address: "greg.hale@outlook.com", name: "Greg Hale" } }))).toEqual(["SAV-1L|5|flacon", "GOB-20|20|sachet"])
  })
})

describe("where the goods go, tersely", () => {
  const from = { address: "greg.hale@outlook.com", name: "Greg Hale" }
  it("a line ending 'to the yard:' / 'au dépôt :' above an address says where the goods go; 'reply to the office:' does not", () => {
    const r = extract("Please send 4 rolls packing tape by Friday. Straight to the yard:\nHale Joinery, 4 Mill Lane, Leeds LS12 6AB\n\nGreg", { from })
    expect(r.delivery_address).toBe("Hale Joinery, 4 Mill Lane, Leeds LS12 6AB")
    const reply = extract("Please send 4 rolls packing tape by Friday. Any questions, reply to the office:\nHale Joinery, 4 Mill Lane, Leeds LS12 6AB\n\nGreg", { from })
    expect(reply.delivery_address).toBe(null)
  })

  it("'send the lot to …:' with the address after a blank line is where the goods go", () => {
    const r = extract("Please send the lot to the bakery, we run it out to the shops ourselves:\n\n4 Mill Lane, Leeds LS12 6AB\n\n4 rolls packing tape, 2 washing-up liquid 5L, Monday please.\nGreg", { from })
    expect(r.delivery_address).toBe("4 Mill Lane, Leeds LS12 6AB")
  })

  it("a caterer's form: 'Lieu :' under the delivery day is where the goods go", () => {
    const r = extract("Merci de livrer le 14 :\n20 sachets gobelets carton\n\nLieu : Château de Vaux, chemin des Vignes, 21000 Dijon\nPaul")
    expect(r.delivery_address).toBe("Château de Vaux, chemin des Vignes, 21000 Dijon")
  })
})

describe("variants listed after their product", () => {
  const from = { address: "greg.hale@outlook.com", name: "Greg Hale" }
  it("'nitrile gloves - M x 3, L x 5, S x 1': each size letter beside a count is the gloves in that size", () => {
    const r = extract("Please send nitrile gloves - M x 3, L x 5, S x 1 (boxes) by Friday.\nGreg", { from })
    expect(linesOf(r)).toEqual(["GN-4410|3|boîte", "GN-4411|5|boîte", "GN-4409|1|boîte"])
  })

  it("'3 cartouches HP 305 noires + 2 couleur': a piece naming only another colour is that colour of the product before", () => {
    const r = extract("Merci de livrer 3 cartouches HP 305 noires + 2 couleur lundi.\nPaul")
    expect(linesOf(r)).toEqual(["ENC-305N|3|pièce", "ENC-305C|2|pièce"])
  })
})

describe("a box named by two of its sides", () => {
  it("'150 cartons 60x40' is the 60 × 40 × 40 box, '30 boxes 40x30' the 40 × 30 × 30 one", () => {
    expect(linesOf(extract("Merci de livrer 150 cartons 60x40 jeudi.\nPaul"))).toEqual(["CART-60|150|pièce"])
    expect(linesOf(extract("Please send 30 boxes 40x30 on Monday.\nGreg", { from: { address: "greg.hale@outlook.com", name: "Greg Hale" } }))).toEqual(["CART-40|30|pièce"])
  })
})

describe("the order's reference, tersely", () => {
  it("goods asked for 'under LC-2207' are filed under it; 'sous 48 h' is no reference", () => {
    const r = extract("Please send, under KT-55012, 6 rolls packing tape by Friday.\nGreg", { from: { address: "greg.hale@outlook.com", name: "Greg Hale" } })
    expect(r.po_number).toBe("KT-55012")
    expect(extract("Merci de livrer sous 48 h 6 rouleaux de film étirable.\nPaul").po_number).toBe(null)
  })
})

describe("one site of a group ordering for another", () => {
  it("the goods delivered to another hotel of the sender's group, at its own address, are that hotel's order", () => {
    const r = extract("Bonjour,\n\nJe commande pour nos collègues d'Annecy : 6 cartons essuie-mains.\nLivraison jeudi à : Hôtel Fontaine Annecy, 18 avenue d'Albigny, 74000 Annecy\n\nManon", { from: { address: "reception.lyon@hotels-fontaine.fr", name: "Manon Fontaine" } })
    expect(r.customer_code).toBe("C-00110")
    const own = extract("Bonjour,\n\nMerci de nous livrer 6 cartons essuie-mains jeudi.\n\nManon", { from: { address: "reception.lyon@hotels-fontaine.fr", name: "Manon Fontaine" } })
    expect(own.customer_code).toBe("C-00109")
  })
})
