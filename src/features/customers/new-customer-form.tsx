import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useState } from "react"
import { useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"

import type { Customer, Language } from "~src/domain/customers/customer.schema"
import { newCustomerDefaults, newCustomerSchema, type NewCustomerValues } from "~src/domain/customers/new-customer"
import { markUnsaved } from "~src/features/workspace/unsaved-work"
import { send } from "~src/messaging/send"
import { FieldMessage } from "~src/ui/field-message"

export interface NewCustomerFormProps {
  /** The unknown caller's number, prefilled. */
  phone: string
  /** The call it came from: once created, the customer is that call's (its card, its outcome). */
  callId: string | null
  agentCountry: string
  language: Language
  onCreated: (customer: Customer, callAssigned: boolean) => void
}

/**
 * "New customer with this number" (react-hook-form + the domain's zod rules, errors in words under their field):
 * the background stores the customer like an imported one and syncs it, then gives it the call.
 */
export function NewCustomerForm({ phone, callId, agentCountry, language, onCreated }: NewCustomerFormProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => newCustomerSchema(agentCountry), [agentCountry])
  const form = useForm<NewCustomerValues>({ resolver: zodResolver(schema), defaultValues: newCustomerDefaults(phone, language), mode: "onSubmit", reValidateMode: "onChange" })
  const { errors, isSubmitting, isDirty } = form.formState
  const [saveError, setSaveError] = useState<string | null>(null)
  // Typing not saved keeps this tab from being taken over by a card's link (workspace/unsaved-work.ts).
  useEffect(() => {
    markUnsaved("new-customer", isDirty)
    return () => markUnsaved("new-customer", false)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    setSaveError(null)
    try {
      const r = await send("customers/create", { values, callId })
      markUnsaved("new-customer", false)
      onCreated(r.customer, r.callAssigned)
    } catch (e) {
      setSaveError(t("customers.new.saveFailed", { message: e instanceof Error ? e.message : String(e) }))
    }
  })

  const field = (name: keyof NewCustomerValues, label: string, input: JSX.Element) => (
    <div className="c-field">
      <label htmlFor={`new-customer-${name}`}>{label}</label>
      {input}
      <FieldMessage error={errors[name]} />
    </div>
  )
  return (
    <form className="c-new-customer" data-comptoir="new-customer-form" data-call-id={callId ?? ""} noValidate onSubmit={(e) => void onSubmit(e)}>
      <h1>{t("customers.new.title")}</h1>
      {callId ? <p className="c-muted">{t("customers.new.fromCall", { number: phone })}</p> : null}
      {field("company", t("customers.new.company"), <input id="new-customer-company" maxLength={200} autoFocus aria-invalid={errors.company ? true : undefined} {...form.register("company")} />)}
      {field("contactName", t("customers.new.contactName"), <input id="new-customer-contactName" maxLength={240} autoComplete="off" {...form.register("contactName")} />)}
      {field("phone", t("customers.new.phone"), <input id="new-customer-phone" type="tel" maxLength={40} aria-invalid={errors.phone ? true : undefined} {...form.register("phone")} />)}
      {field("email", t("customers.new.email"), <input id="new-customer-email" type="email" maxLength={254} aria-invalid={errors.email ? true : undefined} {...form.register("email")} />)}
      {field(
        "language",
        t("customers.new.language"),
        <select id="new-customer-language" {...form.register("language")}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      )}
      {saveError ? (
        <p className="c-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="c-row">
        <button type="submit" className="c-button" data-comptoir="new-customer-save" disabled={isSubmitting}>
          {t("customers.new.save")}
        </button>
      </div>
    </form>
  )
}
