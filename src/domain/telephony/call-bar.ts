import * as z from "zod"

import { Customer } from "~src/domain/customers/customer.schema"

import { ActiveCall, RegistrationState, visibleState, type CallPhase } from "./phone-state"
import type { SoftphoneView } from "./softphone-view"

/**
 * What the page's panel is told of the softphone (issue #9: "the caller's card pops as soon as it rings, panel
 * on the active tab"): the state in one word, the call, and the customers holding the caller's number. Not the
 * last call's log, the capabilities nor the error's message: the panel answers, declines, hangs up and picks the
 * caller; the rest (keypad, transfer, the outcome form) stays in the extension's own pages.
 */
export const CallBar = z.object({
  state: z.enum(["idle", "registering", "registered", "reconnecting", "error", "ringing-in", "ringing-out", "in-call", "ended"]),
  /** The registration's own state, shown once an ended call has been on screen long enough. */
  registration: RegistrationState,
  configured: z.boolean(),
  call: ActiveCall.pick({
    id: true,
    direction: true,
    phase: true,
    number: true,
    displayName: true,
    muted: true,
    onHold: true,
    startedAt: true,
    answeredAt: true,
    endedAt: true,
    endReason: true
  }).nullable(),
  /** The customers holding the caller's number, while the call is on (none after it ended). */
  candidates: z.array(Customer).max(20),
  /** The one the call is logged to (one holder, or the agent's pick). */
  customerId: z.string().max(100).nullable(),
  /** The view's publication time: a page keeps the newest of what it was pushed and what it asked. */
  updatedAt: z.number()
})
export type CallBar = z.infer<typeof CallBar>

// The two lists must stay the same words: the panel's data-state is the dock's.
const _sameStates: CallBar["state"] extends RegistrationState | CallPhase ? true : never = true
void _sameStates

export function callBarOf(view: SoftphoneView): CallBar {
  const c = view.state.call
  const call = c
    ? {
        id: c.id,
        direction: c.direction,
        phase: c.phase,
        number: c.number,
        displayName: c.displayName,
        muted: c.muted,
        onHold: c.onHold,
        startedAt: c.startedAt,
        answeredAt: c.answeredAt,
        endedAt: c.endedAt,
        endReason: c.endReason
      }
    : null
  const caller = c && c.phase !== "ended" && view.caller?.callId === c.id ? view.caller : null
  return {
    state: visibleState(view.state),
    registration: view.state.registration,
    configured: view.configured,
    call,
    candidates: caller?.candidates ?? [],
    customerId: caller?.customerId ?? null,
    updatedAt: view.updatedAt
  }
}
