import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import { expect, it } from "vitest"

import type { ExpectedOrder } from "~src/domain/orders/corpus-score"

/**
 * What the labels tests of the held-out parts share: reading a part's mails with their labels, and counting a
 * delivery day again from a mail's Date header by the words the mail uses. Each part's test keeps its own table of
 * those words (its authors' judgement calls), which is what it checks.
 */
export type LabelledMail = { name: string; eml: string; expected: ExpectedOrder }

const ORDERS = join(import.meta.dirname, "..", "fixtures", "orders")

/** The mails of `folder` (tuned/ or a held-out folder) whose names start with `prefix`, sorted, with their labels. */
export function readLabelledMails(folder: string, prefix = ""): LabelledMail[] {
  const dir = join(ORDERS, folder)
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".eml"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.eml$/, "")
      return { name, eml: readFileSync(join(dir, f), "latin1"), expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as ExpectedOrder }
    })
}

/** The names of the mails with an attachment of that MIME type. */
export const withAttachment = (mails: LabelledMail[], mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)
/** The mail's number in its part ("h22-07-…" → 7). */
export const numberOf = (name: string) => Number(name.slice(4, 6))

export const DAY = 86_400_000
export const [MON, TUE, WED, THU, FRI] = [1, 2, 3, 4, 5] as const
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
export const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

/** The writer's own calendar day, as the Date header gives it (before its time zone is applied). */
export function sentDay(eml: string): number {
  const [, d, mon, y] = /^Date: \w{3}, (\d{1,2}) (\w{3}) (\d{4})/m.exec(eml)!
  return Date.UTC(Number(y), MONTHS.indexOf(mon!), Number(d))
}
/** The first such weekday after the day the mail was written ("vendredi", "by Friday", "pour mardi"). */
export const next = (weekday: number) => (sent: number) => {
  let t = sent + DAY
  while (new Date(t).getUTCDay() !== weekday) t += DAY
  return t
}
/** That weekday of the week after the mail's ("fin de semaine prochaine", "end of next week", "Thursday next week"). */
export const nextWeeks = (weekday: number) => (sent: number) => next(MON)(sent) + (weekday - MON) * DAY
/** A date the mail writes with its weekday ("jeudi 10 décembre", "Monday 7th"): the weekday must be its own. */
export const on = (date: string, weekday: number) => () => {
  const t = Date.parse(`${date}T00:00:00Z`)
  if (new Date(t).getUTCDay() !== weekday) throw new Error(`${date} is not weekday ${weekday}`)
  return t
}
export const after = (days: number) => (sent: number) => sent + days * DAY
/** That weekday of an ISO week of 2026 (week 1 begins on Monday 29 December 2025). */
export const isoWeek = (week: number, weekday: number) => () => Date.UTC(2025, 11, 29) + ((week - 1) * 7 + weekday - 1) * DAY

/** Every order's delivery, in the mail's words, and how it is counted from the mail's own day. */
export type DeliveryRules = Readonly<Record<string, { words: string; day: (sent: number) => number }>>

/**
 * The two checks every held-out part's labels get (held-out 21 on), written once: each mail sent between 26 November
 * and 4 December 2026 with no delivery before it, and each order's delivery day counted again from its Date header
 * by its words in `delivery` (none where the part's table names none).
 */
export function itChecksDeliveryDays(mails: LabelledMail[], delivery: DeliveryRules) {
  it("dates every mail between 26 November and 4 December 2026, and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = sentDay(eml)
      expect(sent >= Date.UTC(2026, 10, 26) && sent <= Date.UTC(2026, 11, 4), name).toBe(true)
      if (expected.delivery_date !== null) expect(Date.parse(`${expected.delivery_date}T00:00:00Z`) > sent, `${name}: delivery on or before the mail's day`).toBe(true)
    }
  })

  it("gives each order the delivery day its words name, counted from its mail's Date header, and none to an order naming none", () => {
    for (const { name, eml, expected } of mails.filter((m) => m.expected.is_order)) {
      const rule = delivery[name.slice(0, 6)]
      expect(expected.delivery_date, `${name}: ${rule?.words ?? "no day named"}`).toBe(rule === undefined ? null : iso(rule.day(sentDay(eml))))
    }
  })
}
