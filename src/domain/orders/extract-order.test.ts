import { describe, expect, it } from "vitest"

import type { Customer, Product } from "../customers/customer.schema"
import { findDates, isoDay } from "./dates"
import { OrderExtractor } from "./extract-order"
import { htmlToText } from "./html-to-text"
import { splitMail } from "./mail-body"
import { LOW_CONFIDENCE, type OrderMail } from "./types"

const product = (ref: string, nameFr: string, nameEn: string, unit: string): Product => ({ id: ref, ref, nameFr, nameEn, unit, unitPriceCents: 100, vatRateBp: 2000, createdAt: 0, updatedAt: 0 })
const PRODUCTS = [
  product("GN-4409", "Gants nitrile taille S (boîte de 100)", "Nitrile gloves size S (box of 100)", "boîte"),
  product("GN-4410", "Gants nitrile taille M (boîte de 100)", "Nitrile gloves size M (box of 100)", "boîte"),
  product("GN-4411", "Gants nitrile taille L (boîte de 100)", "Nitrile gloves size L (box of 100)", "boîte"),
  product("REF-1011", "Enveloppes C4 (250)", "C4 envelopes (250)", "boîte"),
  product("DET-5L", "Détergent multi-surfaces 5 L", "Multi-surface cleaner 5 L", "bidon"),
  product("REF-1002", "Cartouche toner noir TN-2420", "Black toner cartridge TN-2420", "pièce"),
  product("SAV-1L", "Savon liquide mains 1 L", "Liquid hand soap 1 L", "flacon"),
  product("ESS-300", "Essuie-mains papier pliés (carton de 20 paquets)", "Paper hand towels (case of 20 packs)", "carton")
]
const customer = (code: string, company: string, emails: string[], first = "", last = ""): Customer => ({
  id: code, code, company, siren: null, vatNumber: null, addresses: [], country: "FR", language: "fr", creditLimitCents: null, paymentTermsDays: null,
  salesRep: null, tags: [], notes: "", contacts: [{ id: `${code}-1`, firstName: first, lastName: last, role: "", phones: [], emails }], createdAt: 0, updatedAt: 0
})
const CUSTOMERS = [
  customer("C-1", "Boulangerie Lefèvre", ["amelie@boulangerie-lefevre.fr"], "Amélie", "Lefèvre"),
  customer("C-2", "Hôtel Fontaine Lyon", ["lyon@hotels-fontaine.fr"]),
  customer("C-3", "Hôtel Fontaine Annecy", ["annecy@hotels-fontaine.fr"]),
  customer("C-4", "Garage Chevalier", ["garage.chevalier@orange.fr"], "Rémi", "Chevalier")
]

function mail(text: string, over: Partial<OrderMail> = {}): OrderMail {
  return { from: { address: "amelie@boulangerie-lefevre.fr", name: "Amélie Lefèvre" }, to: [], subject: "Commande", date: "2026-03-10T09:00:00", text, htmlText: "", attachments: [], ...over }
}
const extractor = new OrderExtractor({ customers: CUSTOMERS, products: PRODUCTS, ownDomains: ["comptoir.example"] })

describe("order lines as customers write them", () => {
  it.each([
    ["2 cartons de gants nitrile taille M", "GN-4410", 2, "carton"],
    ["gants nitrile M x10", "GN-4410", 10, "boîte"],
    ["Réf. GN-4411 — qté : 5", "GN-4411", 5, "boîte"],
    ["please send 12 boxes of large nitrile gloves", "GN-4411", 12, "boîte"],
    ["trois boîtes de gants S", "GN-4409", 3, "boîte"],
    ["5 bidons de détergent multi-surfaces 5L", "DET-5L", 5, "bidon"],
    ["4 x black toner TN-2420", "REF-1002", 4, "pièce"],
    // The "1" of "1 carton" is not the "1 L" of the soap.
    ["1 carton d'essuie-mains", "ESS-300", 1, "carton"]
  ])("reads “%s” as %s × %d %s", (line, ref, quantity, unit) => {
    const order = extractor.extract(mail(`Bonjour,\n\nMerci de nous livrer :\n${line}\n\nCordialement,\nAmélie`))
    expect(order.lines).toEqual([{ ref, quantity, unit }])
  })

  it("reads a table pasted from a spreadsheet by its header, not the prices", () => {
    const order = extractor.extract(mail("Commande :\n\nRéf\tDésignation\tQté\tPrix\nGN-4410\tGants M\t20\t8,90\nREF-1011\tEnveloppes\t3\t21,90\n"))
    expect(order.lines).toEqual([{ ref: "GN-4410", quantity: 20, unit: "boîte" }, { ref: "REF-1011", quantity: 3, unit: "boîte" }])
  })

  it("reads no line in the signature's phone numbers nor in the quoted earlier message", () => {
    const text = "Merci de livrer 2 boîtes de gants L.\n\nCordialement,\nAmélie Lefèvre\nTél. 04 78 42 11 90\n\nLe lun. 9 mars 2026 à 10:00, Amélie <amelie@boulangerie-lefevre.fr> a écrit :\n> Merci de livrer 40 boîtes d'enveloppes C4."
    expect(extractor.extract(mail(text)).lines).toEqual([{ ref: "GN-4411", quantity: 2, unit: "boîte" }])
  })

  it("uses a name the customer taught in an earlier correction", () => {
    const taught = new OrderExtractor({ customers: CUSTOMERS, products: PRODUCTS, memory: { "C-1": { productAliases: { "gants bleus du labo": "GN-4410" } } } })
    expect(taught.extract(mail("Merci de nous envoyer 4 boîtes de gants bleus du labo.")).lines).toEqual([{ ref: "GN-4410", quantity: 4, unit: "boîte" }])
  })
})

