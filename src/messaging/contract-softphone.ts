import * as z from "zod"

import {
  CallBar,
  HistoryCall,
  PhoneEvent as PhoneEventSchema,
  PhoneState,
  SoftphoneSettings as SoftphoneSettingsSchema,
  SoftphoneView
} from "~src/domain/telephony/contract-schemas"

const Ok = z.object({ ok: z.literal(true) })

/**
 * The customer a click-to-call named, carried by the softphone's document with the call's "outgoing" report when the
 * click reached it directly (`softphone/dial`); `check`: it came from a content script, so the background keeps
 * it only if that customer holds the number (as `softphone/call` does).
 */
export const DialledClaim = z.object({
  number: z.string().min(2).max(40),
  customerId: z.string().max(100).nullable(),
  contactId: z.string().max(100).nullable(),
  check: z.boolean()
})
export type DialledClaim = z.infer<typeof DialledClaim>

/** A call to a number, and the customer (and contact) it is for when a card placed it. */
const CallRequest = z.object({
  number: z
    .string()
    .min(2)
    .max(40)
    .regex(/^\+?[0-9 ().*#-]+$/, "not a phone number"),
  customerId: z.string().max(100).optional(),
  contactId: z.string().max(100).optional()
})

/**
 * The softphone's messages (issue #9). Part of the one contract (`contract.ts` spreads them in); their senders are
 * declared there. What content scripts may send is in `senders`, and checked again in the handlers.
 */
export const softphoneContract = {
  /** Places a call; from the card, the page panel, the dial pad or the call history. */
  "softphone/call": {
    request: CallRequest,
    response: z.object({ ok: z.boolean(), callId: z.string().optional(), error: z.string().optional() })
  },
  /**
   * Click-to-call from a page's card, answered by the softphone's own document (Chrome's offscreen document,
   * Firefox's event page) without the service worker between: one hop instead of two. `unhosted`: no softphone
   * is started there; the caller then asks `softphone/call`, as it does when nothing answers (no offscreen document).
   */
  "softphone/dial": {
    request: CallRequest,
    response: z.object({ ok: z.boolean(), callId: z.string().optional(), error: z.string().optional(), unhosted: z.boolean().optional() })
  },
  "softphone/state": { request: z.object({}), response: SoftphoneView },
  /** The page panel's part of the state: the call and its caller's customers (the background also pushes it to the active tab). */
  "softphone/bar": { request: z.object({}), response: CallBar },
  "softphone/answer": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/decline": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/hangup": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/mute": { request: z.object({ callId: z.string().min(1).max(100), muted: z.boolean() }), response: Ok },
  "softphone/hold": { request: z.object({ callId: z.string().min(1).max(100), onHold: z.boolean() }), response: Ok },
  "softphone/dtmf": {
    request: z.object({ callId: z.string().min(1).max(100), digits: z.string().regex(/^[0-9*#A-D]{1,32}$/) }),
    response: Ok
  },
  "softphone/transfer": { request: z.object({ callId: z.string().min(1).max(100), target: z.string().min(2).max(200) }), response: Ok },
  /** The incoming call's customer, chosen in the picker (several customers share the number). */
  "softphone/assign": {
    request: z.object({
      callId: z.string().min(1).max(100),
      customerId: z.string().min(1).max(100),
      contactId: z.string().max(100).nullable().default(null)
    }),
    response: Ok
  },
  /** Audio counters of the call under way (call quality; the end-to-end tests read inbound bytes here). */
  "softphone/stats": {
    request: z.object({}),
    response: z.object({
      bytesReceived: z.number(),
      packetsReceived: z.number(),
      bytesSent: z.number(),
      packetsSent: z.number(),
      codec: z.string().nullable(),
      roundTripTimeMs: z.number().nullable(),
      audioEnergySent: z.number().nullable().optional()
    })
  },
  /** The settings without the SIP password (only whether one is stored). */
  "softphone/settings": { request: z.object({}), response: z.object({ settings: SoftphoneSettingsSchema, hasPassword: z.boolean() }) },
  /** Saves the settings; the password (when given) goes to the extension's IndexedDB, never chrome.storage. Registers again. */
  "softphone/configure": {
    request: z.object({ settings: SoftphoneSettingsSchema, password: z.string().max(200).optional() }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  /** Calls of this device, newest first, with the names of the customer each was logged to (the dock's history). */
  "softphone/history": {
    request: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    response: z.object({ calls: z.array(HistoryCall) })
  },
  /** From the offscreen document only: the state after each provider event. */
  "softphone/report": {
    request: z.object({ state: PhoneState, event: PhoneEventSchema.nullable(), dialled: DialledClaim.optional() }),
    response: Ok
  }
}
