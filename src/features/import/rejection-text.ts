import type { TFunction } from "i18next"

import type { RejectedRow } from "~src/domain/import/report"

/**
 * Why a row was rejected, in the interface's language: each of its issues named ("Adresse e-mail invalide") with
 * the value as written in the file. The importer's own sentence ("email "x@" is not an address") is English:
 * the English interface keeps it after the name, another language shows only what it can say in that language.
 */
export function rejectionText(row: RejectedRow, t: TFunction, language: string): { title: string; detail: string } {
  const title = t(`options.import.reasons.${row.code}`)
  const detail = rejectionReason(row, t, language)
  // One issue without a value says no more than the title.
  return { title, detail: detail === title ? "" : detail }
}

/** The reason column of the downloadable rejected rows: the same words as the table's. */
export function rejectionReason(row: RejectedRow, t: TFunction, language: string): string {
  if (language.startsWith("en")) return row.reason
  return row.issues
    .map((i) => {
      const reason = t(`options.import.reasons.${i.code}`)
      return i.value === undefined ? reason : t("options.import.reasonValue", { reason, value: i.value })
    })
    .join(" ; ")
}
