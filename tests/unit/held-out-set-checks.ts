import { expect, it } from "vitest"

import type { LabelledMail } from "./held-out-labels-kit"

/**
 * Checks that several held-out parts' own tests wrote alike, each with the part's own words or patterns: a part asks
 * for one by giving its values to `describeHeldOutSet`, which registers it with a sentence naming the part.
 */
export type SharedChecks = {
  /** No order lists a reference twice. */
  refsOnce?: true
  /** Each order number a run of its mail led in by one of these words (a regular expression's alternatives, "commande|PO"). */
  numberLeads?: string
  /** Each order number whole in its mail, never the head or tail of a longer one. */
  wholeNumbers?: true
  /** Each order number opens and closes on a letter or figure. */
  bareNumbers?: true
  /** A row's counts as the part reads them (`countsOf`), and each line's count in a row beside its own product's `words`. */
  goods?: {
    countsOf: (row: string) => ReadonlySet<number>
    words?: Readonly<Record<string, RegExp>>
    /** With `words`: also in the same clause as its product, a sentence split by this (a table's or CSV's row kept whole). */
    clauses?: RegExp
    /** Each sized glove line's size in that row, once this (sizes and references that hold a letter) is taken out of it. */
    gloveSizes?: RegExp
  }
  /** Each line's quantity a number its mail writes, in figures or in these words. */
  spelledNumbers?: Readonly<Record<string, number>>
  /** What no place of delivery may hold (the note beside it), begin with (the sentence's lead-in), and what each ends with. */
  placeNote?: RegExp
  placeLead?: RegExp
  placeEnd?: RegExp
  /**
   * Each place of delivery begins where its mail begins it: within a line only after `lead` (a colon, a cell's start,
   * the preposition leading in) or after the part's `leadWords` for that mail; at a line's start, only where
   * `lineStart` lets it (after an empty line, a sentence's end, an order line when `orderLine`, a CSV's header row when
   * `csvHeader`). Without `lineStart`, only at the text's very start or after `lead`.
   */
  placeStart?: { lead: RegExp; leadWords?: Readonly<Record<string, string>>; lineStart?: { orderLine?: true; csvHeader?: true } }
  /** No look-alike carries a line, an order number, a day or a place. */
  lookAlikesCarryNothing?: true
}

type Readings = { mails: LabelledMail[]; madeFrom: ReadonlyMap<string, string>; sourceLines: ReadonlyMap<string, readonly string[]> }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const GLOVE_SIZE: Readonly<Record<string, RegExp>> = { "GN-4409": /\b(?:S|small)\b/i, "GN-4410": /\b(?:M|medium)\b/i, "GN-4411": /\b(?:L|large)\b/i }

