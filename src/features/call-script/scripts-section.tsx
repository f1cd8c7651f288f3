import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import { localized } from "~src/domain/scripts/script-engine"
import { duplicateScript, newScript, uniqueId } from "~src/domain/scripts/script-editor"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { parseScriptJson } from "~src/domain/scripts/validate-script"
import { send } from "~src/messaging/send"

import { problemText, type ShownProblem } from "./problem-text"
import { Problems, ScriptEditor, type ScriptEditorProps } from "./script-editor"
import { useScriptLibrary } from "./use-scripts"

/** Routes: `#/scripts` the list, `#/scripts/new` a new script, `#/scripts/<id>` one script (edited, or read). */
export function ScriptsSection({ path }: { path: string[] }) {
  const { t, i18n } = useTranslation()
  const library = useScriptLibrary()
  const go = (rest: string) => {
    location.hash = `#/scripts${rest ? `/${rest}` : ""}`
  }

  if (library.error) return <p className="c-error">{library.error}</p>
  if (!library.scripts) return <p className="c-muted">{t("callScript.list.loading")}</p>
  const scripts = library.scripts
  const lang = i18n.language === "fr" ? "fr" : "en"
  const ids = scripts.map((s) => s.id)

  const save = async (script: CallScript) => {
    const r = await send("scripts/save", { script })
    if (r.ok) {
      library.reload()
      if (path[0] !== script.id) go(encodeURIComponent(script.id))
    }
    return r
  }
  const duplicate = async (s: CallScript) => {
    const copy = duplicateScript(s, uniqueId(s.id.replace(/^builtin-/, ""), ids), Date.now())
    const r = await send("scripts/save", { script: copy })
    if (!r.ok) return alertProblems(t, r.error, r.problems)
    library.reload()
    go(encodeURIComponent(copy.id))
  }
  const remove = async (s: CallScript) => {
    if (!confirm(t("callScript.list.confirmDelete", { name: localized(s.name, lang).text }))) return
    const r = await send("scripts/delete", { id: s.id })
    if (!r.ok) return alert(r.error)
    library.reload()
    go("")
  }

  if (path[0] === "new" && library.canEdit) {
    return (
      <section data-comptoir="scripts-section">
        <BackToList />
        <NewScript id={uniqueId("script", ids)} onSave={save} />
      </section>
    )
  }
  if (path[0]) {
    const id = path[0]
    const script = scripts.find((s) => s.id === id)
    if (!script)
      return (
        <section data-comptoir="scripts-section">
          <BackToList />
          <p className="c-error">{t("callScript.list.notFound", { id })}</p>
        </section>
      )
    const readOnly = !library.canEdit || script.builtin
    return (
      <section data-comptoir="scripts-section">
        <BackToList />
        <ScriptEditor
          key={script.id}
          initial={script}
          readOnly={readOnly}
          isNew={false}
          onSave={save}
          actions={
            <>
              {library.canEdit ? (
                <button type="button" className="c-button c-button-secondary" data-comptoir="script-duplicate" onClick={() => void duplicate(script)}>
                  {t("callScript.list.duplicate")}
                </button>
              ) : null}
              <button type="button" className="c-button c-button-secondary" data-comptoir="script-export" onClick={() => exportJson([script], script.id)}>
                {t("callScript.list.export")}
              </button>
              {library.canEdit && !script.builtin ? (
                <button type="button" className="c-button c-button-danger" data-comptoir="script-delete" onClick={() => void remove(script)}>
                  {t("callScript.list.delete")}
                </button>
              ) : null}
            </>
          }
        />
      </section>
    )
  }

  return (
    <section data-comptoir="scripts-section">
      <h2>{t("callScript.list.title")}</h2>
      <p className="c-muted">{library.canEdit ? t("callScript.list.introEdit") : t("callScript.list.introUse")}</p>
      <div className="c-row">
        {library.canEdit ? (
          <button
            type="button"
            className="c-button"
            data-comptoir="script-new"
            onClick={() => go("new")}>
            + {t("callScript.list.new")}
          </button>
        ) : null}
        {library.canEdit ? <ImportButton scripts={scripts} onImported={(id) => {
              library.reload()
              go(encodeURIComponent(id))
            }} /> : null}
        <button type="button" className="c-button c-button-secondary" data-comptoir="scripts-export-all" onClick={() => exportJson(scripts.filter((s) => !s.builtin), "comptoir-scripts")}>
          {t("callScript.list.exportAll")}
        </button>
      </div>
      <table className="c-table c-script-list">
        <thead>
          <tr>
            <th>{t("callScript.list.name")}</th>
            <th>{t("callScript.editor.purpose")}</th>
            <th>{t("callScript.editor.direction")}</th>
            <th>{t("callScript.editor.tags")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {scripts.map((s) => (
            <tr key={s.id} data-comptoir="script-row" data-script-id={s.id}>
              <td>
                <a href={`#/scripts/${encodeURIComponent(s.id)}`}>{localized(s.name, lang).text || s.id}</a>{" "}
                <span className="c-chip">{s.builtin ? t("callScript.list.shipped") : t("callScript.list.team")}</span>
              </td>
              <td>{t(`callScript.purpose.${s.purpose}`)}</td>
              <td>{t(`callScript.direction.${s.direction}`)}</td>
              <td>{s.tags.join(", ")}</td>
              <td>
                <div className="c-row">
                  <a className="c-button c-button-secondary" href={`#/scripts/${encodeURIComponent(s.id)}`} data-comptoir="script-open">
                    {library.canEdit && !s.builtin ? t("callScript.list.edit") : t("callScript.list.view")}
                  </a>
                  {library.canEdit ? (
                    <button type="button" className="c-button c-button-secondary" data-comptoir="script-duplicate" onClick={() => void duplicate(s)}>
                      {t("callScript.list.duplicate")}
                    </button>
                  ) : null}
                  {library.canEdit && !s.builtin ? (
                    <button type="button" className="c-button c-button-danger" data-comptoir="script-delete" onClick={() => void remove(s)}>
                      {t("callScript.list.delete")}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** A new script's draft, made once per visit of `#/scripts/new`; stored only when saved. */
function NewScript({ id, onSave }: { id: string; onSave: (s: CallScript) => ReturnType<ScriptEditorProps["onSave"]> }) {
  const [draft] = useState(() => newScript(id, Date.now()))
  return <ScriptEditor initial={draft} readOnly={false} isNew onSave={onSave} />
}

function BackToList() {
  const { t } = useTranslation()
  return (
    <p>
      <a href="#/scripts" data-comptoir="scripts-back-to-list">
        ← {t("callScript.list.backToList")}
      </a>
    </p>
  )
}

/**
 * Import: a JSON file (one script, or a list as "export all" writes), checked by zod and the script rules before
 * anything is stored; refused as a whole with every problem in words. A script with the id of one of the team's
 * is not stored before the agent chooses: replace that script (importing an export back), import it as a copy
 * (a new id, its name marked "(copie)"/"(copy)"), or cancel. A shipped script's id always becomes a team copy.
 */
export function ImportButton({ scripts, onImported }: { scripts: readonly CallScript[]; onImported: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const input = useRef<HTMLInputElement>(null)
  const [problems, setProblems] = useState<ShownProblem[] | null>(null)
  const [note, setNote] = useState<string | null>(null)
  // Valid scripts waiting for the agent's choice, with the team's scripts their ids would replace.
  const [pending, setPending] = useState<{ scripts: CallScript[]; existing: CallScript[] } | null>(null)

  const store = async (ok: readonly CallScript[], replace: boolean) => {
    setPending(null)
    const taken = scripts.map((s) => s.id)
    let last = ""
    for (const s of ok) {
      const shipped = s.builtin || scripts.some((x) => x.id === s.id && x.builtin)
      const clash = !shipped && scripts.some((x) => x.id === s.id)
      const script = shipped
        ? { ...s, builtin: false, id: uniqueId(s.id.replace(/^builtin-/, ""), taken) }
        : clash && !replace
          ? duplicateScript(s, uniqueId(s.id, taken), Date.now())
          : s
      taken.push(script.id)
      const r = await send("scripts/save", { script: { ...script, updatedAt: Date.now() } })
      if (!r.ok) return setProblems(r.problems?.length ? r.problems : [{ at: script.id, message: r.error ?? "refused" }])
      last = script.id
    }
    setNote(t("callScript.list.imported", { count: ok.length }))
    if (last) onImported(last)
  }

  const importText = async (text: string) => {
    setProblems(null)
    setNote(null)
    setPending(null)
    const items = splitScripts(text)
    const all: ShownProblem[] = []
    const ok: CallScript[] = []
    items.forEach((json, i) => {
      const r = parseScriptJson(json)
      if (r.ok) ok.push(r.script)
      else all.push(...r.problems.map((p) => ({ ...p, at: items.length > 1 ? `[${i}]${p.at ? `.${p.at}` : ""}` : p.at })))
    })
    if (all.length > 0) return setProblems(all)
    const existing = scripts.filter((x) => !x.builtin && ok.some((s) => !s.builtin && s.id === x.id))
    if (existing.length > 0) return setPending({ scripts: ok, existing })
    await store(ok, false)
  }

  const names = pending ? pending.existing.map((s) => `« ${localized(s.name, lang).text || s.id} »`).join(", ") : ""
  return (
    <>
      <button type="button" className="c-button c-button-secondary" data-comptoir="script-import" onClick={() => input.current?.click()}>
        {t("callScript.list.import")}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        name="script-import"
        data-comptoir="script-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ""
          if (!file) return
          if (file.size > 2_000_000) return setProblems([{ at: "", message: t("callScript.list.tooBig") }])
          void file.text().then(importText)
        }}
      />
      {note ? <span className="c-muted">{note}</span> : null}
      {pending ? (
        <div className="c-script-import-clash" role="alertdialog" aria-labelledby="c-script-import-clash" data-comptoir="script-import-clash">
          <p id="c-script-import-clash" className="c-notice">{t("callScript.import.clash", { count: pending.existing.length, names })}</p>
          <div className="c-row">
            <button type="button" className="c-button c-button-danger" data-comptoir="script-import-replace" onClick={() => void store(pending.scripts, true)}>
              {t("callScript.import.replace", { count: pending.existing.length, names })}
            </button>
            <button type="button" className="c-button" data-comptoir="script-import-copy" onClick={() => void store(pending.scripts, false)}>
              {t("callScript.import.asCopy", { count: pending.existing.length })}
            </button>
            <button type="button" className="c-button c-button-secondary" data-comptoir="script-import-cancel" onClick={() => setPending(null)}>
              {t("callScript.import.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {problems ? (
        <div className="c-script-import-errors" data-comptoir="script-import-errors">
          <Problems problems={problems} title={t("callScript.list.importRefused", { count: problems.length })} />
        </div>
      ) : null}
    </>
  )
}

/** One script or a JSON array of scripts, each re-serialised for the validator (its errors point into it). */
function splitScripts(text: string): string[] {
  try {
    const data: unknown = JSON.parse(text)
    if (Array.isArray(data)) return data.map((d) => JSON.stringify(d))
  } catch {
    // Not JSON: the validator says so in words.
  }
  return [text]
}

function exportJson(scripts: readonly CallScript[], name: string): void {
  const body = scripts.length === 1 ? scripts[0] : scripts
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }))
  const a = document.createElement("a")
  a.href = url
  a.download = `${name}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function alertProblems(t: (k: string, o?: Record<string, unknown>) => string, error: string | undefined, problems: ShownProblem[] | undefined): void {
  alert([error, ...(problems ?? []).map((p) => `${p.at}: ${problemText(t, p)}`)].filter(Boolean).join("\n"))
}
