import { useTranslation } from "react-i18next"

import { MAX_ALTERNATIVES } from "~src/domain/scripts/script-editor"
import { ScriptCondition, type LocalizedText } from "~src/domain/scripts/script.schema"

import { Bilingual } from "./bilingual-field"

export interface AlternativesEditorProps {
  /** Field names' stem: `steps.<id>.alternatives` or `objections.<id>.alternatives`. */
  name: string
  /** The text an alternative replaces: a step's prompt or an objection's response (its field name too). */
  field: "prompt" | "response"
  items: readonly { when: ScriptCondition; text: LocalizedText }[]
  readOnly: boolean
  onChange: (index: number, change: { when: ScriptCondition; text: LocalizedText }) => void
  onAdd: () => void
  onRemove: (index: number) => void
}

/**
 * A step's (or an objection's) variants under its usual text: each one's condition in words and the text said
 * instead, in French and English. Numbered because the runner says the first whose condition holds.
 */
export function AlternativesEditor({ name, field, items, readOnly, onChange, onAdd, onRemove }: AlternativesEditorProps) {
  const { t } = useTranslation()
  // A second variant with a condition already used would never be said (the runner says the first that holds), so
  // Add stops once each condition has its variant rather than adding one the validator then refuses.
  const full = items.length >= MAX_ALTERNATIVES
  const everyCondition = ScriptCondition.options.every((c) => items.some((a) => a.when === c))
  return (
    <div className="c-script-alternatives" data-comptoir="script-alternatives" data-count={items.length}>
      {items.map((a, i) => (
        <div key={i} className="c-script-alternative" data-comptoir="script-alternative" data-index={i} data-when={a.when}>
          <div className="c-row">
            <label className="c-field">
              <span>{t("callScript.editor.alternative", { n: i + 1 })}</span>
              <select name={`${name}.${i}.when`} value={a.when} onChange={(e) => onChange(i, { ...a, when: ScriptCondition.parse(e.target.value) })}>
                {ScriptCondition.options.map((c) => (
                  <option key={c} value={c}>
                    {t(`callScript.editor.condition.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {readOnly ? null : (
              <button type="button" className="c-link-button" data-comptoir="script-remove-alternative" onClick={() => onRemove(i)}>
                {t("callScript.editor.removeAlternative")}
              </button>
            )}
          </div>
          <Bilingual label={t(`callScript.editor.${field}Instead`)} name={`${name}.${i}.${field}`} value={a.text} multiline onChange={(text) => onChange(i, { ...a, text })} />
        </div>
      ))}
      {readOnly ? null : (
        <button
          type="button"
          className="c-link-button"
          data-comptoir="script-add-alternative"
          disabled={full || everyCondition}
          title={
            full
              ? t("callScript.editor.alternativesFull", { max: MAX_ALTERNATIVES })
              : everyCondition
                ? t("callScript.editor.alternativesEveryCondition")
                : t(`callScript.editor.${field}AlternativeHelp`)
          }
          onClick={onAdd}>
          + {t("callScript.editor.addAlternative")}
        </button>
      )}
    </div>
  )
}
