import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The places of held-out 42's and 43's kinds of miss (tune42): addresses a reader sees and main left empty, each rule
 * tried on five phrasings or more of the tuner's own, French and English, in other countries' layouts (none from a
 * corpus mail). The tune37 kit's mail builder (a mail of Friday 27 November 2026) reads them.
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|madame)/i.test(text) ? {} : EN)
const from = (name: string, address: string): Partial<OrderMail> => ({ from: { name, address } })
const address = (text: string, over: Partial<OrderMail> = {}): string | null => extract(text, { ...en(text), ...over }).delivery_address

describe("the sender's own premises written on one line under the goods, then the thanks", () => {
  it("takes the line even when it opens on the sender's own name, and leaves a note in brackets after the town out", () => {
    const cases: [string, Partial<OrderMail>, string][] = [
      ["Hello,\n\nPlease send by Monday:\n12 boxes nitrile gloves M\n6 boxes surgical masks\n\nHarbourside Dental, 40 Quay Street, Auckland 1010 (second floor, lift at the back)\n\nThanks,\nMere Walker, practice manager", from("Harbourside Dental", "reception@harbourside-dental.example.nz"), "Harbourside Dental, 40 Quay Street, Auckland 1010"],
      ["Bonjour,\n\nMerci de nous livrer pour jeudi :\n6 ramettes papier A4\n4 boîtes de stylos bleus\n\nCabinet Moreau Avocats, 14 rue de la Liberté, 21000 Dijon\n\nCordialement\nSophie Girard, assistante", from("Cabinet Moreau Avocats", "accueil@moreau-avocats.example.fr"), "Cabinet Moreau Avocats, 14 rue de la Liberté, 21000 Dijon"],
      ["Hi,\n\nCould we get for Thursday:\n4 cartons paper towels\n3 x 5L multi-surface cleaner\n\nMaple Ridge Daycare, 1180 Dundas Street, London ON N5W 3A9 (side door by the playground)\n\nThank you,\nPriya Shah, director", from("Maple Ridge Daycare", "office@mapleridgedaycare.example.ca"), "Maple Ridge Daycare, 1180 Dundas Street, London ON N5W 3A9"],
      ["Hello,\n\nPlease deliver on Wednesday:\n10 packs of still water\n6 bags of paper cups\n\nFynbos Physio, 22 Kloof Street, Cape Town 8001 (ring at the gate)\nOur post goes to PO Box 4410, Cape Town 8000.\n\nRegards,\nThandi Nkosi, reception", from("Fynbos Physio", "admin@fynbosphysio.example.co.za"), "Fynbos Physio, 22 Kloof Street, Cape Town 8001"],
      ["Bonjour,\n\nPour la fin de la semaine prochaine :\n5 colis de papier toilette\n2 cartons d'essuie-mains\n\nMaison de santé du Lac, 3 avenue des Alpes, 1006 Lausanne (entrée par le parking)\n\nMeilleures salutations,\nLéa Rochat, secrétaire", from("Maison de santé du Lac", "secretariat@msdulac.example.ch"), "Maison de santé du Lac, 3 avenue des Alpes, 1006 Lausanne"]
    ]
    expect(cases.map(([text, over]) => address(text, over))).toEqual(cases.map((c) => c[2]))
  })

  it("still reads a block that stacks the sender's name on its own line, unthanked, as a signature (a guard, passes on main too)", () => {
    expect(address("Hi,\n\n12 boxes nitrile gloves M\n6 boxes surgical masks\n\nHarbourside Dental\n40 Quay Street\nAuckland 1010", from("Harbourside Dental", "reception@harbourside-dental.example.nz"))).toBeNull()
    expect(address("Hi,\n\n12 boxes nitrile gloves M for Monday please.\n\nThanks,\nMere Walker\nHarbourside Dental, 40 Quay Street, Auckland 1010", from("Harbourside Dental", "reception@harbourside-dental.example.nz"))).toBeNull()
  })
})

describe("the way in for goods named inside a labelled block", () => {
  it("keeps « entrée livraisons », \"deliveries entrance\" as a line of the block under « Livraison : » or \"Deliver to:\"", () => {
    const cases: [string, string][] = [
      ["Bonjour,\n\n6 colis de papier toilette pour lundi.\n\nLivraison : Foyer Les Tilleuls\nentrée livraisons côté parking\n12 rue des Lilas\n87000 Limoges\n\nBien à vous,\nMarc", "Foyer Les Tilleuls, entrée livraisons côté parking, 12 rue des Lilas, 87000 Limoges"],
      ["Hello,\n\n4 cartons of paper towels for Tuesday please.\n\nDeliver to: Oakfield Care Home\ndeliveries entrance at the rear\n8 Elm Grove\nYork YO31 7RQ\n\nThanks,\nJen", "Oakfield Care Home, deliveries entrance at the rear, 8 Elm Grove, York YO31 7RQ"],
      ["Bonjour,\n\n10 boîtes de gants M.\n\nLivraison : Collège Jean Moulin\nporte de livraison côté cantine\n5 avenue Foch\n54000 Nancy\n\nMerci\nPaul", "Collège Jean Moulin, porte de livraison côté cantine, 5 avenue Foch, 54000 Nancy"],
      ["Hi,\n\n3 boxes of coffee pods please.\n\nShip to: Riverside Library\ngoods entrance on Mill Lane\n20 High Street\nBath BA1 5AW\n\nCheers,\nTom", "Riverside Library, goods entrance on Mill Lane, 20 High Street, Bath BA1 5AW"],
      ["Bonjour,\n\n2 bidons de détergent pour jeudi.\n\nLivraison : Résidence du Parc\nquai de livraison n° 2\n40 rue Nationale\n59000 Lille\n\nCordialement\nNadia", "Résidence du Parc, quai de livraison n° 2, 40 rue Nationale, 59000 Lille"]
    ]
    expect(cases.map(([text]) => address(text))).toEqual(cases.map((c) => c[1]))
  })
})

