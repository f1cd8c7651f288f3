/** What an import tells the user about rows it could not take or had to adjust. */

export type RejectCode =
  // the file itself
  | "unterminated_quote"
  | "malformed_quotes"
  | "too_many_cells"
  // any field
  | "too_long"
  // customers
  | "missing_code"
  | "missing_company"
  | "invalid_email"
  | "invalid_phone"
  | "unknown_country"
  | "invalid_language"
  | "invalid_siren"
  | "invalid_vat_number"
  | "vat_siren_mismatch"
  | "invalid_credit_limit"
  | "invalid_payment_terms"
  | "invalid_tags"
  | "conflicting_company"
  | "conflicting_siren"
  | "conflicting_vat_number"
  | "too_many_contacts"
  | "too_many_phones"
  | "too_many_emails"
  | "too_many_tags"
  // products
  | "missing_ref"
  | "missing_name"
  | "missing_price"
  | "invalid_price"
  | "missing_vat_rate"
  | "invalid_vat_rate"
  | "duplicate_ref"
  | "missing_vat_exemption"

export interface RowIssue {
  /** Stable, for the UI to translate; `message` is the English explanation with the offending value. */
  code: RejectCode
  field?: string
  message: string
  /** The value as written in the file, when the issue is about one value: the UI quotes it in any language. */
  value?: string
}

export interface RejectedRow {
  /** 1-based physical line in the file. */
  line: number
  /** The first issue's code. */
  code: RejectCode
  /** Every issue of the row, joined: "email "x@" is not an address; SIREN "123" must have 9 digits". */
  reason: string
  issues: RowIssue[]
  /** The row as it was in the file, to be written back for correction. */
  cells: string[]
}

export type WarningCode = "ignored_value" | "extension_in_notes" | "siret_read_as_siren" | "invalid_phone" | "unknown_sales_rep"

/** A row that was imported, with something the user may want to know. */
export interface ImportWarning {
  line: number
  code: WarningCode
  /** The English explanation with the offending value ("phone "12 34" was left out: too short for a French number"). */
  message: string
  /** The header of the cell the warning is about, and its value, when it is about one cell. */
  column?: string
  value?: string
  /** What the interface needs to say `message` in its own language: numbers, codes, `kind` picks the wording. */
  facts?: WarningFacts
}

export type WarningFacts = Readonly<Record<string, string | number>>

export function rejection(line: number, cells: string[], issues: RowIssue[]): RejectedRow {
  const first = issues[0]
  if (!first) throw new Error("a rejection needs at least one issue")
  return { line, code: first.code, reason: issues.map((i) => i.message).join("; "), issues, cells }
}

/**
 * More values than header columns means the columns after an unquoted separator are shifted: importing the
 * row would put a first name in the role, a role in the email… even when the last value happens to be empty.
 */
export function tooManyCells(row: { cells: readonly string[] }, columnCount: number): RowIssue {
  return {
    code: "too_many_cells",
    message: `the row has ${row.cells.length} values for ${columnCount} columns: a value probably contains an unquoted separator (or the line ends with an extra one)`
  }
}
