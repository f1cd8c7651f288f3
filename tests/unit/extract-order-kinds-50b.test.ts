import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 50's and 51's kinds of missed and asked order (tune50b): "not a PO" said of a code beside the order, the
 * buyer's own PO number given in a sentence ("our PO is …"), and the need said with its "we" dropped ("need these asap").
 * Phrasings of the tuner's own, French and English (none from a corpus mail).
 */
/** The French phrasings' subject names no order (a subject « Commande » is an act of its own). */
const FR = { subject: "Fournitures" }
const decided = (text: string, over: Parameters<typeof extract>[1] = FR): string | undefined => extract(text, over).order_decision

describe("'not a PO' said of a code beside the order is about the code, not the mail", () => {
  it("proposes the order when 'not a PO' follows a reference, a site code or a store number", () => {
    const cases = [
      decided("Hi,\n\nPlease send 4 boxes of nitrile gloves M and 2 rolls of bin bags 110L by Tuesday. Job ref WX-5512 is our internal one, not a PO.\n\nThanks, Priya", EN),
      decided("Hello,\n\nPlease deliver 10 packs of still water on Monday.\n(Store number 0441 goes on the parcel, not a purchase order.)\n\nRegards\nOwen", EN),
      decided("Hi, can you ship 2 cases of folded paper towels for Thursday please? Site ID 7781 is for the gate, not a PO.\nCheers, Mo", EN),
      decided("Bonjour,\n\nPourriez-vous nous livrer 4 boîtes de gants nitrile L avant mardi ? Le numéro de quai Q-12 est pour le chauffeur, pas une commande.\n\nCordialement\nLéa"),
      decided("Bonjour,\n\nPouvez-vous nous envoyer 6 rouleaux de sacs poubelle 110 L pour vendredi ? Référence interne RI-3340, pas un bon de commande.\n\nMerci\nHugo")
    ]
    expect(cases).toEqual(["order", "order", "order", "order", "order"])
  })

  it("still turns away a mail that says it is no order at all (a guard, as on main)", () => {
    expect(decided("Hi,\n\nFor your planning, not a PO: around 40 boxes of nitrile gloves M a month next year.\n\nThanks, Priya", EN)).toBe("not-order")
    expect(decided("Bonjour,\n\nCe ne sont que des volumes, pas une commande : 30 cartons de ramettes A4 sur l'année.\n\nCordialement\nLéa")).toBe("not-order")
  })
})

describe("the buyer's own PO number given in a sentence is an order act", () => {
  it("proposes a bare list under 'our PO is …', « notre numéro de commande est le … »", () => {
    const cases = [
      decided("Hi,\n\nOur PO is TR-88214.\n4 boxes nitrile gloves L\n2 rolls bin bags 110L\n\nThanks\nGreg", EN),
      decided("Morning,\n\nour PO number for this lot is KT-3307\n6 packs still water\n3 cases folded paper towels\n\nBen", EN),
      decided("Hello,\nmy purchase order ref will be 5521-B\n10 reams A4 paper\n2 boxes nitrile gloves M\nAnna", EN),
      decided("Bonjour,\n\nNotre numéro de commande est le 55120.\n3 bidons liquide vaisselle 5 L\n10 ramettes A4\n\nMerci\nPaul"),
      decided("Bonjour,\nnotre n° d'achat pour cette fois est le AC-6618\n4 boîtes de gants nitrile M\n2 rouleaux de sacs poubelle 110 L\nJulie")
    ]
    expect(cases).toEqual(["order", "order", "order", "order", "order"])
  })
})

describe("the need said with its 'we' dropped, the day after it, is an order act", () => {
  it("proposes 'need these asap', 'need them Thursday latest', « besoin de tout ça pour demain »", () => {
    const cases = [
      decided("need these asap:\n4 boxes nitrile gloves L\n6 rolls bin bags 110L\n- Tom", EN),
      decided("Hi,\nneed them Thursday latest\n10 packs still water\n2 cases folded paper towels\nRaj", EN),
      decided("need this lot tomorrow\n3 x washing-up liquid 5L\n10 reams A4 paper\nthanks Kev", EN),
      decided("Besoin de tout ça pour demain :\n4 boîtes de gants nitrile L\n6 rouleaux de sacs poubelle 110 L\nMarc"),
      decided("Salut,\nbesoin de ces articles avant vendredi\n10 packs d'eau plate\n3 bidons de liquide vaisselle 5 L\nNina")
    ]
    expect(cases).toEqual(["order", "order", "order", "order", "order"])
  })

  it("still asks when the need is a price to know (a guard, as on main)", () => {
    expect(decided("need these prices asap:\n4 boxes nitrile gloves L\n6 rolls bin bags 110L\n- Tom", EN)).not.toBe("order")
  })
})