describe("a delivery sentence left open on a comma or a colon, the place's address on the next line", () => {
  it("takes the line under « à livrer au chalet, », \"deliver to our stall,\", \"have it with us by Monday:\"", () => {
    const cases: [string, string][] = [
      ["Bonjour,\n\n10 sachets de gobelets et 4 packs d'eau.\n\nPas au magasin : à livrer directement au stand,\nStand 14, Foire de Colmar, avenue de la Foire aux Vins, 68000 Colmar\n(ouvert dès 9 h).\n\nMerci,\nJulie", "Stand 14, Foire de Colmar, avenue de la Foire aux Vins, 68000 Colmar"],
      ["Hi,\n\n6 packs of still water and 20 bags of paper cups.\n\nNot to the shop this time, please deliver to our stall,\nStall 9, Borough Market, 8 Southwark Street, London SE1 1TL\n\nThanks,\nAmy", "Stall 9, Borough Market, 8 Southwark Street, London SE1 1TL"],
      ["Hello,\n\nCould we have 30 bags of paper cups and 8 packs of water.\n\nPlease have it with us by Tuesday, before 9 if you can:\nKiosk 4, Victoria Park Winter Fair, 12 Park Road, Glasgow G3 6BY\n\nMany thanks,\nIain", "Kiosk 4, Victoria Park Winter Fair, 12 Park Road, Glasgow G3 6BY"],
      ["Bonjour,\n\n4 cartons d'essuie-mains pour mardi.\n\nCette fois, à livrer au chalet,\nChalet 7, Village de Noël, place du Marché, 1003 Lausanne\n\nMeilleures salutations,\nLéa", "Chalet 7, Village de Noël, place du Marché, 1003 Lausanne"],
      ["Hi,\n\n5 rolls of 110L bin bags please.\n\nGet them to us by Friday, first thing:\nPop-up Bar, Unit 3, Christmas Village, 2 Queen Street, Cardiff CF10 2BU\n\nCheers,\nRhys", "Pop-up Bar, Unit 3, Christmas Village, 2 Queen Street, Cardiff CF10 2BU"]
    ]
    expect(cases.map(([text]) => address(text))).toEqual(cases.map((c) => c[1]))
  })

  it("still leaves the invoice's and the registered office's lines alone (a guard, passes on main too)", () => {
    expect(address("Hello,\n\n6 packs of still water please.\n\nPlease send the invoice to our office,\nHarbour Trading Ltd, 12 Dock Road, Liverpool L3 4AA\n\nThanks,\nAmy")).toBeNull()
    expect(address("Bonjour,\n\n4 packs d'eau pour mardi.\n\nNotre siège social, pour la facture,\nSARL Dupuis, 8 rue Haute, 67000 Strasbourg\n\nMerci,\nLéa")).toBeNull()
  })
})

describe("a whole address as a sentence of its own, right after the request", () => {
  it("takes it when the sentence before asks for the goods or the line sits under the list, the thanks or nothing after", () => {
    const cases: [string, string][] = [
      ["Hi, could you send 6 packs of still water and 2 bags of paper cups by Friday. Kiosk 3, Central Station Concourse, 10 Adelaide Street, Brisbane QLD 4000. Thanks, Josh", "Kiosk 3, Central Station Concourse, 10 Adelaide Street, Brisbane QLD 4000"],
      ["Bonjour, pouvez-vous nous livrer 4 packs d'eau et 10 sachets de gobelets pour jeudi. Boulangerie Martin, 6 rue du Pont, 44000 Nantes. Merci, Luc", "Boulangerie Martin, 6 rue du Pont, 44000 Nantes"],
      ["Hi,\n\n3 boxes nitrile gloves L\n2 cartons paper towels\n\nfor Monday please, we shut at 5. Greenway Vets, 18 Church Road, Bristol BS5 9JA\n\nDr Ali Khan", "Greenway Vets, 18 Church Road, Bristol BS5 9JA"],
      ["Hello, please send 12 rolls of packing tape when you can. Unit 5, Riverside Works, 44 Mill St. Paul Road, Dunedin 9016. Cheers, Kate", "Unit 5, Riverside Works, 44 Mill St. Paul Road, Dunedin 9016"],
      ["Hi, we need 5 boxes of surgical masks for Wednesday. Lakeside Clinic, 200 Lake Shore Blvd W, Toronto ON M5V 3T3. Thanks", "Lakeside Clinic, 200 Lake Shore Blvd W, Toronto ON M5V 3T3"]
    ]
    expect(cases.map(([text]) => address(text))).toEqual(cases.map((c) => c[1]))
  })

  it("still takes none the sentence before gives as the office's or the post's, nor one followed by another matter (a guard, passes on main too)", () => {
    expect(address("Hi, could you send 6 packs of still water by Friday. Our office is at the front. Harbour Trading, 12 Dock Road, Liverpool L3 4AA. Thanks, Amy")).toBeNull()
    expect(address("Hi, please send 6 packs of still water by Friday. Our postal address for the invoice: Harbour Trading, PO Box 12, Liverpool L3 4AA. Thanks, Amy")).toBeNull()
    expect(address("Bonjour, pouvez-vous nous livrer 4 packs d'eau pour jeudi. Boulangerie Martin, 6 rue du Pont, 44000 Nantes. Et pouvez-vous m'envoyer votre catalogue ? Luc")).toBeNull()
  })
})
