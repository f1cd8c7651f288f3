import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { DAY, expectAttachments, expectBulkAndAutomatic, expectKnownCustomers, expectLookAlikesSayNoGoods, expectSetShape, FRI, itChecksDeliveryDays, itChecksLabelRuns, itChecksSaidAgain, MON, next, nextWeeks, on, after, readLabelledMails, readMadeFrom, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"

/**
 * The fifty-fourth held-out part (issue #11, held-out-54/): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — aviation, airports and defence sites: an aero club's treasurer, an MRO hangar's
 * parts store, a ground handler's forwarded crew-room list, a flight school's price request and its added line, an
 * air base's general store (Chorus commitment beside the order), an airline caterer's ERP PDF, an airport fire
 * service's evening note, a known haulier's air-freight dock, an altiport heliport's HTML table, a screening
 * checkpoint's dictated order, a state aircraft workshop's windows-1252 .csv, a helicopter regiment's squadron store;
 * a known customer's airport operations room and air-freight shed, a Heathrow flight kitchen's table, a flight
 * academy's approver, an Arizona FBO, a Sydney rescue heliport, an aero-engineering stores PDF, an RAF station's supply
 * squadron, Shannon's fire station, Changi's ramp office, a GSE workshop's UTF-8 .csv, a Toronto flight centre, a
 * Bengaluru ground handler, a New Zealand aero club, and their look-alikes. Checked here without the extractor.
 */
const mails = readLabelledMails("held-out-54")
const madeFrom = readMadeFrom("held-out-54.txt")

/** Each mail's lines as its source writes them (body with quotes unmarked, then its PDF's or CSV's rows), one per line. */
const sourceLines: ReadonlyMap<string, readonly string[]> = new Map(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "orders", "sources", "held-out-54.txt"), "utf8")
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
  "h54-01": { words: "pour vendredi (from a Monday evening)", day: next(FRI) },
  "h54-02": { words: "Livraison impérative le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h54-03": { words: "pour le lundi 7 décembre (the forwarded list)", day: on("2026-12-07", MON) },
  "h54-05": { words: "Livraison semaine prochaine, mardi de préférence (from a Wednesday)", day: nextWeeks(TUE) },
  "h54-06": { words: "Date de livraison : 04/12/2026 (in the PDF, day first)", day: on("2026-12-04", FRI) },
  "h54-08": { words: "Pour demain matin si possible (from a Thursday evening)", day: after(1) },
  "h54-09": { words: "Pourriez-vous nous livrer pour mardi (from a Wednesday)", day: next(TUE) },
  "h54-10": { words: "Livraison le mercredi 2 décembre", day: on("2026-12-02", WED) },
  "h54-12": { words: "pour lundi (dictated on a Thursday)", day: next(MON) },
  "h54-15": { words: "Livraison vendredi 4 décembre (the quoted first mail: \"Même livraison\")", day: on("2026-12-04", FRI) },
  "h54-16": { words: "Date livraison;08/12/2026 (in the CSV, day first)", day: on("2026-12-08", TUE) },
  "h54-18": { words: "Livraison avant le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h54-19": { words: "pour lundi si c'est possible (from a Friday)", day: next(MON) },
  "h54-20": { words: "d'ici mercredi (from a Friday)", day: next(WED) },
  "h54-21": { words: "by Thursday please (from a Monday)", day: next(THU) },
  "h54-22": { words: "Delivery on Wednesday next week (from a Tuesday)", day: nextWeeks(WED) },
  "h54-23": { words: "Delivery: Monday 7 December", day: on("2026-12-07", MON) },
  "h54-25": { words: "Deliver Thursday 10 December (the quoted request: \"Everything else as Sam wrote\")", day: on("2026-12-10", THU) },
  "h54-26": { words: "Need by 12/08/2026 (American, month first)", day: on("2026-12-08", TUE) },
  "h54-28": { words: "by Friday (from a Tuesday at +1100)", day: next(FRI) },
  "h54-29": { words: "Delivery Date: 09/12/2026 (in the PDF, British, day first)", day: on("2026-12-09", WED) },
  "h54-30": { words: "Required no later than Friday 4 December", day: on("2026-12-04", FRI) },
  "h54-32": { words: "Monday week is fine (from a Thursday)", day: mondayWeek },
  "h54-35": { words: "Delivery on 8 Dec (Tue)", day: on("2026-12-08", TUE) },
  "h54-36": { words: "07/12/2026 (in the CSV, \"Dates are UK format\")", day: on("2026-12-07", MON) },
  "h54-39": { words: "latest by Wednesday, 9th December", day: on("2026-12-09", WED) },
  "h54-40": { words: "by Monday (from a Friday at +1300)", day: next(MON) }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  4: /Ce n'est pas une commande, merci de ne rien nous envoyer/,
  7: /Je suis absente jusqu'au mercredi 9 décembre/,
  11: /Merci de nous faire un avoir pour ces 15 cartons ; inutile de les remplacer/,
  13: /Ce n'est pas une nouvelle commande, merci de ne pas l'envoyer deux fois/,
  14: /Merci d'annuler notre commande ACV-1124/,
  17: /Se désinscrire/,
  24: /This is a quote request, not an order, so please don't ship anything yet/,
  27: /This is not a new order/,
  31: /I am out of the office until Monday 7 December/,
  33: /This is a forecast only and not an order/,
  34: /Nothing else needed for now/,
  37: /Please cancel our order BG-0917/
}

/** A forwarder's changed count, a reply's added line and an approver's change, by the mail's own words. */
const SAID_AGAIN = {
  "h54-03": { ref: "EAU-50", words: /mettez l'eau à (\d+) packs au lieu de \d+/ },
  "h54-15": { ref: "SURL-J", words: /Je rajoute (\d+) lots de surligneurs/ },
  "h54-25": { ref: "PAP-A3", words: /make the A3 paper (\d+) reams not \d+/ }
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { douze: 12, six: 6, quatre: 4 }

/** The words this part's mails write for each product they order, in French or English (accents often dropped). */
const GOODS: Readonly<Record<string, RegExp>> = {
  // Recycled A4 is PAP-A4R: the plain reams' words never carry "recycl".
  "REF-1001": /^(?!.*recycl).*\bA4\b/i,
  "PAP-A3": /\bA3\b/,
  "PAP-A4R": /recycl/i,
  "REF-1002": /toner/i,
  "REF-1003": /classeurs?|lever arch/i,
  "REF-1006": /caf[ée] en grains|coffee beans/i,
  "REF-1008": /gel hydroalcoolique|sanitiser/i,
  "REF-1011": /enveloppes C4|C4 envelopes/i,
  "REF-1014": /ruban adhésif|packing tape/i,
  "REF-1015": /[ée]tiquettes|labels/i,
  "POST-76": /notes repositionnables|sticky notes/i,
  "STY-BL": /stylos bille bleus|blue (?:ballpoint )?pens/i,
  "STY-NR": /stylos bille noirs|black pens/i,
  "SURL-J": /surligneurs|highlighters/i,
  "CART-60": /60x40x40/,
  "FILM-500": /film/i,
  "PIL-AA": /piles|batteries/i,
  "LED-E27": /\bLED\b/,
  "RAL-3M": /rallonges?|extension lead/i,
  "PH-096": /papier toilette|toilet tissue/i,
  "ESS-300": /essuie-mains|hand towels/i,
  "SAV-1L": /savon|soap/i,
  "DET-5L": /d[ée]tergent|multi-surface cleaner/i,
  "LV-5L": /liquide vaisselle|washing-up liquid/i,
  "SAC-050": /\b50 ?L\b/i,
  "SAC-110": /\b110 ?(?:L|litres?)\b/i,
  "GN-4409": /gants|gloves/i,
  "GN-4410": /gants|gloves/i,
  "GN-4411": /gants|gloves/i,
  "MSQ-200": /masques|masks/i,
  "CAP-100": /capsules|pods/i,
  "CAF-250": /caf[ée] moulu|ground coffee/i,
  "GOB-20": /gobelets|cups/i,
  "EAU-50": /\beau\b|water/i
}

/** A row's counts, once its line number, references, sizes and packs are taken out ("110 litres", "5L", "20 cl", "boîte de 100", "rolls of 110L", "60x40x40"). */
const countsOf = (row: string) => {
  const unnumbered = row.replace(/^\d+(?: ?[|;,]|\.) ?/, " ").replace(/\b[A-Z]+-\d+\b|\(\d[\d ,]*\)|\bcarton \d+ paquets\b|\bTN-?\d+\b/g, " ")
  const bare = unnumbered.replace(/\b\d+x\d+x\d+\b|\b(?:lot|colis|boîtes?|box|case|packs?|sachet|bag|cartons?|paquets?|rolls?|rouleaux?) (?:de|of) \d+|\b\d+(?:[.,]\d+)? ?(?:L|litres?|cl|ml|g|mm|m|W)\b/gi, " ")
  return new Set([...bare.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(bare.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
}

/** What a place may follow inside a line: a cell's or field's start, a colon, the preposition the sentence leads in with — not a comma. */
const PLACE_LEAD = /(?:[:;\t|] ?|\b(?:à|au|aux|to|at|the|chez) )$/

describe("the fifty-fourth held-out part, written blind after the extractor", () => {
  it("holds 40 mails, 20 French (01–20) and 20 English (21–40), 12 of them not orders, its 28 orders 104 lines long", () => {
    expectSetShape(mails, { french: 20, lookAlikes: Object.keys(NOT_ORDERS).map(Number), lines: 104 })
  })

  it("labels as look-alikes only mails whose own words ask for no goods", () => {
    expectLookAlikesSayNoGoods(mails, madeFrom, NOT_ORDERS)
  })

  it("attaches an airline caterer's and an aero-engineering firm's PDF orders, a state workshop's windows-1252 .csv and a GSE workshop's UTF-8 one", () => {
    expectAttachments(mails, { pdf: ["h54-06-catering-aerien-pdf", "h54-29-aero-engineering-stores-pdf"], csv1252: ["h54-16-aia-magasin-csv"], csvUtf8: ["h54-36-gse-workshop-csv"] })
  })

  it("marks the supplier's newsletter as bulk, the two out-of-office replies as automatic, and none of the orders", () => {
    expectBulkAndAutomatic(mails, { bulk: [17], autoSubmitted: [7, 31] })
  })

  it("names a known customer exactly for the three orders sent from a customer's address", () => {
    expectKnownCustomers(mails, [[9, "C-00102"], [21, "C-00209"], [22, "C-00202"]])
  })

  itChecksLabelRuns(mails, {
    madeFrom,
    places: 25,
    notPlaces: {
      title: "never takes a BP, PO Box, GPO Box, CS/Cedex, Chorus, billing, Invoice To, Bill To or registered-office line, nor a known customer's usual address, for the place of delivery",
      pattern: /\bBP \d|P\.?O\.? Box|GPO|Cedex|\bCS \d|Armées|Factur|Invoice|Bill to|siège|Registered Office|Jean-Jaurès|Canal Street|Trafford|promenade des Anglais|MG Road/i
    },
    numbered: 20,
    notNumbers: {
      title: "takes the buyer's order number as a run of its mail, never a supplier code, legal commitment, purchase request, cost centre, requisition, demand, invoice, cancelled, chased or dispatched order's number",
      pattern: /^(40218|4500128812|DA-26|70215|CC-4410|REQ-3321|20981|D-118|INV-|BA705|ACV-|BG-|AS-5521|FR\.)/
    },
    companyNumbers: ["512 804 227 00031", "FR.145.0871", "FR.ATO.0214", "200412345K", "29AAKCK4417M1Z9"],
    lookAlikesNameNoCustomer: true
  })

  it("takes each order number from beside the words the buyer leads it in with (commande, BC, réf., PO, Order)", () => {
    for (const m of mails.filter((x) => x.expected.po_number !== null)) {
      const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(commande|BC|PO|Order)[^\\n]{0,25}${n}`, "i"))
    }
  })

  it("takes each order number whole, never the head or tail of a longer one", () => {
    for (const m of mails.filter((x) => x.expected.po_number !== null)) {
      const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(?<![\\w/-])${n}(?![\\w/-])`))
    }
  })

  it("reads each line's count in a row of its mail, PDF or CSV beside its own product's words, sizes and packs apart", () => {
    for (const m of mails) {
      for (const l of m.expected.lines) {
        const near = sourceLines.get(m.name)!.filter((r) => GOODS[l.ref]?.test(r) === true && countsOf(r).has(l.quantity))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("reads each line's count in the same clause as its own product, where one sentence lists several (the checkpoint's dictated one, the flight centre's)", () => {
    for (const m of mails) {
      for (const l of m.expected.lines) {
        const clauses = sourceLines.get(m.name)!.flatMap((r) => (/[\t|;]|,\S/.test(r) ? [r] : r.split(/,\s+|\s+and\s+|\s+et\s+/)))
        const near = clauses.filter((c) => GOODS[l.ref]?.test(c) === true && countsOf(c).has(l.quantity))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("lists each reference once in an order", () => {
    for (const m of mails) expect(new Set(m.expected.lines.map((l) => l.ref)).size, m.name).toBe(m.expected.lines.length)
  })

  it("begins each place where its mail begins it (a line, cell or field's start, a colon, the preposition leading in), never past its name or street", () => {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
      const text = sourceLines.get(m.name)!.join("\n")
      const run = new RegExp(m.expected.delivery_address!.split(", ").map(escape).join("(?:, ?|;|\\s*\\|\\s*|\\n)"), "g")
      const led = [...text.matchAll(run)].some(({ index }) => {
        const before = text.slice(0, index)
        if (before !== "" && !before.endsWith("\n")) return PLACE_LEAD.test(before)
        const previous = before.slice(0, -1).split("\n").pop()!.trim()
        return previous === "" || /[.:!]$/.test(previous) || /^[^ ,]+(?: [^ ,]+)*(?:,[^ ,]+(?: [^ ,]+)*){2,}$/.test(previous)
      })
      expect(led, m.name).toBe(true)
    }
  })

  itChecksSaidAgain(mails, madeFrom, SAID_AGAIN)

  it("counts the checkpoint's dictated spelled numbers beside their own products", () => {
    const lines = mails.find((m) => m.name.startsWith("h54-12"))!.expected.lines.map((l) => [l.ref, l.quantity])
    expect(madeFrom.get("h54-12-surete-pif-dictee")).toMatch(/douze boites de gants taille M six boites de masques et quatre flacons de gel hydroalcoolique/)
    expect(lines).toEqual([["GN-4410", 12], ["MSQ-200", 6], ["REF-1008", 4]])
  })

  it("gives each sized glove line the size its mail writes beside that count, in the same line or row", () => {
    const size: Readonly<Record<string, RegExp>> = { "GN-4409": /\b(?:S|small)\b/i, "GN-4410": /\b(?:M|medium)\b/i, "GN-4411": /\b(?:L|large)\b/i }
    for (const m of mails) {
      for (const l of m.expected.lines.filter((x) => x.ref.startsWith("GN-"))) {
        const near = sourceLines.get(m.name)!.filter((r) => /gants|gloves/i.test(r) && countsOf(r).has(l.quantity) && size[l.ref]!.test(r.replace(/\b\d+ ?(?:L|litres?|m)\b|\bGN-\d+\b/gi, "")))
        expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
      }
    }
  })

  it("leaves out of each place the note beside it (hours, gate, badge, escort, guard post, where not to go)", () => {
    const note = /\b(?:ouvert|open|hours|heures|portail|gate|badge|garde|escort|call|appeler|sonner|dock|quai \d|parking|côté|not|pas|non|surtout|avant|before)\b|\d{1,2} ?h\b|\d{1,2}:\d{2}|[()]/i
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(note)
  })

  it("takes each place of delivery without the verb or preposition the sentence leads into it with (\"Deliver at\", \"A livrer au\")", () => {
    const lead = /^(?:(?:ship|deliver|delivery|send|(?:à |a )?livrer|livraison)\b[\s:]*)?(?:to|at|au|aux|à|a|chez)\s|^(?:ship|deliver|delivery|send|(?:à |a )?livrer|livraison)\b/i
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(lead)
  })

  it("takes each place down to its postcode (and town where the mail writes one), as its mail ends it", () => {
    const postcode = /(?:\b\d{5} [\p{L}' -]+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\b[A-Z]{2} \d{5}|\b[A-Z]\d{2} [A-Z\d]{4}|[A-Z]{2,3} \d{4}|\b\d{6})$/u
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).toMatch(postcode)
  })

  it("leaves the caterer's \"a l'adresse habituelle\", the flight centre's \"to dispatch as usual\" and the aero club's \"Same spot as last time\" without a place, and the flight centre's \"Whenever suits next week\" without a day", () => {
    for (const [prefix, words] of [["h54-20", /a l'adresse habituelle/], ["h54-38", /to dispatch as usual/], ["h54-40", /Same spot as last time/]] as const) {
      const m = mails.find((x) => x.name.startsWith(prefix))!
      expect(madeFrom.get(m.name), m.name).toMatch(words)
      expect(m.expected.delivery_address, m.name).toBeNull()
    }
    const centre = mails.find((m) => m.name.startsWith("h54-38"))!
    expect(madeFrom.get(centre.name)).toMatch(/Whenever suits next week/)
    expect(centre.expected.delivery_date).toBeNull()
  })

  it("keeps a known customer's order away from its customers.csv address (Jean-Jaurès, Canal Street, Trafford Park)", () => {
    const csv = readFileSync(join(import.meta.dirname, "..", "fixtures", "orders", "customers.csv"), "utf8")
    for (const m of mails.filter((x) => x.expected.customer_code !== null && x.expected.delivery_address !== null)) {
      const usual = csv.split("\n").find((r) => r.startsWith(`${m.expected.customer_code},`))!.split(",")[8]!
      expect(m.expected.delivery_address, m.name).not.toContain(usual)
    }
  })

  itChecksDeliveryDays(mails, DELIVERY)
})
