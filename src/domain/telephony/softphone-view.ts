import * as z from "zod"

import { Customer } from "~src/domain/customers/customer.schema"

import { CallRecord } from "./call-record"
import { PhoneState } from "./phone-state"

/** Who is on the line: the customers holding the number (several: the agent picks one; none: "new customer"). */
export const CallerContext = z.object({
  callId: z.string().max(100),
  number: z.string().max(100),
  candidates: z.array(Customer).max(20),
  /** The customer the call is logged to: set at once when one customer holds the number, or by the picker. */
  customerId: z.string().max(100).nullable(),
  contactId: z.string().max(100).nullable()
})
export type CallerContext = z.infer<typeof CallerContext>

/** What every surface shows, published by the background in chrome.storage.session and returned by `softphone/state`. */
export const SoftphoneView = z.object({
  state: PhoneState,
  caller: CallerContext.nullable(),
  capabilities: z.object({ incoming: z.boolean(), hold: z.boolean(), dtmf: z.boolean(), transfer: z.boolean(), media: z.boolean() }),
  configured: z.boolean(),
  /** The last call logged (the outcome form opens on it). */
  lastCall: CallRecord.nullable(),
  updatedAt: z.number(),
  /**
   * When `state` was produced: the time of the offscreen document's report it comes from (its own clock,
   * strictly increasing), or of the background's own change. The dock also takes those reports straight from
   * the offscreen document; this says whether a publication's state is older than one it already shows.
   */
  stateAt: z.number().optional()
})
export type SoftphoneView = z.infer<typeof SoftphoneView>

/** What a surface shows: the last view published, and the newest state it has seen by either path. */
export interface ShownSoftphone {
  view: SoftphoneView | null
  latest: { state: PhoneState; at: number } | null
}

export const nothingShown: ShownSoftphone = { view: null, latest: null }

/**
 * A report straight from the offscreen document (one hop, before the background has looked up the caller and
 * published): its state is shown at once if it is newer than what is shown; the rest of the view waits for the
 * background's publication.
 */
export function withReport(shown: ShownSoftphone, report: { state: PhoneState; at: number }): ShownSoftphone {
  if (shown.latest && report.at <= shown.latest.at) return shown
  return { view: shown.view ? { ...shown.view, state: report.state } : null, latest: report }
}

/**
 * The background's publication: its caller, last call and settings are taken; its state only if it is not
 * older than a report already shown (the background publishes each report after the dock has had it: that
 * later publication must not move the call backwards, e.g. from "in-call" to "ringing-out").
 */
export function withPublished(shown: ShownSoftphone, view: SoftphoneView): ShownSoftphone {
  if (view.stateAt === undefined) return { view, latest: shown.latest }
  if (shown.latest && view.stateAt < shown.latest.at) return { view: { ...view, state: shown.latest.state }, latest: shown.latest }
  return { view, latest: { state: view.state, at: view.stateAt } }
}
