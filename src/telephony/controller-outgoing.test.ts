import "fake-indexeddb/auto"

import { beforeEach, describe, expect, it, vi } from "vitest"

import { ComptoirDb } from "~src/db/database"
import { Customer } from "~src/domain/customers/customer.schema"
import { callHeading, initialPhoneState, SETTINGS_KEY, transition, type PhoneEvent, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

import { SoftphoneController } from "./controller"
import { OUTGOING_PUBLISH_AFTER_INVITE_MS } from "./outgoing-hold"
import type { HostReport } from "./provider-host"

/** The chrome APIs the controller's publication uses, in memory; `writes` counts the session storage writes. */
function fakeChrome() {
  const areas = { local: new Map<string, unknown>(), session: new Map<string, unknown>() }
  const writes = { session: 0 }
  const area = (m: Map<string, unknown>, name: "local" | "session") => ({
    get: async (key: string) => (m.has(key) ? { [key]: m.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      if (name === "session") writes.session += 1
      for (const [k, v] of Object.entries(items)) m.set(k, structuredClone(v))
    },
    remove: async (key: string) => void m.delete(key)
  })
  const badge: string[] = []
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    storage: { local: area(areas.local, "local"), session: area(areas.session, "session") },
    action: { setBadgeText: async ({ text }: { text: string }) => void badge.push(text), setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
    notifications: { create: async () => undefined, clear: async () => true },
    runtime: { getManifest: () => ({ icons: { "128": "icon128.png" } }), getURL: (p: string) => `chrome-extension://x/${p}`, sendMessage: async () => undefined }
  }
  return { areas, writes, badge }
}

const anne = Customer.parse({ id: "cu1", code: "C-001", company: "Société C-001", country: "FR", language: "fr", createdAt: 1, updatedAt: 1, contacts: [{ id: "cu1-p", firstName: "Anne", lastName: "Martin", phones: ["+33144319244"] }] })

describe("an outgoing call's first report, while the call is set up", () => {
  let chromeFake: ReturnType<typeof fakeChrome>
  let controller: SoftphoneController
  let report: HostReport
  let state: PhoneState
  let inviteSent: () => void
  /** The host's refusal of the call after reporting it (the microphone refused), if any. */
  let refusal: Error | null = null
  let published: SoftphoneView[] = []
  /** The commands the host was given. */
  let asked: string[] = []
  /** Other customers holding Anne's number. */
  let sharing: Customer[] = []
  /** The customers in the base, by id (Anne's and the sharing ones unless a test deletes one). */
  let deleted: string[] = []
  const send = async (e: PhoneEvent) => {
    state = transition(state, e, Date.now())
    await controller.report(state, e)
  }

  beforeEach(async () => {
    chromeFake = fakeChrome()
    chromeFake.areas.local.set(SETTINGS_KEY, { provider: "sip", sip: { websocketUrl: "ws://127.0.0.1:8088", uri: "sip:agent1@127.0.0.1" } })
    published = []
    asked = []
    sharing = []
    deleted = []
    refusal = null
    // The host as the offscreen document runs it: "outgoing" reported as the call is asked for, the command
    // answered once its INVITE is on the wire.
    controller = new SoftphoneController({
      db: new ComptoirDb(`outgoing-${Math.random()}`),
      customersByPhone: async (n) => [anne, ...sharing].filter((c) => !deleted.includes(c.id) && c.contacts.some((p) => p.phones.includes(n))),
      customerExists: async (id) => !deleted.includes(id),
      teamSession: async () => null,
      localHost: (r) => {
        report = r
        return {
          run: async (cmd) => {
            asked.push(cmd.op)
            if (cmd.op === "hangup") {
              // As sip.js cancels a call not yet answered: its "ended" comes from the host at once.
              const ended: PhoneEvent = { type: "ended", callId: cmd.callId, reason: "hangup-local" }
              state = transition(state, ended, Date.now())
              report(state, ended)
              return undefined
            }
            if (cmd.op !== "call") return { state: initialPhoneState }
            state = transition(state, { type: "outgoing", callId: "o1", number: cmd.number }, Date.now())
            report(state, { type: "outgoing", callId: "o1", number: cmd.number })
            if (refusal) throw refusal
            await new Promise<void>((resolve) => (inviteSent = resolve))
            return { callId: "o1" }
          },
          state: () => state,
          started: () => true,
          leave: () => undefined
        }
      }
    })
    state = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, Date.now())
    await send({ type: "registered" })
    const mine = published
    controller.onPublished((v) => mine.push(v))
  })

  const phases = () => published.map((v) => v.state.call?.phase ?? v.state.registration)

  it("publishes nothing while the microphone opens and the offer is made: the clicked button says Calling… itself", async () => {
    const call = controller.call("+33144319244", { customerId: "cu1", contactId: "cu1-p" })
    await new Promise((r) => setTimeout(r, 40))
    expect(published).toEqual([])
    expect(chromeFake.writes.session).toBe(1) // the registration's, before the call
    inviteSent()
    await call
  })

  it("publishes a call the PBX answers within the hold once, in call, with the card's customer", async () => {
    const call = controller.call("+33144319244", { customerId: "cu1", contactId: "cu1-p" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await call
    await send({ type: "answered", callId: "o1" })
    expect(phases()).toEqual(["in-call"])
    expect(published[0]!.caller).toMatchObject({ callId: "o1", number: "+33144319244", customerId: "cu1", contactId: "cu1-p" })
    expect(chromeFake.badge.at(-1)).not.toBe("")
  })

  it("names the one contact of the card's customer holding the number though another customer shares it, as the dock named them while placing", async () => {
    sharing = [Customer.parse({ ...anne, id: "cu2", code: "C-002", company: "Société C-002", contacts: [{ id: "cu2-p", firstName: "Paul", lastName: "Roux", phones: ["+33144319244"] }] })]
    const call = controller.call("+33144319244", { customerId: "cu1" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await call
    await send({ type: "answered", callId: "o1" })
    expect(published[0]!.caller).toMatchObject({ customerId: "cu1", contactId: "cu1-p" })
    expect(published[0]!.caller!.candidates).toHaveLength(2)
  })

  it("publishes a call refused within the hold once, ended with its reason, and logs it to the card's customer", async () => {
    const call = controller.call("+33144319244", { customerId: "cu1", contactId: "cu1-p" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await call
    await send({ type: "ended", callId: "o1", reason: "busy" })
    expect(phases()).toEqual(["ended"])
    expect(published[0]!.lastCall).toMatchObject({ id: "o1", endReason: "busy", customerId: "cu1", direction: "outbound" })
    await vi.waitFor(async () => expect(await controller.history(5)).toMatchObject([{ id: "o1", customerId: "cu1" }]))
  })

  describe("a call made again (Redial, the history) to one contact of a switchboard several contacts share", () => {
    const people = [
      { id: "p-marie", firstName: "Marie", lastName: "Dupont", phones: ["+33144319244"] },
      { id: "p-luc", firstName: "Luc", lastName: "Bernard", phones: ["+33144319244"] },
      { id: "p-ines", firstName: "Inès", lastName: "Roux", phones: ["+33144319244"] }
    ]
    /** Société X: its contacts `ids` on Anne's number (a switchboard it shares with her). */
    const societeX = (ids = ["p-marie", "p-luc", "p-ines"]) =>
      Customer.parse({ ...anne, id: "cu-x", code: "C-X", company: "Société X", contacts: people.filter((p) => ids.includes(p.id)) })
    /** Société X called again for `contactId`, answered then hung up: the view in call, and the call as logged. */
    const callAgain = async (contactId?: string) => {
      const call = controller.call("+33144319244", { customerId: "cu-x", ...(contactId ? { contactId } : {}) })
      await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
      inviteSent()
      await call
      await send({ type: "answered", callId: "o1" })
      const inCall = published.at(-1)!
      await send({ type: "ended", callId: "o1", reason: "hangup-local" })
      await vi.waitFor(async () => expect(await controller.history(5)).toHaveLength(1))
      return { heading: callHeading("o1", inCall.caller), logged: (await controller.history(5))[0]! }
    }

    it("names the contact the previous call was logged to, and logs the call to them again", async () => {
      sharing = [societeX()]
      const { heading, logged } = await callAgain("p-marie")
      expect(heading).toEqual({ contact: "Marie Dupont", company: "Société X" })
      expect(logged).toMatchObject({ customerId: "cu-x", contactId: "p-marie" })
    })

    it("names the company alone, and logs to no contact, when the previous call named none", async () => {
      sharing = [societeX()]
      const { heading, logged } = await callAgain()
      expect(heading).toEqual({ contact: null, company: "Société X" })
      expect(logged).toMatchObject({ customerId: "cu-x", contactId: null })
    })

    it("falls back to the company alone when that contact was deleted since, and never logs to a contact who is gone", async () => {
      sharing = [societeX(["p-luc", "p-ines"])]
      const { heading, logged } = await callAgain("p-marie")
      expect(heading).toEqual({ contact: null, company: "Société X" })
      expect(logged).toMatchObject({ customerId: "cu-x", contactId: null })
    })

    it("logs a call made again for a customer deleted since to whoever holds the number now, never to the one gone", async () => {
      sharing = [societeX()]
      deleted = ["cu-x"]
      const { heading, logged } = await callAgain("p-marie")
      // Anne alone holds the number now: the call is hers, named as hers, not Société X's nor Marie's.
      expect(heading).toEqual({ contact: "Anne Martin", company: "Société C-001" })
      expect(logged).toMatchObject({ customerId: "cu1", contactId: "cu1-p" })
    })

    it("keeps the customer the call was made for when they still exist but no longer hold the number", async () => {
      // (Société X moved its switchboard: the call was still placed for it, from its card or its last call.)
      const { logged } = await callAgain("p-marie")
      expect(logged).toMatchObject({ customerId: "cu-x", contactId: "p-marie" })
    })

    it("falls back to the number's only contact when the contact called before was deleted and one is left on it", async () => {
      sharing = [societeX(["p-luc"])]
      const { heading, logged } = await callAgain("p-marie")
      expect(heading).toEqual({ contact: "Luc Bernard", company: "Société X" })
      expect(logged).toMatchObject({ customerId: "cu-x", contactId: "p-luc" })
    })
  })

  it("shows a call still ringing as 'Calling…' everywhere soon after its INVITE is out", async () => {
    const call = controller.call("+33144319244", { customerId: "cu1" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await call
    const sent = Date.now()
    await vi.waitFor(() => expect(phases()).toEqual(["ringing-out"]))
    expect(Date.now() - sent).toBeGreaterThanOrEqual(OUTGOING_PUBLISH_AFTER_INVITE_MS - 5)
    expect(published[0]!.caller).toMatchObject({ callId: "o1", customerId: "cu1" })
    await send({ type: "answered", callId: "o1" })
    expect(phases()).toEqual(["ringing-out", "in-call"])
  })

  it("shows 'Calling…' everywhere as soon as the callee's phone rings (180), not when the hold runs out, and only once", async () => {
    const call = controller.call("+33144319244", { customerId: "cu1" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await call
    const sent = Date.now()
    await send({ type: "ringing", callId: "o1" })
    expect(phases()).toEqual(["ringing-out"])
    expect(Date.now() - sent).toBeLessThan(OUTGOING_PUBLISH_AFTER_INVITE_MS / 2)
    expect(published[0]!.caller).toMatchObject({ callId: "o1", customerId: "cu1" })
    // A second ringing (183 after 180), and the hold's own timer, publish nothing more.
    await send({ type: "ringing", callId: "o1" })
    await new Promise((r) => setTimeout(r, OUTGOING_PUBLISH_AFTER_INVITE_MS + 20))
    expect(phases()).toEqual(["ringing-out"])
    await send({ type: "answered", callId: "o1" })
    expect(phases()).toEqual(["ringing-out", "in-call"])
  })

  it("shows at once what was held when the call is refused before its INVITE (no microphone), then its end", async () => {
    refusal = new Error("Permission denied")
    await expect(controller.call("+33144319244", {})).rejects.toThrow("Permission denied")
    await vi.waitFor(() => expect(phases()).toEqual(["ringing-out"]))
    await send({ type: "ended", callId: "o1", reason: "failed" })
    expect(phases()).toEqual(["ringing-out", "ended"])
  })

  describe("a hang-up pressed at once (a wrong number clicked): Alt+Shift+A, or a page panel's", () => {
    const placed = async () => {
      const call = controller.call("+33144319244", { customerId: "cu1", contactId: "cu1-p" })
      await vi.waitFor(() => expect(asked).toContain("call"))
      return { call }
    }
    const endedOnce = async () => {
      await vi.waitFor(() => expect(phases()).toEqual(["ended"]))
      expect(published[0]!.lastCall).toMatchObject({ id: "o1", endReason: "hangup-local", customerId: "cu1", direction: "outbound" })
      // Nothing says it rings afterwards: the hold's time runs out with nothing left to publish.
      await new Promise((r) => setTimeout(r, OUTGOING_PUBLISH_AFTER_INVITE_MS + 50))
      expect(phases()).toEqual(["ended"])
    }

    it("a hang-up pressed while the outgoing call's first report is held ends the call and reports it ended", async () => {
      const { call } = await placed()
      inviteSent()
      await call
      await controller.answerOrHangup()
      expect(asked).toEqual(["call", "hangup"])
      await endedOnce()
    })

    it("a hang-up pressed before the call's INVITE is even out ends it too", async () => {
      const { call } = await placed()
      await controller.answerOrHangup()
      expect(asked).toEqual(["call", "hangup"])
      inviteSent()
      await call
      await endedOnce()
    })

    it("names the held call to the checks of what a page panel may do to it, as it will be published", async () => {
      const { call } = await placed()
      expect(await controller.callNow()).toMatchObject({ id: "o1", phase: "ringing-out", number: "+33144319244" })
      expect(published).toEqual([])
      inviteSent()
      await call
    })
  })

  // Issue #9: the second click on another number reached the host as a second INVITE; the phone state dropped its
  // report (a call under way already), so that callee's phone rang with nothing on screen to hang it up.
  it("refuses a second call while the first is being placed, before any INVITE", async () => {
    const first = controller.call("+33144319244", { customerId: "cu1" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    const second = controller.call("+33199000486", {}).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 20))
    expect(asked.filter((op) => op === "call")).toHaveLength(1)
    expect(String(await second)).toContain("a call is in progress")
    inviteSent()
    await first
  })

  it("refuses a second call while in a call, before any INVITE", async () => {
    const first = controller.call("+33144319244", { customerId: "cu1" })
    await vi.waitFor(() => expect(inviteSent).toBeTypeOf("function"))
    inviteSent()
    await first
    await send({ type: "answered", callId: "o1" })
    const second = controller.call("+33199000486", {}).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 20))
    expect(asked.filter((op) => op === "call")).toHaveLength(1)
    expect(String(await second)).toContain("a call is in progress")
  })
})
