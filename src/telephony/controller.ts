import { CallRepository, SecretStore } from "~src/db/call-repository"
import type { ComptoirDb } from "~src/db/database"
import type { Customer } from "~src/domain/customers/customer.schema"
import {
  callRecordOf,
  cutCallRecord,
  initialPhoneState,
  contactOfCall,
  markerVerdict,
  SETTINGS_KEY,
  SoftphoneSettings,
  SoftphoneView,
  transition,
  VIEW_KEY,
  type CallRecord,
  type PhoneEvent,
  type PhoneState
} from "~src/domain/telephony"

import type { OffscreenCommand } from "./offscreen-protocol"
import type { CallStats, ProviderCapabilities } from "./provider"
import type { HostReport, ProviderHost } from "./provider-host"
import { BrowserSignals } from "./browser-signals"
import { CallMarkerKeeper } from "./call-marker-keeper"
import { HostLink } from "./host-link"
import { OutgoingHold, type HeldOutgoing } from "./outgoing-hold"
import { TelProvider } from "./tel-provider"

/** How long after a hang-up's publication its call record is written (the dock renders the form meanwhile). */
const RECORD_WRITE_AFTER_MS = 100
const SIP_PASSWORD = "sip.password"
const CAPABILITIES: Record<string, ProviderCapabilities> = {
  none: { incoming: false, hold: false, dtmf: false, transfer: false, media: false },
  sip: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
  twilio: { incoming: true, hold: false, dtmf: true, transfer: false, media: true },
  tel: { incoming: false, hold: false, dtmf: false, transfer: false, media: false }
}

export interface ControllerDeps {
  db: ComptoirDb
  /** Customers holding a number (exact E.164 lookup). */
  customersByPhone: (e164: string) => Promise<Customer[]>
  /**
   * Whether a customer is still in the base: a call made again (Redial, the history) for one deleted since (by a
   * teammate, through sync) is no longer theirs. Asked only when the number's holders do not include them.
   */
  customerExists?: (id: string) => Promise<boolean>
  /** The team server's session, for the Twilio token. */
  teamSession: () => Promise<{ serverUrl: string; token: string } | null>
  /**
   * Firefox: the provider host runs in this very page (the background event page has a DOM), called directly
   * instead of through an offscreen document (src/telephony/background-host.ts).
   */
  localHost?: (report: HostReport) => ProviderHost
}

type EndedListener = (record: CallRecord) => void

/**
 * The background's side of the softphone: settings, the provider's start and its recovery at each start of the
 * background, the published view (chrome.storage.session, and the toolbar through browser-signals.ts), the caller's
 * card, and the call log. The call itself runs in the provider host (host-link.ts); the system dialer runs here.
 */
export class SoftphoneController {
  private readonly calls: CallRepository
  private readonly secrets: SecretStore
  private queue: Promise<unknown> = Promise.resolve()
  private tel: { provider: TelProvider; state: PhoneState } | null = null
  private readonly endedListeners = new Set<EndedListener>()
  private readonly publishedListeners = new Set<(view: SoftphoneView) => void>()
  /** Customer chosen for an outgoing call (from the card), until the offscreen document reports the call. */
  private pendingOutgoing: { number: string; customerId: string | null; contactId: string | null } | null = null
  /**
   * The settings and the published view as this worker last read or wrote them. Every call event used to read
   * both back from storage before publishing: each read is a round trip to the browser process, and on a busy
   * machine those round trips were a good part of the click → in-call time. Storage stays the truth for the next
   * worker life.
   */
  private settingsCache: SoftphoneSettings | null = null
  private current: SoftphoneView | null = null
  /** A call command is with the host (its INVITE not out yet): a second one is refused meanwhile. */
  private inviting = false
  /** Where the call runs: Chrome's offscreen document, or Firefox's host in this page (host-link.ts). */
  private readonly host: HostLink
  /** The call under way in chrome.storage.local, which survives the browser (call-marker-keeper.ts). */
  private readonly marker = new CallMarkerKeeper((callId) => {
    const call = this.current?.state.call
    return call?.id === callId && call.phase !== "ended"
  })
  /** The toolbar's badge and tooltip, the ringing call's notification (browser-signals.ts). */
  private readonly signals = new BrowserSignals(() => this.current)
  /** An outgoing call's first report, held while the call is set up (outgoing-hold.ts). */
  private readonly outgoing = new OutgoingHold(() => void this.serial(() => this.publishHeld()))
  /** The customers holding the number being called, looked up once its INVITE is out. */
  private lookupAhead: { number: string; customers: Promise<Customer[]> } | null = null

