import { after, DAY, FRI, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-seventh held-out part (issue #11; h37-* in tuned/ since tune37, held-out-37/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — the international and the charitable: the Belgian embassy's intendance on an
 * iPhone, a relief NGO's warehouse PDF, an international lycée's 2027 price request, a food bank's forwarded list, a
 * delegation to UNESCO's table, a pilgrims' guest house, an NGO coordinator's out-of-office, an international
 * college's reply, a rescue unit's invoice query, a Dakar NGO base through its freight agent, a food banks'
 * newsletter, a Lyon charity's windows-1252 CSV, the French embassy in N'Djamena through the diplomatic bag, a
 * diocesan guest house dictating, an asylum centre's cancellation, the European School's stores, a permanent mission
 * in Geneva, a charity's chaser, an EU executive agency, the known Vergèze town hall's toy collection; the Norwegian
 * embassy in London on an iPhone, a relief warehouse's PDF, a Dubai school's RFQ, a Brooklyn food pantry, a Sydney
 * international school, an aid worker's out-of-office, the known Sinclair Systems' refugee drop-in, a Chicago
 * resettlement agency's UTF-8 CSV, a Dublin aid charity's forward, a corps hall's complaint, the British School in
 * Tokyo through its consolidator, a Paris Anglican chaplaincy's HTML table, an embassy's invoice query, the Irish
 * embassy in Washington dictating, a relief agency in Amman, a relief kitchen's chaser, Friends House, a hospice's
 * charity-discount question, the known Kingsley Supplies' shelter drive, the French embassy in Canberra. Checked here
 * without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h37-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h37-02": { words: "Date de livraison : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h37-04": { words: "Pour mardi si possible (the forwarder's, from a Friday)", day: next(TUE) },
  "h37-05": { words: "d'ici le mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h37-06": { words: "Livraison lundi 7 décembre", day: on("2026-12-07", MON) },
  "h37-08": { words: "pour le vendredi 4 décembre (the quoted first mail: \"même date, même adresse\")", day: on("2026-12-04", FRI) },
  "h37-10": { words: "au plus tard le jeudi 10 décembre (Dakar)", day: on("2026-12-10", THU) },
  "h37-12": { words: "Date de livraison;07/12/2026 (in the CSV, day first)", day: on("2026-12-07", MON) },
  "h37-13": { words: "avant le mercredi 2 décembre (the bag leaves on the Thursday: the Wednesday is the day)", day: on("2026-12-02", WED) },
  "h37-14": { words: "pour vendredi (dictated on a Monday evening)", day: next(FRI) },
  "h37-16": { words: "pour mardi prochain (from a Thursday: the coming Tuesday)", day: next(TUE) },
  "h37-17": { words: "Livraison souhaitée : 08.12.2026 (Swiss, day first)", day: on("2026-12-08", TUE) },
  "h37-19": { words: "Pour lundi (from a Thursday)", day: next(MON) },
  "h37-20": { words: "pour après-demain (from a Wednesday)", day: after(2) },
  "h37-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h37-22": { words: "Delivery Date: 09/12/2026 (in the PDF, British, day first)", day: on("2026-12-09", WED) },
  "h37-24": { words: "Please deliver Tuesday, December 8", day: on("2026-12-08", TUE) },
  "h37-25": { words: "a week on Friday (from Sydney's Monday: the Friday after the coming one)", day: (sent) => next(FRI)(sent) + 7 * DAY },
  "h37-27": { words: "by Friday (from a Tuesday)", day: next(FRI) },
  "h37-28": { words: "Need By,12/09/2026 (in the CSV, US, month first)", day: on("2026-12-09", WED) },
  "h37-29": { words: "for Monday (the forwarder's, from a Thursday)", day: next(MON) },
  "h37-31": { words: "by next Wednesday (from Tokyo's Friday: the coming Wednesday)", day: next(WED) },
  "h37-32": { words: "Delivery: Thursday, December 10", day: on("2026-12-10", THU) },
  "h37-34": { words: "for Monday the 7th (dictated)", day: on("2026-12-07", MON) },
  "h37-35": { words: "on or before 08/12/2026 (Amman, day first)", day: on("2026-12-08", TUE) },
  "h37-37": { words: "Please deliver on Friday 4 December", day: on("2026-12-04", FRI) },
  "h37-39": { words: "next Tuesday (from a Wednesday: the coming Tuesday)", day: next(TUE) }
}

const NOT_ORDERS = [3, 7, 9, 11, 15, 18, 23, 26, 30, 33, 36, 38]

describeHeldOutSet(
  { title: "the former thirty-seventh held-out part (h37-* in tuned/), written blind after the extractor and now tuning material", name: "h37", folder: "tuned", prefix: "h37-", source: "tuned-h37.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 110,
    attachments: { pdf: ["h37-02-ong-entrepot-vitrolles-pdf", "h37-22-relief-warehouse-felixstowe-pdf"], csv1252: ["h37-12-entraide-lyon-csv"], csvUtf8: ["h37-28-resettlement-agency-chicago-csv"] },
    headers: { bulk: [11], autoSubmitted: [7, 26] },
    knownCustomers: [[20, "C-00113"], [27, "C-00209"], [39, "C-00205"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a case postale, a CS/Cedex, a billing address, a seat or a registered office for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Case postale|Cedex|\bCS \d|Facturation|factur|Bill To|Accounts Payable|Finance|Siège|passage Thiéré|avenue de Suffren|Registered office|Merrion Square|Canal Street|Summer Street|Place de la Mairie|Shibuya|Crows Nest|Business Office/i
      },
      numbered: 16,
      notNumbers: {
        title: "takes the buyer's order number, never an invoice, a cancelled, chased or tendered order's number, a charity, company or registration number",
        pattern: /^(F-2026|INV-|CADA-|WKR-|RFQ-|DUB-ADM|TD |NINEA|CHY|RCN|EIN|ABN|\d)/
      }
    },
    delivery: DELIVERY
  }
)
