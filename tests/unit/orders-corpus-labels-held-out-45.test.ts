import { expect, it } from "vitest"

import { after, FRI, MON, next, nextWeeks, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former forty-fifth held-out part (issue #11; h45-* in tuned/ since tune44b, held-out-45/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — childhood, schooling and youth: a Nantes crèche on an iPhone, the known Catholic
 * school's bursar sending to its caretaker's lodge, a collège's quote request, the known town's nursery-school canteen,
 * a lycée's intendance PDF, a leisure centre's animator dictating, a collège forwarding the ski-trip list and
 * correcting it, a CFA's invoice query, a youth hostel's table, a building CFA's windows-1252 CSV, a head teacher's
 * single line, a school-supplies newsletter, a parents' association volunteer, the known crèche adding to its order,
 * a holiday-camp cancellation, a Réunion youth football section, a gestionnaire's out-of-office, a student residence,
 * a primary school's HTML-only table, an agricultural lycée's complaint; a Bristol nursery on an iPhone, a learning
 * trust's invitation to tender, a primary school's business manager, an academy's PDF, a Scout quartermaster, a youth
 * hostel's credit-note query, a Welsh outdoor centre's warden dictating ("Thursday week"), a sixth-form college
 * forwarding the technician's list, a school district's price request, a head teacher's phone line, an Oregon
 * district's UTF-8 CSV, a Colorado youth camp, a Victoria grammar school's out-of-office, a London student residence,
 * a Dunedin kindergarten, a Toronto school's chaser, an apprentice training centre adding to its PO, a Perth junior
 * football club dictating, an outdoor school's thanks, a Scottish boarding school's bursary. Checked here without the
 * extractor (the bench runs it, blind, aggregates only).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h45-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h45-02": { words: "au plus tard le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h45-04": { words: "pour lundi matin (from a Wednesday)", day: next(MON) },
  "h45-05": { words: "Livraison souhaitée : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h45-06": { words: "pour apres-demain (dictated on a Monday: the children's Wednesday)", day: after(2) },
  "h45-07": { words: "pour mercredi (the forwarded list's, from a Thursday; the forward a Friday: the same Wednesday)", day: next(WED) },
  "h45-09": { words: "le mardi 8/12 au matin (no year: day first, this December)", day: on("2026-12-08", TUE) },
  "h45-10": { words: "Date livraison souhaitée;09/12/2026 (in the CSV, day first)", day: on("2026-12-09", WED) },
  "h45-11": { words: "demain matin (from a Thursday)", day: after(1) },
  "h45-13": { words: "au plus tard le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h45-14": { words: "le vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h45-16": { words: "vendredi soir (from a Tuesday in Réunion)", day: next(FRI) },
  "h45-18": { words: "d'ici la fin de la semaine prochaine (from a Monday: next week's Friday)", day: nextWeeks(FRI) },
  "h45-19": { words: "Livraison | jeudi 10 décembre (a table cell)", day: on("2026-12-10", THU) },
  "h45-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h45-23": { words: "Delivery on Thursday 10th December", day: on("2026-12-10", THU) },
  "h45-24": { words: "Delivery Date: 09/12/2026 (in the PDF, British, day first)", day: on("2026-12-09", WED) },
  "h45-25": { words: "by Friday 4th December at the latest", day: on("2026-12-04", FRI) },
  "h45-27": { words: "for Thursday week (dictated on a Tuesday: next week's Thursday)", day: nextWeeks(THU) },
  "h45-28": { words: "for Monday (the forwarded list's, from a Wednesday; the forward a Thursday: the same Monday)", day: next(MON) },
  "h45-30": { words: "tomorrow (from a Wednesday)", day: after(1) },
  "h45-31": { words: "Requested Delivery,12/08/2026 (in the CSV, US, month first: Order Date,11/30/2026)", day: on("2026-12-08", TUE) },
  "h45-32": { words: "delivered by Wednesday 9 December", day: on("2026-12-09", WED) },
  "h45-34": { words: "Delivery Thursday 10 December between 9 and 12", day: on("2026-12-10", THU) },
  "h45-37": { words: "Deliver Tuesday 8th December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h45-38": { words: "for Friday (dictated on a Monday evening in Perth)", day: next(FRI) },
  "h45-40": { words: "before the end of term, Friday 11 December at the latest", day: on("2026-12-11", FRI) }
}

const NOT_ORDERS = [3, 8, 12, 15, 17, 20, 22, 26, 29, 33, 36, 39]

/**
 * The quantities the label test would not otherwise see moved: a forwarder's correction of the list it passes on
 * (the new number, not the list's) and a reply's added line, each read from the mail's own words.
 */
const SAID_AGAIN: SaidAgain = {
  "h45-07": { ref: "PIL-AA", words: /Je passe les piles à (\d+) lots au lieu de \d+/ },
  "h45-28": { ref: "GN-4410", words: /Make the gloves (\d+) boxes not \d+/ },
  "h45-14": { ref: "GN-4409", words: /J'ajoute (\d+) boîtes de gants taille S/ },
  "h45-37": { ref: "REF-1014", words: /add (\d+) rolls of packing tape to PO/ }
}

/** The numbers the dictated and phone mails spell out, in the two languages of the part. */
const SPELLED: Readonly<Record<string, number>> = { one: 1, deux: 2, four: 4, cinq: 5, six: 6, dix: 10, twelve: 12, fifteen: 15, twenty: 20 }

/** Whether the mail says `quantity` as a number of its own (not inside a reference, a date or a measure like "5 L"). */
function says(text: string, quantity: number): boolean {
  const digits = new RegExp(`(?<![\\d.,/:-])${quantity}(?![\\d.,/:]\\d)(?!\\s?(?:L|cl|ml|m|mm|g|W|gsm|litres?)\\b)`)
  const words = Object.entries(SPELLED).filter(([, n]) => n === quantity).map(([w]) => new RegExp(`\\b${w}\\b(?! litre| metre)`, "i"))
  return digits.test(text) || words.some((w) => w.test(text))
}

/**
 * Each reference's own words in this part's mails, narrow enough to tell apart the sizes (gloves S, M, L), the papers
 * (A4, A4 recycled, A3), the pens' colours, the bin bags' litres and the two HP 305 cartridges: a line given its
 * neighbour's reference finds no words of its own near its quantity.
 */
const NAMED: Readonly<Record<string, RegExp>> = {
  "PH-096": /papier toilette|toilet (?:tissue|paper|roll)|loo roll/i,
  "ESS-300": /essuie|towels/i,
  "SAV-1L": /savon|hand soap/i,
  "GN-4409": /(?:gants|gloves)[^\n\d]{0,20}?(?:taille S\b|size small)/i,
  "GN-4410": /(?:gants|gloves)[^\n\d]{0,20}?(?:taille M\b|medium)|medium gloves/i,
  "GN-4411": /(?:gants|gloves)[^\n\d]{0,20}?(?:taille L\b|large)|large gloves/i,
  "REF-1001": /ramettes? A4(?! recycl)|A4 copier paper|reams A4/i,
  "PAP-A3": /ramettes? A3|A3 copier/i,
  "PAP-A4R": /A4 recycl/i,
  "STY-BL": /stylos? bille bleu|blue ballpoint|\bof blue\b/i,
  "STY-NR": /stylos? (?:bille )?noirs|black pens/i,
  "SURL-J": /surligneur/i,
  "POST-76": /repositionnable|sticky notes/i,
  "REF-1002": /toner/i,
  "LV-5L": /liquide vaisselle|dish soap|washing-up/i,
  "DET-5L": /détergent|multi-surface/i,
  "SAC-110": /(?:sacs?(?: poubelle)?|bin bags|bin liners|trash bags)[^\n\d]{0,4}110|110 ?L trash|big bin bags/i,
  "SAC-050": /sacs?(?: poubelle)?(?: de)? 50 ?(?:L|litres)\b|50 ?L bin bags/i,
  "EAU-50": /packs? d'eau|packs? of water|\bwater\b/i,
  "GOB-20": /gobelets|cups/i,
  "CAF-250": /café moulu|ground coffee|ground arabica/i,
  "LED-E27": /\bLED\b/,
  "RAL-3M": /rallonge|extension lead/i,
  "PIL-AA": /\bpiles\b|AA batter/i,
  "REF-1008": /gel hydro|sanitiser/i,
  "MSQ-200": /masks|masques/i,
  "ENC-305N": /305 noir/i,
  "ENC-305C": /305 couleur/i,
  "REF-1013": /storage pallet/i,
  "FILM-500": /stretch film/i,
  "CART-60": /double-wall/i,
  "REF-1014": /packing tape/i,
  "REF-1006": /coffee beans/i,
  "CAP-100": /espresso pods/i,
  "REF-1011": /envelopes/i
}

const COUNTS: Readonly<Record<string, number>> = { ...SPELLED, three: 3, trois: 3, quatre: 4, five: 5, ten: 10, huit: 8, eight: 8 }

/** The count said last before `end` on a line: digits or a spelled number, not a measure ("5 L", "20cl", "3m", "76x76", "E27"). */
function countBefore(line: string, end: number): number | undefined {
  const counts = [...line.slice(0, end).matchAll(/(?<![\w.,/-])(\d+)(?![\w.,/]*\d)(?!\s?(?:L|cl|ml|mm|m|g|gsm|W|litres?|metres?)\b)|\b([a-z]+)\b(?!\s(?:litre|metre))/gi)]
    .map((c) => (c[1] !== undefined ? Number(c[1]) : COUNTS[c[2]!.toLowerCase()]))
    .filter((n): n is number => n !== undefined)
  return counts[counts.length - 1]
}

/**
 * Whether one line of the mail gives `ref` this quantity: a table, PDF or CSV row holding its reference or its words
 * and the quantity as a cell of its own, or a sentence whose count said last before the product's words is it.
 */
function pairs(lines: readonly string[], ref: string, quantity: number): boolean {
  const named = NAMED[ref]!
  return lines.some((line) => {
    if (/[|;]/.test(line) || line.startsWith(`${ref},`)) {
      return (line.includes(ref) || named.test(line)) && line.split(/[|;,]/).some((cell) => cell.trim() === String(quantity))
    }
    return [...line.matchAll(new RegExp(named.source, "gi"))].some((hit) => countBefore(line, hit.index!) === quantity)
  })
}

describeHeldOutSet(
  { title: "the forty-fifth held-out part, written blind after the extractor", name: "h45", folder: "tuned", prefix: "h45-", source: "tuned-h45.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 119,
    attachments: { pdf: ["h45-05-lycee-jules-verne-pdf", "h45-24-hillbrook-academy-pdf"], csv1252: ["h45-10-cfa-btp-ain-csv"], csvUtf8: ["h45-31-lane-valley-district-csv"] },
    headers: { bulk: [12], autoSubmitted: [17, 33] },
    knownCustomers: [[2, "C-00112"], [4, "C-00113"], [14, "C-00118"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a billing, bursary, head or registered office, a town hall or a known school's front street for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Factur|Comptabilit|Agent comptable|Invoice|Bill To|Accounts|Bursary|registered office|Piccadilly|siège|Place de la Mairie|en mairie|rue du Général-de-Gaulle|Walkley Lane|main office|home address|boîte aux lettres/i
      },
      numbered: 17,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a budget line, cost centre, commitment, school (UAI, DfE, URN), invoice, delivery note, cancelled, chased, tendered or earlier order's number",
        pattern: /^(FA-|CFA-BR|SEJ-|TCS-|FYH-|INV-|NFLT-|LF-2026|88712|PREM-|E19|4410|606\d|2026\/1412|0720033X|0490812K|373\/3412|2539871)/
      },
      companyNumbers: ["786 442 190 00018", "197 200 331 00013", "305 118 427 00036", "779 301 556 00024", "82 01 00123 01", "442 871 305 00029", "812 447 903", "812 447 903 00041", "FR 27 812447903", "197 101 221 00019", "08123456", "07754321", "GB 112 4478 90", "523817", "84-1234567", "10234567", "GB 245 7781 03", "61 234 567 890", "SC012987"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    // A reply's added gloves (14's size S beside the first mail's M) must not take the place of the quoted line.
    refsOnce: true,
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("takes each line's quantity as a number its own mail, PDF or CSV says, in digits or spelled out", () => {
      for (const m of mails) for (const l of m.expected.lines) expect(says(madeFrom.get(m.name)!, l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
    })

    // A line's quantity must stand by its own product: a count its mail says for another line (32's toilet tissue at the
    // towels' 4, 38's cups at the water's fifteen) or a neighbouring reference (gloves M for L, A4 for recycled) fails.
    it("pairs each line's quantity with its own product's words or reference on one line of the mail, PDF or CSV", () => {
      for (const m of mails) {
        for (const l of m.expected.lines) {
          const changed = SAID_AGAIN[m.name.slice(0, 6)]?.ref === l.ref
          if (!changed) expect(pairs(sourceLines.get(m.name)!, l.ref, l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
        }
      }
    })

    // "to the stores shed behind …" gives "stores shed behind …"; the note after a place (a gate, a bell, the hours) stays out.
    it("takes each place of delivery without the preposition leading into it nor the note after it", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        expect(m.expected.delivery_address, m.name).not.toMatch(/^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')/i)
        expect(m.expected.delivery_address, m.name).not.toMatch(/portail|buzz|side gate|top gate|ouvre|\bh ?30\b|\d+ h\b|sign|réceptionne|between \d|appeler|driver|evenings/i)
      }
    })
  }
)