  constructor(private readonly deps: ControllerDeps) {
    this.calls = new CallRepository(deps.db)
    this.secrets = new SecretStore(deps.db)
    this.host = new HostLink(deps.localHost?.((state, event) => void this.report(state, event)) ?? null)
    // Optional: the controller is also built where there is no chrome (the handlers' meta-test imports it).
    globalThis.chrome?.storage?.onChanged?.addListener((changes, area) => {
      if (area === "local" && SETTINGS_KEY in changes) this.settingsCache = null
    })
  }

  /** The "call ended" hook: the call-outcome form (a later feature) opens on the logged record. */
  onCallEnded(listener: EndedListener): () => void {
    this.endedListeners.add(listener)
    return () => this.endedListeners.delete(listener)
  }

  /** Each view once it is in storage (the extension's pages read it there; the page panel is sent it). */
  onPublished(listener: (view: SoftphoneView) => void): () => void {
    this.publishedListeners.add(listener)
    return () => this.publishedListeners.delete(listener)
  }

  // ---- settings ----
  async settings(): Promise<SoftphoneSettings> {
    if (this.settingsCache) return this.settingsCache
    const raw = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]
    const parsed = SoftphoneSettings.safeParse(raw ?? {})
    this.settingsCache = parsed.success ? parsed.data : SoftphoneSettings.parse({})
    return this.settingsCache
  }

  async hasPassword(): Promise<boolean> {
    return (await this.secrets.get(SIP_PASSWORD)) !== null
  }

  async configure(settings: SoftphoneSettings, password: string | undefined): Promise<void> {
    await chrome.storage.local.set({ [SETTINGS_KEY]: settings })
    this.settingsCache = SoftphoneSettings.parse(settings)
    if (password !== undefined) {
      if (password === "") await this.secrets.delete(SIP_PASSWORD)
      else await this.secrets.set(SIP_PASSWORD, password)
    }
    await this.start()
  }

  // ---- the view every surface shows ----
  async view(): Promise<SoftphoneView> {
    if (this.current) return this.current
    const raw = (await chrome.storage.session.get(VIEW_KEY))[VIEW_KEY]
    const parsed = SoftphoneView.safeParse(raw)
    if (parsed.success) return (this.current ??= parsed.data)
    const s = await this.settings()
    return { state: initialPhoneState, caller: null, capabilities: CAPABILITIES[s.provider]!, configured: s.provider !== "none", lastCall: null, updatedAt: Date.now() }
  }

  private async publish(view: SoftphoneView): Promise<void> {
    this.current = view
    await chrome.storage.session.set({ [VIEW_KEY]: view })
    this.signals.show(view.state, view.caller)
    for (const l of this.publishedListeners) l(view)
  }

  /** Starts (or restarts) the configured provider. */
  async start(): Promise<void> {
    // A restart (settings saved, the softphone turned off) takes the call under way with it and no "ended" comes:
    // ended here, as failed, logged and "to log" now, rather than left to the marker and logged at a later start.
    await this.endCutCall()
    const s = await this.settings()
    this.tel?.provider.dispose()
    this.tel = null
    if (s.provider === "none" || (s.provider === "sip" && !s.sip)) {
      await this.host.stop()
      await this.publish({ ...(await this.view()), state: initialPhoneState, caller: null, capabilities: CAPABILITIES.none!, configured: false, updatedAt: Date.now() })
      return
    }
    if (s.provider === "tel") {
      await this.host.stop()
      const provider = new TelProvider({ openUrl: (url) => void chrome.tabs.create({ url, active: false }).catch(() => undefined) })
      this.tel = { provider, state: initialPhoneState }
      provider.onEvent((e) => {
        if (!this.tel) return
        this.tel.state = transition(this.tel.state, e, Date.now())
        void this.report(this.tel.state, e)
      })
      await provider.register()
      return
    }
    const password = (await this.secrets.get(SIP_PASSWORD)) ?? ""
    const session = s.provider === "twilio" ? await this.deps.teamSession() : null
    // The host registers anew: "registering" until it says otherwise. The stored view may still say "registered"
    // (Firefox's stopped page left it so; settings just saved): published as it was, the toolbar said "Ready for
    // calls" while no call could come in yet, and stayed so after a wrong password until the PBX answered.
    const view = await this.view()
    const state = transition(view.state, { type: "register-requested", provider: s.provider }, Date.now())
    await this.publish({ ...view, state, capabilities: CAPABILITIES[s.provider]!, configured: true, updatedAt: Date.now() })
    await this.host.run({
      op: "start",
      provider: s.provider,
      sip: s.sip ? { ...s.sip, password } : null,
      twilio: session ? { tokenUrl: `${session.serverUrl.replace(/\/+$/, "")}/telephony/twilio/token`, sessionToken: session.token } : null,
      devices: s.devices
    })
  }

  /**
   * At every service-worker start: the offscreen document outlives the worker, so only a missing one (browser
   * restart, crash) is started again. Firefox's host is in the event page itself: every start of the page starts
   * it again (after Firefox stopped the idle page, at its next event: the dock's message, the minute's alarm).
   */
  async resume(): Promise<void> {
    const s = await this.settings()
    const hostUp = s.provider === "none" ? false : s.provider === "tel" ? this.tel !== null : await this.host.up()
    if ((s.provider === "sip" || s.provider === "twilio") && !hostUp) await this.endCutCall()
    await this.recoverMarker(hostUp)
    if (s.provider === "none") return
    if (s.provider === "tel") {
      if (!this.tel) await this.start()
      return
    }
    if (hostUp) return
    await this.start()
  }

  /**
   * A call marker from an earlier life (call-marker.ts): the call it names is still up here (only the worker
   * restarted), or it was cut with the browser (closed, crashed: the stored view went with it) and is logged now,
   * as failed, with what was last known of it. Exactly once: a call the stored view already ended here (or that
   * ended normally before its marker was cleared) is in the call log, which refuses a second record of an id.
   */
  private async recoverMarker(hostUp: boolean): Promise<void> {
    const marker = await this.marker.stored()
    if (marker === null) return
    const { state } = await this.view()
    const liveId = state.call && state.call.phase !== "ended" ? state.call.id : null
    if (marker !== "invalid" && markerVerdict(marker, { callId: liveId, hostUp }) === "live") return this.marker.adopt(marker)
    if (marker !== "invalid") {
      await this.serial(async () => {
        const record = cutCallRecord(marker)
        if (!(await this.calls.append(record))) return
        for (const l of this.endedListeners) l(record)
        const current = await this.view()
        // Not over a call that rings or talks meanwhile: the dock's form belongs to it (form-owner.ts).
        if (!current.state.call || current.state.call.phase === "ended") await this.publish({ ...current, lastCall: record, updatedAt: Date.now() })
      })
    }
    await this.marker.drop(marker === "invalid" ? null : marker.callId)
  }

  /**
   * The host went while a call was up (Firefox stopped its event page, Chrome's offscreen document crashed, or a
   * restart of the provider stopped it): the call went with it, and its "ended" will never come. Ended here, as failed, so that it is logged and "to log"
   * like any other call. Its end is when this life noticed (the minute's alarm at the latest). A browser restart
   * clears the stored view: a call cut by it is logged from its marker instead (recoverMarker).
   */
  private async endCutCall(): Promise<void> {
    await this.serial(() => this.foldHeld())
    const { state } = await this.view()
    if (!state.call || state.call.phase === "ended") return
    const event: PhoneEvent = { type: "ended", callId: state.call.id, reason: "failed" }
    await this.report(transition(state, event, Date.now()), event)
  }

  /**
   * Firefox is stopping the event page that holds the host (`runtime.onSuspend`: about:debugging, or its idle
   * timer if the keepalive missed): the registration and any call go with it, and the toolbar would say
   * "registered" (or "in call") until the page starts again. The badge says "reconnecting" now; the stored view
   * is corrected by the next start (`resume`, a few seconds on: the caller sets an alarm), which also logs a cut
   * call. Only the badge, because any event reaching an extension context while Firefox stops the page cancels
   * the stop (ext-backgroundPage.js), and a storage write is one for every open extension page listening (likely
   * the sidebar Firefox opens at install): tried, the stop was cancelled every time. API calls like the badge's
   * are let through. Answers whether a provider was up. Firefox waits for this (up to 5 s,
   * extensions.webextensions.runtime.timeout).
   */
  async suspending(): Promise<boolean> {
    if (!this.host.localStarted()) return false
    await this.serial(() => this.foldHeld())
    const { state, caller } = await this.view()
    const now = Date.now()
    // A call under way goes with the page: not "in call" on the badge either (logged by the next start).
    const cut = state.call && state.call.phase !== "ended" ? transition(state, { type: "ended", callId: state.call.id, reason: "failed" }, now) : state
    await this.signals.settled()
    await this.signals.paint(transition(cut, { type: "suspended" }, now), caller)
    return true
  }

  /**
   * The page that holds the host is going (`pagehide` of Firefox's event page: the browser quits, or Firefox
   * unloads the page): a call under way is ended toward the customer now, as a softphone quitting hangs up, rather than left
   * up at the other end, and its marker says it was up until now. Its record is the next start's to write, from
   * the marker (recoverMarker): this page has no time left for the publication and the call log.
   */
  leaving(): void {
    this.marker.seenNow()
    this.host.leave()
  }

  /** Firefox kept the page after all (`runtime.onSuspendCanceled`: an event came meanwhile): the badge as it was. */
  async suspendCanceled(): Promise<void> {
    if (this.current) await this.signals.paint(this.current.state, this.current.caller)
  }

  // ---- commands ----
  async call(number: string, who: { customerId?: string; contactId?: string }): Promise<string> {
    const s = await this.settings()
    if (s.provider === "none") throw new Error("no softphone is set up: see the options page")
    // One call at a time (issue #9): a second INVITE rang a phone no surface showed (its report is dropped while a
    // call is under way, phone-state.ts), that nothing could hang up. The call buttons are off meanwhile, too.
    // Read from memory, not awaited: nothing is added between the click and the INVITE (click → ringing, bench).
    const held = this.outgoing.peek()?.state.call
    const shown = this.current?.state.call
    if (this.inviting || [held, shown].some((c) => c && c.phase !== "ended")) throw new Error("a call is in progress")
    this.pendingOutgoing = { number, customerId: who.customerId ?? null, contactId: who.contactId ?? null }
    if (s.provider === "tel") {
      if (!this.tel) await this.start()
      return this.tel!.provider.call(number)
    }
    let data: { callId: string }
    this.inviting = true
    try {
      data = (await this.host.run({ op: "call", number })) as { callId: string }
    } catch (e) {
      // Refused before its INVITE (no microphone, not registered): whatever was held is published now.
      this.outgoing.invited(number, true)
      throw e
    } finally {
      this.inviting = false
    }
    // The INVITE is out: the caller's lookup starts while the PBX answers, and the held report goes out soon.
    this.lookupAhead = { number, customers: this.deps.customersByPhone(number).catch(() => []) }
    this.outgoing.invited(number)
    return data.callId
  }

  async command(cmd: Exclude<OffscreenCommand, { op: "start" | "stop" | "status" | "call" | "stats" }>): Promise<void> {
    if (this.tel) {
      const p = this.tel.provider
      if (cmd.op === "hangup") return p.hangup(cmd.callId)
      throw new Error(`${cmd.op} is not offered by the system dialer`)
    }
    await this.host.run(cmd)
  }

  /**
   * The call the commands act on: an outgoing call's report held while it is set up counts (outgoing-hold.ts), so
   * that a hang-up pressed at once (a wrong number) ends it instead of finding no call. Read after the reports
   * already queued: the "outgoing" just reported is known. Its end publishes the call once, ended.
   */
  async callNow(): Promise<PhoneState["call"]> {
    return this.serial(async () => this.outgoing.peek()?.state.call ?? (await this.view()).state.call)
  }

  /** The keyboard shortcut: answers a ringing call, else hangs up the call under way (or being set up). */
  async answerOrHangup(): Promise<void> {
    const call = await this.callNow()
    if (!call || call.phase === "ended") return
    await this.command(call.phase === "ringing-in" ? { op: "answer", callId: call.id } : { op: "hangup", callId: call.id })
  }

  async stats(): Promise<CallStats> {
    const view = await this.view()
    const callId = view.state.call?.id
    if (!callId || this.tel) return { bytesReceived: 0, packetsReceived: 0, bytesSent: 0, packetsSent: 0, codec: null, roundTripTimeMs: null }
    return (await this.host.run({ op: "stats", callId })) as CallStats
  }

  async assign(callId: string, customerId: string, contactId: string | null): Promise<void> {
    await this.serial(async () => {
      const view = await this.view()
      if (!view.caller || view.caller.callId !== callId) throw new Error("that call is not ringing any more")
      let candidates = view.caller.candidates
      // A customer created for this number since it rang ("New customer with this number"): looked up again.
      if (!candidates.some((c) => c.id === customerId)) candidates = (await this.deps.customersByPhone(view.caller.number)).slice(0, 20)
      if (!candidates.some((c) => c.id === customerId)) throw new Error("that customer does not hold the number")
      await this.publish({ ...view, caller: { ...view.caller, candidates, customerId, contactId }, updatedAt: Date.now() })
    })
  }

  /** The call record published before it was written (applyReport), until it is in the call log. */
  private recordWrite: Promise<unknown> = Promise.resolve()

  /** The newest calls; the one just hung up included (the dock asks as soon as it shows it ended). */
  async history(limit: number): Promise<CallRecord[]> {
    await this.recordWrite
    return this.calls.recent(limit)
  }

  // ---- what the offscreen document (or the dialer) reports ----
  /** Resolves once published and, for a hang-up, once its call record is written (later reports need not wait). */
  async report(state: PhoneState, event: PhoneEvent | null): Promise<void> {
    const { written } = await this.serial(() => this.applyReport(state, event))
    await written
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The card of who is called or calling: the customers holding the number, the one chosen on the card first. */
  private async callerFor(event: Extract<PhoneEvent, { type: "incoming" | "outgoing" }>): Promise<SoftphoneView["caller"]> {
    const ahead = this.lookupAhead?.number === event.number ? this.lookupAhead.customers : null
    this.lookupAhead = null
    const candidates = /^\+[1-9]\d{7,14}$/.test(event.number) ? (await (ahead ?? this.deps.customersByPhone(event.number))).slice(0, 20) : []
    const pending = event.type === "outgoing" && this.pendingOutgoing?.number === event.number ? this.pendingOutgoing : null
    this.pendingOutgoing = null
    const only = candidates.length === 1 ? candidates[0]! : null
    let placedFor = pending?.customerId ?? null
    if (placedFor !== null && !candidates.some((c) => c.id === placedFor) && this.deps.customerExists && !(await this.deps.customerExists(placedFor))) placedFor = null
    const chosen = placedFor ?? only?.id ?? null
    // Several contacts of the customer on this number (a switchboard): none is guessed, the agent says who. The
    // customer the call was placed for counts even when others share the number: the dock's heading named its one
    // contact from the press on (placedHeading), and the call is that contact's.
    const contactId = contactOfCall(candidates.find((c) => c.id === chosen) ?? null, event.number, placedFor === null ? null : (pending?.contactId ?? null))
    return { callId: event.callId, number: event.number, candidates, customerId: chosen, contactId }
  }

  /**
   * The held outgoing report folded into the view this worker keeps, unpublished: the next publication takes it
   * along (a call answered or refused within the hold is published once). Runs on the report queue.
   */
  private async foldHeld(): Promise<HeldOutgoing | null> {
    const held = this.outgoing.take()
    if (!held) return null
    const view = await this.view()
    this.current = { ...view, state: held.state, caller: await this.callerFor(held.event), updatedAt: Date.now() }
    return held
  }

  /** The hold is over and no later report took the call along: "ringing-out" published on its own. */
  private async publishHeld(): Promise<void> {
    if (!(await this.foldHeld())) return
    const view = this.current!
    await this.publish(view)
    this.marker.follow(view.state, view.caller)
  }

  private async applyReport(state: PhoneState, event: PhoneEvent | null): Promise<{ written: Promise<void> }> {
    // The callee rings: a held "ringing-out" is published now, not when its hold runs out; otherwise nothing changed.
    if (event?.type === "ringing") {
      if (this.outgoing.peek()?.event.callId === event.callId) await this.publishHeld()
      return { written: Promise.resolve() }
    }
    // Not the system dialer's: it opens no microphone, and its call is handed away at once.
    if (event?.type === "outgoing" && !this.tel) {
      await this.foldHeld()
      this.outgoing.hold({ state, event })
      return { written: Promise.resolve() }
    }
    await this.foldHeld()
    const view = await this.view()
    let caller = view.caller
    let lastCall = view.lastCall
    if (event?.type === "incoming" || event?.type === "outgoing") caller = await this.callerFor(event)
    /** The call record to write once the ended view is out (see below), else null. */
    let toWrite: CallRecord | null = null
    if (event?.type === "ended" && state.call?.id === event.callId) {
      const who = caller?.callId === event.callId ? { customerId: caller.customerId, contactId: caller.contactId } : { customerId: null, contactId: null }
      const record = callRecordOf(state.call, state.provider ?? "sip", who)
      const was = view.state.call
      if (was?.id === record.id && was.phase !== "ended" && view.lastCall?.id !== record.id) {
        // The published view still has this call ringing or talking: its first "ended" (a repeated one finds the
        // view ended, and its `lastCall` this call). Published first, the record written just after: the dock's
        // outcome form, made from the view, does not wait for IndexedDB (issue #9, hang-up → form).
        lastCall = record
        toWrite = record
      } else if (await this.calls.append(record)) {
        // A call the view did not show under way (a report lost, a later life's): the call log alone says whether
        // it is new, as before.
        lastCall = record
        for (const l of this.endedListeners) l(record)
      }
      this.signals.ringingOver(event.callId)
    }
    const s = await this.settings()
    await this.publish({ state, caller, capabilities: CAPABILITIES[s.provider]!, configured: s.provider !== "none", lastCall, updatedAt: Date.now() })
    let written: Promise<void> = Promise.resolve()
    if (toWrite) {
      const record = toWrite
      const previous = this.recordWrite
      // A moment after the publication, off the report queue: the write and the "to log" draft it starts do not
      // share the cores with the dock showing the form (issue #9, hang-up → form). "To log" (the ended listeners)
      // once it is in the call log; refused only if that id was logged already. A write that fails leaves the
      // call marker in place: the next start logs the call. The call history waits for it (history()).
      written = (async () => {
        await previous
        await new Promise((r) => setTimeout(r, RECORD_WRITE_AFTER_MS))
        if (await this.calls.append(record)) for (const l of this.endedListeners) l(record)
        else console.warn("comptoir: a call ended twice reached the call log", record.id)
        this.marker.follow(state, caller)
      })()
      this.recordWrite = written.catch(() => undefined)
    } else this.marker.follow(state, caller)
    // After the card is published: the system notification is the slower, secondary way to see the caller.
    if (event?.type === "incoming") void this.signals.ringing(event.callId, event.number, event.displayName ?? "", caller?.callId === event.callId ? caller.candidates : [])
    return { written }
  }
}
