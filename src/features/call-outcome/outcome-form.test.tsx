// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { outcomeDefaults } from "~src/domain/calls/outcome-form"
import { createI18n } from "~src/i18n"

import { OutcomeForm } from "./outcome-form"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The form after a call that started on 3 Dec 2026 at 19:03 in the agent's zone and lasted 4 min 30 s. */
function showAfterCall(language: "fr" | "en") {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })) }, storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } } })
  const startedAt = Date.UTC(2026, 11, 3, 18, 3)
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <OutcomeForm
        draftId="call-1"
        context={{ callId: "call-1", customer: null, measured: { startedAt, durationSeconds: 270 }, correctsId: null }}
        defaults={outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt, durationSeconds: 270, contactId: null }, "Europe/Paris", startedAt + 300_000)}
        summary={{ direction: "outbound", number: "+33612345678", startedAt, contactId: null }}
        draftValues={null}
        agentCountry="FR"
        onSaved={() => undefined}
      />
    </I18nextProvider>
  )
  return document.querySelector('[data-comptoir="outcome-call-details"] summary')!.textContent
}

describe("the call-outcome form's call line", () => {
  it("gives the call's start in the French interface's way, not as an ISO date", () => {
    const line = showAfterCall("fr")
    expect(line).toBe("↗ · 06 12 34 56 78 · 3 déc. 2026, 19:03 · 4:30")
    expect(line).not.toContain("2026-12-03")
    // The field under it stays the browser's own input, holding the same time.
    expect(document.querySelector<HTMLInputElement>('input[type="datetime-local"]')!.value).toBe("2026-12-03T19:03")
  })

  it("and in the English one, the month in letters (the input under it shows the browser's order)", () => {
    expect(showAfterCall("en")).toContain("3 Dec 2026, 19:03")
  })
})
