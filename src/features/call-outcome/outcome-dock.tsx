import { memo, useCallback, useEffect, useRef, useState, type MutableRefObject } from "react"
import { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { formOwnerOnOpen } from "~src/domain/calls/form-owner"
import { DRAFTS_CHANGED_KEY, type OutcomeDraft } from "~src/domain/calls/outcome-draft"
import { outcomeCustomerOf, outcomeDefaults, talkSecondsOf, type OutcomeContext, type OutcomeFormValues } from "~src/domain/calls/outcome-form"
import { toLogLines } from "~src/domain/calls/to-log"
import type { ActiveCall, CallerContext, CallRecord } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"
import { send } from "~src/messaging/send"
import { formatDateTime, uiLang } from "~src/ui/dates"
import { ContactAfter } from "~src/ui/contact-after"

import { LateCallbacks } from "./late-callbacks"
import { agentTimeZone, OutcomeForm } from "./outcome-form"
import { SavedNotice } from "./saved-notice"

/** The newest few: the dock is small, and the rest wait their turn (newest first). */
const PENDING_SHOWN = 5

interface OpenOutcome {
  draftId: string
  context: OutcomeContext
  defaults: OutcomeFormValues
  summary: OutcomeDraft["summary"]
  draftValues?: Record<string, unknown> | null
  /** Opened during the call (notes while talking): the hang-up fills its start and talk time. */
  live?: boolean
}

/**
 * The softphone's call as the outcome dock reads it: ringing out and in call are one stage ("talking"), so the
 * dock (memoised) is not rendered again when the call is answered, muted or held (issue #9).
 */
export type OutcomeCall = Pick<ActiveCall, "id" | "direction" | "number" | "startedAt"> & { phase: "ringing-in" | "talking" | "ended" }

/** The form for a call that just ended, from what the dock already holds: no round trip before it shows. */
export function openFromCall(call: CallRecord, caller: CallerContext | null, now: number, timeZone: string): OpenOutcome {
  const candidate = caller?.callId === call.id ? caller.candidates.find((c) => c.id === call.customerId) : undefined
  const durationSeconds = talkSecondsOf(call)
  return {
    draftId: call.id,
    context: {
      callId: call.id,
      // Known by id only until the background's draft (which read the customer) arrives.
      customer: candidate ? outcomeCustomerOf(candidate) : call.customerId ? { id: call.customerId, company: "", code: "", contacts: [] } : null,
      measured: { startedAt: call.startedAt, durationSeconds, endReason: call.endReason },
      correctsId: null
    },
    defaults: outcomeDefaults({ direction: call.direction, number: call.number, startedAt: call.startedAt, durationSeconds, contactId: call.contactId, endReason: call.endReason }, timeZone, now),
    summary: { direction: call.direction, number: call.number, startedAt: call.startedAt, contactId: call.contactId }
  }
}

/**
 * The form opened while the call is under way. Its id is the call's, so the hang-up opens this same form (and
 * draft) again with the call's measure; nothing is measured yet (`measured: null`).
 */
export function openDuringCall(call: Pick<ActiveCall, "id" | "direction" | "number" | "startedAt">, callerNow: CallerContext | null, now: number, timeZone: string, draftValues?: Record<string, unknown> | null): OpenOutcome {
  const caller = callerNow?.callId === call.id ? callerNow : null
  const candidate = caller?.candidates.find((c) => c.id === caller.customerId)
  const contactId = caller?.contactId ?? null
  return {
    draftId: call.id,
    context: { callId: call.id, customer: candidate ? outcomeCustomerOf(candidate) : null, measured: null, correctsId: null },
    defaults: { ...outcomeDefaults({ direction: call.direction, number: call.number, startedAt: call.startedAt, durationSeconds: 0, contactId }, timeZone, now), duration: "" },
    summary: { direction: call.direction, number: call.number, startedAt: call.startedAt, contactId },
    draftValues,
    live: true
  }
}

export function openFromDraft(d: OutcomeDraft, now: number, timeZone: string): OpenOutcome {
  const s = d.summary
  const call = s ? { direction: s.direction, number: s.number, startedAt: s.startedAt, durationSeconds: d.context.measured?.durationSeconds ?? 0, contactId: s.contactId, endReason: d.context.measured?.endReason } : null
  return { draftId: d.id, context: d.context, defaults: outcomeDefaults(call, timeZone, now), summary: d.summary, draftValues: d.values }
}

/** Outcomes not saved yet, read again whenever the background says one appeared or went. */
function usePendingOutcomes(): [OutcomeDraft[] | null, () => void] {
  const [drafts, setDrafts] = useState<OutcomeDraft[] | null>(null)
  const read = useCallback(() => {
    send("outcome/pending", {})
      .then((r) => setDrafts(r.drafts))
      .catch(() => undefined)
  }, [])
  useEffect(() => {
    read()
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === "session" && DRAFTS_CHANGED_KEY in changes) read()
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => chrome.storage.onChanged.removeListener(onChanged)
  }, [read])
  return [drafts, read]
}

