// @vitest-environment jsdom
import { cleanup, fireEvent, render, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { outcomeDefaults, type OutcomeCustomer } from "~src/domain/calls/outcome-form"
import type { EndReason } from "~src/domain/telephony"
import { createI18n } from "~src/i18n"
import { formatDateTime } from "~src/ui/dates"

import { OutcomeForm } from "./outcome-form"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The form after a call that started on 3 Dec 2026 at 19:03 in the agent's zone and lasted 4 min 30 s. */
function showAfterCall(language: "fr" | "en", end: { endReason?: EndReason; durationSeconds?: number } = {}, customer: OutcomeCustomer | null = null, contactId: string | null = null) {
  const durationSeconds = end.durationSeconds ?? 270
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })) }, storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } } })
  const startedAt = Date.UTC(2026, 11, 3, 18, 3)
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <OutcomeForm
        draftId="call-1"
        context={{ callId: "call-1", customer, measured: { startedAt, durationSeconds, endReason: end.endReason }, correctsId: null }}
        defaults={outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt, durationSeconds, contactId }, "Europe/Paris", startedAt + 300_000)}
        summary={{ direction: "outbound", number: "+33612345678", startedAt, contactId }}
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
    expect(line).toBe("↗ · 06 12 34 56 78 · 03/12/2026 19:03 · 4:30")
    expect(line).not.toContain("2026-12-03")
    // The fields under it hold the same day and time: the day in the browser's date input (written out beside it),
    // the time as text on the 24-hour clock, not a datetime-local field drawn in the browser's locale.
    expect(document.querySelector('input[type="datetime-local"]')).toBeNull()
    expect(document.querySelector<HTMLInputElement>('input[name="startedAt.day"]')!.value).toBe("2026-12-03")
    expect(document.querySelector<HTMLInputElement>('input[name="startedAt.time"]')!.value).toBe("19:03")
    expect(document.querySelector<HTMLInputElement>('input[name="startedAt.time"]')!.type).toBe("text")
  })

  it("and in the English one, the month in letters", () => {
    expect(showAfterCall("en")).toContain("3 Dec 2026, 19:03")
  })

  it("says the call was cut off when the phone did not end it (a closed browser, the network), so the agent knows why the form is here", () => {
    expect(showAfterCall("fr", { endReason: "failed" })).toBe("↗ · 06 12 34 56 78 · 03/12/2026 19:03 · 4:30 · appel coupé : durée jusqu'au dernier signe de la ligne")
    cleanup()
    expect(showAfterCall("en", { endReason: "failed" })).toContain("4:30 · cut off: talk time as far as it was seen")
  })

  it("says a call that failed before anyone answered did not go through, not that it was cut", () => {
    expect(showAfterCall("en", { endReason: "failed", durationSeconds: 0 })).toMatch(/ · did not go through$/)
  })

  it("says nothing more after an ordinary hang-up", () => {
    expect(showAfterCall("en", { endReason: "hangup-remote" })).toBe("↗ · 06 12 34 56 78 · 3 Dec 2026, 19:03 · 4:30")
  })
})

describe("one style for a call's date and time", () => {
  // The dock's call history, its "to log" list, the reminders and the card's timeline all write a call's start with
  // formatDateTime; the form's call line must read the same, or one dock shows « 8 déc. 2026, 00:11 » above
  // « 08/12/2026 00:02 » (walk21ff).
  const startedAt = Date.UTC(2026, 11, 3, 18, 3)

  it("shows a call's start in the same style in the history and the outcome form, in French", () => {
    const line = showAfterCall("fr")
    expect(line).toContain(` · ${formatDateTime(startedAt, "fr", "Europe/Paris")} · `)
    expect(line).toBe("↗ · 06 12 34 56 78 · 03/12/2026 19:03 · 4:30")
  })

  it("shows a call's start in the same style in the history and the outcome form, in English", () => {
    const line = showAfterCall("en")
    expect(line).toContain(` · ${formatDateTime(startedAt, "en", "Europe/Paris")} · `)
    expect(line).toBe("↗ · 06 12 34 56 78 · 3 Dec 2026, 19:03 · 4:30")
  })
})

describe("the call-outcome form's dates", () => {
  /** The words the date input names as its description (what a screen reader reads after its label). */
  const wordsOf = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent

  it("writes the call-back date out in French beside the input, as the agent types it", async () => {
    showAfterCall("fr")
    fireEvent.click(document.querySelector('[data-comptoir="outcome-add-callback"]')!)
    const input = document.querySelector<HTMLInputElement>('input[name="callback.date"]')!
    expect(input.type).toBe("date")
    expect(wordsOf(input)).toBe("")
    fireEvent.change(input, { target: { value: "2026-12-10" } })
    await waitFor(() => expect(wordsOf(input)).toBe("jeudi 10 décembre 2026"))
    expect(input.value).toBe("2026-12-10")
  })

  it("writes the appointment date out in the English interface's words, not the browser's month-first digits", async () => {
    showAfterCall("en")
    fireEvent.click(document.querySelector('[data-comptoir="outcome-add-appointment"]')!)
    const input = document.querySelector<HTMLInputElement>('input[name="appointment.date"]')!
    fireEvent.change(input, { target: { value: "2027-01-04" } })
    await waitFor(() => expect(wordsOf(input)).toBe("Monday 4 January 2027"))
  })
})

