import { describe, expect, it, vi } from "vitest"

import { initialPhoneState } from "~src/domain/telephony"
import { createDispatcher } from "~src/messaging/handler"

import { createHostHandlers, isHostEntry } from "./host-handlers"
import type { OffscreenCommand } from "./offscreen-protocol"
import type { ProviderHost } from "./provider-host"

/** A provider host that records its commands and answers a call with an id. */
function fakeHost(started = true) {
  const commands: OffscreenCommand[] = []
  const host: ProviderHost = {
    run: async (cmd) => (commands.push(cmd), cmd.op === "call" ? { callId: "c1" } : {}),
    state: () => initialPhoneState,
    started: () => started
  }
  return { host, commands }
}

describe("a card's click-to-call at the provider host (softphone/dial)", () => {
  it("places the call where it runs, with the customer the click named for the background to check", async () => {
    const { host, commands } = fakeHost()
    const dispatch = createDispatcher(createHostHandlers(host))
    const reply = await dispatch({ type: "softphone/dial", payload: { number: "+33 1 44 31 92 44", customerId: "cu1", contactId: "cu1-p" } }, { sender: "content" })
    expect(reply).toEqual({ ok: true, data: { ok: true, callId: "c1" } })
    expect(commands).toEqual([{ op: "call", number: "+33 1 44 31 92 44", dialled: { number: "+33 1 44 31 92 44", customerId: "cu1", contactId: "cu1-p", check: true } }])
  })

  it("trusts the customer an extension page names (the dock's dial pad), as softphone/call does", async () => {
    const { host, commands } = fakeHost()
    await createDispatcher(createHostHandlers(host))({ type: "softphone/dial", payload: { number: "+33144319244", customerId: "cu1" } }, { sender: "page" })
    expect(commands[0]).toMatchObject({ dialled: { customerId: "cu1", contactId: null, check: false } })
  })

  it("refuses a page's star or hash code, and places nothing", async () => {
    const { host, commands } = fakeHost()
    const reply = await createDispatcher(createHostHandlers(host))({ type: "softphone/dial", payload: { number: "*72 0612345678" } }, { sender: "content" })
    expect(reply).toEqual({ ok: true, data: { ok: false, error: "a page may only ask for a call to a phone number" } })
    expect(commands).toEqual([])
  })

  it("answers 'unhosted' when no softphone is started there, for the caller to ask the background", async () => {
    const { host, commands } = fakeHost(false)
    const reply = await createDispatcher(createHostHandlers(host))({ type: "softphone/dial", payload: { number: "+33144319244" } }, { sender: "content" })
    expect(reply).toEqual({ ok: true, data: { ok: false, unhosted: true } })
    expect(commands).toEqual([])
  })

  it("refuses a malformed or invalid message and logs it, like the background's dispatcher", async () => {
    const { host, commands } = fakeHost()
    const warn = vi.fn()
    const dispatch = createDispatcher(createHostHandlers(host), { warn })
    expect(await dispatch({ type: "softphone/dial" }, { sender: "content" })).toMatchObject({ ok: false })
    expect(await dispatch({ type: "softphone/dial", payload: { number: "<script>" } }, { sender: "content" })).toMatchObject({ ok: false, error: expect.stringMatching(/not a phone number/) })
    expect(await dispatch({ type: "softphone/hangup", payload: { callId: "c1" } }, { sender: "page" })).toMatchObject({ ok: false, error: "unknown message softphone/hangup" })
    expect(warn).toHaveBeenCalledTimes(3)
    expect(commands).toEqual([])
  })

  it("tells its own entries from the rest before any parsing", () => {
    expect(isHostEntry({ type: "softphone/dial", payload: {} })).toBe(true)
    expect(isHostEntry({ type: "softphone/call", payload: {} })).toBe(false)
    expect(isHostEntry({ target: "comptoir-softphone-offscreen" })).toBe(false)
    expect(isHostEntry(null)).toBe(false)
  })
})
