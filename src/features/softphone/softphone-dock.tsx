import { memo, useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from "react"
import { useTranslation } from "react-i18next"

import { formatTimer, talkSeconds, visibleState, type ActiveCall, type CallRecord, type HistoryCall, type SoftphoneView } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"
import { send } from "~src/messaging/send"

import { CallOutcomeDock, type OutcomeCall } from "~src/features/call-outcome/outcome-dock"
import { formatDateTime, uiLang } from "~src/ui/dates"

import { CallerCard } from "./caller-card"

import { CallButton } from "./call-button"
import { callButtonState, underWayNumber } from "./call-under-way"
import { CallWho, Status } from "./softphone-status"
import { placingNumber, useCallPress, usePlacedCall } from "./use-call-press"
import { usePlacingHeading } from "./use-placing-heading"
import { CALL_SETUP_MOUNT_HOLD_MS, useCallHistory, useCallSetUp, useSoftphoneView } from "./use-softphone"

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"] as const

/** What a failed command said, without the message name the background's reply carries ("softphone/transfer: …"). */
const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/^softphone\/[a-z-]+: /, "")

/**
 * The softphone: state, dial pad, the call's controls, the caller's card and the call history. Mounted in the
 * popup, the softphone tab and (at merge) the side panel; every instance follows the same published state.
 */
export function SoftphoneDock({ agentCountry, beside }: { agentCountry: string; beside?: ReactNode }) {
  const view = useSoftphoneView()
  if (!view)
    return (
      <>
        <section className="c-softphone" data-comptoir="softphone" data-state="idle" />
        {beside}
      </>
    )
  return <Dock view={view} agentCountry={agentCountry} beside={beside} />
}

/**
 * `beside`: what runs beside the call (the side panel's call script). During a call it comes right under the
 * call's controls, before the caller's card, the keypad and the notes, so that in a narrow side panel the script's
 * current step and answers are in view without scrolling; otherwise after the dock.
 */
