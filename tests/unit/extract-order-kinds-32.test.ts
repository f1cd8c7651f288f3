import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The kinds of miss held-out 32 showed (tune32: a reply that places the list its sender had only asked about; where in
 * the premises before the colon; blocks with no postal code on a named street; Swiss codes that read like years; a
 * list under "Merci de livrer jeudi :" taken into the address; cases of water; a postal box read as goods), and the
 * ways of writing an address or a day found weak while probing the same rules, each in phrasings from no corpus mail.
 * Which tests fail on main before tune32 is said in tests/fixtures/orders/README.md ("tune32"); the guards say what a
 * rule must not reach.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Tuesday 1 December 2026.
  return extractor.extract({ from: { address: "regie@salle-des-tanneurs.fr", name: "Paul Girard" }, to: ["commandes@comptoir-fournitures.fr"], subject: "Commande", date: "2026-12-01T08:30:00+01:00", text, htmlText: "", attachments: [], ...over })
}
const EN = { from: { address: "ops@harbourhall.example", name: "Dana Lee" }, subject: "Supplies", date: "2026-12-01T08:30:00+00:00" }
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`).sort()
const FR_LIST = "Bonjour,\n\nMerci de nous livrer 10 ramettes de papier A4.\n"
const EN_LIST = "Hi,\n\nPlease send 10 reams of A4 paper.\n"

describe("a reply that places the list its sender had only asked about", () => {
  it("'vous pouvez lancer … le reste comme dans mon premier message' over her own question 'avant que je passe commande' is the whole order, changed", () => {
    const text = "Bonjour Julie,\n\nParfait, vous pouvez lancer. On passe à 12 packs d'eau au lieu de 8, et on ajoute 2 boîtes de stylos noirs. Le reste comme dans mon premier message.\n\nPaul\n\nLe lun. 30 nov. 2026 à 15:10, Julie Armand <julie.armand@comptoir-fournitures.fr> a écrit :\n> Bonjour Paul,\n> Tout est en stock, livraison possible le mercredi 9.\n> Julie\n>\n> Le lun. 30 nov. 2026 à 09:40, Paul Girard <regie@salle-des-tanneurs.fr> a écrit :\n> > Bonjour,\n> > Pour le concert du 12, il nous faudrait :\n> > - 8 packs d'eau plate 50 cl\n> > - 10 sachets de gobelets carton\n> > à livrer le mercredi 9 décembre à la loge technique :\n> > 4 rue des Tanneurs\n> > 67000 Strasbourg\n> > Pouvez-vous me dire si tout est disponible avant que je passe commande ?\n> > Paul"
    const r = extract(text, { subject: "Re: Re: Fournitures concert" })
    expect(r.order_decision).toBe("order")
    expect(lines(r)).toEqual(["EAU-50|12|pack", "GOB-20|10|sachet", "STY-NR|2|boîte"])
    expect(r.delivery_date).toBe("2026-12-09")
    expect(r.delivery_address).toBe("loge technique, 4 rue des Tanneurs, 67000 Strasbourg")
  })

  it("'Go ahead … make the cups 12 bags, not 8, and drop the water. Everything else as below.' over her 'check availability before I confirm' takes the quoted day", () => {
    const text = "Hi Julie,\n\nGo ahead please. Make the cups 12 bags, not 8, and drop the water (we have plenty). Everything else as below.\n\nDana\n\n-----Original Message-----\nFrom: Julie Armand <julie.armand@comptoir-fournitures.fr>\nSent: Monday, November 30, 2026 2:00 PM\nTo: Dana Lee <ops@harbourhall.example>\nSubject: RE: Supplies\n\nHi Dana, all in stock, we can be with you on Thursday 10th. Shall I book it?\nJulie\n\n-----Original Message-----\nFrom: Dana Lee <ops@harbourhall.example>\nSent: Monday, November 30, 2026 9:15 AM\nTo: Julie Armand <julie.armand@comptoir-fournitures.fr>\nSubject: Supplies\n\nHi Julie,\nWe'd need:\n- 8 bags of paper cups\n- 6 packs of still water\n- 4 boxes of nitrile gloves, large\nDelivery Thursday 10th to Harbour Hall, Goods Door 2, 14 Quay Road, Plymouth PL1 2AB.\nCould you check availability before I confirm?\nDana"
    const r = extract(text, { ...EN, subject: "RE: Supplies" })
    expect(r.order_decision).toBe("order")
    expect(lines(r)).toEqual(["GN-4411|4|boîte", "GOB-20|12|sachet"])
    expect(r.delivery_date).toBe("2026-12-10")
  })

  it("(guard) a sender amending the order she placed, quoted below, sends only the change: the rest reached us already", () => {
    const text = "Hi,\n\nSmall change to my order from this morning: 10 packs of water instead of 6. Rest unchanged.\n\nDana\n\nFrom: Dana Lee <ops@harbourhall.example>\nSent: Tuesday, December 1, 2026 7:40 AM\nTo: orders\nSubject: Supplies\n\nPlease send for Thursday:\n- 6 packs of still water\n- 8 bags of paper cups"
    const r = extract(text, { ...EN, subject: "RE: Supplies" })
    expect(lines(r)).toEqual(["EAU-50|10|pack"])
  })
})

describe("where in the premises, named before the colon over their address", () => {
  it("'Delivery Wednesday please, to the side entrance:' opens the address with the entrance", () => {
    const r = extract(`${EN_LIST}Delivery Wednesday please, to the side entrance:\n12 Chapel Street\nBath BA1 1AA\n\nThanks`, EN)
    expect(r.delivery_address).toBe("side entrance, 12 Chapel Street, Bath BA1 1AA")
  })

  it("'Livraison jeudi à la loge du gardien :' opens the address with the lodge", () => {
    const r = extract(`${FR_LIST}Livraison jeudi à la loge du gardien :\n5 rue des Écoles\n21000 Dijon\n\nMerci`)
    expect(r.delivery_address).toBe("loge du gardien, 5 rue des Écoles, 21000 Dijon")
  })

  it("(guard) the premises as a whole ('à la boutique :'), a wish ('à l'accueil si possible :') or a place ruled out add nothing to the block", () => {
    expect(extract(`${FR_LIST}A livrer à la boutique :\nFleurs de Marie\n3 rue Nationale\n37000 Tours\n\nMerci`).delivery_address).toBe("Fleurs de Marie, 3 rue Nationale, 37000 Tours")
    expect(extract(`${FR_LIST}Livraison jeudi à l'accueil si possible :\nMaison des associations\n6 rue Jean-Jaurès\n44000 Nantes\n\nMerci`).delivery_address).toBe("Maison des associations, 6 rue Jean-Jaurès, 44000 Nantes")
    expect(extract(`${FR_LIST}Merci de livrer à l'atelier et pas à la réception du public :\nAtelier Dupuis\n12 rue des Forges\n69007 Lyon\n\nMerci`).delivery_address).toBe("Atelier Dupuis, 12 rue des Forges, 69007 Lyon")
  })
})

