import { createContext, useContext } from "react"

import { usePlacedCall } from "./use-call-press"

/**
 * The number of the call under way (ringing in or out, in call) as this surface knows it, else null: the extension's
 * pages read it from the softphone's view (CallUnderWayFromSoftphone), a web page's panel from the call bar it was
 * pushed (panel-call.tsx). No zod here: the customer card that reads it is part of the content script.
 */
export const CallUnderWay = createContext<string | null>(null)

/** The last nine digits: "+33 1 44 31 92 44", "0144319244" and "+33144319244" are one number. */
const digitsOf = (n: string): string => n.replace(/\D/g, "").slice(-9)
export const sameNumber = (a: string, b: string): boolean => digitsOf(a) !== "" && digitsOf(a) === digitsOf(b)

/**
 * What a call button for `number` is: "free" (no call), "this-call" (the call being placed or under way is to this
 * number: it says so, and dials nothing more) or "busy" (another number's call is on: off, and says why). Issue #9:
 * a second click started a second call the softphone never showed, while the first went on.
 */
export type CallButtonState = "free" | "this-call" | "busy"

export function callButtonState(number: string, current: string | null): CallButtonState {
  if (current === null) return "free"
  return sameNumber(current, number) ? "this-call" : "busy"
}

/** The number a call is being placed to from this page, else the call under way's: what the page's call buttons wait for. */
export function useCurrentCallNumber(): string | null {
  const placed = usePlacedCall()
  const underWay = useContext(CallUnderWay)
  return placed?.number ?? underWay
}

/** A call button's state for `number` on this page. */
export function useCallButton(number: string): CallButtonState {
  return callButtonState(number, useCurrentCallNumber())
}

/** The i18n key of the title a call button takes while a call is on ("Un appel est en cours"), else null. */
export function callButtonTitleKey(state: CallButtonState): string | null {
  return state === "busy" ? "softphone.callButton.busy" : state === "this-call" ? "softphone.callButton.thisCall" : null
}

/** The number of a call not ended (ringing in or out, in call), else null. */
export function underWayNumber(call: { phase: string; number: string } | null | undefined): string | null {
  return call && call.phase !== "ended" ? call.number : null
}
