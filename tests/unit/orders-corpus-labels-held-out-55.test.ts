import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { after, DAY, expectAttachments, expectBulkAndAutomatic, expectKnownCustomers, expectLookAlikesSayNoGoods, expectSetShape, FRI, itChecksDeliveryDays, itChecksLabelRuns, itChecksSaidAgain, MON, next, nextWeeks, on, readLabelledMails, readMadeFrom, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The fifty-fifth held-out part (issue #11, held-out-55/): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — fabric, fashion and the stage's back rooms: a couture house's workroom, an opera's and
 * theatres' costume workshops, dry cleaners, an industrial laundry (PDF), a fashion show's dressing rooms, an alteration
 * shop, a hotel's linen room, a uniform maker's .csv, a film set's wardrobe dictated, a scenery workshop, a Geneva
 * theatre's sewing rooms, costume hire in Montréal, London, Sydney; a UK laundry's PDF, a drapery workroom, a uniform
 * maker's UTF-8 .csv, a Singapore costume atelier, a Dublin film wardrobe, and their look-alikes. Checked here without
 * the extractor.
 */
const mails = readLabelledMails("held-out-55")
const madeFrom = readMadeFrom("held-out-55.txt")

/** Each mail's lines as its source writes them (body with quotes unmarked, then its PDF's or CSV's rows), one per line. */
const sourceLines: ReadonlyMap<string, readonly string[]> = new Map(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "orders", "sources", "held-out-55.txt"), "utf8")
    .split(/^=== /m)
    .filter((b) => b.trim() !== "")
    .map((block) => {
      const [head, ...body] = block.split(/^---$/m)
      const rows = head!.split("\n").filter((l) => /^(pdf|csv):/.test(l)).map((l) => l.replace(/^(pdf|csv):\s?/, ""))
      return [head!.split("\n")[0]!.trim(), [...body.join("---").split("\n").map((l) => l.replace(/^>\s?/, "")), ...rows]] as const
    })
)