function Dock({ view, agentCountry, beside }: { view: SoftphoneView; agentCountry: string; beside?: ReactNode }) {
  const { t } = useTranslation()
  const [dialled, setDialled] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [transferTo, setTransferTo] = useState("")
  // Kept with its call's id: a refused transfer says so for that call only, never over the next one.
  const [transferError, setTransferError] = useState<{ callId: string; text: string } | null>(null)
  const state = visibleState(view.state)
  const call = view.state.call
  const live = call !== null && call.phase !== "ended"
  const history = useCallHistory(view.lastCall?.id ?? null)
  const setUp = useCallSetUp(call)
  // The caller's card is mounted once the set-up no longer needs the main thread (CALL_SETUP_MOUNT_HOLD_MS).
  const cardMounted = useCallSetUp(call, CALL_SETUP_MOUNT_HOLD_MS)
  const talking = call !== null && (call.phase === "in-call" || call.phase === "ringing-out")
  const besideFirst = beside !== undefined && talking
  // The outcome dock (the last call's form, "to log") follows the new call when its card comes, not before: until then
  // it stays as it was before the click, and its render is not on the main thread while the microphone opens.
  const outcomeNow = useOutcomeCall(call)
  const outcomeShown = useRef({ call: outcomeNow, caller: view.caller })
  // What the held outcome dock has not been shown live is still live to it (a busy call ends before the hold is over).
  const seenLive = useRef(new Set<string>())
  // So is a call that first shows here ended but came after the one this dock opened on: the background publishes an
  // outgoing call the network refuses within its set-up once, ended (outgoing-hold.ts); it was placed while this dock
  // was open, and its form opens with the network's outcome as for any call seen ringing.
  const openedOn = useRef(call?.id ?? null)
  if (call && (call.phase !== "ended" || call.id !== openedOn.current)) seenLive.current.add(call.id)
  if (cardMounted) outcomeShown.current = { call: outcomeNow, caller: view.caller }
  const { call: outcomeCall, caller: outcomeCaller } = outcomeShown.current

  // Stable, so that the memoised parts below (keypads, history, the outcome dock) are not rendered again at every
  // publication of the softphone's state (issue #9).
  const act = useCallback(
    (p: Promise<unknown>) =>
      void p.then(
        () => setError(null),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e))
      ),
    []
  )
  // "Calling…" drawn here at the press: the softphone publishes the call once it is on the wire (outgoing-hold.ts).
  const { error: callError, press, hangUp, done } = useCallPress()
  const dial = useCallback((req: Again) => press(req), [press])
  const callId = call?.id ?? null
  useEffect(() => done(), [callId, done])
  // Pressed here or on a card of this page (the side panel's, the popup's): the heading says it, and no second call
  // is dialled from the pad, Redial or the history while it is set up.
  const placed = usePlacedCall()
  const placing = placingNumber(placed, call, live)
  // Named from the press (a card's customer), in the in-call heading's words: nothing jumps when the call is reported.
  const placingWho = usePlacingHeading(placing === null ? null : placed)

  if (!view.configured) {
    return (
      <>
        <section className="c-softphone" data-comptoir="softphone" data-state={state}>
          <p className="c-muted">{t("softphone.dock.notConfigured")}</p>
          <button type="button" className="c-button c-button-secondary" onClick={() => void chrome.runtime.openOptionsPage()}>
            {t("softphone.dock.setUp")}
          </button>
        </section>
        {beside}
      </>
    )
  }
  const callerCard =
    view.caller && call && call.id === view.caller.callId && call.phase !== "ended" && cardMounted ? (
      <CallerCard caller={view.caller} agentCountry={agentCountry} holdData={!setUp} />
    ) : null

  return (
    <>
      <section className="c-softphone" data-comptoir="softphone" data-state={state} aria-live="polite">
        {placing !== null ? (
          <div className="c-softphone-status" data-comptoir="softphone-status" data-placing="">
            {placingWho ? <CallWho who={placingWho} /> : null}
            <strong>{t("softphone.state.ringing-out")}</strong>
            <span data-comptoir="softphone-number"> · {formatPhone(placing, agentCountry)}</span>
          </div>
        ) : (
          <Status view={view} state={state} agentCountry={agentCountry} />
        )}
        {view.state.error ? (
          <p className="c-error" data-comptoir="softphone-error">
            {t(`softphone.error.${view.state.error.code.startsWith("twilio-") ? "twilio" : view.state.error.code}`, {
              defaultValue: t("softphone.error.other")
            })}{" "}
            <span className="c-muted">({view.state.error.message})</span>
          </p>
        ) : null}
        {error !== null || callError !== null ? <p className="c-error">{error ?? (callError || "call failed")}</p> : null}
        {placing !== null ? (
          <div className="c-row">
            {/* Before the softphone publishes the call (outgoing-hold.ts): a wrong number is hung up here at once. */}
            <button type="button" className="c-button c-button-danger" data-comptoir="calling-hangup" onClick={hangUp}>
              {t("softphone.action.hangup")}
            </button>
          </div>
        ) : null}

        {besideFirst ? null : callerCard}

        {call?.phase === "ringing-in" ? (
          <div className="c-row">
            <button
              type="button"
              className="c-button"
              data-comptoir="answer"
              onClick={() => act(send("softphone/answer", { callId: call.id }))}>
              {t("softphone.action.answer")}
            </button>
            <button
              type="button"
              className="c-button c-button-danger"
              data-comptoir="decline"
              onClick={() => act(send("softphone/decline", { callId: call.id }))}>
              {t("softphone.action.decline")}
            </button>
          </div>
        ) : null}

        {live && call.phase !== "ringing-in" ? (
          <div className="c-row">
            <button
              type="button"
              className="c-button c-button-danger"
              data-comptoir="hangup"
              onClick={() => act(send("softphone/hangup", { callId: call.id }))}>
              {t("softphone.action.hangup")}
            </button>
            {call.phase === "in-call" && view.capabilities.media ? (
              <button
                type="button"
                className="c-button c-button-secondary"
                data-comptoir="mute"
                aria-pressed={call.muted}
                onClick={() => act(send("softphone/mute", { callId: call.id, muted: !call.muted }))}>
                {call.muted ? t("softphone.action.unmute") : t("softphone.action.mute")}
              </button>
            ) : null}
            {call.phase === "in-call" && view.capabilities.hold ? (
              <button
                type="button"
                className="c-button c-button-secondary"
                data-comptoir="hold"
                aria-pressed={call.onHold}
                onClick={() => act(send("softphone/hold", { callId: call.id, onHold: !call.onHold }))}>
                {call.onHold ? t("softphone.action.resume") : t("softphone.action.hold")}
              </button>
            ) : null}
          </div>
        ) : null}

        {besideFirst ? (
          <div className="c-softphone-beside" data-comptoir="softphone-beside">
            {beside}
          </div>
        ) : null}
        {besideFirst ? callerCard : null}

        {call?.phase === "in-call" && view.capabilities.dtmf ? <DtmfPad key={call.id} callId={call.id} act={act} /> : null}

        {call?.phase === "in-call" && view.capabilities.transfer ? (
          <form
            className="c-row"
            onSubmit={(e) => {
              e.preventDefault()
              if (!transferTo.trim()) return
              // A refused transfer leaves the customer with the agent: say that, not the message's plumbing.
              void send("softphone/transfer", { callId: call.id, target: transferTo.trim() }).then(
                () => setTransferError(null),
                (e: unknown) => setTransferError({ callId: call.id, text: t("softphone.dock.transferFailed", { detail: reasonOf(e) }) })
              )
            }}>
            <input
              className="c-search"
              name="transfer"
              // Short words in the field (the whole sentence was cut at the side panel's 400 px), all of them to read aloud.
              placeholder={t("softphone.dock.transferTo")}
              aria-label={t("softphone.dock.transferLabel")}
              value={transferTo}
              maxLength={200}
              onChange={(e) => setTransferTo(e.target.value)}
            />
            <button type="submit" className="c-button c-button-secondary" data-comptoir="transfer">
              {t("softphone.action.transfer")}
            </button>
          </form>
        ) : null}
        {/* Beside the transfer's field, where the agent looks, not at the dock's top (out of view in the popup). */}
        {transferError && call?.phase === "in-call" && call.id === transferError.callId ? (
          <TransferRefused text={transferError.text} />
        ) : null}

        {/* The outcome form opens here at hang-up; unsaved outcomes stay listed "to log" (issue #9). */}
        <CallOutcomeDock call={outcomeCall} lastCall={view.lastCall} caller={outcomeCaller} agentCountry={agentCountry} seenLive={seenLive} />

        {!live ? <Dialler dialled={dialled} setDialled={setDialled} last={history[0]} dial={dial} busy={placing !== null} /> : null}
        {history.length > 0 ? <CallHistory history={history} agentCountry={agentCountry} dial={dial} current={placing ?? underWayNumber(call)} /> : null}
      </section>
      {besideFirst ? null : beside}
    </>
  )
}

