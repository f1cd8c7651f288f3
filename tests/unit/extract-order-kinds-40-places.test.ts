import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The places of held-out 40's and 41's kinds of miss (tune40), each rule tried on five phrasings or more of the tuner's
 * own, French and English, in other countries' layouts (none from a corpus mail). The tune37 kit's mail builder (a mail
 * of Friday 27 November 2026) reads them.
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|madame)/i.test(text) ? {} : EN)
const address = (text: string): string | null => extract(text, en(text)).delivery_address

describe("a room or a door of the building named before its street", () => {
  it("keeps the room or the entrance the goods are sent to as the address's first part", () => {
    const cases: [string, string][] = [
      ["Hi,\n\nCould you send 6 boxes of large nitrile gloves and 4 rolls of 110L bin bags.\nDeliver to the Server room, 14 Dock Street, Dundee DD1 3DR.\n\nThanks\nAnn", "the Server room, 14 Dock Street, Dundee DD1 3DR"],
      ["Hi,\n\nPlease send 10 packs of AA batteries by Monday.\nShip to the radio room, Harbour Authority, 2 Quay Road, Cobh, Co. Cork P24 X2Y4.\n\nCheers\nSean", "the radio room, Harbour Authority, 2 Quay Road, Cobh, Co. Cork P24 X2Y4"],
      ["Good day,\n\nOrder for the ops room:\n- 4 extension leads 3m\n- 8 LED globes E27\n\nDeliver to the Operations room, 22 Long Street, Cape Town 8001. Our postal address is PO Box 91, Cape Town 8000.\n\nRegards\nThabo", "the Operations room, 22 Long Street, Cape Town 8001"],
      ["Hello,\n\nWe'd like 3 boxes of coffee pods and 6 packs of still water for Tuesday.\nPlease deliver to the staff entrance, 40 Harbour Street, Wellington 6011.\n\nThanks,\nMere", "the staff entrance, 40 Harbour Street, Wellington 6011"],
      ["Hi,\n\n2 cartons of paper towels and 5 rolls of 110L bags please.\nDeliver to the Plant room, 9 Canal Road, Leeds LS12 2PL (not the main office).\n\nThanks\nRob", "the Plant room, 9 Canal Road, Leeds LS12 2PL"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })

  it("keeps the spot named relative to the premises: at the back of, next to, round the side of (not the relation's words alone)", () => {
    const cases: [string, string][] = [
      ["Hi we need six boxes of large gloves and four rolls of the big bin bags for Friday please deliver to the staff entrance at the back of Hillside Surgery 14 Mill Road Leeds LS1 4AB ring the bell cheers\n\nAnn", "the staff entrance at the back of Hillside Surgery 14 Mill Road Leeds LS1 4AB"],
      ["Hi,\n\n6 boxes of large nitrile gloves\n4 rolls of 110L bin bags\n\nPlease bring it to the store room next to the main hall, St Mary's Centre, 14 Mill Road, Leeds LS1 4AB. Jo will be there.\n\nThanks\nAnn", "store room next to the main hall, St Mary's Centre, 14 Mill Road, Leeds LS1 4AB"],
      ["Morning it's Kyle from the bowls club can we get ten packs of water and four packets of coffee for Saturday deliver to the kitchen door round the side of Eastside Bowls Club 18 Jacaranda Street Toowong QLD 4066 thanks\n\nKyle", "the kitchen door round the side of Eastside Bowls Club 18 Jacaranda Street Toowong QLD 4066"],
      ["Hi,\n\nCould you send 4 cases of toilet rolls and 2 cartons of hand towels.\nDeliver to the goods door next to the car park, Riverside Community Centre, 5 Ferry Lane, Bristol BS1 6HT.\n\nThanks\nLiz", "the goods door next to the car park, Riverside Community Centre, 5 Ferry Lane, Bristol BS1 6HT"],
      ["Hi please send twelve boxes of medium gloves for Thursday deliver to the side gate at the rear of Green Street Clinic 55 Green Street Auckland 1010 thanks\n\nTia", "the side gate at the rear of Green Street Clinic 55 Green Street Auckland 1010"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })

  it("still starts « au laboratoire, 3 rue … » at the street, the premises as a whole (a guard, passes on main too)", () => {
    expect(address("Bonjour,\n\n10 ramettes A4 pour jeudi.\nLivraison au laboratoire, 3 rue Grenette 69002 Lyon.\n\nMerci\nAnne")).toBe("3 rue Grenette 69002 Lyon")
  })
})

describe("five figures that are an American house's number, the state and ZIP further on", () => {
  it("reads the number as the street's and ends the address at the ZIP", () => {
    const cases: [string, string][] = [
      ["Hi,\n\nCould you send 6 boxes of large nitrile gloves and 4 rolls of 110L bin bags.\nShip to the ranch office, 45120 County Road 9, Boulder CO 80302 please.\n\nThanks\nAnn", "the ranch office, 45120 County Road 9, Boulder CO 80302"],
      ["Hi,\n\n12 packs of still water please.\nShip to the fire hall, 20455 W Hwy 12, Sonoma CA 95476 not the PO box.\n\nThanks\nGreg", "the fire hall, 20455 W Hwy 12, Sonoma CA 95476"],
      ["Hello,\n\n4 cartons of paper towels for Monday.\nDeliver to: Building 3, 10500 NE 8th Street, Bellevue WA 98004\n\nThanks,\nPriya", "Building 3, 10500 NE 8th Street, Bellevue WA 98004"],
      ["Hi,\n\n3 boxes of coffee pods.\nPlease ship to 12800 Old Seward Highway, Anchorage AK 99515.\n\nThanks\nDan", "12800 Old Seward Highway, Anchorage AK 99515"],
      ["Hi,\n\n6 LED bulbs E27 and 2 extension leads.\nShip to the maintenance shop, 31250 Loop Road, Waller TX 77484, we're open 7-3.\n\nThanks\nLuis", "the maintenance shop, 31250 Loop Road, Waller TX 77484"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })

  it("still ends a French address at its five-figure code and town (a guard, passes on main too)", () => {
    expect(address("Bonjour,\n\n4 bidons de détergent pour jeudi.\nLivrer au 12 rue des Forges, 69007 Lyon, jeudi matin.\n\nMerci\nAnne")).toBe("12 rue des Forges, 69007 Lyon")
  })
})

describe("a place's own address so labelled: « Adresse du poste : », « Adresse de la salle : », \"Hall address:\"", () => {
  it("reads the address after the label", () => {
    const cases: [string, string][] = [
      ["Bonjour,\n\nPouvez-vous nous livrer 6 boîtes de gants nitrile et 4 rouleaux de sacs 110 L pour jeudi.\n\nAdresse de la salle : Salle des fêtes, place de la Mairie, 71000 Mâcon. Le camion peut se garer devant.\n\nMerci\nAnne", "Salle des fêtes, place de la Mairie, 71000 Mâcon"],
      ["Bonjour,\n\nPouvez-vous nous livrer 10 packs d'eau pour samedi.\n\nAdresse du refuge : Refuge des Aiguilles, 210 route du Col, 74400 Chamonix-Mont-Blanc\n\nAdresse de facturation : Club Alpin, BP 12, 74000 Annecy\n\nMerci\nAnne", "Refuge des Aiguilles, 210 route du Col, 74400 Chamonix-Mont-Blanc"],
      ["Bonjour,\n\nMerci de nous livrer 3 cartons d'essuie-mains lundi.\n\nAdresse de l'antenne : Croix-Rouge, rue du Marché 14, 1003 Lausanne\n\nBonne journée\nLuc", "Croix-Rouge, rue du Marché 14, 1003 Lausanne"],
      ["Hi,\n\nCould you send 6 boxes of large nitrile gloves and 4 rolls of 110L bin bags for Monday.\n\nHall address: Scout Hut, Mill Lane, Thame OX9 2AB. Parking at the back.\n\nThanks\nAnn", "Scout Hut, Mill Lane, Thame OX9 2AB"],
      ["Hi,\n\nPlease send 8 packs of still water by Friday.\n\nClubhouse address: Harbour Rowing Club, 3 Esplanade, Dunedin 9016\n\nCheers\nMatt", "Harbour Rowing Club, 3 Esplanade, Dunedin 9016"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })

  it("takes no head office's, postal, registered or billing address so labelled (guards, pass on main too)", () => {
    const cases = [
      "Bonjour,\n\nPouvez-vous nous livrer 6 boîtes de gants pour jeudi.\n\nAdresse du siège : 12 rue de la Paix, 75002 Paris\n\nMerci\nAnne",
      "Bonjour,\n\nPouvez-vous nous livrer 6 boîtes de gants pour jeudi.\n\nAdresse de facturation : 12 rue de la Paix, 75002 Paris\n\nMerci\nAnne",
      "Hi,\n\nCould you send 6 boxes of large gloves for Monday.\n\nPostal address: PO Box 44, Thame OX9 2AB\n\nThanks\nAnn",
      "Hi,\n\nCould you send 6 boxes of large gloves for Monday.\n\nRegistered address: 1 High Street, Thame OX9 3AA\n\nThanks\nAnn"
    ]
    for (const text of cases) expect(address(text)).toBeNull()
  })
})

describe("a delivery sentence that names its day before the place, a four-figure code then a note in brackets", () => {
  it("reads the place after the day, up to the town's code", () => {
    const cases: [string, string][] = [
      ["Hi,\n\nCould you send 6 boxes of large nitrile gloves and 4 rolls of 110L bin bags.\nDelivery on Monday please, to the church hall, 12 Kowhai Road, Remuera, Auckland 1050 (ring the office bell).\n\nThanks\nAnn", "church hall, 12 Kowhai Road, Remuera, Auckland 1050"],
      ["Hi,\n\n10 packets of ground coffee and 20 bags of paper cups.\nDelivery Tuesday 8 Dec if possible, to the club rooms, 4 Beach Road, Sumner, Christchurch 8081 (back door).\n\nCheers\nKate", "club rooms, 4 Beach Road, Sumner, Christchurch 8081"],
      ["Good day,\n\n4 boxes of coffee pods please.\nDelivery on Thursday, to the guard house, 18 Rivonia Road, Sandton, Johannesburg 2196 (gate 2).\n\nRegards\nLerato", "guard house, 18 Rivonia Road, Sandton, Johannesburg 2196"],
      ["Hi,\n\n6 packs of still water please.\nDelivery on Wednesday please, to Napier Sailing Club, 2 Marine Parade, Napier 4110 (we're there from 7).\n\nThanks\nAri", "Napier Sailing Club, 2 Marine Parade, Napier 4110"],
      ["Morning,\n\n3 cartons of hand towels.\nDelivery on Friday the 11th, to the workshop, 7 Dock Road, Durban 4001 (ask for Sipho).\n\nThanks\nNaledi", "workshop, 7 Dock Road, Durban 4001"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })
})

describe("the address block under the goods, a note, then a thanks opening on another word", () => {
  it("reads the block before « With thanks, », \"Yours,\", « En vous remerciant, »", () => {
    const goods = "Hi,\n\nCould we have these by Friday 11th at the latest:\n\n6 boxes of large nitrile gloves\n4 rolls of 110L bin bags\n\n"
    const cases: [string, string][] = [
      [`${goods}Old School House\nChurch Lane\nAshby St Ledgers\nRugby CV23 8UN\n\nOur letters go to PO Box 12, Rugby CV21 1AA but please send the goods to the house itself.\n\nWith thanks,\nPeter Ashby\nWarden`, "Old School House, Church Lane, Ashby St Ledgers, Rugby CV23 8UN"],
      [`${goods}Mill House Retreat\nMill Road\nBuckden\nSkipton BD23 5JA\n\nThe lane is narrow, a small van is best.\n\nWith kind regards,\nRuth Dale\nManager`, "Mill House Retreat, Mill Road, Buckden, Skipton BD23 5JA"],
      [`${goods}Lakeside Lodge\n14 Shore Road\nQueenstown 9300\n\nWe are closed on Sundays, any other day is fine.\n\nYours,\nHemi Walker\nLodge keeper`, "Lakeside Lodge, 14 Shore Road, Queenstown 9300"],
      ["Bonjour,\n\nPour vendredi s'il vous plaît :\n\n6 boîtes de gants nitrile L\n4 rouleaux de sacs 110 L\n\nMaison d'accueil Saint-Joseph\n8 rue du Couvent\n49400 Saumur\n\nLe courrier va à la BP 40, mais les colis à la maison elle-même.\n\nEn vous remerciant,\nSœur Marie\nÉconome", "Maison d'accueil Saint-Joseph, 8 rue du Couvent, 49400 Saumur"],
      ["Bonjour,\n\nPour jeudi :\n\n10 packs d'eau plate\n2 bidons de détergent 5 L\n\nGîte du Moulin\nChemin du Moulin\n12230 Nant\n\nLe portail reste ouvert en journée.\n\nAvec mes remerciements,\nPaul Vidal\nGérant", "Gîte du Moulin, Chemin du Moulin, 12230 Nant"]
    ]
    for (const [text, want] of cases) expect(address(text)).toBe(want)
  })

  it("still takes no signature under the goods closed by such words (a guard, passes on main too)", () => {
    const text = "Hi,\n\n6 boxes of large gloves\n2 rolls stretch wrap\n\nWith thanks,\nJane Smith\nSmith Joinery Ltd\n4 Mill Road\nLeeds LS1 4AB"
    expect(extract(text, { from: { address: "jane@smithjoinery.example", name: "Jane Smith" }, subject: "Order" }).delivery_address).toBeNull()
  })
})
