import * as z from "zod"

import { SipPublicSettings } from "~src/domain/telephony"

/**
 * Messages from the background to the offscreen document that holds the call (never from a page or a
 * content script: the offscreen document only obeys messages whose sender is the extension's background).
 */
export const OFFSCREEN_TARGET = "comptoir-softphone-offscreen"

const CallId = z.string().min(1).max(100)

export const OffscreenCommand = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("start"),
    provider: z.enum(["sip", "twilio"]),
    sip: SipPublicSettings.extend({ password: z.string().max(200) }).nullable(),
    twilio: z.object({ tokenUrl: z.string().max(400), sessionToken: z.string().max(2000) }).nullable(),
    devices: z.object({ inputDeviceId: z.string().max(200).nullable(), outputDeviceId: z.string().max(200).nullable() })
  }),
  z.object({ op: z.literal("stop") }),
  z.object({ op: z.literal("status") }),
  z.object({ op: z.literal("call"), number: z.string().min(2).max(40) }),
  z.object({ op: z.literal("answer"), callId: CallId }),
  z.object({ op: z.literal("decline"), callId: CallId }),
  z.object({ op: z.literal("hangup"), callId: CallId }),
  z.object({ op: z.literal("mute"), callId: CallId, muted: z.boolean() }),
  z.object({ op: z.literal("hold"), callId: CallId, onHold: z.boolean() }),
  z.object({ op: z.literal("dtmf"), callId: CallId, digits: z.string().regex(/^[0-9*#A-D]{1,32}$/) }),
  z.object({ op: z.literal("transfer"), callId: CallId, target: z.string().min(2).max(200) }),
  z.object({ op: z.literal("stats"), callId: CallId })
])
export type OffscreenCommand = z.infer<typeof OffscreenCommand>

export const OffscreenEnvelope = z.object({ target: z.literal(OFFSCREEN_TARGET), command: OffscreenCommand })

export type OffscreenReply = { ok: true; data: unknown } | { ok: false; error: string }
