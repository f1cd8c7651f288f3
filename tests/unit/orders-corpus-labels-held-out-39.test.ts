import { after, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-ninth held-out part (issue #11; h39-* in tuned/ since tune38, held-out-39/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — the land and food production at work, all year and not only for Christmas: a
 * Cantal dairy GAEC on an iPhone, a Jura comté fruitière's ERP PDF, a Breton abattoir's Outlook table, a Normandy
 * stud's 2027 price request, a market garden's forwarded and corrected list, the known rural vets dictating, a fish
 * auction hall, a Martinique banana estate's invoice query, a riding centre adding to its own order, a Beauce grain
 * silo's "semaine 50", a farmers' co-op newsletter, a trout farm's windows-1252 CSV, a butcher's cutting room
 * dictating, a Réunion grower's cancellation, the known cheesemonger's stand at a farm-produce show, an agricultural
 * lycée's farm, a goat-cheese farm's wrong-gloves complaint, a Gruyère dairy in Swiss French, a forester's
 * out-of-office, a Herve dairy co-op; a Kentucky stud on an iPhone, a Yorkshire auction mart's café ("a week
 * tomorrow"), a forest district's invitation to quote, the known Thornton Foods' poultry plant, a Canterbury (NZ) dairy's
 * PDF, a Devon fish market's ice plant, a Welsh stud's invoice query, a New South Wales grain receival site at harvest,
 * a Cumbrian vet dictating in the car, an Alberta feedlot's chaser, a Salinas greenhouse's UTF-8 CSV, a Kildare stud's
 * forwarded and corrected list, a Cape citrus packhouse's out-of-office, an agricultural society's fatstock show, a
 * Tasmanian salmon hatchery, a Newry abattoir's trade-account enquiry, a Naivasha rose farm's LPO, a Dumfries
 * abattoir's cancellation, an Iowa grain elevator adding to its own PO, a riding-for-the-disabled yard. Checked here
 * without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h39-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h39-02": { words: "Date de livraison : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h39-03": { words: "Livraison pour le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h39-05": { words: "pour lundi (the forwarded list's, from a Wednesday; the forward a Thursday: the same Monday)", day: next(MON) },
  "h39-06": { words: "d'ici jeudi (dictated on a Tuesday)", day: next(THU) },
  "h39-07": { words: "le mardi de la semaine prochaine (from a Friday)", day: nextWeeks(TUE) },
  "h39-09": { words: "Livraison jeudi 3 décembre (the quoted first mail: \"Même livraison\")", day: on("2026-12-03", THU) },
  "h39-10": { words: "Livraison semaine 50, le mercredi (ISO week 50 of 2026)", day: isoWeek(50, WED) },
  "h39-12": { words: "Date livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h39-13": { words: "pour vendredi (dictated on a Wednesday evening)", day: next(FRI) },
  "h39-15": { words: "pour le lundi 7 décembre au matin", day: on("2026-12-07", MON) },
  "h39-16": { words: "Livraison souhaitée le 08/12 (no year: day first, this December)", day: on("2026-12-08", TUE) },
  "h39-18": { words: "Livraison jeudi 10.12.2026 (Swiss, day first)", day: on("2026-12-10", THU) },
  "h39-20": { words: "pour ce mercredi (from a Monday)", day: next(WED) },
  "h39-21": { words: "for Wednesday (from a Monday, on an iPhone)", day: next(WED) },
  "h39-22": { words: "a week tomorrow at the latest (from a Wednesday: the Thursday of the week after)", day: after(8) },
  "h39-24": { words: "for Tuesday (from a Friday afternoon)", day: next(TUE) },
  "h39-25": { words: "Delivery Date: 08/12/2026 (in the PDF, New Zealand, day first)", day: on("2026-12-08", TUE) },
  "h39-26": { words: "for delivery Monday 7th December", day: on("2026-12-07", MON) },
  "h39-28": { words: "Delivery Friday the 11th", day: on("2026-12-11", FRI) },
  "h39-29": { words: "for the day after tomorrow (dictated on a Tuesday)", day: after(2) },
  "h39-31": { words: "Need By,12/08/2026 (in the CSV, US, month first)", day: on("2026-12-08", TUE) },
  "h39-32": { words: "for Friday (the forwarded list's, from a Wednesday; the forward a Thursday: the same Friday)", day: next(FRI) },
  "h39-34": { words: "deliver by Thursday 10th", day: on("2026-12-10", THU) },
  "h39-35": { words: "Required by 9 Dec", day: on("2026-12-09", WED) },
  "h39-37": { words: "Required date: 10th December 2026", day: on("2026-12-10", THU) },
  "h39-39": { words: "Deliver Monday Dec 7 (the quoted first mail: \"same PO\")", day: on("2026-12-07", MON) }
}

const NOT_ORDERS = [4, 8, 11, 14, 17, 19, 23, 27, 30, 33, 36, 38]

describeHeldOutSet(
  { title: "the former thirty-ninth held-out part (h39-* in tuned/), written blind after the extractor and now tuning material", name: "h39", folder: "tuned", prefix: "h39-", source: "tuned-h39.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 106,
    attachments: { pdf: ["h39-02-fruitiere-comte-pdf", "h39-25-canterbury-dairy-pdf"], csv1252: ["h39-12-pisciculture-ossau-csv"], csvUtf8: ["h39-31-salinas-greenhouse-csv"] },
    headers: { bulk: [11], autoSubmitted: [19, 33] },
    knownCustomers: [[6, "C-00103"], [15, "C-00117"], [24, "C-00203"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a case postale, a CS/Cedex, a billing address, a head office or a customer's usual address for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|GPO Box|Case postale|Cedex|\bCS \d|Facturation|factur|Comptabilit|Agence comptable|Bill To|Invoice|Siège|rue de Pontivy|avenue de la Gare|cours Gambetta|Harbour Road|Harbour Office|head office|allée des Tilleuls|rue de Périgueux|Lincoln 7640|Hobart/i
      },
      numbered: 19,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never an invoice, a cancelled, chased or tendered order's number, a commitment, company, charity, tax or sanitary number",
        pattern: /^(F-2026|INV-|JBB-|DA-4471|7710|FLS-ITQ|LS-3307|2026-0417|CHE-|BE 0|FR 22|NZBN|GST|ABN|PIN|778 |192 |00157820|384412|1103287|1093355)/
      }
    },
    delivery: DELIVERY
  }
)
