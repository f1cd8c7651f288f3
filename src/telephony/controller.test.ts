import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { ComptoirDb } from "~src/db/database"
import { OutcomeDraftRepository } from "~src/db/outcome-draft-repository"
import { Customer } from "~src/domain/customers/customer.schema"
import { CALL_MARKER_KEY, initialPhoneState, MARKER_HEARTBEAT_MS, SETTINGS_KEY, SoftphoneSettings, transition, VIEW_KEY, type PhoneEvent, type PhoneState } from "~src/domain/telephony"

import { CallOutcomes } from "./call-outcomes"
import { SoftphoneController } from "./controller"
import type { HostReport } from "./provider-host"

/** The few chrome APIs the controller's report path uses, in memory. */
function fakeChrome() {
  const areas = { local: new Map<string, unknown>(), session: new Map<string, unknown>() }
  const area = (m: Map<string, unknown>) => ({
    get: async (key: string) => (m.has(key) ? { [key]: m.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) m.set(k, structuredClone(v))
    },
    remove: async (key: string) => void m.delete(key)
  })
  const notifications: string[] = []
  const shown: { title: string; message: string }[] = []
  const badge: string[] = []
  const titles: string[] = []
  const g = globalThis as unknown as { chrome: unknown }
  g.chrome = {
    storage: { local: area(areas.local), session: area(areas.session) },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void titles.push(title)
    },
    notifications: {
      create: async (_id: string, o: { title: string; message: string }) => {
        notifications.push(o.title)
        shown.push({ title: o.title, message: o.message })
      },
      clear: async () => true
    },
    runtime: { getManifest: () => ({ icons: { "128": "icon128.png" } }), getURL: (p: string) => `chrome-extension://x/${p}` }
  }
  return { areas, notifications, shown, badge, titles }
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

  it("names no contact of a customer whose several contacts share the number (a switchboard): the agent says who, nothing is guessed", async () => {
    const switchboard = Customer.parse({
      id: "cu9", code: "C-009", company: "Société C-009", country: "FR", language: "fr", createdAt: 1, updatedAt: 1,
      contacts: [{ id: "cu9-a", firstName: "Anne", lastName: "Roux", phones: ["+33166660000"] }, { id: "cu9-b", firstName: "Paul", lastName: "Roux", phones: ["+33166660000"] }]
    })
    base.push(switchboard)
    try {
      await play([{ type: "register-requested", provider: "sip" }, { type: "registered" }, { type: "incoming", callId: "k9", number: "+33166660000" }])
      expect((await controller.view()).caller).toMatchObject({ callId: "k9", customerId: "cu9", contactId: null })
    } finally {
      base.pop()
    }
  })

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

  it("notifies a ringing call in the agent's language, the number written the agent's way", async () => {
    chromeFake.areas.local.set("settings", { language: "fr", defaultCountry: "FR" })
    let s = await play([{ type: "registered" }, { type: "incoming", callId: "k5", number: "+33155550000" }])
    s = await play([{ type: "ended", callId: "k5", reason: "cancelled" }, { type: "incoming", callId: "k6", number: "+33970005678" }], s)
    await play([{ type: "ended", callId: "k6", reason: "cancelled" }], s)
    await vi.waitFor(() => expect(chromeFake.shown).toHaveLength(2))
    // They said "2 customers" and "Unknown caller" in the French UI, over the number as the network gives it.
    expect(chromeFake.shown).toEqual([
      { title: "☎ 2 clients", message: "01 55 55 00 00" },
      { title: "☎ Numéro inconnu", message: "09 70 00 56 78" }
    ])
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
          started: () => started,
          leave: () => undefined
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
      localHost: () => ({ run: async (cmd) => void ops.push(cmd.op), state: () => initialPhoneState, started: () => false, leave: () => undefined })
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
        localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started, leave: () => undefined })
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

  it("a page going during a call (the browser quits) has its host end the call, and leaves the marker seen up to then for the next start to log", async () => {
    let left = 0
    const page = new SoftphoneController({
      db,
      customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
      teamSession: async () => null,
      localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started: () => true, leave: () => void left++ })
    })
    let s = transition(transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1), { type: "registered" }, 2)
    s = transition(s, { type: "incoming", callId: "k8", number: "+33144319244" }, Date.now())
    await page.report(s, { type: "incoming", callId: "k8", number: "+33144319244" })
    s = transition(s, { type: "answered", callId: "k8" }, Date.now())
    await page.report(s, { type: "answered", callId: "k8" })
    const marker = () => chromeFake.areas.local.get(CALL_MARKER_KEY) as { answeredAt: number | null; seenAt: number } | undefined
    await vi.waitFor(() => expect(marker()?.answeredAt).not.toBeNull())
    await new Promise((r) => setTimeout(r, 30))
    const goingAt = Date.now()
    page.leaving()
    expect(left).toBe(1)
    await vi.waitFor(() => expect(marker()!.seenAt).toBeGreaterThanOrEqual(goingAt))
    // The browser's restart clears storage.session: the next start has only the marker to log the call from.
    chromeFake.areas.session.clear()
    const next = new SoftphoneController({
      db,
      customersByPhone: async () => [],
      teamSession: async () => null,
      localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started: () => false, leave: () => undefined })
    })
    await next.resume()
    const [record] = await db.calls.toArray()
    expect(record).toMatchObject({ id: "k8", customerId: "cu1", endReason: "failed" })
    expect(record!.endedAt).toBeGreaterThanOrEqual(goingAt)
    expect(record!.durationMs).toBe(record!.endedAt - record!.answeredAt!)
    expect(marker()).toBeUndefined()
  })

  it("a page started again after Firefox stopped it says 'registering' until its host registers, not the 'Ready for calls' it had stored", async () => {
    let s = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1)
    s = transition(s, { type: "registered" }, 2)
    await controller.report(s, { type: "registered" })
    await vi.waitFor(() => expect(chromeFake.titles.at(-1)).toBe("Comptoir · Ready for calls"))
    // The next life: its host has nothing started and has not reported yet.
    const next = new SoftphoneController({
      db,
      customersByPhone: async () => [],
      teamSession: async () => null,
      localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started: () => false, leave: () => undefined })
    })
    const shownBefore = chromeFake.titles.length
    await next.resume()
    await vi.waitFor(() => expect(chromeFake.titles.length).toBeGreaterThan(shownBefore))
    await new Promise((r) => setTimeout(r, 20))
    expect(chromeFake.titles.slice(shownBefore)).not.toContain("Comptoir · Ready for calls")
    expect(chromeFake.badge.at(-1)).toBe("…")
    expect((chromeFake.areas.session.get(VIEW_KEY) as { state: PhoneState }).state.registration).toBe("registering")
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

