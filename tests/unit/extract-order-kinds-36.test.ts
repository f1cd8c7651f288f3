import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The kinds of miss held-out 36 showed (tune36), each rule tried on five phrasings or more of the tuner's own, French
 * and English, in other countries' layouts (none from a corpus mail): an address block under the goods with a note on
 * the way in before the thanks, a place named at length before the colon over its block ("à notre atelier provisoire
 * sur la résidence :"), "To:" alone over a block, a four-figure postal code before a dash's note, a spot "at the back
 * of" a street, a street's number and a town's code read as counts, "we're moving the furniture out" read as a moving
 * notice, a correction's « même date, même adresse » that did not keep the quoted order; and, tried beside them for the
 * days other writers will give, « mercredi prochain (le 9) » and "for Wed. 9/12"; the goods' words « papier
 * hygiénique », « rouleaux d'adhésif » and "cartons of water (24 x 500ml)", and "Small change:" read as a size S (found
 * writing these phrasings). Which tests fail on main before tune36 is
 * said in tests/fixtures/orders/README.md ("tune36"); the guards say what a rule must not reach.
 */
const extractor = fixtureExtractor()

function extract(text: string, over: Partial<OrderMail> = {}): ReturnType<typeof extractor.extract> {
  // Monday 30 November 2026, as a mail's Date header is read (the writer's own time).
  return extractor.extract({
    from: { address: "chantier@batir-ensemble.fr", name: "Hugo Marchand" },
    to: ["commandes@comptoir-fournitures.fr"],
    subject: "Commande",
    date: "2026-11-30T09:00:00",
    text,
    htmlText: "",
    attachments: [],
    ...over
  })
}
const EN = { from: { address: "site@northgate-build.example", name: "Sam Reid" }, subject: "Supplies" }
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`).sort()

describe("an address block under the goods, a note on the way in before the thanks", () => {
  it("reads the block as where the goods go, the note left out", () => {
    const cases = [
      ["Bonjour\n\npour jeudi svp\n\n4 packs d'eau\n2 rouleaux de sacs poubelle 110 L\n\nBungalow de chantier – lot B\n3 allée des Tisserands\n35000 Rennes\n\nsonner au portail, livraison entre 8h et 11h\n\nmerci\nHugo", "Bungalow de chantier – lot B, 3 allée des Tisserands, 35000 Rennes"],
      ["Bonjour,\n\nPour vendredi :\n\n6 packs d'eau\n3 boîtes de gants nitrile L\n\nConteneur vestiaire\nRue de la Station 42\n4430 Ans\n\nDemandez Didier, le conteneur est derrière la grue.\n\nMerci,\nHugo", "Conteneur vestiaire, Rue de la Station 42, 4430 Ans"],
      ["Hi,\n\nFor Thursday please\n\n8 packs of water\n4 rolls of the big bin bags\n\nSite canteen cabin\nPlot 7, Mill Lane\nLeeds LS10 1AB\n\nThe gateman will sign for it, no deliveries before 8am.\n\nCheers\nSam", "Site canteen cabin, Plot 7, Mill Lane, Leeds LS10 1AB"],
      ["Hello,\n\nCould we get these by Friday:\n\n10 packs of water\n5 boxes of large nitrile gloves\n\nTrailer office, Lot 12\n455 Commissioners Street East\nToronto, ON M4M 1A1\n\nAsk for Marco at the east gate.\n\nThanks,\nSam", "Trailer office, Lot 12, 455 Commissioners Street East, Toronto, ON M4M 1A1"],
      ["Hi team\n\nfor Wednesday\n\n6 packs of water\n2 cases loo roll\n\nWelfare unit\n40 Dock Road\nLiverpool L3 4AF\n\nNot to the office please - ring the site phone at the gate.\n\nThanks\nSam", "Welfare unit, 40 Dock Road, Liverpool L3 4AF"]
    ] as const
    for (const [text, address] of cases) expect(extract(text, text.startsWith("Bonjour") ? {} : EN).delivery_address).toBe(address)
  })

  it("still reads no address from the sender's own block under the goods, with no note on the way in (guard)", () => {
    const r = extract("Bonjour\n\npour jeudi svp\n\n4 packs d'eau\n\nBâtir Ensemble SARL\n3 allée des Tisserands\n35000 Rennes\n\nTél 02 99 00 00 00\n\nmerci\nHugo")
    expect(r.delivery_address).toBeNull()
  })
})

describe("a place named at length before the colon over its block", () => {
  it("reads the block under « à notre atelier provisoire sur la résidence : », 'to our temporary office by the car park:'", () => {
    const cases = [
      ["Bonjour,\n\nPour mardi svp :\n6 packs d'eau\n2 boîtes de gants nitrile M\n\nPas à la boutique, à notre atelier provisoire sur la résidence :\nRésidence Les Acacias, bâtiment C\n12 rue des Lilas\n31200 Toulouse\n\nMerci", "Résidence Les Acacias, bâtiment C, 12 rue des Lilas, 31200 Toulouse"],
      ["Bonjour,\n\nMerci de préparer pour jeudi :\n30 cartons double cannelure 60x40x40\n\nLa marchandise est à remettre à notre transitaire, qui la groupe pour le bateau :\nTransports Maritimes du Sud – quai 3\n45 boulevard des Docks\n13002 Marseille\n\nMerci", "Transports Maritimes du Sud – quai 3, 45 boulevard des Docks, 13002 Marseille"],
      ["Bonjour,\n\nPour vendredi :\n4 packs d'eau\n\nÀ livrer au local du gardien à côté du parking visiteurs :\nRésidence du Parc\nChemin des Vignes 8\n1008 Prilly\n\nMerci", "Résidence du Parc, Chemin des Vignes 8, 1008 Prilly"],
      ["Hi,\n\nFor Friday please:\n6 packs of water\n\nNot to head office - to our temporary site office next to the car park:\nPhase 2 Site Office\n18 Harbour Road\nBristol BS1 5TT\n\nThanks", "Phase 2 Site Office, 18 Harbour Road, Bristol BS1 5TT"],
      ["Hello,\n\nFor Thursday:\n10 rolls of stretch wrap\n\nPlease hand the lot to our forwarder, who ships it on to the island:\nPacific Freight Ltd, Shed 4\n22 Quay Street\nAuckland 1010\n\nThanks", "Pacific Freight Ltd, Shed 4, 22 Quay Street, Auckland 1010"]
    ] as const
    for (const [text, address] of cases) {
      const r = extract(text, text.startsWith("Bonjour") ? {} : EN)
      expect(r.order_decision).toBe("order")
      expect(r.delivery_address).toBe(address)
    }
  })

  it("still takes no billing block so named (guard)", () => {
    const r = extract("Bonjour,\n\nPour jeudi :\n6 packs d'eau\n\nFacture à notre service comptable au siège de la société :\nBâtir Ensemble SAS\n8 rue du Commerce\n35000 Rennes\n\nMerci")
    expect(r.delivery_address).toBeNull()
  })
})

describe("'To:' alone over an address block", () => {
  it("reads the block as where the goods go", () => {
    const cases = [
      ["Hello,\n\nPlease deliver Thursday, December 10:\n2 cases toilet paper\n\nTo:\nBuilding storage room\n220 King Street West\nToronto, ON M5H 1K4\n\nSam", "Building storage room, 220 King Street West, Toronto, ON M5H 1K4"],
      ["Bonjour,\n\nPour jeudi :\n4 packs d'eau\n\nÀ :\nLocal technique, sous-sol\n14 rue Nationale\n59000 Lille\n\nHugo", "Local technique, sous-sol, 14 rue Nationale, 59000 Lille"],
      ["Hi,\n\nfor Friday:\n3 boxes of large nitrile gloves\n\nto:\nCaretaker's store\n9 Mill Road\nCambridge CB1 2AD\n\nSam", "Caretaker's store, 9 Mill Road, Cambridge CB1 2AD"],
      ["Bonjour,\n\nPour vendredi :\n2 colis de papier toilette\n\nDestinataire :\nLoge du concierge\nRue du Marché 20\n1204 Genève\n\nHugo", "Loge du concierge, Rue du Marché 20, 1204 Genève"],
      ["Hi,\n\nBy Wednesday please:\n6 packs of water\n\nTo:\nSite office, Gate 4\n300 Collins Street\nMelbourne VIC 3000\n\nSam", "Site office, Gate 4, 300 Collins Street, Melbourne VIC 3000"]
    ] as const
    for (const [text, address] of cases) {
      const r = extract(text, text.startsWith("Bonjour") ? {} : EN)
      expect(r.delivery_address).toBe(address)
    }
  })

  it("still reads 'To: Julie Martin' heading a quoted mail as no place (guard)", () => {
    const r = extract("Hi,\n\nFor Friday please: 6 packs of water.\n\nSam\n\nFrom: Sam Reid\nTo: Julie Martin\n14 rue Nationale\n59000 Lille", EN)
    expect(r.delivery_address).toBeNull()
  })
})

describe("a four-figure postal code before a dash's note on the way in", () => {
  it("ends the address at the code, and reads neither the code nor the street's number as a count", () => {
    const cases = [
      ["We need 6 packs of water by Monday. Please drop it at the site office, 12 Lambton Quay, Wellington 6011 – the gate is on Bunny Street.", "site office, 12 Lambton Quay, Wellington 6011"],
      ["We need 6 packs of water by Monday. Please drop it at the site hut, 40 Smith Street, Durban 4001 - ask for Thabo at the gate.", "site hut, 40 Smith Street, Durban 4001"],
      ["We need 6 packs of water by Monday. Please drop them at the site office, 15 Rivonia Road, Sandton, 2196 – use the loading bay at the back.", "site office, 15 Rivonia Road, Sandton, 2196"],
      ["We need 6 packs of water by Monday. Please drop it at the site office, 88 Queen Street, Auckland 1010 — the yard gate is on Wyndham Street.", "site office, 88 Queen Street, Auckland 1010"],
      ["We need 6 packs of water by Monday. Please bring them to the gatehouse, 5 Ocean Drive, Christchurch 8011 - no deliveries after 3pm.", "gatehouse, 5 Ocean Drive, Christchurch 8011"]
    ] as const
    for (const [text, address] of cases) {
      const r = extract(`Hi,\n\n${text}\n\nThanks,\nSam`, EN)
      expect(r.delivery_address).toBe(address)
      expect(lines(r)).toEqual(["EAU-50|6|pack"])
    }
  })

  it("still counts the goods beside a street that is no address (guard)", () => {
    const r = extract("Hi,\n\nFor Monday please: 10 rolls of packing tape and 4 office chairs for the Queen Street site.\n\nThanks,\nSam", EN)
    expect(lines(r)).toEqual(["REF-1004|4|pièce", "REF-1014|10|rouleau"])
  })
})

describe("a spot named relative to a numbered building", () => {
  it("keeps the spot before 'at the back of', 'behind', « derrière le », « à côté du »", () => {
    const cases = [
      ["hi its Sam can we get six packs of water for tomorrow please deliver to the site cabin at the back of 22 Hope Street Glasgow G2 6AB thanks", "site cabin at the back of 22 Hope Street Glasgow G2 6AB"],
      ["hi its Sam can we get six packs of water for tomorrow please deliver to the welfare unit behind 9 Castle Street Edinburgh EH2 3AH thanks", "welfare unit behind 9 Castle Street Edinburgh EH2 3AH"],
      ["Hi, six packs of water for tomorrow, deliver to the container next to 41 Bridge Street Cardiff CF10 2EE please", "container next to 41 Bridge Street Cardiff CF10 2EE"],
      ["bonjour c est Hugo il nous faut 6 packs d eau pour demain a livrer au conteneur derrière le 12 rue de la Paix 44000 Nantes merci", "conteneur derrière le 12 rue de la Paix 44000 Nantes"],
      ["bonjour c est Hugo il nous faut 6 packs d eau pour demain a livrer à la cabane de chantier à côté du 5 avenue Foch 69006 Lyon merci", "cabane de chantier à côté du 5 avenue Foch 69006 Lyon"]
    ] as const
    for (const [text, address] of cases) {
      const r = extract(text, text.startsWith("bonjour") ? {} : EN)
      expect(r.delivery_address).toBe(address)
    }
  })

  it("still reads a dictated place with no relation said as before (guard)", () => {
    const r = extract("bonjour il nous faut 6 packs d eau pour demain a livrer a la laverie 22 rue de Siam 29200 Brest merci")
    expect(r.delivery_address).toBe("la laverie 22 rue de Siam 29200 Brest")
  })
})

describe("moving goods is no moving notice", () => {
  it("reads 'we're moving the furniture out of …' and « nous déménageons le mobilier du … » as an order's reason", () => {
    const cases = [
      "Hi,\n\nWe're moving the furniture out of the old floor before the refit. Could you send for Monday:\n\n40 large double-wall boxes (60x40x40)\n4 rolls of stretch wrap\n\nThanks,\nSam",
      "Hi,\n\nWe are moving our archive boxes from the basement next week, so please send for Monday: 40 large double-wall boxes (60x40x40) and 4 rolls of stretch wrap.\n\nThanks,\nSam",
      "Hi,\n\nWe're moving stock between the two units on Friday. Please deliver for Thursday: 4 rolls of stretch wrap.\n\nThanks,\nSam",
      "Bonjour,\n\nNous déménageons le mobilier du 3e étage la semaine prochaine. Merci de nous livrer pour lundi 40 cartons double cannelure 60x40x40 et 4 rouleaux de film étirable.\n\nMerci,\nHugo",
      "Hi,\n\nWe're moving all the kit out of the site hut on Friday: can you send 4 rolls of stretch wrap for Thursday?\n\nThanks,\nSam"
    ]
    for (const text of cases) {
      const r = extract(text, text.startsWith("Bonjour") ? {} : EN)
      expect(r.order_decision).toBe("order")
      expect(r.lines.length).toBeGreaterThan(0)
    }
  })

  it("still reads 'we're moving to new premises' as a notice, no order (guard)", () => {
    const r = extract("Hi,\n\nWe're moving to new premises on 4 January: please update your records. Our usual order is 4 rolls of stretch wrap a month.\n\nThanks,\nSam", EN)
    expect(r.order_decision).not.toBe("order")
  })
})

describe("a correction that keeps the day and the place one by one ('même date, même adresse')", () => {
  const quotedFr = (change: string): string =>
    `Rebonjour,\n\n${change}\n\nHugo\n\nLe lun. 30 nov. 2026 à 08:02, Hugo Marchand <chantier@batir-ensemble.fr> a écrit :\n> Bonjour,\n>\n> Commande n° BE-2211, pour le mardi 8 décembre :\n> - 6 rouleaux de sacs poubelle 110 L\n> - 4 boîtes de gants nitrile L\n>\n> Livraison :\n> Dépôt Nord – hangar 2\n> 8 rue des Forges\n> 69007 Lyon\n>\n> Hugo Marchand`
  const quotedEn = (change: string): string =>
    `Hi,\n\n${change}\n\nSam\n\nOn Mon, Nov 30, 2026 at 7:41 AM Sam Reid <site@northgate-build.example> wrote:\n> Hello,\n>\n> PO 4471, for Tuesday 8 December:\n> 6 rolls of 110L bin bags\n> 4 boxes of large nitrile gloves\n>\n> Deliver to:\n> Unit 4, Mill Lane\n> Leeds LS10 1AB\n>\n> Sam Reid`
  it("restates the whole quoted order with the change", () => {
    const cases = [
      quotedFr("Petite modification : finalement 8 boîtes de gants nitrile L au lieu de 4. Le reste sans changement (même date, même adresse)."),
      quotedFr("Correction : 8 boîtes de gants nitrile L au lieu de 4. Le reste sans changement, même jour, même lieu."),
      quotedFr("Finalement 8 boîtes de gants nitrile L au lieu de 4. Le reste est inchangé (date et adresse comme prévu)."),
      quotedEn("Change of plan: 8 boxes of large nitrile gloves instead of 4. Everything else unchanged - same date, same address."),
      quotedEn("Small change: 8 boxes of large nitrile gloves instead of 4. The rest is unchanged: same delivery day, same site."),
      quotedEn("Make it 8 boxes of large nitrile gloves instead of 4. Rest as before, date and address as before.")
    ]
    for (const text of cases) {
      const r = extract(text, text.startsWith("Hi") ? EN : {})
      expect(r.order_decision).toBe("order")
      expect(lines(r)).toEqual(["GN-4411|8|boîte", "SAC-110|6|rouleau"])
      expect(r.delivery_date).toBe("2026-12-08")
    }
  })

  it("still sends only the change when nothing says the rest is kept (guard)", () => {
    const r = extract(quotedFr("Petite modification : finalement 8 boîtes de gants nitrile L au lieu de 4."))
    expect(lines(r)).toEqual(["GN-4411|8|boîte"])
  })
})

describe("a weekday said with its day of the month after 'prochain' / 'next', or cut short before figures", () => {
  it("takes the day of the month after « mercredi prochain (le 9) », « jeudi prochain soit le 10 », 'Tuesday next, 8th December'", () => {
    const cases = [
      ["Bonjour, 10 ramettes papier A4 pour mercredi prochain (le 9).", "2026-12-09"],
      ["Bonjour, 10 ramettes papier A4 pour jeudi prochain soit le 10.", "2026-12-10"],
      ["Bonjour, 10 ramettes papier A4 pour mercredi prochain, le 9.", "2026-12-09"],
      ["Hi, 10 reams of A4 paper for Tuesday next, 8th December.", "2026-12-08"],
      ["Hi there, can we have 10 reams of A4 paper next Thursday - that's the 10th.", "2026-12-10"]
    ] as const
    for (const [text, day] of cases) expect(extract(text, text.startsWith("Bonjour") ? {} : EN).delivery_date).toBe(day)
  })

  it("reads « pour mar. 08/12 », 'for Wed. 9/12', « ven 11.12. » as the day wanted", () => {
    const cases = [
      ["Hi, 10 reams of A4 paper please for Wed. 9/12", "2026-12-09"],
      ["Bonjour, 10 ramettes papier A4 pour mar. 08/12 svp", "2026-12-08"],
      ["Grüezi, 10 ramettes papier A4 pour ven 11.12. merci", "2026-12-11"],
      ["Bonjour, 10 ramettes papier A4 pour jeu. 3/12 svp", "2026-12-03"],
      ["Hi, 10 reams of A4 paper by Fri. 4/12 please", "2026-12-04"]
    ] as const
    for (const [text, day] of cases) expect(extract(text, text.startsWith("Hi") ? EN : {}).delivery_date).toBe(day)
  })

  it("still reads « jeudi prochain » alone as the coming Thursday, and « lundi prochain 6 colis » counts the goods (guard)", () => {
    expect(extract("Bonjour, 10 ramettes papier A4 pour jeudi prochain.").delivery_date).toBe("2026-12-03")
    const r = extract("Bonjour, merci de livrer lundi prochain 6 colis de papier toilette.")
    expect(r.delivery_date).toBe("2026-12-07")
    expect(lines(r)).toEqual(["PH-096|6|colis"])
  })
})

describe("the goods' own words for toilet paper, tape and a carton of water, and a size word that sizes no goods", () => {
  it("reads « papier hygiénique », 'bathroom tissue', « rouleaux d'adhésif » and cartons said to hold the pack", () => {
    const cases = [
      ["Bonjour, pour jeudi :\n6 rouleaux d'adhésif\n3 caisses de papier hygiénique", ["PH-096|3|colis", "REF-1014|6|rouleau"]],
      ["Bonjour, pour jeudi svp :\n4 rlx adhésif marron\n2 colis de rouleaux de papier hygiénique", ["PH-096|2|colis", "REF-1014|4|rouleau"]],
      ["Hi, please send for Thursday:\n10 rolls of tape\n3 cases of bathroom tissue", ["PH-096|3|colis", "REF-1014|10|rouleau"]],
      ["Hi, please send for Thursday:\n12 cartons of still water (24 x 500ml)", ["EAU-50|12|pack"]],
      ["Bonjour, pour jeudi :\n12 cartons d'eau plate (24 x 50 cl)", ["EAU-50|12|pack"]],
      ["Bonjour, pour jeudi :\n6 cartons d'eau minérale (24 bouteilles)", ["EAU-50|6|pack"]],
      ["Hi, for Thursday:\n10 ctns bottled water (24x500ml)", ["EAU-50|10|pack"]]
    ] as const
    for (const [text, want] of cases) expect(lines(extract(text, text.startsWith("Hi") ? EN : {}))).toEqual(want)
  })

  it("reads no size in 'Small change:', 'a small correction', 'large order this time'", () => {
    const cases = [
      "Hi, small change for Thursday: 8 boxes of large nitrile gloves please.",
      "Hi, a small correction to my list: 8 boxes of large nitrile gloves for Thursday.",
      "Hi, large order this time, for Thursday: 8 boxes of large nitrile gloves.",
      "Hi, one small request: 8 boxes of large nitrile gloves by Thursday.",
      "Hi, small favour - 8 boxes of large nitrile gloves for Thursday?"
    ]
    for (const text of cases) expect(lines(extract(text, EN))).toEqual(["GN-4411|8|boîte"])
  })

  it("still keeps a carton of packs a carton (guard)", () => {
    expect(lines(extract("Hi, for Thursday:\n2 cartons of still water (4 packs of 24)", EN))).toEqual(["EAU-50|2|carton"])
    expect(lines(extract("Hi, for Thursday:\n3 cartons of still water", EN))).toEqual(["EAU-50|3|carton"])
  })
})
