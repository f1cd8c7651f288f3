import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 48's and 49's kinds of miss but the address (tune48): the orders missed, the order numbers, the lines. Each
 * rule is tried on phrasings of the tuner's own, French and English (none from a corpus mail); the guards say what a
 * rule must leave as it was. The tune37 kit's mail builder reads them (Friday 27 November 2026).
 */
const lines = (r: ReturnType<typeof extract>): string[] => r.lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)
const fr = (text: string): ReturnType<typeof extract> => extract(text)
const en = (text: string): ReturnType<typeof extract> => extract(text, EN)

describe("a reference to be cited on our paperwork, said of the reference itself or of a work order", () => {
  it("takes the order when 'this number must be quoted on your invoice' or 'please quote the WO / job number on the delivery note'", () => {
    const cases = [
      en("Hi,\n\nPlease supply against our PO 7719-B: 4 boxes of nitrile gloves M. That number must be quoted on your invoice or we cannot pay it.\n\nThanks,\nPriya"),
      en("Dear supplier,\n\nPlease supply 6 rolls of packing tape against order no. 4500219934. This reference must be shown on your invoice.\n\nRegards,\nAccounts"),
      en("Hello,\n\nPlease send the following against PO 88-2140 (job J-5531 - please quote the job number on the delivery note so stores can match it):\n\n4 boxes nitrile gloves M\n\nThanks,\nDev"),
      en("Hi,\n\nPlease supply against PO KT-4410 (works order WO-7720, please quote the WO on your paperwork):\n2 cases of hand towels\n\nThanks"),
      fr("Bonjour,\n\nMerci de livrer 3 cartons d'essuie-mains sous notre commande CM-2207. Ce numéro doit être rappelé sur la facture.\n\nCordialement,\nHélène")
    ]
    expect(cases.map((r) => [r.order_decision, lines(r)])).toEqual([
      ["order", ["GN-4410|4|boîte"]],
      ["order", ["REF-1014|6|rouleau"]],
      ["order", ["GN-4410|4|boîte"]],
      ["order", ["ESS-300|2|carton"]],
      ["order", ["ESS-300|3|carton"]]
    ])
  })

  it("still asks for nothing to be invoiced when the invoice itself is disputed (a guard, as on main)", () => {
    expect(en("Hi,\n\nYour invoice for the 4 boxes of nitrile gloves is wrong, please send a corrected invoice.\n\nThanks,\nPriya").order_decision).toBe("not-order")
  })
})

describe("a contract's number before an order's label is not the order's number", () => {
  it("reads the order's own number beside a framework's, a « marché à bons de commande », an « accord-cadre »", () => {
    const cases = [
      fr("Bonjour,\n\nAccord-cadre bon de commande n° AC-2025-44 (lot 2)\nN° commande : MX-7781\nMerci de livrer 6 boîtes de gants nitrile taille L.\n\nCordialement,\nAnne"),
      fr("Bonjour,\n\nMarché à bons de commande n° 2025-FO-12. Notre commande MX-7790 : 4 packs d'eau pour mardi.\n\nCordialement,\nLuc"),
      en("Hello,\n\nFramework agreement order no. FW-2026-3. Our PO: TR-55102. Please send 3 boxes of nitrile gloves M.\n\nRegards,\nTina"),
      en("Hi,\n\nUnder contract order number CT-889, PO number HB-4410: 2 cases of hand towels please.\n\nThanks,\nRavi"),
      fr("Bonjour,\n\nContrat cadre, bon de commande n° CC-19. N° de commande : VE-2231. 3 cartons d'essuie-mains pour jeudi svp.\n\nMerci,\nZoé")
    ]
    expect(cases.map((r) => r.po_number)).toEqual(["MX-7781", "MX-7790", "TR-55102", "HB-4410", "VE-2231"])
  })

  it("still reads a plain order's number (a guard, as on main)", () => {
    expect(fr("Bonjour,\n\nBon de commande n° BC-2026-311 : 4 packs d'eau pour mardi.\n\nMerci,\nLuc").po_number).toBe("BC-2026-311")
  })
})