/**
 * The call as the outcome dock reads it: ringing out and in call are one stage to it (the "notes" button, the
 * form's owner), so the same object while the call is answered, muted or held, and the memoised dock is left alone.
 */
/**
 * A refused transfer, said where the agent looks and brought into view: the caller's card above may still grow (its
 * documents, its risk, read after the answer), which pushed the sentence below the window's edge (seen in a full e2e
 * run) while the agent waited for the customer to be handed over.
 */
function TransferRefused({ text }: { text: string }) {
  const said = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    said.current?.scrollIntoView?.({ block: "nearest" })
  }, [text])
  return (
    <p ref={said} className="c-error" data-comptoir="softphone-transfer-error" role="alert">
      {text}
    </p>
  )
}

function useOutcomeCall(call: ActiveCall | null): OutcomeCall | null {
  const stage = call === null ? null : call.phase === "ringing-out" || call.phase === "in-call" ? "talking" : call.phase
  const [id, direction, number, startedAt] = [call?.id, call?.direction, call?.number, call?.startedAt]
  return useMemo(
    () => (id === undefined || stage === null ? null : { id, phase: stage, direction: direction!, number: number!, startedAt: startedAt! }),
    [id, stage, direction, number, startedAt]
  )
}

/** Keyed by the call: the digits shown are this call's only. */
const DtmfPad = memo(function DtmfPad({ callId, act }: { callId: string; act: (p: Promise<unknown>) => void }) {
  const { t } = useTranslation()
  // What the line was given so far (a menu's choice, an extension), as a desk phone's display shows it: the last 24.
  const [sentDigits, setSentDigits] = useState("")
  return (
    <>
      <div className="c-keypad" data-comptoir="dtmf" role="group" aria-label={t("softphone.dock.keypad")}>
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className="c-button c-button-secondary"
            data-digit={k}
            onClick={() => {
              setSentDigits((d) => (d + k).slice(-24))
              act(send("softphone/dtmf", { callId, digits: k }))
            }}>
            {k}
          </button>
        ))}
      </div>
      <p className="c-muted c-dtmf-sent" data-comptoir="dtmf-sent" aria-live="polite">
        {sentDigits ? t("softphone.dock.dtmfSent", { digits: sentDigits }) : null}
      </p>
    </>
  )
})

/**
 * A number to call, with whom it is for when it is a call made again (Redial, the history): the previous call's
 * customer and contact, so that the heading names and the call is logged to the person last spoken to on a
 * switchboard several contacts share, not the company alone (the background checks the contact still holds it).
 */
