import { describe, expect, it } from "vitest"

import { initialPhoneState, transition } from "~src/domain/telephony"

import { requirePageOrThisCall } from "./guard"

const ready = transition(initialPhoneState, { type: "registered" }, 0)
const ringing = transition(ready, { type: "incoming", callId: "c1", number: "+33123456789" }, 1000).call
const talking = transition(transition(ready, { type: "incoming", callId: "c1", number: "+33123456789" }, 1000), { type: "answered", callId: "c1" }, 2000).call
const content = { sender: "content" as const, url: "https://crm.example.com/contacts/12" }

describe("what the page panel may do to a call", () => {
  it("answers only the call that is ringing, named by its id", () => {
    expect(() => requirePageOrThisCall(content, "c1", ringing, ["ringing-in"])).not.toThrow()
    expect(() => requirePageOrThisCall(content, "c2", ringing, ["ringing-in"])).toThrow("that call is not under way any more")
    expect(() => requirePageOrThisCall(content, "c1", talking, ["ringing-in"])).toThrow("the call is in-call")
    expect(() => requirePageOrThisCall(content, "c1", null, ["ringing-in"])).toThrow("that call is not under way any more")
  })

  it("leaves the extension's own pages unchecked (the dock acts on any call it shows)", () => {
    expect(() => requirePageOrThisCall({ sender: "page", url: "chrome-extension://x/popup.html" }, "c2", null, ["ringing-in"])).not.toThrow()
  })
})