describe("a call the browser took with it (closed, crashed)", () => {
  let chromeFake: ReturnType<typeof fakeChrome>
  let db: ComptoirDb
  const base = [customer("cu1", "C-001", "+33144319244")]
  /** A background life; `hostUp`: whether the call's host (Chrome's offscreen document) is still there. */
  const life = (hostUp: boolean) =>
    new SoftphoneController({
      db,
      customersByPhone: async (n) => base.filter((c) => c.contacts.some((p) => p.phones.includes(n))),
      teamSession: async () => null,
      localHost: () => ({ run: async () => undefined, state: () => initialPhoneState, started: () => hostUp, leave: () => undefined })
    })
  /** The "to log" list, wired as background/call-outcomes.ts does. */
  const toLog = (controller: SoftphoneController) => {
    const outcomes = new CallOutcomes({
      logs: { get: async () => undefined, put: async () => undefined, byCustomer: async () => [], byCall: async () => [], callbacksAfter: async () => [], latest: async () => [] },
      drafts: new OutcomeDraftRepository(db),
      alarms: { create: () => undefined, clear: () => undefined, getAll: async () => [] },
      marks: { read: async () => ({ shown: [], notified: [] }), write: async () => undefined },
      customers: async (ids) => ids.map((id) => base.find((c) => c.id === id)),
      agent: async () => "",
      written: () => undefined,
      draftsChanged: () => undefined
    })
    const ended = vi.fn((r) => void outcomes.callEnded(r))
    controller.onCallEnded(ended)
    return { outcomes, ended }
  }
  const marker = () => chromeFake.areas.local.get(CALL_MARKER_KEY) as { callId: string; seenAt: number } | undefined

  beforeEach(() => {
    chromeFake = fakeChrome()
    chromeFake.areas.local.set(SETTINGS_KEY, { provider: "sip", sip: { websocketUrl: "ws://127.0.0.1:8088", uri: "sip:agent1@127.0.0.1" } })
    db = new ComptoirDb(`cut-${Math.random()}`)
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] })
    vi.setSystemTime(100_000)
  })
  afterEach(() => void vi.useRealTimers())

  /** An incoming call from cu1, answered 2 s after it rang, and `talk` ms of it. */
  async function callUnderWay(controller: SoftphoneController, talk: number): Promise<PhoneState> {
    let s = transition(transition(initialPhoneState, { type: "register-requested", provider: "sip" }, Date.now()), { type: "registered" }, Date.now())
    for (const [e, wait] of [
      [{ type: "registered" }, 0],
      [{ type: "incoming", callId: "k7", number: "+33144319244" }, 0],
      [{ type: "answered", callId: "k7" }, 2_000]
    ] as [PhoneEvent, number][]) {
      vi.advanceTimersByTime(wait)
      s = transition(s, e, Date.now())
      await controller.report(s, e)
    }
    await vi.waitFor(() => expect(marker()?.callId).toBe("k7"))
    vi.advanceTimersByTime(talk)
    return s
  }

  it("logs it once at the next start, as failed, talked up to its last heartbeat, and puts it 'to log'", async () => {
    await callUnderWay(life(true), 40_000)
    // The heartbeat wrote the marker twice meanwhile: the last one less than 15 s before the browser went,
    // taking the stored view (session storage) with it.
    await vi.waitFor(() => expect(marker()!.seenAt).toBeGreaterThan(Date.now() - MARKER_HEARTBEAT_MS))
    const seenAt = marker()!.seenAt
    expect(seenAt).toBeGreaterThanOrEqual(102_000 + 2 * MARKER_HEARTBEAT_MS)
    chromeFake.areas.session.clear()
    const next = life(false)
    const { outcomes, ended } = toLog(next)
    await next.resume()
    expect(await db.calls.toArray()).toEqual([
      { id: "k7", direction: "inbound", number: "+33144319244", provider: "sip", customerId: "cu1", contactId: "cu1-p", startedAt: 100_000, answeredAt: 102_000, endedAt: seenAt, durationMs: seenAt - 102_000, endReason: "failed" }
    ])
    expect(ended).toHaveBeenCalledTimes(1)
    await vi.waitFor(async () => expect((await outcomes.pending()).map((d) => d.id)).toEqual(["k7"]))
    // The dock opens its outcome form (form-owner.ts: the last call, idle, still to log).
    expect((await next.view()).lastCall?.id).toBe("k7")
    expect(marker()).toBeUndefined()
    // Another start (the worker, the browser again): nothing more.
    await next.resume()
    await life(false).resume()
    expect(await db.calls.count()).toBe(1)
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it("never logs it twice when the stored view survived too: a worker restart keeps the live call, a lost host ends it once", async () => {
    let s = await callUnderWay(life(true), 5_000)
    expect(chromeFake.areas.session.has(VIEW_KEY)).toBe(true)
    // Only the worker restarted: the call is still up in the offscreen document.
    const restarted = life(true)
    const { ended } = toLog(restarted)
    await restarted.resume()
    expect(await db.calls.count()).toBe(0)
    expect(marker()?.callId).toBe("k7")
    // Its host then went too (a crashed offscreen document): the next life ends it from the view, once.
    const afterCrash = life(false)
    afterCrash.onCallEnded(ended)
    await afterCrash.resume()
    await afterCrash.resume()
    expect(await db.calls.toArray()).toMatchObject([{ id: "k7", endReason: "failed" }])
    expect(ended).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(marker()).toBeUndefined())
    // The host of the worker restarted earlier reports a late end of the same call: still one record.
    s = transition(s, { type: "ended", callId: "k7", reason: "hangup-remote" }, Date.now())
    await restarted.report(s, { type: "ended", callId: "k7", reason: "hangup-remote" })
    expect(await db.calls.count()).toBe(1)
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it("logs a call the agent cut by turning the softphone off at once, as failed, and leaves no marker for a later start", async () => {
    const controller = life(true)
    const { ended } = toLog(controller)
    await callUnderWay(controller, 20_000)
    // The options page saved "no softphone" mid-call: the provider stops, and its call with it (no "ended" comes).
    await controller.configure(SoftphoneSettings.parse({ provider: "none" }), undefined)
    expect(await db.calls.toArray()).toMatchObject([{ id: "k7", endReason: "failed", endedAt: Date.now() }])
    expect(ended).toHaveBeenCalledTimes(1)
    expect((await controller.view()).lastCall?.id).toBe("k7")
    await vi.waitFor(() => expect(marker()).toBeUndefined())
    // Not a second time, later, from a marker: the next start finds nothing.
    const next = life(false)
    next.onCallEnded(ended)
    await next.resume()
    expect(await db.calls.count()).toBe(1)
    expect(ended).toHaveBeenCalledTimes(1)
  })

  it("publishes the hang-up with the call's record before writing it to the call log, then logs it and puts it 'to log' once", async () => {
    const controller = life(true)
    const { outcomes, ended } = toLog(controller)
    let s = await callUnderWay(controller, 3_000)
    // The call log's write held back (IndexedDB busy): the dock must not wait for it to show the outcome form.
    let release = () => undefined as void
    const held = new Promise<void>((r) => (release = r))
    const add = db.calls.add.bind(db.calls)
    const write = vi.spyOn(db.calls, "add").mockImplementation((...args) => held.then(() => add(...args)) as ReturnType<typeof add>)
    s = transition(s, { type: "ended", callId: "k7", reason: "hangup-local" }, Date.now())
    const reported = controller.report(s, { type: "ended", callId: "k7", reason: "hangup-local" })
    const stored = () => chromeFake.areas.session.get(VIEW_KEY) as { state: PhoneState; lastCall: { id: string; endReason: string } | null }
    try {
      await vi.waitFor(() => expect(stored()).toMatchObject({ state: { call: { id: "k7", phase: "ended" } }, lastCall: { id: "k7", endReason: "hangup-local" } }), { timeout: 500 })
      expect(await db.calls.count()).toBe(0)
      // "To log" once it is in the call log, not before; the marker stays until then (a stop now logs it next start).
      expect(ended).not.toHaveBeenCalled()
      expect(marker()?.callId).toBe("k7")
      // The dock reads its call history again as soon as it shows the call ended: the call is in it.
      const history = controller.history(10)
      release()
      expect((await history).map((c) => c.id)).toEqual(["k7"])
    } finally {
      release()
      await reported
    }
    expect(write).toHaveBeenCalledTimes(1)
    expect(await db.calls.toArray()).toMatchObject([{ id: "k7", customerId: "cu1", endReason: "hangup-local" }])
    expect(ended).toHaveBeenCalledTimes(1)
    await vi.waitFor(async () => expect((await outcomes.pending()).map((d) => d.id)).toEqual(["k7"]))
    await vi.waitFor(() => expect(marker()).toBeUndefined())
    // The same end reported again (a retried message): not published as new, nor logged, nor "to log" twice.
    const before = stored()
    await controller.report(s, { type: "ended", callId: "k7", reason: "hangup-local" })
    expect(await db.calls.count()).toBe(1)
    expect(ended).toHaveBeenCalledTimes(1)
    expect(stored().lastCall).toEqual(before.lastCall)
  })

  it("leaves no marker after a normal hang-up, and none for the next start to log", async () => {
    const controller = life(true)
    let s = await callUnderWay(controller, 3_000)
    s = transition(s, { type: "ended", callId: "k7", reason: "hangup-local" }, Date.now())
    await controller.report(s, { type: "ended", callId: "k7", reason: "hangup-local" })
    await vi.waitFor(() => expect(marker()).toBeUndefined())
    // No heartbeat brings it back.
    vi.advanceTimersByTime(60_000)
    await new Promise((r) => setTimeout(r, 10))
    expect(marker()).toBeUndefined()
    chromeFake.areas.session.clear()
    await life(false).resume()
    expect(await db.calls.toArray()).toMatchObject([{ id: "k7", endReason: "hangup-local" }])
  })
})
