import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The decisions, lines and day of held-out 44's and 45's kinds of miss (tune44b), each rule tried on phrasings of the
 * tuner's own, French and English, other countries' ways of writing (none from a corpus mail), with look-alikes that must
 * stay as they were. The tune37 kit's mail builder reads them (a mail of Friday 27 November 2026).
 */
const en = (text: string): boolean => !/^(?:bonjour|salut|madame|merci|re-bonjour)/i.test(text)
const read = (text: string): ReturnType<typeof extract> => extract(text, en(text) ? EN : {})
const decided = (text: string): string | undefined => read(text).order_decision
const lines = (text: string): string[] => read(text).lines.map((l) => `${l.ref}|${l.quantity}`).sort()

describe("the usual address said in passing, with no article, inside the goods' sentence", () => {
  it("reads the goods and takes the order, as « à l'adresse habituelle » already was", () => {
    const cases: [string, string[]][] = [
      ["Bonjour, 10 cartons 60x40x40 pour mardi svp, même adresse que d'habitude. Merci. P. Girard", ["CART-60|10"]],
      ["Salut, 4 packs d'eau pour demain svp, même adresse que la dernière fois. Merci", ["EAU-50|4"]],
      ["Can you send 2 boxes of black pens and one box of blue tomorrow, usual address? Thanks", ["STY-BL|1", "STY-NR|2"]],
      ["Morning, 3 boxes of nitrile gloves M by Monday please, usual address. Cheers", ["GN-4410|3"]],
      ["Bonjour, 6 rouleaux de sacs poubelle 110 L pour lundi, adresse habituelle. Merci", ["SAC-110|6"]]
    ]
    expect(cases.map(([text]) => [decided(text), lines(text)])).toEqual(cases.map(([, l]) => ["order", l]))
  })

  it("still reads a change to an earlier order's delivery, « même adresse », as no order (a guard)", () => {
    expect(decided("Bonjour, pourriez-vous décaler la livraison de notre commande CB-2026-41 (dix ramettes de papier et deux cartouches) au jeudi 17 décembre, même adresse ? Merci de me confirmer.")).toBe("not-order")
  })
})

describe("a day counted a week on between the delivering word and the place", () => {
  it("cuts the goods' line before the place, as it does after « delivered Friday to »", () => {
    const cases: [string, string[]][] = [
      ["G'day, can we get two cartons of the Z-fold hand towels and eight packs of still water, delivered Thursday week to the yard at 18 Kembla Street Wollongong NSW 2500, cheers", ["EAU-50|8", "ESS-300|2"]],
      ["Hi, could we have 6 rolls of 110 L bin bags delivered Monday week to the depot at 4 Harbour Road, Napier 4110? Thanks", ["SAC-110|6"]],
      ["Hi, please can we get ten bottles of hand sanitiser 500 ml shipped Friday fortnight to the site office at 9 Quarry Lane, Buxton SK17 6DL. Thanks", ["REF-1008|10"]],
      ["Hello, 4 packs of still water delivered a week on Tuesday to the pavilion at 2 Oval Road, Hove BN3 7HT please", ["EAU-50|4"]],
      ["Hi, can you send 3 boxes of blue pens delivered tomorrow week to our annex at 12 King Street, Perth WA 6000. Cheers", ["STY-BL|3"]]
    ]
    expect(cases.map(([text]) => lines(text))).toEqual(cases.map(([, l]) => l))
  })
})

describe("goods the driver dropped, told in the past", () => {
  it("reads no line in them: a question about a delivery is no order", () => {
    const cases = [
      "Hi, your driver dropped 6 cartons at Dock 1 this morning on delivery note DN 4471, but the note carries no PO number. Can you tell us which purchase order this was for?",
      "Hello, the courier dropped off 4 boxes of nitrile gloves at reception yesterday and nobody here ordered them. Which account are they on?",
      "Bonjour, le livreur a déposé 6 cartons au quai ce matin sans bon de commande. Pouvez-vous nous dire à quelle commande cela correspond ?",
      "Bonjour, le chauffeur nous a déposé 10 ramettes de papier hier soir, nous ne les avons pas commandées. Que fait-on ?",
      "Hi, your van dropped 3 packs of still water at the wrong gate this morning, the note says DN 88120. Who ordered these?"
    ]
    expect(cases.map(decided)).toEqual(cases.map(() => "not-order"))
  })

  it("still reads goods asked to be dropped somewhere as an order (a guard)", () => {
    expect(lines("Please have 6 cartons 60x40x40 dropped off at Dock 1 tomorrow")).toEqual(["CART-60|6"])
    expect(lines("Can the driver drop 6 packs of still water at reception on Friday?")).toEqual(["EAU-50|6"])
  })
})

