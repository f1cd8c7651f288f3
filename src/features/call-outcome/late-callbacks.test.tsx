// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { CallLog } from "~src/domain/calls/call-log.schema"
import { createI18n } from "~src/i18n"
import { contract } from "~src/messaging/contract"

import { LateCallbacks } from "./late-callbacks"

/** A call-back due yesterday, logged to Marie Dupont of Société X. */
const log = CallLog.parse({
  id: "log-1", direction: "outbound", number: "+33144319244", customerId: "c-x", contactId: "p-marie", startedAt: 1_000, durationSeconds: 60,
  outcome: "call-back", callbackAt: 2_000, agent: "agent@comptoir.local", createdAt: 1_000
})

/** The late call-backs listed with `customer` (null: deleted since); what Call sends to the background. */
async function callBack(customer: { id: string; code: string; company: string } | null) {
  const sent: { type: string; payload: unknown }[] = []
  vi.stubGlobal("chrome", {
    runtime: {
      sendMessage: vi.fn(async (m: { type: string; payload: unknown }) => {
        sent.push(m)
        return m.type === "calls/late" ? { ok: true, data: { callbacks: [{ log, customer }] } } : { ok: true, data: { ok: true, callId: "c1" } }
      })
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  const page = render(
    <I18nextProvider i18n={createI18n("en")}>
      <LateCallbacks agentCountry="FR" />
    </I18nextProvider>
  )
  const call = await page.findByRole("button", { name: /call/i })
  await act(async () => void fireEvent.click(call))
  return sent.find((m) => m.type === "softphone/call")!.payload
}

describe("a late call-back's Call", () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it("calls the contact it was logged to, with their customer", async () => {
    const payload = await callBack({ id: "c-x", code: "C-X", company: "Société X" })
    expect(payload).toEqual({ number: "+33144319244", customerId: "c-x", contactId: "p-marie" })
    expect(contract["softphone/call"].request.safeParse(payload).success).toBe(true)
  })

  it("calls the number alone, in words the background accepts, when the customer was deleted since", async () => {
    const payload = await callBack(null)
    expect(payload).toEqual({ number: "+33144319244" })
    expect(contract["softphone/call"].request.safeParse(payload).success).toBe(true)
  })
})

describe("a late call-back's line", () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it("is one sentence wrapping as text, each · held to the word before it, so no wrapped line starts with one", async () => {
    const withNotes = CallLog.parse({ ...log, notes: "In a meeting, call back in two days" })
    vi.stubGlobal("chrome", {
      runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { callbacks: [{ log: withNotes, customer: { id: "c-x", code: "C-X", company: "Serrurerie Vasseur-Mercier SARL" } }] } })) },
      storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } }
    })
    const page = render(
      <I18nextProvider i18n={createI18n("en")}>
        <LateCallbacks agentCountry="FR" />
      </I18nextProvider>
    )
    await page.findByRole("button", { name: /call/i })
    const item = document.querySelector('[data-comptoir="callback-late"]')!
    // The list item is a wrapping flex row: each of its children wraps as a whole, so the words are one child.
    expect(item.firstElementChild!.textContent).toMatch(/^Serrurerie Vasseur-Mercier SARL\u00a0· due .+\u00a0· In a meeting, call back in two days$/)
    expect([...item.children].map((c) => c.tagName)).toEqual(["SPAN", "BUTTON", "BUTTON"])
    // The due date never wraps between its month and its year.
    expect(item.querySelector(".c-nowrap")?.textContent).toMatch(/^due \d{1,2} Jan 1970, \d{2}:\d{2}$/)
  })
})
