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
  updatedAt: z.number()
})
export type SoftphoneView = z.infer<typeof SoftphoneView>
