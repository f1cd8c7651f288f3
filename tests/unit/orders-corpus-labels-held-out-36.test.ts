import { after, DAY, FRI, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-sixth held-out part (issue #11; h36-* in tuned/ since tune36, held-out-36/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — building and property: a Nantes site foreman on his iPhone, a
 * social-housing landlord's assistant forwarding a caretaker's list, a Lyon facility manager's PDF, a Marseille
 * syndic's 2027 price request, the known Bordeaux joinery on a school site, a lift contractor's branch, a property
 * manager's out-of-office, a Montréal property manager, a Toulouse cleaning team leader dictating, a shopping centre's
 * security control room, a heating contractor's invoice query, a Rennes landlord's windows-1252 CSV, a Réunion site
 * through its freight forwarder, the known Perpignan locksmith in a housing estate, a Nice shopping centre's
 * cancellation, a Dijon HVAC team's correction, a Geneva property manager, a cleaning trade newsletter, a Liège
 * renovation site, a landlord's tender; a London site manager, a Manchester FM company's PDF, a Dublin housing
 * association, a Dubai FM company's RFQ, a New York property manager, a Sydney shopping centre, a Birmingham guarding
 * firm's complaint, a Singapore cleaning contractor, a Toronto lift company's forward, the known Seattle fit-out firm,
 * a Johannesburg cancellation, an Auckland site, a Chicago mall's UTF-8 CSV, an Edinburgh factor's account enquiry,
 * a Hong Kong control room, a Mumbai FM company, a Boston out-of-office, a Vancouver strata manager's addition, a
 * Leeds chaser, a Glasgow site manager dictating. Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h36-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h36-02": { words: "avant le vendredi 11 (the forwarded caretaker's list, kept by the forwarder)", day: on("2026-12-11", FRI) },
  "h36-03": { words: "Date de livraison : 08/12/2026 (in the PDF, day first)", day: on("2026-12-08", TUE) },
  "h36-05": { words: "pour lundi prochain (from a Thursday: the coming Monday)", day: next(MON) },
  "h36-06": { words: "pour le mercredi 9 décembre au plus tard", day: on("2026-12-09", WED) },
  "h36-08": { words: "pour le jeudi 10 décembre (Montréal)", day: on("2026-12-10", THU) },
  "h36-09": { words: "d'ici vendredi (dictated on a Wednesday evening)", day: next(FRI) },
  "h36-10": { words: "pour demain (from a Thursday evening)", day: after(1) },
  "h36-12": { words: "Date de livraison;10/12/2026 (in the CSV, day first)", day: on("2026-12-10", THU) },
  "h36-14": { words: "pour mardi (from a Friday)", day: next(TUE) },
  "h36-16": { words: "pour le mardi 8 décembre (the quoted first mail: \"même date, même adresse\")", day: on("2026-12-08", TUE) },
  "h36-17": { words: "Livraison souhaitée : 09.12.2026 (Swiss, day first)", day: on("2026-12-09", WED) },
  "h36-19": { words: "pour mercredi en huit (from a Monday: the Wednesday after the coming one)", day: (sent) => next(WED)(sent) + 7 * DAY },
  "h36-21": { words: "for Thursday (from a Monday, on an iPhone)", day: next(THU) },
  "h36-22": { words: "Delivery Date: 09/12/2026 (in the PDF, British, day first)", day: on("2026-12-09", WED) },
  "h36-23": { words: "a week on Monday (from a Thursday: the Monday after the coming one)", day: (sent) => next(MON)(sent) + 7 * DAY },
  "h36-25": { words: "Please deliver Tuesday, December 8", day: on("2026-12-08", TUE) },
  "h36-26": { words: "Thursday week (from Sydney's Monday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h36-28": { words: "Delivery: Monday 7 Dec", day: on("2026-12-07", MON) },
  "h36-29": { words: "by Friday (the forwarded technician's list, Tuesday evening; forwarded on the Wednesday: the same Friday)", day: next(FRI) },
  "h36-30": { words: "for Monday (from Seattle's Friday afternoon)", day: next(MON) },
  "h36-32": { words: "by Monday (from Auckland's Thursday)", day: next(MON) },
  "h36-33": { words: "Need By,12/10/2026 (in the CSV, US, month first: Order Date,12/01/2026 is the mail's day)", day: on("2026-12-10", THU) },
  "h36-35": { words: "Delivery on Wednesday 9 December", day: on("2026-12-09", WED) },
  "h36-36": { words: "on or before 10/12/2026 (Mumbai, day first)", day: on("2026-12-10", THU) },
  "h36-38": { words: "Please deliver Thursday, December 10 (the quoted first mail: \"Same PO, same date and address\")", day: on("2026-12-10", THU) },
  "h36-40": { words: "for tomorrow (dictated on a Wednesday evening)", day: after(1) }
}

const NOT_ORDERS = [4, 7, 11, 15, 18, 20, 24, 27, 31, 34, 37, 39]

/** Company, charity, licence and tax numbers the mails' signatures print: never an order number. */
const COMPANY_NUMBERS = ["412 908 337 00029", "512 334 889", "1310 2018 000 023 456", "0712.448.903", "08812274", "07731904", "20041188", "771204", "05519832", "201912345K", "2011/004471/07", "SC512887", "64481207", "27AABCM4412F1Z8", "41 622 908 115"]

describeHeldOutSet(
  { title: "the former thirty-sixth held-out part (h36-* in tuned/), written blind after the extractor and now tuning material", name: "h36", folder: "tuned", prefix: "h36-", source: "tuned-h36.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 114,
    attachments: { pdf: ["h36-03-facility-manager-lyon-pdf", "h36-22-facilities-manchester-pdf"], csv1252: ["h36-12-regie-bailleur-rennes-csv"], csvUtf8: ["h36-33-mall-management-chicago-csv"] },
    headers: { bulk: [18], autoSubmitted: [7, 37] },
    knownCustomers: [[5, "C-00107"], [14, "C-00120"], [30, "C-00206"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, CS or Cedex line, a case postale, C.P., PO Box or Locked Bag, a billing, head or registered office for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|C\.P\. \d|Case postale|Cedex|\bCS \d|Facturation|Bill To|Invoice To|Accounts Payable|Mailing address|Billing|Siège|Head office|Registered office|Locked Bag|ZA des Vignes|rue des Remparts|Fifth Avenue|Tabernacle Street|Blythswood|Nariman|rue de Visé|Rivoli|Gambetta|Défense/i
      },
      numbered: 18,
      notNumbers: {
        title: "takes the buyer's order number as its mail writes it, never an invoice, a delivery note, a cancelled, chased or tendered order's number, nor a company number",
        pattern: /^(FA-|BL |DN |AVM-|JHB-|CC-NICE|GS-RFQ|2026-CONS|RCS|SIRET|UEN|GSTIN|ABN|CNAPS|AUT-)/
      },
      companyNumbers: COMPANY_NUMBERS,
      lookAlikesNameNoCustomer: true
    },
    delivery: DELIVERY
  }
)