describe("the customer of a mail", () => {
  it("is found by the sender's address, then by a domain only one customer has", () => {
    expect(extractor.extract(mail("Merci de livrer 2 boîtes de gants L.")).customer_code).toBe("C-1")
    expect(extractor.extract(mail("Merci de livrer 2 boîtes de gants L.", { from: { address: "paul@boulangerie-lefevre.fr", name: "Paul" } })).customer_code).toBe("C-1")
  })

  it("is told apart by the signature when two customers share a domain", () => {
    const order = extractor.extract(mail("Merci de livrer 2 boîtes de gants L.\n\nCordialement,\nL'économat\nHôtel Fontaine Annecy", { from: { address: "economat@hotels-fontaine.fr", name: "Économat" } }))
    expect(order.customer_code).toBe("C-3")
  })

  it("is the forwarded mail's sender when a colleague forwards it", () => {
    const text = "Pour saisie.\n\n---------- Forwarded message ---------\nDe : Rémi <garage.chevalier@orange.fr>\nDate: lun. 9 mars 2026 à 08:00\nSubject: commande\n\nMerci de livrer 3 boîtes de gants M demain."
    const order = extractor.extract(mail(text, { from: { address: "claire@comptoir.example", name: "Claire" }, subject: "Fwd: commande" }))
    expect(order.customer_code).toBe("C-4")
    expect(order.delivery_date).toBe("2026-03-10")
  })
})

describe("delivery dates relative to the mail's day (Tuesday 10 March 2026)", () => {
  const ref = new Date(2026, 2, 10, 12)
  it.each([
    ["livraison jeudi", "2026-03-12"],
    ["sous huitaine", "2026-03-18"],
    ["next Tuesday", "2026-03-17"],
    ["avant le 15/03", "2026-03-15"],
    ["le 3 avril", "2026-04-03"],
    ["by March 20th", "2026-03-20"],
    ["la semaine prochaine", "2026-03-16"],
    ["fin du mois", "2026-03-31"],
    ["demain", "2026-03-11"]
  ])("“%s” is %s", (text, iso) => {
    expect(findDates(text, ref).map((d) => isoDay(d.date))[0]).toBe(iso)
  })

  it("reads 03/10/2026 month first for a customer in the United States", () => {
    expect(isoDay(findDates("by 03/10/2026", ref, { monthFirst: true })[0]!.date)).toBe("2026-03-10")
  })
})

describe("the header fields", () => {
  it("takes the customer's order number and the delivery address from their labels", () => {
    const order = extractor.extract(mail("Bon de commande n° BC-2026-114\n3 boîtes de gants M\n\nAdresse de livraison :\nEntrepôt Nord\n2 rue de l'Industrie\n31150 Fenouillet\n\nLivraison le 17/03/2026."))
    expect(order.po_number).toBe("BC-2026-114")
    expect(order.delivery_address).toBe("Entrepôt Nord, 2 rue de l'Industrie, 31150 Fenouillet")
    expect(order.delivery_date).toBe("2026-03-17")
    expect(order.confidence.po_number).toBeGreaterThan(0.9)
    expect(order.evidence.po_number).toContain("BC-2026-114")
  })

  it("marks a product guessed from a few words as less sure than one given by its ref", () => {
    const order = extractor.extract(mail("Merci de livrer :\nGN-4410 x 3\ngants nitrile x 2"))
    expect(order.confidence["lines.0"]).toBeGreaterThan(order.confidence["lines.1"]!)
  })
})

