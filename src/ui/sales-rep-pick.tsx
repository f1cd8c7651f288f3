import { useId } from "react"
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form"
import { useTranslation } from "react-i18next"

import { salesRepChoices, salesRepShown } from "~src/domain/customers/sales-rep"

import { FieldMessage } from "./field-message"

/** The team's names for a pick: `active`, offered; `inactive`, disabled accounts a stored value may still name. */
export interface SalesRepTeam {
  active: readonly string[]
  inactive: readonly string[]
  /** The active members' e-mails by name, when known: the appointment's calendar file invites the rep. */
  people?: readonly { name: string; email: string }[]
}

export interface SalesRepPickProps<T extends FieldValues> {
  control: Control<T>
  /** The form's field holding the rep's name (a string). */
  name: FieldPath<T>
  /** The team's names; null while they are asked. */
  team: SalesRepTeam | null
  /** The select's (or input's) id, for a label beside it rather than around it. */
  id?: string
  /** Its `data-comptoir` hook (e2e). */
  hook: string
}

/**
 * A sales rep picked among the team's active users: the customer editor's, the quote's, the appointment's. A name
 * that matches no user would break the manager's per-rep figures and the appointment's owner, so none is typed.
 * The form keeps the name as stored until the agent picks someone else, so opening and saving a form never rewrites
 * a rep's spelling nor drops a name: a disabled account's stays a choice of its own, "(inactive)", and a name outside
 * the team one "(not a team member)", each with a note. With no team known (not signed in), the name is typed as before.
 * Rendered inside the caller's label (or beside one pointing at `id`).
 */
export function SalesRepPick<T extends FieldValues>({ control, name, team, id, hook }: SalesRepPickProps<T>) {
  const { t } = useTranslation()
  const { field, fieldState } = useController({ control, name })
  const noteId = useId()
  const stored = typeof field.value === "string" ? field.value : ""
  if (team !== null && team.active.length === 0) {
    return (
      <>
        <input id={id} maxLength={120} data-comptoir={hook} aria-invalid={fieldState.error ? "true" : "false"} {...field} value={stored} />
        <span className="c-muted c-hint">{t("salesRep.pick.free")}</span>
        <FieldMessage error={fieldState.error} />
      </>
    )
  }
  const choices = salesRepChoices(team?.active ?? [])
  // While the names are on their way the stored name shows as it is, without a note that may prove wrong.
  const shown = team === null ? salesRepShown(stored, [stored]) : salesRepShown(stored, choices, team.inactive)
  const value = shown.kind === "none" ? "" : shown.name
  const apart = team !== null && (shown.kind === "outsider" || shown.kind === "inactive") ? shown : null
  return (
    <>
      <select
        id={id}
        name={field.name}
        ref={field.ref}
        value={value}
        disabled={team === null}
        data-comptoir={hook}
        data-rep={shown.kind}
        aria-describedby={apart ? noteId : undefined}
        onBlur={field.onBlur}
        onChange={(e) => field.onChange(e.target.value)}>
        <option value="">{t("salesRep.pick.none")}</option>
        {apart ? <option value={apart.name}>{t(`salesRep.pick.${apart.kind}`, { name: apart.name })}</option> : null}
        {team === null && shown.kind !== "none" ? <option value={shown.name}>{shown.name}</option> : null}
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {apart ? (
        <span id={noteId} className="c-notice" data-comptoir={`sales-rep-${apart.kind}`}>
          {t(`salesRep.pick.${apart.kind}Note`, { name: apart.name })}
        </span>
      ) : null}
      <FieldMessage error={fieldState.error} />
    </>
  )
}
