import { describe, expect, it } from "vitest"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * Held-out 50's kind of place-word miss (tune50): one more kind of premises before "at" (a parts counter, a forecourt, a
 * bakery), and a guard: a count said in words beside a US house number. Phrasings of the tuner's own, French and English
 * (none from a corpus mail).
 */
const counts = (text: string, over = EN): string[] => extract(text, over).lines.map((l) => `${l.ref}|${l.quantity}|${l.unit}`).sort()

describe("the figures of an address are no count of the goods named before it", () => {
  it("reads the count said in words beside a US house number before 'Freeway', 'Pike', 'Plaza' (a guard, as on main)", () => {
    const cases: [string[], string[]][] = [
      [counts("Hi, it's Dwayne, need twelve boxes of the large gloves and three cases of the folded paper towels, deliver Monday to the body shop, 5200 East Freeway, Houston, TX 77020, thanks."), ["ESS-300|3|carton", "GN-4411|12|boîte"]],
      [counts("Hey, can you send twelve boxes of the large gloves and two cases of the folded paper towels, Friday to the garage, 1800 Lancaster Pike, Wilmington, DE 19805. Thanks"), ["ESS-300|2|carton", "GN-4411|12|boîte"]],
      [counts("Hi, please send twelve boxes of the large gloves and four cases of the folded paper towels, tomorrow to the store, 2100 Commerce Plaza, Reston, VA 20191, cheers."), ["ESS-300|4|carton", "GN-4411|12|boîte"]],
      [counts("Hello, we need twelve boxes of the large gloves and two cases of the folded paper towels, deliver to the yard, 3300 Gulf Expressway, Houston, TX 77017. Thanks, Ana"), ["ESS-300|2|carton", "GN-4411|12|boîte"]],
      [counts("Hi, twelve boxes of the large gloves and six cases of the folded paper towels please, to the lodge, 2450 Mountain Trail, Boulder, CO 80302. Thanks"), ["ESS-300|6|carton", "GN-4411|12|boîte"]]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })
})

describe("a counter or a forecourt before 'at' and the address's number: the address starts after 'at'", () => {
  it("reads the address from its number", () => {
    const cases: [string | null, string][] = [
      [extract("pls send 3 x washing-up liquid 5L and 2 cases toilet roll, for Friday, to the counter at 7 Mill Street, Neath SA11 1DL\nta\nRhian", EN).delivery_address, "7 Mill Street, Neath SA11 1DL"],
      [extract("Hi, 4 boxes of nitrile gloves L please, to the trade counter at 22 Station Road, Leeds LS1 4DT. Thanks\nMark", EN).delivery_address, "22 Station Road, Leeds LS1 4DT"],
      [extract("Hi, can you deliver 2 jugs of multi surface cleaner 5L to the forecourt at 150 King Street, Hamilton, ON L8N 1B1. Thanks, Dev", EN).delivery_address, "150 King Street, Hamilton, ON L8N 1B1"],
      [extract("Hello, 6 packs of still water please, to our bakery at 9 Church Lane, Bath BA2 4QT. Thanks\nLucy", EN).delivery_address, "9 Church Lane, Bath BA2 4QT"],
      [extract("Bonjour, merci de livrer 3 bidons de liquide vaisselle 5 L to the dairy at 41 Farm Road, Cork T12 W8P4 svp\nSeán", EN).delivery_address, "41 Farm Road, Cork T12 W8P4"]
    ]
    expect(cases.map(([got]) => got)).toEqual(cases.map(([, want]) => want))
  })

  it("keeps a spot named in more words before 'at' (a guard)", () => {
    expect(extract("hi its Tom need two packs of water and three boxes of large gloves delivered to the parts counter annex at 18 Kembla Street Wollongong NSW 2500 friday cheers", EN).delivery_address).toBe("parts counter annex at 18 Kembla Street Wollongong NSW 2500")
  })
})
