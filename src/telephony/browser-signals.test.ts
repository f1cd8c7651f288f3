import { describe, expect, it } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { initialPhoneState, transition, type PhoneEvent, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

import { BrowserSignals } from "./browser-signals"

/** The agent's settings in storage (`change` saves new ones, as the options page does), and the toolbar's titles as set. */
function fakeChrome(settings: Record<string, unknown>) {
  const titles: string[] = []
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = []
  const g = globalThis as unknown as { chrome: unknown }
  g.chrome = {
    storage: {
      local: { get: async (key: string) => (key === "settings" ? { settings } : {}) },
      onChanged: { addListener: (l: (typeof listeners)[number]) => void listeners.push(l) }
    },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void titles.push(title)
    }
  }
  const change = (next: Record<string, unknown>) => {
    settings = next
    for (const l of listeners) l({ settings: { newValue: next } }, "local")
  }
  return { titles, change }
}

const known = Customer.parse({
  id: "cu1",
  code: "C-001",
  company: "Société C-001",
  country: "FR",
  language: "fr",
  createdAt: 1,
  updatedAt: 1,
  contacts: [{ id: "cu1-p", firstName: "Anne", lastName: "Martin", phones: ["+33144319244"] }]
})
const knownCaller = { callId: "k1", number: "+33144319244", candidates: [known], customerId: "cu1", contactId: "cu1-p" }

/** Each event's state shown as the controller shows it at each publication, with the caller's card of the call. */
async function showAll(signals: BrowserSignals, events: PhoneEvent[], caller: SoftphoneView["caller"]): Promise<PhoneState> {
  let s = initialPhoneState
  let t = 1000
  for (const e of events) {
    s = transition(s, e, (t += 1000))
    signals.show(s, caller)
  }
  await signals.settled()
  return s
}

describe("the toolbar button's tooltip", () => {
  it("says the state in the agent's language, who is on the line, and whether muted or on hold (it said 'Comptoir · in-call' in every language)", async () => {
    const { titles } = fakeChrome({ language: "fr", defaultCountry: "FR" })
    await showAll(
      new BrowserSignals(() => null),
      [
        { type: "registered" },
        { type: "incoming", callId: "k1", number: "+33144319244" },
        { type: "answered", callId: "k1" },
        { type: "muted", callId: "k1", muted: true },
        { type: "held", callId: "k1", onHold: true },
        { type: "ended", callId: "k1", reason: "hangup-local" }
      ],
      knownCaller
    )
    expect(titles).toEqual([
      "Comptoir · Prêt pour les appels",
      "Comptoir · Appel entrant · Société C-001 (01 44 31 92 44)",
      "Comptoir · En communication · Société C-001 (01 44 31 92 44)",
      "Comptoir · En communication · Société C-001 (01 44 31 92 44) · micro coupé",
      "Comptoir · En communication · Société C-001 (01 44 31 92 44) · micro coupé · en attente",
      "Comptoir · Appel terminé · Société C-001 (01 44 31 92 44)"
    ])
  })

  it("names an unknown caller by the number, in English for an English UI", async () => {
    const { titles } = fakeChrome({ language: "en", defaultCountry: "FR" })
    await showAll(new BrowserSignals(() => null), [{ type: "registered" }, { type: "incoming", callId: "k2", number: "+447700900123" }], {
      callId: "k2",
      number: "+447700900123",
      candidates: [],
      customerId: null,
      contactId: null
    })
    expect(titles.at(-1)).toBe("Comptoir · Incoming call · +44 7700 900123")
  })

  it("speaks the language the agent just chose, over the call last published, without waiting for the call's next event", async () => {
    const chromeFake = fakeChrome({ language: "fr", defaultCountry: "FR" })
    let current: SoftphoneView | null = null
    const signals = new BrowserSignals(() => current)
    const state = await showAll(
      signals,
      [{ type: "registered" }, { type: "incoming", callId: "k1", number: "+33144319244" }, { type: "answered", callId: "k1" }],
      knownCaller
    )
    current = { state, caller: knownCaller } as SoftphoneView
    expect(chromeFake.titles.at(-1)).toBe("Comptoir · En communication · Société C-001 (01 44 31 92 44)")
    chromeFake.change({ language: "en", defaultCountry: "FR" })
    await signals.settled()
    expect(chromeFake.titles.at(-1)).toBe("Comptoir · In call · Société C-001 (01 44 31 92 44)")
  })
})

describe("the toolbar button's badge", () => {
  it("shows the last state's badge and tooltip when two paints overlap and the browser applies the first badge late", async () => {
    const { titles } = fakeChrome({ language: "en", defaultCountry: "FR" })
    // Chrome applies each badge when its call resolves; the first one ("…", registering) is slow to land.
    const badges: string[] = []
    let first = true
    const action = (globalThis as unknown as { chrome: { action: { setBadgeText: (d: { text: string }) => Promise<void> } } }).chrome.action
    action.setBadgeText = async ({ text }) => {
      const late = first
      first = false
      if (late) await new Promise((r) => setTimeout(r, 20))
      badges.push(text)
    }
    const signals = new BrowserSignals(() => null)
    const registering = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1000)
    const registered = transition(registering, { type: "registered" }, 2000)
    // The event page's restart paints at once (outside show's queue) while the queue paints the next state.
    const a = signals.paint(registering, null)
    const b = signals.paint(registered, null)
    await Promise.all([a, b])
    expect(badges.at(-1)).toBe("")
    expect(titles.at(-1)).toBe("Comptoir · Ready for calls")
  })
})
