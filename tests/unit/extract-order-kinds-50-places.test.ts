import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 50's and 51's kinds of address miss (tune50): how a place is opened (a day between the sending word and
 * "to", a sentence that only says the goods go, a dictated day then « à l'… », a line asking for a day left open on
 * "to") and where a block ends (a postal code ending its line). Phrasings of the tuner's own, French and English, in
 * several countries' layouts (none from a corpus mail); the guards say what a rule must leave as it was.
 */
const fr = (text: string): string | null => extract(text).delivery_address
const en = (text: string): string | null => extract(text, EN).delivery_address

describe("a sending word, then only the day, then 'to' / « à »: the day says when, the place starts after 'to'", () => {
  it("reads the place after 'to', never the day nor a word that only begins with 'to' ('tomorrow')", () => {
    const cases: [string | null, string][] = [
      [en("Hi,\n\n3 boxes of nitrile gloves M please.\nDeliver Thursday, December 10 to Dock 4, Building B, 250 Harbor Blvd, Oakland, CA 94607\n\nThanks,\nRosa"), "Dock 4, Building B, 250 Harbor Blvd, Oakland, CA 94607"],
      [en("Hi, we need 6 packs of still water, please deliver tomorrow to Unit 7, Mill Business Park, Galway H91 K2E4, thanks.\n\nNiamh"), "Unit 7, Mill Business Park, Galway H91 K2E4"],
      [en("Hello,\n\n2 cases of hand towels.\nShip Monday the 7th to Rear Loading Bay, 18 Queen Street, Hamilton, ON L8R 2V6\n\nRegards,\nMarc"), "Rear Loading Bay, 18 Queen Street, Hamilton, ON L8R 2V6"],
      [en("Hi,\n\n5 rolls of packing tape.\nDeliver tomorrow morning to Shed 3, 22 Wharf Street, Fremantle WA 6160\n\nCheers,\nLiam"), "Shed 3, 22 Wharf Street, Fremantle WA 6160"],
      [fr("Bonjour,\n\n4 bidons de détergent 5 L.\nLivrer demain matin à Entrepôt Nord, 14 rue des Tanneurs, 67000 Strasbourg\n\nMerci,\nLéa"), "Entrepôt Nord, 14 rue des Tanneurs, 67000 Strasbourg"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })

  it("still reads 'Deliver to …' as before (a guard)", () => {
    expect(en("Hi,\n\n3 boxes of nitrile gloves M please.\nDeliver to Dock 4, 250 Harbor Blvd, Oakland, CA 94607\n\nThanks,\nRosa")).toBe("Dock 4, 250 Harbor Blvd, Oakland, CA 94607")
  })
})

describe("a sentence whose first words only say the goods go (or 'this time'), then 'to' / « à » and the address", () => {
  it("reads the address, and a note after its code saying which place it is not", () => {
    const cases: [string | null, string][] = [
      [en("Hi,\n\nCould we get 4 boxes of nitrile gloves M for Friday?\n\nThey go to the Cutting Room, Unit 2 Tanyard Lane, Kendal LA9 4DL, not the shop in town.\n\nThanks,\nBeth"), "the Cutting Room, Unit 2 Tanyard Lane, Kendal LA9 4DL"],
      [en("Hello,\n\n4 boxes of nitrile gloves M and 6 packs of still water please.\n\nThis time to the Annex, 41 Gower Street, Derby DE1 1SD (the main hall is shut).\n\nCheers,\nAroha"), "Annex, 41 Gower Street, Derby DE1 1SD"],
      [en("Hi,\n\n2 cases of hand towels by Monday.\n\nEverything goes straight to the Boathouse, 3 River Walk, Henley-on-Thames RG9 1BH, not our office.\n\nThanks,\nTom"), "Boathouse, 3 River Walk, Henley-on-Thames RG9 1BH"],
      [fr("Bonjour,\n\n3 colis de papier toilette pour jeudi.\n\nCette fois au dépôt, 8 chemin des Vignes, 21200 Beaune, et pas au magasin (fermé pour travaux).\n\nMerci,\nPaul"), "8 chemin des Vignes, 21200 Beaune"],
      [fr("Bonjour,\n\n5 rouleaux de sacs 110 L.\n\nTout part à l'atelier, 12 rue des Potiers, 86000 Poitiers, pas à la boutique.\n\nBonne journée,\nSophie"), "12 rue des Potiers, 86000 Poitiers"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })

  it("never reads a sentence that names where the invoices or the office go (a guard)", () => {
    expect(en("Hi,\n\n4 boxes of nitrile gloves M.\n\nInvoices go to the office, 9 Bridge Street, Kendal LA9 4AB.\n\nThanks,\nBeth")).toBeNull()
  })
})

describe("a dictated day then « à l'… » / « au … » and a numbered street, no sending verb", () => {
  it("reads the street and town, with or without accents and apostrophes", () => {
    const cases: [string | null, string][] = [
      [fr("bonjour c est Nadia il me faudrait deux boites de gants taille M pour lundi a l entrepot 9 rue des Forges, 59000 Lille merci"), "9 rue des Forges, 59000 Lille"],
      [fr("bonjour il nous faut quatre bidons de detergent pour vendredi a l usine 31 avenue Jean Jaures, 69007 Lyon merci"), "31 avenue Jean Jaures, 69007 Lyon"],
      [fr("salut c est Hugo il faudrait six packs d eau pour demain au garage 5 route de Paris, 45000 Orléans merci"), "5 route de Paris, 45000 Orléans"],
      [fr("bonjour c'est Inès il me faudrait trois colis de papier toilette pour mercredi à l'annexe 18 rue Pasteur, 33000 Bordeaux merci"), "18 rue Pasteur, 33000 Bordeaux"],
      [fr("bonjour Marc à l appareil il faudrait dix rouleaux de sacs poubelle pour jeudi matin a la cuisine 2 place du Marché, 44000 Nantes merci"), "2 place du Marché, 44000 Nantes"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })
})

describe("a line that asks for goods for a day, left open on 'to' / « au » over the block", () => {
  it("reads the block under it", () => {
    const cases: [string | null, string][] = [
      [en("Hi,\nneed 4 boxes of large nitrile gloves for Friday to\nHarbour Workshop, 6 Quay Street, Wexford Y35 F8W2\nSean"), "Harbour Workshop, 6 Quay Street, Wexford Y35 F8W2"],
      [en("hi, can you send 2 cases of hand towels by Monday to\nThe Old Dairy, 12 Mill Lane, Ludlow SY8 1BB\nthanks Kate"), "The Old Dairy, 12 Mill Lane, Ludlow SY8 1BB"],
      [en("Hello,\nwe need 6 packs of still water for tomorrow at\nSuite 210, 1500 Main Street, Dallas, TX 75201\nRegards, Jo"), "Suite 210, 1500 Main Street, Dallas, TX 75201"],
      [fr("bonjour il nous faudrait trois bidons de détergent pour jeudi au\nGarage des Lilas, 14 rue des Lilas, 37000 Tours\nmerci"), "Garage des Lilas, 14 rue des Lilas, 37000 Tours"],
      [fr("Bonjour, il me faut deux colis de papier toilette pour lundi chez\nAtelier Brun, 7 impasse du Moulin, 84000 Avignon\nMerci Lucie"), "Atelier Brun, 7 impasse du Moulin, 84000 Avignon"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })
})

describe("a line that ends on an address's postal code is no wrapped line: the next line, in lower case, is another thing", () => {
  it("ends the address at its code", () => {
    const cases: [string | null, string][] = [
      [en("Hi lads\nneed 8 boxes large nitrile gloves and 2 liquid hand soap 1L asap\nto the yard: Unit 5, Ballycoolin Business Park, Blanchardstown, Dublin D15 R2X7\nour customer no. is 3381\nMick"), "Unit 5, Ballycoolin Business Park, Blanchardstown, Dublin D15 R2X7"],
      [en("Hi,\nplease send 4 boxes of nitrile gloves M and 2 packs of still water\nto the workshop please: Unit 9, Riverside Trading Estate, Stockport SK4 1BS\nour account no. with you is 55120\nGary"), "Unit 9, Riverside Trading Estate, Stockport SK4 1BS"],
      [en("Hello,\n6 rolls of packing tape and 3 boxes of nitrile gloves L for Tuesday please\nship to: Receiving Bay 2, Deep Ellum Yard, 4400 Commerce Street, Dallas, TX 75226\nthe customer no. is 20817\nJo"), "Receiving Bay 2, Deep Ellum Yard, 4400 Commerce Street, Dallas, TX 75226"],
      [en("Hi,\n5 cases of hand towels and 2 boxes of nitrile gloves M for next week please\ndeliver to: Unit 3, Corktown Studios, 210 Dundas Street East, Toronto, ON M5A 1Z8\nour account no. is 4410\nPriya"), "Unit 3, Corktown Studios, 210 Dundas Street East, Toronto, ON M5A 1Z8"],
      [fr("Bonjour,\n4 bidons de détergent 5 L et 2 boîtes de gants nitrile taille M pour mardi svp\nà livrer à l'entrepôt du port au 15 rue de l'Industrie, 67000 Strasbourg\nnotre n° client est le 30172\nLéa"), "15 rue de l'Industrie, 67000 Strasbourg"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })

  it("still joins a wrapped goods line that goes on in lower case (a guard)", () => {
    const got = extract("Bonjour,\n\nMerci de nous livrer pour jeudi au 3 rue des Forges, 35500 Vitré : quatre bidons de détergent\n5 L et deux boîtes de gants nitrile taille M.\n\nYann")
    expect(got.delivery_address).toBe("3 rue des Forges, 35500 Vitré")
  })
})