/**
 * Call outcomes in the softphone's dock: the form opens at hang-up, filled from the call; outcomes not saved
 * yet are listed "to log" until saved or discarded (they outlive this page: see OutcomeForm).
 */
export const CallOutcomeDock = memo(function CallOutcomeDock({
  call,
  lastCall,
  caller,
  agentCountry,
  seenLive: seenLiveOutside
}: {
  call: OutcomeCall | null
  lastCall: CallRecord | null
  caller: CallerContext | null
  agentCountry: string
  /**
   * Calls the surface around showed ringing or under way, when it holds this dock back during a call's set-up
   * (the softphone dock: its render is kept off the main thread while the microphone opens). A call refused within
   * milliseconds (busy, no answer) is then first seen here ended; it was live all the same, and its form opens at
   * once with the outcome the network gave. Stable (a ref): it does not render this dock again.
   */
  seenLive?: MutableRefObject<Set<string>>
}) {
  const { t } = useTranslation()
  const [pending, readPending] = usePendingOutcomes()
  const [open, setOpen] = useState<OpenOutcome | null>(null)
  const [saved, setSaved] = useState<{ log: CallLog; context: OutcomeContext } | null>(null)
  /** Calls this dock has opened or the agent put off ("later"): not opened again by themselves. */
  const handled = useRef(new Set<string>())
  // Read again only when the device's zone changes (agentTimeZone): cheap at every render, and a zone changed
  // while the dock is open is followed, as before.
  const timeZone = agentTimeZone()
  const talking = call?.phase === "talking" ? call : null
  /** Live calls whose draft this dock already brought back (a reload during the call). */
  const liveHandled = useRef(new Set<string>())

  /** Calls this dock (or the surface around, above) showed ringing or under way. */
  const seenLiveHere = useRef(new Set<string>())
  const seenLive = seenLiveOutside ?? seenLiveHere
  if (call && call.phase !== "ended") seenLive.current.add(call.id)

  // Hang-up: the call just ended is the dock's call; its form opens at once. Only for a call this dock showed live:
  // a dock opened on an ended call (the side panel, the popup) asks the "to log" list below, or it showed the form of
  // a call already logged, over the next caller's card.
  if (lastCall && call?.id === lastCall.id && call.phase === "ended" && seenLive.current.has(lastCall.id) && !handled.current.has(lastCall.id)) {
    handled.current.add(lastCall.id)
    const next = openFromCall(lastCall, caller, Date.now(), timeZone)
    // Set during render (React re-renders before painting): the form is in the same frame as "ended".
    setOpen(next)
    setSaved(null)
  }

  // Another call rings or is under way: the last call's "Logged: Appointment set · Calendar file" goes, or it reads as
  // this caller's outcome under their card (its file was downloaded at the save; the log is on the timeline).
  if (saved && call && call.phase !== "ended" && call.id !== saved.log.callId) setSaved(null)

  /** Drafts this dock has seen "to log": one gone since was saved or discarded elsewhere. */
  const seenDrafts = useRef(new Set<string>())

  useEffect(() => {
    if (!pending) return
    // The outcome was saved (or discarded) in another dock, the side panel or the softphone tab: this form goes,
    // so the call is not logged twice. A form for a call whose draft is yet to come (the hang-up's) stays.
    if (open && !open.live && seenDrafts.current.has(open.draftId) && !pending.some((p) => p.id === open.draftId)) {
      setOpen(null)
      return
    }
    for (const p of pending) seenDrafts.current.add(p.id)
    // Another call rings or is under way: the form of an earlier call nobody typed in goes back to the "to log" list
    // (its draft stays), so no other customer's form sits under the caller's card. One typed in stays open.
    if (open && !open.live && call && call.phase !== "ended" && call.id !== open.draftId && pending.find((p) => p.id === open.draftId)?.values === null) {
      setOpen(null)
      return
    }
    // Opened again (a reload, another surface): the call under way, if its notes were begun, or the call just
    // ended, if still to log, comes back with its draft; an earlier call left to log stays in the list below.
    const owner = open ? null : formOwnerOnOpen({ call, lastCallId: lastCall?.id ?? null, pendingIds: pending.map((p) => p.id) })
    const d = owner ? pending.find((p) => p.id === owner.callId) : undefined
    if (owner?.kind === "live" && d && talking?.id === owner.callId && !liveHandled.current.has(owner.callId)) {
      liveHandled.current.add(owner.callId)
      setOpen(openDuringCall(talking, caller, Date.now(), timeZone, d.values))
    }
    if (owner?.kind === "ended" && d && !handled.current.has(owner.callId)) {
      handled.current.add(owner.callId)
      setOpen(openFromDraft(d, Date.now(), timeZone))
    }
    // The background's draft names the customer fully (the dock may only have known their id), or names the
    // customer created for the number since ("New customer with this number"): the form opens again with them.
    if (open && !open.live && (open.context.customer === null || open.context.customer.company === "")) {
      const d = pending.find((p) => p.id === open.draftId)
      if (d?.context.customer?.company) {
        if (open.context.customer === null) setOpen(openFromDraft(d, Date.now(), timeZone))
        else setOpen({ ...open, context: { ...open.context, customer: d.context.customer } })
      }
    }
  }, [pending, open, call, lastCall, talking, caller, timeZone])

  const close = () => {
    setOpen(null)
    readPending()
  }
  // The call under way is not "to log" yet; earlier tries to the same number fold into the newest call's line.
  const lines = toLogLines((pending ?? []).filter((d) => d.id !== talking?.id))
  const others = lines.filter((l) => l.draft.id !== open?.draftId)
  const linesNow = useRef(lines)
  linesNow.current = lines
  /** Saved or "no log needed": the earlier unlogged calls folded into this one's line go with it. */
  const dropFolded = useCallback(
    (draftId: string) => {
      const folded = linesNow.current.find((l) => l.draft.id === draftId)?.folded ?? []
      return Promise.all(folded.map((f) => send("outcome/discard", { id: f.id }))).then(readPending, readPending)
    },
    [readPending]
  )
  // Stable, so that the "to log" rows (memoised) are not rendered again when a call starts or is answered (issue #9).
  const openPending = useCallback(
    (d: OutcomeDraft) => {
      handled.current.add(d.id)
      setSaved(null)
      setOpen(openFromDraft(d, Date.now(), timeZone))
    },
    [timeZone]
  )
  const discardPending = useCallback(
    (id: string) => void Promise.all([send("outcome/discard", { id }), dropFolded(id)]).then(readPending, readPending),
    [dropFolded, readPending]
  )

  return (
    <div className="c-outcome-dock" data-comptoir="outcome-dock">
      {talking && open?.draftId !== talking.id ? (
        <button
          type="button"
          className="c-button c-button-secondary"
          data-comptoir="outcome-open-live"
          onClick={() => {
            liveHandled.current.add(talking.id)
            setSaved(null)
            setOpen(openDuringCall(talking, caller, Date.now(), timeZone))
          }}>
          {t("callOutcome.action.notesDuringCall")}
        </button>
      ) : null}
      {open ? (
        <OutcomeForm
          key={`${open.draftId}:${open.context.customer?.id ?? ""}`}
          draftId={open.draftId}
          context={open.context}
          defaults={open.defaults}
          summary={open.summary}
          draftValues={open.draftValues}
          live={open.live}
          agentCountry={agentCountry}
          onSaved={(log) => {
            setSaved({ log, context: open.context })
            void dropFolded(open.draftId)
            close()
          }}
          onLater={close}
          onDiscarded={() => {
            void dropFolded(open.draftId)
            close()
          }}
        />
      ) : null}
      {saved ? <SavedNotice log={saved.log} context={saved.context} onClose={() => setSaved(null)} /> : null}
      <LateCallbacks agentCountry={agentCountry} />
      {others.length > 0 ? (
        <section className="c-outcome-pending" data-comptoir="outcome-pending" aria-label={t("callOutcome.pending.title")}>
          <div className="c-section-title">{t("callOutcome.pending.title", { count: others.length })}</div>
          <ul>
            {others.slice(0, PENDING_SHOWN).map(({ draft: d, count }) => (
              <PendingItem key={d.id} draft={d} count={count} agentCountry={agentCountry} onOpen={openPending} onDiscard={discardPending} />
            ))}
          </ul>
          {others.length > PENDING_SHOWN ? <p className="c-muted">{t("callOutcome.pending.more", { count: others.length - PENDING_SHOWN })}</p> : null}
        </section>
      ) : null}
    </div>
  )
})

