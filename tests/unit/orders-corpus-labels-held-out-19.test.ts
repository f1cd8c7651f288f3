import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import type { ExpectedOrder } from "~src/domain/orders/corpus-score"

/**
 * The former nineteenth held-out part (h19-* in tuned/ since tune19; held-out-19/ until then), written blind after the
 * extractor. Its labels are checked against the catalog and customers with every other part's in
 * orders-corpus-labels.test.ts (which reads tuned/); here only what this set is said to hold, in a file of its own as
 * held-out 18's is. Nothing here runs the extractor (the corpus test does, on all of tuned/).
 */
const DIR = join(import.meta.dirname, "..", "fixtures", "orders", "tuned")

const mails = readdirSync(DIR)
  .filter((f) => f.startsWith("h19-") && f.endsWith(".eml"))
  .sort()
  .map((f) => {
    const name = f.replace(/\.eml$/, "")
    return { name, eml: readFileSync(join(DIR, f), "latin1"), expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as ExpectedOrder }
  })
const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

describe("the former nineteenth held-out part (h19-* in tuned/), written blind after the extractor by a sixteenth author and now tuning material", () => {
  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h19-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h19-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h19-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a copier's scanned PDF and a procurement portal's PDF order, a stock export's .csv, an .ods and an .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h19-05-fr-pharmacie-scan-ocr-pdf", "h19-28-en-sinclair-procurement-portal-pdf"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h19-08-fr-labo-carre-export-stock-csv"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h19-09-fr-ogec-cantine-ods"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h19-37-en-pemberton-flu-clinic-xlsx"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})
