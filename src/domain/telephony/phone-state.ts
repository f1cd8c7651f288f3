import * as z from "zod"

/**
 * The softphone's state as every surface shows it, and the one pure function that moves it. Providers (SIP,
 * Twilio, the system dialer) only report events; what the agent sees follows from these rules alone.
 */

export const RegistrationState = z.enum(["idle", "registering", "registered", "reconnecting", "error"])
export type RegistrationState = z.infer<typeof RegistrationState>

export const CallPhase = z.enum(["ringing-in", "ringing-out", "in-call", "ended"])
export type CallPhase = z.infer<typeof CallPhase>

export const CallDirection = z.enum(["inbound", "outbound"])
export type CallDirection = z.infer<typeof CallDirection>

export const ProviderKind = z.enum(["sip", "twilio", "tel"])
export type ProviderKind = z.infer<typeof ProviderKind>

/** Why a call or a registration stopped, as a code the UI turns into words (`softphone.reason.<code>`). */
export const EndReason = z.enum([
  "hangup-local",
  "hangup-remote",
  "declined",
  "busy",
  "no-answer",
  "not-found",
  "cancelled",
  "failed",
  "handed-off",
  "transferred"
])
export type EndReason = z.infer<typeof EndReason>

export const ActiveCall = z.object({
  id: z.string().min(1).max(100),
  direction: CallDirection,
  /** E.164 when the number could be read as one; otherwise what the provider gave (a SIP user). */
  number: z.string().max(100),
  displayName: z.string().max(120).default(""),
  phase: CallPhase,
  muted: z.boolean(),
  onHold: z.boolean(),
  /** When the call was placed or started ringing. */
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endReason: EndReason.nullable()
})
export type ActiveCall = z.infer<typeof ActiveCall>

export const PhoneState = z.object({
  provider: ProviderKind.nullable(),
  registration: RegistrationState,
  /** Set with `registration: "error"` or `"reconnecting"`: a code for words (`softphone.error.<code>`) and the provider's own message. */
  error: z.object({ code: z.string().max(60), message: z.string().max(500) }).nullable(),
  call: ActiveCall.nullable(),
  /** Attempts since the connection was lost (reconnecting). */
  reconnectAttempt: z.number().int().min(0)
})
export type PhoneState = z.infer<typeof PhoneState>

export const initialPhoneState: PhoneState = { provider: null, registration: "idle", error: null, call: null, reconnectAttempt: 0 }

export type PhoneEvent =
  | { type: "register-requested"; provider: ProviderKind }
  | { type: "registered" }
  | { type: "registration-failed"; code: string; message: string }
  | { type: "connection-lost"; message: string }
  | { type: "reconnect-attempt" }
  | { type: "unregistered" }
  | { type: "outgoing"; callId: string; number: string; displayName?: string }
  | { type: "incoming"; callId: string; number: string; displayName?: string }
  /** The callee's phone rings (180 Ringing, or 183 with the network's tone): no change of state, but the news to publish. */
  | { type: "ringing"; callId: string }
  | { type: "answered"; callId: string }
  | { type: "muted"; callId: string; muted: boolean }
  | { type: "held"; callId: string; onHold: boolean }
  | { type: "ended"; callId: string; reason: EndReason }
  | { type: "cleared" }
  /** The browser is stopping the page that holds the provider (Firefox's event page): its registration goes with it. */
  | { type: "suspended" }

/** What `[data-comptoir="softphone"][data-state]` shows: the call when there is one, else the registration. */
export type VisibleState = RegistrationState | CallPhase

export function visibleState(s: PhoneState): VisibleState {
  return s.call ? s.call.phase : s.registration
}

/** Whether a call is under way (ringing or talking): a second call is refused meanwhile. */
export function callInProgress(s: PhoneState): boolean {
  return s.call !== null && s.call.phase !== "ended"
}

/**
 * The next state. Events that do not apply (an answer for another call, a mute while ringing, a second
 * incoming call during a call) leave the state as it is: providers report what they see, this decides.
 */
export function transition(s: PhoneState, e: PhoneEvent, now: number): PhoneState {
  switch (e.type) {
    case "register-requested":
      return { ...s, provider: e.provider, registration: "registering", error: null, reconnectAttempt: 0 }
    case "registered":
      return { ...s, registration: "registered", error: null, reconnectAttempt: 0 }
    // A finished call on screen gives way to a registration problem: the agent must see that calls cannot come in.
    case "registration-failed":
      return { ...s, registration: "error", error: { code: e.code, message: e.message }, call: s.call?.phase === "ended" ? null : s.call }
    case "connection-lost": {
      if (s.registration === "idle") return s
      // Never registered since the agent asked: the PBX was never reached (often a wrong address), which "the
      // connection was lost" would misreport as a setting that once worked. Either way the provider keeps trying.
      const code = s.registration === "registering" || (s.registration === "reconnecting" && s.error?.code === "unreachable") ? "unreachable" : "connection-lost"
      return { ...s, registration: "reconnecting", error: { code, message: e.message }, call: s.call?.phase === "ended" ? null : s.call }
    }
    case "reconnect-attempt":
      if (s.registration !== "reconnecting") return s
      return { ...s, reconnectAttempt: s.reconnectAttempt + 1 }
    case "unregistered":
      return { ...s, registration: "idle", error: null, reconnectAttempt: 0 }
    case "outgoing":
    case "incoming":
      if (callInProgress(s)) return s
      return {
        ...s,
        call: {
          id: e.callId,
          direction: e.type === "outgoing" ? "outbound" : "inbound",
          number: e.number,
          displayName: e.displayName ?? "",
          phase: e.type === "outgoing" ? "ringing-out" : "ringing-in",
          muted: false,
          onHold: false,
          startedAt: now,
          answeredAt: null,
          endedAt: null,
          endReason: null
        }
      }
    // "ringing-out" since the call was placed; what the callee's 180 changes is when the controller publishes it.
    case "ringing":
      return s
    case "answered":
      if (!s.call || s.call.id !== e.callId || (s.call.phase !== "ringing-in" && s.call.phase !== "ringing-out")) return s
      return { ...s, call: { ...s.call, phase: "in-call", answeredAt: now } }
    case "muted":
      if (!s.call || s.call.id !== e.callId || s.call.phase !== "in-call") return s
      return { ...s, call: { ...s.call, muted: e.muted } }
    case "held":
      if (!s.call || s.call.id !== e.callId || s.call.phase !== "in-call") return s
      return { ...s, call: { ...s.call, onHold: e.onHold } }
    case "ended":
      if (!s.call || s.call.id !== e.callId || s.call.phase === "ended") return s
      return { ...s, call: { ...s.call, phase: "ended", endedAt: now, endReason: e.reason, muted: false, onHold: false } }
    case "cleared":
      if (!s.call || s.call.phase !== "ended") return s
      return { ...s, call: null }
    // Nothing can ring until the page is started again (its next event; the minute's alarm at the latest), where
    // the normal registration takes over: "reconnecting", with why, rather than a "registered" no call reaches.
    // A call under way goes with the page (the controller ends it first, as failed); a finished one gives way.
    case "suspended":
      if (s.registration === "idle") return s
      return { ...s, registration: "reconnecting", error: { code: "suspended", message: "the browser stopped the background page" }, reconnectAttempt: 0, call: s.call?.phase === "ended" ? null : s.call }
  }
}

export { formatTimer, talkSeconds } from "./call-timer"
