import { expect, it } from "vitest"

import { after, FRI, isoWeek, MON, next, nextWeeks, numberOf, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The forty-eighth held-out part (issue #11; h48-* in tuned/ since tune48, held-out-48/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — energy, utilities and networks: a water board's pumping-station agent on an iPhone, a
 * water syndicate's PDF to its operations centre, déchetteries' 2027 price request, the known Mairie de Vergèze sending
 * to its pumping station, a wind-maintenance buyer forwarding and correcting a crew's list, a district heating plant's
 * HTML-only tables ("semaine 49, le jeudi"), an electrician dictating from the van, a solar farm's complaint, a
 * power-line contractor's camp reached by a forest track, a waste collector's order by site code to one depot, a
 * newsletter, a recycling centre's windows-1252 CSV, an on-call engineer on a Saturday night, a fuel depot's
 * cancellation, a public-lighting firm's depot and not its head office, a solar farm adding to its order, an
 * out-of-office, a Réunion sewer-cleaning base, an invoice query, a fuel depot behind an ATEX gate; a Highland
 * pumping station, a Cornish solar farm's PO beside a work order, a council's RFQ, a water company's PDF to a service
 * reservoir, a Queensland line crew dictating ("Thursday week"), a heat network's HTML-only tables, a water
 * forecast, an Arizona solar site's UTF-8 CSV, an EV charge-point installer's yard, a wind farm's "do not deliver",
 * the known Whitfield Logistics' fuel depot, a Dublin waste firm forwarding a route supervisor's list, a storm
 * out-of-office, a Kansas lift station, a turbine technician's one line, a delivery-note query, a New Zealand fuel
 * terminal, thanks, a Texas electrician's reply, a recycling centre at a weighbridge. Checked here without the extractor.
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h48-01": { words: "pour jeudi si possible (from a Monday, on an iPhone)", day: next(THU) },
  "h48-02": { words: "Date de livraison souhaitée : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h48-04": { words: "Livraison le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h48-05": { words: "pour lundi (the forwarded list's, from a Wednesday evening; the forward a Thursday: the same Monday)", day: next(MON) },
  "h48-06": { words: "Livraison | semaine 49, le jeudi (ISO week 49 of 2026)", day: isoWeek(49, THU) },
  "h48-07": { words: "pour demain (dictated on a Monday evening)", day: after(1) },
  "h48-09": { words: "au plus tard le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h48-10": { words: "le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h48-12": { words: "Date livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h48-13": { words: "pour lundi matin (an on-call engineer on a Saturday night)", day: next(MON) },
  "h48-15": { words: "Livraison avant le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h48-16": { words: "Livraison le jeudi 10 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-10", THU) },
  "h48-18": { words: "pr vendredi (from a Tuesday, at +0400)", day: next(FRI) },
  "h48-20": { words: "Merci de nous livrer le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h48-21": { words: "for thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h48-22": { words: "Required by Friday 4 December", day: on("2026-12-04", FRI) },
  "h48-24": { words: "Delivery Date: 08/12/2026 (in the PDF, British, day first)", day: on("2026-12-08", TUE) },
  "h48-25": { words: "thursday week (dictated on a Tuesday at +1000: next week's Thursday)", day: nextWeeks(THU) },
  "h48-26": { words: "Required | Wednesday 9 December", day: on("2026-12-09", WED) },
  "h48-28": { words: "Requested Delivery,12/10/2026 (in the CSV, US, month first: Order Date,11/30/2026)", day: on("2026-12-10", THU) },
  "h48-29": { words: "by Wednesday please (from a Thursday)", day: next(WED) },
  "h48-31": { words: "Please deliver next Tuesday (from a Thursday: the coming Tuesday)", day: next(TUE) },
  "h48-32": { words: "for Monday (the forwarded list's, from a Thursday evening; the forward a Friday: the same Monday)", day: next(MON) },
  "h48-34": { words: "please ship by 12/8 (US, month first, no year)", day: on("2026-12-08", TUE) },
  "h48-35": { words: "for Friday pls (from a Tuesday)", day: next(FRI) },
  "h48-37": { words: "for Wednesday 9th please (from a Thursday at +1300)", day: on("2026-12-09", WED) },
  "h48-39": { words: "Deliver Tuesday 8 December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h48-40": { words: "To arrive Friday 11 December at the latest", day: on("2026-12-11", FRI) }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  3: /merci de ne rien nous livrer pour l'instant/,
  8: /Inutile de nous renvoyer la marchandise/,
  11: /Se désinscrire de la newsletter/,
  14: /merci d'annuler notre commande DPC-26-1121/,
  17: /Je suis d'astreinte réseau jusqu'au 6 décembre/,
  19: /Merci de nous adresser une facture rectificative/,
  23: /This is a request for quotation only and not an order: please do not send any goods/,
  27: /This is a forecast only and not an order/,
  30: /Please do not deliver anything to Glenmore/,
  33: /I am deployed on the storm response/,
  36: /no need to send anything else/,
  38: /Just a quick note to say thank you/
}

/** A forwarder's correction of the list it passes on, and a reply's added line, each read from the mail's own words. */
const SAID_AGAIN: SaidAgain = {
  "h48-05": { ref: "GN-4410", words: /passez les gants M à (\d+) boîtes au lieu de \d+/ },
  "h48-32": { ref: "REF-1008", words: /Make the hand sanitiser (\d+) not \d+/ },
  "h48-16": { ref: "GN-4410", words: /J'ajoute (\d+) boîtes de gants taille M/ },
  "h48-39": { ref: "RAL-3M", words: /please add (\d+) extension leads/ }
}

/** Quantities the dictated mails say in words, and the line a dictating electrician corrects as he speaks. */
const NUMBER_WORDS: Readonly<Record<string, number>> = { deux: 2, trois: 3, quatre: 4, cinq: 5, one: 1, three: 3, six: 6, ten: 10 }
const CORRECTED_AS_SPOKEN = "h48-07 RAL-3M"

/**
 * The words this part's mails use for each reference they order. A line's quantity must stand beside them: in a
 * table's, PDF's or CSV's row the first count cell after the reference or those words ("| 10 boîtes |", ";20;"); in
 * prose the last count just before them in the same sentence ("trois boites de gants taille L", "6 rolls 110L bin bags"), or else the first
 * after them ("large gloves x 12 boxes", "détergent 5 L : 2 bidons"). A measure ("50 cl", "110 L", "3m", "1L") or a
 * pack size ("lot de 24") is no count. The gloves' sizes are told apart by their own words.
 */
const SAID_FOR: Readonly<Record<string, RegExp>> = {
  "GN-4410": /gants (?:nitrile )?(?:taille )?M\b|M gloves|gloves,? M\b|Nitrile gloves M\b/i,
  "GN-4411": /gan[t]?s (?:nitrile )?(?:taille )?L\b|large (?:nitrile )?gloves|gloves,? large|gloves,? L\b|Nitrile gloves (?:L|large)\b/i,
  "DET-5L": /d[ée]tergent|5 ?L multi[- ]?surface cleaner/i,
  "SAC-110": /sacs (?:poubelle )?110 ?L|110 ?L bin bags|bin bags 110 ?L|Trash bags 110 ?L/i,
  "SAC-050": /Sacs poubelle 50 L/i,
  "PIL-AA": /piles AA|AA batteries/i,
  "RAL-3M": /rallonges? (?:électriques )?(?:de )?3 ?m(?:etres)?|extension leads?/i,
  "LED-E27": /ampoules LED E27|E27 LED bulbs|LED bulbs? E27/i,
  "ESS-300": /essuie-mains|hand towels|Z-fold towels/i,
  "PH-096": /papier toilette|toilet rolls|toilet tissue/i,
  "FILM-500": /film étirable|stretch film/i,
  "SAV-1L": /savon liquide|liquid hand soap/i,
  "REF-1003": /Classeur à levier/i,
  "MSQ-200": /masques? (?:type )?IIR|IIR masks|surgical masks IIR/i,
  "REF-1008": /gel hydro|hand saniti[sz]er/i,
  "EAU-50": /packs d'eau|eau plate|still water|packs (?:of )?(?:bottled )?water/i,
  "GOB-20": /gobelets/i,
  "CAF-250": /café moulu/i,
  "REF-1014": /ruban adhésif|packing tape/i,
  "REF-1015": /étiquettes d'expédition/i,
  "REF-1002": /toner/i,
  "CART-60": /double-wall boxes/i
}
const COUNT = /(?<!(?:de|of) ?|-)\b(\d+|deux|trois|quatre|cinq|one|three|six|ten)\b(?! ?(?:cl|ml|l|litres|g|m|mm|cm|metres)\b|[/.,-]\d)/gi
const countOf = (token: string) => NUMBER_WORDS[token.toLowerCase()] ?? Number(token)

/** Whether a line of the mail gives `quantity` of `ref`: a row by its reference or words, prose by the words. */
function says(line: string, ref: string, quantity: number): boolean {
  const cells = /[|;]/.test(line) ? line.split(/[|;]/) : /^[A-Z]{2,4}-[\w-]+,/.test(line) ? line.split(",") : null
  if (cells !== null) {
    const at = cells.findIndex((c) => c.includes(ref) || SAID_FOR[ref]?.test(c) === true)
    const count = at < 0 ? undefined : cells.slice(at + 1).map((c) => /^\s*(\d+)(?: [a-zà-ÿ]+)?\s*$/i.exec(c)).find((x) => x !== null)
    return count != null && Number(count[1]) === quantity
  }
  const words = SAID_FOR[ref]?.exec(line)
  if (words == null) return false
  const counts = [...line.matchAll(COUNT)]
  const before = counts.filter((c) => c.index < words.index && c.index >= words.index - 30 && !/[.!?]\s/.test(line.slice(c.index, words.index))).at(-1)
  const afterWords = counts.find((c) => c.index >= words.index + words[0].length)
  const count = before ?? afterWords
  return count !== undefined && countOf(count[1]!) === quantity
}

/**
 * How a place ends (audit48): a French postcode and its town ("34340 Marseillan", "13310 Saint-Martin-de-Crau"), a
 * British or Irish one ("Luss G83 8PD", "D24 X2F7"), a US state and ZIP ("KS 66219") or an Australian or New Zealand one
 * ("QLD 4350", "Mount Maunganui 3116") — so a place cut after its first line, or run on into the dictated words after
 * it, fails.
 */
const POSTCODE_END = /(?:\b\d{5} \p{Lu}[\p{L}']*(?:[ -](?:\p{Lu}[\p{L}']*|sur|de|la|le|les|en))*|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\bD\d{2} [A-Z\d]{4}|\b[A-Z]{2} \d{5}|\b\d{4})$/u
/** The place dictated with no postcode, and the town it ends at. */
const DICTATED_TOWN: Readonly<Record<string, string>> = { "h48-07": "a Aurillac" }
/** A form's or a sentence's words for the place ("Livrer à :", "Lieu de livraison", "Deliver To:", "Ship To", "drop at"), or any colon. */
const PLACE_HEADING = /:|^(?:Livr\w*|Lieu de livraison|Adresse|Deliver\w*|Ship\w*|Drop|Send)\b/i

describeHeldOutSet(
  { title: "the forty-eighth held-out part, written blind after the extractor", name: "h48", folder: "tuned", prefix: "h48-", source: "tuned-h48.txt" },
  {
    french: 20,
    lines: 119,
    noGoods: NOT_ORDERS,
    attachments: { pdf: ["h48-02-syndicat-eaux-vivier-pdf", "h48-24-severnside-water-pdf"], csv1252: ["h48-12-sivom-dechetterie-csv"], csvUtf8: ["h48-28-sonoran-sun-csv"] },
    headers: { bulk: [11], autoSubmitted: [17, 33] },
    knownCustomers: [[4, "C-00113"], [31, "C-00202"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a billing, accounts or invoice address, a head or registered office, a city hall or a known customer's usual address for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Factur|Comptabilit|Invoice|Bill To|Accounts|Si[èe]ge|Head Office|Registered|City Hall|Town Hall|Mairie, |Place de la Mairie|Trafford Park|Saint-Brieuc|\bS[èe]te\b|Cahors|\bMarseille\b|Bordeaux|Brest|Montceau|SIVOM|Fitzwilliam|Bodicote|Banbury|Truro|Phoenix|Tauranga|87th|\bDole\b/i
      },
      numbered: 23,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a work order, job, contract, site code, supplier, invoice, cancelled, complained-of, tendered, delivery-note or licence number",
        pattern: /^(OT |26-3318|2024-FO|30117|BL |26-22017|CS-PV|26-0917|SE-\d|FA-|EGL-|DPC-|WO-|55120|RFQ-|110482|J-7781|DN |77213|TECL|31774|HIVER)/
      },
      companyNumbers: ["257 100 233 00018", "FR 44 257100233", "512 887 301 00027", "790 114 552 00031", "433 208 915 00046", "FR 52 433208915", "09823417", "GB 231 4478 09", "02366641", "GB 615 2207 41", "448812", "IE 6348812T", "118-442-907", "604417"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    spelledNumbers: NUMBER_WORDS,
    placeNote: /\b(?:code|portail|gate|padlock|kiosk|appeler|call|sonner|buzzer|ring|ATEX|poste de garde|gatehouse|induction|security|hi-vis|4x4|piste|track|closed|weighbridge|ask|demandez|clé|key|accueil|on-call|shutter|Sharon)\b|\d{1,2} ?h\b|\d{1,2}:\d{2}|\(/i,
    placeLead: PLACE_HEADING,
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("takes each order number from beside the words the buyer leads it in with (commande, BC, bon, réf., PO, Order)", () => {
      for (const m of mails.filter((x) => x.expected.po_number !== null)) {
        const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
        expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(commande|BC|bon|réf\\.|PO|Order).{0,25}${n}`, "i"))
      }
    })

    it("gives no order number to the mails that give none (an on-call engineer's \"pas de n° de commande\", dictated mails, one-liners)", () => {
      expect(mails.filter((m) => m.expected.is_order && m.expected.po_number === null).map((m) => numberOf(m.name))).toEqual([7, 13, 21, 25, 35])
    })

    it("gives each line the quantity its mail says beside that product's own words (a glove's size above all)", () => {
      const unsaid = mails.flatMap((m) =>
        m.expected.lines
          .filter((l) => `${m.name.slice(0, 6)} ${l.ref}` !== CORRECTED_AS_SPOKEN)
          .filter((l) => !sourceLines.get(m.name)!.some((line) => says(line, l.ref, l.quantity)))
          .map((l) => `${m.name} ${l.ref} ${l.quantity}`)
      )
      expect(unsaid).toEqual([])
    })

    it("takes the dictating electrician's \"cinq rallonges … enfin quatre ca suffira\" as four leads", () => {
      const m = mails.find((x) => x.name.startsWith("h48-07"))!
      const said = NUMBER_WORDS[/enfin (\w+) ca suffira/.exec(madeFrom.get(m.name)!)![1]!]
      expect(m.expected.lines.find((l) => l.ref === "RAL-3M")?.quantity).toBe(said)
    })

    it("gives the turbine technician's \"usual address\" no place", () => {
      const m = mails.find((x) => x.name.startsWith("h48-35"))!
      expect(madeFrom.get(m.name)).toMatch(/usual address/)
      expect(m.expected.delivery_address).toBeNull()
    })

    it("ends each place at its postcode (a French one's town after it), the one dictated without a postcode at its town", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) {
        const town = DICTATED_TOWN[m.name.slice(0, 6)]
        expect(m.expected.delivery_address, m.name).toMatch(town === undefined ? POSTCODE_END : new RegExp(`\\b${town}$`))
      }
    })

    it("takes each order number whole, with no letter, digit, slash or hyphen of the mail's run left beside it", () => {
      for (const m of mails.filter((x) => x.expected.po_number !== null)) {
        const n = m.expected.po_number!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
        expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(?<![\\w/-])${n}(?![\\w/-])`))
      }
    })

    it("takes each place of delivery without the preposition or article the sentence leads into it with", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(/^(?:(?:the|to|at|our|a|an|la|le|les|au|aux|à|sur)\s|l')/i)
    })
  }
)
