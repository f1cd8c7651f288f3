import { useTranslation } from "react-i18next"

import { rejectedRowsCsv } from "~src/domain/import/export"
import type { CsvDelimiter } from "~src/domain/import/parse"
import type { RejectedRow } from "~src/domain/import/report"

import { downloadText } from "./download"
import { rejectionReason, rejectionText } from "./rejection-text"

const SHOWN_REJECTIONS = 200

/** The rows the import refused, each with its reason, and the whole list to download in the file's own shape. */
export function ImportRejections({ rejected, headers, delimiter, fileName }: { rejected: readonly RejectedRow[]; headers: string[]; delimiter: CsvDelimiter; fileName: string }) {
  const { t, i18n } = useTranslation()
  if (rejected.length === 0) return null
  const rejectedCsv = () => rejectedRowsCsv(rejected, headers, { delimiter }, (r) => rejectionReason(r, t, i18n.language))
  const shown = rejected.slice(0, SHOWN_REJECTIONS)
  return (
    <>
      <button
        type="button"
        className="c-button c-button-secondary"
        data-comptoir="import-download-rejected"
        onClick={() => downloadText(fileName.replace(/\.[^.]*$/, "") + "-rejected.csv", rejectedCsv())}>
        {t("options.import.downloadRejected")}
      </button>
      <table className="c-table" data-comptoir="import-rejected">
        <thead>
          <tr>
            <th>{t("options.import.line")}</th>
            <th>{t("options.import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.line} data-line={r.line} data-code={r.code}>
              <td>{r.line}</td>
              {/* The importer's English sentence stays in the hover, for support; the text is the interface's language. */}
              <td title={r.reason}>
                <RejectionReason row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejected.length > shown.length ? <p className="c-muted">{t("options.import.moreRejected", { count: rejected.length - shown.length })}</p> : null}
    </>
  )
}

/** The row's reason in the interface's language, the value at fault quoted. */
function RejectionReason({ row }: { row: RejectedRow }) {
  const { t, i18n } = useTranslation()
  const { title, detail } = rejectionText(row, t, i18n.language)
  return (
    <>
      {title}
      {detail ? <span className="c-muted"> ({detail})</span> : null}
    </>
  )
}