describe("the call-outcome form's times", () => {
  it("takes the call-back's time as text on the 24-hour clock, whatever the browser's locale, and writes back the time understood", async () => {
    showAfterCall("fr")
    fireEvent.click(document.querySelector('[data-comptoir="outcome-add-callback"]')!)
    const input = document.querySelector<HTMLInputElement>('input[name="callback.time"]')!
    // Not the browser's time field: Firefox draws that one from its own locale (12-hour AM/PM for a French agent).
    expect(input.type).toBe("text")
    expect(input.placeholder).toBe("hh:mm")
    expect(document.querySelector(`label[for="${input.id}"]`)!.textContent).toBe("Heure (24 h)")
    fireEvent.change(input, { target: { value: "14h30" } })
    fireEvent.blur(input)
    await waitFor(() => expect(input.value).toBe("14:30"))
  })

  it("takes the call's start time the same way, and the call line follows it", async () => {
    const line = () => document.querySelector('[data-comptoir="outcome-call-details"] summary')!.textContent
    showAfterCall("fr")
    const input = document.querySelector<HTMLInputElement>('input[name="startedAt.time"]')!
    fireEvent.change(input, { target: { value: "18h5" } })
    fireEvent.change(input, { target: { value: "1805" } })
    fireEvent.blur(input)
    await waitFor(() => expect(input.value).toBe("18:05"))
    expect(line()).toBe("↗ · 06 12 34 56 78 · 03/12/2026 18:05 · 4:30")
  })

  it("says under the field, in the agent's words, that a time it cannot read is not one", async () => {
    showAfterCall("en")
    fireEvent.click(document.querySelector('[data-comptoir="outcome-add-callback"]')!)
    fireEvent.change(document.querySelector('input[name="callback.date"]')!, { target: { value: "2031-03-04" } })
    const input = document.querySelector<HTMLInputElement>('input[name="callback.time"]')!
    fireEvent.change(input, { target: { value: "25h" } })
    fireEvent.blur(input)
    expect(input.value).toBe("25h")
    fireEvent.click(document.querySelector('[data-comptoir="outcome-save"]')!)
    await waitFor(() => expect(document.body.textContent).toContain("That is not a time: type it on the 24-hour clock, e.g. 14:30 or 1430."))
  })
})

describe("the call-outcome form's appointment", () => {
  const dupont: OutcomeCustomer = { id: "cu1", company: "Dupont SARL", code: "C-00012", contacts: [], salesRep: "Julien Marchand" }

  it("names the customer's own sales rep as soon as the agent adds an appointment", async () => {
    showAfterCall("fr", {}, dupont)
    expect(document.querySelector('input[name="appointment.salesRep"]')).toBeNull()
    fireEvent.click(document.querySelector('[data-comptoir="outcome-add-appointment"]')!)
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('input[name="appointment.salesRep"]')!.value).toBe("Julien Marchand"))
  })

  it("and when the outcome is 'appointment set'", async () => {
    showAfterCall("en", {}, dupont)
    fireEvent.change(document.querySelector('select[name="outcome"]')!, { target: { value: "appointment-set" } })
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('input[name="appointment.salesRep"]')!.value).toBe("Julien Marchand"))
  })
})

describe("the call-outcome form's heading", () => {
  const ingram: OutcomeCustomer = {
    id: "cu4",
    company: "Ingram Motors Ltd",
    code: "C-00004",
    salesRep: null,
    contacts: [
      { id: "k1", name: "Amelia Ashworth", phones: ["+442087986885"] },
      { id: "k2", name: "Matthew Pickering", phones: ["+442073813006"] },
      { id: "k3", name: "Matthew Ellington", phones: ["+447510245777"] }
    ]
  }
  const heading = () => document.querySelector('[data-comptoir="outcome-customer"]')!.textContent

  it("names the contact the call will be logged to beside the company, without unfolding the call's details", () => {
    showAfterCall("en", {}, ingram, "k2")
    expect(heading()).toBe("Ingram Motors Ltd\u00a0· Matthew Pickering · C-00004")
    // A person's name in one piece, on the narrow side panel too.
    expect(document.querySelector('[data-comptoir="outcome-contact"]')?.className).toBe("c-nowrap")
  })

  it("follows the contact the agent picks in the details, and names the company alone when none is", async () => {
    showAfterCall("en", {}, ingram, "k2")
    fireEvent.change(document.querySelector('select[name="contactId"]')!, { target: { value: "k3" } })
    await waitFor(() => expect(heading()).toBe("Ingram Motors Ltd\u00a0· Matthew Ellington · C-00004"))
    fireEvent.change(document.querySelector('select[name="contactId"]')!, { target: { value: "" } })
    await waitFor(() => expect(heading()).toBe("Ingram Motors Ltd · C-00004"))
  })
})
