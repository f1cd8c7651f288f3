import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The kinds of miss held-out 31 showed (tune31: a reply-all that changes a colleague's quoted order and keeps the rest;
 * an order cancelled by its number; "comme convenu au téléphone"; where not to send read as not to send; "P.O. Number";
 * addresses after a bare "to", blocks with no postal code under a forwarder's line, Luxembourg's codes, a venue's
 * service door; "réquisition n°", "LPO No."), each written here in phrasings from no corpus mail. Which tests fail on
 * main before tune31 is said in tests/fixtures/orders/README.md ("tune31"); the guards say what a rule must not reach.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Tuesday 1 December 2026.
  return extractor.extract({ from: { address: "regie@salle-des-tanneurs.fr", name: "Paul Girard" }, to: ["commandes@comptoir-fournitures.fr"], subject: "Commande", date: "2026-12-01T08:30:00+01:00", text, htmlText: "", attachments: [], ...over })
}
const EN = { from: { address: "ops@harbourhall.example", name: "Dana Lee" }, subject: "Supplies", date: "2026-12-01T08:30:00+00:00" }
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`).sort()

describe("a reply that changes the order quoted under it and keeps the rest", () => {
  it("'bump the larges to 8 boxes, rest as per Tom's list' over a colleague's order answered to all is the whole order, changed", () => {
    const text = "Hi all,\n\nCan we bump the larges to 8 boxes, rest as per Tom's list. Still Thursday please.\n\nDana\n\n-----Original Message-----\nFrom: Tom Price <tom.price@harbourhall.example>\nSent: Monday, November 30, 2026 4:10 PM\nTo: orders <commandes@comptoir-fournitures.fr>\nSubject: PO HH-5520\n\nHello,\n\nPlease ship on PO HH-5520:\n4 boxes nitrile gloves size L\n6 bottles liquid hand soap 1L\n\nDelivery Thursday 3rd to Harbour Hall, Goods Door 2, 14 Quay Road, Plymouth PL1 2AB.\n\nTom"
    const r = extract(text, { ...EN, subject: "RE: PO HH-5520" })
    expect(r.order_decision).toBe("order")
    expect(lines(r)).toEqual(["GN-4411|8|boîte", "SAV-1L|6|flacon"])
    expect(r.po_number).toBe("HH-5520")
  })

  it("'finalement 30 ramettes et non 20 … le reste ne change pas' over a colleague's quoted order takes its lines, number, day and address", () => {
    const text = "Bonjour,\n\nUne correction : finalement 30 ramettes de papier A4 et non 20, et on ajoute 2 boîtes de stylos noirs. Le reste ne change pas.\n\nPaul\n\nLe lun. 30 nov. 2026 à 10:05, Inès Roux <ines.roux@salle-des-tanneurs.fr> a écrit :\n> Bonjour,\n> Merci de nous livrer (commande n° TAN-2211) :\n> - 20 ramettes de papier A4 80 g\n> - 3 lots de surligneurs jaunes\n> Livraison le jeudi 10 décembre, à l'adresse suivante :\n> Salle des Tanneurs\n> 4 rue des Tanneurs\n> 67000 Strasbourg\n> Inès"
    const r = extract(text, { subject: "RE: Commande fournitures" })
    expect(r.order_decision).toBe("order")
    expect(lines(r)).toEqual(["REF-1001|30|ramette", "STY-NR|2|boîte", "SURL-J|3|lot"])
    expect(r.po_number).toBe("TAN-2211")
    expect(r.delivery_date).toBe("2026-12-10")
    expect(r.delivery_address).toBe("Salle des Tanneurs, 4 rue des Tanneurs, 67000 Strasbourg")
  })

  it("'on enlève les gobelets … le reste comme prévu' strikes a product of the quoted order", () => {
    const text = "Bonjour,\n\nOn enlève les gobelets, la salle a sa vaisselle. Le reste comme prévu.\n\nPaul\n\nLe lun. 30 nov. 2026 à 10:05, Inès Roux <ines.roux@salle-des-tanneurs.fr> a écrit :\n> Bonjour,\n> Merci de nous livrer pour jeudi :\n> - 12 packs d'eau plate 50 cl\n> - 10 sachets de gobelets carton\n> Inès"
    const r = extract(text, { subject: "RE: Commande" })
    expect(lines(r)).toEqual(["EAU-50|12|pack"])
  })

  it("(guard) the sender correcting her own order quoted right below sends only the change: the rest reached us already", () => {
    const text = "Bonjour,\n\nPetite correction sur ma commande de ce matin : mettez 12 packs d'eau au lieu de 8. Le reste ne change pas.\n\nPaul\n\nDe : Paul Girard\nEnvoyé : mardi 1 décembre 2026 07:40\nÀ : Comptoir Fournitures - Commandes\nObjet : Commande\n\n> Bonjour,\n> Merci de nous livrer pour jeudi :\n> - 8 packs d'eau plate 50 cl\n> - 2 colis de papier toilette"
    const r = extract(text, { subject: "RE: Commande" })
    expect(lines(r)).toEqual(["EAU-50|12|pack"])
  })
})

describe("order or not", () => {
  it("'Please cancel order KF-2231 in full' over the lines it cancels is no order", () => {
    const r = extract("Hi,\n\nThe event moved, so please cancel order KF-2231 in full:\n\n| Item | Qty |\n| Paper cups 20cl | 30 bags |\n| Bin bags 110L | 10 rolls |\n\nThanks", EN)
    expect(r.is_order).toBe(false)
  })

  it("'Comme convenu au téléphone : 3 rallonges 3 m, 4 lots de piles AA et 12 ampoules LED E27' reads the goods (no phone line)", () => {
    const r = extract("Salut,\n\nComme convenu au téléphone : 3 rallonges 3 m, 4 lots de piles AA et 12 ampoules LED E27.\nPour le 10 décembre svp.\n\nMerci", { subject: "Suite à notre appel" })
    expect(r.is_order).toBe(true)
    expect(lines(r)).toEqual(["LED-E27|12|pièce", "PIL-AA|4|lot", "RAL-3M|3|pièce"])
  })

  it("'please don't send anything to the Mill Lane office' says where not to deliver: the order is proposed", () => {
    const r = extract("Hi,\n\nCould you send 20 boxes of nitrile gloves size M and 10 cartons of Z-fold hand towels.\nPlease don't send anything to the Mill Lane office, it is closed this month.\n\nThanks", EN)
    expect(r.order_decision).toBe("order")
  })

  it("'P.O. Number: …' above a table of goods is an order act (the dotted abbreviation ends no sentence)", () => {
    const r = extract("Hello,\n\nP.O. Number: HH-2026-204 (winter gala)\n\n| Item # | Description | Qty |\n| STY-BL | Blue ballpoint pens, box of 50 | 3 |\n| SURL-J | Yellow highlighters, pack of 10 | 2 |\n\nRegards", EN)
    expect(r.order_decision).toBe("order")
    expect(r.po_number).toBe("HH-2026-204")
  })

  it("(guard) 'please don't send anything until we confirm the numbers' still holds the order back", () => {
    const r = extract("Hi,\n\nWe'll need 20 boxes of nitrile gloves size M for the gala.\nPlease don't send anything until we confirm the numbers.\n\nThanks", EN)
    expect(r.order_decision).not.toBe("order")
  })
})

describe("where the goods go", () => {
  it("'Delivery Thursday the 10th to Harbour Hall 3, North Loading Door, 22 Marine Street, …' keeps the place named after 'to'", () => {
    const r = extract("Hello,\nPlease send 4 boxes of nitrile gloves size M.\nDelivery Thursday the 10th to Harbour Hall 3, North Loading Door, 22 Marine Street, Halifax NS B3J 1S9.\nThanks", EN)
    expect(r.delivery_address).toBe("Harbour Hall 3, North Loading Door, 22 Marine Street, Halifax NS B3J 1S9")
  })

  it("'…, au Moulin de la Brède, la grange (porte arrière), route du Moulin, 33650 La Brède' keeps the place before a street with no number", () => {
    const r = extract("Bonjour,\nMerci de livrer 6 packs d'eau plate 50 cl.\nLivraison le vendredi 11 décembre au matin, au Moulin de la Brède, la grange (porte arrière), route du Moulin, 33650 La Brède.\nMerci")
    expect(r.delivery_address).toBe("Moulin de la Brède, la grange (porte arrière), route du Moulin, 33650 La Brède")
  })

  it("'à l'adresse de notre transitaire :' over a block with no postal code ('c/o …', '…, Nouakchott') is where", () => {
    const r = extract("Bonjour,\nMerci de nous livrer 6 packs d'eau plate 50 cl.\nLivraison pour le 9 décembre, à l'adresse de notre transitaire :\nc/o Atlantique Fret\nZone de fret, Aéroport de Nouakchott-Oumtounsy\nNouakchott\n\nLes factures vont à notre boîte postale.\nMerci")
    expect(r.delivery_address).toBe("c/o Atlantique Fret, Zone de fret, Aéroport de Nouakchott-Oumtounsy, Nouakchott")
  })

  it("'Delivery on or before Tuesday 8th December to our freight forwarder:' over 'c/o Kilimanjaro Cargo, Bay 7 / KIA Cargo Terminal, Arusha'", () => {
    const r = extract("Dear Sir,\nKindly supply 5 boxes of nitrile gloves size M.\nDelivery on or before Tuesday 8th December to our freight forwarder:\nc/o Kilimanjaro Cargo, Bay 7\nKIA Cargo Terminal, Arusha\n\nRegards", EN)
    expect(r.delivery_address).toBe("c/o Kilimanjaro Cargo, Bay 7, KIA Cargo Terminal, Arusha")
  })

  it("'They need to go straight to the marquee, not to our office on Gay Street:' over the block is where", () => {
    const r = extract("Hello,\nI'd like to order 10 packs of still water.\nCould they arrive on Monday? They need to go straight to the marquee, not to our office on Gay Street:\n\nThe Old Granary\nHill Farm, Upper Weston\nBath BA1 4DG\n\nThanks", EN)
    expect(r.delivery_address).toBe("The Old Granary, Hill Farm, Upper Weston, Bath BA1 4DG")
  })

  it("'Entrée de service, 8 rue du Théâtre, L-1212 Luxembourg' alone under the order names the door deliveries come to", () => {
    const r = extract("Salut,\nComme convenu : 3 rallonges 3 m et 12 ampoules LED E27 pour le 10 décembre.\n\nEntrée de service, 8 rue du Théâtre, L-1212 Luxembourg\n\nMerci")
    expect(r.delivery_address).toBe("Entrée de service, 8 rue du Théâtre, L-1212 Luxembourg")
  })

  it("'Livraison d'ici au jeudi 10.12 au plus tard, au quai du Mont-Blanc, cabane d'accueil n° 2, 1201 Genève' reads past the dotted day", () => {
    const r = extract("Bonjour,\nMerci de livrer 6 packs d'eau plate 50 cl.\nLivraison d'ici au jeudi 10.12 au plus tard, au quai du Mont-Blanc, cabane d'accueil n° 2, 1201 Genève (on peut se garer devant).\nMerci")
    expect(r.delivery_address).toBe("quai du Mont-Blanc, cabane d'accueil n° 2, 1201 Genève")
  })

  it("'livrez au stand 22 place Broglie 67000 Strasbourg' dictated keeps the stand's number with its word", () => {
    const r = extract("salut c'est Marc du marché il me faudrait trois bidons de liquide vaisselle pour demain livrez au stand 22 place Broglie 67000 Strasbourg avant 9 heures merci")
    expect(r.delivery_address).toBe("stand 22 place Broglie 67000 Strasbourg")
  })

  it("'Please deliver to me at the address below' takes the signature's block, not its postal box", () => {
    const r = extract("Hello,\nCould I order 25 reams A4 copy paper please.\nPlease deliver to me at the address below.\n\nThanks,\nMoira\n\nMoira Shaw\nFacilities Coordinator\nFacilities Office, Level 2\nRiverside Conference Hall\nDock Road\nDundee DD1 3JX\nPostal: PO Box 12, Dundee DD1 9AA", EN)
    expect(r.delivery_address).toBe("Facilities Office, Level 2, Riverside Conference Hall, Dock Road, Dundee DD1 3JX")
  })

  it("(guard) an invoicing block with no postal code is never where the goods go", () => {
    const r = extract("Dear Sir,\nKindly supply 5 boxes of nitrile gloves size M.\nInvoices to be addressed to:\nc/o Meru Holdings, Plot 12\nMoi Avenue, Nairobi\n\nRegards", EN)
    expect(r.delivery_address).toBeNull()
  })
})

describe("order numbers", () => {
  it("'(réquisition n° DKR/ADM/26/311)' is the order's number", () => {
    const r = extract("Bonjour,\nNous vous prions de nous faire parvenir les fournitures suivantes (réquisition n° DKR/ADM/26/311) :\n- 20 ramettes de papier A4 80 g\nCordialement")
    expect(r.po_number).toBe("DKR/ADM/26/311")
  })

  it("'as per our LPO No. 00412' is the order's number", () => {
    const r = extract("Dear Sir,\nKindly supply the following as per our LPO No. 00412:\n1. Liquid hand soap 1L - 10 pcs\nKind regards", EN)
    expect(r.po_number).toBe("00412")
  })
})
