import { after, DAY, FRI, MON, next, on, THU, TUE, WED, type DeliveryRules } from "./held-out-labels-kit"
import { describeHeldOutSet } from "./held-out-set-kit"

/**
 * The former thirty-fifth held-out part (issue #11; h35-* in tuned/ since tune35, held-out-35/ until then): 40 mails by an author who read neither the extractor nor another set's
 * mails or labels — professional sport and its venues: a Rennes football club's kit steward on his iPhone, a Toulon
 * rugby club forwarding its physio's list, a handball league's 2027 price request, a cycling team's PDF, a Roubaix
 * velodrome, a volleyball club's out-of-office, a motor-racing circuit, a basketball club's broken-can complaint, the
 * known Annecy hotel hosting a ski team, a handball club's cancellation, a stadium's windows-1252 CSV, a sports-venue
 * newsletter, a Metz tennis tournament, a ski club's "jeudi en huit", a half-marathon's reply, a rugby club's
 * sponsorship offer, a Limoges basketball club dictating, a Fribourg ice-hockey club, a Rimouski junior hockey arena,
 * a Charleroi club's chaser; a Bury academy's kit man on an iPhone, a Gloucester rugby club's PDF, an Adelaide cricket
 * ground's RFQ, the known Whitfield Logistics' stadium box, a Denver arena, a Perth cricket ground, a Cape Town club's
 * cancellation, a Cowes sailing team ("a week on Friday"), a Kuala Lumpur esports team, a GAA club's invoice query, a
 * Clearwater ballpark's UTF-8 CSV, an Iten athletics camp's LPO, a Dundee ice-hockey club's wrong-paper complaint, an
 * Aberdeen stadium manager forwarding the groundsman's list, a Melbourne tennis centre ("Thursday week"), an Ontario
 * gym chain's trade-account enquiry, a Calgary skating oval, a Durban stadium from a phone, a Bangor youth league, a
 * Columbus athletics department's reply. Checked here without the
 * extractor (the corpus test runs it, on all of tuned/).
 */
const SAT = 6

/** Each order's delivery in its mail's words, counted from its Date header (the writer's own day). */
const DELIVERY: DeliveryRules = {
  "h35-01": { words: "pour jeudi (from a Monday, on an iPhone)", day: next(THU) },
  "h35-02": { words: "avant le mardi 8 (the forwarded physio's list, kept by the forwarder)", day: on("2026-12-08", TUE) },
  "h35-04": { words: "Date de livraison souhaitée : 09/12/2026 (in the PDF, day first)", day: on("2026-12-09", WED) },
  "h35-05": { words: "pour lundi prochain (from a Thursday: the coming Monday)", day: next(MON) },
  "h35-07": { words: "pour le vendredi 11 décembre au plus tard", day: on("2026-12-11", FRI) },
  "h35-09": { words: "pour mardi (from a Friday)", day: next(TUE) },
  "h35-11": { words: "Date de livraison;08/12/2026 (in the CSV, day first)", day: on("2026-12-08", TUE) },
  "h35-13": { words: "d'ici mercredi (from a Monday evening)", day: next(WED) },
  "h35-14": { words: "jeudi en huit (from a Wednesday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h35-15": { words: "le samedi 5 décembre avant 10 h (the quoted first mail: \"date et lieu aussi\")", day: on("2026-12-05", SAT) },
  "h35-17": { words: "pour vendredi (dictated on a Tuesday morning)", day: next(FRI) },
  "h35-18": { words: "livraison souhaitée le 10.12.2026 (Swiss, day first)", day: on("2026-12-10", THU) },
  "h35-19": { words: "pour le jeudi 10 décembre (Québec)", day: on("2026-12-10", THU) },
  "h35-21": { words: "for Friday (from a Wednesday)", day: next(FRI) },
  "h35-22": { words: "Required Date: 07/12/2026 (in the PDF, British, day first)", day: on("2026-12-07", MON) },
  "h35-24": { words: "by Thursday the 10th", day: on("2026-12-10", THU) },
  "h35-25": { words: "deliver Wednesday, December 9", day: on("2026-12-09", WED) },
  "h35-26": { words: "by next Tuesday (from Perth's Thursday: the coming Tuesday)", day: next(TUE) },
  "h35-28": { words: "a week on Friday (from a Monday: the Friday after the coming one)", day: (sent) => next(FRI)(sent) + 7 * DAY },
  "h35-29": { words: "Delivery Monday 7 Dec", day: on("2026-12-07", MON) },
  "h35-31": { words: "Need By,12/09/2026 (in the CSV, US, month first)", day: on("2026-12-09", WED) },
  "h35-32": { words: "by Friday 4th December", day: on("2026-12-04", FRI) },
  "h35-34": { words: "by Wednesday 9th (the forwarded groundsman's list)", day: on("2026-12-09", WED) },
  "h35-35": { words: "Thursday week (from Melbourne's Tuesday: the Thursday after the coming one)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h35-38": { words: "tomorrow morning (from a Wednesday evening)", day: after(1) },
  "h35-39": { words: "by Saturday (from a Friday morning)", day: next(SAT) },
  "h35-40": { words: "to arrive Tuesday 12/8 (the quoted first mail, US month first: \"same date and address\")", day: on("2026-12-08", TUE) }
}

const NOT_ORDERS = [3, 6, 8, 10, 12, 16, 20, 23, 27, 30, 33, 36]

describeHeldOutSet(
  { title: "the former thirty-fifth held-out part (h35-* in tuned/), written blind after the extractor and now tuning material", name: "h35", folder: "tuned", prefix: "h35-", source: "tuned-h35.txt" },
  {
    french: 20,
    lookAlikes: NOT_ORDERS,
    lines: 103,
    attachments: { pdf: ["h35-04-equipe-cycliste-pdf", "h35-22-rugby-gloucester-pdf"], csv1252: ["h35-11-grand-stade-csv"], csvUtf8: ["h35-31-spring-training-csv"] },
    headers: { bulk: [12], autoSubmitted: [6] },
    knownCustomers: [[9, "C-00110"], [24, "C-00202"]],
    runs: {
      places: 27,
      notPlaces: {
        title: "never takes a PO box, a BP, a case postale, a C.P., a locked bag, a billing address, a registered office or a club's seat for the place of delivery",
        pattern: /\bBP \d|P\.?O\.? Box|C\.P\. \d|Case postale|Locked Bag|Cedex|\bCS \d|Facturation|Bill To|Invoice To|Accounts Payable|Siège :|Registered office|route de Lorient|avenue d'Albigny|Trafford Park|Bolton Road|Merkland Road|Lord Street|rue Pastorelli|mairie/i
      },
      numbered: 16,
      notNumbers: {
        title: "takes the buyer's order number, never a delivery note, an invoice, a cancelled, chased or tendered order's number, nor a company number",
        pattern: /^(BL |778120|FA-|INV-|HBE-|SS-|CPS-|RFQ-|201901023344|01189224)/
      }
    },
    delivery: DELIVERY
  }
)