describe("an address block with no postal code, or with a code that reads like a year", () => {
  it("'… to the following address:' over a block on a named street with no number nor code ends on its town and region", () => {
    const r = extract(`${EN_LIST}Delivery on Monday to the following address:\nCentral Stores, Science Block\nCantonments Road\nAccra, Greater Accra\n\nThank you`, EN)
    expect(r.delivery_address).toBe("Central Stores, Science Block, Cantonments Road, Accra, Greater Accra")
  })

  it("'Livraison … à l'adresse :' over 'Magasin de l'hôpital / Avenue Cheikh Anta Diop, Fann / Dakar' is that block", () => {
    const r = extract(`${FR_LIST}Livraison au plus tard le vendredi 11 décembre, à l'adresse :\nMagasin de l'hôpital\nAvenue Cheikh Anta Diop, Fann\nDakar\n\nSalutations distinguées`)
    expect(r.delivery_address).toBe("Magasin de l'hôpital, Avenue Cheikh Anta Diop, Fann, Dakar")
  })

  it("'Chemin des Pierres 8' then '1950 Sion': a Swiss code under its street closes the block", () => {
    const r = extract(`${FR_LIST}Merci de livrer à l'adresse suivante :\nAtelier des collections\nChemin des Pierres 8\n1950 Sion\n\nMeilleures salutations`)
    expect(r.delivery_address).toBe("Atelier des collections, Chemin des Pierres 8, 1950 Sion")
  })

  it("'CH-1204 Genève', 'place de l'Église' with no number, 'allée du Six Août 15, 4000 Liège' are addresses after their label", () => {
    expect(extract(`${FR_LIST}Livraison à : Mairie, Service des écoles, Rue de l'Hôtel-de-Ville 4, CH-1204 Genève\n\nMerci`).delivery_address).toBe("Mairie, Service des écoles, Rue de l'Hôtel-de-Ville 4, CH-1204 Genève")
    expect(extract(`${FR_LIST}Livraison : Mairie, place de l'Église, 12340 Bozouls\n\nMerci`).delivery_address).toBe("Mairie, place de l'Église, 12340 Bozouls")
    expect(extract(`${FR_LIST}Livraison : Université, Bâtiment B6, allée du Six Août 15, 4000 Liège\n\nMerci`).delivery_address).toBe("Université, Bâtiment B6, allée du Six Août 15, 4000 Liège")
  })

  it("'Adresse de livraison : voir ci-dessous' over the block: the pointer is no part of it", () => {
    const r = extract(`${FR_LIST}Adresse de livraison : voir ci-dessous\nAtelier Dupuis\n12 rue des Forges\n69007 Lyon\n\nMerci`)
    expect(r.delivery_address).toBe("Atelier Dupuis, 12 rue des Forges, 69007 Lyon")
  })

  it("'Please send to our Galway office, Unit 3, …, Galway H91 X2YT.' is where the goods go", () => {
    const r = extract(`${EN_LIST}Please send to our Galway office, Unit 3, Liosban Business Park, Galway H91 X2YT.\n\nThanks`, EN)
    expect(r.delivery_address).toBe("Galway office, Unit 3, Liosban Business Park, Galway H91 X2YT")
  })
})

