import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The days, the order acts and the figures of held-out 40's and 41's kinds of miss (tune40), each rule tried on five
 * phrasings or more of the tuner's own, French and English (none from a corpus mail), in mails of Friday 27 November
 * 2026 (the tune37 kit).
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|madame)/i.test(text) ? {} : EN)
/** A sender no customer file knows (a known customer's list is an order by itself). */
const UNKNOWN: Partial<OrderMail> = { from: { address: "chef.salle@vigie-securite.fr", name: "Chef de salle" }, subject: "Consommables" }
const lines = (text: string): string[] => extract(text, en(text)).lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`)

describe("a need said for a day, whatever day the event the goods are for is named with", () => {
  it("takes the day the goods are needed for, not the event's", () => {
    const cases: [string, string][] = [
      ["Bonjour,\n\nPour la kermesse de samedi il nous faudrait pour jeudi :\n10 sachets de gobelets carton\n6 packs d'eau plate\n\nMerci", "2026-12-03"],
      ["Bonjour,\n\nPour le repas des anciens de dimanche, il me faudrait pour vendredi 4 paquets de café moulu et 2 bidons de liquide vaisselle.\n\nMerci", "2026-12-04"],
      ["Hi,\n\nFor the carol service on Sunday we'd need these by Thursday:\n20 bags of paper cups\n6 packs of still water\n\nThanks", "2026-12-03"],
      ["Hi,\n\nOur open day is Saturday so we will need them for Wednesday please.\n20 bags of paper cups\n6 packs of still water\n\nThanks", "2026-12-02"],
      ["Bonjour,\n\nPour le loto de dimanche, il nous faudra pour mardi 8 sachets de gobelets et 3 packs d'eau.\n\nMerci\nJosiane", "2026-12-01"]
    ]
    for (const [text, day] of cases) expect(extract(text, en(text)).delivery_date).toBe(day)
  })

  it("still takes the event's day when the need names no other (guards, pass on main too)", () => {
    expect(extract("Hi,\n\nWe need these for the party on Saturday:\n20 bags of paper cups\n6 packs of still water\n\nThanks", EN).delivery_date).toBe("2026-11-28")
    expect(extract("Bonjour,\n\nIl nous faudrait pour la fête de samedi :\n10 sachets de gobelets carton\n6 packs d'eau plate\n\nMerci").delivery_date).toBe("2026-11-28")
  })
})

describe("« est-ce qu'on pourrait avoir … », « pourrions-nous avoir … »: goods asked to be had", () => {
  it("proposes the order without asking the agent", () => {
    const cases = [
      "Bonjour,\n\nJe suis responsable de la loge ce mois-ci et nous n'avons plus de café depuis hier soir. Est-ce qu'on pourrait avoir pour lundi :\n\n- 4 boîtes de capsules espresso\n- 6 packs d'eau plate\n\nMerci\nKévin",
      "Bonjour,\n\nNos bénévoles reprennent la permanence samedi et les placards sont vides. Pourrions-nous avoir ce qui suit :\n\n- 10 sachets de gobelets 20 cl\n- 2 bidons de détergent 5 L\n\nCordialement\nNadia",
      "Bonjour,\n\nLe poste de garde a tout épuisé pendant le week-end. Est-ce que nous pourrions avoir pour mardi :\n\n- 3 cartons d'essuie-mains\n- 2 colis de papier toilette\n\nBonne journée\nPaul",
      "Bonjour,\n\nL'équipe de nuit a fini les piles des radios. On pourrait avoir ceci rapidement :\n\n- 3 lots de piles AA\n- 6 packs d'eau plate\n\nMerci\nLéa",
      "Bonjour,\n\nLe chantier redémarre lundi et il ne reste rien au local. Pourrait-on avoir les articles suivants dans la semaine :\n\n- 8 ampoules LED E27\n- 2 rallonges 3 m\n\nMerci\nYann"
    ]
    for (const text of cases) expect(extract(text, UNKNOWN).order_decision).toBe("order")
  })

  it("still proposes nothing for a price asked so (a guard, passes on main too)", () => {
    expect(extract("Bonjour,\n\nPourrions-nous avoir vos tarifs 2027 pour les gants nitrile et les sacs 110 L ?\n\nCordialement\nNadia", UNKNOWN).order_decision).toBe("not-order")
  })
})

describe("figures in an order's text that count nothing: an hour, a year of founding, a code before a note", () => {
  it("takes no line for « à 2 h du matin », « 12 h 15 », \"open 9-1\", \"since 1924\", \"Christchurch 8041 (…)\"", () => {
    const cases: [string, string[]][] = [
      ["Bonjour,\n\nOn a fini les dernières capsules à 2 h du matin, merci de nous livrer pour demain :\n- 4 boîtes de capsules espresso\n- 6 packs d'eau plate\n\nKévin", ["CAP-100|4|boîte", "EAU-50|6|pack"]],
      ["Bonjour,\n\nMerci de nous livrer jeudi matin (nous déjeunons à 12 h 15) :\n- 20 paquets de café moulu\n- 2 colis de papier toilette\n\nFrère Paul", ["CAF-250|20|paquet", "PH-096|2|colis"]],
      ["Hi,\n\nPlease send 10 packets of ground coffee and 8 packs of still water.\nDelivery on Tuesday please, to the parish hall, 9 Rata Street, Riccarton, Christchurch 8041 (the office is open 9-1 weekdays).\n\nThanks\nHelen", ["CAF-250|10|paquet", "EAU-50|8|pack"]],
      ["Hi,\n\nPlease send:\n10 boxes nitrile gloves, large\n6 rolls 110 L trash bags\n\nKathleen Byrne\nOffice Manager | Byrne & Sons | Family owned since 1924", ["GN-4411|10|boîte", "SAC-110|6|rouleau"]],
      ["Bonjour,\n\nMerci de nous livrer 4 bidons de détergent 5 L et 2 cartons d'essuie-mains.\n\nJean Roux\nBoucherie Roux, maison fondée en 1952", ["DET-5L|4|bidon", "ESS-300|2|carton"]]
    ]
    for (const [text, want] of cases) expect(lines(text).sort()).toEqual([...want].sort())
  })

  it("still counts goods written after an hour's word of their own (a guard, passes on main too)", () => {
    expect(lines("Bonjour,\n\nMerci de nous livrer à 8 h : 12 paquets de café moulu.\n\nMerci")).toEqual(["CAF-250|12|paquet"])
  })
})
