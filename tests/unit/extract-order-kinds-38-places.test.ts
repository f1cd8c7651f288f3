import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The places and days of held-out 38's and 39's kinds of miss (tune38), each rule tried on five phrasings or more of the
 * tuner's own, French and English, in other countries' layouts (none from a corpus mail). The tune37 kit's mail builder
 * (a mail of Friday 27 November 2026) reads them.
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|re-bonjour|madame)/i.test(text) ? {} : EN)

describe("an address written under the goods with no word naming it, a note or the thanks after it", () => {
  it("reads the block one short note below the list, the block with no street word, and the block a note follows", () => {
    const cases: [string, string][] = [
      ["Hi,\n\nCould you send these for Tuesday please\n6 boxes large nitrile gloves\n2 rolls stretch wrap\n\nLoading Bay Stores\nUnit 7, Westway Park\nGlasgow G52 4TB\n\nGate code is 4411, ring the bell by the shutter.\n\nMoira", "Loading Bay Stores, Unit 7, Westway Park, Glasgow G52 4TB"],
      ["Bonjour,\n\n10 ramettes A4\n3 boîtes de stylos bleus\n\nPour jeudi, merci.\n\nCentre technique municipal, magasin\n14 chemin du Stade\n30310 Vergèze\n\nLe portail est fermé entre 12 h et 14 h.\nFacturation à la mairie comme d'habitude.\n\nLucie Girard", "Centre technique municipal, magasin, 14 chemin du Stade, 30310 Vergèze"],
      ["Hi,\n\nPlease send by Friday:\n4 packs of AA batteries\n2 boxes of black pens\n\nNorth Quay Depot, Goods In\nPortside\nAberdeen AB11 5PN\n\nMany thanks,\nCallum", "North Quay Depot, Goods In, Portside, Aberdeen AB11 5PN"],
      ["Kia ora,\n\n4 packs AA batteries\n2 x 5L multi-surface cleaner\n\nNo hurry, any time next week is fine.\n\nHarbour Workshop\n55 Cable Street\nTe Aro, Wellington 6011\n\nNga mihi,\nHemi", "Harbour Workshop, 55 Cable Street, Te Aro, Wellington 6011"],
      ["Bonjour,\n\n5 rouleaux de sacs 110 L\n2 bidons de détergent 5 L\n\nAtelier de maintenance, quai 2\nZone industrielle des Plaines\n1214 Vernier\n\nSi le quai est fermé, laissez le tout au gardien.\n\nBonne journée\nMarc", "Atelier de maintenance, quai 2, Zone industrielle des Plaines, 1214 Vernier"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })

  it("reads a whole address on one line, of three parts or more, under the list or as its last line", () => {
    const cases: [string, string][] = [
      ["Morning,\n\n6 cases paper towels\n10 x 1L hand soap\n\nPacking shed 3, Riverside Orchards, Tenbury Wells WR15 8LP\n\nNot the farm shop please, they close at 4.\n\nCheers\nTom", "Packing shed 3, Riverside Orchards, Tenbury Wells WR15 8LP"],
      ["Hi, need these for Monday\n3 cases toilet paper\n2 boxes large gloves\nBarn 2, Hollow Creek Farm, 850 County Road 12, Ocala FL 34482 not the office on Main, they're shut Saturdays\nThanks\nLuke", "Barn 2, Hollow Creek Farm, 850 County Road 12, Ocala FL 34482"],
      ["Hi,\n\n2 boxes of coffee pods\n4 rolls bin bags 110L\nTack room office, Ballinacurra Stables, Midleton, Co. Cork P25 X2Y4\nSinead", "Tack room office, Ballinacurra Stables, Midleton, Co. Cork P25 X2Y4"],
      ["Bonjour,\n\n8 ampoules LED E27\n2 rallonges 3 m\n\nChai n° 2, Domaine des Trois Tours, 84100 Orange\n\nPas au caveau de vente, ils ne réceptionnent pas.\n\nMerci\nJulie", "Chai n° 2, Domaine des Trois Tours, 84100 Orange"],
      ["G'day,\n\n10 boxes medium gloves\n6 packs water\n\nWorkshop shed, Kerrigan Station, Bourke NSW 2840\n\nTruck driver can ring from the grid, no mobile past there.\n\nCheers\nMick", "Workshop shed, Kerrigan Station, Bourke NSW 2840"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })

  it("still takes no signature put straight under the goods: ending the mail, or over contact lines (guards, pass on main too)", () => {
    const cases = [
      "Hi,\n\n6 boxes large gloves\n2 rolls stretch wrap\n\nJane Smith\nSmith Joinery Ltd\n4 Mill Road\nLeeds LS1 4AB",
      "Hi,\n\n6 boxes large gloves\n2 rolls stretch wrap\n\nSmith Joinery Ltd\nWorkshop Manager\n4 Mill Road\nLeeds LS1 4AB\n\nThanks",
      "Hi,\n\n6 boxes large gloves\n\nSmith Joinery Ltd, 4 Mill Road, Leeds LS1 4AB\nTel 0113 496 0000\nwww.smithjoinery.example"
    ]
    for (const text of cases) expect(extract(text, { from: { address: "jane@smithjoinery.example", name: "Jane Smith" }, subject: "Order" }).delivery_address).toBeNull()
  })
})

describe("a delivery label naming the spot on its line, the premises' block under it", () => {
  it("reads the spot and the block as the address", () => {
    const goodsFr = "Bonjour,\n\nPour lundi :\n- 6 rouleaux de film étirable\n- 10 ampoules LED E27\n"
    const goodsEn = "Hi,\n\nFor Monday please:\n- 6 rolls of stretch wrap\n- 10 LED bulbs E27\n"
    const cases: [string, string][] = [
      [`${goodsFr}Livraison : réserve du restaurant\nHôtel des Alpes\n12 avenue du Mont-Blanc\n74400 Chamonix-Mont-Blanc\n\nMerci`, "réserve du restaurant, Hôtel des Alpes, 12 avenue du Mont-Blanc, 74400 Chamonix-Mont-Blanc"],
      [`${goodsEn}Delivery: back office\nThe Green Grocer\n18 Market Street\nYork YO1 8BH\n\nThanks`, "back office, The Green Grocer, 18 Market Street, York YO1 8BH"],
      [`${goodsFr}Livraison : atelier mécanique\nGarage du Lac\nRue du Port 5\n1800 Vevey\n\nMeilleures salutations`, "atelier mécanique, Garage du Lac, Rue du Port 5, 1800 Vevey"],
      [`${goodsEn}Delivery: stores cage\nHarbour Engineering\n7 Dock Street\nDundee DD1 3DR\n\nCheers`, "stores cage, Harbour Engineering, 7 Dock Street, Dundee DD1 3DR"],
      [`${goodsFr}Livraison : local technique\nCamping Les Pins\n120 route de la Plage\n40150 Hossegor\n\nBonne journée`, "local technique, Camping Les Pins, 120 route de la Plage, 40150 Hossegor"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })
})

describe("a form's delivery block with no postal code, the next field right under it", () => {
  it("ends the block at the next field or the table, as at a blank line", () => {
    const goods = "Please supply against PO 5512:\n- 10 boxes nitrile gloves M\n- 5 reams A4 paper\n\n"
    const cases: [string, string][] = [
      [`${goods}Deliver To:\nGRS Line Stores\nCargo Village Gate 2\nDubai Airport Free Zone\nDubai\nRequired Date: 10/12/2026`, "GRS Line Stores, Cargo Village Gate 2, Dubai Airport Free Zone, Dubai"],
      [`${goods}Delivery address:\nKQ Engineering Stores\nCargo Village Shed 4\nNairobi\nContact: Peter Otieno`, "KQ Engineering Stores, Cargo Village Shed 4, Nairobi"],
      [`${goods}Ship to address:\nAl Waab Stores, Block 9\nSalwa Road\nDoha\nPayment terms: 30 days`, "Al Waab Stores, Block 9, Salwa Road, Doha"],
      [`${goods}Deliver to:\nc/o Swift Freight\nKotoka Cargo Terminal\nAccra\nItem | Qty\nGloves | 10`, "c/o Swift Freight, Kotoka Cargo Terminal, Accra"],
      [`${goods}Delivery address:\nMain Store, Level 2\nBuilding 12, Tech Park\nMuscat\nDelivery Date: 14/12/2026`, "Main Store, Level 2, Building 12, Tech Park, Muscat"]
    ]
    for (const [text, address] of cases) expect(extract(text, EN).delivery_address).toBe(address)
  })
})

describe("a day counted a week on from tomorrow or today", () => {
  it("reads 'a week tomorrow', 'tomorrow week', 'a week today', « demain en huit », 'a fortnight tomorrow'", () => {
    const goods = "\n\n10 reams A4\n2 boxes black pens\n\nThanks"
    const cases: [string, string][] = [
      [`Hi,\n\nWe need these a week tomorrow at the latest.${goods}`, "2026-12-10"],
      [`Hi,\n\nCould we have them tomorrow week please?${goods}`, "2026-12-10"],
      [`Hi,\n\nDelivery a week today would be ideal.${goods}`, "2026-12-09"],
      ["Bonjour,\n\nÀ livrer demain en huit s'il vous plaît :\n10 ramettes A4\n2 boîtes de stylos bleus\n\nMerci", "2026-12-10"],
      [`Hi,\n\nNeeded a fortnight tomorrow, for the open day.${goods}`, "2026-12-17"]
    ]
    for (const [text, date] of cases) expect(extract(text, { ...en(text), date: "2026-12-02T10:00:00" }).delivery_date).toBe(date)
  })

  it("still reads 'tomorrow' alone as tomorrow (guard, passes on main too)", () => {
    expect(extract("Hi,\n\nWe need these tomorrow please.\n\n10 reams A4\n\nThanks", { ...EN, date: "2026-12-02T10:00:00" }).delivery_date).toBe("2026-12-03")
  })
})

describe("a feast said soon enough, with no rush", () => {
  it("gives no day for 'no rush, sometime before Christmas' and the like", () => {
    const goods = "\n\n4 packs AA batteries\n2 LED bulbs E27\n\nThanks"
    const cases = [
      `Hi,\n\nNo rush, sometime before Christmas is fine.${goods}`,
      "Bonjour,\n\nPas pressé, avant Noël ça ira.\n\n4 lots de piles AA\n2 ampoules LED E27\n\nMerci",
      `Hi,\n\nNot urgent - any time before the holidays.${goods}`,
      `Hi,\n\nNo hurry at all, by Christmas is fine.${goods}`,
      "Bonjour,\n\nRien ne presse, pour Noël ce sera parfait.\n\n4 lots de piles AA\n\nMerci"
    ]
    for (const text of cases) expect(extract(text, en(text)).delivery_date).toBeNull()
  })
})

describe("an addition to one's own order quoted below, its day and place said kept", () => {
  it("takes the quoted order's day when the reply says « même adresse, même date », « même livraison », 'same address and date'", () => {
    const quotedFr = "\n\nNadia\n\nLe lun. 23 nov. 2026 à 09:00, Nadia Roux <n.roux@cabinet-durand.fr> a écrit :\n> Bonjour,\n> merci de nous livrer :\n> 10 ramettes A4\n> 2 boîtes de stylos bleus\n> Livraison mardi 8 décembre à :\n> Cabinet Durand\n> 4 rue Haute\n> 67000 Strasbourg\n> Merci"
    const quotedEn = "\n\nNadia\n\nOn Mon, Nov 23, 2026 at 9:00 AM Nadia Roux <n.roux@durand-partners.co.uk> wrote:\n> Hi,\n> please deliver:\n> 10 reams A4\n> 2 boxes black pens\n> Delivery Tuesday 8 December to:\n> Durand Partners\n> 4 High Street\n> Bath BA1 5AW\n> Thanks"
    const cases: [string, string, string][] = [
      [`Re-bonjour,\n\nRajoutez 3 boîtes de gants nitrile M s'il vous plaît. Même adresse, même date.${quotedFr}`, "2026-12-08", "Cabinet Durand, 4 rue Haute, 67000 Strasbourg"],
      [`Re-bonjour,\n\nJ'ajoute 2 lots de piles AA. Même livraison.${quotedFr}`, "2026-12-08", "Cabinet Durand, 4 rue Haute, 67000 Strasbourg"],
      [`Re-bonjour,\n\nMerci d'ajouter 4 packs d'eau plate. Même date et même adresse.${quotedFr}`, "2026-12-08", "Cabinet Durand, 4 rue Haute, 67000 Strasbourg"],
      [`Hi again,\n\nCould you add 3 boxes of medium nitrile gloves? Same address and date.${quotedEn}`, "2026-12-08", "Durand Partners, 4 High Street, Bath BA1 5AW"],
      [`Hi again,\n\nPlease add 2 packs of AA batteries too. Same delivery details.${quotedEn}`, "2026-12-08", "Durand Partners, 4 High Street, Bath BA1 5AW"]
    ]
    for (const [text, date, address] of cases) {
      const got = extract(text, { ...en(text), subject: "Re: Commande" })
      expect([got.delivery_date, got.delivery_address]).toEqual([date, address])
    }
  })
})

describe("a spot in lower case, then 'at' right before the numbered street", () => {
  it("keeps the spot and its 'at' as the address's start", () => {
    const goods = "Hi,\n\nPlease send 2 boxes of medium nitrile gloves and 6 packs of AA batteries for Monday"
    const cases: [string, string][] = [
      [`${goods}, deliver to the rental return shed at 16 Jones Road, Leeds LS1 4AB thanks\n\nTom`, "rental return shed at 16 Jones Road, Leeds LS1 4AB"],
      [`${goods}.\n\nDeliver to: the overflow store at 40 Dock Road, Liverpool L3 4AF\n\nThanks`, "overflow store at 40 Dock Road, Liverpool L3 4AF"],
      [`${goods}, ship to the tack room at 4200 Iron Works Road, Lexington KY 40511.\n\nThanks`, "tack room at 4200 Iron Works Road, Lexington KY 40511"],
      [`${goods}, drop it at the site cabin at 12 Harbour Road, Cork T12 X8Y4 please\n\nCheers`, "site cabin at 12 Harbour Road, Cork T12 X8Y4"],
      [`${goods}, deliver to the old dairy at 7 Farm Lane, Bath BA2 4QP.\n\nThanks`, "old dairy at 7 Farm Lane, Bath BA2 4QP"]
    ]
    for (const [text, address] of cases) expect(extract(text, EN).delivery_address).toBe(address)
  })

  it("still starts « au labo, 3 rue … » at the street (guard, passes on main too)", () => {
    expect(extract("Bonjour,\n\n10 ramettes A4 pour jeudi svp.\nLivraison au labo, 3 rue Grenette 69002 Lyon\n\nMerci").delivery_address).toBe("3 rue Grenette 69002 Lyon")
  })
})

describe("a four-figure postal code ending a dictated sentence, the thanks right after it", () => {
  it("reads the code and its town with no comma before it", () => {
    const said = "hi its Tom please send two boxes of medium gloves and six packs of AA batteries for Monday"
    const cases: [string, string][] = [
      [`${said} please deliver to 16 Jones Road Kempton Park 1619 thanks`, "16 Jones Road Kempton Park 1619"],
      [`${said} send it all to 22 Long Street Cape Town 8001 cheers`, "22 Long Street Cape Town 8001"],
      [`${said} deliver to 5 Bridge Street Hobart 7000 thanks`, "5 Bridge Street Hobart 7000"],
      [`${said} deliver to 8 Rivonia Road Sandton 2196 please`, "8 Rivonia Road Sandton 2196"],
      [`${said} ship to 40 Queen Street Auckland 1010 thank you`, "40 Queen Street Auckland 1010"]
    ]
    for (const [text, address] of cases) expect(extract(`${text}\n\nSent by voice`, { ...EN, subject: "order" }).delivery_address).toBe(address)
  })
})
