import type { Product } from "../customers/customer.schema"
import { PRODUCT_FIELDS, type ColumnMapping, type ProductField } from "./headers"
import { parseEuroCents, parseVatRateBp } from "./money"
import type { CsvRow } from "./parse"
import { rejection, tooManyCells, type ImportWarning, type RejectedRow, type RowIssue } from "./report"
import { cleanCell, quote } from "./text"

/** Product catalog import, chunk by chunk like customers; one row per product, matched by `ref`. */

export interface ProductImportOptions {
  mapping: ColumnMapping<ProductField>
  now: number
  newId: () => string
  columnCount?: number
  /** Unit for rows (or files) without one; the schema needs a unit and "pièce" is the usual French default. */
  defaultUnit?: string
}

export interface ImportedProduct {
  product: Product
  /** Fields with a value in the file; on re-import the others keep their stored value. */
  given: ReadonlySet<ProductField>
  line: number
}

export interface ProductImportStats {
  rows: number
  acceptedRows: number
  rejectedRows: number
  products: number
  warnings: number
}

export interface ProductImportResult {
  products: ImportedProduct[]
  rejected: RejectedRow[]
  warnings: ImportWarning[]
  stats: ProductImportStats
}

export interface ProductImporter {
  addRows(rows: readonly CsvRow[]): void
  readonly stats: Readonly<ProductImportStats>
  finish(): ProductImportResult
}

const MAX_LENGTH: Record<ProductField, number> = { ref: 60, name_fr: 300, name_en: 300, unit: 30, unit_price: 40, vat_rate: 20, category: 60, vat_exemption: 300, vat_exemption_en: 300 }

