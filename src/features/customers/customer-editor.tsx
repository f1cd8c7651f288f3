import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useState } from "react"
import { useFieldArray, useForm, type Control, type FieldError, type UseFormRegister } from "react-hook-form"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { customerEditSchema, emptyAddress, emptyContact, PAYMENT_TERMS_CAP_DAYS, valuesFromCustomer, type CustomerEditValues } from "~src/domain/customers/customer-edit"
import { markUnsaved } from "~src/features/workspace/unsaved-work"
import { send } from "~src/messaging/send"
import { FieldMessage } from "~src/ui/field-message"
import { SalesRepPick, type SalesRepTeam } from "~src/ui/sales-rep-pick"

export interface CustomerEditorProps {
  customer: Customer
  agentCountry: string
  onSaved: (customer: Customer) => void
  onCancel: () => void
}

/**
 * The workspace's customer editor (react-hook-form + the domain's zod rules, errors in words under their field):
 * company, language, tags, the sales rep (a pick among the team's users), notes, addresses, SIREN and VAT, payment terms, the credit limit (managers), the contacts
 * and their phones. The background reads the values again with the same rules, lays the fields changed here
 * over the customer as stored, and syncs it.
 */
export function CustomerEditor({ customer, agentCountry, onSaved, onCancel }: CustomerEditorProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const original = useMemo(() => valuesFromCustomer(customer, lang), [customer, lang])
  const schema = useMemo(() => customerEditSchema({ agentCountry, stored: customer }), [agentCountry, customer])
  const form = useForm<CustomerEditValues>({ resolver: zodResolver(schema), defaultValues: original, mode: "onSubmit", reValidateMode: "onChange" })
  const { errors, isSubmitting, isDirty } = form.formState
  const contacts = useFieldArray({ control: form.control, name: "contacts", keyName: "key" })
  const addresses = useFieldArray({ control: form.control, name: "addresses", keyName: "key" })
  const [mayEditCreditLimit, setMayEditCreditLimit] = useState(false)
  const [team, setTeam] = useState<SalesRepTeam | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    send("customers/edit-rights", {}).then(
      (r) => {
        if (!live) return
        setMayEditCreditLimit(r.mayEditCreditLimit)
        setTeam({ active: r.teamMembers, inactive: r.inactiveMembers })
      },
      // Not known: the name is typed, as without a team.
      () => live && setTeam({ active: [], inactive: [] })
    )
    return () => {
      live = false
    }
  }, [])
  // Typing not saved keeps this tab from being taken over by a card's link (workspace/unsaved-work.ts).
  useEffect(() => {
    markUnsaved("customer-edit", isDirty)
    return () => markUnsaved("customer-edit", false)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    setSaveError(null)
    try {
      const r = await send("customers/update", { id: customer.id, values, original })
      if (!r.ok || !r.customer) {
        const message = r.error?.startsWith("customers.") ? t(r.error) : (r.error ?? "?")
        if (r.field) form.setError(r.field as keyof CustomerEditValues, { message: r.error })
        return setSaveError(t("customers.edit.saveFailed", { message }))
      }
      markUnsaved("customer-edit", false)
      onSaved(r.customer)
    } catch (e) {
      setSaveError(t("customers.edit.saveFailed", { message: e instanceof Error ? e.message : String(e) }))
    }
  })

  const input = (name: "company" | "country" | "siren" | "vatNumber" | "tags" | "paymentTermsDays" | "creditLimit", extra: JSX.IntrinsicElements["input"] = {}) => (
    <input maxLength={200} aria-invalid={errors[name] ? "true" : "false"} {...extra} {...form.register(name)} />
  )
  return (
    <form className="c-catalog-form c-customer-editor" data-comptoir="customer-editor" data-customer-code={customer.code} noValidate onSubmit={(e) => void onSubmit(e)}>
      <h1>{t("customers.edit.title", { company: customer.company })}</h1>

      <fieldset className="c-editor-set">
        <legend>{t("customers.edit.company")}</legend>
        <div className="c-quote-grid">
          <label style={{ gridColumn: "span 2" }}>
            {t("customers.edit.companyName")}
            {input("company", { autoFocus: true })}
            <FieldMessage error={errors.company} />
          </label>
          <label>
            {t("customers.edit.code")}
            <input name="code" value={customer.code} readOnly disabled title={t("customers.edit.codeFixed")} />
          </label>
          <label>
            {t("customers.edit.country")}
            {input("country", { maxLength: 2, style: { textTransform: "uppercase" } })}
            <FieldMessage error={errors.country} />
          </label>
          <label>
            {t("customers.edit.language")}
            <select {...form.register("language")}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
          <label style={{ gridColumn: "span 2" }}>
            {t("customers.edit.tags")}
            {input("tags", { maxLength: 3200, placeholder: t("customers.edit.tagsHint") })}
            <FieldMessage error={errors.tags} />
          </label>
          <label>
            {t("customers.edit.salesRep")}
            <SalesRepPick control={form.control} name="salesRep" team={team} hook="customer-sales-rep" />
          </label>
        </div>
        <label className="c-editor-notes">
          {t("customers.edit.notes")}
          <textarea rows={4} maxLength={10_000} placeholder={t("customers.edit.notesHint")} {...form.register("notes")} />
          <FieldMessage error={errors.notes} />
        </label>
      </fieldset>

      <fieldset className="c-editor-set">
        <legend>{t("customers.edit.legal")}</legend>
        <div className="c-quote-grid">
          <label>
            {t("customers.edit.siren")}
            {input("siren", { maxLength: 40, inputMode: "numeric", placeholder: "732 829 320" })}
            <FieldMessage error={errors.siren} />
          </label>
          <label>
            {t("customers.edit.vatNumber")}
            {input("vatNumber", { maxLength: 40, placeholder: "FR44732829320" })}
            <FieldMessage error={errors.vatNumber} />
          </label>
          <label>
            {t("customers.edit.paymentTerms")}
            {input("paymentTermsDays", { maxLength: 10, inputMode: "numeric", className: "c-num" })}
            <span className="c-muted c-hint">{t("customers.edit.paymentTermsHint", { days: PAYMENT_TERMS_CAP_DAYS })}</span>
            <FieldMessage error={errors.paymentTermsDays} />
          </label>
          <label>
            {t("customers.edit.creditLimit")}
            {input("creditLimit", { maxLength: 30, inputMode: "decimal", className: "c-num", disabled: !mayEditCreditLimit })}
            <span className="c-muted c-hint" data-comptoir="credit-limit-hint">
              {mayEditCreditLimit ? t("customers.edit.creditLimitHint") : t("customers.edit.creditLimitManager")}
            </span>
            <FieldMessage error={errors.creditLimit} />
          </label>
        </div>
      </fieldset>

      <fieldset className="c-editor-set">
        <legend>{t("customers.edit.addresses")}</legend>
        {addresses.fields.map((a, i) => (
          <div key={a.key} className="c-editor-row" data-comptoir="customer-address">
            <div className="c-quote-grid">
              <label>
                {t("customers.edit.addressLabel")}
                <input maxLength={60} placeholder={t("customers.edit.addressLabelHint")} {...form.register(`addresses.${i}.label`)} />
              </label>
              <label style={{ gridColumn: "span 2" }}>
                {t("customers.edit.addressLine")}
                <input maxLength={300} {...form.register(`addresses.${i}.line`)} />
              </label>
              <label>
                {t("customers.edit.postalCode")}
                <input maxLength={20} {...form.register(`addresses.${i}.postalCode`)} />
              </label>
              <label>
                {t("customers.edit.city")}
                <input maxLength={120} {...form.register(`addresses.${i}.city`)} />
              </label>
              <label>
                {t("customers.edit.country")}
                <input maxLength={2} style={{ textTransform: "uppercase" }} aria-invalid={errors.addresses?.[i]?.country ? "true" : "false"} {...form.register(`addresses.${i}.country`)} />
                <FieldMessage error={errors.addresses?.[i]?.country} />
              </label>
            </div>
            <button type="button" className="c-linkish" data-comptoir="customer-address-remove" onClick={() => addresses.remove(i)}>
              {t("customers.edit.removeAddress")}
            </button>
          </div>
        ))}
        {addresses.fields.length < 10 ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="customer-address-add" onClick={() => addresses.append(emptyAddress(form.getValues("country") || agentCountry))}>
            + {t("customers.edit.addAddress")}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="c-editor-set">
        <legend>{t("customers.edit.contacts")}</legend>
        {contacts.fields.map((c, i) => (
          <div key={c.key} className="c-editor-row" data-comptoir="customer-contact" data-contact-id={c.id}>
            <div className="c-quote-grid">
              <label>
                {t("customers.edit.firstName")}
                <input maxLength={120} aria-invalid={errors.contacts?.[i]?.firstName ? "true" : "false"} {...form.register(`contacts.${i}.firstName`)} />
                <FieldMessage error={errors.contacts?.[i]?.firstName} />
              </label>
              <label>
                {t("customers.edit.lastName")}
                <input maxLength={120} {...form.register(`contacts.${i}.lastName`)} />
              </label>
              <label>
                {t("customers.edit.role")}
                <input maxLength={120} {...form.register(`contacts.${i}.role`)} />
              </label>
              <label style={{ gridColumn: "span 2" }}>
                {t("customers.edit.emails")}
                <input type="text" inputMode="email" maxLength={1000} aria-invalid={errors.contacts?.[i]?.emails ? "true" : "false"} {...form.register(`contacts.${i}.emails`)} />
                <FieldMessage error={errors.contacts?.[i]?.emails} />
              </label>
            </div>
            <ContactPhones index={i} control={form.control} register={form.register} errors={errors.contacts?.[i]?.phones} />
            <button type="button" className="c-linkish" data-comptoir="customer-contact-remove" onClick={() => contacts.remove(i)}>
              {t("customers.edit.removeContact")}
            </button>
          </div>
        ))}
        {contacts.fields.length < 200 ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="customer-contact-add" onClick={() => contacts.append(emptyContact())}>
            + {t("customers.edit.addContact")}
          </button>
        ) : null}
      </fieldset>

      {saveError ? (
        <p className="c-error" role="alert" data-comptoir="customer-edit-error">
          {saveError}
        </p>
      ) : null}
      <div className="c-doc-actions">
        <button type="submit" className="c-button" data-comptoir="customer-edit-save" disabled={isSubmitting}>
          {t("customers.edit.save")}
        </button>
        <button type="button" className="c-button c-button-secondary" data-comptoir="customer-edit-cancel" onClick={onCancel}>
          {t("customers.edit.cancel")}
        </button>
      </div>
    </form>
  )
}

