import type { Customer, Product } from "../customers/customer.schema"
import type { DemoCustomer } from "../demo/demo-data"
import { CUSTOMER_FIELDS, PRODUCT_FIELDS, type CustomerField } from "./headers"
import { formatBpPercent, formatCents } from "./money"
import type { ImportWarning, RejectedRow } from "./report"

/**
 * CSV writing. Files are RFC 4180 (comma by default, CRLF, values quoted when they hold a separator, a quote
 * or a line break) and start with a BOM, "\uFEFF": saved with a UTF-8 Blob, it becomes EF BB BF, the only
 * way Excel knows to read accents as UTF-8 instead of the ANSI code page. French Excel splits on ";" when a
 * file is double-clicked: pass `{ delimiter: ";" }` for those users. Our importer reads every variant back.
 */

export interface CsvWriteOptions {
  delimiter?: "," | ";" | "\t"
  /** Defaults to true. */
  bom?: boolean
}

// A value starting with = + - @ is run as a formula by spreadsheets (CSV injection): protect it with an
// apostrophe, which spreadsheets hide and our importer drops. Numbers and phone numbers ("+33 1…",
// "-12.50") are left alone, or E.164 phones would not round-trip.
const FORMULA_START = /^[=+\-@\t\r]/
const NUMBER_LIKE = /^[+-]?[\d\s().,/-]+$/

// Every separator is quoted, not only the file's own: a spreadsheet may split the file on another one (French
// Excel splits a double-clicked .csv on ";"), and an unquoted `x;=HYPERLINK(…)` would then open a cell on a formula.
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/

