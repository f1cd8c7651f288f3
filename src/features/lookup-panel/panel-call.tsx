import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { CallBar } from "~src/domain/telephony/call-bar"
import { headingOf, onlyContactWith } from "~src/domain/telephony/call-heading"
import { formatTimer, talkSeconds } from "~src/domain/telephony/call-timer"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { quotePreloadCall } from "~src/features/quotes/quote-overlay"
import { formatPhone } from "~src/features/customer-card/format"
import { CallUnderWay, underWayNumber } from "~src/features/softphone/call-under-way"
import { placingNumber, usePlacedCall } from "~src/features/softphone/use-call-press"
import { useNow } from "~src/ui/use-now"

import { pushedCallBar, sendFromPage } from "./page-messaging"

/**
 * The softphone as the background last told this page: pushed to the tab in front at each change, asked when the
 * tab comes to the front (another tab was in front when it changed). The newest of the two is kept. One store for
 * the page: the panel itself subscribes only to "is a call ringing" (useRingingCallId), so a call's state changes
 * re-render the call line, not the panel's cards (they shared the cores with the call's set-up, issue #9).
 */
let current: CallBar | null = null
const listeners = new Set<() => void>()

function take(b: CallBar): void {
  if (current && current.updatedAt > b.updatedAt) return
  current = b
  // The quote form's preload waits while a call is set up (quote-overlay.ts).
  quotePreloadCall(b.call)
  for (const l of listeners) l()
}

function ask(): void {
  if (document.visibilityState === "visible") sendFromPage("softphone/bar", {}).then(take, () => undefined)
}

function onMessage(message: unknown): void {
  const b = pushedCallBar(message)
  if (b) take(b)
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    chrome.runtime.onMessage.addListener(onMessage)
    document.addEventListener("visibilitychange", ask)
    ask()
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    chrome.runtime.onMessage.removeListener(onMessage)
    document.removeEventListener("visibilitychange", ask)
    current = null
  }
}

export function usePanelCall(): CallBar | null {
  return useSyncExternalStore(subscribe, () => current)
}

/**
 * The panel's call buttons (its cards', the number clicked on the page) told of the call under way, from the call
 * bar: only they render again when a call starts or ends (issue #9: a second click dialled a second call).
 */
export function CallUnderWayFromBar({ children }: { children: ReactNode }) {
  const number = useSyncExternalStore(subscribe, () => underWayNumber(current?.configured ? current.call : null))
  return <CallUnderWay.Provider value={number}>{children}</CallUnderWay.Provider>
}

/** The id of the call ringing in, else null: what the panel opens on. */
export function useRingingCallId(): string | null {
  return useSyncExternalStore(subscribe, () => (current?.call?.phase === "ringing-in" ? current.call.id : null))
}

/**
 * The customer whose card the call line shows: the caller of an incoming call still ringing or under way, once
 * known (one customer on the number, or the one the agent picked). An outgoing call shows no card (see PanelCall).
 */
export function callerCardOf(bar: CallBar | null): Customer | null {
  const call = bar?.call
  if (!bar || !bar.configured || !call || call.phase === "ended" || call.direction !== "inbound") return null
  return bar.candidates.find((c) => c.id === bar.customerId) ?? null
}

/** The id of the caller whose card the call line shows, else null: the panel counts it among its cards. */
export function useCallerCardId(): string | null {
  return useSyncExternalStore(subscribe, () => callerCardOf(current)?.id ?? null)
}

/**
 * How many customers' cards the panel shows: those on the page, and the caller's when it is not one of them (the
 * header's count said "0" over a caller's card).
 */
export function shownCount(onPage: readonly { customer: { id: string } }[], callerId: string | null): { count: number; caller: boolean } {
  const caller = callerId !== null && !onPage.some((m) => m.customer.id === callerId)
  return { count: onPage.length + (caller ? 1 : 0), caller }
}

/** The call line where the panel's body shows it: subscribed on its own. */
export function PanelCallSlot(props: Omit<Parameters<typeof PanelCall>[0], "bar">) {
  const bar = usePanelCall()
  return bar ? <PanelCall bar={bar} {...props} /> : null
}

