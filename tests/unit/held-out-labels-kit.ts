import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import { expect, it } from "vitest"

import type { ExpectedOrder } from "~src/domain/orders/corpus-score"

/**
 * What the labels tests of the held-out parts share: reading a part's mails with their labels, counting a delivery
 * day again from a mail's Date header by the words the mail uses, and checking that each label is a run of the text
 * its mail is made from. Each part's test keeps what is its own: its table of those words, the places and numbers
 * its authors ruled out (their judgement calls), its counts, attachments, headers and known customers.
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

/**
 * The text each mail is made from (`sources/<file>`, blocks opening "=== <mail name>"): its body, PDF and CSV lines,
 * quote marks and cell bars off, every cell joined by ", ", so that a label the author copied from the mail, the PDF
 * or the CSV is a run of it.
 */
export function readMadeFrom(sourceFile: string): ReadonlyMap<string, string> {
  return new Map(
    readFileSync(join(ORDERS, "sources", sourceFile), "utf8")
      .split(/^=== /m)
      .filter((b) => b.trim() !== "")
      .map((block) => {
        const [head, ...body] = block.split(/^---$/m)
        const lines = head!.split("\n")
        const attached = lines.filter((l) => /^(pdf|csv):/.test(l)).flatMap((l) => l.replace(/^(pdf|csv):\s?/, "").split(/[|;,]/))
        const text = body.join("---").split("\n").flatMap((l) => l.replace(/^>\s?/, "").split("|"))
        return [lines[0]!.trim(), [...text, ...attached].map((c) => c.trim()).filter((c) => c !== "").join(", ")] as const
      })
  )
}

/** Each catalog reference's unit (products.csv: counted from the end of the row, since a product's name may hold a comma). */
export function catalogUnits(): ReadonlyMap<string, string> {
  return new Map(
    readFileSync(join(ORDERS, "products.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => {
        const cells = row.split(",")
        return [cells[0]!, cells[cells.length - 3]!] as const
      })
  )
}

/** The names of the mails whose From address customers.csv holds: the only ones a label may give a customer. */
export function fromCustomerAddresses(mails: LabelledMail[]): string[] {
  const customers = readFileSync(join(ORDERS, "customers.csv"), "utf8")
  return mails.filter((m) => customers.includes(`,${/^From: .*<([^>]+)>/m.exec(m.eml)![1]!},`)).map((m) => m.name)
}

/** A part's own judgement calls on its places and order numbers: how many, and what none of them may be. */
export type LabelRuns = {
  /** What each mail is made from, by `readMadeFrom`. */
  madeFrom: ReadonlyMap<string, string>
  /** How many mails name a place of delivery, and the sentence and pattern of what none may be (a PO box, a billing address…). */
  places: number
  notPlaces: { title: string; pattern: RegExp }
  /** How many mails carry an order number, and the sentence and pattern of what none may be (an invoice's, a tender's…). */
  numbered: number
  notNumbers: { title: string; pattern: RegExp }
  /** The company, charity and tax numbers the mails' signatures print, whole: never an order number. */
  companyNumbers?: readonly string[]
  /** Whether a look-alike must name no customer either (a part whose look-alikes never come from a customer's address). */
  lookAlikesNameNoCustomer?: boolean
}

/**
 * The checks every held-out part's labels get (held-out 34 on), written once: the Date headers' weekdays, the
 * catalog's units, each place and order number a run of its own mail (so a label the author made up, or took from
 * another mail, fails), none of them what the part's authors ruled out, and nothing on a look-alike.
 */
export function itChecksLabelRuns(mails: LabelledMail[], runs: LabelRuns) {
  const { madeFrom, notPlaces, notNumbers, companyNumbers = [] } = runs

  it("writes each Date header with the weekday of its own date", () => {
    for (const { name, eml } of mails) {
      const weekday = /^Date: (\w{3}),/m.exec(eml)![1]
      expect(weekday, name).toBe(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(sentDay(eml)).getUTCDay()])
    }
  })

  it("gives every line the catalog's unit for its reference, whatever the mail writes", () => {
    const units = catalogUnits()
    for (const m of mails) for (const l of m.expected.lines) expect(l.unit, `${m.name} ${l.ref}`).toBe(units.get(l.ref))
  })

  it("takes each place of delivery as a run of its mail, PDF or CSV, its lines joined by \", \"", () => {
    const placed = mails.filter((x) => x.expected.delivery_address !== null)
    expect(placed).toHaveLength(runs.places)
    for (const m of placed) expect(madeFrom.get(m.name), m.name).toContain(m.expected.delivery_address)
  })

  it(notPlaces.title, () => {
    for (const m of mails.filter((x) => x.expected.delivery_address !== null)) expect(m.expected.delivery_address, m.name).not.toMatch(notPlaces.pattern)
  })

  it(notNumbers.title, () => {
    const numbered = mails.filter((m) => m.expected.po_number !== null)
    expect(numbered).toHaveLength(runs.numbered)
    for (const m of numbered) {
      const n = m.expected.po_number!
      expect(madeFrom.get(m.name), m.name).toContain(n)
      expect(n, m.name).not.toMatch(notNumbers.pattern)
      expect(companyNumbers, m.name).not.toContain(n)
    }
  })

  const noCustomer = runs.lookAlikesNameNoCustomer === true
  it(`gives no look-alike ${noCustomer ? "a customer, " : ""}a line, an order number, a day or a place`, () => {
    for (const m of mails.filter((x) => !x.expected.is_order)) {
      const { customer_code, lines, po_number, delivery_date, delivery_address } = m.expected
      expect([noCustomer ? customer_code : null, lines.length, po_number, delivery_date, delivery_address], m.name).toEqual([null, 0, null, null, null])
    }
  })
}

