import { after, DAY, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type SaidAgain, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former forty-first held-out part (issue #11; h41-* in tuned/ since tune40, held-out-41/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — worship, funerals and communities: a Montpellier parish secretary on an iPhone, a
 * Lyon funeral home's ERP PDF, an abbey's guest master's table, a Roubaix mosque's price request, a cathedral rector's
 * office forwarding and correcting the sacristan's list, the known Catholic school's bursar sending to its other site
 * ("sous huitaine"), a Rodez funeral director dictating, a crematorium's invoice query, a Metz Jewish community's
 * Hanukkah order, a diocesan office's pasted table ("semaine 51"), a liturgical supplier's newsletter, a crematorium's
 * windows-1252 CSV, a monumental mason dictating from a cemetery, a Carmel's cancellation, the known town's cemetery
 * keeper's lodge, a Catholic lycée adding to its own order, a convent's wrong-paper complaint, a Belgian abbey shop
 * ("septante", "nonante"), a sanctuary's out-of-office, a pilgrims' hostel on the Way of St James; a Texas church on an
 * iPhone, a Sheffield funeral director's PDF, a diocese's invitation to tender, the known Cardiff printer's carol
 * booklets ("a week on Friday"), a San Jose Buddhist temple's UTF-8 CSV, a Leicester mandir's table, a Dublin
 * crematorium's credit-note query, a Christchurch parish, a Brisbane funeral director dictating ("Thursday week"), a
 * Richmond church's chaser, a city's bereavement services, an Edinburgh cathedral office forwarding the verger's list,
 * a mosque's out-of-office, a Bradford mosque before Jummah, a Singapore cathedral's PO, a Surrey BC gurdwara's
 * trade-account enquiry, a Boston funeral home, an abbey guest house's thanks, a Salford Jewish school adding to its
 * PO, a Walsingham pilgrims' hostel. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

const SAT = 6
/** "A week on Friday" (British): the Friday after the coming one. */
const aWeekOn = (weekday: number) => (sent: number) => next(weekday)(sent) + 7 * DAY

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h41-01": { words: "pour mercredi (from a Monday, on an iPhone)", day: next(WED) },
  "h41-02": { words: "Date de livraison : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h41-03": { words: "Livraison souhaitée pour le jeudi 10 décembre", day: on("2026-12-10", THU) },
  "h41-05": { words: "pour mardi (the forwarded list's, from a Wednesday; the forward a Thursday: the same Tuesday)", day: next(TUE) },
  "h41-06": { words: "Livraison sous huitaine (from a Thursday: eight days on)", day: after(8) },
  "h41-07": { words: "pour vendredi (dictated on a Tuesday evening)", day: next(FRI) },
  "h41-09": { words: "au plus tard le vendredi 4 décembre avant 12 h", day: on("2026-12-04", FRI) },
  "h41-10": { words: "Livraison semaine 51, le mardi de préférence (ISO week 51 of 2026)", day: isoWeek(51, TUE) },
  "h41-12": { words: "Date livraison;07/12/2026 (in the CSV, day first)", day: on("2026-12-07", MON) },
  "h41-13": { words: "pour après-demain (dictated on a Wednesday)", day: after(2) },
  "h41-15": { words: "À livrer mercredi prochain (from a Thursday)", day: next(WED) },
  "h41-16": { words: "Livraison lundi 7 décembre (the quoted first mail: \"même livraison\")", day: on("2026-12-07", MON) },
  "h41-18": { words: "pour le mardi 8/12 (Belgian, no year: day first, this December)", day: on("2026-12-08", TUE) },
  "h41-20": { words: "d'ici la fin de la semaine prochaine (from a Friday: next week's Friday)", day: nextWeeks(FRI) },
  "h41-21": { words: "for Thursday (from a Tuesday, on an iPhone)", day: next(THU) },
  "h41-22": { words: "Delivery Date: 07/12/2026 (in the PDF, British, day first)", day: on("2026-12-07", MON) },
  "h41-24": { words: "A week on Friday (from a Tuesday: the Friday after this one)", day: aWeekOn(FRI) },
  "h41-25": { words: "Ship Date,12/09/2026 (in the CSV, US, month first: Order Date,11/30/2026)", day: on("2026-12-09", WED) },
  "h41-26": { words: "for Saturday 5th December", day: on("2026-12-05", SAT) },
  "h41-28": { words: "Delivery on Tuesday 8 Dec", day: on("2026-12-08", TUE) },
  "h41-29": { words: "for Thursday week (dictated on a Monday: next week's Thursday)", day: nextWeeks(THU) },
  "h41-31": { words: "Delivery required by 9th December 2026", day: on("2026-12-09", WED) },
  "h41-32": { words: "for Friday (the forwarded list's, from a Tuesday; the forward a Wednesday: the same Friday)", day: next(FRI) },
  "h41-34": { words: "before Jummah on Friday (from a Monday)", day: next(FRI) },
  "h41-35": { words: "Delivery: 14 December 2026", day: on("2026-12-14", MON) },
  "h41-37": { words: "Requested delivery: 12/10/2026 (US, month first)", day: on("2026-12-10", THU) },
  "h41-39": { words: "Deliver Tuesday 8th December (the quoted first mail: \"same delivery\")", day: on("2026-12-08", TUE) },
  "h41-40": { words: "by Friday 11th at the latest", day: on("2026-12-11", FRI) }
}

const NOT_ORDERS = [4, 8, 11, 14, 17, 19, 23, 27, 30, 33, 36, 38]

/**
 * The quantities the label test would not otherwise see moved: a forwarder's correction of the list it passes on
 * (the new number, not the list's) and a reply's added line, each read from the mail's own words.
 */
const SAID_AGAIN: SaidAgain = {
  "h41-05": { ref: "SAC-110", words: /mettre (\d+) rouleaux de sacs 110 L au lieu de \d+/ },
  "h41-32": { ref: "REF-1001", words: /Make the paper (\d+) reams not \d+/ },
  "h41-16": { ref: "LV-5L", words: /J'ajoute (\d+) bidons de liquide vaisselle/ },
  "h41-39": { ref: "STY-NR", words: /add (\d+) boxes of black pens to PO/ }
}

describeHeldOutSet(
  { title: "the former forty-first held-out part (h41-* in tuned/), written blind after the extractor and now tuning material", name: "h41", folder: "tuned", prefix: "h41-", source: "tuned-h41.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 113,
    attachments: { pdf: ["h41-02-pompes-funebres-roche-pdf", "h41-22-alder-sons-funeral-pdf"], csv1252: ["h41-12-crematorium-sambre-csv"], csvUtf8: ["h41-25-blue-lotus-temple-csv"] },
    headers: { bulk: [11], autoSubmitted: [19, 33] },
    knownCustomers: [[6, "C-00112"], [15, "C-00113"], [24, "C-00204"]],
    runs: {
      places: 28,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex, a billing or postal address, a head office or a customer's usual address for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|Facturation|Facturer|Comptabilit|Invoice|Bill To|Head Office|Siège|Postal|rue du Général-de-Gaulle|Place de la Mairie|Castle Street|Manor Place|rue de l'Arsenal|route de Mazamet|Shrine Office|sanctuary/i
      },
      numbered: 16,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never an invoice, a cancelled, chased or tendered order's number, a commitment, company, charity, tax or funeral-licence number",
        pattern: /^(FA-26|SCL-0412|INV-|5512|DOC-ITT|E-26-1192|26-69-0187|RNA|W595)/
      },
      companyNumbers: ["412 558 903 00027", "786 123 456 00019", "255 901 234 00015", "BE 0412.345.678", "04471290", "GB 318 4420 19", "249221", "1098765", "1123456", "SC012345", "51 824 753 556", "S62CC0123A", "M90312345K"]
    },
    saidAgain: SAID_AGAIN,
    // As held-out 37's "mail room at …" and 39's "large animal store …": "to the parish hall, …" gives "parish hall, …".
    placeLead: /^(?:(?:the|to|a|an|la|le|les|au|aux|à)\s|l')/i,
    delivery: DELIVERY
  }
)
