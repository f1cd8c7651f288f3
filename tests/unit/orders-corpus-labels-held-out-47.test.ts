import { expect, it } from "vitest"

import { after, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The forty-fourth held-out part (issue #11; h47-* in tuned/ since tune46m, held-out-47/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — cleaning, facility and home services: a cleaning team leader between two sites on an
 * iPhone, an industrial laundry's PDF, a pest-control depot before the rounds, a removal firm forwarding and correcting
 * its crew's carton list, the known Perpignan locksmith sending to a residence he works in, a plumber dictating, a
 * home-help association's branch and not its head office, a cleaning contractor's site-coded table (week 50), a
 * facility firm's windows-1252 CSV, a building caretaker's lodge, the known haulier's removals branch, a contractor
 * adding to its own order, a Geneva property manager's concierge, a facility firm's HTML-only table before the offices
 * open; a Bristol home-cleaning firm, a Glasgow FM company's PDF, an Auckland mover dictating ("Thursday week"), a
 * Chicago janitorial contractor's UTF-8 CSV, a Salford plumber's vans, a Cardiff home-care branch, a Sydney cleaner's
 * dawn delivery, the known Manchester haulier's new cross-dock, a Dublin contracts manager forwarding a supervisor's
 * list, a Toronto condo superintendent's table, a locksmith's one line, a Denver pest firm, a Singapore FM adding to
 * its PO, a Bath holiday-let housekeeper's laundry unit — and twelve look-alikes. Checked here without the extractor.
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h47-01": { words: "il me faut pour jeudi (from a Monday at 06:42)", day: next(THU) },
  "h47-02": { words: "Date de livraison : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h47-03": { words: "pour vendredi (from a Wednesday evening)", day: next(FRI) },
  "h47-05": { words: "livraison pour lundi (the forward's, from a Thursday)", day: next(MON) },
  "h47-06": { words: "Pour mardi si possible (from a Thursday)", day: next(TUE) },
  "h47-07": { words: "a livrer demain (dictated on a Tuesday evening)", day: after(1) },
  "h47-09": { words: "au plus tard le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h47-10": { words: "Livraison semaine 50, le mardi de préférence (ISO week 50 of 2026)", day: isoWeek(50, TUE) },
  "h47-12": { words: "Date livraison;07/12/2026 (in the CSV, day first)", day: on("2026-12-07", MON) },
  "h47-13": { words: "apres-demain (from a Wednesday)", day: after(2) },
  "h47-15": { words: "sous huitaine (from a Tuesday: eight days on)", day: after(8) },
  "h47-16": { words: "Livraison vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h47-18": { words: "pour le mardi 1er décembre", day: on("2026-12-01", TUE) },
  "h47-20": { words: "Livraison | lundi 14 décembre, avant 7 h 30 (a table cell)", day: on("2026-12-14", MON) },
  "h47-21": { words: "for thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h47-22": { words: "Delivery Date: 10/12/2026 (in the PDF, British, day first)", day: on("2026-12-10", THU) },
  "h47-24": { words: "for Thursday week (dictated on a Monday: next week's Thursday)", day: nextWeeks(THU) },
  "h47-25": { words: "Requested Delivery,12/09/2026 (in the CSV, US, month first: Order Date,12/01/2026)", day: on("2026-12-09", WED) },
  "h47-26": { words: "By Friday 4th please", day: on("2026-12-04", FRI) },
  "h47-28": { words: "by close of play Wednesday (from a Monday)", day: next(WED) },
  "h47-29": { words: "Delivery Monday 30th November before 6am", day: on("2026-11-30", MON) },
  "h47-31": { words: "next Tuesday (from a Thursday)", day: next(TUE) },
  "h47-32": { words: "for Friday (the quoted list's, from a Monday; the forward a Tuesday: the same Friday)", day: next(FRI) },
  "h47-34": { words: "by Wednesday December 9", day: on("2026-12-09", WED) },
  "h47-35": { words: "tomorrow (from a Thursday)", day: after(1) },
  "h47-37": { words: "by Wednesday 9 December", day: on("2026-12-09", WED) },
  "h47-39": { words: "Delivery: Tuesday 8 December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h47-40": { words: "Friday 11 December at the latest", day: on("2026-12-11", FRI) }
}

const NOT_ORDERS = [4, 8, 11, 14, 17, 19, 23, 27, 30, 33, 36, 38]

/** The quantities spelled out by the dictating writers (07, 24). */
const SPELLED: Readonly<Record<string, number>> = { deux: 2, trois: 3, four: 4, twenty: 20, forty: 40, sixty: 60 }

/** A quantity the mail says: its digits (not those of a measure such as "5 L", "3 m", "500 ml") or its word. */
function says(text: string, quantity: number): boolean {
  if (new RegExp(`(?<!\\d|\\d[.,])${quantity}(?!\\d|[.,]\\d|\\s?(?:L|l|m|ml|cl|kg|litre|litres|gsm|W)\\b)`).test(text)) return true
  return Object.entries(SPELLED).some(([word, n]) => n === quantity && new RegExp(`\\b${word}\\b`, "i").test(text))
}

/**
 * The quantities the label test would not otherwise see moved: a forwarder's correction of the list it passes on
 * (the new number, not the list's) and a reply's added line, each read from the mail's own words.
 */
const SAID_AGAIN: SaidAgain = {
  "h47-05": { ref: "CART-60", words: /Je passe les grands cartons à (\d+) au lieu de \d+/ },
  "h47-32": { ref: "SAC-110", words: /Make the bin bags (\d+) rolls not \d+/ },
  "h47-16": { ref: "DET-5L", words: /J'ajoute (\d+) bidons de détergent/ },
  "h47-39": { ref: "ESS-300", words: /add (\d+) cartons of hand towels to PO/ }
}

/** A count in a row: digits that are neither part of a code (GN-4411, S-0415) nor a measure (110 L, 50L), or a spelled one. */
const COUNT = new RegExp(`(?<!\\d[.,])(?<![\\d.A-Za-z-])\\d+(?!\\d|[.,]\\d|\\s?(?:L|l|m|ml|cl|kg|litre|litres|gsm|W)\\b)|\\b(?:${Object.keys(SPELLED).join("|")})\\b`, "gi")

/**
 * The sized goods a reader can swap (gloves S, M, L; bags 50 L and 110 L; big and small boxes): each ref's words, and
 * the words of its rivals that must not stand beside the same count.
 */
const SIZES: ReadonlyArray<{ refs: string[]; cues: RegExp[] }> = [
  { refs: ["GN-4409", "GN-4410", "GN-4411"], cues: [/taille S|gloves S\b|\bsmall\b|GN-4409/i, /taille M|gants M\b|gloves M\b|\bmedium\b|GN-4410/i, /taille L|gants (?:nitrile )?L\b|gloves L\b|\blarge\b|GN-4411/i] },
  { refs: ["SAC-050", "SAC-110"], cues: [/\b50 ?(?:L|litre)\b|SAC-050/i, /\b110 ?(?:L|litres?)\b|SAC-110/i] },
  { refs: ["CART-40", "CART-60"], cues: [/40 ?x ?30|petits|small|simple|CART-40/i, /60 ?x ?40|grands|\bbig\b|double|CART-60/i] }
]

/** The words said with a count: from it to the next count in its row, else from the count before it (a table's cells). */
function saidWith(row: string, quantity: number): string[] {
  const counts = [...row.matchAll(COUNT)]
  return counts.flatMap((c, i) => {
    const n = /^\d+$/.test(c[0]) ? Number(c[0]) : SPELLED[c[0].toLowerCase()]
    if (n !== quantity) return []
    const after = row.slice(c.index! + c[0].length, counts[i + 1]?.index ?? row.length)
    const before = row.slice(i > 0 ? counts[i - 1]!.index! + counts[i - 1]![0].length : 0, c.index)
    return [after, before]
  })
}

describeHeldOutSet(
  { title: "the forty-fourth held-out part (h47-* in tuned/), written blind: cleaning, facility and home services", name: "h47", folder: "tuned", prefix: "h47-", source: "tuned-h47.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 112,
    attachments: { pdf: ["h47-02-blanchisserie-ouest-pdf", "h47-22-clydeside-fm-pdf"], csv1252: ["h47-12-multiservices-atlantique-csv"], csvUtf8: ["h47-25-janitorial-chicago-csv"] },
    headers: { bulk: [11], autoSubmitted: [17, 33] },
    knownCustomers: [[6, "C-00120"], [15, "C-00102"], [31, "C-00202"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a case postale, a billing, Invoice To, Bill To, head or registered office, a mailing address or a buyer's usual address for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Case postale|Factur|Invoice|Bill To|Accounts|siège|Registered office|mailing|cours Lafayette|rue des Remparts|Jean-Jaurès|Trafford Park|Milsom Street|Newport Road/i
      },
      numbered: 21,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a contract, site code, job, delivery note, invoice, RMA, tender, cancelled order's, certification, approval or provider number",
        pattern: /^(FA-|DN |BL |DPB-|EMC\/ITT|RMA|GCC-FM|2025-PV|S-04|4471$|CB-13|SAP|1-10293847|Condominium)/
      },
      companyNumbers: ["412 908 117 00034", "FR 27 412908117", "808 114 552 00021", "512348790", "512 348 790 00018", "443 120 876 00052", "521 334 908 00045", "CHE-114.882.301", "SC412233", "GB 512 7734 90", "583921", "08812345", "GB 219 4410 73", "62 601 234 558", "84-3310927", "201412345K", "11223344", "GB 334 1187 22", "2214"]
    },
    saidAgain: SAID_AGAIN,
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("gives every line a quantity its mail, PDF or CSV says, in digits or in words, never a measure's number", () => {
      for (const m of mails) for (const l of m.expected.lines) expect(says(madeFrom.get(m.name)!, l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
    })

    it("takes each sized line's count with its own size said beside it, never a rival size's count (gloves, bags, boxes)", () => {
      for (const m of mails) {
        for (const l of m.expected.lines) {
          const sized = SIZES.find((s) => s.refs.includes(l.ref))
          if (!sized || SAID_AGAIN[m.name.slice(0, 6)]?.ref === l.ref) continue
          const own = sized.cues[sized.refs.indexOf(l.ref)]!
          const rivals = sized.cues.filter((c) => c !== own)
          const words = sourceLines.get(m.name)!.flatMap((row) => saidWith(row, l.quantity)).filter((w) => own.test(w))
          expect(words.some((w) => !rivals.some((r) => r.test(w))), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
        }
      }
    })

    it("takes the dictated plumber's corrected line as the detergent he meant, not the washing-up liquid he first said", () => {
      const refs = mails.find((m) => m.name.startsWith("h47-07"))!.expected.lines.map((l) => l.ref)
      expect(refs).toContain("DET-5L")
      expect(refs).not.toContain("LV-5L")
    })

    // The notes said beside a place (a door code, a buzzer, a gate, who holds the keys, the hours) are not the place.
    it("takes each place of delivery without the preposition that leads into it, nor the access note said beside it", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')/i)
        expect(m.expected.delivery_address, m.name).not.toMatch(/code porte|badge|sonner|buzz|quai 3|Gate 2|shutter|key safe|fob|ring |\(|\bon ouvre|\d h\b|\d ?am\b|dock is|security|ask for|holds the keys|collect|appelez|local vélos|je suis la/i)
      }
    })
  }
)