describe("a day or a place the goods must not come, said beside the order", () => {
  it("is when or where, not whether: the order is taken, not asked about", () => {
    const cases = [
      "Bonjour,\n\nNotre commande :\n4 packs d'eau\n2 boîtes de stylos noirs\nLivraison jeudi 3 décembre.\n\nMerci de ne pas livrer le mercredi, l'école est fermée.",
      "Bonjour,\n\nMerci de nous livrer 6 rouleaux de sacs poubelle 110 L pour vendredi. Attention, ne pas livrer le week-end, le site est fermé.",
      "Hello,\n\nPlease ship the following on our PO PR-2209:\n10 rolls 110 L trash bags\n4 cases Z-fold towels\n\nDelivery by Wednesday 9 December to Cedar Lodge, 12 Lake Rd, Evergreen CO 80439. Our mailing address is PO Box 18, Evergreen CO 80437 - please don't send freight there.",
      "Hi,\n\nPlease send 4 packs of still water and 2 boxes of paper cups for Thursday. Please don't deliver on Saturdays, the gates are locked.",
      "Hi,\n\nCould you send 3 boxes of nitrile gloves M by Tuesday? Don't deliver at weekends please, nobody is in."
    ]
    expect(cases.map(decided)).toEqual(cases.map(() => "order"))
  })

  it("still asks when the sending itself is held back (a guard)", () => {
    expect(decided("Hi,\n\nPlease send 4 packs of still water and 2 boxes of paper cups, but don't send them before we confirm the date.")).toBe("ask")
    expect(decided("Hi,\n\nPlease send 4 packs of still water and 2 boxes of paper cups. Hold off on the delivery for now, we will confirm.")).toBe("ask")
    expect(decided("Bonjour,\n\nMerci de livrer 6 rouleaux de sacs poubelle 110 L, mais ne pas livrer avant notre confirmation.")).toBe("ask")
  })
})

describe("a dictated order whose speaker says who he is, then the need in words beyond twelve", () => {
  it("takes the order, as it does for « ten » or « twelve »", () => {
    const cases = [
      "g'day it's Shane from the footy club we need fifteen packs of water for Friday cheers",
      "hi it's Gary from the docks job we need eleven rolls of the big bin bags for Monday ta",
      "hello it's Priya from the community hall we need thirty packs of paper cups for Saturday thanks",
      "morning it's Tom at the scout hut we need fourteen packs of still water by Thursday cheers",
      "hiya it's Jo from the netball club we need twenty boxes of nitrile gloves M for next week ta"
    ]
    expect(cases.map(decided)).toEqual(cases.map(() => "order"))
  })
})

describe("goods counted, the day they are wanted and the polite word, then more said", () => {
  it("takes the order, as it does when the polite word ends the sentence", () => {
    const cases = [
      "Bonjour, 10 cartons 60x40x40 pour vendredi svp, même adresse que d'habitude. Merci. D. Martin",
      "Hi, 6 rolls of 110 L bin bags for Friday please, same address as usual. Ta",
      "Bonjour, 4 packs d'eau pour demain svp, on est là dès 8 h. Merci",
      "Hi, 3 boxes of nitrile gloves M by Monday please, we open at 7. Cheers",
      "Bonjour, 2 boîtes de stylos noirs avant jeudi svp, c'est pour la rentrée des classes. Merci"
    ]
    expect(cases.map(decided)).toEqual(cases.map(() => "order"))
  })
})

describe("a weekday said after the week by its first day (w/c, week commencing, semaine du)", () => {
  const day = (text: string): string | null => read(text).delivery_date
  it("is that weekday of that week, not the next such weekday", () => {
    const cases: [string, string][] = [
      ["Hi, please send 10 rolls of 110 L bin bags, w/c 7th December, Tuesday ideally, to our plant.", "2026-12-08"],
      ["Hi, 10 rolls of 110 L bin bags please, week commencing the 14th - Wednesday if poss.", "2026-12-16"],
      ["Bonjour, 10 rouleaux de sacs poubelle 110 L. Livraison semaine du 7 décembre, idéalement le mardi.", "2026-12-08"],
      ["Hi, 10 rolls of 110 L bin bags please. WC 14/12, Thursday if possible.", "2026-12-17"],
      ["Hi, 10 rolls of 110 L bin bags please. Delivery week beginning Monday 14th December, Friday at the latest.", "2026-12-18"]
    ]
    expect(cases.map(([text]) => day(text))).toEqual(cases.map(([, d]) => d))
  })

  it("still reads the week's first day alone, and a weekday said before the week (guards)", () => {
    expect(day("Hi, please send 10 rolls of 110 L bin bags w/c 7th December.")).toBe("2026-12-07")
    expect(day("Hi, please send 10 rolls of 110 L bin bags on Tuesday, we are closed w/c 14th December.")).toBe("2026-12-01")
  })
})

describe("two sizes of a hundred or more either side of « x » after the goods' name", () => {
  it("are the goods' size in millimetres: the count is the one before the name", () => {
    const cases: [string, string[]][] = [
      ["Hello, please send:\n4 storage pallets 1200 x 800\nThanks", ["REF-1013|4"]],
      ["Hello, please send 6 storage pallets 1200 x 1000 for Friday. Thanks", ["REF-1013|6"]],
      ["Bonjour, 3 palettes de stockage 1200 x 800 pour jeudi svp", ["REF-1013|3"]],
      ["Hi, 2 storage pallets (1200 x 800 mm) please", ["REF-1013|2"]],
      ["Hello, please send:\n8 storage pallets 1000 x 1200\nThanks", ["REF-1013|8"]]
    ]
    expect(cases.map(([text]) => lines(text))).toEqual(cases.map(([, l]) => l))
  })

  it("still reads a count times a pack, or a measure after the second number, as before (guards)", () => {
    expect(lines("Hello, please send:\n4 x 5 L multi-surface cleaner\nThanks")).toEqual(["DET-5L|4"])
    expect(lines("Hello, please send:\n100 x 250 ml hand sanitiser\nThanks")).toEqual(["REF-1008|100"])
    expect(lines("Hello, please send:\n30 double-wall boxes 600 x 400 x 400\nThanks")).toEqual(["CART-60|30"])
  })
})
