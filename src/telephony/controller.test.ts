import "fake-indexeddb/auto"

import { beforeEach, describe, expect, it, vi } from "vitest"

import { ComptoirDb } from "~src/db/database"
import { Customer } from "~src/domain/customers/customer.schema"
import { initialPhoneState, SETTINGS_KEY, transition, type PhoneEvent, type PhoneState } from "~src/domain/telephony"

import { SoftphoneController } from "./controller"
import type { HostReport } from "./provider-host"

/** The few chrome APIs the controller's report path uses, in memory. */
function fakeChrome() {
  const areas = { local: new Map<string, unknown>(), session: new Map<string, unknown>() }
  const area = (m: Map<string, unknown>) => ({
    get: async (key: string) => (m.has(key) ? { [key]: m.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) m.set(k, structuredClone(v))
    }
  })
  const notifications: string[] = []
  const badge: string[] = []
  const g = globalThis as unknown as { chrome: unknown }
  g.chrome = {
    storage: { local: area(areas.local), session: area(areas.session) },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined
    },
    notifications: {
      create: async (_id: string, o: { title: string }) => void notifications.push(o.title),
      clear: async () => true
    },
    runtime: { getManifest: () => ({ icons: { "128": "icon128.png" } }), getURL: (p: string) => `chrome-extension://x/${p}` }
  }
  return { areas, notifications, badge }
}

const customer = (id: string, code: string, phone: string) =>
  Customer.parse({ id, code, company: `Société ${code}`, country: "FR", language: "fr", createdAt: 1, updatedAt: 1, contacts: [{ id: `${id}-p`, firstName: "Anne", lastName: "Martin", phones: [phone] }] })

