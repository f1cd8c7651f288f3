import type { TFunction } from "i18next"

import type { RejectedRow, RowIssue } from "~src/domain/import/report"

/**
 * Why a row was rejected, in the interface's language: each of its issues named ("Adresse e-mail invalide") with
 * the value as written in the file. The importer's own sentence ("email "x@" is not an address") is English:
 * the English interface keeps it after the name, another language shows only what it can say in that language.
 */
export function rejectionText(row: RejectedRow, t: TFunction, language: string): { title: string; detail: string } {
  const title = t(`options.import.reasons.${row.code}`)
  if (language.startsWith("en")) return { title, detail: row.reason }
  // The first issue is the title: its value alone follows it ("Adresse e-mail invalide (« jean@@lefevre »)").
  const [first, ...rest] = row.issues
  const parts = [first?.value === undefined ? null : t("options.import.quotedValue", { value: first.value }), ...rest.map((i) => issueText(i, t))]
  return { title, detail: parts.filter((p) => p !== null).join(" ; ") }
}

/** The reason column of the downloadable rejected rows: the same words as the table's. */
export function rejectionReason(row: RejectedRow, t: TFunction, language: string): string {
  if (language.startsWith("en")) return row.reason
  return row.issues.map((i) => issueText(i, t)).join(" ; ")
}

function issueText(i: RowIssue, t: TFunction): string {
  const reason = t(`options.import.reasons.${i.code}`)
  return i.value === undefined ? reason : t("options.import.reasonValue", { reason, value: i.value })
}
