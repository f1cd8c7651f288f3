import { useTranslation } from "react-i18next"

import { formatPercent } from "~src/domain/documents/document-text"
import { formatCents } from "~src/domain/documents/money"

import type { previewFile } from "./run-import"

/** The first records of a file as they will be stored, before the user confirms the import. */
export function ImportPreview({ preview }: { preview: ReturnType<typeof previewFile> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === "fr" ? "fr" : "en"
  return (
    <div data-comptoir="import-preview">
      <h3>{t("options.import.previewTitle")}</h3>
      {"customers" in preview ? (
        <table className="c-table">
          <thead>
            <tr>
              <th>{t("options.import.fields.code")}</th>
              <th>{t("options.import.fields.company")}</th>
              <th>{t("options.import.fields.contacts")}</th>
              <th>{t("options.import.fields.country")}</th>
              <th>{t("options.import.fields.creditLimit")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.customers.map(({ customer: c }) => (
              <tr key={c.code}>
                <td>{c.code}</td>
                <td>{c.company}</td>
                <td>
                  {c.contacts.map((p) => (
                    <div key={p.id}>{[`${p.firstName} ${p.lastName}`.trim(), ...p.phones, ...p.emails].filter(Boolean).join(" · ")}</div>
                  ))}
                </td>
                <td>{`${c.country} · ${c.language}`}</td>
                <td>{c.creditLimitCents === null ? "—" : formatCents(c.creditLimitCents, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="c-table">
          <thead>
            <tr>
              <th>ref</th>
              <th>name_fr</th>
              <th>name_en</th>
              <th>unit</th>
              <th>unit_price</th>
              <th>vat_rate</th>
            </tr>
          </thead>
          <tbody>
            {preview.products.map(({ product: p }) => (
              <tr key={p.ref}>
                <td>{p.ref}</td>
                <td>{p.nameFr}</td>
                <td>{p.nameEn}</td>
                <td>{p.unit}</td>
                <td>{formatCents(p.unitPriceCents, language)}</td>
                <td>{formatPercent(p.vatRateBp, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.rejected.length > 0 ? <p className="c-notice">{t("options.import.previewRejected", { count: preview.rejected.length })}</p> : null}
      {preview.warnings.length > 0 ? (
        <p className="c-notice" data-comptoir="import-preview-warnings">
          {t("importReport.warnings.preview", { count: preview.warnings.length })}
        </p>
      ) : null}
    </div>
  )
}
