import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/**
 * Classes of failure the fourth held-out set showed (now tuning material), each probed with phrasings written
 * here and found in no corpus mail, so that a rule passes only if it reads the class and not the one mail.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Thursday 7 May 2026.
  return extractor.extract({ from: { address: "amelie.lefevre@boulangerie-lefevre.fr", name: "Amélie Lefèvre" }, to: [], subject: "Commande", date: "2026-05-07T09:00:00+02:00", text, htmlText: "", attachments: [], ...over })
}
const LINE = "Merci de nous livrer 4 boîtes de gants nitrile taille M."
const EN = "Please send 4 boxes of nitrile gloves M."
const linesOf = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("dates said from another day", () => {
  it("takes 'Friday week', 'mardi en huit' and 'a week on Monday' a week past that weekday's next occurrence", () => {
    expect(extract(`${EN}\nFriday week for delivery please.`).delivery_date).toBe("2026-05-15")
    expect(extract(`${LINE}\nLivraison mardi en huit.`).delivery_date).toBe("2026-05-19")
    expect(extract(`${EN}\nDelivery a week on Monday.`).delivery_date).toBe("2026-05-18")
  })

  it("counts a weekday back from a feast or a date: 'the Friday before Christmas', 'le vendredi avant Noël', 'the Monday after the 20th'", () => {
    expect(extract(`${EN}\nWe need them by the Friday before Christmas.`).delivery_date).toBe("2026-12-18")
    expect(extract(`${LINE}\nLivraison le vendredi avant Noël.`).delivery_date).toBe("2026-12-18")
    expect(extract(`${EN}\nDeliver the Monday after the 20th.`).delivery_date).toBe("2026-05-25")
  })

  it("prefers a day named to the week or the holidays around it", () => {
    expect(extract(`${EN}\nShip with next week's van, ideally Wednesday 13th.`).delivery_date).toBe("2026-05-13")
    expect(extract(`${LINE}\nÀ livrer pendant les vacances de Noël, le lundi 21 décembre.`).delivery_date).toBe("2026-12-21")
  })

  it("reads a day written out on a short line of its own as the day wanted", () => {
    expect(extract(`${EN}\n\nSaturday 16 May please.`).delivery_date).toBe("2026-05-16")
    expect(extract(`${LINE}\n\nMercredi 20 mai si possible.`).delivery_date).toBe("2026-05-20")
  })

  it("counts working days without weekends, and 'dans quinze jours' as two weeks", () => {
    expect(extract(`${LINE}\nLivraison sous 10 jours ouvrés.`).delivery_date).toBe("2026-05-21")
    expect(extract(`${EN}\nDelivery within 5 working days please.`).delivery_date).toBe("2026-05-14")
    expect(extract(`${LINE}\nLivraison dans quinze jours.`).delivery_date).toBe("2026-05-21")
  })

  it("reads 'le 20.05', a month-first '5/20' that cannot be day-first, and 'mi-juin', 'early June', 'fin mai'", () => {
    expect(extract(`${LINE}\nLivraison le 20.05.`).delivery_date).toBe("2026-05-20")
    expect(extract(`${EN}\nNeed by 5/20.`).delivery_date).toBe("2026-05-20")
    expect(extract(`${LINE}\nLivraison mi-juin.`).delivery_date).toBe("2026-06-15")
    expect(extract(`${EN}\nDelivery early June please.`).delivery_date).toBe("2026-06-01")
    expect(extract(`${LINE}\nLivraison fin mai.`).delivery_date).toBe("2026-05-31")
  })

  it("never reads the number of a street as a day ('Livraison au 8 rue Pasteur')", () => {
    expect(extract(`${LINE}\nLivraison au 8 rue Pasteur, 69100 Villeurbanne.`).delivery_date).toBeNull()
    expect(extract(`${EN}\nDeliver to the 14 Dock Road site.`).delivery_date).toBeNull()
  })

  it("reads a purchase order table's delivery date column", () => {
    const table = "Commande ci-dessous.\n\n| Réf | Qté | Date de livraison souhaitée |\n| GN-4410 | 4 | 12/05/2026 |\n| GN-4411 | 2 | 12/05/2026 |"
    expect(extract(table).delivery_date).toBe("2026-05-12")
  })
})

describe("mails about an order rather than orders", () => {
  it("takes a change to an order already placed for no new order", () => {
    expect(extract("Notre commande de mardi (3 cartons d'essuie-mains, 4 boîtes de gants nitrile taille M) : pourriez-vous la décaler à vendredi ? Rien d'autre ne change.").is_order).toBe(false)
    expect(extract("Could you push back the order we placed on Monday (6 boxes of nitrile gloves M, 2 cases of hand towels) to next Friday? Thanks.").is_order).toBe(false)
  })

  it("still takes new goods asked for beside a word on an earlier order", () => {
    expect(extract("Notre commande de lundi est bien arrivée, merci. Pourriez-vous nous livrer en plus 4 boîtes de gants nitrile taille M et 2 cartons d'essuie-mains ?").is_order).toBe(true)
  })

  it("takes a mail saying nothing is to be sent, or only how much is usually ordered, for no order", () => {
    expect(extract("For your records: we usually take 20 boxes of nitrile gloves M and 6 cases of hand towels a month. Nothing to order today.").is_order).toBe(false)
    expect(extract("Pour information, nous changeons de quai le mois prochain. Les commandes habituelles (10 cartons d'essuie-mains, 4 bidons de détergent) suivront comme d'habitude ; rien à livrer pour l'instant.").is_order).toBe(false)
  })

  it("never reads our own order confirmation, forwarded by the customer to a colleague, as their order", () => {
    const text = [
      "Pour info, livraison jeudi : merci de libérer le quai.",
      "",
      "________________________________",
      "From: Comptoir Fournitures - Commandes <commandes@comptoir-fournitures.fr>",
      "Sent: 5 May 2026 10:00",
      "To: Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>",
      "Subject: Confirmation de commande",
      "",
      "Bonjour, nous confirmons votre commande :",
      "4 boîtes de gants nitrile taille M",
      "2 cartons d'essuie-mains",
      "Livraison jeudi 14 mai."
    ].join("\n")
    expect(extract(text, { subject: "TR: Confirmation de commande" }).is_order).toBe(false)
  })
})

describe("quantities said as in speech", () => {
  it("reads 'a couple of', 'une paire de', 'ten of them', 'il m'en faut 12', 'six of those'", () => {
    expect(linesOf(extract("Please send a couple of the 3m extension leads and 4 packs of AA batteries."))).toEqual(["RAL-3M|2|pièce", "PIL-AA|4|lot"])
    expect(linesOf(extract("Merci de livrer une paire de rallonges 3 m et 4 boîtes de gants nitrile taille M."))).toEqual(["RAL-3M|2|pièce", "GN-4410|4|boîte"])
    expect(linesOf(extract("Could you send:\n- LED bulbs, E27 screw type, ten of them\n- AA batteries, six of those"))).toEqual(["LED-E27|10|pièce", "PIL-AA|6|lot"])
    expect(linesOf(extract("Des ampoules LED E27, il m'en faut 12 pour lundi."))).toEqual(["LED-E27|12|pièce"])
  })
})

describe("an order that never says 'order'", () => {
  it("takes a chatty list of products, asked for politely with a day, for an order", () => {
    const chatty = "Evening all,\n\nThe shop is busy so a few bits:\n\n- 2 rolls of 110L bin bags\n- a couple of the 3m extension leads\n\nCould it all be here by Friday the 15th? Cheers"
    const r = extract(chatty, { subject: "bits" })
    expect(r.is_order).toBe(true)
    expect(r.delivery_date).toBe("2026-05-15")
  })

  it("still takes thanks for goods that arrived, or an absence notice's 'back on Monday', for no order", () => {
    expect(extract("Merci ! Les 12 colis de papier toilette et les 8 bidons de détergent sont bien arrivés ce matin, tout est conforme.", { subject: "Merci" }).is_order).toBe(false)
    expect(extract("I am currently away with limited access to email and will reply on my return, back on Monday 11 May.\nFor urgent orders (e.g. 4 boxes of gloves) call the office.", { subject: "Away" }).is_order).toBe(false)
  })
})

describe("a reply or forward that orders what it quotes, changed", () => {
  it("takes a colleague's approval forwarded with the request it approves, its correction and its order number", () => {
    const text = [
      "Bonjour, à traiter svp : la demande ci-dessous est approuvée par la direction.",
      "",
      "-----Message d'origine-----",
      "De : Paul Girard <achats@boulangerie-lefevre.fr>",
      "Envoyé : mercredi 6 mai 2026 10:00",
      "À : Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>",
      "Objet : RE: Besoins du labo",
      "",
      "Validé pour la commande CMD-5521, sauf les gants : 2 boîtes suffiront. À livrer avant le 12/05.",
      "",
      "-----Message d'origine-----",
      "De : Léo Martin <labo@boulangerie-lefevre.fr>",
      "Envoyé : mardi 5 mai 2026 16:00",
      "Objet : Besoins du labo",
      "",
      "Il nous faudrait :",
      "- gants nitrile taille M : 6 boîtes",
      "- essuie-mains : 3 cartons"
    ].join("\n")
    const r = extract(text, { subject: "TR: RE: Besoins du labo" })
    expect(r.is_order).toBe(true)
    expect(linesOf(r).sort()).toEqual(["ESS-300|3|carton", "GN-4410|2|boîte"])
    expect(r.po_number).toBe("CMD-5521")
    expect(r.delivery_date).toBe("2026-05-12")
  })

  it("orders the quoted order again with a line scaled and one added ('comme la dernière fois, mais doublez…, et ajoutez…')", () => {
    const text = "Comme la dernière fois, mais doublez les essuie-mains et ajoutez 2 boîtes de gants nitrile taille M.\n\nLe 2 avr. 2026 à 08:00, Amélie Lefèvre a écrit :\n> Merci de livrer :\n> - 3 cartons d'essuie-mains\n> - 4 bidons de détergent multi-surfaces 5 L"
    expect(linesOf(extract(text, { subject: "Re: Commande" })).sort()).toEqual(["DET-5L|4|bidon", "ESS-300|6|carton", "GN-4410|2|boîte"])
  })
})

describe("what a line rules out or says aside", () => {
  it("never takes the product the customer rules out ('pas le recyclé', 'not the colour one', 'plutôt que le recyclé')", () => {
    expect(linesOf(extract("Merci de livrer 10 ramettes de papier A4 (surtout pas le recyclé).")).map((l) => l.split("|")[0])).toEqual(["REF-1001"])
    expect(linesOf(extract("Please send 3 HP 305 ink cartridges, black, not the colour one.")).map((l) => l.split("|")[0])).toEqual(["ENC-305N"])
  })

  it("reads a line whose aside in brackets gives a reason ('(on en manque)', '(we ran out)')", () => {
    expect(linesOf(extract("Merci d'ajouter 4 boîtes de gants nitrile taille M (on en manque cruellement).")).map((l) => l.split("|")[0])).toEqual(["GN-4410"])
    expect(linesOf(extract("Please add 2 cases of hand towels (we ran out, the cleaners use more than planned).")).map((l) => l.split("|")[0])).toEqual(["ESS-300"])
  })
})

describe("the customer's order number under the names buyers give it", () => {
  it("follows 'notre bon n°', 'demande d'achat', 'purchase requisition', 'mon n° de bon'", () => {
    expect(extract(`${LINE}\nNotre bon n° 4471-B.`).po_number).toBe("4471-B")
    expect(extract(`${LINE}\nRéf. de notre demande d'achat : DA26-118`).po_number).toBe("DA26-118")
    expect(extract(`${EN}\nPurchase requisition: REQ-77-310.`).po_number).toBe("REQ-77-310")
    expect(extract(`${LINE}\nMon n° de bon : GAR-0912`).po_number).toBe("GAR-0912")
  })

  it("never takes a delivery note's number for it", () => {
    expect(extract(`${LINE}\nComme sur le bon de livraison BL-5521 de la dernière fois.`).po_number).toBeNull()
  })
})

describe("packs within packs", () => {
  it("counts '1 carton de 10 boîtes de gants' in boxes when the product is sold by the box", () => {
    expect(linesOf(extract("Merci de livrer 3 cartons de 10 boîtes de gants nitrile taille L."))).toEqual(["GN-4411|30|boîte"])
    expect(linesOf(extract("Please send 2 cases of 12 bottles of liquid hand soap 1L."))).toEqual(["SAV-1L|24|flacon"])
  })

  it("counts the inner unit when the product's name follows it: '2 cartons de 5 ramettes A4' is 10 reams, not 2 priced by the ream", () => {
    expect(linesOf(extract("Merci de nous livrer :\n- 2 cartons de 5 ramettes A4 80 g (réf. REF-1001)\n- 3 rouleaux de film étirable"))).toEqual(["REF-1001|10|ramette", "FILM-500|3|rouleau"])
    expect(linesOf(extract("Please send 3 cases of 6 bottles hand soap 1L."))).toEqual(["SAV-1L|18|flacon"])
  })

  it("keeps the outer pack when that is the product's own unit", () => {
    expect(linesOf(extract("Merci de livrer 2 cartons de 20 paquets d'essuie-mains."))).toEqual(["ESS-300|2|carton"])
  })
})

describe("one quantity for each size of a list", () => {
  it("gives one line per size after 'each' or 'de chaque' ('4 boxes each of nitrile gloves S, M and L')", () => {
    expect(linesOf(extract("Please send 4 boxes each of nitrile gloves S, M and L."))).toEqual(["GN-4409|4|boîte", "GN-4410|4|boîte", "GN-4411|4|boîte"])
    expect(linesOf(extract("Merci de livrer 3 boîtes de chaque : gants nitrile S/M/L."))).toEqual(["GN-4409|3|boîte", "GN-4410|3|boîte", "GN-4411|3|boîte"])
  })
})

describe("a size letter before the glove words", () => {
  it("reads '3 boxes of M gloves' and 'L nitrile gloves' as those sizes", () => {
    expect(linesOf(extract("Hello, is it possible to get 3 boxes of M gloves by Friday? Thanks a lot", { subject: "gloves" }))).toEqual(["GN-4410|3|boîte"])
    expect(linesOf(extract("Please send 2 boxes of L nitrile gloves and 1 box of S nitrile gloves."))).toEqual(["GN-4411|2|boîte", "GN-4409|1|boîte"])
  })
})

describe("lines that name only another size of the line above", () => {
  it("takes '2 boîtes en L' under '4 boîtes de gants nitrile taille M' for the L gloves", () => {
    expect(linesOf(extract("Merci de livrer :\n4 boîtes de gants nitrile taille M\n2 boîtes en L\n1 boîte en S"))).toEqual(["GN-4410|4|boîte", "GN-4411|2|boîte", "GN-4409|1|boîte"])
    expect(linesOf(extract("Please send:\n6 boxes large nitrile gloves\n3 boxes small\n\nThanks"))).toEqual(["GN-4411|6|boîte", "GN-4409|3|boîte"])
  })

  it("takes a colour after a pen line for that colour's pens", () => {
    expect(linesOf(extract("Merci de livrer :\n2 boîtes de stylos bille bleus\n1 boîte noirs"))).toEqual(["STY-BL|2|boîte", "STY-NR|1|boîte"])
  })
})

describe("a reply that takes a quote's lines by their numbers", () => {
  const quote = [
    "",
    "________________________________",
    "From: Comptoir Fournitures <commandes@comptoir-fournitures.fr>",
    "Sent: 4 May 2026 10:00",
    "To: Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>",
    "Subject: Devis D-26-0440",
    "",
    "Voici notre devis :",
    "1. ESS-300 Essuie-mains pliés - 4 cartons à 32,00",
    "2. GN-4410 Gants nitrile taille M - 10 boîtes à 6,90",
    "3. DET-5L Détergent multi-surfaces 5 L - 3 bidons à 14,80",
    "4. SAV-1L Savon liquide 1 L - 12 flacons à 3,20"
  ].join("\n")

  it("keeps the numbers taken, with a quantity changed, and leaves out those set aside", () => {
    const r = extract(`Bonjour, nous prenons les articles 1, 2 et 4 ; passez la ligne 2 à 20. Oubliez le détergent (article 3) pour cette fois.${quote}`, { subject: "RE: Devis D-26-0440" })
    expect(r.is_order).toBe(true)
    expect(linesOf(r)).toEqual(["ESS-300|4|carton", "GN-4410|20|boîte", "SAV-1L|12|flacon"])
  })

  it("never reads a numbered list's own numbers as quantities", () => {
    expect(linesOf(extract("Merci de livrer :\n1. Gants nitrile taille M - 6 boîtes\n2. Essuie-mains - 3 cartons"))).toEqual(["GN-4410|6|boîte", "ESS-300|3|carton"])
  })
})

describe("mails that name products and quantities for another purpose", () => {
  const isOrder = (text: string): boolean => extract(text, { subject: "Gants" }).is_order

  it("takes a request for a catalogue or prices, an invoice reminder or a billing dispute for no order", () => {
    expect(isOrder("Please send us your latest catalogue and prices for nitrile gloves (we use about 20 boxes a month).")).toBe(false)
    expect(isOrder("Reminder: invoice INV-2231 for 4 boxes of nitrile gloves is overdue.")).toBe(false)
    expect(isOrder("We were charged for 10 boxes of nitrile gloves M but ordered 8. Please issue a credit.")).toBe(false)
  })

  it("takes a question on an order already sent, a sample asked for before ordering, or who will order next for no order", () => {
    expect(isOrder("Pouvez-vous me dire si les 4 boîtes de gants nitrile M commandées lundi sont parties ?")).toBe(false)
    expect(isOrder("Nous aimerions un échantillon de gants nitrile M avant de commander 50 boîtes.")).toBe(false)
    expect(isOrder("Our new buyer is Tom Baker; he will place the next orders (usually 10 boxes of nitrile gloves M).")).toBe(false)
    expect(isOrder("Le livreur a laissé 3 cartons d'essuie-mains devant la porte, merci de le prévenir à l'avenir.")).toBe(false)
  })

  it("takes a reply deferring a quote, a lead-time question or goods to take back for no order", () => {
    expect(isOrder("Thanks for the quote for 20 boxes of nitrile gloves M, we'll come back to you next week.")).toBe(false)
    expect(isOrder("Merci pour votre offre (20 boîtes de gants nitrile M à 6,90). Nous revenons vers vous rapidement.")).toBe(false)
    expect(isOrder("Could you tell me the lead time on 50 boxes of nitrile gloves M?")).toBe(false)
    expect(isOrder("Quel est le délai pour 50 boîtes de gants nitrile M ?")).toBe(false)
    expect(isOrder("Nous avons trop commandé : pouvez-vous reprendre 10 boîtes de gants nitrile M ?")).toBe(false)
  })

  it("still takes a plain request for goods with the same words nearby for an order", () => {
    expect(isOrder("Merci de nous livrer 4 boîtes de gants nitrile taille M, comme chaque mois nous en manquons.")).toBe(true)
  })
})