type Again = { number: string; customerId?: string; contactId?: string }
type Dial = (again: Again) => void

/** The call `record` made again: its number, and the customer and contact it was logged to, if any. */
function again(record: Pick<CallRecord, "number" | "customerId" | "contactId">): Again {
  if (!record.customerId) return { number: record.number }
  return { number: record.number, customerId: record.customerId, ...(record.contactId ? { contactId: record.contactId } : {}) }
}

/**
 * The number field, "Call", "Redial" and the dial pad, between calls. `busy`: a call is being placed (its Hang up is
 * above): Call and Redial wait, a second press would have dialled a second call.
 */
const Dialler = memo(function Dialler({
  dialled,
  setDialled,
  last,
  dial,
  busy
}: {
  dialled: string
  setDialled: Dispatch<SetStateAction<string>>
  last: CallRecord | undefined
  dial: Dial
  busy: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <form
        className="c-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (dialled.trim() && !busy) void dial({ number: dialled.trim() })
        }}>
        <input
          className="c-search"
          name="dial"
          type="tel"
          inputMode="tel"
          data-comptoir="dial-input"
          placeholder={t("softphone.dock.dialPlaceholder")}
          aria-label={t("softphone.dock.dialPlaceholder")}
          maxLength={40}
          value={dialled}
          onChange={(e) => setDialled(e.target.value.replace(/[^0-9+*# ().-]/g, ""))}
        />
        <button type="submit" className="c-button" data-comptoir="dial" disabled={busy}>
          {t("softphone.action.call")}
        </button>
        {last ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="redial" disabled={busy} onClick={() => void dial(again(last))}>
            {t("softphone.action.redial")}
          </button>
        ) : null}
      </form>
      <div className="c-keypad" role="group" aria-label={t("softphone.dock.dialPad")}>
        {KEYS.map((k) => (
          <button key={k} type="button" className="c-button c-button-secondary" onClick={() => setDialled((d) => (d + k).slice(0, 40))}>
            {k}
          </button>
        ))}
      </div>
    </>
  )
})

/**
 * The device's last calls. A call nobody answered says why (missed, busy, no answer…) where a talk time would be:
 * "0:00" made a missed call look like any other. A call logged to a customer names them (company, contact), the
 * number in its tooltip: a list of numbers told the agent nothing. The number never breaks across lines in the
 * narrow side panel.
 */
export const CallHistory = memo(function CallHistory({
  history,
  agentCountry,
  dial,
  current = null
}: {
  history: HistoryCall[]
  agentCountry: string
  dial: Dial
  /** The number of the call being placed or under way: its rows say it is the one, the others' Call is off. */
  current?: string | null
}) {
  const { t, i18n } = useTranslation()
  return (
    <details className="c-call-history" data-comptoir="call-history">
      <summary>{t("softphone.history.title")}</summary>
      <ul>
        {history.map((h) => (
          <li key={h.id} data-comptoir="call-history-item" data-direction={h.direction} data-end-reason={h.endReason}>
            {/* One flex item beside the button, wrapping as text: as several, a customer's name squeezed the date and
                talk time into a column of their own. */}
            <span className="c-call-history-what">
              <span>{h.direction === "inbound" ? "↙" : "↗"} </span>
              {h.company ? (
                <span data-comptoir="call-history-who" title={formatPhone(h.number, agentCountry)}>
                  <strong>{h.company}</strong>
                  {h.contact ? <span> · {h.contact}</span> : null}
                </span>
              ) : (
                <span className="c-nowrap">{formatPhone(h.number, agentCountry)}</span>
              )}
              {/* A line may end with "·", never start with one. */}
              <span className="c-muted">
                {"\u00a0· "}
                <span className="c-nowrap">{formatDateTime(h.startedAt, uiLang(i18n.language))}</span>
                {"\u00a0· "}
                {h.answeredAt === null ? (
                  <span className={h.direction === "inbound" ? "c-error" : undefined} data-comptoir="call-history-reason">
                    {t(`softphone.reason.${h.endReason}`)}
                  </span>
                ) : (
                  formatTimer(talkSeconds(h, h.endedAt))
                )}
              </span>
            </span>
            <CallButton number={h.number} state={callButtonState(h.number, current)} className="c-button c-button-secondary" onCall={() => void dial(again(h))}>
              {t("softphone.action.call")}
            </CallButton>
          </li>
        ))}
      </ul>
    </details>
  )
})
