import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import type { ExpectedOrder } from "~src/domain/orders/corpus-score"

/**
 * The former twentieth held-out part (h20-* in tuned/ since tune20; held-out-20/ until then), written blind after the
 * extractor. Its labels are checked against the catalog and customers with every other part's in
 * orders-corpus-labels.test.ts (which reads tuned/); here what this set is said to hold, and each delivery date counted
 * again from its mail's Date header by the words the mail uses. Nothing here runs the extractor (the corpus test does,
 * on all of tuned/).
 */
const DIR = join(import.meta.dirname, "..", "fixtures", "orders", "tuned")

const mails = readdirSync(DIR)
  .filter((f) => f.startsWith("h20-") && f.endsWith(".eml"))
  .sort()
  .map((f) => {
    const name = f.replace(/\.eml$/, "")
    return { name, eml: readFileSync(join(DIR, f), "latin1"), expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as ExpectedOrder }
  })
const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

const DAY = 86_400_000
const [SUN, MON, TUE, WED, THU, FRI] = [0, 1, 2, 3, 4, 5]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

/** The writer's own calendar day, as the Date header gives it (before its time zone is applied). */
function sentDay(eml: string): number {
  const [, d, mon, y] = /^Date: \w{3}, (\d{1,2}) (\w{3}) (\d{4})/m.exec(eml)!
  return Date.UTC(Number(y), MONTHS.indexOf(mon!), Number(d))
}
/** The first such weekday after the day the mail was written ("jeudi", "by Monday"). */
const next = (weekday: number) => (sent: number) => {
  let t = sent + DAY
  while (new Date(t).getUTCDay() !== weekday) t += DAY
  return t
}
/** A date the mail writes out with its weekday ("le lundi 14", "Friday 11th December"): the weekday must be its own. */
const on = (date: string, weekday: number) => () => {
  const t = Date.parse(`${date}T00:00:00Z`)
  if (new Date(t).getUTCDay() !== weekday) throw new Error(`${date} is not weekday ${weekday}`)
  return t
}
/** A date the mail or its attachment writes as digits only. */
const written = (date: string) => () => Date.parse(`${date}T00:00:00Z`)
/** The next day of the month with that number ("le 29 au matin"). */
const nextDayOfMonth = (d: number) => (sent: number) => {
  let t = sent + DAY
  while (new Date(t).getUTCDate() !== d) t += DAY
  return t
}

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
const DELIVERY: Readonly<Record<string, { words: string; day: (sent: number) => number }>> = {
  "h20-01": { words: "à livrer jeudi (sent on a Tuesday)", day: next(THU) },
  "h20-02": { words: "Mercredi 2 ça irait ?", day: on("2026-12-02", WED) },
  "h20-03": { words: "PDF: Date de livraison souhaitée : 07/12/2026", day: written("2026-12-07") },
  "h20-04": { words: "il me faut pour demain matin", day: (sent) => sent + DAY },
  "h20-05": { words: "avant le vendredi 18 décembre impérativement; ODS: Livrer avant le 18/12/2026", day: on("2026-12-18", FRI) },
  "h20-06": { words: "Pourriez-vous nous livrer mercredi ? (sent on a Saturday night)", day: next(WED) },
  // 11 November, Armistice, is a Wednesday in 2026: "Mercredi étant férié … livrer jeudi", sent on the Monday.
  "h20-07": { words: "Mercredi étant férié, … nous livrer jeudi", day: next(THU) },
  "h20-08": { words: "une livraison le lundi 14 au plus tard (saison le 19)", day: on("2026-12-14", MON) },
  // "jeudi en huit" is the Thursday a week after the coming one.
  "h20-09": { words: "merci de nous livrer jeudi en huit (sent on a Monday)", day: (sent) => next(THU)(sent) + 7 * DAY },
  "h20-10": { words: "Livraison mardi 1er décembre; CSV: Date besoin;01/12/2026", day: on("2026-12-01", TUE) },
  "h20-11": { words: "le vendredi 18 au plus tard (mariage le week-end du 19)", day: on("2026-12-18", FRI) },
  "h20-12": { words: "il me faut le 29 au matin (réveillon du 31)", day: nextDayOfMonth(29) },
  "h20-14": { words: "concert complet samedi, … vendredi dernier délai (sent on a Tuesday)", day: next(FRI) },
  "h20-15": { words: "Le reste ne change pas, toujours pour jeudi (same Tuesday as its first mail)", day: next(THU) },
  "h20-24": { words: "changing over on Saturday … by Friday at the latest (sent on a Monday)", day: next(FRI) },
  "h20-25": { words: "week commencing 30 November, ideally on the Monday", day: on("2026-11-30", MON) },
  "h20-26": { words: "can you do tomorrow AM", day: (sent) => sent + DAY },
  "h20-27": { words: "Delivery by Thursday 3rd December; XLSX: Deliver by 2026-12-03", day: on("2026-12-03", THU) },
  // Thanksgiving is the fourth Thursday of November: 26 November 2026.
  "h20-28": { words: "closed Thursday and Friday for Thanksgiving, so it has to land Wednesday (sent on the Monday)", day: next(WED) },
  "h20-29": { words: "Delivery by Friday 11th December", day: on("2026-12-11", FRI) },
  "h20-30": { words: "Could it come on Tuesday? (sent on a Friday)", day: next(TUE) },
  "h20-32": { words: "by Monday (sent on a Thursday)", day: next(MON) },
  // The end of next week is the Friday of the week after the mail's (sent on a Friday: a week later).
  "h20-33": { words: "by the end of next week", day: (sent) => next(SUN)(sent) + FRI * DAY },
  "h20-34": { words: "Requested delivery: 12/8/2026 (a US customer: month first)", day: written("2026-12-08") },
  "h20-35": { words: "by Thursday the 10th at the latest (wedding on Saturday 12th)", day: on("2026-12-10", THU) },
  "h20-36": { words: "Required by: 08/12/2026 (a UK customer: day first)", day: written("2026-12-08") },
  "h20-37": { words: "Friday would be lovely … otherwise Monday is fine (sent on a Wednesday)", day: next(FRI) }
}

describe("the former twentieth held-out part (h20-* in tuned/), written blind after the extractor by a seventeenth author and now tuning material", () => {
  it("holds 44 mails, 22 French and 22 English, 14 of them not orders, its 30 orders 126 lines long", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h20-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h20-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
    expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(126)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h20-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a joiner's PDF order for a building site, a warehouse's windows-1252 .csv, a campsite's .ods and a hotel's .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h20-03-fr-menuiserie-dumont-bc-pdf-chantier"])
    expect(withAttachment(/Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h20-10-fr-girard-entrepot-csv-wms"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h20-05-fr-camping-municipal-ods-budget"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h20-27-en-hotel-york-housekeeping-xlsx"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })

  it("gives each order the delivery day its words name, counted from its mail's Date header, and none to an order naming none", () => {
    for (const { name, eml, expected } of mails.filter((m) => m.expected.is_order)) {
      const rule = DELIVERY[name.slice(0, 6)]
      expect(expected.delivery_date, `${name}: ${rule?.words ?? "no day named"}`).toBe(rule === undefined ? null : iso(rule.day(sentDay(eml))))
    }
  })
})
