import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 50's and 51's kinds of address miss (tune50b): the block under a table's goods and a note giving an hour, the
 * block closed by a texted "- Jay", and the sender's card ("Office: …") under the sender's own name. Phrasings of the
 * tuner's own, French and English (none from a corpus mail).
 */
const address = (text: string, over: Parameters<typeof extract>[1] = {}): string | null => extract(text, over).delivery_address

describe("the block under a table's goods and a one-sentence note is where the goods go", () => {
  it("reads it when the note gives an hour ('before we open at 8:30.')", () => {
    const cases: [string | null, string][] = [
      [address("Hi,\n\nItem | Qty\nNitrile gloves L (boxes) | 4\nBin bags 110L rolls | 6\n\nFriday before we open at 8:30.\nHarbour Grill, 14 Quay Street, Galway H91 E2K4\n\nThanks,\nSinead", EN), "Harbour Grill, 14 Quay Street, Galway H91 E2K4"],
      [address("Hello,\n\nProduct | Quantity\nStill water 6-packs | 10\nFolded paper towels (cases) | 2\n\nMonday morning please, the kitchen opens at 10:00.\nThe Copper Pot, 220 King Street West, Toronto ON M5H 1K4\n\nCheers,\nAmir", EN), "The Copper Pot, 220 King Street West, Toronto ON M5H 1K4"],
      [address("Bonjour,\n\nArticle | Qté\nGants nitrile M (boîtes) | 5\nSacs poubelle 110 L (rouleaux) | 3\n\nPour mardi, avant l'ouverture de 11:45.\nLa Table d'Anna, 12 rue des Carmes, 31000 Toulouse\n\nMerci,\nAnna"), "La Table d'Anna, 12 rue des Carmes, 31000 Toulouse"],
      [address("Hi,\n\n| Item | Qty |\n| Packing tape | 12 |\n| Shipping label rolls | 3 |\n\nTomorrow if you can, we close at 17:30.\nDockside Kitchens, 40 Wharf Road, London N1 7GR\n\nThanks,\nOla", EN), "Dockside Kitchens, 40 Wharf Road, London N1 7GR"],
      [address("Bonjour,\n\nDésignation | Quantité\nLiquide vaisselle 5 L | 2\nRamettes A4 | 10\n\nJeudi matin si possible, nous ouvrons à 9:00.\nBoulangerie du Fournil, 8 place du Marché, 69003 Lyon\n\nCordialement,\nPaul"), "Boulangerie du Fournil, 8 place du Marché, 69003 Lyon"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })
})

describe("a block under the goods closed by a texted sign-off ('- Jay') is where the goods go", () => {
  it("reads the block when a dash and the first name end the mail", () => {
    const cases: [string | null, string][] = [
      [address("need 4 boxes nitrile gloves L by Friday\n6 rolls bin bags 110L\nSuite 2, Harbourside Studios, 55 Pier Road, Halifax NS B3H 1A1\n- Mel", EN), "Suite 2, Harbourside Studios, 55 Pier Road, Halifax NS B3H 1A1"],
      [address("hi pls send\n10 packs still water\n2 cases folded paper towels\nThe Dog Spa, Unit 7, 18 Mill Street, Leeds LS9 8AB\n— Kris (in from 8)", EN), "The Dog Spa, Unit 7, 18 Mill Street, Leeds LS9 8AB"],
      [address("pour demain svp\n3 bidons liquide vaisselle 5 L\n10 ramettes A4\nCabinet Orsay, bâtiment B, 4 rue de la Gare, 38000 Grenoble\n- Karim"), "Cabinet Orsay, bâtiment B, 4 rue de la Gare, 38000 Grenoble"],
      [address("10 reams A4 paper for Monday\n4 boxes nitrile gloves M\nFront desk, Lakeview Clinic, 300 Lake Shore Drive, Chicago, IL 60611\n-- Dana R.", EN), "Front desk, Lakeview Clinic, 300 Lake Shore Drive, Chicago, IL 60611"],
      [address("merci de livrer vendredi\n5 boîtes de gants nitrile L\n2 rouleaux sacs 110 L\nAtelier 3, Les Ateliers du Canal, 9 quai de la Loire, 75019 Paris\n~ Inès (là dès 7h)"), "Atelier 3, Les Ateliers du Canal, 9 quai de la Loire, 75019 Paris"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })
})

const FORWARDED = (sender: string, card: string, list: string): string => `Hi,\n\nPassing on the list below, please send it as is.\n\n${sender}\nReid & Petit Services\n${card}\n\n---------- Forwarded message ---------\nFrom: Tom Hale\nDate: Tue, 24 Nov 2026 at 10:12\nSubject: van stock\n\n${list}`

describe("the sender's card under the sender's own name is no delivery address", () => {
  it("reads the forwarded list's place, not 'Office: …' under the sender's name", () => {
    const cases: [string | null, string][] = [
      [address(FORWARDED("Sam Reid", "Office: 3 Canal Street, Manchester M1 3HE", "4 boxes nitrile gloves L\n6 rolls bin bags 110L\nDeliver to: Unit 9, Pollard Yard, Pollard Street, Manchester M4 7AJ\nTom"), { ...EN, subject: "FW: van stock" }), "Unit 9, Pollard Yard, Pollard Street, Manchester M4 7AJ"],
      [address(FORWARDED("Sam Reid", "Workshop: 12 Forge Lane, Sheffield S1 4RG", "10 packs still water\nDeliver to: Gate 3, Meadowhall Depot, Meadowhall Road, Sheffield S9 1EP\nTom"), { ...EN, subject: "FW: van stock" }), "Gate 3, Meadowhall Depot, Meadowhall Road, Sheffield S9 1EP"],
      [address(FORWARDED("Claire Petit", "Bureau : 12 rue Garibaldi, 69006 Lyon", "5 boîtes de gants nitrile M\nAdresse de livraison : Dépôt Nord, 5 rue des Frères Lumière, 69200 Vénissieux\nTom"), { subject: "TR: stock camion" }), "Dépôt Nord, 5 rue des Frères Lumière, 69200 Vénissieux"],
      [address(FORWARDED("Sam Reid", "Studio: 88 Bold Street, Liverpool L1 4HY", "2 cases folded paper towels\nShip to: Baltic Yard, 21 Jamaica Street, Liverpool L1 0AH\nTom"), { ...EN, subject: "FW: van stock" }), "Baltic Yard, 21 Jamaica Street, Liverpool L1 0AH"],
      [address(FORWARDED("Claire Petit", "Atelier : 4 rue de la Forge, 38000 Grenoble", "3 bidons de liquide vaisselle 5 L\nLivrer à : Chantier Bastille, 17 quai Stéphane Jay, 38000 Grenoble\nTom"), { subject: "TR: stock camion" }), "Chantier Bastille, 17 quai Stéphane Jay, 38000 Grenoble"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })

  it("still reads 'Warehouse: …' written above the sender's name (a guard, as on main)", () => {
    expect(address("Hi,\n\nplease send 4 boxes nitrile gloves L for Friday.\nWarehouse: Unit 4, Canal Side, Leeds LS10 1PJ\n\nSam Reid", EN)).toBe("Unit 4, Canal Side, Leeds LS10 1PJ")
  })
})