describe("the softphone controller's call log", () => {
  let chromeFake: ReturnType<typeof fakeChrome>
  let controller: SoftphoneController
  let db: ComptoirDb
  const base = [customer("cu1", "C-001", "+33144319244"), customer("cu2", "C-002", "+33155550000"), customer("cu3", "C-003", "+33155550000")]

  beforeEach(async () => {
    chromeFake = fakeChrome()
    chromeFake.areas.local.set(SETTINGS_KEY, { provider: "sip", sip: { websocketUrl: "ws://127.0.0.1:8088", uri: "sip:agent1@127.0.0.1" } })
    db = new ComptoirDb(`controller-${Math.random()}`)
    controller = new SoftphoneController({
      db,
      customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
      teamSession: async () => null
    })
  })

  /** Plays events the way the offscreen document reports them: the state after each, with the event. */
  async function play(events: PhoneEvent[], from: PhoneState = initialPhoneState): Promise<PhoneState> {
    let s = from
    let t = 1000
    for (const e of events) {
      t += 1000
      s = transition(s, e, t)
      await controller.report(s, e)
    }
    return s
  }

  it("pops the one customer holding an incoming number, and logs the call once to them", async () => {
    const s = await play([{ type: "register-requested", provider: "sip" }, { type: "registered" }, { type: "incoming", callId: "k1", number: "+33144319244" }])
    expect((await controller.view()).caller).toMatchObject({ callId: "k1", customerId: "cu1", contactId: "cu1-p" })
    expect(chromeFake.notifications).toEqual(["☎ Société C-001"])
    const ended = await play([{ type: "answered", callId: "k1" }, { type: "ended", callId: "k1", reason: "hangup-remote" }], s)
    // The offscreen document may report the same end twice (a retried message): one record.
    await controller.report(ended, { type: "ended", callId: "k1", reason: "hangup-remote" })
    const calls = await db.calls.toArray()
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ id: "k1", direction: "inbound", customerId: "cu1", durationMs: 1000, endReason: "hangup-remote" })
    expect((await controller.view()).lastCall?.id).toBe("k1")
  })

  it("leaves a shared number to the agent's choice, and logs the call to the customer chosen", async () => {
    const s = await play([{ type: "registered" }, { type: "incoming", callId: "k2", number: "+33155550000" }])
    const caller = (await controller.view()).caller!
    expect(caller.customerId).toBeNull()
    expect(caller.candidates.map((c) => c.id).sort()).toEqual(["cu2", "cu3"])
    await expect(controller.assign("k2", "cu1", null)).rejects.toThrow(/does not hold the number/)
    await controller.assign("k2", "cu3", null)
    await play([{ type: "answered", callId: "k2" }, { type: "ended", callId: "k2", reason: "hangup-local" }], s)
    expect(await db.calls.toArray()).toMatchObject([{ id: "k2", customerId: "cu3" }])
  })

  it("logs an unknown caller with no customer, and calls the 'call ended' hook once", async () => {
    const ended = vi.fn()
    controller.onCallEnded(ended)
    await play([{ type: "registered" }, { type: "incoming", callId: "k3", number: "+33199999999" }, { type: "ended", callId: "k3", reason: "cancelled" }])
    expect(ended).toHaveBeenCalledTimes(1)
    expect(ended.mock.calls[0]![0]).toMatchObject({ id: "k3", customerId: null, durationMs: 0, endReason: "cancelled" })
  })

  it("places calls without asking the browser for the softphone's document each time, and makes it again once it is gone", async () => {
    const doc = { open: false, created: 0, lookups: 0 }
    const g = globalThis as unknown as { chrome: { runtime: Record<string, unknown>; offscreen?: unknown } }
    Object.assign(g.chrome.runtime, {
      getContexts: async () => (doc.lookups++, doc.open ? [{ contextType: "OFFSCREEN_DOCUMENT" }] : []),
      // With the document gone, an open popup still receives the message and answers nothing.
      sendMessage: async () => (doc.open ? { ok: true, data: { callId: `c${doc.created}` } } : undefined)
    })
    g.chrome.offscreen = { createDocument: async () => void ((doc.open = true), doc.created++) }
    expect(await controller.call("+33144319244", {})).toBe("c1")
    expect(await controller.call("+33144319244", {})).toBe("c1")
    expect(doc.lookups).toBe(1)
    doc.open = false
    expect(await controller.call("+33144319244", {})).toBe("c2")
    expect(doc.created).toBe(2)
  })

  it("drives a provider host in the background itself (Firefox's event page) without an offscreen document or a message", async () => {
    const ops: string[] = []
    let report: HostReport = () => undefined
    let started = false
    const g = globalThis as unknown as { chrome: { runtime: Record<string, unknown> } }
    g.chrome.runtime.sendMessage = async () => {
      throw new Error("no message in Firefox: the host is in this page")
    }
    const local = new SoftphoneController({
      db,
      customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
      teamSession: async () => null,
      localHost: (r) => {
        report = r
        return {
          run: async (cmd) => {
            ops.push(cmd.op)
            if (cmd.op === "start") started = true
            if (cmd.op === "stop") started = false
            return cmd.op === "call" ? { callId: "f1" } : { state: initialPhoneState }
          },
          state: () => initialPhoneState,
          started: () => started
        }
      }
    })
    await local.resume()
    expect(await local.call("+33144319244", {})).toBe("f1")
    // What the host reports reaches the published view, the caller's card included.
    let s = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1)
    s = transition(s, { type: "registered" }, 2)
    s = transition(s, { type: "outgoing", callId: "f1", number: "+33144319244" }, 3)
    report(s, { type: "outgoing", callId: "f1", number: "+33144319244" })
    await vi.waitFor(async () => expect((await local.view()).caller).toMatchObject({ callId: "f1", customerId: "cu1" }))
    // Back to no softphone: the host is stopped (there is no document to close).
    await local.configure({ ...(await local.settings()), provider: "none" }, undefined)
    expect(ops).toEqual(["start", "call", "stop"])
  })

  it("a new life of the background whose host went during a call ends that call as failed: logged, and 'to log', once", async () => {
    await play([{ type: "registered" }, { type: "incoming", callId: "k5", number: "+33144319244" }, { type: "answered", callId: "k5" }])
    // The event page stopped: its successor reads the stored view, with a host that has nothing started.
    const ops: string[] = []
    const next = new SoftphoneController({
      db,
      customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
      teamSession: async () => null,
      localHost: () => ({ run: async (cmd) => void ops.push(cmd.op), state: () => initialPhoneState, started: () => false })
    })
    const ended = vi.fn()
    next.onCallEnded(ended)
    await next.resume()
    expect(await db.calls.toArray()).toMatchObject([{ id: "k5", customerId: "cu1", endReason: "failed", answeredAt: 4000 }])
    expect(ended).toHaveBeenCalledTimes(1)
    expect((await next.view()).lastCall?.id).toBe("k5")
    expect(ops).toEqual(["start"])
    // Started again with that call already ended: nothing more to log.
    await next.resume()
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it("says on the badge that the softphone is not reachable while Firefox stops its event page, without writing storage (that would cancel the stop)", async () => {
    const firefoxPage = (started: () => boolean) =>
      new SoftphoneController({
        db,
        customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
        teamSession: async () => null,
        localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started })
      })
    const page = firefoxPage(() => true)
    let s = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1)
    s = transition(s, { type: "registered" }, 2)
    await page.report(s, { type: "registered" })
    expect(chromeFake.badge.at(-1)).toBe("")
    const stored = JSON.stringify([...chromeFake.areas.session])
    expect(await page.suspending()).toBe(true)
    expect(chromeFake.badge.at(-1)).toBe("…")
    expect(JSON.stringify([...chromeFake.areas.session])).toBe(stored)
    // Firefox kept the page after all: the badge as it was.
    await page.suspendCanceled()
    expect(chromeFake.badge.at(-1)).toBe("")
    // During a call: no longer "in call" on the badge; the call is logged by the next life, not here.
    s = transition(s, { type: "incoming", callId: "k6", number: "+33144319244" }, 3)
    await page.report(s, { type: "incoming", callId: "k6", number: "+33144319244" })
    s = transition(s, { type: "answered", callId: "k6" }, 4)
    await page.report(s, { type: "answered", callId: "k6" })
    expect(chromeFake.badge.at(-1)).toBe("●")
    await page.suspending()
    expect(chromeFake.badge.at(-1)).toBe("…")
    expect(await db.calls.toArray()).toEqual([])
    // A page with nothing started leaves the badge alone.
    const shown = chromeFake.badge.length
    expect(await firefoxPage(() => false).suspending()).toBe(false)
    expect(chromeFake.badge).toHaveLength(shown)
  })

  it("takes the incoming call's notification away when the call ends (it stays on screen until then)", async () => {
    const shown = new Set<string>()
    const g = globalThis as unknown as { chrome: { notifications: Record<string, unknown> } }
    g.chrome.notifications.create = async (id: string) => void shown.add(id)
    g.chrome.notifications.clear = async (id: string) => shown.delete(id)
    await play([{ type: "registered" }, { type: "incoming", callId: "k7", number: "+33144319244" }])
    await vi.waitFor(() => expect(shown.size).toBe(1))
    await play([{ type: "ended", callId: "k7", reason: "cancelled" }], transition(transition(initialPhoneState, { type: "registered" }, 1), { type: "incoming", callId: "k7", number: "+33144319244" }, 2))
    expect([...shown]).toEqual([])
  })

  it("shows the state on the toolbar badge", async () => {
    await play([{ type: "registered" }, { type: "incoming", callId: "k4", number: "+33199999999" }])
    expect(chromeFake.badge.at(-1)).toBe("☎")
    await play([{ type: "connection-lost", message: "closed" }], transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0))
    expect(chromeFake.badge.at(-1)).toBe("…")
  })
})
