import { newId } from "~src/domain/ids"
import type { CountryCode, Customer } from "~src/domain/customers/customer.schema"
import { createCustomerImporter, previewCustomers } from "~src/domain/import/customer-import"
import { mergeCustomer } from "~src/domain/import/customer-merge"
import type { ColumnMapping, CustomerField, ExtraColumn, ProductField } from "~src/domain/import/headers"
import { createCsvReader, parseCsv, type CsvDelimiter, type CsvRow } from "~src/domain/import/parse"
import { createProductImporter, mergeProduct, previewProducts } from "~src/domain/import/product-import"
import type { ImportWarning, RejectedRow } from "~src/domain/import/report"
import type { ImportTeam } from "~src/domain/import/sales-reps"
import { importInSlices } from "~src/domain/import/slices"
import { looseKey } from "~src/domain/import/text"
import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { ProductRepository } from "~src/db/product-repository"

import type { ImportJob } from "./import-job"

export type ImportKind = "customers" | "products"

export interface ImportProgress {
  phase: "reading" | "writing"
  /** 0 to 1 over the whole import. */
  fraction: number
  rows: number
}

export interface ImportOutcome {
  rows: number
  records: number
  created: number
  updated: number
  rejected: RejectedRow[]
  warnings: ImportWarning[]
  /** The file's header row, to write rejected rows back in the same shape. */
  headers: string[]
  /** The file's separator, for the rejected rows too (a semicolon file comes back as one, for Excel in French). */
  delimiter: CsvDelimiter
  ms: number
  /** Reading and validating, then writing to IndexedDB: where the time went. */
  readMs: number
  writeMs: number
}

/** Products are written one record each: a catalog is thousands of lines, not a hundred thousand. */
const WRITE_CHUNK = 1000

/** Lets the page paint and take input between chunks: an import of 100k rows never freezes it. */
const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0))

/** What a customer file needs beyond its mapping: more email and phone columns, and whether codes are made. */
export interface CustomerFileOptions {
  extraColumns?: readonly ExtraColumn[]
  codesFromCompany?: boolean
  /** The team's users, when signed in: a sales rep must be an active one. */
  salesReps?: ImportTeam
}

export function previewFile(kind: ImportKind, text: string, mapping: ColumnMapping<string>, defaultCountry: CountryCode, columnCount: number, more: CustomerFileOptions = {}) {
  const { headers, rows } = parseCsv(text, { maxRows: 50 })
  const now = Date.now()
  if (kind === "customers") {
    return previewCustomers(rows, { mapping: mapping as ColumnMapping<CustomerField>, defaultCountry, now, newId, columnCount, headers, ...more }, 5)
  }
  return previewProducts(rows, { mapping: mapping as ColumnMapping<ProductField>, now, newId, columnCount }, 5)
}

/**
 * Reads, validates and stores a whole file chunk by chunk. Customers are complete only at the end of the
 * file (rows of one code need not be adjacent), so the file is read first, then written in chunks merged by
 * code with what is stored.
 */
export async function runImport(
  job: ImportJob,
  onProgress: (p: ImportProgress) => void,
  /** In a worker nothing waits for the thread: slices only pace the progress reports. */
  pause: () => Promise<void> = yieldToPage
): Promise<ImportOutcome> {
  const { kind, text, mapping, defaultCountry, columnCount } = job
  const started = performance.now()
  const now = Date.now()
  const reader = createCsvReader(text)
  const db = getDb()
  /** Reads the whole file into an importer; reading is `share` of the progress bar, writing the rest. */
  const readAll = (importer: { addRows(rows: CsvRow[]): void }, share: number) =>
    importInSlices(reader, (rows) => importer.addRows(rows), {
      budgetMs: 50,
      yieldToUi: pause,
      onProgress: (p) => onProgress({ phase: "reading", fraction: p.fraction * share, rows: p.rows })
    })
  const outcome = (
    result: { stats: { rows: number }; rejected: RejectedRow[]; warnings: ImportWarning[] },
    records: number,
    created: number,
    readMs: number
  ): ImportOutcome => ({
    rows: result.stats.rows,
    records,
    created,
    updated: records - created,
    rejected: result.rejected,
    warnings: result.warnings,
    headers: reader.headers,
    delimiter: reader.delimiter,
    ms: performance.now() - started,
    readMs,
    writeMs: performance.now() - started - readMs
  })

  if (kind === "customers") {
    const importer = createCustomerImporter({
      mapping: mapping as ColumnMapping<CustomerField>, defaultCountry, now, newId, columnCount, headers: reader.headers,
      extraColumns: job.extraColumns ?? [], codesFromCompany: job.codesFromCompany ?? false, salesReps: job.salesReps
    })
    await readAll(importer, 0.4)
    const result = importer.finish()
    const readMs = performance.now() - started
    const repo = new CustomerRepository(db)
    // Re-import matches by code: the stored base is read once (a first import reads nothing).
    const existing = new Map<string, Customer>()
    if ((await repo.count()) > 0) for (const c of await repo.all()) existing.set(c.code.toUpperCase(), c)
    if (job.codesFromCompany) keepMadeCodesApart(result.customers.map((ic) => ic.customer), existing)
    let created = 0
    const merged = result.customers.map((ic) => {
      const prev = existing.get(ic.customer.code.toUpperCase())
      if (!prev) created++
      return mergeCustomer(prev, ic, now)
    })
    await repo.upsert(merged, (done, total) => onProgress({ phase: "writing", fraction: 0.4 + 0.6 * (done / total), rows: result.stats.rows }))
    return outcome(result, result.customers.length, created, readMs)
  }

  const importer = createProductImporter({ mapping: mapping as ColumnMapping<ProductField>, now, newId, columnCount })
  await readAll(importer, 0.5)
  const result = importer.finish()
  const readMs = performance.now() - started
  const repo = new ProductRepository(db)
  let created = 0
  for (let i = 0; i < result.products.length; i += WRITE_CHUNK) {
    const chunk = result.products.slice(i, i + WRITE_CHUNK)
    const existing = await repo.getByRefs(chunk.map((p) => p.product.ref))
    const merged = chunk.map((p) => {
      const prev = existing.get(p.product.ref)
      if (!prev) created++
      return mergeProduct(prev, p, now)
    })
    await repo.bulkPut(merged)
    onProgress({ phase: "writing", fraction: 0.5 + 0.5 * ((i + chunk.length) / result.products.length), rows: result.stats.rows })
    await pause()
  }
  return outcome(result, result.products.length, created, readMs)
}

/**
 * A code made from a company name must not land on a stored customer of another company (the merge by code would
 * fold them into one): that customer keeps its code and the new one takes the next free suffix. The same company
 * imported again finds its own code and merges, as a re-import should.
 */
function keepMadeCodesApart(customers: Customer[], existing: ReadonlyMap<string, Customer>): void {
  const taken = new Set(customers.map((c) => c.code.toUpperCase()))
  for (const c of customers) {
    const stored = existing.get(c.code.toUpperCase())
    if (!stored || looseKey(stored.company) === looseKey(c.company)) continue
    let n = 2
    while (existing.has(`${c.code}-${n}`.toUpperCase()) || taken.has(`${c.code}-${n}`.toUpperCase())) n++
    taken.delete(c.code.toUpperCase())
    c.code = `${c.code}-${n}`
    taken.add(c.code.toUpperCase())
  }
}
