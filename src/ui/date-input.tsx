import { forwardRef, useId, type InputHTMLAttributes } from "react"
import { useTranslation } from "react-i18next"

import { formatDayLong, uiLang } from "./dates"

export interface DateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  /**
   * The day the input holds (YYYY-MM-DD): the form's watched value (react-hook-form's inputs are uncontrolled, and
   * a reset or setValue fires no event the words could follow), or the state of a controlled input.
   */
  day: string | null | undefined
  /** Words under the input rather than beside it: a table cell, a narrow column. */
  stacked?: boolean
  /** Its words get this name + "-words" (e2e tests read them); "date-words" without one. */
  "data-comptoir"?: string
}

/**
 * The browser's date input with the day written out beside it in the interface's language ("jeudi 10 décembre
 * 2026" / "Thursday 10 December 2026"). The input keeps its keyboard, picker and accessibility, but shows the
 * browser's order, not the UI's: 10/12/2026 in a French browser, 12/10/2026 in an American one, whatever
 * language Comptoir speaks, so an agent could read the 12th of October for the 10th of December. The words are
 * text, name the weekday, say nothing for an empty or impossible day, and are the input's description
 * (aria-describedby), so a screen reader reads them too. Name and value are the input's own: the form sees no
 * difference. Never inside a <label>: the words would join the input's name; the caller's label points at `id`.
 */
export const DateInput = forwardRef<HTMLInputElement, DateInputProps>(function DateInput({ day, stacked = false, ...input }, ref) {
  const { i18n } = useTranslation()
  const generated = useId()
  const wordsId = `${input.id ?? generated}-words`
  const tag = input["data-comptoir"]
  return (
    <span className={stacked ? "c-date-with-words c-date-stacked" : "c-date-with-words"}>
      <input ref={ref} {...input} type="date" aria-describedby={[input["aria-describedby"], wordsId].filter(Boolean).join(" ")} />
      <span id={wordsId} className="c-date-words" data-comptoir={tag ? `${tag}-words` : "date-words"}>
        {formatDayLong(day, uiLang(i18n.language))}
      </span>
    </span>
  )
})