describe("a delivery line over the list of goods, then the address", () => {
  it("'Merci de livrer jeudi 10 décembre :' over the goods and then a block: the goods are no part of the address", () => {
    const r = extract("Bonjour,\n\nMerci de livrer jeudi 10 décembre :\n- 10 ramettes de papier A4\n- 4 boîtes de gants nitrile taille M\nSalle des fêtes\n3 rue des Lilas\n21000 Dijon\n\nMerci")
    expect(r.delivery_address).toBe("Salle des fêtes, 3 rue des Lilas, 21000 Dijon")
    expect(lines(r)).toEqual(["GN-4410|4|boîte", "REF-1001|10|ramette"])
  })

  it("'Could you deliver these on Friday, to the club rather than the office:' over the goods, a blank, then the club's block", () => {
    const r = extract("Hi,\n\nCould you deliver these on Friday, to the club rather than the office:\n\n6 packs of still water\n4 bags of paper cups\n\nRiverside Rowing Club\nBoathouse Lane\nReading RG1 8DQ\n\nCheers,\nDana", EN)
    expect(r.delivery_address).toBe("Riverside Rowing Club, Boathouse Lane, Reading RG1 8DQ")
  })

  it("(guard) a signature under the goods is no address: 'Jeanne Martin' over her shop's line", () => {
    const r = extract("Bonjour,\n\nMerci de livrer vendredi :\n- 6 packs d'eau plate 50 cl\n- 4 sachets de gobelets carton\n\nJeanne Martin\nLa Cave du Port, 2 quai Duperré, 17000 La Rochelle")
    expect(r.delivery_address).toBeNull()
  })
})

describe("the delivery day beside the day of a quote, an offer or the bill", () => {
  it("'selon votre offre du 20 novembre, pour le jeudi 10 décembre' is the 10th, not the offer's day a year on", () => {
    expect(extract("Bonjour,\n\nMerci de nous livrer 10 ramettes de papier A4 selon votre offre du 20 novembre, pour le jeudi 10 décembre.\n\nMerci").delivery_date).toBe("2026-12-10")
  })

  it("'as quoted on 25 November, delivery Thursday 10th' is the 10th", () => {
    expect(extract("Hi,\n\nPlease send 10 reams of A4 paper as quoted on 25 November, delivery Thursday 10th.\n\nThanks", EN).delivery_date).toBe("2026-12-10")
  })

  it("'As per our quote of 25/11, delivery 10/12.' and '(invoice to accounts), delivery 10 December' are the 10th", () => {
    expect(extract(`${EN_LIST}As per our quote of 25/11, delivery 10/12.\n\nThanks`, EN).delivery_date).toBe("2026-12-10")
    expect(extract("Hi,\n\nPlease send 10 reams of A4 paper (invoice to accounts), delivery 10 December.\n\nThanks", EN).delivery_date).toBe("2026-12-10")
  })

  it("(guard) 'could we have it on Monday 7th instead of Friday 4th' over the forwarded order's 'Delivery Friday 4th' is the 7th", () => {
    const text = "Hello,\n\nResending, the first one bounced. Could we have it on Monday 7th instead of Friday 4th please?\n\nDana\n\nFrom: Dana Lee\nSent: 27 November 2026 16:30\nTo: orders\nSubject: PO HH-5530\n\nPlease supply on PO HH-5530:\n10 reams of A4 paper\n\nDelivery Friday 4th to:\nHarbour Hall\n14 Quay Road\nPlymouth PL1 2AB"
    expect(extract(text, { ...EN, subject: "FW: PO HH-5530" }).delivery_date).toBe("2026-12-07")
  })
})

describe("lines", () => {
  it("'6 caisses d'eau plate' and '10 cases of still water' of water sold by the pack of 24 are packs", () => {
    expect(lines(extract("Bonjour,\n\nMerci de nous livrer 6 caisses d'eau plate 50 cl.\n\nMerci"))).toEqual(["EAU-50|6|pack"])
    expect(lines(extract("Hi,\n\nPlease send 10 cases of still water 50 cl.\n\nThanks", EN))).toEqual(["EAU-50|10|pack"])
  })

  it("'Please note that P.O. Box 77 is for letters only' orders no sticky notes", () => {
    const r = extract(`${EN_LIST}Delivery to 14 Quay Road, Plymouth PL1 2AB.\nPlease note that P.O. Box 77 is for letters only.\n\nThanks`, EN)
    expect(lines(r)).toEqual(["REF-1001|10|ramette"])
  })
})
