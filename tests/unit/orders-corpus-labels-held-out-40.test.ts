import { after, FRI, isoWeek, MON, next, nextWeeks, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former fortieth held-out part (issue #11; h40-* in tuned/ since tune40, held-out-40/ until then): 40 mails
 * by an author who read neither the extractor nor another set's mails or labels — safety, security and emergency services at work: a Doubs fire station's iPhone
 * list, a Savoie fire service's ERP PDF, a Lille guarding firm's 2027 price request, a Cantal gendarmerie brigade's
 * "semaine 51", an alarm-monitoring centre's night supervisor at 03:40, the known Vergèze town hall ordering for its
 * municipal police post, a sea-rescue station's « sous huitaine », a Réunion lifeguard service's invoice query, a
 * mountain-rescue gendarmerie, a Toulouse guarding firm's windows-1252 CSV, a fire-safety newsletter, a volunteer
 * fire station's forwarded and corrected list, a Guadeloupe fire service's cancellation, a police station's
 * dictated mail, Geneva's fire service, a civil-protection officer's out-of-office, a first-aid post at a Christmas
 * market, a Belgian rescue zone's wrong-gloves complaint, a tower's night fire-safety team, a New Caledonia rescue
 * centre; an Oregon sheriff's search-and-rescue barn, a lifeboat station's VAT query, a NSW SES unit's PDF, a
 * Shetland coastguard's "a week on Friday", the known Sinclair Systems' security operations centre, a Hong Kong alarm
 * centre's out-of-office, a Singapore guarding firm's UTF-8 CSV, the known Osborne Packaging's fire marshal, a Nairobi
 * guarding firm's cancellation, a Lake District mountain-rescue team dictating, a Texas alarm central station, a fire
 * and rescue service's invitation to quote, a Queensland surf life saving club, a Cape armed-response control room,
 * a Toronto fire hall's chaser, a Welsh fire station adding to its own PO, a Manchester guarding firm's forwarded
 * and corrected list, a Perth lifeguard service's thanks, a Vancouver marine rescue station, Coastguard Wellington.
 * Checked here without the extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h40-01": { words: "pour mercredi (from a Monday, on an iPhone)", day: next(WED) },
  "h40-02": { words: "Date de livraison : 10/12/2026 (in the PDF, day first)", day: on("2026-12-10", THU) },
  "h40-04": { words: "Livraison semaine 51, le lundi de préférence (ISO week 51 of 2026)", day: isoWeek(51, MON) },
  "h40-05": { words: "pour demain (written at 03:40 on a Wednesday night shift: the day after the Date header's)", day: after(1) },
  "h40-06": { words: "avant le vendredi 11 décembre (the day named)", day: on("2026-12-11", FRI) },
  "h40-07": { words: "sous huitaine (eight days on, from a Thursday)", day: after(8) },
  "h40-09": { words: "pour le lundi 7 décembre", day: on("2026-12-07", MON) },
  "h40-10": { words: "Date livraison;08/12/2026 (in the CSV, day first)", day: on("2026-12-08", TUE) },
  "h40-12": { words: "pour jeudi (the forwarded list's, from a Monday; the forward a Tuesday: the same Thursday)", day: next(THU) },
  "h40-14": { words: "pour vendredi (dictated on a Wednesday)", day: next(FRI) },
  "h40-15": { words: "Livraison jeudi 10.12.2026 (Swiss, day first)", day: on("2026-12-10", THU) },
  "h40-17": { words: "pour le vendredi 4 décembre au matin", day: on("2026-12-04", FRI) },
  "h40-19": { words: "mardi prochain (from a Thursday evening)", day: next(TUE) },
  "h40-20": { words: "pour le 10 décembre au plus tard (New Caledonia, +1100)", day: on("2026-12-10", THU) },
  "h40-23": { words: "Delivery Date: 11/12/2026 (in the PDF, Australian, day first by its Order Date 02/12/2026)", day: on("2026-12-11", FRI) },
  "h40-24": { words: "a week on Friday (from a Tuesday: the Friday of the week after)", day: nextWeeks(FRI) },
  "h40-25": { words: "For Monday (from a Thursday)", day: next(MON) },
  "h40-27": { words: "Delivery Date,2026-12-09 (in the CSV, ISO)", day: on("2026-12-09", WED) },
  "h40-28": { words: "By Wednesday (from a Monday)", day: next(WED) },
  "h40-30": { words: "for Tuesday 8th (dictated on a Friday evening)", day: on("2026-12-08", TUE) },
  "h40-31": { words: "Need by 12/09/2026 (US, month first)", day: on("2026-12-09", WED) },
  "h40-33": { words: "by Friday the 11th at the latest", day: on("2026-12-11", FRI) },
  "h40-34": { words: "By Tuesday (from a Thursday)", day: next(TUE) },
  "h40-36": { words: "Deliver Wednesday 9th December (the quoted first mail: \"same PO and same delivery\")", day: on("2026-12-09", WED) },
  "h40-37": { words: "for Thursday (the forwarded list's, from a Monday night; the forward a Tuesday: the same Thursday)", day: next(THU) },
  "h40-39": { words: "for Thursday, Dec. 10", day: on("2026-12-10", THU) },
  "h40-40": { words: "by Monday the 7th (New Zealand, +1300)", day: on("2026-12-07", MON) }
}

const NOT_ORDERS = [3, 8, 11, 13, 16, 18, 22, 26, 29, 32, 35, 38]

describeHeldOutSet(
  { title: "the former fortieth held-out part (h40-* in tuned/), written blind after the extractor and now tuning material", name: "h40", folder: "tuned", prefix: "h40-", source: "tuned-h40.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 113,
    attachments: { pdf: ["h40-02-sdis-savoie-pdf", "h40-23-nsw-ses-pdf"], csv1252: ["h40-10-vigie-sud-csv"], csvUtf8: ["h40-27-singapore-guarding-csv"] },
    headers: { bulk: [11], autoSubmitted: [16, 26] },
    knownCustomers: [[6, "C-00113"], [25, "C-00209"], [28, "C-00208"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a BP, a PO Box, a case postale, a CS/Cedex, a billing address, a head office, a postal address or a customer's usual address for the place of delivery",
        pattern: /\bBP \w|P\.?O\.? Box|Case postale|Cedex|\bCS \d|Facturation|factur|Bill To|Accounts|Invoice|siège|Place de la Mairie|Canal Street|Tyseley|hélistation|Compagnie|Oxford Court|Ubi Crescent|rue de Berri|Tyger Valley|Morne Vergain/i
      },
      numbered: 17,
      notNumbers: {
        title: "takes the buyer's order number as a run of its mail, never an invoice, a cancelled, chased or tendered order's number, a commitment, licence, company, charity or tax number",
        pattern: /^(F-2026|INV-|CMD-971|SGS\/LPO|FH332|TVFRS|EJ |AUT-|CAR-0|CHE-|BE 0|ABN|PIN|RIDET|PSIRA|PLRD|S\/SA|UEN|CC2)/
      },
      companyNumbers: ["287 300 017 00029", "812 447 903 00027", "1187342", "1091877", "08812246", "200915873K", "2875310", "P051234567X", "88 960 402 177", "51 034 126 889", "2026-118340", "0 812 461.001"]
    },
    delivery: DELIVERY
  }
)