// Quoting alone does not hold when the file is split on another separator: `Dupont,"x;=HYPERLINK(…)"` read on
// ";" gives a cell `=HYPERLINK(…)"` (a quote counts only at a cell's start). So a formula start after a ",", a ";"
// or a line break inside a value gets the apostrophe too (the importer drops it there as well, text.ts).
const INNER_FORMULA = /([,;\r\n][\s"]*)([=+\-@][^,;\r\n]*)/g

function protect(value: string): string {
  const v = FORMULA_START.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value
  return /[,;\r\n]/.test(v) ? v.replace(INNER_FORMULA, (m, sep: string, cell: string) => (NUMBER_LIKE.test(cell) ? m : `${sep}'${cell}`)) : v
}

export function csvField(value: string, _delimiter: "," | ";" | "\t"): string {
  const v = protect(value)
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[], opts: CsvWriteOptions = {}): string {
  const d = opts.delimiter ?? ","
  const lines = [headers, ...rows].map((cells) => cells.map((c) => csvField(c, d)).join(d))
  return (opts.bom === false ? "" : "\uFEFF") + lines.join("\r\n") + "\r\n"
}

function customerRows(c: Customer, phonesOf: (contactIndex: number) => [string, string]): string[][] {
  const a = c.addresses[0]
  const company: Record<CustomerField, string> = {
    code: c.code,
    company: c.company,
    contact_first_name: "",
    contact_last_name: "",
    contact_role: "",
    email: "",
    phone: "",
    mobile: "",
    address: a?.line ?? "",
    postal_code: a?.postalCode ?? "",
    city: a?.city ?? "",
    country: c.country,
    language: c.language,
    siren: c.siren ?? "",
    vat_number: c.vatNumber ?? "",
    credit_limit: c.creditLimitCents === null ? "" : formatCents(c.creditLimitCents),
    payment_terms_days: c.paymentTermsDays === null ? "" : String(c.paymentTermsDays),
    sales_rep: c.salesRep ?? "",
    tags: c.tags.join("|")
  }
  if (c.contacts.length === 0) return [CUSTOMER_FIELDS.map((f) => company[f])]
  return c.contacts.map((k, i) => {
    const [phone, mobile] = phonesOf(i)
    const row: Record<CustomerField, string> = {
      ...company,
      contact_first_name: k.firstName,
      contact_last_name: k.lastName,
      contact_role: k.role,
      email: k.emails.join(" | "),
      phone,
      mobile
    }
    return CUSTOMER_FIELDS.map((f) => row[f])
  })
}

/**
 * The customer base in the import template, one row per contact (company columns repeated), so the file
 * can be edited in a spreadsheet and imported back. The first phone goes in `phone`, the others in `mobile`
 * ("|"-separated); only the first address is written, and notes are not (the template has no column).
 */
export function exportCustomersCsv(customers: readonly Customer[], opts: CsvWriteOptions = {}): string {
  const rows: string[][] = []
  for (const c of customers) {
    for (const row of customerRows(c, (i) => splitPhones(c.contacts[i]?.phones ?? []))) rows.push(row)
  }
  return toCsv(CUSTOMER_FIELDS, rows, opts)
}

function splitPhones(phones: readonly string[]): [string, string] {
  return [phones[0] ?? "", phones.slice(1).join(" | ")]
}

export function exportProductsCsv(products: readonly Product[], opts: CsvWriteOptions = {}): string {
  const rows = products.map((p) => [p.ref, p.nameFr, p.nameEn, p.unit, formatCents(p.unitPriceCents), formatBpPercent(p.vatRateBp), p.category ?? "", p.vatExemption ?? "", p.vatExemptionEn ?? ""])
  return toCsv(PRODUCT_FIELDS, rows, opts)
}

/**
 * The rejected rows, to download, fix and import again: the line, the error code and the reason first, then
 * the row exactly as it was under its original headers. The added columns have names no alias maps, so
 * re-importing the corrected file needs no clean-up.
 */
export function rejectedRowsCsv(
  rejected: readonly RejectedRow[],
  headers: readonly string[],
  opts: CsvWriteOptions = {},
  /** The reason as the user reads it, in the interface's language; the importer's English sentence by default. */
  reasonOf: (r: RejectedRow) => string = (r) => r.reason
): string {
  const rows = rejected.map((r) => [String(r.line), r.code, reasonOf(r), ...r.cells])
  return toCsv(["import_line", "import_error", "import_reason", ...headers], rows, opts)
}

/** The import's warnings as a file: which line and cell, its value, and why (a phone left out, a value ignored…). */
export function warningsCsv(
  warnings: readonly ImportWarning[],
  opts: CsvWriteOptions = {},
  /** The reason as the user reads it, in the interface's language; the importer's English sentence by default. */
  reasonOf: (w: ImportWarning) => string = (w) => w.message
): string {
  const rows = warnings.map((w) => [String(w.line), w.column ?? "", w.value ?? "", w.code, reasonOf(w)])
  return toCsv(["import_line", "import_column", "import_value", "import_warning", "import_reason"], rows, opts)
}

const FR_COUNTRY = ["France", "FR", "france", "FRA"]
const GB_COUNTRY = ["United Kingdom", "UK", "Royaume-Uni", "GB"]
const US_COUNTRY = ["USA", "États-Unis", "United States", "US"]
const NBSP = "\u00a0"
const NNBSP = "\u202f"

/** 1000000 cents written the ways spreadsheets write 10,000 €. */
function writtenMoney(cents: number, style: number): string {
  const euros = Math.floor(cents / 100)
  const dec = String(cents % 100).padStart(2, "0")
  const grouped = (sep: string): string => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep)
  switch (style % 5) {
    case 0:
      return cents % 100 === 0 ? String(euros) : `${euros}.${dec}`
    case 1:
      return `${grouped(" ")},${dec} €`
    case 2:
      return `${grouped(",")}.${dec}`
    case 3:
      return cents % 100 === 0 ? grouped(NBSP) : `${grouped(NBSP)},${dec}`
    default:
      return `${grouped(NNBSP)},${dec}${NBSP}€`
  }
}

/**
 * Demo customers as a file a customer would bring: phones as people write them (`writtenPhones`), amounts,
 * countries, languages, SIRENs and tags in varied spellings, the company sometimes only on a code's first
 * row. Importing it must give back the demo customers; the end-to-end tests and the import benchmark use it.
 */
export function demoCustomersCsv(customers: readonly DemoCustomer[], opts: CsvWriteOptions = {}): string {
  const rows: string[][] = []
  customers.forEach((c, i) => {
    const written = customerRows(c, (k) => {
      const phones = c.writtenPhones[k] ?? []
      return [phones[0] ?? "", phones.slice(1).join(" | ")]
    })
    const countries = c.country === "FR" ? FR_COUNTRY : c.country === "GB" ? GB_COUNTRY : c.country === "US" ? US_COUNTRY : [c.country]
    written.forEach((row, k) => {
      const set = (f: CustomerField, v: string): void => {
        row[CUSTOMER_FIELDS.indexOf(f)] = v
      }
      set("country", countries[(i + k) % countries.length]!)
      set("language", [c.language, "", c.language === "fr" ? "français" : "English", ""][i % 4]!)
      if (c.creditLimitCents !== null) set("credit_limit", writtenMoney(c.creditLimitCents, i))
      if (c.siren && i % 3 === 1) set("siren", c.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3"))
      if (c.paymentTermsDays !== null && i % 2 === 1) set("payment_terms_days", `${c.paymentTermsDays} jours`)
      set("tags", c.tags.join(i % 2 === 0 ? "|" : ", "))
      // Many CRM exports fill company columns on the first contact row only.
      if (k > 0 && i % 5 === 0) {
        for (const f of ["company", "siren", "vat_number", "credit_limit", "payment_terms_days", "sales_rep", "tags", "address", "postal_code", "city"] as const) set(f, "")
      }
      rows.push(row)
    })
  })
  return toCsv(CUSTOMER_FIELDS, rows, opts)
}