/** The name of the contact a call to log is with: the one picked in its form, else the one the call was with. */
function contactOf(d: OutcomeDraft): string {
  const picked = d.values?.contactId
  const id = typeof picked === "string" ? picked : d.summary?.contactId
  return (id && d.context.customer?.contacts.find((c) => c.id === id)?.name) || ""
}

/** A line of the "to log" list: rendered again only when its draft (or the language) changes. */
const PendingItem = memo(function PendingItem({
  draft: d,
  count,
  agentCountry,
  onOpen,
  onDiscard
}: {
  draft: OutcomeDraft
  count: number
  agentCountry: string
  onOpen: (d: OutcomeDraft) => void
  onDiscard: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <li data-comptoir="outcome-pending-item" data-draft-id={d.id} data-calls={count}>
      {/* The arrow, the name and its date in one flex item, the date glued to the name's last word: as
          separate items the date wrapped onto a line of its own starting with "·". */}
      <span className="c-outcome-pending-who" data-comptoir="outcome-pending-who">
        {d.summary ? (d.summary.direction === "inbound" ? "↙ " : "↗ ") : "✎ "}
        {d.context.customer?.company || (d.summary ? formatPhone(d.summary.number, agentCountry) : t("callOutcome.pending.byHand"))}
        {/* The contact too, as the call history names them: a company's three buyers are three calls to log. */}
        <ContactAfter name={contactOf(d)} />
        {d.summary ? <span className="c-muted c-nowrap">{"\u00a0·\u00a0"}{formatDateTime(d.summary.startedAt, uiLang(i18n.language))}</span> : null}
      </span>{" "}
      {count > 1 ? (
        <span className="c-chip" data-comptoir="outcome-pending-count">
          {t("callOutcome.pending.calls", { count })}
        </span>
      ) : null}{" "}
      <span className="c-chip">{t("callOutcome.pending.toLog")}</span>
      <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-open" onClick={() => onOpen(d)}>
        {t("callOutcome.action.log")}
      </button>
      <button type="button" className="c-button c-button-secondary" data-comptoir="outcome-pending-discard" onClick={() => onDiscard(d.id)}>
        {t("callOutcome.action.discard")}
      </button>
    </li>
  )
})
