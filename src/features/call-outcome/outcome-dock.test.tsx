// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { DRAFTS_CHANGED_KEY, type OutcomeDraft } from "~src/domain/calls/outcome-draft"
import type { CallRecord } from "~src/domain/telephony/call-record"
import { createI18n } from "~src/i18n"

import { CallOutcomeDock, openFromCall, openFromDraft, type OutcomeCall } from "./outcome-dock"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const NOW = Date.UTC(2026, 11, 4, 9, 0)
const lastCall: CallRecord = {
  id: "call-1",
  direction: "outbound",
  number: "+33612345678",
  provider: "sip",
  customerId: null,
  contactId: null,
  startedAt: NOW - 120_000,
  answeredAt: NOW - 110_000,
  endedAt: NOW - 15_000,
  durationMs: 95_000,
  endReason: "hangup-local"
}
const draft: OutcomeDraft = {
  id: "call-1",
  context: { callId: "call-1", customer: null, measured: { startedAt: lastCall.startedAt, durationSeconds: 95 }, correctsId: null },
  values: null,
  summary: { direction: "outbound", number: "+33612345678", startedAt: lastCall.startedAt, contactId: null },
  createdAt: NOW,
  updatedAt: NOW
}

/** A background holding the "to log" drafts, and the storage signal it bumps when one goes. */
function fakeBackground(drafts: OutcomeDraft[]) {
  const listeners = new Set<(changes: Record<string, chrome.storage.StorageChange>, area: string) => void>()
  const answers: Record<string, (payload: { log?: unknown }) => unknown> = {
    "outcome/pending": () => ({ drafts }),
    // Saved as sent, as the background answers a first log of a call.
    "calls/log": (payload) => ({ ok: true, id: (payload.log as { id: string }).id, log: payload.log }),
    "outcome/draft": () => ({ draft: drafts.find((d) => d.id === "call-1") ?? null }),
    "calls/late": () => ({ callbacks: [] })
  }
  vi.stubGlobal("chrome", {
    runtime: { sendMessage: vi.fn(async (m: { type: string; payload: { log?: unknown } }) => (answers[m.type] ? { ok: true, data: answers[m.type]!(m.payload) } : { ok: false, error: "not in this test" })) },
    storage: { onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } }
  })
  return {
    /** Another dock saved the call's outcome: its draft is gone, and the background says so. */
    savedElsewhere: () => {
      drafts.splice(0)
      for (const l of listeners) l({ [DRAFTS_CHANGED_KEY]: { newValue: Date.now() } }, "session")
    }
  }
}

describe("the outcome dock with the call's form open in two places", () => {
  it("closes its form once the other dock saved the call's outcome", async () => {
    const background = fakeBackground([draft])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <CallOutcomeDock call={{ id: "call-1", direction: "outbound", number: "+33612345678", startedAt: lastCall.startedAt, phase: "ended" }} lastCall={lastCall} caller={null} agentCountry="FR" />
      </I18nextProvider>
    )
    // Opened on the ended call, the dock finds it in the "to log" list and opens its form.
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-form"]')).not.toBeNull())
    // The dock has read the "to log" list, with this call in it.
    await waitFor(() => expect(vi.mocked(chrome.runtime.sendMessage)).toHaveBeenCalledWith({ type: "outcome/pending", payload: {} }))
    await act(async () => {
      background.savedElsewhere()
      await Promise.resolve()
    })
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-form"]')).toBeNull())
  })
})

describe("the form of a call that did not go through", () => {
  const refused = (endReason: CallRecord["endReason"]): CallRecord => ({ ...lastCall, answeredAt: null, durationMs: 0, endReason })

  it("opens with what the network said chosen: busy, no answer; other calls open with nothing chosen", () => {
    expect(openFromCall(refused("busy"), null, NOW, "Europe/Paris").defaults.outcome).toBe("busy")
    expect(openFromCall(refused("no-answer"), null, NOW, "Europe/Paris").defaults.outcome).toBe("no-answer")
    expect(openFromCall(refused("cancelled"), null, NOW, "Europe/Paris").defaults.outcome).toBe("")
    expect(openFromCall(lastCall, null, NOW, "Europe/Paris").defaults.outcome).toBe("")
  })

  it("opens the same way again from its draft (a closed popup, another surface)", () => {
    const busy = { ...draft, context: { ...draft.context, measured: { startedAt: lastCall.startedAt, durationSeconds: 0, endReason: "busy" as const } } }
    expect(openFromDraft(busy, NOW, "Europe/Paris").defaults.outcome).toBe("busy")
    expect(openFromDraft(draft, NOW, "Europe/Paris").defaults.outcome).toBe("")
  })
})

