import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react"

import type { Customer } from "~src/domain/customers/customer.schema"

import { hangUpCall, placeCall, type CallRequest } from "./place-call"

/** How long a pressed call button keeps saying "Calling…" once the softphone took the call (its line shows it by then). */
export const CALLING_SHOWN_MS = 1500

/** A call pressed on this page: its number, its id once the softphone names it, whether Hang up came before the id. */
interface Press extends Who {
  readonly number: string
  callId: string | null
  hungUp: boolean
}

/**
 * For whom a call was pressed, as the press said it (never guessed from the number): the dock's heading names them
 * while the call is placed (placedHeading). `customer`: the customer's record when the presser had it in hand (a
 * card), so that the name comes with "Calling…"; else the dock reads it by `customerId`.
 */
interface Who {
  readonly customerId: string | null
  readonly contactId: string | null
  readonly customer: Customer | null
}

/** What a page's surfaces read of the call pressed there and not yet shown by the softphone. */
export interface PlacedCall extends Who {
  readonly number: string
  /** The call's id once the softphone took it: the surface that sees this call published stops saying "Calling…". */
  readonly callId: string | null
}

/**
 * One call being placed per page, whichever surface pressed it: the side panel's and the popup's cards press a call
 * that the dock beside them has not been told of (the softphone holds the call's first publication while it is set
 * up, outgoing-hold.ts), so the dock's heading said "Ready for calls" over it and its Call button dialled a second
 * call; the page panel's call line did the same under a card's "Calling…".
 */
let pressed: Press | null = null
let placed: PlacedCall | null = null
const watchers = new Set<() => void>()

function publish(p: Press | null): void {
  pressed = p
  placed = p ? { number: p.number, callId: p.callId, customerId: p.customerId, contactId: p.contactId, customer: p.customer } : null
  for (const w of watchers) w()
}
/** The press is over (taken by the softphone, refused, hung up): no surface says "Calling…" for it any more. */
function end(p: Press): void {
  if (pressed === p) publish(null)
}
function subscribe(watcher: () => void): () => void {
  watchers.add(watcher)
  return () => void watchers.delete(watcher)
}

/** The call being placed from this page, if any; a surface shows it until the softphone publishes that call. */
export function usePlacedCall(): PlacedCall | null {
  return useSyncExternalStore(subscribe, () => placed)
}

/** The number a surface says "Calling…" for: the call placed from this page while the softphone has not shown it. */
export function placingNumber(placedCall: PlacedCall | null, shown: { id: string } | null, live: boolean): string | null {
  if (!placedCall || live) return null
  return shown !== null && placedCall.callId === shown.id ? null : placedCall.number
}

function hangUpPress(p: Press): void {
  end(p)
  if (p.callId) void hangUpCall(p.callId)
  else p.hungUp = true
}

/**
 * A call button's own feedback, drawn by the page that was clicked, with no round trip: "Calling…" from the click,
 * the softphone's refusal in its place if it refuses. The softphone's own surfaces show the call a moment later
 * (the controller holds the call's first publication while the microphone opens: outgoing-hold.ts), so "Calling…"
 * comes with its own Hang up (`hangUp`): a wrong number clicked is hung up where it was clicked, at once. The press
 * is also the page's (`usePlacedCall`), so that every surface of the page says "Calling…" and dials no second call.
 */
export function useCallPress(): {
  calling: string | null
  error: string | null
  /** `customer`: the record of `req.customerId`, when the presser has it (a card): the dock names them at once. */
  press: (req: CallRequest, customer?: Customer) => void
  hangUp: () => void
  done: () => void
} {
  const [calling, setCalling] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** The call last pressed here. */
  const own = useRef<Press | null>(null)
  const press = useCallback((req: CallRequest, customer?: Customer) => {
    if (timer.current !== null) clearTimeout(timer.current)
    setError(null)
    setCalling(req.number)
    const customerId = req.customerId ?? null
    const mine: Press = {
      number: req.number,
      callId: null,
      hungUp: false,
      customerId,
      contactId: req.contactId ?? null,
      customer: customer !== undefined && customer.id === customerId ? customer : null
    }
    own.current = mine
    publish(mine)
    void placeCall(req).then((r) => {
      if (!r.ok) {
        end(mine)
        setCalling(null)
        setError(r.error ?? "")
        return
      }
      mine.callId = r.callId ?? null
      if (pressed === mine) publish(mine)
      // Hang up pressed while the softphone was still opening the microphone: the call goes now that it has an id.
      if (mine.hungUp && mine.callId) return void hangUpCall(mine.callId)
      timer.current = setTimeout(() => {
        end(mine)
        setCalling((n) => (n === req.number ? null : n))
      }, CALLING_SHOWN_MS)
    })
  }, [])
  /** Hangs up the call pressed here, else the one pressed elsewhere on the page that this surface says "Calling…" for. */
  const hangUp = useCallback(() => {
    const mine = own.current ?? pressed
    own.current = null
    setCalling(null)
    if (mine) hangUpPress(mine)
  }, [])
  /** The softphone shows the call on this very surface: its own line says the rest. */
  const done = useCallback(() => {
    setCalling(null)
    if (own.current) end(own.current)
    own.current = null
  }, [])
  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), [])
  return { calling, error, press, hangUp, done }
}
