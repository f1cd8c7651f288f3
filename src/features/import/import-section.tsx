import { useState } from "react"
import { useTranslation } from "react-i18next"

import { CsvFileError, decodeCsvBytes, type DecodedCsv } from "~src/domain/import/decode"
import {
  autoMapCustomerHeaders,
  autoMapProductHeaders,
  CUSTOMER_FIELDS,
  missingCustomerFields,
  missingProductFields,
  MULTI_FIELDS,
  PRODUCT_FIELDS,
  type ColumnMapping,
  type ExtraColumn,
  type MultiField
} from "~src/domain/import/headers"
import { parseCsv } from "~src/domain/import/parse"
import { send } from "~src/messaging/send"
import { useSettings } from "~src/ui/app-shell"
import type { SalesRepTeam } from "~src/ui/sales-rep-pick"
import { useSalesRepTeam } from "~src/ui/use-sales-rep-team"

import { runImportInWorker } from "./import-job"
import { importFailureText } from "./import-failure"
import { ImportPreview } from "./import-preview"
import { ImportRejections } from "./import-rejections"
import { ImportWarnings } from "./import-warnings"
import { previewFile, type ImportKind, type ImportOutcome, type ImportProgress } from "./run-import"

type Step =
  | { kind: "idle" }
  /** `detail`: the raw error, English and technical, for the hover (support asks for it) and never the text. */
  | { kind: "error"; message: string; detail?: string }
  | {
      kind: "mapping"
      fileName: string
      decoded: DecodedCsv
      headers: string[]
      mapping: ColumnMapping<string>
      /** Second and further email and phone columns: they go to the same contact. */
      extra: ExtraColumn[]
      /** Offered when the file has no code column: codes are made from the company names. */
      codesFromCompany: boolean
    }
  | { kind: "running"; progress: ImportProgress }
  | { kind: "done"; outcome: ImportOutcome; fileName: string }

const NO_REPS: SalesRepTeam = { active: [], inactive: [] }
const isMulti = (field: string): field is MultiField => (MULTI_FIELDS as readonly string[]).includes(field)

export function ImportSection({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [step, setStep] = useState<Step>({ kind: "idle" })
  // The team's users, for the customers' sales reps (none known: taken as written).
  const salesReps = useSalesRepTeam(kind === "customers" ? null : NO_REPS)
  const fields: readonly string[] = kind === "customers" ? CUSTOMER_FIELDS : PRODUCT_FIELDS

  const onFile = async (file: File | undefined) => {
    if (!file) return
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
      const { headers } = parseCsv(decoded.text, { maxRows: 1 })
      if (headers.length === 0) return setStep({ kind: "error", message: t("options.import.emptyFile") })
      const auto = kind === "customers" ? autoMapCustomerHeaders(headers) : autoMapProductHeaders(headers)
      const codesFromCompany = kind === "customers" && !("code" in auto.mapping)
      setStep({ kind: "mapping", fileName: file.name, decoded, headers, mapping: { ...auto.mapping }, extra: [...auto.extra], codesFromCompany })
    } catch (e) {
      if (e instanceof CsvFileError) return setStep({ kind: "error", message: t(`options.import.fileErrors.${e.code}`) })
      console.warn("comptoir: import file not read", e)
      setStep({ kind: "error", ...importFailureText(e, kind, "reading", t) })
    }
  }

  const start = async (s: Extract<Step, { kind: "mapping" }>) => {
    setStep({ kind: "running", progress: { phase: "reading", fraction: 0, rows: 0 } })
    let phase: ImportProgress["phase"] = "reading"
    let outcome: ImportOutcome
    try {
      const mapping = Object.fromEntries(Object.entries(s.mapping).filter((e): e is [string, number] => e[1] !== undefined))
      const job = {
        kind, text: s.decoded.text, mapping, defaultCountry: settings.defaultCountry, columnCount: s.headers.length,
        extraColumns: s.extra, codesFromCompany: s.codesFromCompany && s.mapping.code === undefined,
        salesReps:
          kind === "customers" && salesReps
            ? { active: [...salesReps.active], inactive: [...salesReps.inactive], people: (salesReps.people ?? []).map((p) => ({ ...p })) }
            : undefined
      }
      outcome = await runImportInWorker(job, (progress) => {
        phase = progress.phase
        setStep({ kind: "running", progress })
      })
    } catch (e) {
      console.warn("comptoir: import stopped", e)
      return setStep({ kind: "error", ...importFailureText(e, kind, phase, t) })
    }
    // The import is written: a page that did not hear of it is no reason to say it failed.
    await send("customers/changed", {}).catch((e: unknown) => console.warn("comptoir: import written, pages not told", e))
    setStep({ kind: "done", outcome, fileName: s.fileName })
  }

  return (
    <div data-comptoir={`import-section-${kind}`}>
      <p className="c-muted">{t(kind === "customers" ? "options.import.customersHelp" : "options.import.productsHelp")}</p>
      <code className="c-muted" style={{ display: "block", marginBottom: 8, fontSize: 11 }}>
        {fields.join(", ")}
      </code>
      <input
        type="file"
        accept=".csv,.txt,text/csv"
        data-comptoir={kind === "customers" ? "import-customers" : "import-products"}
        disabled={step.kind === "running"}
        onChange={(e) => {
          const file = e.target.files?.[0]
          // The browser says nothing of a file chosen again (same path): emptied, the input hears the user's fixed file.
          e.target.value = ""
          void onFile(file)
        }}
      />
      {step.kind === "mapping" || step.kind === "done" ? (
        // The input is emptied once read (so the same file can be picked again): the name the user chose stays said here.
        <span className="c-muted" data-comptoir="import-file-name">
          {t("options.import.fileChosen", { name: step.fileName })}
        </span>
      ) : null}
      {step.kind === "error" ? (
        <p className="c-error" data-comptoir="import-error" title={step.detail}>
          {step.message}
        </p>
      ) : null}
      {step.kind === "mapping" ? <MappingStep kind={kind} step={step} fields={fields} salesReps={salesReps} onChange={setStep} onConfirm={() => void start(step)} /> : null}
      {step.kind === "running" ? (
        <div>
          <progress className="c-progress" max={1} value={step.progress.fraction} data-comptoir="import-progress" />
          <span className="c-muted">
            {t(step.progress.phase === "reading" ? "options.import.reading" : "options.import.writing", { rows: step.progress.rows })}
          </span>
        </div>
      ) : null}
      {step.kind === "done" ? <ImportResult kind={kind} outcome={step.outcome} fileName={step.fileName} /> : null}
    </div>
  )
}

