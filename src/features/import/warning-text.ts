import type { TFunction } from "i18next"

import type { ImportWarning } from "~src/domain/import/report"

/**
 * A warning in the interface's language: what happened ("Valeur ignorée") and why, from the facts the importer
 * kept (line, code, kept value, country). The importer's English sentence is for support only: a hover, never
 * the visible text.
 */
export function warningText(w: ImportWarning, t: TFunction, language: string): { label: string; detail: string } {
  const label = t(`importReport.warnings.codes.${w.code}`)
  if (!w.facts) return { label, detail: "" }
  const { kind, country, ...facts } = w.facts
  const values = {
    ...facts,
    value: w.value ?? "",
    country: countryName(String(country ?? ""), language),
    context: kind === undefined ? undefined : String(kind)
  }
  return { label, detail: t(`importReport.warnings.details.${w.code}`, values) }
}

/** The warnings file's reason column: the same words as the table's. */
export function warningReason(w: ImportWarning, t: TFunction, language: string): string {
  const { label, detail } = warningText(w, t, language)
  if (!detail) return label
  return language.startsWith("fr") ? `${label} : ${detail}` : `${label}: ${detail}`
}

function countryName(code: string, language: string): string {
  if (code === "") return ""
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code
  } catch {
    return code
  }
}