/** Quantities a forwarder changed or a reply added, by mail-name prefix: the ref and the words that say the count. */
export type SaidAgain = Readonly<Record<string, { ref: string; words: RegExp }>>

/** Each changed or added line labelled with the count its mail says again, the quoted lines kept beside it. */
export function itChecksSaidAgain(mails: LabelledMail[], madeFrom: ReadonlyMap<string, string>, saidAgain: SaidAgain) {
  it("takes a forwarder's changed quantity and a reply's added line as the mail says them, the quoted lines kept", () => {
    for (const [prefix, { ref, words }] of Object.entries(saidAgain)) {
      const m = mails.find((x) => x.name.startsWith(prefix))!
      const said = Number(words.exec(madeFrom.get(m.name)!)![1])
      expect(m.expected.lines.find((l) => l.ref === ref)?.quantity, `${m.name} ${ref}`).toBe(said)
      expect(m.expected.lines.length, m.name).toBeGreaterThan(1)
    }
  })
}

/*
 * The shape every 40-mail part's labels share (held-out 30 on), its checks written once and its values the part's
 * own: each part's test keeps its sentence, saying in its own words what these values are, and its body calls these.
 */

/** A part's make-up: 40 mails, the first `french` of them French, its look-alikes' numbers, and its orders' lines. */
export type SetShape = { french: number; lookAlikes: readonly number[]; lines: number }

export function expectSetShape(mails: LabelledMail[], shape: SetShape) {
  expect(mails).toHaveLength(40)
  expect(mails.filter((m) => numberOf(m.name) <= shape.french)).toHaveLength(shape.french)
  expect(mails.filter((m) => !m.expected.is_order).map((m) => numberOf(m.name))).toEqual(shape.lookAlikes)
  expect(mails.reduce((n, m) => n + m.expected.lines.length, 0)).toBe(shape.lines)
}

/** Each look-alike's mail, PDF or CSV says in its own words that no goods are asked for (`noGoods`, by mail number). */
export function expectLookAlikesSayNoGoods(mails: LabelledMail[], madeFrom: ReadonlyMap<string, string>, noGoods: Readonly<Record<number, RegExp>>) {
  for (const m of mails.filter((x) => !x.expected.is_order)) expect(madeFrom.get(m.name), m.name).toMatch(noGoods[numberOf(m.name)]!)
}

/** The mails carrying a PDF, a windows-1252 CSV and a UTF-8 CSV, by name: exactly these. */
export type SetAttachments = { pdf: readonly string[]; csv1252: readonly string[]; csvUtf8: readonly string[] }

export function expectAttachments(mails: LabelledMail[], attached: SetAttachments) {
  expect(withAttachment(mails, /^Content-Type: application\/pdf/m)).toEqual(attached.pdf)
  expect(withAttachment(mails, /^Content-Type: text\/csv; charset="windows-1252"/m)).toEqual(attached.csv1252)
  expect(withAttachment(mails, /^Content-Type: text\/csv; charset="utf-8"/m)).toEqual(attached.csvUtf8)
}

/** The mails marked "Precedence: bulk" and "Auto-Submitted: auto-…", by number: exactly these (no order among them). */
export type SetHeaders = { bulk: readonly number[]; autoSubmitted: readonly number[] }

export function expectBulkAndAutomatic(mails: LabelledMail[], headers: SetHeaders) {
  expect(mails.filter((m) => /^Precedence: bulk/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual(headers.bulk)
  expect(mails.filter((m) => /^Auto-Submitted: auto-/m.test(m.eml)).map((m) => numberOf(m.name))).toEqual(headers.autoSubmitted)
}

/** The customers the labels name, as [mail number, code]: exactly these, and exactly the mails sent from a customers.csv address. */
export function expectKnownCustomers(mails: LabelledMail[], known: readonly (readonly [number, string])[]) {
  expect(mails.filter((m) => m.expected.customer_code !== null).map((m) => [numberOf(m.name), m.expected.customer_code])).toEqual(known)
  expect(fromCustomerAddresses(mails)).toEqual(mails.filter((m) => m.expected.customer_code !== null).map((m) => m.name))
}
