import { expect, it } from "vitest"

import { after, DAY, FRI, MON, next, nextWeeks, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The fifty-third held-out part (issue #11, held-out-53/): 40 mails by an author who read neither the extractor nor
 * another set's mails or labels — the back rooms of justice and money, away from the office floor's law firms,
 * notaries, accountants, brokers and bank branches: a commercial court registry's archive annex, a commissaires de
 * justice study, a loss adjuster's forwarded list, a chamber of commerce's formalities centre and exam centre, a mutual
 * insurer's claims centre, a bank's regional processing centre (PDF), a pawnbroker's pledge store, a patent attorney, an
 * arbitration centre, a pension fund dictated, a payroll office, a debt-recovery firm's .csv, a Swiss debt-enforcement
 * office's auction room, a Québec caisses' back office; UK loss adjusters, a Phoenix title and escrow office, an
 * enforcement officers' depot, a Singapore bank's operations centre, a Sydney claims floor, a building society's
 * mortgage operations (PDF), a Christchurch claims file store, patent attorneys' records centre, a credit union's
 * operations center, a Pune claims processing centre, a Sheffield debt collector's .csv, a Toronto payments centre, a
 * Cork chamber's export documentation desk, and their look-alikes. Checked here without the extractor.
 */

/** "Monday week": the Monday after the coming one. */
const mondayWeek = (sent: number) => next(MON)(sent) + 7 * DAY

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h53-01": { words: "Il me faudrait pour jeudi (from a Monday at dawn)", day: next(THU) },
  "h53-02": { words: "Livraison souhaitée le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h53-03": { words: "Livraison au plus tard le jeudi 10 décembre (the forwarded list)", day: on("2026-12-10", THU) },
  "h53-05": { words: "semaine prochaine, le mercredi de préférence (from a Wednesday)", day: nextWeeks(WED) },
  "h53-06": { words: "Date de livraison : 10/12/2026 (in the PDF, day first)", day: on("2026-12-10", THU) },
  "h53-08": { words: "pour demain matin si possible (from a Thursday evening)", day: after(1) },
  "h53-09": { words: "Pourriez-vous nous livrer pour mardi (from a Wednesday)", day: next(TUE) },
  "h53-11": { words: "Livraison le vendredi 4 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-04", FRI) },
  "h53-12": { words: "Pour le lundi 7 décembre avant 9 h", day: on("2026-12-07", MON) },
  "h53-13": { words: "pour vendredi (dictated on a Monday)", day: next(FRI) },
  "h53-15": { words: "Pour la fin de la semaine prochaine (from a Friday: the Friday of next week)", day: nextWeeks(FRI) },
  "h53-16": { words: "Date livraison;09/12/2026 (in the CSV, day first)", day: on("2026-12-09", WED) },
  "h53-17": { words: "d'ici mercredi prochain (from a Thursday: the coming Wednesday)", day: next(WED) },
  "h53-19": { words: "Pour lundi si c'est possible (from a Friday afternoon at −0500)", day: next(MON) },
  "h53-21": { words: "need these by Thursday (from a Monday)", day: next(THU) },
  "h53-22": { words: "no later than Wednesday, December 9", day: on("2026-12-09", WED) },
  "h53-23": { words: "By Friday please (from a Tuesday)", day: next(FRI) },
  "h53-25": { words: "Deliver Tuesday 8 December (the quoted request: \"Everything else as Kelly wrote\")", day: on("2026-12-08", TUE) },
  "h53-26": { words: "Delivery: Monday, 7 December 2026", day: on("2026-12-07", MON) },
  "h53-28": { words: "next tuesday (from a Thursday at +1100: the coming Tuesday)", day: next(TUE) },
  "h53-29": { words: "Delivery Date: 08/12/2026 (in the PDF, British, day first)", day: on("2026-12-08", TUE) },
  "h53-31": { words: "need by Monday (from a Friday at +1300)", day: next(MON) },
  "h53-32": { words: "Please deliver Friday 4 December", day: on("2026-12-04", FRI) },
  "h53-33": { words: "Need by: 12/09/2026 (American, month first)", day: on("2026-12-09", WED) },
  "h53-35": { words: "latest by Thursday, 10th December", day: on("2026-12-10", THU) },
  "h53-36": { words: "Delivery Date,07/12/2026 (in the CSV, \"Dates are UK format\")", day: on("2026-12-07", MON) },
  "h53-39": { words: "Monday week is fine (from a Thursday)", day: mondayWeek }
}

/** Each look-alike, and the words of its mail that say no goods are asked for. */
const NOT_ORDERS: Readonly<Record<number, RegExp>> = {
  4: /Ce n'est pas une commande : merci de ne rien expédier/,
  7: /Je suis absente jusqu'au lundi 7 décembre/,
  10: /Merci de nous faire un avoir ; pas de remplacement/,
  14: /Merci d'annuler notre commande CJM-26-0311/,
  18: /Il ne s'agit pas d'une nouvelle commande/,
  20: /Se désinscrire/,
  24: /not an order: please don't ship anything/,
  27: /Nothing else for now/,
  30: /I am out of the office until Tuesday 8 December/,
  34: /This is not a new order, please don't send it twice/,
  38: /Please cancel our order JHB-PO-5512/,
  40: /Please just credit us for the two, no replacement needed/
}

/** A forwarder's changed count, a reply's added line and an approver's change, by the mail's own words. */
const SAID_AGAIN = {
  "h53-03": { ref: "CAP-100", words: /Passez les capsules à (\d+) boîtes au lieu de \d+/ },
  "h53-11": { ref: "EAU-50", words: /J'ajoute (\d+) packs d'eau/ },
  "h53-25": { ref: "GN-4411", words: /make the large gloves (\d+) boxes not \d+/ }
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { huit: 8, cinq: 5, dix: 10 }

/** The words this part's mails write for each product they order, in French or English (a size, a format, a box size). */
const GOODS: Readonly<Record<string, RegExp>> = {
  // Recycled A4 is PAP-A4R: the plain reams' words never carry "recycl".
  "REF-1001": /^(?!.*recycl).*\bA4\b/i,
  "PAP-A3": /\bA3\b/,
  "PAP-A4R": /recycl/i,
  "REF-1002": /toner/i,
  "REF-1003": /classeurs?|lever arch/i,
  "REF-1006": /coffee beans|café en grains/i,
  "REF-1008": /gel hydroalcoolique|sanitiser/i,
  "REF-1011": /enveloppes C4|C4 envelopes/i,
  "REF-1014": /ruban adhésif|packing tape/i,
  "REF-1015": /[ée]tiquettes|labels/i,
  "ENC-305N": /HP 305 (?:noires?|black)/i,
  "ENC-305C": /HP 305 (?:couleur|colou?r)/i,
  "POST-76": /notes repositionnables|sticky notes/i,
  "STY-BL": /stylos bille bleus|blue (?:ballpoint |ball )?pens/i,
  "STY-NR": /stylos bille noirs|black pens/i,
  "SURL-J": /surligneurs|highlighters/i,
  "CART-40": /40x30x30/,
  "CART-60": /60x40x40/,
  "FILM-500": /film/i,
  "PIL-AA": /piles|batteries/i,
  "LED-E27": /\bLED\b/,
  "RAL-3M": /rallonge|extension lead/i,
  "PH-096": /papier toilette|toilet tissue/i,
  "ESS-300": /essuie-mains|hand towels/i,
  "SAV-1L": /savon|soap/i,
  "DET-5L": /d[ée]tergent|multi-surface cleaner/i,
  "SAC-050": /\b50 ?L\b/i,
  "SAC-110": /\b110 ?(?:L|litres?)\b/i,
  "GN-4409": /gants|gloves/i,
  "GN-4410": /gants|gloves/i,
  "GN-4411": /gants|gloves/i,
  "MSQ-200": /masques|masks/i,
  "CAP-100": /capsules|pods/i,
  "CAF-250": /café moulu|ground coffee/i,
  "GOB-20": /gobelets|cups/i,
  "EAU-50": /\beau\b|water/i
}

/** A row's counts, once the sizes and packs its goods are named by are taken out ("110 litres", "5L", "50 cl", "boîte de 50", "packs of 24", "roll of 25", "60x40x40"). */
const countsOf = (row: string) => {
  // A row's line number ("3 | GOB-20", "2. A4 copy paper"), a reference's figures ("GOB-20", "REF-1015") and a box's
  // content in brackets or words ("C4 (250)", "carton 20 paquets") are no counts either.
  const unnumbered = row.replace(/^\d+(?: ?[|;,]|\.) ?/, " ").replace(/\b[A-Z]+-\d+\b|\(\d[\d ,]*\)|\bcarton \d+ paquets\b/g, " ")
  const bare = unnumbered.replace(/\b\d+x\d+x\d+\b|\b(?:lot|colis|boîtes?|box|case|packs?|sachet|bag|cartons?|paquets?|rolls?|rouleaux?) (?:de|of) \d+|\b\d+(?:[.,]\d+)? ?(?:L|litres?|cl|g|mm|m)\b/gi, " ")
  return new Set([...bare.matchAll(/\b\d+\b/g)].map((x) => Number(x[0])).concat(bare.toLowerCase().split(/[^a-zà-ÿ]+/).flatMap((w) => (NUMBER_WORDS[w] === undefined ? [] : [NUMBER_WORDS[w]]))))
}

/**
 * What a place may follow inside a line: a cell's or a semicolon CSV field's start, a colon, the preposition the sentence
 * leads in with — not a comma, so that the debt collector's place, its row's four fields, starts at the row's start.
 */
const PLACE_LEAD = /(?:[:;\t|] ?|\b(?:à|au|aux|to|at|the|chez) )$/
/** The words two sentences lead into the place with, no name of it, left out of its label (the author's call). */
const PLACE_LEAD_WORDS: Readonly<Record<string, string>> = { "h53-13": "au service des dossiers ", "h53-35": "at our " }

describeHeldOutSet(
  { title: "the fifty-third held-out part, written blind after the extractor", name: "held-out 53", folder: "held-out-53", source: "held-out-53.txt" },
  {
    french: 20,
    lines: 103,
    noGoods: NOT_ORDERS,
    attachments: { pdf: ["h53-06-banque-centre-traitement-pdf", "h53-29-building-society-pdf"], csv1252: ["h53-16-recouvrement-csv"], csvUtf8: ["h53-36-debt-collection-csv"] },
    headers: { bulk: [20], autoSubmitted: [7, 30] },
    knownCustomers: [[9, "C-00108"], [15, "C-00115"], [23, "C-00201"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, PO Box, GPO Box, case postale, C.P., CS/Cedex, billing, Invoice To, Bill To or Accounts line, a seat, registered office or court the mail rules out, nor a known customer's usual address, for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|case postale|C\.P\.|Cedex|\bCS \d|Factur|Invoice|Bill to|Accounts|siège|Head office|Registered Office|Gambetta|ZI des Forges|Mill Lane|Colmore|place de la République|tribunal|Voltaire|Mérignac|Foch|New Square|Nariman|Collyer/i
      },
      numbered: 22,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never a supplier code, claim, contract, cost-centre, requisition, legal-commitment, auction, internal-request, job, escrow, matter, invoice, delivery-note, cancelled or chased order's number",
        pattern: /^(F-2231|26-SIN|2025-CG|6120|DA-7731|100447|2600418822|VE-2026|DI-2026|LA-4471|26-004471|7710-OPS|REQ-5521|300447|CHC-26|P55120GB|408812|FA-|BL-|CJM-|GCC-|JHB-|PCC-|D-26|Q-26|DN )/
      },
      companyNumbers: ["821 447 093 00018", "130 021 885 00017", "512 330 418", "FR 52 408 331 276", "04417723", "06118827", "41187", "199704417K", "27AABCS4417M1Z2"],
      lookAlikesNameNoCustomer: true
    },
    saidAgain: SAID_AGAIN,
    refsOnce: true,
    numberLeads: "commande|bon|PO|Order",
    wholeNumbers: true,
    bareNumbers: true,
    placeNote: /\b(?:ouvert|open|hours|heures|portail|gatehouse|badge|sonner|rideau|ring|ask|demander|door|porte|dock|quai|back|derri[eè]re|parking|côté|closes|not|pas|non|surtout)\b|\d{1,2} ?h\b|\d{1,2}:\d{2}|[()]/i,
    placeEnd: /(?:\b\d{5} [\p{L}' -]+|\b\d{4} [\p{L}' -]+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\b[A-Z]\d[A-Z] \d[A-Z]\d|\b[A-Z]{2} \d{5}|\b[A-Z]\d{2} [A-Z\d]{4}|\b\d{6}|\b\d{4})$/u,
    goods: { countsOf, words: GOODS, clauses: /,\s+|\s+and\s+|\s+et\s+/, gloveSizes: /\b\d+ ?(?:L|litres?|m)\b|\bGN-\d+\b/gi },
    placeStart: { lead: PLACE_LEAD, leadWords: PLACE_LEAD_WORDS, lineStart: { orderLine: true, csvHeader: true } },
    delivery: DELIVERY
  },
  ({ mails, madeFrom }) => {
    it("counts the pension fund's dictated spelled numbers beside their own products", () => {
      const lines = mails.find((m) => m.name.startsWith("h53-13"))!.expected.lines.map((l) => [l.ref, l.quantity])
      expect(madeFrom.get("h53-13-caisse-retraite-dictee")).toMatch(/huit colis de papier toilette cinq bidons de détergent multi surfaces et dix rouleaux de sacs poubelle 110 litres/)
      expect(lines).toEqual([["PH-096", 8], ["DET-5L", 5], ["SAC-110", 10]])
    })

    it("takes each place of delivery without the preposition the sentence leads into it with", () => {
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(/^(?:to|at|au|aux|à|chez|ship to|deliver to|livrer à)\s/i)
      for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(/^the [a-z]/)
    })

    it("leaves the loss adjuster's \"To the office as usual\" without a place and the payments centre's \"No rush\" without a day", () => {
      const adjuster = mails.find((m) => m.name.startsWith("h53-21"))!
      expect(madeFrom.get(adjuster.name)).toMatch(/To the office as usual/)
      expect(adjuster.expected.delivery_address).toBeNull()
      const payments = mails.find((m) => m.name.startsWith("h53-37"))!
      expect(madeFrom.get(payments.name)).toMatch(/No rush, any day next week works for us/)
      expect(payments.expected.delivery_date).toBeNull()
    })
  }
)
