import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 46's orders asked about for want of an order act (tune46), each act tried on phrasings of the tuner's own,
 * French and English (none from a corpus mail); the guards say what must stay asked or turned away.
 */
const fr = (text: string, over: Parameters<typeof extract>[1] = {}): ReturnType<typeof extract> => extract(text, over)
const en = (text: string): ReturnType<typeof extract> => extract(text, EN)

describe("goods and their day in one sentence after a greeting", () => {
  it("takes « Salut, 2 … pour demain svp » and 'Hi, 6 … before Saturday' as an order", () => {
    const cases = [
      fr("Salut, 2 cartouches HP 305 noires pour demain svp, comme d'hab. Merci"),
      fr("Bonjour, 4 boîtes de gants nitrile taille M pour jeudi. Merci, Paul"),
      en("Hi, 6 rolls of packing tape before Saturday, cheers. Dan"),
      en("Hey, 3 boxes of espresso pods for Monday, ta. Jo"),
      fr("Coucou, 10 ramettes A4 pour lundi si tu peux. Léa")
    ]
    expect(cases.map((r) => r.order_decision)).toEqual(["order", "order", "order", "order", "order"])
  })

  it("still asks when the day comes with a question about the price (a guard, passes on main too)", () => {
    expect(fr("Bonjour, 4 boîtes de gants nitrile taille M pour jeudi, c'est quel prix ? Merci").order_decision).not.toBe("order")
  })
})

describe("the day wanted, then 'pls'", () => {
  it("takes 'for Thursday pls:' over a list as the order's act, as 'for Thursday please'", () => {
    const cases = [
      en("hey, for Thursday pls:\n3 boxes espresso pods\n4 bags of paper cups\nty!\nMia"),
      en("hi, by Monday pls\n6 packs still water\n2 boxes nitrile gloves M\nSam"),
      en("Morning, on Friday pls:\n10 rolls packing tape\n4 packs AA batteries\nthx Ben"),
      en("hiya, tomorrow pls\n2 cases toilet roll\n1 washing-up liquid 5L\nJo"),
      en("for the 14th plz:\n5 boxes black pens\n2 rolls shipping labels\nKate")
    ]
    expect(cases.map((r) => r.order_decision)).toEqual(["order", "order", "order", "order", "order"])
  })
})

describe("an order exported from a purchasing system", () => {
  it("takes « Ci-joint l'export de notre demande d'achat validée … » with its attachment as an order", () => {
    const over = (ref: string): Parameters<typeof extract>[1] => ({ subject: "Export achats", attachments: csv(ref) })
    const csv = (ref: string): { filename: string; text: string }[] => [{ filename: `${ref}.csv`, text: `N° commande | ${ref}\nDate livraison souhaitée | 10/12/2026\nRéf | Désignation | Qté | Unité\nREF-1002 | Toner noir TN-2420 | 6 | PCE\nREF-1001 | Ramette A4 | 10 | PCE` }]
    const cases = [
      fr("Bonjour,\n\nCi-joint l'export de notre demande d'achat validée DA-LYS-26-0101 (Sage).\n\nCordialement,\nService achats", over("DA-LYS-26-0101")),
      fr("Bonjour,\n\nVoici l'extraction de notre commande CMD-ERP-2291 depuis notre ERP.\n\nCordialement", over("CMD-ERP-2291")),
      fr("Bonjour,\n\nVeuillez trouver ci-joint l'extrait de notre commande du jour, export Divalto.\n\nMerci", over("BC-NTE-7781")),
      fr("Bonjour,\n\nCi-joint un export de notre demande d'achat validée (réf. AP-NCY-4471).\n\nBien à vous", over("AP-NCY-4471")),
      fr("Bonjour,\n\nVous trouverez ci-joint l'export de la demande d'achat validée DA-LYO-IT-88.\n\nCordialement", over("DA-LYO-IT-88"))
    ]
    expect(cases.map((r) => r.order_decision)).toEqual(["order", "order", "order", "order", "order"])
  })

  it("does not take a requisition still to be approved for an order act (a guard)", () => {
    const r = fr("Bonjour,\n\nCi-joint notre demande d'achat, en attente de validation par la direction. Pouvez-vous nous faire un devis ?\n\nMerci", { attachments: [{ filename: "da.csv", text: "Référence | Quantité\nREF-1002 | 6" }] })
    expect(r.order_decision).not.toBe("order")
  })
})
