import { describe, expect, it } from "vitest"

import { callRecordOf } from "./call-record"
import { numberFromSipUser, sipTargetFor } from "./dial-target"
import { formatTimer, initialPhoneState, talkSeconds, transition, visibleState, type PhoneEvent, type PhoneState } from "./phone-state"

function run(events: [PhoneEvent, number][], from: PhoneState = initialPhoneState): PhoneState {
  return events.reduce((s, [e, at]) => transition(s, e, at), from)
}

const registered = run([
  [{ type: "register-requested", provider: "sip" }, 0],
  [{ type: "registered" }, 10]
])

describe("the softphone state", () => {
  it("goes from idle to registering to registered", () => {
    const s = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0)
    expect(visibleState(s)).toBe("registering")
    expect(visibleState(transition(s, { type: "registered" }, 1))).toBe("registered")
  })

  it("says in words why a registration failed", () => {
    const s = run([[{ type: "registration-failed", code: "auth", message: "401 Unauthorized" }, 5]], registered)
    expect(visibleState(s)).toBe("error")
    expect(s.error).toEqual({ code: "auth", message: "401 Unauthorized" })
  })

  it("says reconnecting, and why, when the browser stops the page holding the provider; a call still up stays for the controller to end", () => {
    const s = transition(registered, { type: "suspended" }, 20)
    expect(visibleState(s)).toBe("reconnecting")
    expect(s.error?.code).toBe("suspended")
    expect(transition(initialPhoneState, { type: "suspended" }, 20)).toEqual(initialPhoneState)
    const ringing = transition(registered, { type: "incoming", callId: "k", number: "+33144319244" }, 15)
    expect(transition(ringing, { type: "suspended" }, 20).call?.phase).toBe("ringing-in")
    const ended = run([[{ type: "ended", callId: "k", reason: "cancelled" }, 18]], ringing)
    expect(visibleState(transition(ended, { type: "suspended" }, 20))).toBe("reconnecting")
  })

  it("shows reconnecting after a lost connection, counts attempts, and is registered again once back", () => {
    let s = run([[{ type: "connection-lost", message: "WebSocket closed" }, 20]], registered)
    expect(visibleState(s)).toBe("reconnecting")
    expect(s.error?.code).toBe("connection-lost")
    s = run(
      [
        [{ type: "reconnect-attempt" }, 21],
        [{ type: "reconnect-attempt" }, 22]
      ],
      s
    )
    expect(s.reconnectAttempt).toBe(2)
    s = transition(s, { type: "registered" }, 30)
    expect(visibleState(s)).toBe("registered")
    expect(s.reconnectAttempt).toBe(0)
    expect(s.error).toBeNull()
  })

  it("says a PBX never reached apart from a connection lost, through every retry, until it registers", () => {
    const asked = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0)
    let s = run(
      [
        [{ type: "connection-lost", message: "WebSocket closed wss://127.0.0.1:9/ws (code: 1006)" }, 1],
        [{ type: "reconnect-attempt" }, 2],
        [{ type: "connection-lost", message: "WebSocket closed wss://127.0.0.1:9/ws (code: 1006)" }, 3]
      ],
      asked
    )
    expect(visibleState(s)).toBe("reconnecting")
    expect(s.error?.code).toBe("unreachable")
    s = run(
      [
        [{ type: "registered" }, 10],
        [{ type: "connection-lost", message: "WebSocket closed" }, 20]
      ],
      s
    )
    expect(s.error?.code).toBe("connection-lost")
  })

  it("shows a lost connection rather than the last call's end, and keeps a call under way on screen", () => {
    const ended = run(
      [
        [{ type: "outgoing", callId: "c1", number: "+33100000001" }, 0],
        [{ type: "ended", callId: "c1", reason: "hangup-local" }, 5]
      ],
      registered
    )
    expect(visibleState(transition(ended, { type: "connection-lost", message: "closed" }, 6))).toBe("reconnecting")
    const talking = run(
      [
        [{ type: "outgoing", callId: "c2", number: "+33100000001" }, 0],
        [{ type: "answered", callId: "c2" }, 1]
      ],
      registered
    )
    expect(visibleState(transition(talking, { type: "connection-lost", message: "closed" }, 6))).toBe("in-call")
  })

  it("ignores a lost connection while nothing was registered", () => {
    expect(transition(initialPhoneState, { type: "connection-lost", message: "x" }, 0)).toBe(initialPhoneState)
  })

  it("rings out, counts talk time from the answer, and ends", () => {
    let s = run([[{ type: "outgoing", callId: "c1", number: "+33144319244" }, 100]], registered)
    expect(visibleState(s)).toBe("ringing-out")
    s = transition(s, { type: "answered", callId: "c1" }, 1100)
    expect(visibleState(s)).toBe("in-call")
    expect(talkSeconds(s.call!, 8200)).toBe(7)
    s = transition(s, { type: "ended", callId: "c1", reason: "hangup-local" }, 10100)
    expect(visibleState(s)).toBe("ended")
    expect(talkSeconds(s.call!, 99999)).toBe(9)
  })

  it("mutes and holds only during a call, and forgets both at the end", () => {
    let s = run([[{ type: "incoming", callId: "c2", number: "+33144319244" }, 0]], registered)
    expect(transition(s, { type: "muted", callId: "c2", muted: true }, 1)).toBe(s)
    s = run(
      [
        [{ type: "answered", callId: "c2" }, 2],
        [{ type: "muted", callId: "c2", muted: true }, 3],
        [{ type: "held", callId: "c2", onHold: true }, 4]
      ],
      s
    )
    expect(s.call).toMatchObject({ muted: true, onHold: true })
    s = transition(s, { type: "ended", callId: "c2", reason: "hangup-remote" }, 5)
    expect(s.call).toMatchObject({ muted: false, onHold: false, phase: "ended" })
  })

  it("keeps the first call when a second one rings meanwhile", () => {
    const s = run([[{ type: "incoming", callId: "c1", number: "+33100000001" }, 0]], registered)
    expect(transition(s, { type: "incoming", callId: "c2", number: "+33100000002" }, 1)).toBe(s)
    expect(transition(s, { type: "answered", callId: "c2" }, 1)).toBe(s)
  })

  it("ends a call once: a late second end changes nothing", () => {
    const s = run(
      [
        [{ type: "outgoing", callId: "c1", number: "+33100000001" }, 0],
        [{ type: "ended", callId: "c1", reason: "busy" }, 5]
      ],
      registered
    )
    expect(transition(s, { type: "ended", callId: "c1", reason: "hangup-local" }, 9)).toBe(s)
    expect(s.call?.endReason).toBe("busy")
  })

  it("shows the registration again once an ended call is cleared, and a new call may start after an end", () => {
    const ended = run(
      [
        [{ type: "outgoing", callId: "c1", number: "+33100000001" }, 0],
        [{ type: "ended", callId: "c1", reason: "no-answer" }, 5]
      ],
      registered
    )
    expect(visibleState(transition(ended, { type: "cleared" }, 6))).toBe("registered")
    expect(visibleState(transition(ended, { type: "outgoing", callId: "c3", number: "+33100000003" }, 6))).toBe("ringing-out")
  })

  it("formats the timer as a clock", () => {
    expect(formatTimer(7)).toBe("0:07")
    expect(formatTimer(750)).toBe("12:30")
    expect(formatTimer(3723)).toBe("1:02:03")
  })
})

