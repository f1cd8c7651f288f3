import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import Papa from "papaparse"

import { readLabelledMails, type LabelledMail } from "./held-out-labels-kit"

/**
 * What orders-corpus-labels.test.ts checks the corpus's labels with: the parts of the order-mail corpus, each part's
 * mails with their labels, and the catalog and customer files the labels refer to. Reading them runs no extractor.
 */
export const ORDERS_FIXTURES = join(import.meta.dirname, "..", "fixtures", "orders")
/**
 * The parts bench/orders-corpus.ts reads: tuned/ and every held-out folder there is (not imported: that module
 * pulls in the extractor, never run here). Held-out parts that were measured became tuning material (ho-*, then
 * h2-*, then h3-*, then h4-*, then h5-*, then h7-*, then h8-*, then h9-*, then h10-*, then h11-* and h12-*, then h14-*, then
 * h15-*, then h16-*, then h17-*, then h18-*, then h19-*, in tuned/); a new held-out folder is checked by the labels test as soon
 * as it exists (now held-out-6 and held-out-13; what the h17-*, h18-* and h19-* mails hold is checked in
 * orders-corpus-labels-held-out-17.test.ts, orders-corpus-labels-held-out-18.test.ts and orders-corpus-labels-held-out-19.test.ts,
 * orders-corpus-labels.test.ts being past 500 lines).
 */
export const PARTS = [
  "tuned",
  ...readdirSync(ORDERS_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith("held-out"))
    .map((d) => d.name)
    .sort()
]

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(ORDERS_FIXTURES, file), "utf8"), { header: true, skipEmptyLines: true }).data
}

export const products = new Map(csv("products.csv").map((p) => [p.ref!, p]))
export const catalogUnits = new Set([...products.values()].map((p) => p.unit!))
export const customerCodes = new Set(csv("customers.csv").map((c) => c.code!))

/** The mails of a part (tuned/ or a held-out folder), sorted, with their labels: the kit's reading, no copy of it. */
export const part = (set: string): LabelledMail[] => readLabelledMails(set)