describe("numbers that say how to get in or how far, not how many", () => {
  it("reads no goods from a gate's or a door's code, nor from a distance in miles or kilometres", () => {
    const cases = [
      en("Hi,\n\n8 boxes nitrile gloves L for Friday please.\n(gate code 3307, the site office is by the weighbridge)\n\nThanks,\nBill"),
      en("Hello,\n\nPO 7712: 3 cases of hand towels. The door code is 5521, the office is upstairs.\n\nThanks"),
      en("Hi,\n\nPlease send 4 rolls of packing tape. Note the yard is 2 miles in on the farm track.\n\nThanks"),
      fr("Bonjour,\n\n4 boîtes de gants nitrile taille M. Attention, le site est à 5 km après le pont.\n\nMerci"),
      fr("Bonjour,\n\n2 packs d'eau. Code du portail : 1966, le bureau est au fond.\n\nMerci")
    ]
    expect(cases.map(lines)).toEqual([["GN-4411|8|boîte"], ["ESS-300|3|carton"], ["REF-1014|4|rouleau"], ["GN-4410|4|boîte"], ["EAU-50|2|pack"]])
  })

  it("still counts a product measured in metres (a guard, as on main)", () => {
    expect(lines(fr("Bonjour,\n\n3 rallonges électriques 3 m pour lundi svp.\n\nMerci"))).toEqual(["RAL-3M|3|pièce"])
  })
})

describe("bin bags by their other names, and counted after a colon", () => {
  it("reads 'can liners', 'trash bags', 'garbage bags' as bin bags", () => {
    const cases = [
      en("Hello,\n\nPlease send:\n- 110L can liners: 6 rolls\n- Nitrile gloves M: 2 boxes\n\nThanks"),
      en("Hi,\n\nPlease send 2 rolls of 110L can liners and 4 boxes of nitrile gloves M.\n\nThanks"),
      en("Hi,\n\n5 rolls of can liners 50 L for Monday.\n\nThanks"),
      en("Hi, 4 rolls of 110 L trash bags please for Friday. Thanks"),
      en("Hello,\n\nTwo rolls of 50L garbage bags and 2 boxes of nitrile gloves L please.\n\nThanks")
    ]
    expect(cases.map(lines)).toEqual([["SAC-110|6|rouleau", "GN-4410|2|boîte"], ["SAC-110|2|rouleau", "GN-4410|4|boîte"], ["SAC-050|5|rouleau"], ["SAC-110|4|rouleau"], ["SAC-050|2|rouleau", "GN-4411|2|boîte"]])
  })

  it("counts 'name: 25 rolls' even when the name's pack holds 25", () => {
    const cases = [
      en("Hello,\n\nPlease send:\n- 110L bin bags: 25 rolls\n\nThanks"),
      fr("Bonjour,\n\nSacs poubelle 110 L : 25 rouleaux\nGants nitrile taille L : 3 boîtes\n\nMerci"),
      en("Hello,\n\nPlease send:\n- Toilet tissue, 96-roll case: 5\n- 110L bin bags: 25 rolls\n\nThanks"),
      fr("Bonjour,\n\nPour mardi :\n- sacs poubelle 50 L : 50 rouleaux\n\nMerci"),
      en("Hi,\n\nFor Monday please:\nBin bags 50 L: 50 rolls\nNitrile gloves M: 2 boxes\n\nThanks, Jo")
    ]
    expect(cases.map(lines)).toEqual([["SAC-110|25|rouleau"], ["SAC-110|25|rouleau", "GN-4411|3|boîte"], ["PH-096|5|colis", "SAC-110|25|rouleau"], ["SAC-050|50|rouleau"], ["SAC-050|50|rouleau", "GN-4410|2|boîte"]])
  })

  it("still reads the pack in brackets after the name as no count (a guard, as on main)", () => {
    expect(lines(en("Hi,\n\nBin bags 50 L (roll of 50) x 2 please.\n\nThanks")).map((l) => l.split("|")[1])).toEqual(["2"])
  })
})

describe("the delivery note is paperwork, no sticky note", () => {
  it("reads no sticky notes from 'the delivery note', 'your dispatch note', 'the packing note'", () => {
    const cases = [
      en("Hello,\n\n5 boxes nitrile gloves L, PO 31-7781 on the delivery notes please.\n\nTa"),
      en("Hi,\n\nPO 52-6610: 2 cases of hand towels, and the PO on the delivery note please.\n\nThanks"),
      en("Hello,\n\nJob 40-1180 - 6 rolls of packing tape please, quote it on your dispatch note.\n\nThanks"),
      en("Hi,\n\n4 packs of still water. Our ref 77-2044 on the packing note please.\n\nThanks"),
      en("Hello,\n\n3 boxes nitrile gloves M. Put order 19-5530 on the advice note.\n\nThanks")
    ]
    expect(cases.map(lines)).toEqual([["GN-4411|5|boîte"], ["ESS-300|2|carton"], ["REF-1014|6|rouleau"], ["EAU-50|4|pack"], ["GN-4410|3|boîte"]])
  })

  it("still reads sticky notes asked for beside the delivery note (a guard, as on main)", () => {
    expect(lines(en("Hi,\n\nPlease send 4 boxes of nitrile gloves M and 2 packs of sticky notes. Put PO 5512 on the delivery note.\n\nThanks"))).toEqual(["GN-4410|4|boîte", "POST-76|2|lot"])
  })
})
