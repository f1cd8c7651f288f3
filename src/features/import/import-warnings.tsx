import { useTranslation } from "react-i18next"

import { warningsCsv } from "~src/domain/import/export"
import type { ImportWarning } from "~src/domain/import/report"

import { downloadText } from "./download"
import { warningReason, warningText } from "./warning-text"

const SHOWN_WARNINGS = 200

/** Rows imported with something left out or ignored: a phone that does not parse, a second company address… */
export function ImportWarnings({ warnings, fileName }: { warnings: readonly ImportWarning[]; fileName: string }) {
  const { t, i18n } = useTranslation()
  if (warnings.length === 0) return null
  const shown = warnings.slice(0, SHOWN_WARNINGS)
  return (
    <div data-comptoir="import-warnings" data-count={warnings.length}>
      <p>{t("importReport.warnings.count", { count: warnings.length })}</p>
      <button
        type="button"
        className="c-button c-button-secondary"
        data-comptoir="import-download-warnings"
        onClick={() =>
          downloadText(
            fileName.replace(/\.[^.]*$/, "") + "-warnings.csv",
            warningsCsv(warnings, {}, (w) => warningReason(w, t, i18n.language))
          )
        }>
        {t("importReport.warnings.download")}
      </button>
      <table className="c-table">
        <thead>
          <tr>
            <th>{t("options.import.line")}</th>
            <th>{t("importReport.warnings.column")}</th>
            <th>{t("importReport.warnings.value")}</th>
            <th>{t("options.import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w, i) => {
            const { label, detail } = warningText(w, t, i18n.language)
            return (
              <tr key={`${w.line}-${i}`} data-comptoir="import-warning" data-line={w.line} data-code={w.code}>
                <td>{w.line}</td>
                <td>{w.column ?? ""}</td>
                <td>{w.value ?? ""}</td>
                {/* The importer's English sentence stays in the hover, for support; the text is the interface's language. */}
                <td title={w.message}>
                  {label}
                  {detail ? <span className="c-muted"> ({detail})</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {warnings.length > shown.length ? (
        <p className="c-muted">{t("importReport.warnings.more", { count: warnings.length - shown.length })}</p>
      ) : null}
    </div>
  )
}