/** How long an ended call stays in the page panel (its "Log the call"), before the line says the softphone's state again. */
export const ENDED_SHOWN_MS = 5 * 60_000

/** Whether the call that ended at `endedAt` is still recent enough to be shown; re-renders when it stops being. */
function useRecentlyEnded(endedAt: number | null): boolean {
  const [, setTick] = useState(0)
  const recent = endedAt !== null && Date.now() < endedAt + ENDED_SHOWN_MS
  useEffect(() => {
    if (endedAt === null) return
    const left = endedAt + ENDED_SHOWN_MS - Date.now()
    if (left <= 0) return
    const timer = setTimeout(() => setTick((n) => n + 1), left + 10)
    return () => clearTimeout(timer)
  }, [endedAt])
  return recent
}

type CallAction = "softphone/answer" | "softphone/decline" | "softphone/hangup"

/**
 * The call over the page (issue #9): the state in the dock's words, answer and decline while it rings, hang up
 * during the call, and the caller's card as soon as it rings (several customers on the number: the picker). After
 * the call, "Log the call" opens the side panel, where the dock's outcome form waits. The page's own scripts can
 * reach this panel: only the agent's own clicks act (`isTrusted`).
 */
export function PanelCall({
  bar,
  agentCountry,
  onOpen,
  onLogCall
}: {
  bar: CallBar
  agentCountry: string
  onOpen: (c: Customer) => void
  onLogCall: () => void
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const recentlyEnded = useRecentlyEnded(bar.call?.phase === "ended" ? (bar.call.endedAt ?? 0) : null)
  // A call pressed on this page's card or number, not yet published (outgoing-hold.ts): the line says "Calling…" and
  // to whom, not "Ready for calls" under the card's own "Calling…", nor the call before it.
  const placing = placingNumber(usePlacedCall(), bar.call, bar.call !== null && bar.call.phase !== "ended")
  // A call ended long ago is not news: the line says the softphone's state again (the dock keeps it, "to log").
  const call = placing === null && bar.call && (bar.call.phase !== "ended" || recentlyEnded) ? bar.call : null
  const state = call ? call.phase : bar.registration
  const now = useNow(call?.phase === "in-call")
  // A call starting (placed, ringing in) brings its line into view: a number clicked on the page scrolls the panel's
  // list to its card, and the card's Call then left "In call · Hang up" above the fold (walk13, a CRM page at 1280×800).
  // Once per call: the agent may scroll away during it.
  const line = useRef<HTMLElement>(null)
  const liveKey = placing !== null ? "placing" : call && call.phase !== "ended" ? call.id : null
  // Its first line (who is calling, else the state), not the whole section: a ringing call's section holds the
  // caller's card and can be taller than the panel, and "nearest" then aligns its bottom, which hid who was calling
  // and the state above the fold, Answer half cut (walk21ff, Firefox ESR, the panel scrolled to a clicked number's card).
  useEffect(() => {
    if (liveKey === null) return
    const top = line.current?.firstElementChild ?? line.current
    top?.scrollIntoView?.({ block: "nearest" })
  }, [liveKey])
  if (!bar.configured) return null

  const act = (e: MouseEvent, name: CallAction, callId: string) => {
    if (!e.nativeEvent.isTrusted) return
    sendFromPage(name, { callId }).then(
      () => setError(null),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err))
    )
  }
  const pick = (e: MouseEvent, c: Customer) => {
    if (!e.nativeEvent.isTrusted || !call) return
    const contact = c.contacts.find((p) => p.phones.includes(call.number))
    sendFromPage("softphone/assign", { callId: call.id, customerId: c.id, contactId: contact?.id ?? null }).then(
      () => setError(null),
      (err: unknown) => setError(String(err))
    )
  }
  const live = call !== null && call.phase !== "ended"
  // The caller's card and picker are for incoming calls: an outgoing one was placed from a card the agent has in
  // front of them, and the card's reads (risk, documents) would share the two cores with the call's set-up.
  const incoming = live && call.direction === "inbound"
  const chosen = incoming ? callerCardOf(bar) : null
  // Who is calling, named as the dock's heading names them (call-heading.ts): the contact holding the number, the
  // company alone when several share it. The line said the number alone, over a card naming only the company.
  const callerName = (chosen && call ? headingOf(chosen, onlyContactWith(chosen, call.number)).contact : null) ?? ""

  return (
    <section ref={line} className="c-panel-call" data-comptoir="softphone" data-state={state} data-phase={call?.phase ?? "none"} aria-live="polite">
      {chosen ? (
        <div className="c-softphone-who" data-comptoir="softphone-who">
          {callerName ? (
            <>
              {callerName}
              <span className="c-softphone-company"> · {chosen.company}</span>
            </>
          ) : (
            chosen.company
          )}
        </div>
      ) : null}
      <div className="c-softphone-status" data-comptoir="softphone-status">
        {/* The published state stays in data-state: the words say what the agent did. */}
        <strong>☎ {t(`softphone.state.${placing !== null ? "ringing-out" : state}`)}</strong>
        {call ? <span> · {formatPhone(call.number, agentCountry)}</span> : null}
        {placing !== null ? <span> · {formatPhone(placing, agentCountry)}</span> : null}
        {call && call.answeredAt !== null ? <span data-comptoir="call-timer"> · {formatTimer(talkSeconds(call, now))}</span> : null}
        {live && call.muted ? <span className="c-chip">{t("softphone.dock.mutedChip")}</span> : null}
        {live && call.onHold ? <span className="c-chip">{t("softphone.dock.heldChip")}</span> : null}
        {call?.phase === "ended" && call.endReason ? <span className="c-muted"> · {t(`softphone.reason.${call.endReason}`)}</span> : null}
      </div>
      {error ? <p className="c-error">{error}</p> : null}
      {call?.phase === "ringing-in" ? (
        <div className="c-row">
          <button type="button" className="c-button" data-comptoir="answer" onClick={(e) => act(e, "softphone/answer", call.id)}>
            {t("softphone.action.answer")}
          </button>
          <button type="button" className="c-button c-button-danger" data-comptoir="decline" onClick={(e) => act(e, "softphone/decline", call.id)}>
            {t("softphone.action.decline")}
          </button>
        </div>
      ) : null}
      {live && call.phase !== "ringing-in" ? (
        <div className="c-row">
          <button type="button" className="c-button c-button-danger" data-comptoir="hangup" onClick={(e) => act(e, "softphone/hangup", call.id)}>
            {t("softphone.action.hangup")}
          </button>
        </div>
      ) : null}
      {call?.phase === "ended" ? (
        <div className="c-row">
          <button type="button" className="c-button c-button-secondary" data-comptoir="panel-log-call" onClick={onLogCall}>
            {t("panelUi.call.logCall")}
          </button>
        </div>
      ) : null}
      {chosen ? (
        <div data-comptoir="caller-card" data-customer-code={chosen.code}>
          <CustomerCard customer={chosen} agentCountry={agentCountry} highlight matchedBy="phone" matchedValues={[call!.number]} onOpen={onOpen} />
        </div>
      ) : null}
      {incoming && (bar.candidates.length > 1 || (!chosen && bar.candidates.length === 1)) ? (
        <div data-comptoir="caller-picker" role="group" aria-label={t("softphone.caller.pick")}>
          <div className="c-section-title">{chosen ? t("softphone.caller.notThisOne") : t("softphone.caller.pick")}</div>
          {bar.candidates
            .filter((c) => c.id !== chosen?.id)
            .map((c) => {
              const contact = c.contacts.find((p) => p.phones.includes(call.number))
              return (
                <button key={c.id} type="button" className="c-button c-button-secondary c-panel-call-choice" data-comptoir="caller-choice" data-customer-code={c.code} onClick={(e) => pick(e, c)}>
                  {c.company} · {c.code}
                  {contact ? ` · ${`${contact.firstName} ${contact.lastName}`.trim()}` : ""}
                </button>
              )
            })}
        </div>
      ) : null}
      {incoming && bar.candidates.length === 0 ? <p className="c-muted">{t("softphone.caller.unknown", { number: formatPhone(call.number, agentCountry) })}</p> : null}
    </section>
  )
}
