import { expect, it } from "vitest"

import { after, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former forty-fourth held-out part (issue #11; h44-* in tuned/ since tune44b, held-out-44/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — industry and engineering: a plastics plant's maintenance technician on an iPhone
 * (a work order for the delivery note), a foundry's SAP PDF with cost centres, an R&D centre's 2027 price request, the
 * known Ateliers Mercier sending to a client's assembly site, a biscuit plant's buyer forwarding and correcting the
 * line 3 team leader's list, a substation maintenance base's HTML-only table ("semaine 50, le mercredi"), a
 * bar-turning workshop dictating, a paper mill stores' wrong-size complaint, the known Laboratoires Carré's new lab
 * site, a refinery's shutdown out-of-office, a fibre field team, a cement works' windows-1252 SAP CSV, a glassworks'
 * night-shift handover, a chemical group's tender, a hydro power station adding to its order, a blocked invoice, a
 * Valais chemical site (`10.12.2026`), a boilermaker's single line, a stamping line's cancellation, an Alsace plant's
 * quay and time slot; the known Hargreaves' Sheffield plant, a blade works' RFQ, a Dayton maintenance crib, a Telford
 * PDF, a Wollongong telecom depot dictating ("Thursday week"), a trade show's newsletter, the known Sinclair data
 * centre, a Waco foundry's UTF-8 CSV, a forge's delivery-note query, a substation crew's depot, a Cork pharma plant's
 * stores forwarding the B shift's list, a San Mateo R&D lab, a refinery turnaround's out-of-office, the known Osborne
 * Packaging's second plant, a valve group's supplier onboarding, a smelter's control room, a Singapore fab, a telecom
 * field team's reply, a chemical works' gatehouse, a Taupō geothermal station. Checked here without the extractor.
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h44-01": { words: "pour jeudi si possible (from a Monday, on an iPhone)", day: next(THU) },
  "h44-02": { words: "Date livr. 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h44-04": { words: "Livraison sous huitaine (from a Tuesday: eight days on)", day: after(8) },
  "h44-05": { words: "pour lundi (the forwarded list's, from a Wednesday night; the forward a Thursday: the same Monday)", day: next(MON) },
  "h44-06": { words: "Livraison souhaitée semaine 50, le mercredi (ISO week 50 of 2026)", day: isoWeek(50, WED) },
  "h44-07": { words: "pour demain (dictated on a Thursday evening)", day: after(1) },
  "h44-09": { words: "À livrer avant le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h44-11": { words: "Pour mardi (from a Friday)", day: next(TUE) },
  "h44-12": { words: "Date livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h44-13": { words: "Pour lundi si c'est possible (the night shift's handover, sent on a Saturday at dawn)", day: next(MON) },
  "h44-15": { words: "Livraison le mercredi 9 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-09", WED) },
  "h44-17": { words: "Livraison jusqu'au 10.12.2026 au plus tard (Swiss, dotted, day first)", day: on("2026-12-10", THU) },
  "h44-18": { words: "pour vendredi svp (from a Tuesday)", day: next(FRI) },
  "h44-20": { words: "Livraison impérative le vendredi 4/12 (no year: day first, this December)", day: on("2026-12-04", FRI) },
  "h44-21": { words: "Delivery by Thursday 10 December", day: on("2026-12-10", THU) },
  "h44-23": { words: "for friday (from a Tuesday, on an iPhone)", day: next(FRI) },
  "h44-24": { words: "Delivery Date 09/12/2026 (in the PDF, British, day first)", day: on("2026-12-09", WED) },
  "h44-25": { words: "delivered Thursday week (dictated on a Tuesday: next week's Thursday)", day: nextWeeks(THU) },
  "h44-27": { words: "Required by Friday 4 December", day: on("2026-12-04", FRI) },
  "h44-28": { words: "Requested Delivery,12/08/2026 (in the CSV, US, month first: Order Date,11/30/2026)", day: on("2026-12-08", TUE) },
  "h44-30": { words: "For Monday please (from a Thursday)", day: next(MON) },
  "h44-31": { words: "for Friday (the forwarded list's, from a Tuesday night; the forward a Wednesday: the same Friday)", day: next(FRI) },
  "h44-32": { words: "Delivery 12/09/2026 (US, month first)", day: on("2026-12-09", WED) },
  "h44-34": { words: "w/c 7th December, Tuesday ideally", day: on("2026-12-08", TUE) },
  "h44-37": { words: "Delivery: 14 December 2026", day: on("2026-12-14", MON) },
  "h44-38": { words: "Deliver Tuesday 8th December (the quoted first mail: \"Same delivery\")", day: on("2026-12-08", TUE) },
  "h44-40": { words: "for Wednesday 9th please (from a Thursday)", day: on("2026-12-09", WED) }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  3: /Ce n'est pas une commande : merci de ne rien expédier/,
  8: /Inutile de nous renvoyer des M/,
  10: /Je suis mobilisé sur l'arrêt technique/,
  14: /Le présent message ne constitue pas une commande/,
  16: /elle ne pourra pas être réglée/,
  19: /merci d'annuler notre commande/,
  22: /please do not ship any goods/,
  26: /Unsubscribe at any time/,
  29: /Can you tell us which purchase order this was for\?/,
  33: /I am on site for the crude unit turnaround/,
  35: /Please do not send any goods in the meantime/,
  39: /we do not need anything else/
}

/**
 * The quantities the label test would not otherwise see moved: a forwarder's correction of the list it passes on
 * (the new number, not the list's) and a reply's added or changed line, each read from the mail's own words.
 */
const SAID_AGAIN: Readonly<Record<string, { ref: string; words: RegExp }>> = {
  "h44-05": { ref: "REF-1014", words: /mettre (\d+) rouleaux de scotch au lieu de \d+/ },
  "h44-31": { ref: "FILM-500", words: /Make the pallet wrap (\d+) rolls not \d+/ },
  "h44-15": { ref: "PIL-AA", words: /J'ajoute (\d+) lots de piles AA/ },
  "h44-38": { ref: "REF-1002", words: /bump the toner on PO KN-FE-2290 to (\d+) rather than \d+/ }
}

/** Quantities the mail writes in words, or in another unit than the catalog's: how each was counted. */
const COUNTED: Readonly<Record<string, string>> = {
  "h44-38 STY-BL": "a box of blue pens",
  "h44-40 GOB-20": "1,000 paper cups, the catalog's bags of 50"
}
const NUMBER_WORDS: Readonly<Record<string, number>> = { deux: 2, trois: 3, cinq: 5, two: 2, eight: 8, ten: 10 }

/**
 * The words this part's mails use for each reference they order. A line's quantity must stand beside them: in a
 * table's, PDF's or CSV's row the first count cell after the reference or those words ("| 10 packs |", ";4;"); in prose
 * the last count just before them ("trois boîtes de gants taille L", "4 x 5 L multi-surface cleaner"), or else the
 * first after them ("pallet wrap 15 rolls", "Packing tape: 12 rolls"). A pack size ("pack de 24", "packs of 24") or a
 * measure ("50 cl", "110 L", "3m") is no count; "2 kg coffee beans" is, the catalog selling beans by the kg.
 */
const SAID_FOR: Readonly<Record<string, RegExp>> = {
  "RAL-3M": /rallonges? 3 ?m|ext cords/i,
  "PIL-AA": /piles AA|AA batteries/i,
  "LED-E27": /ampoules (?:led )?E27|LED bulbs E27|Ampoules LED/i,
  "GN-4409": /gants nitrile taille S|gloves, small/i,
  "GN-4410": /gants nitrile taille M|gloves,? (?:M|medium)\b/i,
  "GN-4411": /gants taille L/i,
  "ESS-300": /Z-fold hand towels/i,
  "SAV-1L": /savon liquide 1 l/i,
  "MSQ-200": /masques type IIR|surgical masks IIR/i,
  "REF-1008": /hand saniti[sz]er 500 ml/i,
  "FILM-500": /film étirable|stretch film|pallet wrap/i,
  "REF-1014": /ruban adhésif|scotch|adhésif emballage|packing tape/i,
  "CART-60": /cartons 60 ?x ?40 ?x ?40|boxes 60x40x40/i,
  "CART-40": /cartons 40x30x30/i,
  "REF-1015": /étiquettes d'expédition|shipping labels/i,
  "EAU-50": /Eau plate 50 cl|packs d'eau|still water/i,
  "GOB-20": /Gobelets carton 20 cl|sachets de gobelets/i,
  "CAF-250": /Café moulu 250 g/i,
  "SAC-050": /Sacs poubelle 50 L/i,
  "SAC-110": /sacs 110 litres|110 ?L bin bags/i,
  "DET-5L": /bidons de détergent|5 ?L (?:multi-surface )?cleaner/i,
  "PH-096": /toilet rolls/i,
  "CAP-100": /capsules café|espresso pods/i,
  "REF-1001": /ramettes A4|reams A4/i,
  "REF-1002": /toner/i,
  "STY-NR": /stylos noirs/i,
  "STY-BL": /blue pens/i,
  "REF-1013": /storage pallets/i,
  "REF-1006": /coffee beans/i
}
const COUNT = /(?<!(?:de|of) ?|-)\b(\d+|deux|trois|cinq|two|eight|ten)\b(?! ?(?:cl|ml|l|litres|g|gsm|m|mm|cm|kV)\b|[/.,-]\d)/gi
const countOf = (token: string) => NUMBER_WORDS[token.toLowerCase()] ?? Number(token)

/** Whether a line of the mail gives `quantity` of `ref`: a row by its reference or words, prose by the words. */
function says(line: string, ref: string, quantity: number): boolean {
  const cells = line.split(/[|;]/).length > 1 ? line.split(/[|;]/) : /^\d+,/.test(line) ? line.split(",") : null
  if (cells !== null) {
    const at = cells.findIndex((c) => c.includes(ref) || SAID_FOR[ref]?.test(c) === true)
    const count = at < 0 ? undefined : cells.slice(at + 1).map((c) => /^\s*(\d+)(?: [a-zé]+)?\s*$/i.exec(c)).find((x) => x !== null)
    return count != null && Number(count[1]) === quantity
  }
  const words = SAID_FOR[ref]?.exec(line)
  if (words == null) return false
  const counts = [...line.matchAll(COUNT)]
  const before = counts.filter((c) => c.index < words.index && c.index >= words.index - 30).at(-1)
  const after = counts.find((c) => c.index >= words.index + words[0].length)
  const count = before ?? after
  return count !== undefined && countOf(count[1]!) === quantity
}

describeHeldOutSet(
  { title: "the forty-fourth held-out part, written blind after the extractor", name: "h44", folder: "tuned", prefix: "h44-", source: "tuned-h44.txt" },
  {
    french: 20,
    lines: 108,
    noGoods: NOT_ORDERS,
    attachments: { pdf: ["h44-02-fonderie-vernier-pdf", "h44-24-brightwater-components-pdf"], csv1252: ["h44-12-ciments-jura-csv"], csvUtf8: ["h44-28-lone-star-castings-csv"] },
    headers: { bulk: [26], autoSubmitted: [10, 33] },
    knownCustomers: [[4, "C-00115"], [9, "C-00111"], [21, "C-00201"], [27, "C-00209"], [34, "C-00208"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a TSA, a Case postale, a billing, accounts or postal address, a head or registered office, or a known customer's usual address for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|\bTSA \d|Case postale|Factur|Comptabilit|Invoice|Bill To|Accounts|Siège|Head Office|Registered|Postal|ZI des Forges|Victor-Hugo|Mill Lane|Tyseley|Canal Street|Lille|Mulhouse|Grenoble|\bGap\b|Dublin/i
      },
      numbered: 20,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a work order, cost centre, vendor, invoice, goods receipt, cancelled, complained-of, tendered, quoted, delivery-note or company number",
        pattern: /^(4471-22|88213|52-|2510|STAB-|IT-DC2|4120|4310|5200|100482|200817|A12|B04|FA-|4500186|26-118804|5000412277|RFQ-|C-2026|DN |551203|7702914|4470193)/
      },
      companyNumbers: ["384 219 770 00036", "FR 61 384219770", "812 447 903 00041", "FR 27 812447903", "431 775 028 00052", "FR 09 431775028", "CHE-109.552.340", "SC612345", "63 158 774 210", "482117", "IE 9821746K", "GB 284 5519 07", "03318842", "199904512K", "M2-0081234-5"],
      lookAlikesNameNoCustomer: true
    },
    // As held-out 43's audit: a note after the place is a run of its mail too, so the note's own words are refused.
    placeNote: /\b(?:pas au|not (?:to|our)|roller door|round the back|accès|access|demander|ask for|chauffeur|driver|ouvert|open|horaires|hours|créneau|slot|rendez-vous|anytime|vans|entrée camions|portail|se présenter|poste de garde|gatehouse|guard shack|hi-vis|PPE|ring|sonne|call|appel|badge|double-bagged|signs for|magasinier)\b|\d{2} \d{2} \d{2} \d{2}|\b\d{1,2} ?h(?: ?\d{2})?\b|\d{1,2}:\d{2}/i,
    // As held-out 41's and 43's: "livrez à l'atelier deux …" gives "atelier deux …", "to the field depot …" "field depot …".
    placeLead: /^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')/i,
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("takes each order number from beside the words the buyer leads it in with (commande, Cde, BC, PO, Order)", () => {
      for (const m of mails.filter((x) => x.expected.po_number !== null)) {
        const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(commande|Cde|BC|PO|Order).{0,25}${n}`, "i"))
      }
    })

    it("gives each line a quantity the mail writes, in figures or in words, except those counted in another unit", () => {
      for (const m of mails) {
        const text = madeFrom.get(m.name)!
        const said = new Set([...text.matchAll(/\d+/g)].map((x) => Number(x[0])))
        for (const w of text.toLowerCase().split(/[^a-zà-ÿ]+/)) if (NUMBER_WORDS[w] !== undefined) said.add(NUMBER_WORDS[w])
        for (const l of m.expected.lines) {
          if (COUNTED[`${m.name.slice(0, 6)} ${l.ref}`] !== undefined) continue
          expect(said.has(l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
        }
      }
    })

    it("takes a forwarder's changed quantity and a reply's added or changed line as the mail says them, the quoted lines kept", () => {
      for (const [prefix, { ref, words }] of Object.entries(SAID_AGAIN)) {
        const m = mails.find((x) => x.name.startsWith(prefix))!
        const said = Number(words.exec(madeFrom.get(m.name)!)![1])
        expect(m.expected.lines.find((l) => l.ref === ref)?.quantity, `${m.name} ${ref}`).toBe(said)
        expect(m.expected.lines.length, m.name).toBeGreaterThan(2)
      }
    })

    it("gives each line the quantity its mail says beside that product's own words (a glove's size, a box's size, a pen's colour)", () => {
      const unsaid = mails.flatMap((m) =>
        m.expected.lines
          .filter((l) => COUNTED[`${m.name.slice(0, 6)} ${l.ref}`] === undefined)
          .filter((l) => !sourceLines.get(m.name)!.some((line) => says(line, l.ref, l.quantity)))
          .map((l) => `${m.name} ${l.ref} ${l.quantity}`)
      )
      expect(unsaid).toEqual([])
    })

    it("counts 40's \"1,000 paper cups\" in the catalog's bags of 50 and 38's \"a box of blue pens\" as one box", () => {
      const quantityOf = (prefix: string, ref: string) => mails.find((m) => m.name.startsWith(prefix))!.expected.lines.find((l) => l.ref === ref)?.quantity
      const cups = Number(/([\d,]+) paper cups/.exec(madeFrom.get("h44-40-taupo-geothermal")!)![1]!.replace(",", ""))
      expect(quantityOf("h44-40", "GOB-20")).toBe(cups / 50)
      expect(madeFrom.get("h44-38-kestrel-networks-reply")).toMatch(/add a box of blue pens/)
      expect(quantityOf("h44-38", "STY-BL")).toBe(1)
    })
  }
)
