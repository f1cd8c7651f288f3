import { after, DAY, FRI, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-eighth held-out part (issue #11; h38-* in tuned/ since tune38, held-out-38/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — transport and mobility: a Nice taxi fleet's manager on an iPhone, an ambulance
 * firm's forwarded garage list, a driving school's 2027 price request, a Lyon airport ground handler's table, a Pau bus
 * network's PDF, the known Garage Chevalier, a rail depot's out-of-office, a car dealership's reply adding to its own
 * order, the known Transports Girard ordering for another depot, a cable car's dictated order, a taxi co-op's invoice
 * query, a tram maintenance centre, a motorway service area's windows-1252 CSV, a driving school's agency, an
 * ambulance firm's cancellation, a railway station, a Guadeloupe ground handler, a hauliers' newsletter, a Réunion
 * coach depot, an airport car-rental branch; a Heathrow ramp supervisor on an iPhone, a cab co-operative's tender, a
 * Leeds coach depot's forward, a Dubai ramp services' PDF, a Sydney bus depot, a metro buyer's out-of-office, the known
 * Whitfield Logistics' truck workshop, a Wellington cable car's workshop, a Glasgow taxi firm's complaint, a Toronto
 * dealership's table, a Chicago rail yard's UTF-8 CSV, a Nairobi ambulance service, an airport lounge's invoice query,
 * a Johannesburg car-rental branch dictating, a Cork bus garage adding to its own order, a service-plaza operator's
 * trade-account enquiry, an Edinburgh tram depot, a Perth taxi firm's chaser, a Denver ground handler's generated PO,
 * a Mumbai metro depot's cancellation. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h38-01": { words: "Pour jeudi si possible (from a Monday, on an iPhone)", day: next(THU) },
  "h38-02": { words: "Livraison pour le lundi 7 décembre (the forwarder's)", day: on("2026-12-07", MON) },
  "h38-04": { words: "Livraison souhaitée : mercredi 9 décembre", day: on("2026-12-09", WED) },
  "h38-05": { words: "Date de livraison : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h38-06": { words: "pour vendredi (from a Monday)", day: next(FRI) },
  "h38-08": { words: "Livraison jeudi 3 décembre (the quoted first mail: \"Même adresse, même date\")", day: on("2026-12-03", THU) },
  "h38-09": { words: "Pour mardi (from a Thursday)", day: next(TUE) },
  "h38-10": { words: "pour jeudi (dictated on a Tuesday)", day: next(THU) },
  "h38-12": { words: "jeudi en huit au plus tard (from a Monday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h38-13": { words: "Date de livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h38-14": { words: "pour demain (from a Thursday evening)", day: after(1) },
  "h38-16": { words: "le lundi 14 décembre au plus tard (that day)", day: on("2026-12-14", MON) },
  "h38-17": { words: "Pour mercredi (from Guadeloupe's Friday)", day: next(WED) },
  "h38-19": { words: "le vendredi 11/12 (Réunion, day first)", day: on("2026-12-11", FRI) },
  "h38-20": { words: "pour lundi (from a Friday)", day: next(MON) },
  "h38-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h38-23": { words: "By Wednesday (the forwarder's, from a Friday)", day: next(WED) },
  "h38-24": { words: "Delivery Date: 10/12/2026 (in the PDF, Dubai, day first)", day: on("2026-12-10", THU) },
  "h38-25": { words: "Thursday week (from Sydney's Tuesday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h38-27": { words: "a week on Monday (from a Thursday: the Monday after the coming one)", day: (sent) => next(MON)(sent) + 7 * DAY },
  "h38-30": { words: "Deliver Tuesday, December 8", day: on("2026-12-08", TUE) },
  "h38-31": { words: "Need By,12/11/2026 (in the CSV, US, month first)", day: on("2026-12-11", FRI) },
  "h38-32": { words: "by Friday 11th December (Nairobi)", day: on("2026-12-11", FRI) },
  "h38-34": { words: "for Monday the 7th (dictated)", day: on("2026-12-07", MON) },
  "h38-35": { words: "deliver Friday 4 December (the quoted first mail: \"same day and address\")", day: on("2026-12-04", FRI) },
  "h38-37": { words: "by next Tuesday (from a Friday: the coming Tuesday)", day: next(TUE) },
  "h38-39": { words: "Deliver Wednesday, December 9", day: on("2026-12-09", WED) }
}

const NOT_ORDERS = [3, 7, 11, 15, 18, 22, 26, 29, 33, 36, 38, 40]

describeHeldOutSet(
  { title: "the former thirty-eighth held-out part (h38-* in tuned/), written blind after the extractor and now tuning material", name: "h38", folder: "tuned", prefix: "h38-", source: "tuned-h38.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 114,
    attachments: { pdf: ["h38-05-reseau-bus-pau-pdf", "h38-24-ramp-services-dubai-pdf"], csv1252: ["h38-13-aire-autoroute-csv"], csvUtf8: ["h38-31-rail-yard-chicago-csv"] },
    headers: { bulk: [18], autoSubmitted: [7, 26] },
    knownCustomers: [[6, "C-00105"], [9, "C-00102"], [27, "C-00202"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a CS/Cedex or TSA, a billing or invoicing address, a head office or registered office for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|Cedex|\bCS \d|\bTSA \d|Facturation|factur|Bill To|Invoice To|Accounts Payable|Finance|Siège|Registered office|Trafford Park|Jean-Jaurès|Park Square|boulevard de la Libération|Remit/i
      },
      numbered: 20,
      notNumbers: {
        title: "takes the buyer's order number, never an invoice, delivery note, a cancelled, chased or tendered order's number, a company, tax or registration number",
        // The numbers themselves too (the Dubai TRN, the Pau SIRET, the Sydney ABN, the Toronto dealer's OMVIC number), not only
        // their labels: a label holds the bare number, which a prefix like "TRN" alone would let through.
        pattern: /^(F26-|BL-|INV-|SGL-|AMB-L|T-2027|CCT-|PTX-|MMD-|TRN|SIRET|ABN|OMVIC|GH-512|YX19|06-KT|04418827|E 19|100345678900003|256 400 112|41 622 118|4471093)/
      }
    },
    delivery: DELIVERY
  }
)
