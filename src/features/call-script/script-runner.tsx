import { useState } from "react"
import { useTranslation } from "react-i18next"

import { back, choose, currentStep, localized, objectionResponse, renderText, startRun, stepPrompt, toggleCheck, useObjection, type ScriptLanguage, type ScriptRun } from "~src/domain/scripts/script-engine"
import type { CallScript, LocalizedText } from "~src/domain/scripts/script.schema"
import type { Segment, VariableValues } from "~src/domain/scripts/variables"

export interface ScriptRunnerProps {
  /** Every script the agent may switch to, the one proposed for this call first. */
  scripts: readonly CallScript[]
  script: CallScript
  run: ScriptRun
  values: VariableValues
  onRun: (run: ScriptRun) => void
  /** Another script chosen in the select (starts it over). */
  onScript: (scriptId: string) => void
}

/**
 * One script running: the current step's prompt (filled, gaps visible), its checklist and its answers as
 * buttons, Back, Restart, and the objections menu reachable from any step. Controlled: where the run is
 * kept (chrome.storage.session beside a call, memory in the editor's preview) is the caller's business.
 */
export function ScriptRunner({ scripts, script, run, values, onRun, onScript }: ScriptRunnerProps) {
  const { t } = useTranslation()
  const [objection, setObjection] = useState<string | null>(null)
  const [menu, setMenu] = useState(false)
  const lang = run.language
  const step = run.finished ? null : safeStep(script, run)
  const shown = objection ? script.objections.find((o) => o.id === objection) : undefined
  const name = (s: CallScript) => localized(s.name, lang).text || s.id

  return (
    <section className="c-script" data-comptoir="script-runner" data-script-id={script.id} data-language={lang} aria-label={t("callScript.runner.title")}>
      <div className="c-script-bar">
        <select name="script" aria-label={t("callScript.runner.choose")} value={script.id} onChange={(e) => onScript(e.target.value)} data-comptoir="script-select">
          {scripts.map((s) => (
            <option key={s.id} value={s.id}>
              {name(s)}
            </option>
          ))}
        </select>
        <div className="c-script-langs" role="group" aria-label={t("callScript.runner.language")}>
          {(["fr", "en"] as const).map((l) => (
            <button
              key={l}
              type="button"
              className={`c-button ${l === lang ? "" : "c-button-secondary"}`}
              aria-pressed={l === lang}
              data-comptoir="script-language"
              data-language={l}
              onClick={() => onRun({ ...run, language: l })}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>

      {step ? (
        <div className="c-script-step" data-comptoir="script-step" data-step-id={step.id}>
          <h3 className="c-script-title">
            <Text text={step.title} lang={lang} values={values} />
          </h3>
          <p className="c-script-prompt">
            <Text text={stepPrompt(step, values)} lang={lang} values={values} />
          </p>
          {step.checklist.length > 0 ? (
            <ul className="c-script-checklist" aria-label={t("callScript.runner.checklist")}>
              {step.checklist.map((k) => (
                <li key={k.id}>
                  <label>
                    <input type="checkbox" data-comptoir="script-check" data-item-id={k.id} checked={run.checked.includes(k.id)} onChange={() => onRun(toggleCheck(run, k.id))} />{" "}
                    <Text text={k.label} lang={lang} values={values} />
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="c-script-choices" role="group" aria-label={t("callScript.runner.answers")}>
            {step.choices.map((c) => (
              <button
                key={c.id}
                type="button"
                className="c-button"
                data-comptoir="script-choice"
                data-choice-id={c.id}
                onClick={() => {
                  setObjection(null)
                  onRun(choose(script, run, c.id, Date.now()))
                }}>
                <Text text={c.label} lang={lang} values={values} />
                {c.next === null ? " ✓" : " →"}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="c-script-step" data-comptoir="script-finished">
          <p>
            <strong>{t("callScript.runner.finished")}</strong>
          </p>
          {run.suggestedOutcome ? <p className="c-muted">{t("callScript.runner.suggested", { outcome: t(`callScript.outcome.${run.suggestedOutcome}`, { defaultValue: run.suggestedOutcome }) })}</p> : null}
        </div>
      )}

      <div className="c-script-bar">
        <button type="button" className="c-button c-button-secondary" data-comptoir="script-back" disabled={!run.finished && run.path.length <= 1} onClick={() => onRun(back(script, run))}>
          ← {t("callScript.runner.back")}
        </button>
        <button type="button" className="c-button c-button-secondary" data-comptoir="script-restart" onClick={() => onRun(startRun(script, lang))}>
          {t("callScript.runner.restart")}
        </button>
        {script.objections.length > 0 ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="script-objections" aria-expanded={menu} onClick={() => setMenu((m) => !m)}>
            {t("callScript.runner.objections")} ({script.objections.length})
          </button>
        ) : null}
      </div>

      {menu ? (
        <ul className="c-script-objections" aria-label={t("callScript.runner.objections")}>
          {script.objections.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="c-link-button"
                data-comptoir="script-objection"
                data-objection-id={o.id}
                aria-pressed={o.id === objection}
                onClick={() => {
                  setObjection(o.id)
                  setMenu(false)
                  onRun(useObjection(run, o.id))
                }}>
                <Text text={o.label} lang={lang} values={values} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {shown ? (
        <div className="c-script-response" data-comptoir="script-objection-response" data-objection-id={shown.id} role="note">
          <strong>
            <Text text={shown.label} lang={lang} values={values} />
          </strong>
          <p>
            <Text text={objectionResponse(shown, values)} lang={lang} values={values} />
          </p>
          <button type="button" className="c-button c-button-secondary" onClick={() => setObjection(null)}>
            {t("callScript.runner.backToStep")}
          </button>
        </div>
      ) : null}
    </section>
  )
}

/** A run saved for a script that was since changed may point at a step that is gone: start over rather than crash. */
function safeStep(script: CallScript, run: ScriptRun) {
  try {
    return currentStep(script, run)
  } catch {
    return script.steps.find((s) => s.id === script.start) ?? script.steps[0]!
  }
}

/** A script text in the run's language, filled; a missing value is a visible gap, a missing translation is said. */
function Text({ text, lang, values }: { text: LocalizedText; lang: ScriptLanguage; values: VariableValues }) {
  const { t } = useTranslation()
  const { segments, fallback } = renderText(text, lang, values)
  return (
    <>
      <Segments segments={segments} />
      {fallback && segments.length > 0 ? (
        <span className="c-chip c-script-fallback" data-comptoir="script-fallback" title={t("callScript.runner.fallbackTitle")}>
          {t(`callScript.runner.fallback.${lang === "fr" ? "en" : "fr"}`)}
        </span>
      ) : null}
    </>
  )
}

export function Segments({ segments }: { segments: readonly Segment[] }) {
  const { t } = useTranslation()
  return (
    <>
      {segments.map((s, i) =>
        "text" in s ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} className="c-script-gap" data-comptoir="script-gap" data-variable={s.gap} title={t("callScript.runner.gapTitle")}>
            [{t(`callScript.variables.${s.gap}`, { defaultValue: s.gap })}]
          </mark>
        )
      )}
    </>
  )
}