/** A contact's numbers, one input each (read in the customer's country, stored in E.164). */
function ContactPhones({
  index,
  control,
  register,
  errors
}: {
  index: number
  control: Control<CustomerEditValues>
  register: UseFormRegister<CustomerEditValues>
  /** `errors.contacts[index].phones`: an array of `{ number }` errors. */
  errors: unknown
}) {
  const { t } = useTranslation()
  const phones = useFieldArray({ control, name: `contacts.${index}.phones`, keyName: "key" })
  const errorOf = (k: number): FieldError | undefined => (Array.isArray(errors) ? (errors[k] as { number?: FieldError } | undefined)?.number : undefined)
  return (
    <div className="c-editor-phones">
      <span className="c-muted">{t("customers.edit.phones")}</span>
      {phones.fields.map((p, k) => (
        <div key={p.key} className="c-editor-phone">
          <input type="tel" maxLength={40} aria-label={t("customers.edit.phone")} aria-invalid={errorOf(k) ? "true" : "false"} {...register(`contacts.${index}.phones.${k}.number`)} />
          <button type="button" className="c-linkish" aria-label={t("customers.edit.removePhone")} data-comptoir="customer-phone-remove" onClick={() => phones.remove(k)}>
            ✕
          </button>
          <FieldMessage error={errorOf(k)} />
        </div>
      ))}
      {phones.fields.length < 20 ? (
        <button type="button" className="c-linkish" data-comptoir="customer-phone-add" onClick={() => phones.append({ number: "" })}>
          + {t("customers.edit.addPhone")}
        </button>
      ) : null}
    </div>
  )
}