describe("the call record", () => {
  it("takes talk time from answer to hang-up, and 0 for a call never answered", () => {
    const answered = run(
      [
        [{ type: "outgoing", callId: "c1", number: "+33144319244" }, 1000],
        [{ type: "answered", callId: "c1" }, 1500],
        [{ type: "ended", callId: "c1", reason: "hangup-local" }, 4500]
      ],
      registered
    ).call!
    expect(callRecordOf(answered, "sip", { customerId: "cu1", contactId: null })).toMatchObject({
      direction: "outbound",
      startedAt: 1000,
      durationMs: 3000,
      customerId: "cu1"
    })
    const missed = run(
      [
        [{ type: "incoming", callId: "c2", number: "+33144319244" }, 1000],
        [{ type: "ended", callId: "c2", reason: "cancelled" }, 4000]
      ],
      registered
    ).call!
    expect(callRecordOf(missed, "sip", { customerId: null, contactId: null }).durationMs).toBe(0)
  })

  it("refuses to log a call still under way", () => {
    const ringing = run([[{ type: "outgoing", callId: "c1", number: "+33144319244" }, 0]], registered).call!
    expect(() => callRecordOf(ringing, "sip", { customerId: null, contactId: null })).toThrow(/not ended/)
  })
})

describe("dial targets", () => {
  it("keeps E.164's plus and drops the spaces and dots of a written number", () => {
    expect(sipTargetFor("+33 1 44 31 92 44", "pbx.example")).toBe("sip:+33144319244@pbx.example")
    expect(sipTargetFor("01.44.31.92.44", "127.0.0.1")).toBe("sip:0144319244@127.0.0.1")
  })
  it("refuses what cannot be dialled", () => {
    expect(() => sipTargetFor("hello", "x")).toThrow(/not a dialable/)
  })
  it("reads a caller's E.164 number from a SIP user, and keeps any other user as it is", () => {
    expect(numberFromSipUser("%2B33144319244")).toBe("+33144319244")
    expect(numberFromSipUser("echo")).toBe("echo")
  })
})
