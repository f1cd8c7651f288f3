import { useId } from "react"
import { useController, type Control } from "react-hook-form"
import { useTranslation } from "react-i18next"

import type { CustomerEditValues } from "~src/domain/customers/customer-edit"
import { salesRepChoices, salesRepShown } from "~src/domain/customers/sales-rep"
import { FieldMessage } from "~src/ui/field-message"

/**
 * The customer's sales rep, picked among the team's users (`members`: their names; null while they are asked).
 * The form keeps the name as stored until the agent picks someone else, so opening and saving the editor never
 * rewrites a rep's spelling nor drops a name outside the team: that name stays a choice of its own, with a note.
 * With no team known (not signed in), the name is typed as before.
 */
export function SalesRepPick({ control, members }: { control: Control<CustomerEditValues>; members: readonly string[] | null }) {
  const { t } = useTranslation()
  const { field, fieldState } = useController({ control, name: "salesRep" })
  const noteId = useId()
  const label = t("customers.edit.salesRep")
  if (members !== null && members.length === 0) {
    return (
      <label>
        {label}
        <input maxLength={120} aria-invalid={fieldState.error ? "true" : "false"} {...field} />
        <span className="c-muted c-hint">{t("customers.edit.salesRepFree")}</span>
        <FieldMessage error={fieldState.error} />
      </label>
    )
  }
  const choices = salesRepChoices(members ?? [])
  // While the names are on their way the stored name shows as it is, without a note that may prove wrong.
  const shown = members === null ? salesRepShown(field.value, [field.value]) : salesRepShown(field.value, choices)
  const value = shown.kind === "none" ? "" : shown.name
  return (
    <label>
      {label}
      <select
        name={field.name}
        ref={field.ref}
        value={value}
        disabled={members === null}
        data-comptoir="customer-sales-rep"
        data-rep={shown.kind}
        aria-describedby={shown.kind === "outsider" && members !== null ? noteId : undefined}
        onBlur={field.onBlur}
        onChange={(e) => field.onChange(e.target.value)}>
        <option value="">{t("customers.edit.salesRepNone")}</option>
        {shown.kind === "outsider" && members !== null ? <option value={shown.name}>{t("customers.edit.salesRepOutsider", { name: shown.name })}</option> : null}
        {members === null && shown.kind !== "none" ? <option value={shown.name}>{shown.name}</option> : null}
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {shown.kind === "outsider" && members !== null ? (
        <span id={noteId} className="c-notice" data-comptoir="sales-rep-outsider">
          {t("customers.edit.salesRepOutsiderNote", { name: shown.name })}
        </span>
      ) : null}
      <FieldMessage error={fieldState.error} />
    </label>
  )
}
