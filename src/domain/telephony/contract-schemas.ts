import * as z from "zod"

import { EndReason, ProviderKind } from "./phone-state"

export { CallBar } from "./call-bar"
export { CallRecord, HistoryCall } from "./call-record"
export { PhoneState } from "./phone-state"
export { SoftphoneView } from "./softphone-view"
export { SoftphoneSettings } from "./settings"

const CallId = z.string().min(1).max(100)

/** PhoneEvent as a schema: the offscreen document's reports are validated like any message. */
export const PhoneEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("register-requested"), provider: ProviderKind }),
  z.object({ type: z.literal("registered") }),
  z.object({ type: z.literal("registration-failed"), code: z.string().max(60), message: z.string().max(500) }),
  z.object({ type: z.literal("connection-lost"), message: z.string().max(500) }),
  z.object({ type: z.literal("reconnect-attempt") }),
  z.object({ type: z.literal("unregistered") }),
  z.object({ type: z.literal("outgoing"), callId: CallId, number: z.string().max(100), displayName: z.string().max(120).optional() }),
  z.object({ type: z.literal("incoming"), callId: CallId, number: z.string().max(100), displayName: z.string().max(120).optional() }),
  z.object({ type: z.literal("ringing"), callId: CallId }),
  z.object({ type: z.literal("answered"), callId: CallId }),
  z.object({ type: z.literal("muted"), callId: CallId, muted: z.boolean() }),
  z.object({ type: z.literal("held"), callId: CallId, onHold: z.boolean() }),
  z.object({ type: z.literal("ended"), callId: CallId, reason: EndReason }),
  z.object({ type: z.literal("cleared") }),
  z.object({ type: z.literal("suspended") })
])
