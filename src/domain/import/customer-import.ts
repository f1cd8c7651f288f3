import type { Contact, CountryCode, Customer, Language } from "../customers/customer.schema"
import { findSameContact, mergeContactFields, type ImportedCustomer } from "./customer-merge"
import { languageForCountry, parseCountry, parseEmails, parseLanguage, parsePaymentTerms, parseSiren, parseTags, parseVatNumber } from "./fields"
import { CUSTOMER_FIELDS, type ColumnMapping, type CustomerField, type ExtraColumn } from "./headers"
import { formatCents, parseEuroCents } from "./money"
import type { CsvRow } from "./parse"
import { codeFromCompany } from "./generated-codes"
import { parsePhoneCell, type PhoneExtension } from "./phone-cells"
import { salesRepReader, type ImportTeam } from "./sales-reps"
import { rejection, tooManyCells, type ImportWarning, type RejectedRow, type RowIssue, type WarningFacts } from "./report"
import { cleanCell, cleanMultilineCell, isPlaceholder, looseKey, memoize, quote } from "./text"

/**
 * Customer import, chunk by chunk: `addRows` takes any number of rows (`importInSlices` feeds it slices
 * sized to a frame's time budget) and `finish` returns the customers. Rows sharing a code are one customer with several
 * contacts and need not be adjacent, so customers are only complete at the end; the caller then merges
 * them with stored ones (`mergeCustomer`) and writes them in chunks.
 */

export interface CustomerImportOptions {
  mapping: ColumnMapping<CustomerField>
  /** The settings' default country: for rows without a country, and to read national phone numbers. */
  defaultCountry: CountryCode
  now: number
  newId: () => string
  /** Header width. A row with more values was shifted by an unquoted separator and is refused. */
  columnCount?: number
  /** More email and phone columns (a CRM export's `email_2`, `phone_2_number`…): their values go to the row's contact. */
  extraColumns?: readonly ExtraColumn[]
  /** The file has no code column: each company gets a code made from its name (`codeFromCompany`). */
  codesFromCompany?: boolean
  /** The header row, to name the column a warning is about. */
  headers?: readonly string[]
  /**
   * The team's users (signed in): a sales rep must name an active one (written as the team spells it). Another
   * name is left empty and reported, the row kept, as HubSpot does with an unknown owner: a rep no user goes by
   * would break the manager's per-rep figures. `inactive`, disabled accounts, only to say why. None: taken as written.
   */
  salesReps?: ImportTeam
}

export interface CustomerImportStats {
  /** Non-blank data rows seen. */
  rows: number
  acceptedRows: number
  rejectedRows: number
  customers: number
  contacts: number
  warnings: number
}

export interface CustomerImportResult {
  customers: ImportedCustomer[]
  rejected: RejectedRow[]
  warnings: ImportWarning[]
  stats: CustomerImportStats
}

export interface CustomerImporter {
  addRows(rows: readonly CsvRow[]): void
  /** Running counts, for the progress display. */
  readonly stats: Readonly<CustomerImportStats>
  finish(): CustomerImportResult
}

const MAX_LENGTH: Partial<Record<CustomerField, number>> = {
  code: 40, company: 200, contact_first_name: 120, contact_last_name: 120, contact_role: 120, address: 300, postal_code: 20, city: 120, sales_rep: 120
}

// Which fields a row or a customer has, as bits: a Set per row was a visible share of a 100k-row import.
const BIT = Object.fromEntries(CUSTOMER_FIELDS.map((f, i) => [f, 1 << i])) as Record<CustomerField, number>
const CONTACT_BITS = BIT.contact_first_name | BIT.contact_last_name | BIT.contact_role | BIT.email | BIT.phone | BIT.mobile
const ADDRESS_BITS = BIT.address | BIT.postal_code | BIT.city
const has = (mask: number, field: CustomerField): boolean => (mask & BIT[field]) !== 0

function fieldsOf(mask: number): Set<CustomerField> {
  return new Set(CUSTOMER_FIELDS.filter((f) => has(mask, f)))
}

// Credit limits, terms, languages and tag lists repeat across a file: read each spelling once.
const readMoney = memoize(parseEuroCents)
const readTerms = memoize(parsePaymentTerms)
const readLanguage = memoize(parseLanguage)
const readTags = memoize(parseTags)

