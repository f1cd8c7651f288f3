import { expect, it } from "vitest"

import { after, FRI, isoWeek, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The forty-ninth held-out part (issue #11; h49-* in tuned/ since tune48, held-out-49/ until then): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — local government and public services: the known Mairie de Vergèze's technical
 * services (a bon de commande and its engagement number, Chorus Pro, the depot and not the mairie), an intercommunal
 * waste-collection depot's PDF, a municipal pool's budget quote request, a département's road centre before the
 * winter service, a deputy mayor forwarding the campsite keeper's list and changing it, a cemetery keeper dictating,
 * a tourist office's wrong-cartridge complaint, a prefecture's logistics office, a supplier's newsletter, a sports
 * hall's HTML-only table, an agglomeration's windows-1252 CSV, a town hall's cancellation, a depot agent on an
 * iPhone, a rejected Chorus Pro invoice, a SIVOM adding to its order, a one-person mairie's secretary, a DGS's
 * out-of-office, a road agency's "semaine 50, le mardi", the known EHPAD's CCAS kitchen, Ajaccio's workshops in
 * brackets; an English district council's official order to its highways depot, a parish clerk for the village hall,
 * a leisure centre's PDF, a councillor forwarding a community centre's list, a bereavement service's RFQ, a county
 * stores' short delivery, a tourist information centre's "as usual", a gritting crew dictating, an Ontario township's
 * CSV, a parish cancellation, an out-of-office, a New Zealand depot's HTML table, an accounts-payable query, a council
 * stores' reply adding to its PO, an Australian works depot, thanks, a Mayor's secretary, a Welsh town clerk's four
 * lines, a Wisconsin county's parks shop, a Scottish caravan park. Checked here without the extractor.
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h49-01": { words: "Livraison pour mardi (from a Thursday)", day: next(TUE) },
  "h49-02": { words: "Date de livraison souhaitée : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h49-04": { words: "avant le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h49-05": { words: "pour vendredi (the keeper's list of Tuesday; forwarded on Wednesday night: the same Friday)", day: next(FRI) },
  "h49-06": { words: "pour demain si possible (dictated on a Thursday)", day: after(1) },
  "h49-08": { words: "Livraison souhaitée le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h49-10": { words: "pour le lundi 7 décembre (a table cell)", day: on("2026-12-07", MON) },
  "h49-11": { words: "Date livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h49-13": { words: "Pr jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h49-15": { words: "Livraison le vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h49-16": { words: "A livrer le jeudi 3 décembre", day: on("2026-12-03", THU) },
  "h49-18": { words: "Livraison souhaitée semaine 50, le mardi (ISO week 50 of 2026)", day: isoWeek(50, TUE) },
  "h49-19": { words: "Pour lundi (from a Thursday)", day: next(MON) },
  "h49-20": { words: "après-demain (from a Wednesday)", day: after(2) },
  "h49-21": { words: "Deliver by Thursday 10 December", day: on("2026-12-10", THU) },
  "h49-22": { words: "Please deliver for Friday (from a Monday evening)", day: next(FRI) },
  "h49-23": { words: "Delivery Date: 07/12/2026 (in the PDF, British, day first)", day: on("2026-12-07", MON) },
  "h49-24": { words: "by Monday (the centre's list of Tuesday; forwarded on Wednesday: the same Monday)", day: next(MON) },
  "h49-27": { words: "tomorrow if poss (from a Tuesday evening)", day: after(1) },
  "h49-28": { words: "by Friday 4th (dictated on a Thursday at dawn)", day: on("2026-12-04", FRI) },
  "h49-29": { words: "Required Date,12/09/2026 (in the CSV, North American, month first: PO Date,11/30/2026)", day: on("2026-12-09", WED) },
  "h49-32": { words: "Deliver | Wednesday 9 December (a table cell, written at +1300)", day: on("2026-12-09", WED) },
  "h49-34": { words: "Delivery Tuesday 8 December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h49-35": { words: "for delivery next Tuesday (from a Wednesday: the coming Tuesday)", day: next(TUE) },
  "h49-37": { words: "by Wednesday 9th (from a Friday)", day: on("2026-12-09", WED) },
  "h49-39": { words: "deliver by Wednesday, December 9", day: on("2026-12-09", WED) },
  "h49-40": { words: "w/c 7th December, Monday ideally", day: on("2026-12-07", MON) }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  3: /Ce n'est pas une commande : merci de ne rien expédier/,
  7: /Merci de venir reprendre les cartouches couleur ou de nous établir un avoir/,
  9: /Se désabonner/,
  12: /merci d'annuler notre bon de commande/,
  14: /Il ne s'agit pas d'une nouvelle commande/,
  17: /Je suis absent jusqu'au lundi 7 décembre/,
  25: /This is not an order yet/,
  26: /Please don't send the missing two/,
  30: /Please cancel our order PC-0098/,
  31: /I am out of the office until Monday 7 December/,
  33: /This is not a new order/,
  36: /Nothing else needed for now/
}

/** A forwarder's changed quantity and a reply's added line, by the mail's own words. */
const SAID_AGAIN = {
  "h49-05": { ref: "PH-096", words: /Mettez (\d+) colis de papier toilette au lieu de \d+/ },
  "h49-24": { ref: "GN-4410", words: /Make it (\d+) boxes of gloves not \d+/ },
  "h49-15": { ref: "PIL-AA", words: /J'ajoute (\d+) lots de piles AA/ },
  "h49-34": { ref: "PIL-AA", words: /add (\d+) packs of AA batteries to PO/ }
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { une: 1, deux: 2, trois: 3, four: 4, twelve: 12, twenty: 20 }

/** The words this part's mails write for each product they order, in French or English (a size, a litre count, a colour). */
const GOODS: Readonly<Record<string, RegExp>> = {
  "REF-1001": /ramette/i,
  "REF-1011": /envelop/i,
  "REF-1014": /scotch|ruban adhésif|packing tape/i,
  "REF-1015": /étiquettes|labels/i,
  "STY-BL": /stylos[^\n]*bleu/i,
  "STY-NR": /black pens/i,
  "ENC-305N": /HP 305 noire/i,
  "ENC-305C": /HP 305 couleur/i,
  "FILM-500": /film/i,
  "CART-60": /60x40x40/i,
  "RAL-3M": /rallonge|extension lead/i,
  "PIL-AA": /piles|batteries/i,
  "LED-E27": /LED E27|ampoules LED|LED bulbs/i,
  "GN-4410": /gants|gloves/i,
  "GN-4411": /gants|gloves/i,
  "SAC-110": /\b110 ?(?:L|litres)\b/i,
  "SAC-050": /\b50 ?L\b/i,
  "DET-5L": /d[ée]tergent|multi-surface cleaner/i,
  "LV-5L": /vaisselle|washing-up/i,
  "SAV-1L": /savon|soap/i,
  "ESS-300": /essuie-mains|hand towels/i,
  "PH-096": /papier toilette|toilet tissue/i,
  "GOB-20": /gobelets|cups/i,
  "EAU-50": /\beau\b|water/i,
  "CAF-250": /ground coffee/i,
  "CAP-100": /espresso pods/i
}

/** A row's counts, once the sizes and packs its goods are named by are taken out ("110 L", "5L", "lot de 24", "96-roll", "2-ply", "60x40x40", "HP 305"). */
const countsOf = (row: string) => {
  const bare = row.replace(/\b\d+x\d+x\d+\b|HP 305|\b(?:lot|colis|boîte|box|case|pack|sachet|bag) de \d+|\b96[- ]rolls?\b|\b\d-ply\b|\b\d+(?:[.,]\d+)? ?(?:L|litres|cl|g|mm|m)\b/gi, " ")
  return new Set([...bare.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(bare.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
}

describeHeldOutSet(
  { title: "the forty-ninth held-out part, written blind after the extractor", name: "h49", folder: "tuned", prefix: "h49-", source: "tuned-h49.txt" },
  {
    french: 20,
    lines: 96,
    noGoods: NOT_ORDERS,
    attachments: { pdf: ["h49-02-cc-pays-de-lunel-pdf", "h49-23-leisure-centre-pdf"], csv1252: ["h49-11-agglo-niort-csv"], csvUtf8: ["h49-29-uxbridge-township-csv"] },
    headers: { bulk: [9], autoSubmitted: [17, 31] },
    knownCustomers: [[1, "C-00113"], [19, "C-00119"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, PO Box, CS/Cedex, billing or Accounts Payable line, a Civic Centre, City Chambers, Hôtel de Ville, council offices or HQ, nor a known customer's usual address, for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Factur|Invoice|Bill To|Accounts|Civic Centre|City Chambers|Hôtel de Ville|hôtel de ville|Hôtel du Département|Town Council offices|Buttercross|Badminton Road|Baylis Street|Commerce Street|Elgin|Place de la Mairie|chemin des Vergers|chemin des Merles|Gare d'Eau|The Street|Clerk/i
      },
      numbered: 21,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never an engagement, imputation, Chorus, minute, delivery-note, invoice, cancelled or complained-of order's number",
        pattern: /^(2026\/1930|E-2026|011-6068|1300218844|LOG44|EJ |26-0877|2026\/117|BL |26-44817|DN |77120|4600188342|INV-|F2026|LAM-26|2026-00955|2026-0412|PC-0098)/
      },
      companyNumbers: ["243 400 694 00019", "174 400 016 00013", "GB 104 5532 12", "56 044 159 537"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    numberLeads: "commande|bon|BC|PO|Order|Req\\.|ref",
    wholeNumbers: true,
    spelledNumbers: NUMBER_WORDS,
    placeNote: /\b(?:ouvert|open|opening|hours|heures|portail|gate|key|clé|ring|sonner|side door|demander|ask|poste de garde|identité|accès|entrée|arrière|locked|yard man|lads|not|pas|non|cannot)\b|\d{1,2} ?h\b|\d{1,2}:\d{2}|[()]/i,
    placeLead: /^(?:(?:the|to|at|a|au|aux|à|la|le|les)\s|l')/i,
    placeEnd: /(?:\b\d{5} [\p{L}' -]+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\b[A-Z]\d[A-Z] \d[A-Z]\d|\b(?:NSW|WI) \d{4,5}|\b\d{4})$/u,
    goods: { countsOf, words: GOODS },
    delivery: DELIVERY
  },
  ({ mails, madeFrom, sourceLines }) => {
    it("counts the dictated mails' spelled numbers beside their own products (the cemetery keeper's, the gritting crew's)", () => {
      const linesOf = (prefix: string) => mails.find((m) => m.name.startsWith(prefix))!.expected.lines.map((l) => [l.ref, l.quantity])
      expect(madeFrom.get("h49-06-gardien-cimetiere-dicte")).toMatch(/deux rouleaux de sacs poubelle 110 litres trois bidons de detergent et une boite de gants taille L/)
      expect(linesOf("h49-06")).toEqual([["SAC-110", 2], ["DET-5L", 3], ["GN-4411", 1]])
      expect(madeFrom.get("h49-28-gritting-depot-dictated")).toMatch(/twelve packs of double A batteries .* twenty boxes of large nitrile gloves .* four of the LED bulbs E27/)
      expect(linesOf("h49-28")).toEqual([["PIL-AA", 12], ["GN-4411", 20], ["LED-E27", 4]])
    })

    it("gives each sized glove line the size its mail writes beside that count, in the same line or row", () => {
      const size: Readonly<Record<string, RegExp>> = { "GN-4409": /\b(?:S|small)\b/i, "GN-4410": /\b(?:M|medium)\b/i, "GN-4411": /\b(?:L|large)\b/i }
      const counts = (line: string) => new Set([...line.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(line.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
      for (const m of mails) {
        // A forwarder's changed count ("Make it 10 boxes of gloves not 6") is checked by its own words above.
        const changed = SAID_AGAIN[m.name.slice(0, 6) as keyof typeof SAID_AGAIN]?.ref
        for (const l of m.expected.lines.filter((x) => x.ref.startsWith("GN-") && x.ref !== changed)) {
          const near = sourceLines.get(m.name)!.filter((r) => /gants|gloves/i.test(r) && counts(r).has(l.quantity) && size[l.ref]!.test(r.replace(/\b\d+ ?(?:L|litres|m)\b/gi, "")))
          expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
        }
      }
    })

    it("leaves the tourist information centre's \"to us as usual\" and the Welsh clerk's dateless order empty where they name nothing", () => {
      const tic = mails.find((m) => m.name.startsWith("h49-27"))!
      expect(madeFrom.get(tic.name)).toMatch(/to us as usual/)
      expect(tic.expected.delivery_address).toBeNull()
      expect(mails.find((m) => m.name.startsWith("h49-38"))!.expected.delivery_date).toBeNull()
    })
  }
)