/** "Monday week": the Monday after the coming one. */
const mondayWeek = (sent: number) => next(MON)(sent) + 7 * DAY

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h55-01": { words: "Pour vendredi svp (from a Monday at dawn)", day: next(FRI) },
  "h55-02": { words: "Livraison le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h55-03": { words: "pour demain si possible (from a Tuesday evening)", day: after(1) },
  "h55-05": { words: "Date de livraison : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h55-06": { words: "Livraison le mercredi 2 décembre (the forwarded list)", day: on("2026-12-02", WED) },
  "h55-07": { words: "pour jeudi c'est possible ? (from a Wednesday evening)", day: next(THU) },
  "h55-09": { words: "pour lundi si possible (from a Thursday)", day: next(MON) },
  "h55-10": { words: "livraison le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h55-12": { words: "Date livraison;08/12/2026 (in the CSV, day first)", day: on("2026-12-08", TUE) },
  "h55-13": { words: "pour mercredi (dictated on a Monday)", day: next(WED) },
  "h55-14": { words: "Livraison vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h55-16": { words: "pour la fin de la semaine prochaine (from a Friday: the Friday of next week)", day: nextWeeks(FRI) },
  "h55-17": { words: "d'ici mardi (from a Wednesday)", day: next(TUE) },
  "h55-18": { words: "pour le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h55-20": { words: "Pour lundi si c'est possible (from a Friday afternoon at −0500)", day: next(MON) },
  "h55-21": { words: "need these by Thursday (from a Monday)", day: next(THU) },
  "h55-22": { words: "Delivery Wednesday 9 December", day: on("2026-12-09", WED) },
  "h55-24": { words: "Delivery Date: 08/12/2026 (in the PDF, British, day first)", day: on("2026-12-08", TUE) },
  "h55-25": { words: "by Friday please (from a Tuesday)", day: next(FRI) },
  "h55-27": { words: "Need by: 12/08/2026 (American, month first)", day: on("2026-12-08", TUE) },
  "h55-28": { words: "for tomorrow (from a Thursday evening)", day: after(1) },
  "h55-29": { words: "for Monday, 7 December 2026", day: on("2026-12-07", MON) },
  "h55-32": { words: "by Thursday, December 10", day: on("2026-12-10", THU) },
  "h55-34": { words: "Delivery Date,03/12/2026 (in the CSV, \"Dates are UK format\")", day: on("2026-12-03", THU) },
  "h55-35": { words: "Tuesday 8 December please (the quoted request: \"Rest as Jo wrote\")", day: on("2026-12-08", TUE) },
  "h55-37": { words: "Please deliver by Friday 4 Dec", day: on("2026-12-04", FRI) },
  "h55-39": { words: "Monday week is fine (from a Thursday)", day: mondayWeek }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  4: /Ceci n'est pas une commande, merci de ne rien nous envoyer/,
  8: /Je suis en tournée avec la troupe jusqu'au vendredi 11 décembre/,
  11: /Merci de nous faire un avoir, pas besoin de les renvoyer/,
  15: /merci d'annuler notre commande GL-26-208/,
  19: /Il ne s'agit pas d'une nouvelle commande/,
  23: /not an order: please don't ship anything yet/,
  26: /This is not a new order, please don't send it twice/,
  30: /I am out of the office until Monday 14 December/,
  33: /Unsubscribe from this newsletter/,
  36: /Please just credit us for the three, no replacement needed/,
  38: /Nothing else for now/,
  40: /Please cancel our order FU-1193/
}

/** A forwarder's changed count, a reply's added line and an approver's change, by the mail's own words. */
const SAID_AGAIN = {
  "h55-06": { ref: "EAU-50", words: /Mettez l'eau à (\d+) packs au lieu de \d+/ },
  "h55-14": { ref: "CAP-100", words: /J'ajoute (\d+) boîtes de capsules/ },
  "h55-35": { ref: "MSQ-200", words: /make the masks (\d+) boxes not \d+/ }
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { douze: 12, quatre: 4, six: 6 }

/** The words this part's mails write for each product they order, in French or English. */
const GOODS: Readonly<Record<string, RegExp>> = {
  "REF-1001": /^(?!.*recycl).*\bA4\b/i,
  "PAP-A3": /\bA3\b/,
  "REF-1006": /coffee beans|café en grains/i,
  "REF-1014": /ruban adh[ée]sif|packing tape/i,
  "REF-1015": /[ée]tiquettes|labels/i,
  "POST-76": /notes repositionnables|sticky notes/i,
  "STY-BL": /stylos (?:bille )?bleus|blue pens/i,
  "STY-NR": /stylos (?:bille )?noirs|black pens/i,
  "SURL-J": /surligneurs|highlighters/i,
  "CART-40": /40x30x30/,
  "CART-60": /60x40x40/,
  "FILM-500": /film/i,
  "PIL-AA": /piles|batteries/i,
  "LED-E27": /\bLED\b/,
  "RAL-3M": /rallonges?|extension leads?/i,
  "ESS-300": /essuie-mains|hand towels/i,
  "SAV-1L": /savon|soap/i,
  "DET-5L": /d[ée]tergent|multi-surface cleaner/i,
  "SAC-050": /\b50 ?L\b/i,
  "SAC-110": /\b110 ?L\b/i,
  "GN-4409": /gants|gloves/i,
  "GN-4410": /gants|gloves/i,
  "GN-4411": /gants|gloves/i,
  "MSQ-200": /masques|masks/i,
  "CAP-100": /capsules/i,
  "CAF-250": /café moulu/i,
  "GOB-20": /gobelets|cups/i,
  "EAU-50": /\beau\b|water/i
}

/** A row's counts, once sizes, formats, references and dates are taken out ("60x40x40", "5L", "50 cl", "3 m", "E27", "GN-4410", "09/12/2026"). */
const countsOf = (row: string) => {
  const bare = row
    .replace(/\b[A-Z]+-\d+\b|\b[A-Z]+-[A-Z]+-\d+\b|\b\d+x\d+x\d+\b|\bE27\b|\bA[34]\b|\d{2}\/\d{2}\/\d{4}/g, " ")
    .replace(/\b\d+(?:[.,]\d+)? ?(?:L|litres?|cl|g|mm|m)\b/gi, " ")
  return new Set([...bare.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(bare.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
}

/**
 * What leads a place in: a colon, the preposition or the CSV's "Livrer à;"/"Deliver To," cell, each maybe closing the
 * line before, or a blank line (the place a paragraph of its own). Not any line's or cell's start: the PDF's and CSV's
 * street follows the firm's name line or cell, and a place begun there would drop the name the mail writes before it.
 */
// No "m" flag: "$" is the end of the text before the place, never the end of an earlier line of it.
const PLACE_LEAD = /(?:\n[ \t]*\n|(?::|(?<!\p{L})(?:à|aux|to|at)[;,]?)[ \t]*\n?[ \t]*)$/iu

describe("the fifty-fifth held-out part, written blind after the extractor", () => {
  it("holds 40 mails, 20 French (01–20) and 20 English (21–40), 12 of them not orders, its 28 orders 93 lines long", () => {
    expectSetShape(mails, { french: 20, lookAlikes: Object.keys(NOT_ORDERS).map(Number), lines: 93 })
  })

  it("labels as look-alikes only mails whose own words ask for no goods", () => {
    expectLookAlikesSayNoGoods(mails, madeFrom, NOT_ORDERS)
  })

  it("attaches two laundries' PDF orders, a uniform maker's windows-1252 .csv and another's UTF-8 one", () => {
    expectAttachments(mails, { pdf: ["h55-05-blanchisserie-pdf", "h55-24-laundry-pdf"], csv1252: ["h55-12-uniformes-csv"], csvUtf8: ["h55-34-uniform-maker-csv"] })
  })

  it("marks the supplier's newsletter as bulk, the two out-of-office replies as automatic, and none of the orders", () => {
    expectBulkAndAutomatic(mails, { bulk: [33], autoSubmitted: [8, 30] })
  })

  it("names a known customer exactly for the three orders sent from a customer's address", () => {
    expectKnownCustomers(mails, [[9, "C-00110"], [25, "C-00204"], [32, "C-00206"]])
  })

  itChecksLabelRuns(mails, {
    madeFrom,
    places: 25,
    notPlaces: {
      title: "never takes a BP, PO Box, case postale, C.P., CS/Cedex, billing or Bill To line, nor the head office, hotel, street or showroom the mail rules out, for the place of delivery",
      pattern: /\bBP \d|P\.?O\.? Box|case postale|C\.P\.|Cedex|\bCS \d|Factur|Invoice|Bill to|Montaigne|Albigny|Castle Street|Fifth Avenue|Place d'Armes|Genève 11/i
    },
    numbered: 19,
    notNumbers: {
      title: "takes the buyer's order number as a run of its mail, never a contract, supplier, purchase-request, legal-commitment, production, requisition, cost-centre, invoice, cancelled or chased order's number",
      pattern: /^(2025-MAPA|40871|DA-|30917|2600731|NLP-|REQ-|55031|CC-|FA-|GL-|RW-|FU-)/
    },
    companyNumbers: ["779 412 006 00024", "03317226", "201733418K"],
    lookAlikesNameNoCustomer: true
  })

  it("takes each order number from beside the words the buyer leads it in with (commande, bon, réf., PO, Order)", () => {
    for (const m of mails.filter((x) => x.expected.po_number !== null)) {
      const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(commande|bon|PO|Order)[^\\n]{0,25}(?<![\\w/-])${n}(?![\\w/-])`, "i"))
    }
  })

  it("reads each line's count in a row of its mail, PDF or CSV beside its own product's words, sizes and formats apart", () => {
    for (const m of mails) {
      for (const l of m.expected.lines) {
        const near = sourceLines.get(m.name)!.filter((r) => GOODS[l.ref]?.test(r) === true && countsOf(r).has(l.quantity))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("reads each line's count in the same clause as its own product, where one sentence lists several (the dictated and lowercase ones)", () => {
    for (const m of mails) {
      for (const l of m.expected.lines) {
        const clauses = sourceLines.get(m.name)!.flatMap((r) => (/[\t|;]|,\S/.test(r) ? [r] : r.split(/,\s+|\s+and\s+|\s+et\s+|\s+(?=(?:douze|quatre|six)\b)/)))
        const near = clauses.filter((c) => GOODS[l.ref]?.test(c) === true && countsOf(c).has(l.quantity))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("lists each reference once in an order", () => {
    for (const m of mails) expect(new Set(m.expected.lines.map((l) => l.ref)).size, m.name).toBe(m.expected.lines.length)
  })

  it("gives each sized glove line the size its mail writes beside that count", () => {
    const size: Readonly<Record<string, RegExp>> = { "GN-4409": /\b(?:S|small)\b/i, "GN-4410": /\b(?:M|medium)\b/i, "GN-4411": /\b(?:L|large)\b/i }
    for (const m of mails) {
      for (const l of m.expected.lines.filter((x) => x.ref.startsWith("GN-"))) {
        const near = sourceLines.get(m.name)!.filter((r) => /gants|gloves/i.test(r) && countsOf(r).has(l.quantity) && size[l.ref]!.test(r.replace(/\b\d+ ?(?:L|m)\b|\bGN-\d+\b/gi, "")))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("counts the film set's dictated spelled numbers beside their own products", () => {
    expect(madeFrom.get("h55-13-tournage-dictee")).toMatch(/douze boîtes de gants taille M quatre packs d'eau et six rallonges/)
    expect(mails.find((m) => m.name.startsWith("h55-13"))!.expected.lines.map((l) => [l.ref, l.quantity])).toEqual([["GN-4410", 12], ["EAU-50", 4], ["RAL-3M", 6]])
  })

  itChecksSaidAgain(mails, madeFrom, SAID_AGAIN)

  it("begins each place where its mail leads it in (a colon, the preposition, the delivery cell, a paragraph of its own), its firm's name kept", () => {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
      const text = sourceLines.get(m.name)!.join("\n")
      const run = new RegExp(m.expected.delivery_address!.split(", ").map(escape).join("(?:, ?|;|\\s*\\|\\s*|\\n)"), "g")
      const led = [...text.matchAll(run)].some(({ index }) => {
        const before = text.slice(0, index)
        return before === "" || PLACE_LEAD.test(before)
      })
      expect(led, m.name).toBe(true)
    }
  })

  it("leaves out of each place the note beside it (stairs, gate hours, stage door, loading bay, where not to go)", () => {
    const note = /\b(?:ouvert|open|escalier|portail|stage door|loading|bay|montage|not|pas|non|sign)\b|\d{1,2} ?h\b|[()]/i
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(note)
  })

  it("takes each place without the preposition leading into it, down to its postcode and town as its mail ends it", () => {
    const postcode = /(?:\b\d{5} [\p{L}' -]+|\b\d{4} [\p{L}' -]+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\b[A-Z]\d[A-Z] \d[A-Z]\d|\b[A-Z]{2} \d{5}|\b[A-Z]\d{2} [A-Z\d]{4}|\b\d{6}|\b\d{4})$/u
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
      expect(m.expected.delivery_address, m.name).not.toMatch(/^(?:to|at|au|aux|à|chez|ship to|deliver to|livrer à|the|our|le|la|les)\s/i)
      expect(m.expected.delivery_address, m.name).toMatch(postcode)
    }
  })

  it("leaves the pressing's \"au magasin comme d'habitude\", the hire firm's \"chez nous\" and the wardrobe's \"as usual\" without a place, and \"No rush\" without a day", () => {
    const placeless: Readonly<Record<string, RegExp>> = { "h55-03": /au magasin comme d'habitude/, "h55-18": /chez nous comme d'habitude/, "h55-21": /To the wardrobe as usual/ }
    for (const [prefix, words] of Object.entries(placeless)) {
      const m = mails.find((x) => x.name.startsWith(prefix))!
      expect(madeFrom.get(m.name)).toMatch(words)
      expect(m.expected.delivery_address, m.name).toBeNull()
    }
    const hire = mails.find((m) => m.name.startsWith("h55-31"))!
    expect(madeFrom.get(hire.name)).toMatch(/No rush, whenever suits next week/)
    expect(hire.expected.delivery_date).toBeNull()
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
