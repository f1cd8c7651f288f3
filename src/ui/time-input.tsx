import { forwardRef, type FocusEvent, type InputHTMLAttributes } from "react"

import { parseTimeOfDay } from "~src/domain/calls/time-of-day"

export type TimeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type">

/**
 * A time of day typed as text ("14:30", "14h30", "1430"), written back as `HH:MM` when the field is left, so the
 * agent sees the time understood. Not `<input type="time">`: its look follows the browser's locale, not the page's
 * language (a 12-hour AM/PM field in a Firefox without a French language pack, walk21ff); see time-of-day.ts. The
 * form's own onBlur runs after the value is rewritten, so react-hook-form keeps the written-back value.
 */
export const TimeInput = forwardRef<HTMLInputElement, TimeInputProps>(function TimeInput({ onBlur, ...input }, ref) {
  const tidy = (e: FocusEvent<HTMLInputElement>) => {
    const read = parseTimeOfDay(e.currentTarget.value)
    if (read !== null && read !== e.currentTarget.value) e.currentTarget.value = read
    onBlur?.(e)
  }
  return <input ref={ref} {...input} type="text" inputMode="text" autoComplete="off" maxLength={16} size={6} className={["c-time-input", input.className].filter(Boolean).join(" ")} onBlur={tidy} />
})
