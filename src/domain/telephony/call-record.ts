import * as z from "zod"

import { CallDirection, EndReason, ProviderKind, type ActiveCall } from "./phone-state"

/**
 * One call as logged: append-only (a correction is a new record). The call-outcome form adds its own record
 * pointing at `id`; this one only says what the phone saw.
 */
export const CallRecord = z.object({
  id: z.string().min(1).max(100),
  direction: CallDirection,
  number: z.string().max(100),
  provider: ProviderKind,
  /** The customer the call was logged to (chosen in the picker when several share the number); null: unknown. */
  customerId: z.string().max(100).nullable(),
  contactId: z.string().max(100).nullable(),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number(),
  /** Talk time (answer to hang-up); 0 for a call never answered. */
  durationMs: z.number().int().min(0),
  endReason: EndReason
})
export type CallRecord = z.infer<typeof CallRecord>

export function callRecordOf(
  call: ActiveCall,
  provider: ProviderKind,
  who: { customerId: string | null; contactId: string | null }
): CallRecord {
  if (call.phase !== "ended" || call.endedAt === null || call.endReason === null) throw new Error(`call ${call.id} has not ended`)
  return {
    id: call.id,
    direction: call.direction,
    number: call.number,
    provider,
    customerId: who.customerId,
    contactId: who.contactId,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationMs: call.answeredAt === null ? 0 : Math.max(0, Math.round(call.endedAt - call.answeredAt)),
    endReason: call.endReason
  }
}

/**
 * A call as the dock's history lists it: the record, and the customer it was logged to as the base names them
 * now (the record keeps ids only). Null names: an unknown caller, or a customer since deleted.
 */
export const HistoryCall = CallRecord.extend({
  company: z.string().max(300).nullable().default(null),
  contact: z.string().max(300).nullable().default(null)
})
export type HistoryCall = z.infer<typeof HistoryCall>

export function historyCallOf(
  record: CallRecord,
  customers: ReadonlyMap<string, { company: string; contacts: readonly { id: string; firstName: string; lastName: string }[] }>
): HistoryCall {
  const customer = record.customerId ? customers.get(record.customerId) : undefined
  const person = customer?.contacts.find((c) => c.id === record.contactId)
  const contact = person ? `${person.firstName} ${person.lastName}`.trim() : ""
  return { ...record, company: customer?.company || null, contact: contact || null }
}
