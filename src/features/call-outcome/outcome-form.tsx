import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef, useState } from "react"
import { useForm, type Resolver } from "react-hook-form"
import { useTranslation } from "react-i18next"

import { CALL_OUTCOMES, UNREACHED, type CallLog, type CallOutcome } from "~src/domain/calls/call-log.schema"
import type { OutcomeDraft } from "~src/domain/calls/outcome-draft"
import { mergeDraft, outcomeFormSchema, toCallLog, withoutCallTimes, type OutcomeContext, type OutcomeEnv, type OutcomeFormValues, type ScriptAnswers } from "~src/domain/calls/outcome-form"
import { teamMemberNamed } from "~src/domain/customers/sales-rep"
import { newId } from "~src/domain/ids"
import { formatPhone } from "~src/features/customer-card/format"
import { openQuoteForm, quoteOpenedKey, warmInPlaceQuoteForm } from "~src/features/quotes/open-quote-form"
import { send } from "~src/messaging/send"
import { DateInput } from "~src/ui/date-input"
import { formatLocalDateTime, uiLang } from "~src/ui/dates"
import { TimeInput } from "~src/ui/time-input"
import { FieldMessage } from "~src/ui/field-message"
import { deviceTimeZone } from "~src/ui/intl-cache"
import { SalesRepPick } from "~src/ui/sales-rep-pick"
import { useSalesRepTeam } from "~src/ui/use-sales-rep-team"
import { ContactAfter } from "~src/ui/contact-after"

import { downloadAppointment } from "./appointment-download"
import { StartedAtField } from "./started-at-field"
import { useScriptAnswers } from "./use-script-answers"

export interface OutcomeFormProps {
  /** Where its draft is kept: the call's id, `manual:<customerId>` or `fix:<logId>`. */
  draftId: string
  context: OutcomeContext
  /** The values it opens with, before a stored draft is laid over them. */
  defaults: OutcomeFormValues
  summary: OutcomeDraft["summary"]
  /** The draft's values when the opener already has them (the dock's "to log" list): no round trip. */
  draftValues?: Record<string, unknown> | null
  agentCountry: string
  onSaved: (log: CallLog) => void
  /** "Later": closes the form, the outcome stays to log. */
  onLater?: () => void
  /** The call needs no log: it leaves the "to log" list. */
  onDiscarded?: () => void
  /**
   * The call is still under way (notes taken while talking): its start and talk time are not known yet, so they
   * are neither shown nor kept in the draft, and saving waits for the hang-up, which fills them in this same form.
   */
  live?: boolean
  /** The script's answers to log instead of the call's (a correction keeps those of the log it corrects). */
  scripts?: ScriptAnswers
}

const KEEP_DELAY_MS = 300
type DraftState = "idle" | "keeping" | "kept" | "failed"

/** The agent's zone, read again only when the device's changes (intl-cache.ts): the dock asks at every render. */
export function agentTimeZone(): string {
  return deviceTimeZone() || "Europe/Paris"
}

/**
 * The call's outcome (react-hook-form + the domain's zod rules). Every change is kept as a draft in the
 * extension's IndexedDB (debounced, through the background): a closed popup, a reloaded tab or a stopped
 * service worker loses nothing, and the form opens again where the agent left it.
 */
