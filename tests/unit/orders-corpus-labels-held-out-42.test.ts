import { expect, it } from "vitest"

import { after, DAY, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former forty-second held-out part (issue #11; h42-* in tuned/ since tune42, held-out-42/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — health and care: a Toulouse GP surgery's secretary on an iPhone, a hospital's
 * central stores PDF (a commitment number and a FINESS beside its order number), the known Rennes pharmacy between two
 * customers, a dental practice's price request, a nursing home's bursar forwarding and correcting the nurse's list,
 * the known EHPAD's new dementia unit ("sous huitaine"), a vet dictating, a laboratory's invoice query, a laboratory's
 * table, a physiotherapist's "semaine 50", a medical distributor's newsletter, a hospital's technical services'
 * windows-1252 CSV, a home-care association dictating, a cancellation, a Guadeloupe pharmacy, a dental practice adding
 * to its order, a complaint, a Liège nursing home ("septante"), an out-of-office, a Réunion medical centre; a Leeds
 * practice manager on an iPhone, an NHS trust's PDF, a health board's tender, the known London dental practice's new
 * surgery ("a week on Monday"), a Chicago clinic's UTF-8 CSV, a Melbourne clinic, a vet's credit-note query, an
 * Auckland vet, a Perth care home dictating ("Thursday week"), a dental lab's chaser, a Cork hospital pharmacy, a
 * Toronto physio forwarding its front desk's list, an NHS buyer's out-of-office, a Cardiff pharmacy, a Singapore
 * clinic, a Calgary vet hospital's account enquiry, a Boston dental group, a care home's thanks, a Bristol hospital's
 * estates adding to its PO, a Vancouver home-care society. Checked here without the extractor (the bench runs it,
 * blind, aggregates only).
 */

const SAT = 6
/** "A week on Monday" (British): the Monday after the coming one. */
const aWeekOn = (weekday: number) => (sent: number) => next(weekday)(sent) + 7 * DAY

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h42-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h42-02": { words: "Date de livraison : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h42-03": { words: "pour samedi matin (from a Thursday)", day: next(SAT) },
  "h42-05": { words: "pour lundi (the forwarded list's, from a Tuesday; the forward a Wednesday: the same Monday)", day: next(MON) },
  "h42-06": { words: "livraison sous huitaine (from a Thursday: eight days on)", day: after(8) },
  "h42-07": { words: "pour demain (dictated on a Tuesday evening)", day: after(1) },
  "h42-09": { words: "Merci de nous livrer le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h42-10": { words: "semaine 50, le mercredi de préférence (ISO week 50 of 2026)", day: isoWeek(50, WED) },
  "h42-12": { words: "Date livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h42-13": { words: "pour après-demain (dictated on a Wednesday)", day: after(2) },
  "h42-15": { words: "Pour mercredi prochain (from a Thursday, at -0400)", day: next(WED) },
  "h42-16": { words: "Livraison vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h42-18": { words: "pour le jeudi 10/12 (Belgian, no year: day first, this December)", day: on("2026-12-10", THU) },
  "h42-20": { words: "d'ici la fin de la semaine prochaine (from a Friday: next week's Friday)", day: nextWeeks(FRI) },
  "h42-21": { words: "for wednesday (from a Monday, on an iPhone)", day: next(WED) },
  "h42-22": { words: "Delivery Date: 08/12/2026 (in the PDF, British, day first)", day: on("2026-12-08", TUE) },
  "h42-24": { words: "opens a week on Monday … for that morning (from a Wednesday: the Monday after the coming one)", day: aWeekOn(MON) },
  "h42-25": { words: "Ship Date,12/08/2026 (in the CSV, US, month first: Order Date,11/30/2026)", day: on("2026-12-08", TUE) },
  "h42-26": { words: "for Thursday 10th December", day: on("2026-12-10", THU) },
  "h42-28": { words: "Please deliver on Tuesday 8 Dec", day: on("2026-12-08", TUE) },
  "h42-29": { words: "for Thursday week (dictated on a Monday: next week's Thursday)", day: nextWeeks(THU) },
  "h42-31": { words: "Required by Friday 4th December", day: on("2026-12-04", FRI) },
  "h42-32": { words: "for Friday (the forwarded list's, from a Tuesday; the forward a Wednesday: the same Friday)", day: next(FRI) },
  "h42-34": { words: "for Saturday (from a Wednesday)", day: next(SAT) },
  "h42-35": { words: "Delivery: 11 December 2026", day: on("2026-12-11", FRI) },
  "h42-37": { words: "requested delivery 12/07/2026 (US, month first)", day: on("2026-12-07", MON) },
  "h42-39": { words: "please deliver Wednesday 9th December (the quoted first mail: \"same delivery\")", day: on("2026-12-09", WED) },
  "h42-40": { words: "by Thursday 10th at the latest", day: on("2026-12-10", THU) }
}

const NOT_ORDERS = [4, 8, 11, 14, 17, 19, 23, 27, 30, 33, 36, 38]

/**
 * The quantities the label test would not otherwise see moved: a forwarder's correction of the list it passes on
 * (the new number, not the list's) and a reply's added line, each read from the mail's own words.
 */
const SAID_AGAIN: SaidAgain = {
  "h42-05": { ref: "PH-096", words: /mettre (\d+) colis de papier toilette au lieu de \d+/ },
  "h42-32": { ref: "REF-1008", words: /Make the sanitiser (\d+) not \d+/ },
  "h42-16": { ref: "MSQ-200", words: /J'ajoute (\d+) boîtes de masques/ },
  "h42-39": { ref: "PIL-AA", words: /add (\d+) packs of AA batteries to PO/ }
}

/** The numbers the dictating and Belgian writers spell out, as their mails write them. */
const SPELLED: Readonly<Record<string, number>> = {
  un: 1, deux: 2, trois: 3, cinq: 5, huit: 8, dix: 10, douze: 12, vingt: 20, "vingt-quatre": 24, septante: 70,
  two: 2, three: 3, four: 4, ten: 10, twelve: 12
}
const valueOf = (said: string) => (/^\d+$/.test(said) ? Number(said) : SPELLED[said.toLowerCase()])

/**
 * Every line of the three dictated mails and of the Liège nursing home's, each read again from the words before its
 * goods (in figures or spelled: "septante boîtes", "vingt-quatre flacons", "four cases of toilet roll").
 */
const SAID_IN_WORDS: Readonly<Record<string, ReadonlyArray<{ ref: string; words: RegExp }>>> = {
  "h42-07": [
    { ref: "ESS-300", words: /(\S+) cartons d'essuie-mains/ },
    { ref: "SAC-050", words: /(\S+) rouleaux de sacs poubelle cinquante litres/ },
    { ref: "GN-4409", words: /(\S+) boîtes de gants taille S/ },
    { ref: "DET-5L", words: /(\S+) bidon de détergent/ }
  ],
  "h42-13": [
    { ref: "GN-4410", words: /(\S+) boîtes de gants taille M/ },
    { ref: "GN-4411", words: /(\S+) boîtes de gants taille L/ },
    { ref: "MSQ-200", words: /(\S+) boîtes de masques/ },
    { ref: "REF-1008", words: /(\S+) flacons de gel/ },
    { ref: "SAC-050", words: /(\S+) rouleaux de sacs poubelle de cinquante litres/ }
  ],
  "h42-18": [
    { ref: "PH-096", words: /(\S+) colis de papier WC/ },
    { ref: "ESS-300", words: /(\S+) cartons d'essuie-mains/ },
    { ref: "SAV-1L", words: /(\S+) flacons de savon/ },
    { ref: "LV-5L", words: /(\S+) bidons de liquide vaisselle/ },
    { ref: "GN-4410", words: /(\S+) boîtes de gants nitrile M/ }
  ],
  "h42-29": [
    { ref: "PH-096", words: /(\S+) cases of toilet roll/ },
    { ref: "ESS-300", words: /(\S+) cartons of hand towels/ },
    { ref: "SAC-110", words: /(\S+) rolls of the big bin bags/ },
    { ref: "LV-5L", words: /(\S+) five litre washing up liquid/ },
    { ref: "CAF-250", words: /(\S+) packets of ground coffee/ }
  ]
}

/** How this part's mails, PDFs and CSVs name each glove size ("taille M", "T.M", "nitrile gloves M", "medium"). */
const GLOVE_SIZES: Readonly<Record<string, RegExp>> = {
  "GN-4409": /(?:taille|size|T\.|gants|nitrile|gloves)\s?S\b|\bsmall\b/i,
  "GN-4410": /(?:taille|size|T\.|gants|nitrile|gloves)\s?M\b|\bmedium\b/i,
  "GN-4411": /(?:taille|size|T\.|gants|nitrile|gloves)\s?L\b|\blarge\b/i
}

describeHeldOutSet(
  { title: "the forty-second held-out part, written blind after the extractor", name: "h42", folder: "tuned", prefix: "h42-", source: "tuned-h42.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 123,
    attachments: { pdf: ["h42-02-centre-hospitalier-saintonge-pdf", "h42-22-leeds-teaching-hospitals-pdf"], csv1252: ["h42-12-hopital-sarlat-services-techniques-csv"], csvUtf8: ["h42-25-lakeview-family-medicine-csv"] },
    headers: { bulk: [11], autoSubmitted: [19, 33] },
    knownCustomers: [[3, "C-00106"], [6, "C-00119"], [24, "C-00210"]],
    runs: {
      places: 28,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a billing, postal or invoice address, a head office or a known customer's usual street for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Facturation|Factures|Invoice|Bill To|Billing|Accounts Payable|Head Office|Siège|Postal|Courrier|officine|place de l'Église|21 chemin des Vergers|Harley Street/i
      },
      lookAlikesNameNoCustomer: true,
      numbered: 14,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a commitment or requisition number, an invoice's, a cancelled, chased, credited, quoted or tendered order's number, nor a delivery note's",
        pattern: /^(ENG-26|26-00931|REQ-|FA-2026|BLR-0922|MSP-0388|BL-556120|CN-20418|PV-7702|7731|HVHB-ITT|Q-26-5512)/
      },
      companyNumbers: [
        "834 221 907 00015", "10003456789", "10004567890", "261 700 043 00018", "170780043", "512 334 118 00021", "10100234567", "781 622 450 00034", "160003456",
        "502 118 334 00017", "23456", "443 109 876 00045", "570012345", "398 765 432 00029", "10005678901", "336012345", "812 345 678", "778 123 654 00012",
        "421 987 321 00016", "10006789012", "BE 0456.789.123", "MR 62.063.123", "490 776 543 00028", "B86012", "RR8", "GB 654 9457 14", "112233",
        "1457389021", "36-4412987", "51 824 119 337", "2456781B", "07123456", "GB 998 1234 56", "9429041234567", "112-334-556", "CS2003012345",
        "0123", "IE 6388047V", "81234 5678 RT0001", "2054321", "1034567", "201912345K", "M90398765K", "HCI-2019-0451", "1396812345", "S0067890"
      ]
    },
    saidAgain: SAID_AGAIN,
    // As held-out 37's "mail room at …", 39's "large animal store …" and 41's: "à la reserve 3 rue …" gives "reserve 3 rue …".
    placeLead: /^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')/i,
    delivery: DELIVERY
  },
  ({ mails, madeFrom }) => {
    it("counts the dictated mails' and the Liège nursing home's lines by the numbers they say, spelled or not (septante is 70)", () => {
      for (const [prefix, said] of Object.entries(SAID_IN_WORDS)) {
        const m = mails.find((x) => x.name.startsWith(prefix))!
        const text = madeFrom.get(m.name)!
        expect(m.expected.lines.map((l) => l.ref).sort(), m.name).toEqual(said.map((s) => s.ref).sort())
        for (const { ref, words } of said) {
          const spoken = words.exec(text)![1]!
          expect(valueOf(spoken), `${m.name} ${ref}: ${spoken}`).toBeDefined()
          expect(m.expected.lines.find((l) => l.ref === ref)?.quantity, `${m.name} ${ref}`).toBe(valueOf(spoken))
        }
      }
    })

    // A guard against a slip of the keyboard (40 typed 400, seventy read 7); a quantity swapped for another of the mail's passes it.
    it("labels no quantity its mail does not write, in figures or in words", () => {
      for (const m of mails.filter((x) => x.expected.is_order)) {
        const text = madeFrom.get(m.name)!
        const written = new Set([...text.matchAll(/(?<![\w.,/-])\d+(?![\w.,/-]\d)/g)].map((x) => Number(x[0])))
        for (const [word, n] of Object.entries(SPELLED)) if (new RegExp(`(?<![\\w-])${word}(?![\\w-])`, "i").test(text)) written.add(n)
        for (const l of m.expected.lines) expect(written.has(l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
      }
    })

    it("takes only the glove sizes a mail names, and the recycled paper only where it says recycled", () => {
      for (const m of mails.filter((x) => x.expected.is_order)) {
        const text = madeFrom.get(m.name)!
        for (const l of m.expected.lines.filter((x) => x.ref in GLOVE_SIZES)) expect(text, `${m.name} ${l.ref}`).toMatch(GLOVE_SIZES[l.ref]!)
        expect(m.expected.lines.some((l) => l.ref === "PAP-A4R"), m.name).toBe(/recycl/i.test(text))
      }
    })
  }
)