interface Column {
  field: CustomerField
  index: number
  slot: number
  bit: number
  max: number | undefined
  /** Code and company are never read as placeholders: "NC" may be a real code. */
  literal: boolean
}

interface RowValues {
  /** Cleaned cell values, by field position in CUSTOMER_FIELDS ("" when empty). */
  text: string[]
  given: number
  contact: Contact | null
  extensions: PhoneExtension[]
  /** Phone values that could not be read, as written: kept as text in the customer's notes. */
  unreadablePhones: string[]
  country: CountryCode | null
  language: Language | null
  siren: string | null
  vatNumber: string | null
  creditLimitCents: number | null
  paymentTermsDays: number | null
  tags: readonly string[]
}

interface Group {
  customer: Customer
  given: number
  lines: number[]
  companyKey: string
  /** Line that gave each company-level value, to explain conflicts. */
  from: Partial<Record<CustomerField, number>>
  /** Rows accepted before any row of the code gave a company; refused at the end if none ever does. */
  pending: CsvRow[]
}

const SLOT = Object.fromEntries(CUSTOMER_FIELDS.map((f, i) => [f, i])) as Record<CustomerField, number>

export function createCustomerImporter(opts: CustomerImportOptions): CustomerImporter {
  const { mapping, defaultCountry, now, newId } = opts
  const generateCodes = opts.codesFromCompany === true && mapping.code === undefined
  if ((mapping.code === undefined && !generateCodes) || mapping.company === undefined) throw new Error("customer import needs the code and company columns mapped")
  const extraColumns = (opts.extraColumns ?? []).filter((x) => x.index !== mapping[x.field])
  // Company key → generated code, and generated code → company key: one code per company, never two companies per code.
  const generated = new Map<string, string>()
  const generatedOwner = new Map<string, string>()
  const columns: Column[] = CUSTOMER_FIELDS.flatMap((field) => {
    const index = mapping[field]
    return index === undefined ? [] : [{ field, index, slot: SLOT[field], bit: BIT[field], max: MAX_LENGTH[field], literal: field === "code" || field === "company" }]
  })
  const groups = new Map<string, Group>()
  const rejected: RejectedRow[] = []
  const warnings: ImportWarning[] = []
  const stats: CustomerImportStats = { rows: 0, acceptedRows: 0, rejectedRows: 0, customers: 0, contacts: 0, warnings: 0 }
  let finished = false
  const readRep = opts.salesReps && opts.salesReps.active.length > 0 ? salesRepReader(opts.salesReps) : null

  /** The row's sales rep: as written with no team known, else the active user it names, else none (reported). */
  function salesRepOf(line: number, written: string): string | null {
    if (written === "" || !readRep) return written || null
    const rep = readRep(written)
    if ("name" in rep) return rep.name
    const why = rep.unknown === "disabled" ? "is a disabled account" : "is no user of the team"
    warn(line, "unknown_sales_rep", `sales rep ${quote(written)} ${why}: left empty (a customer already stored keeps its rep)`, { column: mapping.sales_rep!, value: written }, { kind: rep.unknown })
    return null
  }

  function reject(row: CsvRow, issues: RowIssue[]): void {
    rejected.push(rejection(row.line, row.cells, issues))
    stats.rejectedRows++
  }

  function warn(line: number, code: ImportWarning["code"], message: string, cell?: { column?: number; value: string }, facts?: WarningFacts): void {
    const w: ImportWarning = { line, code, message }
    if (cell) {
      if (cell.column !== undefined) w.column = opts.headers?.[cell.column] ?? String(cell.column + 1)
      w.value = cell.value
    }
    if (facts) w.facts = facts
    warnings.push(w)
    stats.warnings++
  }

  /** The row's code: its code cell, or one made from its company name when the file has none. */
  function codeOf(row: CsvRow): string {
    if (!generateCodes) return cleanCell(row.cells[mapping.code!])
    const company = cleanCell(row.cells[mapping.company!])
    if (company === "") return ""
    const key = looseKey(company)
    let code = generated.get(key)
    if (code === undefined) {
      const base = codeFromCompany(company)
      code = base
      for (let n = 2; generatedOwner.has(code.toUpperCase()); n++) code = `${base}-${n}`
      generated.set(key, code)
      generatedOwner.set(code.toUpperCase(), key)
    }
    return code
  }

  function read(row: CsvRow, code: string, issues: RowIssue[], group: Group | undefined): RowValues {
    const text = EMPTY_TEXT.slice()
    let given = 0
    // Every email or phone cell of the row with its column: the mapped one first, then the extra ones.
    const cells: { field: ExtraColumn["field"]; column: number; value: string }[] = []
    for (const col of columns) {
      const raw = row.cells[col.index]
      if (raw === undefined || raw === "") continue
      const value = col.field === "address" ? cleanMultilineCell(raw) : cleanCell(raw)
      if (value === "" || (!col.literal && isPlaceholder(value))) continue
      text[col.slot] = value
      given |= col.bit
      if (col.field === "email" || col.field === "phone" || col.field === "mobile") cells.push({ field: col.field, column: col.index, value })
      if (col.max !== undefined && value.length > col.max) issues.push({ code: "too_long", field: col.field, value, message: `${col.field} ${quote(value)} is longer than ${col.max} characters` })
    }
    for (const x of extraColumns) {
      const value = cleanCell(row.cells[x.index])
      if (value === "" || isPlaceholder(value)) continue
      cells.push({ field: x.field, column: x.index, value })
      given |= BIT[x.field]
    }
    if (generateCodes && code !== "") {
      text[SLOT.code] = code
      given |= BIT.code
    }
    const values: RowValues = {
      text, given, contact: null, extensions: [], unreadablePhones: [], country: null, language: null, siren: null, vatNumber: null, creditLimitCents: null, paymentTermsDays: null, tags: []
    }
    if (!has(given, "code")) {
      if (generateCodes) issues.push({ code: "missing_company", field: "company", message: "no company name to make the customer code from" })
      else issues.push({ code: "missing_code", field: "code", message: "the customer code is empty" })
    }

    if (has(given, "country")) {
      const r = parseCountry(text[SLOT.country]!)
      if (r.ok) values.country = r.value
      else issues.push({ code: "unknown_country", field: "country", value: text[SLOT.country]!, message: r.message })
    }
    if (has(given, "language")) {
      const r = readLanguage(text[SLOT.language]!)
      if (r.ok) values.language = r.value
      else issues.push({ code: "invalid_language", field: "language", value: text[SLOT.language]!, message: r.message })
    }
    if (has(given, "siren")) {
      const r = parseSiren(text[SLOT.siren]!)
      if (r.ok) {
        values.siren = r.value.siren
        if (r.value.fromSiret) warn(row.line, "siret_read_as_siren", `a 14-digit SIRET was given as SIREN: its first 9 digits, ${r.value.siren}, were kept`, { column: mapping.siren, value: text[SLOT.siren]! }, { siren: r.value.siren })
      } else issues.push({ code: "invalid_siren", field: "siren", value: text[SLOT.siren]!, message: r.message })
    }
    if (has(given, "vat_number")) {
      const r = parseVatNumber(text[SLOT.vat_number]!)
      if (r.ok) {
        values.vatNumber = r.value
        if (values.siren && r.value.startsWith("FR") && r.value.slice(4) !== values.siren) {
          issues.push({ code: "vat_siren_mismatch", field: "vat_number", value: text[SLOT.vat_number]!, message: `VAT number ${quote(r.value)} does not contain SIREN ${values.siren}` })
        }
      } else issues.push({ code: "invalid_vat_number", field: "vat_number", value: text[SLOT.vat_number]!, message: r.message })
    }
    if (has(given, "credit_limit")) {
      const r = readMoney(text[SLOT.credit_limit]!)
      if (r.ok) values.creditLimitCents = r.value
      else issues.push({ code: "invalid_credit_limit", field: "credit_limit", value: text[SLOT.credit_limit]!, message: `credit limit: ${r.message}` })
    }
    if (has(given, "payment_terms_days")) {
      const r = readTerms(text[SLOT.payment_terms_days]!)
      if (r.ok) values.paymentTermsDays = r.value
      else issues.push({ code: "invalid_payment_terms", field: "payment_terms_days", value: text[SLOT.payment_terms_days]!, message: r.message })
    }
    if (has(given, "tags")) {
      const r = readTags(text[SLOT.tags]!)
      if (r.ok) values.tags = r.value
      else issues.push({ code: "invalid_tags", field: "tags", value: text[SLOT.tags]!, message: r.message })
    }

    if ((given & CONTACT_BITS) !== 0) {
      const contact: Contact = { id: "", firstName: text[SLOT.contact_first_name]!, lastName: text[SLOT.contact_last_name]!, role: text[SLOT.contact_role]!, phones: [], emails: [] }
      for (const cell of cells) {
        if (cell.field !== "email") continue
        const r = parseEmails(cell.value)
        if (r.ok) {
          for (const e of r.value) if (!contact.emails.includes(e)) contact.emails.push(e)
        } else issues.push({ code: "invalid_email", field: "email", value: cell.value, message: r.message })
      }
      if (contact.emails.length > 20) issues.push({ code: "too_many_emails", field: "email", message: "more than 20 email addresses for one contact" })
      // National numbers are read in the row's country, else the one its code already has, else the default.
      const phoneCountry = values.country ?? (group && has(group.given, "country") ? group.customer.country : defaultCountry)
      for (const field of PHONE_FIELDS) {
        for (const cell of cells) {
          if (cell.field !== field) continue
          const r = parsePhoneCell(cell.value, phoneCountry)
          if (!r.ok) continue
          for (const p of r.value.phones) if (!contact.phones.includes(p)) contact.phones.push(p)
          for (const e of r.value.extensions) values.extensions.push(e)
          // One bad number must not lose the contact: the row is imported without it, and the report says why.
          // Nor is the number itself lost: it stays in the customer's notes as written, where the card shows it.
          for (const bad of r.value.invalid) {
            values.unreadablePhones.push(bad.written)
            warn(row.line, "invalid_phone", `${field} ${quote(bad.written)} was left out: ${bad.why} (kept as written in the customer's notes)`, { column: cell.column, value: bad.written }, { kind: bad.problem.kind, country: bad.problem.country ?? "" })
          }
        }
      }
      if (contact.phones.length > 20) issues.push({ code: "too_many_phones", field: "phone", message: "more than 20 phone numbers for one contact" })
      // A contact whose only value was a number left out is no contact.
      const empty = contact.firstName === "" && contact.lastName === "" && contact.role === "" && contact.emails.length === 0 && contact.phones.length === 0
      values.contact = empty ? null : contact
    }
    return values
  }

  function addRow(row: CsvRow): void {
    stats.rows++
    if (row.problem) return reject(row, [{ code: row.problem.code, message: row.problem.message }])
    if (opts.columnCount !== undefined && row.cells.length > opts.columnCount) return reject(row, [tooManyCells(row, opts.columnCount)])
    const code = codeOf(row)
    const key = groupKey(code)
    let group = groups.get(key)
    const issues: RowIssue[] = []
    const warningsBefore = warnings.length
    const values = read(row, code, issues, group)
    if (issues.length === 0 && group) conflictsWith(group, values, issues)
    const same = values.contact && group ? findSameContact(group.customer.contacts, values.contact) : undefined
    if (issues.length === 0 && group && values.contact) contactLimit(group, values.contact, same, issues)
    if (issues.length > 0) {
      // A refused row's warnings would only confuse: the user fixes the row and imports it again.
      warnings.length = warningsBefore
      stats.warnings = warnings.length
      return reject(row, issues)
    }
    if (!group) {
      group = {
        customer: {
          id: newId(), code, company: "", siren: null, vatNumber: null, addresses: [], country: defaultCountry, language: languageForCountry(defaultCountry),
          creditLimitCents: null, paymentTermsDays: null, salesRep: null, tags: [], notes: "", contacts: [], createdAt: now, updatedAt: now
        },
        given: 0,
        lines: [],
        companyKey: "",
        from: {},
        pending: []
      }
      groups.set(key, group)
      stats.customers++
    }
    apply(group, values, row, same)
    stats.acceptedRows++
  }

  function conflictsWith(group: Group, values: RowValues, issues: RowIssue[]): void {
    const c = group.customer
    const at = (f: CustomerField): string => (group.from[f] ? ` on line ${group.from[f]}` : "")
    const company = values.text[SLOT.company]!
    if (company !== "" && group.companyKey !== "" && company !== c.company && looseKey(company) !== group.companyKey) {
      issues.push({ code: "conflicting_company", field: "company", value: company, message: `company ${quote(company)} differs from ${quote(c.company)} given${at("company")} for code ${c.code}; rows sharing a code are one customer` })
    }
    if (values.siren && c.siren && values.siren !== c.siren) {
      issues.push({ code: "conflicting_siren", field: "siren", value: values.siren, message: `SIREN ${values.siren} differs from ${c.siren} given${at("siren")} for code ${c.code}` })
    }
    if (values.vatNumber && c.vatNumber && values.vatNumber !== c.vatNumber) {
      issues.push({ code: "conflicting_vat_number", field: "vat_number", value: values.vatNumber, message: `VAT number ${values.vatNumber} differs from ${c.vatNumber} given${at("vat_number")} for code ${c.code}` })
    }
  }

  function contactLimit(group: Group, contact: Contact, same: Contact | undefined, issues: RowIssue[]): void {
    if (!same) {
      if (group.customer.contacts.length >= 200) issues.push({ code: "too_many_contacts", message: `customer ${group.customer.code} already has 200 contacts` })
      return
    }
    if (new Set([...same.phones, ...contact.phones]).size > 20) issues.push({ code: "too_many_phones", field: "phone", message: "more than 20 phone numbers for one contact" })
    if (new Set([...same.emails, ...contact.emails]).size > 20) issues.push({ code: "too_many_emails", field: "email", message: "more than 20 email addresses for one contact" })
  }

  /** Company-level values come from the first row that has one; a later, different one is reported. */
  function setOnce<K extends "siren" | "vatNumber" | "country" | "language" | "creditLimitCents" | "paymentTermsDays" | "salesRep">(
    group: Group,
    field: CustomerField,
    key: K,
    value: Customer[K] | null,
    line: number
  ): void {
    if (value === null) return
    const c = group.customer
    if (!has(group.given, field)) {
      c[key] = value
      group.given |= BIT[field]
      group.from[field] = line
    } else if (c[key] !== value) {
      const show = (v: Customer[K]): string => (key === "creditLimitCents" && typeof v === "number" ? formatCents(v) : String(v))
      // An amount is told as an amount, in the reader's number format; other values as the file wrote them.
      const amount = key === "creditLimitCents" && typeof value === "number" && typeof c[key] === "number"
      const facts: WarningFacts = amount ? { kind: "amount", ignored: (value as number) / 100, kept: (c[key] as number) / 100 } : { kind: "value", kept: show(c[key]) }
      warn(line, "ignored_value", `${field} ${quote(show(value))} ignored: line ${group.from[field]} gave ${quote(show(c[key]))} for code ${c.code}`, amount ? undefined : { column: mapping[field], value: show(value) }, { ...facts, firstLine: group.from[field] ?? 0, code: c.code })
    }
  }

  function apply(group: Group, values: RowValues, row: CsvRow, same: Contact | undefined): void {
    const c = group.customer
    const { text, given } = values
    const line = row.line
    group.lines.push(line)
    const company = text[SLOT.company]!
    if (company !== "" && group.companyKey === "") {
      c.company = company
      group.companyKey = looseKey(company)
      group.given |= BIT.company
      group.from.company = line
      group.pending = []
    }
    if (group.companyKey === "") group.pending.push(row)
    setOnce(group, "siren", "siren", values.siren, line)
    setOnce(group, "vat_number", "vatNumber", values.vatNumber, line)
    setOnce(group, "country", "country", values.country, line)
    setOnce(group, "language", "language", values.language, line)
    setOnce(group, "credit_limit", "creditLimitCents", values.creditLimitCents, line)
    setOnce(group, "payment_terms_days", "paymentTermsDays", values.paymentTermsDays, line)
    setOnce(group, "sales_rep", "salesRep", salesRepOf(line, text[SLOT.sales_rep]!), line)
    if ((given & ADDRESS_BITS) !== 0) {
      const a = { label: "", line: text[SLOT.address]!, postalCode: text[SLOT.postal_code]!, city: text[SLOT.city]!, country: c.country }
      const first = c.addresses[0]
      if (!first) {
        c.addresses.push(a)
        group.given |= given & ADDRESS_BITS
        group.from.address = line
      } else if (first.line !== a.line || first.postalCode !== a.postalCode || first.city !== a.city) {
        const show = (x: typeof a): string => [x.line, x.postalCode, x.city].filter((s) => s !== "").join(", ")
        const [facts, cell] = [{ kind: "address", kept: show(first), firstLine: group.from.address ?? 0, code: c.code }, { column: mapping.address ?? mapping.city, value: show(a) }]
        if (looseKey(show(first)) !== looseKey(show(a))) warn(line, "ignored_value", `address ${quote(show(a))} ignored: line ${group.from.address} gave ${quote(show(first))} for code ${c.code}`, cell, facts)
      }
    }
    // Tags describe the customer, and each contact's row may carry some: keep them all.
    if (values.tags.length > 0) {
      group.given |= BIT.tags
      for (const t of values.tags) if (!c.tags.some((x) => x.toLowerCase() === t.toLowerCase())) c.tags.push(t)
      if (c.tags.length > 50) c.tags.length = 50
    }

    const contact = values.contact
    if (contact) {
      group.given |= given & CONTACT_BITS
      if (same) mergeContactFields(same, contact, "target")
      else {
        contact.id = newId()
        c.contacts.push(contact)
        stats.contacts++
      }
    }
    const who = contact ? `${contact.firstName} ${contact.lastName}`.trim() : ""
    const of = who ? ` (${who})` : ""
    for (const { e164, extension } of values.extensions) {
      addNote(c, `Extension ${extension} for ${e164}${of}`)
      warn(line, "extension_in_notes", `extension ${extension} of ${e164} was kept in the customer's notes (an E.164 number has no extension)`, undefined, { extension, number: e164 })
    }
    for (const written of values.unreadablePhones) addNote(c, `${UNREADABLE_PHONE_NOTE} ${written}${of}`)
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
      const customers: ImportedCustomer[] = []
      for (const group of groups.values()) {
        const c = group.customer
        if (group.companyKey === "") {
          for (const row of group.pending) {
            reject(row, [{ code: "missing_company", field: "company", message: `no row with code ${c.code} gives the company name` }])
            stats.acceptedRows--
          }
          stats.customers--
          stats.contacts -= c.contacts.length
          continue
        }
        if (!has(group.given, "language")) c.language = languageForCountry(c.country)
        for (const a of c.addresses) a.country = c.country
        customers.push({ customer: c, given: fieldsOf(group.given | BIT.code), lines: group.lines })
      }
      rejected.sort((a, b) => a.line - b.line)
      return { customers, rejected, warnings, stats: { ...stats } }
    }
  }
}

const EMPTY_TEXT: readonly string[] = CUSTOMER_FIELDS.map(() => "")

/** How a phone value that could not be read starts in the customer's notes. */
export const UNREADABLE_PHONE_NOTE = "Unreadable phone:"
/** The customer schema's limit on notes. */
const NOTES_MAX = 10_000

/** Appends a line to the customer's notes once; a line that would pass the notes' limit stays in the import's report only. */
function addNote(c: Customer, note: string): void {
  if (c.notes.split("\n").includes(note)) return
  const notes = c.notes === "" ? note : `${c.notes}\n${note}`
  if (notes.length <= NOTES_MAX) c.notes = notes
}
const PHONE_FIELDS = ["phone", "mobile"] as const

/** Codes are matched like lookups match them (codeKey upper-cases): "c-001" and "C-001" are one customer. */
function groupKey(code: string): string {
  return code.toUpperCase()
}

/** The first rows as they will be stored, for the mapping screen. */
export function previewCustomers(rows: readonly CsvRow[], opts: CustomerImportOptions, n = 20): CustomerImportResult {
  const importer = createCustomerImporter(opts)
  importer.addRows(rows.slice(0, n))
  return importer.finish()
}
