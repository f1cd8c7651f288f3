import { useEffect, useMemo, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"

import {
  addChecklistItem,
  addChoice,
  addObjection,
  addObjectionAlternative,
  addStep,
  addStepAlternative,
  cleanDraft,
  deleteStep,
  moveStep,
  removeChecklistItem,
  removeChoice,
  removeObjection,
  removeObjectionAlternative,
  removeStepAlternative,
  renameStep,
  updateStep,
  type EditError
} from "~src/domain/scripts/script-editor"
import { ScriptPurpose, type CallScript, type ScriptStep } from "~src/domain/scripts/script.schema"
import { validateScript } from "~src/domain/scripts/validate-script"
import { KNOWN_VARIABLES } from "~src/domain/scripts/variables"

import { markUnsaved } from "~src/features/workspace/unsaved-work"

import { Bilingual } from "./bilingual-field"
import { problemText, type ShownProblem } from "./problem-text"
import { AlternativesEditor } from "./script-alternatives-editor"
import { ScriptPreview } from "./script-preview"

const OUTCOMES = ["order-taken", "quote-requested", "appointment-set", "call-back", "information-given", "not-interested", "no-answer", "voicemail", "wrong-number", "busy"] as const

export interface ScriptEditorProps {
  initial: CallScript
  /** Read-only: an agent, or a shipped script (copied to be changed). */
  readOnly: boolean
  isNew: boolean
  onSave: (script: CallScript) => Promise<{ ok: boolean; error?: string; problems?: ShownProblem[] }>
  /** Buttons beside Save (duplicate, export, delete), from the section. */
  actions?: ReactNode
}

/**
 * The script editor: its settings, its steps (title and prompt in French and English, checklist, answers
 * leading to the next step), its objections, the variables' help, the problems left in words, and a live
 * preview running the draft as an agent would.
 */
export function ScriptEditor({ initial, readOnly, isNew, onSave, actions }: ScriptEditorProps) {
  const { t, i18n } = useTranslation()
  const [draft, setDraft] = useState<CallScript>(initial)
  const [dirty, setDirty] = useState(isNew)
  // Edits not saved keep the workspace tab from being taken over by a card's "New quote" (workspace/unsaved-work.ts).
  useEffect(() => {
    const id = `script:${initial.id}`
    markUnsaved(id, dirty)
    return () => markUnsaved(id, false)
  }, [dirty, initial.id])
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null)
  const [serverProblems, setServerProblems] = useState<ShownProblem[]>([])
  const [saving, setSaving] = useState(false)
  const checked = useMemo(() => validateScript(cleanDraft(draft)), [draft])
  const problems = checked.ok ? serverProblems : checked.problems

  const edit = (next: CallScript) => {
    setDraft(next)
    setDirty(true)
    setMessage(null)
    setServerProblems([])
  }
  const save = async () => {
    if (!checked.ok) return
    setSaving(true)
    const r = await onSave(checked.script).catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e), problems: undefined }))
    setSaving(false)
    if (r.ok) {
      setDirty(false)
      setMessage({ kind: "ok", text: t("callScript.editor.saved") })
    } else {
      setMessage({ kind: "error", text: r.error ?? t("callScript.editor.notSaved") })
      setServerProblems(r.problems ?? [])
    }
  }

  return (
    <div className="c-script-editor" data-comptoir="script-editor" data-script-id={draft.id} data-read-only={readOnly ? "true" : "false"}>
      <div className="c-script-editor-form">
        <h2 data-comptoir="script-editor-title">{draft.name[i18n.language === "fr" ? "fr" : "en"] || draft.name.fr || draft.name.en || draft.id}</h2>
        {readOnly ? (
          <p className="c-notice" data-comptoir="script-read-only">
            {draft.builtin ? t("callScript.editor.builtinNote") : t("callScript.editor.readOnlyNote")}
          </p>
        ) : null}
        <div className="c-row c-script-editor-actions">
          {readOnly ? null : (
            <button type="button" className="c-button" data-comptoir="script-save" disabled={!checked.ok || saving || !dirty} onClick={() => void save()}>
              {t("callScript.editor.save")}
            </button>
          )}
          {actions}
          {message ? (
            <span className={message.kind === "ok" ? "c-muted" : "c-error"} data-comptoir="script-save-message" role="status">
              {message.text}
            </span>
          ) : null}
        </div>
        {problems.length > 0 && !readOnly ? <Problems problems={problems} /> : null}

        <fieldset className="c-script-fieldset" disabled={readOnly}>
          <legend>{t("callScript.editor.general")}</legend>
          <Bilingual label={t("callScript.editor.name")} name="name" value={draft.name} onChange={(name) => edit({ ...draft, name })} />
          <div className="c-row">
            <label className="c-field">
              <span>{t("callScript.editor.purpose")}</span>
              <select name="purpose" value={draft.purpose} onChange={(e) => edit({ ...draft, purpose: ScriptPurpose.parse(e.target.value) })}>
                {ScriptPurpose.options.map((p) => (
                  <option key={p} value={p}>
                    {t(`callScript.purpose.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="c-field">
              <span>{t("callScript.editor.direction")}</span>
              <select name="direction" value={draft.direction} onChange={(e) => edit({ ...draft, direction: e.target.value as CallScript["direction"] })}>
                {(["any", "outbound", "inbound"] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`callScript.direction.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="c-field">
              <span>{t("callScript.editor.start")}</span>
              <select name="start" value={draft.start} onChange={(e) => edit({ ...draft, start: e.target.value })}>
                {draft.steps.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <TagsField tags={draft.tags} onChange={(tags) => edit({ ...draft, tags })} />
        </fieldset>

        <VariablesHelp />

        <h3>{t("callScript.editor.steps")}</h3>
        {draft.steps.map((step, i) => (
          <StepEditor key={`${i}-${step.id}`} draft={draft} step={step} readOnly={readOnly} edit={edit} />
        ))}
        {readOnly ? null : (
          <button type="button" className="c-button c-button-secondary" data-comptoir="script-add-step" onClick={() => edit(addStep(draft).script)}>
            + {t("callScript.editor.addStep")}
          </button>
        )}

        <h3>{t("callScript.editor.objections")}</h3>
        {draft.objections.length === 0 ? <p className="c-muted">{t("callScript.editor.noObjections")}</p> : null}
        {draft.objections.map((o, i) => (
          <fieldset key={`${i}-${o.id}`} className="c-script-fieldset" disabled={readOnly} data-comptoir="script-objection-editor" data-objection-id={o.id}>
            <Bilingual
              label={t("callScript.editor.objectionLabel")}
              name={`objections.${o.id}.label`}
              value={o.label}
              onChange={(label) => edit({ ...draft, objections: draft.objections.map((x) => (x.id === o.id ? { ...x, label } : x)) })}
            />
            <Bilingual
              label={t("callScript.editor.objectionResponse")}
              name={`objections.${o.id}.response`}
              value={o.response}
              multiline
              onChange={(response) => edit({ ...draft, objections: draft.objections.map((x) => (x.id === o.id ? { ...x, response } : x)) })}
            />
            <AlternativesEditor
              name={`objections.${o.id}.alternatives`}
              field="response"
              items={(o.alternatives ?? []).map((a) => ({ when: a.when, text: a.response }))}
              readOnly={readOnly}
              onChange={(at, a) =>
                edit({
                  ...draft,
                  objections: draft.objections.map((x) => (x.id === o.id ? { ...x, alternatives: (x.alternatives ?? []).map((y, i) => (i === at ? { when: a.when, response: a.text } : y)) } : x))
                })
              }
              onAdd={() => edit(addObjectionAlternative(draft, o.id))}
              onRemove={(at) => edit(removeObjectionAlternative(draft, o.id, at))}
            />
            {readOnly ? null : (
              <button type="button" className="c-link-button" onClick={() => edit(removeObjection(draft, o.id))}>
                {t("callScript.editor.removeObjection")}
              </button>
            )}
          </fieldset>
        ))}
        {readOnly ? null : (
          <button type="button" className="c-button c-button-secondary" data-comptoir="script-add-objection" onClick={() => edit(addObjection(draft))}>
            + {t("callScript.editor.addObjection")}
          </button>
        )}
      </div>
      <aside className="c-script-editor-preview" aria-label={t("callScript.editor.preview")}>
        <h3>{t("callScript.editor.preview")}</h3>
        {checked.ok ? <ScriptPreview script={checked.script} /> : <p className="c-muted" data-comptoir="script-preview-unavailable">{t("callScript.editor.previewNeedsValid")}</p>}
      </aside>
    </div>
  )
}

function StepEditor({ draft, step, readOnly, edit }: { draft: CallScript; step: ScriptStep; readOnly: boolean; edit: (s: CallScript) => void }) {
  const { t } = useTranslation()
  const [id, setId] = useState(step.id)
  const [error, setError] = useState<string | null>(null)
  const change = (fn: (s: ScriptStep) => ScriptStep) => edit(updateStep(draft, step.id, fn))
  const refuse = (e: EditError) => setError(editError(t, e))
  const rename = () => {
    if (id === step.id) return
    const r = renameStep(draft, step.id, id.trim())
    if (r.ok) {
      setError(null)
      edit(r.script)
    } else refuse(r.error)
  }
  return (
    <fieldset className="c-script-fieldset c-script-step-editor" disabled={readOnly} data-comptoir="script-step-editor" data-step-id={step.id}>
      <legend>
        {draft.start === step.id ? `★ ${t("callScript.editor.firstStep")} · ` : ""}
        {step.id}
      </legend>
      <div className="c-row">
        <label className="c-field">
          <span>{t("callScript.editor.stepId")}</span>
          <input
            name={`steps.${step.id}.id`}
            value={id}
            maxLength={60}
            onChange={(e) => setId(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => {
              if (e.key === "Enter") rename()
            }}
          />
        </label>
        {readOnly ? null : (
          <>
            <button type="button" className="c-link-button" aria-label={t("callScript.editor.moveUp")} onClick={() => edit(moveStep(draft, step.id, -1))}>
              ↑
            </button>
            <button type="button" className="c-link-button" aria-label={t("callScript.editor.moveDown")} onClick={() => edit(moveStep(draft, step.id, 1))}>
              ↓
            </button>
            <button
              type="button"
              className="c-link-button"
              data-comptoir="script-delete-step"
              onClick={() => {
                const r = deleteStep(draft, step.id)
                if (r.ok) edit(r.script)
                else refuse(r.error)
              }}>
              {t("callScript.editor.deleteStep")}
            </button>
          </>
        )}
      </div>
      {error ? (
        <p className="c-error" data-comptoir="script-step-error" role="alert">
          {error}
        </p>
      ) : null}
      <Bilingual label={t("callScript.editor.stepTitle")} name={`steps.${step.id}.title`} value={step.title} onChange={(title) => change((s) => ({ ...s, title }))} />
      <Bilingual label={t("callScript.editor.prompt")} name={`steps.${step.id}.prompt`} value={step.prompt} multiline onChange={(prompt) => change((s) => ({ ...s, prompt }))} />
      <AlternativesEditor
        name={`steps.${step.id}.alternatives`}
        field="prompt"
        items={(step.alternatives ?? []).map((a) => ({ when: a.when, text: a.prompt }))}
        readOnly={readOnly}
        onChange={(at, a) => change((s) => ({ ...s, alternatives: (s.alternatives ?? []).map((y, i) => (i === at ? { when: a.when, prompt: a.text } : y)) }))}
        onAdd={() => edit(addStepAlternative(draft, step.id))}
        onRemove={(at) => edit(removeStepAlternative(draft, step.id, at))}
      />

      <div className="c-section-title">{t("callScript.editor.checklist")}</div>
      {step.checklist.map((k) => (
        <div key={k.id} className="c-row">
          <Bilingual
            label={t("callScript.editor.checklistItem")}
            name={`steps.${step.id}.checklist.${k.id}`}
            value={k.label}
            onChange={(label) => change((s) => ({ ...s, checklist: s.checklist.map((x) => (x.id === k.id ? { ...x, label } : x)) }))}
          />
          {readOnly ? null : (
            <button type="button" className="c-link-button" onClick={() => edit(removeChecklistItem(draft, step.id, k.id))}>
              {t("callScript.editor.remove")}
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button type="button" className="c-link-button" onClick={() => edit(addChecklistItem(draft, step.id))}>
          + {t("callScript.editor.addChecklistItem")}
        </button>
      )}

      <div className="c-section-title">{t("callScript.editor.answers")}</div>
      {step.choices.length === 0 ? <p className="c-muted">{t("callScript.editor.noAnswers")}</p> : null}
      {step.choices.map((c) => (
        <div key={c.id} className="c-script-choice-editor" data-comptoir="script-choice-editor" data-choice-id={c.id}>
          <Bilingual
            label={t("callScript.editor.answer")}
            name={`steps.${step.id}.choices.${c.id}`}
            value={c.label}
            onChange={(label) => change((s) => ({ ...s, choices: s.choices.map((x) => (x.id === c.id ? { ...x, label } : x)) }))}
          />
          <div className="c-row">
            <label className="c-field">
              <span>{t("callScript.editor.next")}</span>
              <select
                name={`steps.${step.id}.choices.${c.id}.next`}
                value={c.next ?? ""}
                onChange={(e) => change((s) => ({ ...s, choices: s.choices.map((x) => (x.id === c.id ? { ...x, next: e.target.value || null } : x)) }))}>
                <option value="">{t("callScript.editor.endOfCall")}</option>
                {draft.steps
                  .filter((s) => s.id !== step.id)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      → {s.id}
                    </option>
                  ))}
              </select>
            </label>
            <label className="c-field">
              <span>{t("callScript.editor.outcome")}</span>
              <select
                name={`steps.${step.id}.choices.${c.id}.outcome`}
                value={c.outcome ?? ""}
                onChange={(e) => change((s) => ({ ...s, choices: s.choices.map((x) => (x.id === c.id ? { ...x, outcome: e.target.value || undefined } : x)) }))}>
                <option value="">—</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`callScript.outcome.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            {readOnly ? null : (
              <button type="button" className="c-link-button" onClick={() => edit(removeChoice(draft, step.id, c.id))}>
                {t("callScript.editor.remove")}
              </button>
            )}
          </div>
        </div>
      ))}
      {readOnly ? null : (
        <button type="button" className="c-link-button" data-comptoir="script-add-choice" onClick={() => edit(addChoice(draft, step.id))}>
          + {t("callScript.editor.addAnswer")}
        </button>
      )}
    </fieldset>
  )
}

function TagsField({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(tags.join(", "))
  return (
    <label className="c-field">
      <span>{t("callScript.editor.tags")}</span>
      <input
        name="tags"
        value={text}
        maxLength={1200}
        placeholder={t("callScript.editor.tagsPlaceholder")}
        onChange={(e) => {
          setText(e.target.value)
          onChange(
            e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
              .slice(0, 20)
          )
        }}
      />
    </label>
  )
}

function VariablesHelp() {
  const { t } = useTranslation()
  return (
    <details className="c-script-variables" data-comptoir="script-variables-help">
      <summary>{t("callScript.editor.variablesHelp")}</summary>
      <p className="c-muted">{t("callScript.editor.variablesIntro")}</p>
      <table className="c-table">
        <tbody>
          {KNOWN_VARIABLES.map((v) => (
            <tr key={v}>
              <td>
                <code>{`{{${v}}}`}</code>
              </td>
              <td>{t(`callScript.variables.${v}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

export function Problems({ problems, title }: { problems: ShownProblem[]; title?: string }) {
  const { t } = useTranslation()
  return (
    <div className="c-error c-script-problems" data-comptoir="script-problems" role="alert">
      <strong>{title ?? t("callScript.editor.problems", { count: problems.length })}</strong>
      <ul>
        {problems.slice(0, 50).map((p, i) => (
          <li key={i} data-comptoir="script-problem" data-code={p.code}>
            {p.at ? <code>{p.at}</code> : null}
            {p.at ? " : " : ""}
            {problemText(t, p)}
          </li>
        ))}
      </ul>
    </div>
  )
}

function editError(t: (k: string, o?: Record<string, unknown>) => string, e: EditError): string {
  switch (e.code) {
    case "referenced":
      return t("callScript.editor.error.referenced", { id: e.id, references: e.references.join(", ") })
    case "last-step":
      return t("callScript.editor.error.last-step")
    default:
      return t(`callScript.editor.error.${e.code}`, { id: e.id })
  }
}