export function itChecksShared(name: string, { mails, madeFrom, sourceLines }: Readings, checks: SharedChecks) {
  const numbered = () => mails.filter((x) => x.expected.po_number !== null)
  const placed = () => mails.filter((x) => x.expected.delivery_address !== null)

  if (checks.refsOnce)
    it(`lists each reference once in each of ${name}'s orders`, () => {
      for (const m of mails) expect(new Set(m.expected.lines.map((l) => l.ref)).size, m.name).toBe(m.expected.lines.length)
    })

  const leads = checks.numberLeads
  if (leads !== undefined)
    it(`takes each of ${name}'s order numbers from beside the words its buyer leads it in with (${leads.split("|").join(", ")})`, () => {
      for (const m of numbered()) expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(${leads})[^\\n]{0,25}${escape(m.expected.po_number!)}`, "i"))
    })

  if (checks.wholeNumbers)
    it(`takes each of ${name}'s order numbers whole, never the head or tail of a longer one`, () => {
      for (const m of numbered()) expect(madeFrom.get(m.name), m.name).toMatch(new RegExp(`(?<![\\w/-])${escape(m.expected.po_number!)}(?![\\w/-])`))
    })

  if (checks.bareNumbers)
    it(`opens and closes each of ${name}'s order numbers on a letter or figure, never on the "#" or "n°" leading it in`, () => {
      for (const m of numbered()) expect(m.expected.po_number, m.name).toMatch(/^[\p{L}\d].*[\p{L}\d]$/u)
    })

  const goods = checks.goods
  if (goods !== undefined) {
    const { words, countsOf } = goods
    const expectBeside = (rowsOf: (m: LabelledMail) => readonly string[]) => {
      for (const m of mails) {
        for (const l of m.expected.lines) {
          const near = rowsOf(m).filter((r) => words![l.ref]?.test(r) === true && countsOf(r).has(l.quantity))
          expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
        }
      }
    }
    if (words !== undefined)
      it(`reads each of ${name}'s line counts in a row of its mail, PDF or CSV beside its own product's words, sizes and packs apart`, () => {
        expectBeside((m) => sourceLines.get(m.name)!)
      })
    const clauses = goods.clauses
    if (words !== undefined && clauses !== undefined)
      it(`reads each of ${name}'s line counts in the same clause as its own product, where one sentence lists several`, () => {
        // A table's or a CSV's row stays whole: its product's name may hold a comma.
        expectBeside((m) => sourceLines.get(m.name)!.flatMap((r) => (/[\t|;]|,\S/.test(r) ? [r] : r.split(clauses))))
      })
    const apart = goods.gloveSizes
    if (apart !== undefined)
      it(`gives each of ${name}'s sized glove lines the size its mail writes beside that count, in the same line or row`, () => {
        for (const m of mails) {
          for (const l of m.expected.lines.filter((x) => x.ref.startsWith("GN-"))) {
            const near = sourceLines.get(m.name)!.filter((r) => /gants|gloves/i.test(r) && countsOf(r).has(l.quantity) && GLOVE_SIZE[l.ref]!.test(r.replace(apart, "")))
            expect(near.length, `${m.name} ${l.ref} ${l.quantity}`).toBeGreaterThan(0)
          }
        }
      })
  }

  const spelled = checks.spelledNumbers
  if (spelled !== undefined)
    it(`gives each of ${name}'s lines a quantity its mail writes, in figures or in words`, () => {
      for (const m of mails) {
        const text = madeFrom.get(m.name)!
        const said = new Set([...text.matchAll(/\d+/g)].map((x) => Number(x[0])))
        for (const w of text.toLowerCase().split(/[^a-zà-ÿ]+/)) if (spelled[w] !== undefined) said.add(spelled[w])
        for (const l of m.expected.lines) expect(said.has(l.quantity), `${m.name} ${l.ref} ${l.quantity}`).toBe(true)
      }
    })

  const { placeNote, placeLead, placeEnd } = checks
  if (placeNote !== undefined)
    it(`leaves out of each of ${name}'s places of delivery the note beside it (hours, gate, bell, whom to ask, where not to go)`, () => {
      for (const m of placed()) expect(m.expected.delivery_address, m.name).not.toMatch(placeNote)
    })
  if (placeLead !== undefined)
    it(`takes each of ${name}'s places of delivery without the preposition or article the sentence leads into it with`, () => {
      for (const m of placed()) expect(m.expected.delivery_address, m.name).not.toMatch(placeLead)
    })
  if (placeEnd !== undefined)
    it(`takes each of ${name}'s places down to its postcode (and town where the mail writes one), as its mail ends it`, () => {
      for (const m of placed()) expect(m.expected.delivery_address, m.name).toMatch(placeEnd)
    })

  const start = checks.placeStart
  if (start !== undefined) {
    const { lead, leadWords = {}, lineStart } = start
    const words = Object.values(checks.goods?.words ?? {})
    const orderLine = (row: string) => lineStart?.orderLine === true && /\d/.test(row) && words.some((w) => w.test(row))
    const csvHeader = (row: string) => lineStart?.csvHeader === true && /^[^ ,]+(?: [^ ,]+)*(?:,[^ ,]+(?: [^ ,]+)*){2,}$/.test(row)
    it(`begins each of ${name}'s places where its mail begins it (${lineStart === undefined ? "" : "a line's start, "}a colon, a cell, the words leading in), never past its name or street`, () => {
      for (const m of placed()) {
        const text = sourceLines.get(m.name)!.join("\n")
        const run = new RegExp(m.expected.delivery_address!.split(", ").map(escape).join("(?:, ?|;|\\s*\\|\\s*|\\n)"), "g")
        const led = [...text.matchAll(run)].some(({ index }) => {
          const before = text.slice(0, index)
          const own = leadWords[m.name.slice(0, 6)]
          if (own !== undefined) return before.endsWith(own)
          if (lineStart === undefined) return before === "" || lead.test(before)
          if (before !== "" && !before.endsWith("\n")) return lead.test(before)
          const previous = before.slice(0, -1).split("\n").pop()!.trim()
          return previous === "" || /[.:!]$/.test(previous) || orderLine(previous) || csvHeader(previous)
        })
        expect(led, m.name).toBe(true)
      }
    })
  }

  if (checks.lookAlikesCarryNothing)
    it(`gives none of ${name}'s look-alikes a line, an order number, a day or a place`, () => {
      for (const m of mails.filter((x) => !x.expected.is_order)) {
        const { lines, po_number, delivery_date, delivery_address } = m.expected
        expect([lines.length, po_number, delivery_date, delivery_address], m.name).toEqual([0, null, null, null])
      }
    })
}
