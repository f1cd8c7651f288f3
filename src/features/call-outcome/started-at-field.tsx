import { useController, type Control } from "react-hook-form"
import { useTranslation } from "react-i18next"

import type { OutcomeFormValues } from "~src/domain/calls/outcome-form"
import { parseTimeOfDay } from "~src/domain/calls/time-of-day"
import { DateInput } from "~src/ui/date-input"

/**
 * The call's start as a day and a time of day, one value for the form (`YYYY-MM-DDTHH:MM`, what the domain reads).
 * Not `<input type="datetime-local">`: its digits and clock follow the browser's locale, not the interface's
 * (12/03/2026, 07:03 PM in a Firefox without a French language pack, under a call line that says 03/12/2026 19:03).
 * The day is the browser's date input with the day written out beside it (DateInput), the time a text field on the
 * 24-hour clock read as the call-back's is (time-of-day.ts), written back as HH:MM when left.
 */
export function StartedAtField({ control, id, invalid }: { control: Control<OutcomeFormValues>; id: string; invalid: boolean }) {
  const { t } = useTranslation()
  const { field } = useController({ control, name: "startedAt" })
  const cut = field.value.indexOf("T")
  const day = cut < 0 ? field.value : field.value.slice(0, cut)
  const time = cut < 0 ? "" : field.value.slice(cut + 1)
  const set = (d: string, tm: string) => field.onChange(d === "" && tm === "" ? "" : `${d}T${tm}`)
  return (
    <span className="c-started-at">
      <DateInput id={id} name="startedAt.day" day={day} value={day} stacked aria-invalid={invalid || undefined} onChange={(e) => set(e.target.value, time)} onBlur={field.onBlur} />
      <input
        id={`${id}-time`}
        name="startedAt.time"
        type="text"
        className="c-time-input"
        size={6}
        maxLength={16}
        autoComplete="off"
        placeholder={t("callOutcome.form.timePlaceholder")}
        aria-label={t("callOutcome.form.time")}
        aria-invalid={invalid || undefined}
        value={time}
        onChange={(e) => set(day, e.target.value)}
        onBlur={() => {
          const read = parseTimeOfDay(time)
          if (read !== null && read !== time) set(day, read)
          field.onBlur()
        }}
      />
    </span>
  )
}
