import { expect, it } from "vitest"

import { after, FRI, isoWeek, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The forty-sixth held-out part (issue #11), blind until tune46 read it: 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — the digital and creative trades: a Nantes web agency's office manager on an iPhone,
 * the known Orléans printer's ERP PDF, a Lyon design studio's quote request, a Ramonville IT services firm's ticketed
 * PO, a commercial shoot's location manager in Arles, a Rennes copy shop forwarding and correcting a list, a
 * Montpellier game studio's HTML table, an agency's invoice query, a Paris recording studio dictating, a Lille printing
 * house's pasted table ("semaine 50"), a supplier's newsletter, a Strasbourg IT store's windows-1252 CSV, a Paris ad
 * agency adding to its own order, a Marseille photo studio on a Saturday, a software publisher's cancellation, a
 * Sophia Antipolis publisher's facilities ("sous huitaine"), an out-of-office, a Geneva design studio, a copy shop's
 * complaint, a Lyon agency's one line; a London start-up on an iPhone, a Dundee game studio's PDF, an MSP's invitation
 * to tender, the known Cardiff printer, an Austin software company's UTF-8 CSV, a credit-note query, a Brisbane photo
 * studio dictating ("Thursday week"), the known Edinburgh systems group forwarding its engineer's list, a price request,
 * a Dublin game studio's one line, the known Seattle interiors studio, a Singapore agency's HTML table, an
 * out-of-office, a Nashville recording studio, a film shoot's stage door at Shepperton, a delivery-note query, a Bristol
 * agency adding to its PO, a Toronto IT services firm, a thank-you, a Manchester copy shop. Checked here without the
 * extractor (the corpus test runs it).
 */

const DELIVERY: DeliveryRules = {
  "h46-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h46-02": { words: "Date de livraison souhaitée : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h46-04": { words: "Livraison lundi 7/12 (no year: this December, day first)", day: on("2026-12-07", MON) },
  "h46-05": { words: "pour demain matin (from a Tuesday evening)", day: after(1) },
  "h46-06": { words: "pour lundi (the forwarded list's, from a Wednesday; the forward a Thursday: the same Monday)", day: next(MON) },
  "h46-07": { words: "Livraison | jeudi 3 décembre (a table cell)", day: on("2026-12-03", THU) },
  "h46-09": { words: "pour vendredi (dictated on a Monday)", day: next(FRI) },
  "h46-10": { words: "Livraison semaine 50, le mardi de préférence (ISO week 50 of 2026)", day: isoWeek(50, TUE) },
  "h46-12": { words: "Date livraison souhaitée;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h46-13": { words: "Livraison vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h46-14": { words: "Pour mardi (from a Saturday)", day: next(TUE) },
  "h46-16": { words: "sous huitaine (from a Wednesday: eight days on)", day: after(8) },
  "h46-18": { words: "d'ici la fin de la semaine prochaine (from a Monday: next week's Friday)", day: nextWeeks(FRI) },
  "h46-20": { words: "pour demain (from a Thursday)", day: after(1) },
  "h46-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h46-22": { words: "Delivery Date: 08/12/2026 (in the PDF, British, day first)", day: on("2026-12-08", TUE) },
  "h46-24": { words: "Delivery Wednesday 9th December", day: on("2026-12-09", WED) },
  "h46-25": { words: "Requested Delivery,12/09/2026 (in the CSV, US, month first: Order Date,12/01/2026)", day: on("2026-12-09", WED) },
  "h46-27": { words: "for Thursday week (dictated on a Tuesday: next week's Thursday)", day: nextWeeks(THU) },
  "h46-28": { words: "for Monday (the forwarded list's, from a Tuesday; the forward a Wednesday: the same Monday)", day: next(MON) },
  "h46-30": { words: "tomorrow (from a Thursday)", day: after(1) },
  "h46-31": { words: "by Friday December 11", day: on("2026-12-11", FRI) },
  "h46-32": { words: "Delivery | Tuesday 8 December (a table cell)", day: on("2026-12-08", TUE) },
  "h46-34": { words: "for Monday Dec 7", day: on("2026-12-07", MON) },
  "h46-35": { words: "Delivery Thursday 3rd December before 10am", day: on("2026-12-03", THU) },
  "h46-37": { words: "Deliver Tuesday 8th December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h46-38": { words: "Delivery required by Thursday, December 10, 2026", day: on("2026-12-10", THU) },
  "h46-40": { words: "for Tuesday (from a Friday evening)", day: next(TUE) }
}

const NOT_ORDERS = [3, 8, 11, 15, 17, 19, 23, 26, 29, 33, 36, 39]

/** The numbers the dictated and phone mails spell out. */
const SPELLED: Readonly<Record<string, number>> = { deux: 2, trois: 3, six: 6, two: 2, twelve: 12, forty: 40 }

/** A forwarder's correction (the new number, not the list's) and a reply's added line, read from the mail's words. */
const SAID_AGAIN: SaidAgain = {
  "h46-06": { ref: "PAP-A3", words: /Je passe le A3 à (\d+) ramettes au lieu de \d+/ },
  "h46-28": { ref: "REF-1015", words: /Make the shipping labels (\d+) rolls not \d+/ },
  "h46-13": { ref: "STY-NR", words: /\+ (\d+) boîtes de stylos noirs sur la commande/ },
  "h46-37": { ref: "POST-76", words: /add (\d+) packs of sticky notes to PO/ }
}

/** Words that name each reference's goods in these mails, French and English (and the reference itself in a PDF or CSV). */
const GOODS: Readonly<Record<string, string>> = {
  "REF-1001": "A4", "PAP-A4R": "recycl", "PAP-A3": "A3", "REF-1002": "TN-2420|toner", "REF-1003": "classeur|lever arch",
  "REF-1004": "chaise|chair", "REF-1005": "bureau|desk", "REF-1006": "grains|beans", "REF-1011": "enveloppe|envelope",
  "REF-1013": "palette|pallet", "REF-1014": "scotch|adh[ée]sif|tape", "REF-1015": "[ée]tiquette|labels",
  "CAP-100": "capsule|pods", "CAF-250": "moulu", "FILM-500": "film|stretch", "CART-60": "60 ?x ?40|double",
  "CART-40": "40 ?x ?30|simple|single|small boxes", "GN-4410": "gants|gloves", "GN-4411": "gants|gloves",
  "LED-E27": "E27|ampoule|bulb", "RAL-3M": "rallonge|extension", "PIL-AA": "piles|batteries", "ENC-305N": "noir|black",
  "ENC-305C": "couleur|colour", "EAU-50": "\\beau\\b|water", "GOB-20": "gobelet|cups", "SAC-110": "poubelle|bin bags",
  "SAC-050": "poubelle|bin bags", "ESS-300": "essuie|towels", "PH-096": "toilet", "DET-5L": "d[ée]tergent|cleaner",
  "LV-5L": "vaisselle|washing", "SAV-1L": "savon|soap", "STY-BL": "bleus|blue", "STY-NR": "noirs|black",
  "POST-76": "post-it|notes|sticky", "SURL-J": "surligneur|highlighter"
}

/** A count in the text: digits (not a reference's, a model's such as "HP 305", nor a measure or size such as "3m", "110L", "60x40") or spelled. */
const COUNT = new RegExp(`(?<![\\w.,-])(?<!HP )\\d+(?![\\d.,]*\\s?(?:(?:mm|cm|m|metres?|L|kg|g|cl|gsm|W|x)\\b|x\\d))|\\b(?:${Object.keys(SPELLED).join("|")})\\b`, "i")

/** Whether `quantity` stands in `line` just before its goods' words, or in the cell after them (a table, a CSV, "Café en grains : 3 kg"). */
function saysBeside(line: string, quantity: number, goods: string): boolean {
  const forms = [String(quantity), ...Object.entries(SPELLED).filter(([, n]) => n === quantity).map(([w]) => w)]
  for (const form of forms) {
    const at = new RegExp(`(?<![\\w.,-])${form}(?![\\d.,]\\d)`, "gi")
    for (let m = at.exec(line); m !== null; m = at.exec(line)) {
      const rest = line.slice(m.index + m[0].length).split(/[|;]/)[0]!.slice(0, 60)
      const upTo = COUNT.exec(rest)
      if (new RegExp(goods, "i").test(upTo === null ? rest : rest.slice(0, upTo.index))) return true
    }
    if (new RegExp(`(?:${goods})[^\\n|;:]*?[|;:,]\\s*${form}(?![\\d.,]\\d)`, "i").test(line)) return true
  }
  return false
}

describeHeldOutSet(
  { title: "the forty-sixth held-out part, written blind after the extractor", name: "h46", folder: "tuned", prefix: "h46-", source: "tuned-h46.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 116,
    attachments: { pdf: ["h46-02-imprimerie-rousseau-pdf", "h46-22-games-studio-dundee-pdf"], csv1252: ["h46-12-esn-strasbourg-csv"], csvUtf8: ["h46-25-austin-software-csv"] },
    headers: { bulk: [11], autoSubmitted: [17, 33] },
    knownCustomers: [[2, "C-00104"], [24, "C-00204"], [28, "C-00209"], [31, "C-00206"]],
    runs: {
      places: 26,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a billing address, a head or registered office, a customer's usual address or a note after it (a code, a door, a lift, the hours) for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Facturation|Facturer|comptabilit|Invoice|Bill To|Accounts|Si[èe]ge|Registered|Soho Square|allées Jean-Jaurès|quai de la Loire|Castle Street|Canal Street|Fifth Avenue|digicode|buzz|rideau|roller door|loading door off|porte rouge|main gate|ascenseur|talkie|camion|r[ée]ceptionne|open at|\bask\b|\d ?(?:am|pm)\b|\b\d{1,2} h\b/i
      },
      numbered: 18,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a ticket, cost centre, invoice, cancelled, credit-note, tender, return or delivery-note number",
        pattern: /^(OPS-|4120|FA-2026|MC-0418|CMD-2611|CN-|RMA-|ITT-|DN-|BL-)/
      },
      companyNumbers: ["512 874 330 00021", "FR 27 512874330", "821 440 117", "821 440 117 00034", "794 112 508 00019", "389 551 204 00042", "FR 61 389551204", "530 118 762", "530 118 762 00051", "FR 09 530118762", "CHE-114.552.980", "SC512345", "GB 298 1234 55", "84-3310927", "09912877", "201733512K", "11203344", "GB 301 5567 21", "81234 5678 RT0001", "08812340", "GB 184 2290 31"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    placeLead: /^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')|[()]/i,
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("gives every line a quantity its mail, PDF or CSV says, in digits or spelled", () => {
      for (const m of mails) {
        const text = madeFrom.get(m.name)!
        for (const l of m.expected.lines) {
          const digits = new RegExp(`(?<![\\d.,])${l.quantity}(?![\\d.,]\\d)`).test(text.replace(/\b\d+ ?(?:mm|cm|m|L|kg|g|cl|gsm)\b/gi, " "))
          const spelled = Object.entries(SPELLED).some(([w, n]) => n === l.quantity && new RegExp(`\\b${w}\\b`, "i").test(text))
          expect(digits || spelled, `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
        }
      }
    })

    it("reads each line's quantity beside its own goods, not another line's number nor a size, a pack's count or a PDF's line number", () => {
      for (const m of mails.filter((x) => x.expected.is_order)) {
        const said = SAID_AGAIN[m.name.slice(0, 6)]
        for (const l of m.expected.lines) {
          if (said?.ref === l.ref) continue // a correction's number, checked from its words above
          const goods = `${GOODS[l.ref]!}|${l.ref}`
          expect(sourceLines.get(m.name)!.some((line) => saysBeside(line, l.quantity, goods)), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
        }
      }
    })

    it("gives no place to the two orders that say \"comme d'hab\" or \"usual address\"", () => {
      for (const n of [20, 30]) {
        const m = mails.find((x) => numberOf(x.name) === n)!
        expect(madeFrom.get(m.name)).toMatch(/comme d'hab|usual address/)
        expect(m.expected.delivery_address, m.name).toBeNull()
      }
    })
  }
)