describe("the form of an earlier call when the next call comes", () => {
  const dock = (call: { id: string; phase: "ringing-in" | "talking" | "ended" }) => (
    <I18nextProvider i18n={createI18n("en")}>
      <CallOutcomeDock call={{ direction: "inbound", number: "+33757709109", startedAt: NOW, ...call }} lastCall={lastCall} caller={null} agentCountry="FR" />
    </I18nextProvider>
  )

  it("goes back to the 'to log' list when nobody typed in it, so it never sits under the new caller's card", async () => {
    fakeBackground([{ ...draft }])
    const { rerender } = render(dock({ id: "call-1", phase: "ended" }))
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')).not.toBeNull())
    rerender(dock({ id: "call-2", phase: "ringing-in" }))
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-form"]')).toBeNull())
    expect(document.querySelector('[data-comptoir="outcome-pending-item"]')).not.toBeNull()
  })

  it("stays open when the agent had typed in it", async () => {
    fakeBackground([{ ...draft, values: { notes: "wants a quote" } }])
    const { rerender } = render(dock({ id: "call-1", phase: "ended" }))
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')).not.toBeNull())
    rerender(dock({ id: "call-2", phase: "talking" }))
    await new Promise((r) => setTimeout(r, 50))
    expect(document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')).not.toBeNull()
  })
})

describe("the notice of a call just logged", () => {
  const dock = (call: { id: string; phase: "ringing-in" | "talking" | "ended" }) => (
    <I18nextProvider i18n={createI18n("en")}>
      <CallOutcomeDock call={{ direction: "outbound", number: "+33612345678", startedAt: lastCall.startedAt, ...call }} lastCall={lastCall} caller={null} agentCountry="FR" />
    </I18nextProvider>
  )

  it("goes when the next call rings: it named the last customer's outcome under the new caller's card", async () => {
    fakeBackground([{ ...draft }])
    const { rerender } = render(dock({ id: "call-1", phase: "talking" }))
    rerender(dock({ id: "call-1", phase: "ended" }))
    const form = document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')!
    fireEvent.change(form.querySelector('select[name="outcome"]')!, { target: { value: "information-given" } })
    fireEvent.click(form.querySelector('[data-comptoir="outcome-save"]')!)
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-saved"]')?.textContent).toContain("Call logged as “Information given”."))
    rerender(dock({ id: "call-2", phase: "ringing-in" }))
    expect(document.querySelector('[data-comptoir="outcome-saved"]')).toBeNull()
    // Nor does it come back once that call is over.
    rerender(dock({ id: "call-2", phase: "ended" }))
    expect(document.querySelector('[data-comptoir="outcome-saved"]')).toBeNull()
  })

  it("reads as sentences for a call-back: the outcome, then when the reminder rings; no stray period or separator", async () => {
    fakeBackground([{ ...draft }])
    const { rerender } = render(dock({ id: "call-1", phase: "talking" }))
    rerender(dock({ id: "call-1", phase: "ended" }))
    const form = document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')!
    fireEvent.change(form.querySelector('select[name="outcome"]')!, { target: { value: "call-back" } })
    await waitFor(() => expect(form.querySelector('input[name="callback.date"]')).not.toBeNull())
    fireEvent.change(form.querySelector('input[name="callback.date"]')!, { target: { value: "2030-01-15" } })
    fireEvent.change(form.querySelector('input[name="callback.time"]')!, { target: { value: "10:00" } })
    fireEvent.click(form.querySelector('[data-comptoir="outcome-save"]')!)
    await waitFor(() => expect(document.querySelector('[data-comptoir="outcome-saved"]')).not.toBeNull())
    const text = document.querySelector('[data-comptoir="outcome-saved"]')!.textContent!.replace("×", "").trim()
    expect(text).toBe("✓ Call logged as “Call back”. Reminder to call back on 15 Jan 2030, 10:00.")
    expect(text).not.toContain("·")
  })
})

describe("a dock opened on a call already ended", () => {
  const dock = (phase: "talking" | "ended") => (
    <I18nextProvider i18n={createI18n("en")}>
      <CallOutcomeDock call={{ id: "call-1", direction: "outbound", number: "+33612345678", startedAt: lastCall.startedAt, phase }} lastCall={phase === "ended" ? lastCall : null} caller={null} agentCountry="FR" />
    </I18nextProvider>
  )

  it("does not open the form of a call already logged (it showed it under the next caller's card)", async () => {
    fakeBackground([])
    render(dock("ended"))
    await waitFor(() => expect(vi.mocked(chrome.runtime.sendMessage)).toHaveBeenCalledWith({ type: "outcome/pending", payload: {} }))
    await new Promise((r) => setTimeout(r, 50))
    expect(document.querySelector('[data-comptoir="outcome-form"]')).toBeNull()
  })

  it("still opens the form in the same frame as the hang-up in a dock that showed the call", () => {
    fakeBackground([])
    const { rerender } = render(dock("talking"))
    rerender(dock("ended"))
    expect(document.querySelector('[data-comptoir="outcome-form"][data-call-id="call-1"]')).not.toBeNull()
  })
})

describe("the 'to log' list while a call is set up", () => {
  const earlier = (id: string, number: string, startedAt: number): OutcomeDraft => ({
    ...draft,
    id,
    context: { ...draft.context, callId: id, measured: { startedAt, durationSeconds: 30 } },
    summary: { direction: "outbound", number, startedAt, contactId: null }
  })

  it("is not rendered again when a call starts ringing out and is answered: its dates are formatted once", async () => {
    fakeBackground([earlier("call-a", "+33611111111", NOW - 3_600_000), earlier("call-b", "+33622222222", NOW - 7_200_000)])
    const i18n = createI18n("en")
    const dock = (call: OutcomeCall | null) => (
      <I18nextProvider i18n={i18n}>
        <CallOutcomeDock call={call} lastCall={null} caller={null} agentCountry="FR" />
      </I18nextProvider>
    )
    const { rerender } = render(dock(null))
    await waitFor(() => expect(document.querySelectorAll('[data-comptoir="outcome-pending-item"]')).toHaveLength(2))
    const formatted = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts")
    rerender(dock({ id: "call-c", direction: "outbound", number: "+33633333333", startedAt: NOW, phase: "talking" }))
    expect(document.querySelector('[data-comptoir="outcome-open-live"]')).not.toBeNull()
    expect(document.querySelectorAll('[data-comptoir="outcome-pending-item"]')).toHaveLength(2)
    expect(formatted).not.toHaveBeenCalled()
    formatted.mockRestore()
  })
})

describe("the 'to log' list at a company of several contacts", () => {
  const ingram = {
    id: "cu4",
    company: "Ingram Motors Ltd",
    code: "C-00004",
    salesRep: null,
    contacts: [
      { id: "k1", name: "Amelia Ashworth", phones: ["+442087986885"] },
      { id: "k2", name: "Matthew Pickering", phones: ["+442073813006"] }
    ]
  }
  // Each from a number of its own: the list folds untouched calls from one number into one line.
  const toLog = (id: string, number: string, contactId: string | null, values: Record<string, unknown> | null = null): OutcomeDraft => ({
    ...draft,
    id,
    context: { ...draft.context, callId: id, customer: ingram },
    values,
    summary: { direction: "inbound", number, startedAt: NOW - 3_600_000, contactId }
  })

  it("names the contact of each call beside the company, the one the agent picked in the form first", async () => {
    fakeBackground([toLog("call-a", "+442073813006", "k2"), toLog("call-b", "+442073813006", "k2", { contactId: "k1", notes: "typed" }), toLog("call-c", "+442087000000", null)])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <CallOutcomeDock call={null} lastCall={null} caller={null} agentCountry="GB" />
      </I18nextProvider>
    )
    await waitFor(() => expect(document.querySelectorAll('[data-comptoir="outcome-pending-item"]')).toHaveLength(3))
    const who = [...document.querySelectorAll('[data-comptoir="outcome-pending-who"]')].map((w) => w.textContent!.replace(/\u00a0·\u00a0\d.*$/, ""))
    expect(who).toEqual(["↙ Ingram Motors Ltd\u00a0· Matthew Pickering", "↙ Ingram Motors Ltd\u00a0· Amelia Ashworth", "↙ Ingram Motors Ltd"])
    // A person's name never wraps between first and last name.
    expect(document.querySelector('[data-comptoir="outcome-pending-who"] .c-nowrap')?.textContent).toBe("Matthew Pickering")
  })
})