describe("order lines written loosely", () => {
  const more = [
    ...PRODUCTS,
    product("REF-1014", "Ruban adhésif d'emballage 66 m", "Packing tape 66 m", "rouleau"),
    product("CART-40", "Carton simple cannelure 40 × 30 × 30 cm", "Single-wall cardboard box 40 × 30 × 30 cm", "pièce"),
    product("CART-60", "Carton double cannelure 60 × 40 × 40 cm", "Double-wall cardboard box 60 × 40 × 40 cm", "pièce"),
    product("EAU-50", "Eau minérale plate 50 cl (pack de 24)", "Still mineral water 50 cl (pack of 24)", "pack"),
    product("GOB-20", "Gobelets carton 20 cl (sachet de 50)", "Paper cups 20 cl (bag of 50)", "sachet")
  ]
  const loose = new OrderExtractor({ customers: CUSTOMERS, products: more })

  it("reads two products joined by “and” in one sentence, the sides of a glued dimension not taken for a quantity", () => {
    const order = loose.extract(mail("Hello,\n\nCould you please supply 48 rolls of packing tape and 250 single-wall boxes 40x30x30 under PO WL-7802?\n\nThanks", { subject: "Order" }))
    expect(order.lines).toEqual([{ ref: "REF-1014", quantity: 48, unit: "rouleau" }, { ref: "CART-40", quantity: 250, unit: "pièce" }])
  })

  it("counts “boxes” of a product that is itself a box in the product's own unit", () => {
    expect(loose.extract(mail("Please send 30 double-wall boxes 60x40x40.", { subject: "Order" })).lines).toEqual([{ ref: "CART-60", quantity: 30, unit: "pièce" }])
  })

  it("names a product by the noun its name is built on when no other product is, and marks that line as one to check", () => {
    const order = loose.extract(mail("20 sachets gobelets + 10 packs d'eau pour mardi stp\nmerci", { subject: "cde" }))
    expect(order.lines).toEqual([{ ref: "GOB-20", quantity: 20, unit: "sachet" }, { ref: "EAU-50", quantity: 10, unit: "pack" }])
    // Below LOW_CONFIDENCE: the review form highlights the line for the agent to check.
    expect(order.confidence["lines.1"]).toBeLessThan(LOW_CONFIDENCE)
  })

  it("does not name a product by a noun several products are built on", () => {
    expect(loose.extract(mail("Merci de livrer 5 cartons.")).lines).toEqual([])
  })
})

describe("mails that are not orders", () => {
  it.each([
    ["an out-of-office reply", "Je suis absent du bureau jusqu'au 23 mars.", "Réponse automatique : Commande"],
    ["a complaint about a delivery", "Sur les 10 boîtes de gants M livrées hier, 3 sont arrivées abîmées.", "Réclamation"],
    ["a request for a quote", "Pourriez-vous nous faire un devis pour 8 boîtes de gants M ?", "Demande de devis"],
    ["a cancellation", "Merci d'annuler notre commande de 10 boîtes de gants M.", "Annulation"],
    ["a complaint that the goods sent were the wrong ones", "The 6 boxes of large nitrile gloves you sent last week are the wrong ones. Not happy. Can someone call me?", "gloves"],
    ["a complaint in French that the goods are not the right ones", "Les 4 boîtes de gants M que vous nous avez envoyées ne sont pas les bonnes.", "Gants"]
  ])("%s says so and proposes no line", (_, text, subject) => {
    const order = extractor.extract(mail(text, { subject }))
    expect(order.is_order).toBe(false)
    expect(order.lines).toEqual([])
  })

  it("a bulk mail (List-Unsubscribe) is never an order", () => {
    expect(extractor.extract(mail("Commandez 10 boîtes de gants M, la 11e offerte !", { bulk: true })).is_order).toBe(false)
  })
})

describe("mail text", () => {
  it("keeps an HTML table's columns and marks a quoted reply", () => {
    const text = htmlToText('<div>Commande :</div><table><tr><th>Réf</th><th>Qté</th></tr><tr><td>GN-4410</td><td>3</td></tr></table><blockquote>ancien message</blockquote>')
    expect(text).toBe("Commande :\nRéf | Qté\nGN-4410 | 3\n> ancien message")
  })

  it("keeps the lines of a preformatted block: a plain-text order in a <pre> has one line per item, not all on one", () => {
    const text = htmlToText("<p>Bonjour,</p><pre>Merci de nous livrer pour mardi :\r\n- 24 flacons de gel hydroalcoolique 500 ml (REF-1008)\n- 10 rouleaux d&#39;étiquettes (REF-1015)\n\nNotre bon de commande PO-88123 suit.</pre><p>Cordialement</p>")
    expect(text).toBe("Bonjour,\nMerci de nous livrer pour mardi :\n- 24 flacons de gel hydroalcoolique 500 ml (REF-1008)\n- 10 rouleaux d'étiquettes (REF-1015)\n\nNotre bon de commande PO-88123 suit.\nCordialement")
  })

  it("cuts the signature after the closing formula and keeps it apart for the customer's name", () => {
    const [top] = splitMail("2 boîtes de gants M\n\nBien cordialement,\nAmélie\nBoulangerie Lefèvre\n06 12 34 56 78", { from: null, date: null, subject: null })
    expect(top!.body).toBe("2 boîtes de gants M")
    expect(top!.signature).toContain("Boulangerie Lefèvre")
  })
})