function MappingStep({
  kind,
  step,
  fields,
  salesReps,
  onChange,
  onConfirm
}: {
  kind: ImportKind
  step: Extract<Step, { kind: "mapping" }>
  fields: readonly string[]
  salesReps: SalesRepTeam | null
  onChange: (s: Step) => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  const settings = useSettings()
  const fieldOfColumn = new Map<number, string>([...step.extra.map((x) => [x.index, x.field] as const), ...Object.entries(step.mapping).map(([f, i]) => [i!, f] as const)])
  const noCode = kind === "customers" && step.mapping.code === undefined
  const codesFromCompany = noCode && step.codesFromCompany
  const missing: string[] = kind === "customers" ? missingCustomerFields(step.mapping, { codesFromCompany }) : missingProductFields(step.mapping)
  const preview =
    missing.length === 0 ? previewFile(kind, step.decoded.text, step.mapping, settings.defaultCountry, step.headers.length, { extraColumns: step.extra, codesFromCompany, salesReps: salesReps ?? undefined }) : null

  const setColumn = (column: number, field: string) => {
    const mapping: ColumnMapping<string> = {}
    const extra = step.extra.filter((x) => x.index !== column)
    // An email or phone field takes several columns (they go to one contact); any other field takes one.
    const addsColumn = isMulti(field) && step.mapping[field] !== undefined && step.mapping[field] !== column
    for (const [f, i] of Object.entries(step.mapping)) if (i !== column && (f !== field || addsColumn) && i !== undefined) mapping[f] = i
    if (addsColumn) extra.push({ field: field as MultiField, index: column })
    else if (field) mapping[field] = column
    onChange({ ...step, mapping, extra })
  }

  return (
    <div data-comptoir="import-mapping">
      {step.decoded.notice ? (
        <p className="c-notice" data-comptoir="import-notice">
          {t("options.import.encodingNotice", { encoding: step.decoded.encoding })}
        </p>
      ) : null}
      <h3>{t("options.import.mappingTitle")}</h3>
      <table className="c-table">
        <thead>
          <tr>
            <th>{t("options.import.column")}</th>
            <th>{t("options.import.field")}</th>
          </tr>
        </thead>
        <tbody>
          {step.headers.map((h, i) => (
            <tr key={`${i}-${h}`}>
              <td>{h}</td>
              <td>
                <select value={fieldOfColumn.get(i) ?? ""} onChange={(e) => setColumn(i, e.target.value)} data-comptoir="import-map-column" data-column={h}>
                  <option value="">{t("options.import.ignore")}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {noCode ? (
        <p>
          <label>
            <input
              type="checkbox"
              checked={step.codesFromCompany}
              onChange={(e) => onChange({ ...step, codesFromCompany: e.target.checked })}
              data-comptoir="import-codes-from-company"
            />{" "}
            {t("importReport.codes.fromCompany")}
          </label>
          <br />
          <small className="c-muted">{t("importReport.codes.fromCompanyHelp")}</small>
        </p>
      ) : null}
      {missing.length > 0 ? (
        <p className="c-error" data-comptoir="import-missing">
          {t("options.import.missingFields", { fields: missing.join(", ") })}
        </p>
      ) : null}
      {preview ? <ImportPreview preview={preview} /> : null}
      <p>
        <button type="button" className="c-button" disabled={missing.length > 0} onClick={onConfirm} data-comptoir="import-confirm">
          {t("options.import.confirm")}
        </button>{" "}
        <button type="button" className="c-button c-button-secondary" onClick={() => onChange({ kind: "idle" })}>
          {t("options.import.cancel")}
        </button>
      </p>
    </div>
  )
}

function ImportResult({ kind, outcome, fileName }: { kind: ImportKind; outcome: ImportOutcome; fileName: string }) {
  const { t } = useTranslation()
  return (
    <div>
      <p
        data-comptoir="import-result"
        data-records={outcome.records}
        data-created={outcome.created}
        data-updated={outcome.updated}
        data-rejected={outcome.rejected.length}
        data-rows={outcome.rows}
        data-ms={Math.round(outcome.ms)}
        data-read-ms={Math.round(outcome.readMs)}
        data-write-ms={Math.round(outcome.writeMs)}>
        {t(kind === "customers" ? "options.import.resultCustomers" : "options.import.resultProducts", {
          count: outcome.records,
          created: outcome.created,
          updated: outcome.updated,
          rows: outcome.rows
        })}{" "}
        {t("options.import.resultRejected", { count: outcome.rejected.length })}
      </p>
      <ImportWarnings warnings={outcome.warnings} fileName={fileName} />
      <ImportRejections rejected={outcome.rejected} headers={outcome.headers} delimiter={outcome.delimiter} fileName={fileName} />
    </div>
  )
}
