import { expect, it } from "vitest"

import { after, FRI, MON, next, nextWeeks, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The fiftieth held-out part (issue #11; h50-* in tuned/ since tune50b, held-out-50/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — the motor trade's workshops and counters that held-out 38's fleets and dealerships
 * left out: the known Garage Chevalier's body-shop annex (a repair order beside its bon), a body shop's quote request,
 * a contrôle technique centre and an HGV test centre, a tyre centre's out-of-office and another's reply adding to its
 * order, a tow firm's dispatcher dictating from the cab, a van-hire network's PDF, a body-shop group's windows-1252
 * CSV, a windscreen fitter on an iPhone, a parts counter's damaged parcel, a motorway breakdown firm forwarding its
 * base's list and changing it, a motorcycle workshop's table, a vehicle dismantler's "sous huitaine", a car wash's
 * cancellation, a motorhome workshop, an auto-electrician's one line, a tyre wholesaler's newsletter, a body shop
 * dictating with a correction, a van-hire invoice query; a Cornish MOT centre, a Cork tyre depot, a windshield
 * chain's RFQ, a Yorkshire recovery yard forwarded, a Queensland van-rental CSV, a Californian collision centre's
 * PDF, a Scottish tyre and exhaust centre adding to its PO, a Texas tow firm's voicemail, a car auction's
 * out-of-office, a van-hire cancellation, a Norwich auto-glass centre, a Calgary tire shop's HTML table, a Welsh motor
 * factor's counter, a Belgian inspection station, a Cape valet centre, a body shop's thanks, a Perth mobile tyre
 * fitter, a recovery firm's chaser, a Denver RV service department, a van hire's misdelivery note. Checked here
 * without the extractor.
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h50-01": { words: "Pour lundi svp (from a Thursday)", day: next(MON) },
  "h50-03": { words: "Livraison souhaitée le mardi 1er décembre", day: on("2026-12-01", TUE) },
  "h50-05": { words: "pour jeudi (dictated on a Monday evening)", day: next(THU) },
  "h50-06": { words: "Livraison le vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h50-07": { words: "Date de livraison : 07/12/2026 (in the PDF, day first)", day: on("2026-12-07", MON) },
  "h50-08": { words: "Date livraison;08/12/2026 (in the CSV, day first)", day: on("2026-12-08", TUE) },
  "h50-09": { words: "pr demain (from a Tuesday evening)", day: after(1) },
  "h50-11": { words: "pour vendredi (the base's list of Wednesday; forwarded on Thursday: the same Friday)", day: next(FRI) },
  "h50-12": { words: "Livraison : lundi 7 décembre", day: on("2026-12-07", MON) },
  "h50-13": { words: "sous huitaine (from a Monday: within the week, the Monday after)", day: after(7) },
  "h50-15": { words: "Livraison le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h50-16": { words: "pour demain (from a Wednesday)", day: after(1) },
  "h50-17": { words: "la semaine prochaine, le jeudi (from a Friday)", day: nextWeeks(THU) },
  "h50-19": { words: "pour mardi (dictated on a Thursday)", day: next(TUE) },
  "h50-21": { words: "Deliver Tuesday 1 December", day: on("2026-12-01", TUE) },
  "h50-24": { words: "by Friday (the foreman's list of Wednesday; forwarded on Thursday: the same Friday)", day: next(FRI) },
  "h50-25": { words: "Required By,09/12/2026 (in the CSV, Australian, day first: PO Date,02/12/2026)", day: on("2026-12-09", WED) },
  "h50-26": { words: "Need by: 12/08/2026 (in the PDF, American, month first: PO Date: 12/01/2026)", day: on("2026-12-08", TUE) },
  "h50-27": { words: "Deliver Monday 7 December (the quoted first mail: \"same delivery\")", day: on("2026-12-07", MON) },
  "h50-28": { words: "deliver tomorrow (a voicemail of a Tuesday afternoon)", day: after(1) },
  "h50-31": { words: "deliver the following next Wednesday (from a Thursday: the coming Wednesday)", day: next(WED) },
  "h50-32": { words: "Needed | Friday Dec 4 (a table cell)", day: on("2026-12-04", FRI) },
  "h50-33": { words: "for Weds (from a Monday)", day: next(WED) },
  "h50-34": { words: "Delivery Thursday 10 December", day: on("2026-12-10", THU) },
  "h50-35": { words: "deliver Monday please (from a Thursday)", day: next(MON) },
  "h50-37": { words: "by Wednesday 9th (from a Friday, written at +0800)", day: on("2026-12-09", WED) },
  "h50-39": { words: "need by Thursday, December 10", day: on("2026-12-10", THU) }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  2: /Ce n'est pas une commande : juste un prix/,
  4: /Je suis absente jusqu'au mercredi 2 décembre/,
  10: /Merci de nous faire un avoir pour 1 colis, inutile de renvoyer/,
  14: /Merci d'annuler notre commande LAV-0442/,
  18: /Se désabonner/,
  20: /Il ne s'agit pas d'une nouvelle commande/,
  23: /This is a price request only, please don't ship anything/,
  29: /I am out of the office until Thursday 3 December/,
  30: /Please cancel PO 55-0193/,
  36: /Nothing else needed for now/,
  38: /Not placing anything new, just chasing/,
  40: /no action needed/
}

/** A forwarder's changed quantity and a reply's added line, by the mail's own words. */
const SAID_AGAIN = {
  "h50-11": { ref: "EAU-50", words: /Mettez (\d+) packs d'eau au lieu de \d+/ },
  "h50-24": { ref: "SAC-110", words: /Make it (\d+) rolls of 110L bags not \d+/ },
  "h50-06": { ref: "PIL-AA", words: /J'ajoute (\d+) lots de piles AA/ },
  "h50-27": { ref: "ENC-305C", words: /add (\d+) HP 305 colour cartridges to PO/ }
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, two: 2, four: 4, twelve: 12 }

/** The words this part's mails write for each product they order, in French or English (a size, a litre count, a colour). */
const GOODS: Readonly<Record<string, RegExp>> = {
  "REF-1001": /ramette|copy paper/i,
  "REF-1002": /toner/i,
  "REF-1003": /lever arch/i,
  "REF-1006": /café en grains/i,
  "REF-1008": /sanitiser/i,
  "REF-1011": /envelopes/i,
  "REF-1014": /ruban adhésif|packing tape/i,
  "REF-1015": /étiquettes|labels/i,
  "STY-BL": /stylos[^\n]*bleus|blue ballpoint/i,
  "STY-NR": /stylos[^\n]*noirs/i,
  "POST-76": /repositionnables/i,
  "PAP-A4R": /recyclé/i,
  "ENC-305N": /HP 305 (?:noire|black)/i,
  "ENC-305C": /HP 305 colour/i,
  "FILM-500": /film/i,
  "CART-60": /60x40x40/i,
  "CART-40": /40x30x30/i,
  "RAL-3M": /rallonge|extension lead/i,
  "PIL-AA": /piles|batteries/i,
  "LED-E27": /LED/i,
  "GN-4410": /gants|gloves/i,
  "GN-4411": /gants|gloves/i,
  "MSQ-200": /masques|masks/i,
  "SAC-110": /\b110 ?(?:L|litres)\b/i,
  "SAC-050": /\b50 ?L\b/i,
  "DET-5L": /d[ée]tergent|multi[- ]surface cleaner/i,
  "LV-5L": /vaisselle|washing-up/i,
  "SAV-1L": /savon|soap/i,
  "ESS-300": /essuie-mains|hand towels|paper towels/i,
  "PH-096": /toilet/i,
  "GOB-20": /gobelets|cups/i,
  "EAU-50": /\beau\b|water/i,
  "CAF-250": /café moulu|ground coffee/i,
  "CAP-100": /capsules|espresso pods/i
}

/**
 * A row's counts, once the sizes and packs its goods are named by are taken out ("110 L", "5L", "1 kg", "lot de 24",
 * "96 rolls", "60x40x40", "HP 305"), and with them the catalog references ("REF-1006", "SAC-110", "GN-4411") and
 * whatever is in brackets ("(boîtes de 50)", "(box of 100)", "(1 000)"): a PDF's, CSV's or table's row holds them
 * beside its count, and the audit of held-out 50 saw a label take its count from them pass.
 */
const countsOf = (row: string) => {
  const bare = row
    .replace(/\b[A-Z][A-Z\d]*-\d+[A-Z]*\b|\([^)]*\)/g, " ")
    .replace(/\b\d+x\d+x\d+\b|HP 305|\b(?:lot|colis|boîte|box|case|pack|sachet|bag)s? (?:de|of) \d+|\b96[- ]rolls?\b|\b\d+(?:[.,]\d+)? ?(?:L|litres|cl|g|kg|mm|m)\b/gi, " ")
  return new Set([...bare.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(bare.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
}

describeHeldOutSet(
  { title: "the fiftieth held-out part, written blind after the extractor", name: "held-out 50", folder: "tuned", prefix: "h50-", source: "tuned-h50.txt" },
  {
    french: 20,
    lines: 91,
    noGoods: NOT_ORDERS,
    attachments: { pdf: ["h50-07-location-utilitaires-pdf", "h50-26-collision-center-pdf"], csv1252: ["h50-08-carrosserie-dufour-csv"], csvUtf8: ["h50-25-van-rentals-csv"] },
    headers: { bulk: [18], autoSubmitted: [4, 29] },
    knownCustomers: [[1, "C-00105"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, PO Box, CS/Cedex, head office, billing or Accounts Payable line, the office or branch a mail rules out, nor the known garage's usual address, for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Factur|Invoice|Bill To|Accounts|Siège|Lesquin|Irvine|Aurora|Fortitude Valley|La Verpillière|route de Lyon|Grenoble|Mérignac|rue de Bourgogne|showroom|Bâtiment A|Truro|Skipton|High Street/i
      },
      numbered: 21,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a repair order, claim, approval, contract, mission, job, account, delivery-note, invoice, cancelled or chased order's number",
        pattern: /^(OR |18842|26-118430|S044R112|4471|225\/45|CC-2025|BL |26-90317|26-A7|PR 7100012D|LAV-0442|GAR-|L038T004|F26-|RVA-|V31522|20417|J-5521|DRP-|55-0193|CLM-|0412|BT-2290|44718)/
      },
      companyNumbers: ["512 884 301 00027", "803 551 920 00014", "421 907 336 00052", "790 114 268 00031", "09123456", "51 824 753 556", "04877120", "81234 5678 RT0001", "BE 0448.227.519", "2014/118822/07", "63 114 908 227"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    refsOnce: true,
    numberLeads: "commande|bon|PO|Order|Req|Ref",
    wholeNumbers: true,
    spelledNumbers: NUMBER_WORDS,
    placeNote: /\b(?:ouvert|open|hours|heures|portail|gate|code|appelez|call|sonnez|ring|arrière|encombré|fermé|vans|office|not|pas)\b|\d{1,2} ?h\b|\d{1,2}:\d{2}|[()]/i,
    placeLead: /^(?:(?:the|to|at|a|au|aux|à|la|le|les)\s|l')/i,
    placeEnd: /(?:\b\d{5} [\p{L}' -]+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\b[A-Z]\d{2} [A-Z\d]{4}|\b[A-Z]\d[A-Z] \d[A-Z]\d|\b[A-Z]{2} \d{5}|\b\d{4} \p{L}+|\b\d{4})$/u,
    goods: { countsOf, words: GOODS, gloveSizes: /\b\d+ ?(?:L|litres|m)\b/gi },
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("counts the dictated mails' spelled numbers beside their own products, the body shop's correction taken (the tow firms', the body shop's)", () => {
      const linesOf = (prefix: string) => mails.find((m) => m.name.startsWith(prefix))!.expected.lines.map((l) => [l.ref, l.quantity])
      expect(madeFrom.get("h50-05-depannage-fourriere-dicte")).toMatch(/six rouleaux de sacs poubelle 110 litres trois bidons de détergent et deux boîtes de gants taille L/)
      expect(linesOf("h50-05")).toEqual([["SAC-110", 6], ["DET-5L", 3], ["GN-4411", 2]])
      expect(madeFrom.get("h50-19-carrosserie-lemaire-dicte")).toMatch(/trois bidons de liquide vaisselle non pardon trois bidons de detergent cinq rouleaux de film etirable et quatre boites de gants taille M/)
      expect(linesOf("h50-19")).toEqual([["DET-5L", 3], ["FILM-500", 5], ["GN-4410", 4]])
      expect(madeFrom.get("h50-28-towing-voicemail")).toMatch(/twelve boxes of the large gloves, four cases of the folded paper towels and two jugs of the multi surface cleaner/)
      expect(linesOf("h50-28")).toEqual([["GN-4411", 12], ["ESS-300", 4], ["DET-5L", 2]])
    })

    it("leaves the auto-electrician's \"à l'adresse habituelle\" without a place and the Cork depot's \"asap\" without a day", () => {
      const usual = mails.find((m) => m.name.startsWith("h50-16"))!
      expect(madeFrom.get(usual.name)).toMatch(/à l'adresse habituelle/)
      expect(usual.expected.delivery_address).toBeNull()
      const asap = mails.find((m) => m.name.startsWith("h50-22"))!
      expect(madeFrom.get(asap.name)).toMatch(/asap/)
      expect(asap.expected.delivery_date).toBeNull()
    })

    it("reads each count of a row that names two products or more just before its own product's words (the one-liners, the dictated mails)", () => {
      const spelled = (q: number) => [String(q), ...Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w] === q)].join("|")
      for (const m of mails.filter((x) => x.expected.is_order)) {
        const goods = [...new Set(m.expected.lines.map((l) => GOODS[l.ref]!.source))]
        for (const row of sourceLines.get(m.name)!.filter((r) => goods.filter((g) => new RegExp(g, "i").test(r)).length > 1)) {
          for (const l of m.expected.lines.filter((x) => GOODS[x.ref]!.test(row))) {
            // The count, then at most five words with no figure, "+" or comma (a pack, "x", "of the large"), then the product.
            const said = new RegExp(`(?<![\\w-])(?:${spelled(l.quantity)})\\s+(?:[^\\s,+\\d]+\\s+){0,5}?[^\\s,+\\d]*?(?:${GOODS[l.ref]!.source})`, "i")
            expect(row, `${m.name} ${l.ref} ${l.quantity}`).toMatch(said)
          }
        }
      }
    })

    it("begins each place where its line or cell begins it, after a label and colon (\"Livraison :\", \"Ship To\"), or after the words its sentence leads it in with", () => {
      // The sentences that run into their place: the words each place is taken after (held-out 50's calls on 19 and 28).
      const leadIn: Readonly<Record<string, string>> = { "h50-19": "pour mardi a l atelier ", "h50-27": "Deliver Monday 7 December to ", "h50-28": "deliver tomorrow to the impound lot, ", "h50-33": "for Weds, to the counter at " }
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        const place = m.expected.delivery_address!
        const rows = sourceLines.get(m.name)!.map((r) => r.replace(/\s*[|;,]\s*/g, ", ").replace(/^(?:, )+|(?:, )+$/g, ""))
        const before = rows.filter((r) => r.includes(place)).map((r) => r.slice(0, r.indexOf(place)))
        const led = (b: string) => /^(?:[^,]*:\s*|(?:Livrer à|Ship To), )?$/i.test(b) || (leadIn[m.name.slice(0, 6)] !== undefined && b.endsWith(leadIn[m.name.slice(0, 6)]!))
        expect(before.some(led), `${m.name}: ${JSON.stringify(before)}`).toBe(true)
      }
    })
  }
)
