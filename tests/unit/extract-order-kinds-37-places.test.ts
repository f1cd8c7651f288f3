import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The places and days of held-out 37's kinds of miss (tune37; the goods and the order act are in
 * extract-order-kinds-37.test.ts), each rule tried on five phrasings or more of the tuner's own, French and English, in
 * other countries' layouts (none from a corpus mail).
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|madame)/i.test(text) ? {} : EN)
const FR_GOODS = "Bonjour,\n\nCommande n° ADM-2026-044 :\n- 20 ramettes A4\n- 3 boîtes d'enveloppes C4\n\n"
const EN_GOODS = "Hello,\n\nPlease supply against PO FAC-2611:\n- 10 reams of A4\n- 4 boxes of black pens\n\n"

describe("a sentence that hands the goods over, its colon over the block", () => {
  it("reads the block under « doivent être remis … : », 'must reach them by …:'", () => {
    const cases: [string, string][] = [
      [`${FR_GOODS}Les colis doivent être remis avant le mercredi 2 décembre au bureau de la valise, le départ pour Dakar étant le jeudi :\nBureau de la valise diplomatique\n11 rue de la Maison-Blanche\n44000 Nantes\n\nCordialement`, "Bureau de la valise diplomatique, 11 rue de la Maison-Blanche, 44000 Nantes"],
      [`${FR_GOODS}La marchandise sera remise à notre transitaire, qui groupe les envois pour Nouméa :\nTransit Pacifique\nZone portuaire, quai 2\n13002 Marseille\n\nMerci`, "Transit Pacifique, Zone portuaire, quai 2, 13002 Marseille"],
      [`${EN_GOODS}Our consolidator ships to Tokyo on Thursday, so the goods must reach them by Wednesday:\nNippon Express UK, Unit 3\nSkyport Drive\nHarmondsworth UB7 0LB\n\nKind regards`, "Nippon Express UK, Unit 3, Skyport Drive, Harmondsworth UB7 0LB"],
      [`${EN_GOODS}Everything needs to get to our freight agent before the container is sealed:\nGulf Freight LLC, Warehouse 14\nJebel Ali Free Zone\nDubai 17000\n\nThanks`, "Gulf Freight LLC, Warehouse 14, Jebel Ali Free Zone, Dubai 17000"],
      [`${FR_GOODS}Les cartons doivent arriver chez notre groupeur avant lundi :\nTransports Leroy – quai 5\n45 route de Lyon\n1227 Carouge\n\nMeilleures salutations`, "Transports Leroy – quai 5, 45 route de Lyon, 1227 Carouge"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })
})

describe("a delivery line left open on 'at' or « chez » over the block", () => {
  it("reads the block as the address", () => {
    const cases: [string, string][] = [
      [`${EN_GOODS}Delivery: Thursday, December 10, attn. the verger, at\nSt Michael's church, vestry door\n5 rue d'Aguesseau\n75008 Paris\n\nWith thanks`, "St Michael's church, vestry door, 5 rue d'Aguesseau, 75008 Paris"],
      [`${EN_GOODS}Deliver Monday 7th, before noon, at\nThe Old School Hall\n12 Church Lane\nOxford OX1 4AB\n\nThanks`, "The Old School Hall, 12 Church Lane, Oxford OX1 4AB"],
      [`${FR_GOODS}Livraison jeudi 10 décembre, avant 11 h, chez\nMaison des associations\n3 place du Marché\n30310 Vergèze\n\nMerci`, "Maison des associations, 3 place du Marché, 30310 Vergèze"],
      [`${EN_GOODS}Please deliver Tuesday morning, ask for Ben, at\nHarbour Aid Depot\n22 Pier Road\nCork T12 X8Y4\n\nCheers`, "Harbour Aid Depot, 22 Pier Road, Cork T12 X8Y4"],
      [`${FR_GOODS}À livrer le 4 décembre chez\nAtelier partagé La Fabrique\nRue de la Gare 14\n1003 Lausanne\n\nBonne journée`, "Atelier partagé La Fabrique, Rue de la Gare 14, 1003 Lausanne"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })
})

describe("a block under a forward's asking sentence, the thanks under it", () => {
  it("reads the block as the address", () => {
    const forwarded = "\n\n-----Original Message-----\nFrom: Ciaran Walsh\nSent: Wednesday, December 2, 2026 5:40 PM\nSubject: kit list\n\ncan you order:\n4 boxes nitrile gloves (M)\n10 boxes surgical masks\n"
    const cases: [string, string][] = [
      [`Hi,\n\nForwarding Ciaran's list. Make that 6 boxes of the gloves, not 4. Everything else as below, for Monday please.\n\nGoods In, Unit 12\nBallymount Business Park\nDublin 12, D12 K2V8\n\nThanks,\nNiamh${forwarded}`, "Goods In, Unit 12, Ballymount Business Park, Dublin 12, D12 K2V8"],
      [`Hi,\n\nSee Ciaran's list below, for Tuesday please.\n\nStores, Block C\n40 Dock Road\nLiverpool L3 4AF\n\nThanks\nNiamh${forwarded}`, "Stores, Block C, 40 Dock Road, Liverpool L3 4AF"],
      [`Bonjour,\n\nJe vous transfère la liste de Ciaran, pour jeudi svp.\n\nEntrepôt ASI, quai 3\n12 rue de l'Industrie\n13127 Vitrolles\n\nMerci,\nNiamh${forwarded}`, "Entrepôt ASI, quai 3, 12 rue de l'Industrie, 13127 Vitrolles"],
      [`Hello,\n\nPassing on the list below - the same again, please.\n\nWarehouse 4\n18 Harbour Road\nAuckland 1010\n\nCheers,\nNiamh${forwarded}`, "Warehouse 4, 18 Harbour Road, Auckland 1010"],
      [`Bonjour,\n\nLa liste de Ciaran ci-dessous, le tout avant vendredi svp.\n\nBase logistique Sud\nChemin des Vignes 8\n1008 Prilly\n\nMerci\nNiamh${forwarded}`, "Base logistique Sud, Chemin des Vignes 8, 1008 Prilly"]
    ]
    // (sent as forwards: a subject with "FW:" / « TR : », as a mail client writes it)
    for (const [text, address] of cases) expect(extract(text, { ...en(text), subject: text.startsWith("Bonjour") ? "TR: liste du kit" : "FW: kit list" }).delivery_address).toBe(address)
  })

  it("still reads no address from the sender's own block after a sentence that asks nothing (guard)", () => {
    expect(extract(`Hi,\n\nForwarding Ciaran's list for your records.\n\nHarbour Aid Ireland\n3 Merrion Square\nDublin 2, D02 X285\n\nThanks,\nNiamh`, { ...EN, subject: "FW: kit list" }).delivery_address).toBeNull()
  })
})

describe("a goods side or a hall named before the street", () => {
  it("keeps 'the chancery loading bay', « la salle polyvalente », 'the mail room at …'", () => {
    const cases: [string, string][] = [
      [`${FR_GOODS}Attention, pas à la mairie cette fois : livraison à la salle polyvalente, 12 avenue des Sports, 30310 Vergèze. Quelqu'un sera là dès 8 h.\n\nMerci`, "la salle polyvalente, 12 avenue des Sports, 30310 Vergèze"],
      [`${EN_GOODS}Please ship to the chancery loading bay, 6 Perth Avenue, Yarralumla ACT 2600, and not to the PO Box.\n\nRegards`, "the chancery loading bay, 6 Perth Avenue, Yarralumla ACT 2600"],
      [`${EN_GOODS}Please deliver to the church hall, 14 Vicarage Road, Leeds LS6 2AB. The side door will be open.\n\nThanks`, "the church hall, 14 Vicarage Road, Leeds LS6 2AB"],
      [`${FR_GOODS}Livraison à la salle des fêtes, 2 place du Marché, 67800 Hoenheim, le matin.\n\nMerci`, "la salle des fêtes, 2 place du Marché, 67800 Hoenheim"],
      [`${EN_GOODS}Please ship to the museum's goods in, 200 Wellington Street, Ottawa, ON K1A 0G9.\n\nThanks`, "the museum's goods in, 200 Wellington Street, Ottawa, ON K1A 0G9"],
      ["Good morning this is Declan from facilities I need six packs of bottled water for Monday delivered to the mail room at 2234 Massachusetts Avenue NW Washington DC 20008 thanks very much", "the mail room at 2234 Massachusetts Avenue NW Washington DC 20008"],
      ["hi it's Sam need ten reams of A4 for Friday delivered to the loading dock at 455 Front Street West Toronto ON M5V 3L2 cheers", "the loading dock at 455 Front Street West Toronto ON M5V 3L2"]
    ]
    for (const [text, address] of cases) expect(extract(text, en(text)).delivery_address).toBe(address)
  })

  it("still leaves out which of the sender's premises, « au laboratoire », before the street (guard)", () => {
    expect(extract(`${FR_GOODS}Livraison au laboratoire, 3 rue Grenette, 69002 Lyon.\n\nMerci`).delivery_address).toBe("3 rue Grenette, 69002 Lyon")
  })
})

describe("the day the goods go further on, and 'sometime next week'", () => {
  it("takes the day they must reach, not the day the carrier leaves for elsewhere", () => {
    const cases: [string, string][] = [
      [`${EN_GOODS}Our consolidator ships to Tokyo on Thursday, so the goods must reach them by next Wednesday.\n\nThanks`, "2026-12-02"],
      [`${EN_GOODS}The boat sails for Nouméa on Friday; please have everything at the quay by Wednesday.\n\nThanks`, "2026-12-02"],
      [`${FR_GOODS}Le camion part pour Dakar le jeudi, merci de livrer avant mardi.\n\nMerci`, "2026-12-01"],
      [`${FR_GOODS}Les colis doivent être remis avant le mercredi 2 décembre, le départ pour N'Djamena étant le jeudi.\n\nMerci`, "2026-12-02"],
      [`${EN_GOODS}Our freight flies out to Lagos on Tuesday, so we need it delivered by Monday.\n\nThanks`, "2026-11-30"]
    ]
    for (const [text, day] of cases) expect(extract(text, en(text)).delivery_date).toBe(day)
  })

  it("gives no day for 'sometime next week', « dans le courant de la semaine prochaine »", () => {
    const cases = [
      `${EN_GOODS}Sometime next week is fine.\n\nRegards`,
      `${EN_GOODS}No hurry, at some point next week will do.\n\nRegards`,
      `${FR_GOODS}Dans le courant de la semaine prochaine, ça ira très bien.\n\nMerci`,
      `${FR_GOODS}Livraison courant semaine prochaine.\n\nMerci`,
      `${EN_GOODS}Some time during next week please.\n\nRegards`
    ]
    for (const text of cases) expect(extract(text, en(text)).delivery_date).toBeNull()
  })

  it("still takes 'Tuesday is fine' and the day a van leaves with no place named after it (guards)", () => {
    expect(extract(`${EN_GOODS}Tuesday is fine.\n\nRegards`, EN).delivery_date).toBe("2026-12-01")
    expect(extract(`${EN_GOODS}Can it go on the van that leaves on Thursday?\n\nRegards`, EN).delivery_date).toBe("2026-12-03")
  })
})