export function createProductImporter(opts: ProductImportOptions): ProductImporter {
  const { mapping, now, newId } = opts
  const defaultUnit = opts.defaultUnit ?? "pièce"
  if (mapping.ref === undefined || mapping.unit_price === undefined || mapping.vat_rate === undefined || (mapping.name_fr === undefined && mapping.name_en === undefined)) {
    throw new Error("product import needs ref, a name, unit_price and vat_rate mapped")
  }
  const byRef = new Map<string, ImportedProduct>()
  const rejected: RejectedRow[] = []
  const warnings: ImportWarning[] = []
  const stats: ProductImportStats = { rows: 0, acceptedRows: 0, rejectedRows: 0, products: 0, warnings: 0 }
  let finished = false

  function reject(row: CsvRow, issues: RowIssue[]): void {
    rejected.push(rejection(row.line, row.cells, issues))
    stats.rejectedRows++
  }

  function addRow(row: CsvRow): void {
    stats.rows++
    if (row.problem) return reject(row, [{ code: row.problem.code, message: row.problem.message }])
    if (opts.columnCount !== undefined && row.cells.length > opts.columnCount) return reject(row, [tooManyCells(row, opts.columnCount)])
    const issues: RowIssue[] = []
    const given = new Set<ProductField>()
    const text = {} as Record<ProductField, string>
    for (const field of PRODUCT_FIELDS) {
      const index = mapping[field]
      const value = index === undefined ? "" : cleanCell(row.cells[index])
      text[field] = value
      if (value === "") continue
      given.add(field)
      if (value.length > MAX_LENGTH[field]) issues.push({ code: "too_long", field, value, message: `${field} ${quote(value)} is longer than ${MAX_LENGTH[field]} characters` })
    }
    if (text.ref === "") issues.push({ code: "missing_ref", field: "ref", message: "the product reference is empty" })
    if (text.name_fr === "" && text.name_en === "") issues.push({ code: "missing_name", field: "name_fr", message: "the product has no name" })
    let price = 0
    if (text.unit_price === "") issues.push({ code: "missing_price", field: "unit_price", message: "the unit price is empty" })
    else {
      const r = parseEuroCents(text.unit_price)
      if (r.ok) price = r.value
      else issues.push({ code: "invalid_price", field: "unit_price", value: text.unit_price, message: `unit price: ${r.message}` })
    }
    let vat = 0
    if (text.vat_rate === "") issues.push({ code: "missing_vat_rate", field: "vat_rate", message: "the VAT rate is empty" })
    else {
      const r = parseVatRateBp(text.vat_rate)
      if (r.ok) vat = r.value
      else issues.push({ code: "invalid_vat_rate", field: "vat_rate", value: text.vat_rate, message: r.message })
    }
    // An English mention alone would leave French documents without theirs: the French one is the one the law asks.
    if (vat === 0 && text.vat_exemption === "" && text.vat_exemption_en !== "") issues.push({ code: "missing_vat_exemption", field: "vat_exemption", message: "the English VAT exemption mention is given without the French one" })
    const key = text.ref.toUpperCase()
    const earlier = byRef.get(key)
    // Two rows for one reference are a mistake in the file; taking either silently would hide it.
    if (earlier && text.ref !== "") issues.push({ code: "duplicate_ref", field: "ref", value: text.ref, message: `reference ${quote(text.ref)} is already on line ${earlier.line}` })
    if (issues.length > 0) return reject(row, issues)

    const product: Product = {
      id: newId(),
      ref: text.ref,
      // A one-language catalog names both from the one it has: the schema needs both.
      nameFr: text.name_fr || text.name_en,
      nameEn: text.name_en || text.name_fr,
      unit: text.unit || defaultUnit,
      unitPriceCents: price,
      vatRateBp: vat,
      ...(text.category ? { category: text.category } : {}),
      // A mention is printed for a 0 % product only: on a taxed one it is not kept, as in the catalog form.
      ...(vat === 0 && text.vat_exemption ? { vatExemption: text.vat_exemption } : {}),
      ...(vat === 0 && text.vat_exemption_en ? { vatExemptionEn: text.vat_exemption_en } : {}),
      createdAt: now,
      updatedAt: now
    }
    byRef.set(key, { product, given, line: row.line })
    stats.acceptedRows++
    stats.products++
  }

  return {
    get stats() {
      return stats
    },
    addRows(rows) {
      if (finished) throw new Error("the import is finished")
      for (const row of rows) addRow(row)
    },
    finish() {
      finished = true
      rejected.sort((a, b) => a.line - b.line)
      return { products: [...byRef.values()], rejected, warnings, stats: { ...stats } }
    }
  }
}

export function previewProducts(rows: readonly CsvRow[], opts: ProductImportOptions, n = 20): ProductImportResult {
  const importer = createProductImporter(opts)
  importer.addRows(rows.slice(0, n))
  return importer.finish()
}

const ALL_PRODUCT_FIELDS: ReadonlySet<ProductField> = new Set(PRODUCT_FIELDS)

/** A stored product updated from the file's row with the same ref: id and createdAt kept, given fields set. */
export function mergeProduct(existing: Product | undefined, imported: ImportedProduct | Product, now: number): Product {
  const { product: inc, given } = "product" in imported ? imported : { product: imported, given: ALL_PRODUCT_FIELDS }
  if (!existing) return { ...inc, updatedAt: now }
  const out: Product = { ...existing, updatedAt: now }
  if (given.has("name_fr")) out.nameFr = inc.nameFr
  if (given.has("name_en")) out.nameEn = inc.nameEn
  if (given.has("unit")) out.unit = inc.unit
  if (given.has("unit_price")) out.unitPriceCents = inc.unitPriceCents
  if (given.has("vat_rate")) out.vatRateBp = inc.vatRateBp
  if (given.has("category") && inc.category) out.category = inc.category
  // A file without the mentions' columns (or with an empty cell) leaves the stored mentions as they are.
  if (given.has("vat_exemption") && inc.vatExemption) out.vatExemption = inc.vatExemption
  if (given.has("vat_exemption_en") && inc.vatExemptionEn) out.vatExemptionEn = inc.vatExemptionEn
  return out
}