export function OutcomeForm(props: OutcomeFormProps) {
  const { draftId, context, defaults, summary, agentCountry, onSaved } = props
  const { t, i18n } = useTranslation()
  const timeZone = useMemo(agentTimeZone, [])
  const env = (): OutcomeEnv => ({ timeZone, country: agentCountry, now: Date.now() })
  // The rules depend on "now" (a call-back in the past): the schema is made at each validation.
  const resolver: Resolver<OutcomeFormValues> = (values, ctx, options) => zodResolver(outcomeFormSchema(context, env()))(values, ctx, options)
  const form = useForm<OutcomeFormValues>({
    resolver,
    defaultValues: props.draftValues ? mergeDraft(defaults, props.draftValues) : defaults,
    mode: "onSubmit",
    reValidateMode: "onChange"
  })
  const { errors, isSubmitting } = form.formState
  const [draftState, setDraftState] = useState<DraftState>("idle")
  const [saveError, setSaveError] = useState<string | null>(null)
  const callScripts = useScriptAnswers(props.scripts ? null : context.callId)
  const scripts = props.scripts ?? callScripts
  const live = props.live === true
  const liveRef = useRef(live)
  liveRef.current = live
  const outcome = form.watch("outcome")
  const reached = outcome === "" || !UNREACHED.includes(outcome as CallOutcome)

  // A draft stored earlier (another tab, before a reload) comes back unless the agent has typed meanwhile.
  useEffect(() => {
    if (props.draftValues !== undefined) return
    let live = true
    send("outcome/draft", { id: draftId })
      .then((r) => {
        if (live && r.draft?.values && !form.formState.isDirty) form.reset(mergeDraft(defaults, r.draft.values), { keepDefaultValues: true })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
    // Once per draft: the defaults of the same draft do not change while it is open.
  }, [draftId])

  // Every change, debounced, to the background (IndexedDB); flushed when the form goes away.
  const pending = useRef<OutcomeFormValues | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saved = useRef(false)
  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current)
      const values = pending.current
      pending.current = null
      if (!values || saved.current) return
      setDraftState("keeping")
      // During the call the start and talk time are the hang-up's to fill: a draft never keeps live ones.
      const kept = liveRef.current ? withoutCallTimes(values) : values
      send("outcome/keep", { id: draftId, context, values: kept, summary })
        .then(() => setDraftState((s) => (s === "keeping" ? "kept" : s)))
        .catch(() => setDraftState("failed"))
    }
    const sub = form.watch((values, info) => {
      // A reset (the stored draft laid over the form) is not a change of the agent's.
      if (!info.name && !info.type) return
      pending.current = values as OutcomeFormValues
      setDraftState("keeping")
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, KEEP_DELAY_MS)
    })
    const onHide = () => flush()
    window.addEventListener("pagehide", onHide)
    document.addEventListener("visibilitychange", onHide)
    return () => {
      sub.unsubscribe()
      window.removeEventListener("pagehide", onHide)
      document.removeEventListener("visibilitychange", onHide)
      flush()
    }
  }, [draftId, context, summary, form])

  // The call ended while the form was open: the phone's start and talk time replace the live ones in this same
  // form (the agent's notes stay), unless the agent typed their own.
  const measuredKey = context.measured ? `${context.measured.startedAt}/${context.measured.durationSeconds}` : ""
  const shownMeasure = useRef(measuredKey)
  useEffect(() => {
    if (shownMeasure.current === measuredKey) return
    shownMeasure.current = measuredKey
    for (const name of ["startedAt", "duration"] as const) {
      if (!form.getFieldState(name).isDirty || form.getValues(name) === "") form.resetField(name, { defaultValue: defaults[name] })
    }
  }, [measuredKey, defaults, form])

  // The team's names (the rep pick) and e-mails (the calendar file's organizer and rep).
  const team = useSalesRepTeam(null)
  const onSubmit = form.handleSubmit(async (values) => {
    setSaveError(null)
    if (liveRef.current) return
    const made = toCallLog(values, context, env(), { id: newId(), agent: "", scripts })
    if (!made.ok) {
      setSaveError(made.errors.map((e) => e.message).join(" · "))
      return
    }
    try {
      clearTimeout(timer.current)
      pending.current = null
      // The stored log: another dock may have saved this call's outcome first (then it is theirs that shows).
      const { log } = await send("calls/log", { log: made.log, draftId })
      saved.current = true
      if (log.id === made.log.id && log.appointment) downloadAppointment(log, context.customer, t, team?.people)
      onSaved(log)
    } catch (e) {
      setSaveError(t("callOutcome.errors.saveFailed", { message: e instanceof Error ? e.message : String(e) }))
    }
  })

  const discard = async () => {
    clearTimeout(timer.current)
    pending.current = null
    saved.current = true
    await send("outcome/discard", { id: draftId }).catch(() => undefined)
    props.onDiscarded?.()
  }

  const [extra, setExtra] = useState({ callback: false, appointment: false })
  const [quoteState, setQuoteState] = useState<string | null>(null)
  // "Quote requested" shows New quote: a page drawing the form in place loads its editor for the click.
  const quoteOffered = outcome === "quote-requested" && !!context.customer
  useEffect(() => {
    if (quoteOffered) warmInPlaceQuoteForm()
  }, [quoteOffered])
  const cb = form.watch("callback")
  const ap = form.watch("appointment")
  const showCallback = extra.callback || outcome === "call-back" || cb.date !== "" || cb.time !== "" || errors.callback !== undefined
  // The sales rep alone is not an appointment begun: it is filled from the customer's file when the section opens.
  const showAppointment = extra.appointment || outcome === "appointment-set" || [ap.date, ap.time, ap.place].some((v) => v !== "") || errors.appointment !== undefined
  // Who meets the customer is one of the team's active users: the customer's own rep once the names say they are one
  // (a disabled account's or a stranger's name is not given the appointment: the agent picks). No team known: the
  // name as the file has it, typed over as before.
  const fileRep = context.customer?.salesRep ?? ""
  const customerRep = team === null ? "" : team.active.length === 0 ? fileRep : (teamMemberNamed(fileRep, team.active) ?? "")
  useEffect(() => {
    if (showAppointment && customerRep !== "" && form.getValues("appointment.salesRep") === "") form.setValue("appointment.salesRep", customerRep)
  }, [showAppointment, customerRep, form])
  const callErrors = Boolean(errors.number || errors.startedAt || errors.duration)
  const callDetailsOpen = (context.measured === null && !live) || callErrors
  const [direction, number, startedAt, duration] = form.watch(["direction", "number", "startedAt", "duration"])
  const callLine = [
    direction === "inbound" ? "↙" : "↗",
    number ? formatPhone(number, agentCountry) : t("callOutcome.form.noNumber"),
    ...(live ? [t("callOutcome.form.duringCall")] : [formatLocalDateTime(startedAt, uiLang(i18n.language)), duration]),
    // A call the phone did not end as agreed (the network, a closed or crashed browser): the agent sees why this
    // form is here and that its talk time stops at the last moment the call was seen up.
    ...(!live && context.measured?.endReason === "failed" ? [t(context.measured.durationSeconds > 0 ? "callOutcome.form.cutOff" : "callOutcome.form.failed")] : [])
  ]
    .filter(Boolean)
    .join(" · ")

  const fieldId = (name: string) => `outcome-${draftId.replace(/[^a-zA-Z0-9-]/g, "-")}-${name}`
  const contacts = context.customer?.contacts ?? []
  const contactId = form.watch("contactId")
  const contactName = contacts.find((c) => c.id === contactId)?.name ?? ""

  return (
    <form
      className="c-outcome"
      data-comptoir="outcome-form"
      data-call-id={context.callId ?? ""}
      data-draft-id={draftId}
      data-live={live ? "true" : undefined}
      noValidate
      onSubmit={(e) => void onSubmit(e)}>
      <div className="c-section-title">{context.correctsId ? t("callOutcome.form.correctTitle") : context.callId ? t("callOutcome.form.title") : t("callOutcome.form.logTitle")}</div>
      {context.customer ? (
        <p className="c-outcome-who" data-comptoir="outcome-customer" data-customer-code={context.customer.code}>
          <strong>{context.customer.company}</strong>
          {/* The contact the call goes to, as the dock's heading names them: with three contacts on a card, the agent
              sees whom it is logged to without unfolding the call's details. */}
          <ContactAfter name={contactName} marker="outcome-contact" /> <span className="c-muted">· {context.customer.code}</span>
        </p>
      ) : (
        <p className="c-muted">
          {t("callOutcome.form.noCustomer")}
          {/* An unknown caller: the workspace's customer form, prefilled; the call becomes theirs (this form follows). */}
          {context.callId && summary?.number ? (
            <>
              {" "}
              <button
                type="button"
                className="c-button c-button-secondary"
                data-comptoir="outcome-new-customer"
                onClick={() => void send("workspace/open", { path: `customers/new?phone=${encodeURIComponent(summary.number)}&call=${encodeURIComponent(context.callId!)}` })}>
                {t("softphone.caller.newCustomer")}
              </button>
            </>
          ) : null}
        </p>
      )}

      <div className="c-field">
        <label htmlFor={fieldId("outcome")}>{t("callOutcome.form.outcome")}</label>
        <select id={fieldId("outcome")} {...form.register("outcome")} aria-invalid={errors.outcome ? true : undefined}>
          <option value="">{t("callOutcome.form.chooseOutcome")}</option>
          {CALL_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`callOutcome.outcome.${o}`)}
            </option>
          ))}
        </select>
        <FieldMessage error={errors.outcome} />
      </div>

      {outcome === "quote-requested" && context.customer ? (
        <div className="c-outcome-row" data-comptoir="outcome-quote">
          <button
            type="button"
            className="c-button"
            data-comptoir="quote-new"
            data-call-id={context.callId ?? ""}
            onClick={() =>
              void openQuoteForm(context.customer!.id, form.getValues("contactId") || null, context.callId).then((r) =>
                setQuoteState(r.ok ? t(quoteOpenedKey(r.way)) : t("quotes.errors.generic", { message: r.error ?? "?" }))
              )
            }>
            {t("callOutcome.form.newQuote")}
          </button>
          {quoteState ? (
            <span className="c-muted" role="status">
              {quoteState}
            </span>
          ) : null}
        </div>
      ) : null}

      <div className="c-field">
        <label htmlFor={fieldId("notes")}>{t("callOutcome.form.notes")}</label>
        <textarea id={fieldId("notes")} rows={3} maxLength={5000} {...form.register("notes")} />
        <FieldMessage error={errors.notes} />
      </div>

      {scripts.answers.length > 0 ? (
        <div className="c-field" data-comptoir="outcome-script-answers">
          <span className="c-field-label">{t("callOutcome.form.scriptAnswers")}</span>
          {reached ? (
            <ul className="c-outcome-answers">
              {scripts.answers.map((a, i) => (
                <li key={i}>
                  <span className="c-muted">{a.step}:</span> {a.answer}
                </li>
              ))}
            </ul>
          ) : (
            <span className="c-muted">{t("callOutcome.form.answersNotKept")}</span>
          )}
        </div>
      ) : null}

      {showCallback ? (
        <fieldset className="c-outcome-set" data-comptoir="outcome-callback">
          <legend>{t("callOutcome.form.callback")}</legend>
          <div className="c-outcome-grid">
            <div className="c-field">
              <label htmlFor={fieldId("cb-date")}>{t("callOutcome.form.date")}</label>
              <DateInput id={fieldId("cb-date")} day={cb.date} stacked {...form.register("callback.date")} />
              <FieldMessage error={errors.callback?.date} />
            </div>
            <div className="c-field">
              <label htmlFor={fieldId("cb-time")}>{t("callOutcome.form.time")}</label>
              <TimeInput id={fieldId("cb-time")} placeholder={t("callOutcome.form.timePlaceholder")} aria-invalid={errors.callback?.time ? true : undefined} {...form.register("callback.time")} />
              <FieldMessage error={errors.callback?.time} />
            </div>
          </div>
          <span className="c-muted">{t("callOutcome.form.callbackHint")}</span>
        </fieldset>
      ) : null}

      {showAppointment ? (
        <fieldset className="c-outcome-set" data-comptoir="outcome-appointment">
          <legend>{t("callOutcome.form.appointment")}</legend>
          <div className="c-outcome-grid">
            <div className="c-field">
              <label htmlFor={fieldId("ap-date")}>{t("callOutcome.form.date")}</label>
              <DateInput id={fieldId("ap-date")} day={ap.date} stacked {...form.register("appointment.date")} />
              <FieldMessage error={errors.appointment?.date} />
            </div>
            <div className="c-field">
              <label htmlFor={fieldId("ap-time")}>{t("callOutcome.form.time")}</label>
              <TimeInput id={fieldId("ap-time")} placeholder={t("callOutcome.form.timePlaceholder")} aria-invalid={errors.appointment?.time ? true : undefined} {...form.register("appointment.time")} />
              <FieldMessage error={errors.appointment?.time} />
            </div>
          </div>
          <div className="c-field">
            <label htmlFor={fieldId("ap-rep")}>{t("callOutcome.form.salesRep")}</label>
            <SalesRepPick control={form.control} name="appointment.salesRep" team={team} id={fieldId("ap-rep")} hook="appointment-sales-rep" />
          </div>
          <div className="c-field">
            <label htmlFor={fieldId("ap-place")}>{t("callOutcome.form.place")}</label>
            <input id={fieldId("ap-place")} maxLength={300} {...form.register("appointment.place")} />
            <FieldMessage error={errors.appointment?.place} />
          </div>
          <span className="c-muted">{t("callOutcome.form.icsHint")}</span>
        </fieldset>
      ) : null}

      {!showCallback || !showAppointment ? (
        <div className="c-outcome-row">
          {!showCallback ? (
            <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-add-callback" onClick={() => setExtra((x) => ({ ...x, callback: true }))}>
              + {t("callOutcome.form.callback")}
            </button>
          ) : null}
          {!showAppointment ? (
            <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-add-appointment" onClick={() => setExtra((x) => ({ ...x, appointment: true }))}>
              + {t("callOutcome.form.appointment")}
            </button>
          ) : null}
        </div>
      ) : null}

      {/* What the phone measured, editable; open for a call logged by hand (nothing measured) or a field in error. */}
      <details className="c-outcome-call" data-comptoir="outcome-call-details" open={callDetailsOpen || undefined}>
        <summary>
          {callLine}
          {callErrors ? <span className="c-error"> · {t("callOutcome.form.checkCall")}</span> : null}
        </summary>
        <div className="c-outcome-grid">
          <div className="c-field">
            <label htmlFor={fieldId("direction")}>{t("callOutcome.form.direction")}</label>
            <select id={fieldId("direction")} {...form.register("direction")}>
              <option value="outbound">{t("callOutcome.direction.outbound")}</option>
              <option value="inbound">{t("callOutcome.direction.inbound")}</option>
            </select>
          </div>
          <div className="c-field">
            <label htmlFor={fieldId("number")}>{t("callOutcome.form.number")}</label>
            <input id={fieldId("number")} type="tel" maxLength={40} {...form.register("number")} />
            <FieldMessage error={errors.number} />
          </div>
          <div className="c-field c-field-wide">
            <label htmlFor={fieldId("startedAt")}>{t("callOutcome.form.startedAt")}</label>
            <StartedAtField control={form.control} id={fieldId("startedAt")} invalid={errors.startedAt !== undefined} />
            <FieldMessage error={errors.startedAt} />
          </div>
          <div className="c-field">
            <label htmlFor={fieldId("duration")}>{t("callOutcome.form.duration")}</label>
            <input id={fieldId("duration")} inputMode="numeric" placeholder="4:30" maxLength={12} {...form.register("duration")} />
            <FieldMessage error={errors.duration} />
          </div>
        </div>
        {contacts.length > 0 ? (
          <div className="c-field">
            <label htmlFor={fieldId("contact")}>{t("callOutcome.form.contact")}</label>
            <select id={fieldId("contact")} {...form.register("contactId")}>
              <option value="">{t("callOutcome.form.noContact")}</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name || t("card.contacts.unnamed")}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </details>

      {saveError ? (
        <p className="c-error" role="alert" data-comptoir="outcome-error">
          {saveError}
        </p>
      ) : null}
      <div className="c-outcome-row">
        <button type="submit" className="c-button" data-comptoir="outcome-save" disabled={isSubmitting || live} title={live ? t("callOutcome.form.saveAfterCall") : undefined}>
          {context.correctsId ? t("callOutcome.action.saveCorrection") : t("callOutcome.action.save")}
        </button>
        {props.onLater ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-later" onClick={props.onLater}>
            {t("callOutcome.action.later")}
          </button>
        ) : null}
        {props.onDiscarded ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-discard" onClick={() => void discard()}>
            {t("callOutcome.action.discard")}
          </button>
        ) : null}
        {live ? (
          <span className="c-muted" data-comptoir="outcome-live-hint">
            {t("callOutcome.form.saveAfterCall")}
          </span>
        ) : null}
        <span className="c-muted" data-comptoir="outcome-draft-state" data-state={draftState} aria-live="polite">
          {draftState === "kept" ? t("callOutcome.form.draftKept") : draftState === "failed" ? t("callOutcome.form.draftFailed") : ""}
        </span>
      </div>
    </form>
  )
}
