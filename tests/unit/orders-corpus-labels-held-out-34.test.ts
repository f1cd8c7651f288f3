import { after, DAY, FRI, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-fourth held-out part (issue #11; h34-* in tuned/ since tune34, held-out-34/ until then): 40 mails by an author who read neither the extractor nor another set's
 * mails or labels — the press and broadcasting: a Rennes daily's sub-editor on her iPhone, a Lille radio's assistant
 * forwarding the control room's list, a Boulogne TV production's PDF, a Brussels weekly's 2027 price request, a Dakar
 * news agency bureau, the known Orléans printer's rotary press site, a Quimper weekly's toner complaint, a Montréal
 * community radio, a Paris publisher's press office, a Marseille outside-broadcast truck dictating, a reporter's
 * out-of-office, a Strasbourg daily's windows-1252 CSV, a Nouméa radio through its freight agent, a Namur local TV,
 * a Toulouse magazine's chaser, a Lyon podcast studio's reply, a Lausanne broadcaster, a press association's
 * newsletter, a Bordeaux photo agency, a Tunis channel's cancellation; a London night desk on an iPhone, a Dublin
 * radio's PDF, a Nairobi media house's proforma request, a New York magazine, a Sydney TV production, a Soweto
 * community radio's invoice query, the known Cardiff printer's bindery, a Toronto wire bureau's forward, a Mumbai film
 * studio, a Glasgow paper's wrong-goods complaint, an Auckland radio, a Burbank post-production house's UTF-8 CSV, a
 * Singapore broadcaster's RFQ, Glasgow TV studios, a Chicago radio, a Leeds publisher's chaser, a Singapore news
 * bureau, a Montréal weekly, a Brighton student radio, a Washington TV bureau dictating. Checked here without the
 * extractor (the corpus test runs it, on all of tuned/).
 */

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h34-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h34-02": { words: "avant le mercredi 9 (the forwarded control room's list, kept by the forwarder)", day: on("2026-12-09", WED) },
  "h34-03": { words: "Date de livraison : 07/12/2026 (in the PDF, day first) and \"le lundi 7 au matin\"", day: on("2026-12-07", MON) },
  "h34-05": { words: "au plus tard le mardi 8 décembre", day: on("2026-12-08", TUE) },
  "h34-06": { words: "mercredi prochain (from a Thursday: the coming Wednesday)", day: next(WED) },
  "h34-08": { words: "pour le mardi 8 décembre au plus tard (Québec)", day: on("2026-12-08", TUE) },
  "h34-09": { words: "d'ici le vendredi 11 décembre", day: on("2026-12-11", FRI) },
  "h34-10": { words: "pour jeudi (dictated on a Monday evening)", day: next(THU) },
  "h34-12": { words: "Date de livraison;04/12/2026 (in the CSV, day first)", day: on("2026-12-04", FRI) },
  "h34-13": { words: "avant le jeudi 10 décembre (Nouméa's Friday morning)", day: on("2026-12-10", THU) },
  "h34-14": { words: "pour lundi (from a Thursday)", day: next(MON) },
  "h34-16": { words: "le jeudi 3 décembre (the quoted first mail: \"date et adresse comprises\")", day: on("2026-12-03", THU) },
  "h34-17": { words: "Livraison souhaitée : 10.12.2026 (Swiss, day first)", day: on("2026-12-10", THU) },
  "h34-19": { words: "Pour après-demain (from a Wednesday)", day: after(2) },
  "h34-21": { words: "for tomorrow (from a Thursday night)", day: after(1) },
  "h34-22": { words: "Delivery Date: 08/12/2026 (in the PDF, Irish, day first)", day: on("2026-12-08", TUE) },
  "h34-24": { words: "Please deliver Tuesday, December 8", day: on("2026-12-08", TUE) },
  "h34-25": { words: "next Wednesday (from Sydney's Friday: the coming Wednesday)", day: next(WED) },
  "h34-27": { words: "by Friday (from a Tuesday)", day: next(FRI) },
  "h34-28": { words: "by Thursday, December 10", day: on("2026-12-10", THU) },
  "h34-29": { words: "on or before 09/12/2026 (Mumbai, day first)", day: on("2026-12-09", WED) },
  "h34-31": { words: "by Monday (from Auckland's Thursday)", day: next(MON) },
  "h34-32": { words: "Need By,12/08/2026 (in the CSV, US, month first)", day: on("2026-12-08", TUE) },
  "h34-34": { words: "a week on Monday (from a Wednesday: the Monday after the coming one)", day: (sent) => next(MON)(sent) + 7 * DAY },
  "h34-35": { words: "Delivery: Thursday, December 10", day: on("2026-12-10", THU) },
  "h34-37": { words: "Delivery on Monday 7 Dec", day: on("2026-12-07", MON) },
  "h34-40": { words: "for Monday the 7th (dictated)", day: on("2026-12-07", MON) }
}

const NOT_ORDERS = [4, 7, 11, 15, 18, 20, 23, 26, 30, 33, 36, 39]

describeHeldOutSet(
  { title: "the former thirty-fourth held-out part (h34-* in tuned/), written blind after the extractor and now tuning material", name: "h34", folder: "tuned", prefix: "h34-", source: "tuned-h34.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 107,
    attachments: { pdf: ["h34-03-production-tv-boulogne-pdf", "h34-22-radio-dublin-pdf"], csv1252: ["h34-12-quotidien-strasbourg-csv"], csvUtf8: ["h34-32-post-production-burbank-csv"] },
    headers: { bulk: [18], autoSubmitted: [11] },
    knownCustomers: [[6, "C-00104"], [27, "C-00204"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a PO box, a BP, a case postale, a billing address, a registered office or a production office for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|C\.P\. \d|Case postale|Cedex|\bCS \d|Facturation|Bill To|Accounts Payable|Siège|Regd|registered office|Castle Street|building 12|Fleet Walk|Nariman|Place d'Armes|boulevard de la Liberté|bd de la Liberté|rue Jacob|avenue Pierre-Grenier/i
      },
      numbered: 17,
      notNumbers: {
        title: "takes the buyer's order number, never an invoice, a production's name, a cancelled, chased or tendered order's number",
        pattern: /^(INV-|JT-26|MAG-TLS|RFQ-|Blue Harbour|NINEA|GSTIN|CIN)/
      }
    },
    delivery: DELIVERY
  }
)
