// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { outcomeDefaults, type OutcomeCustomer, type OutcomeFormValues } from "~src/domain/calls/outcome-form"
import { readIcs } from "~src/domain/calls/test-ics"
import { createI18n } from "~src/i18n"

import { OutcomeForm } from "./outcome-form"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const TEAM = {
  active: ["Julien Marchand", "Claire Dubois", "Bruno Petit"],
  inactive: ["Paul Girard"],
  people: [
    { name: "Julien Marchand", email: "julien.marchand@comptoir.example" },
    { name: "Claire Dubois", email: "claire.dubois@comptoir.example" },
    { name: "Bruno Petit", email: "bruno.petit@comptoir.example" }
  ]
}
const dupont = (salesRep: string | null): OutcomeCustomer => ({ id: "cu1", company: "Dupont SARL", code: "C-00012", contacts: [], salesRep })

/** The form after a call with the customer (or a correction whose appointment names `appointmentRep`), the team's names as the background keeps them. */
function showOutcome(language: "fr" | "en", customer: OutcomeCustomer, appointmentRep?: string) {
  const answers: Record<string, unknown> = { "team/reps": TEAM }
  // The background stores the log as the signed-in agent's (calls/log): the form gets it back with the agent's e-mail.
  const stored = (payload: { log: { id: string } }) => ({ ok: true, id: payload.log.id, log: { ...payload.log, agent: "claire.dubois@comptoir.example" } })
  vi.stubGlobal("chrome", {
    runtime: {
      sendMessage: vi.fn(async ({ type, payload }: { type: string; payload: { log: { id: string } } }) =>
        type === "calls/log" ? { ok: true, data: stored(payload) } : type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" }
      )
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  const startedAt = Date.UTC(2026, 11, 3, 18, 3)
  const defaults: OutcomeFormValues = outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt, durationSeconds: 270, contactId: null }, "Europe/Paris", startedAt + 300_000)
  if (appointmentRep !== undefined) {
    defaults.outcome = "appointment-set"
    defaults.appointment = { date: "2026-12-10", time: "10:00", salesRep: appointmentRep, place: "Lyon" }
  }
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <OutcomeForm
        draftId="call-1"
        context={{ callId: "call-1", customer, measured: { startedAt, durationSeconds: 270 }, correctsId: null }}
        defaults={defaults}
        summary={{ direction: "outbound", number: "+33612345678", startedAt, contactId: null }}
        draftValues={null}
        agentCountry="FR"
        onSaved={() => undefined}
      />
    </I18nextProvider>
  )
}

const addAppointment = () => fireEvent.click(document.querySelector('[data-comptoir="outcome-add-appointment"]')!)
const optionsOf = (select: HTMLElement) => within(select).getAllByRole("option").map((o) => o.textContent)

describe("the appointment's sales rep", () => {
  it("is picked among the team's active users, never typed, and starts as the customer's own rep", async () => {
    showOutcome("en", dupont("julien marchand"))
    addAppointment()
    const rep = (await screen.findByLabelText("Sales rep")) as HTMLSelectElement
    expect(rep.tagName).toBe("SELECT")
    await waitFor(() => expect(rep.value).toBe("Julien Marchand"))
    expect(optionsOf(rep)).toEqual(["— nobody —", "Bruno Petit", "Claire Dubois", "Julien Marchand"])
  })

  it("is not given to a customer's rep whose account is disabled: the agent picks who meets the customer", async () => {
    showOutcome("fr", dupont("Paul Girard"))
    addAppointment()
    const rep = (await screen.findByLabelText("Commercial")) as HTMLSelectElement
    await waitFor(() => expect(optionsOf(rep)).toContain("Bruno Petit"))
    expect(rep.value).toBe("")
    expect(optionsOf(rep)).not.toContain("Paul Girard (compte désactivé)")
    fireEvent.change(rep, { target: { value: "Claire Dubois" } })
    expect(rep.value).toBe("Claire Dubois")
  })

  it("keeps a disabled user an appointment already names, shown as inactive with a note, rather than dropping it", async () => {
    showOutcome("en", dupont("Julien Marchand"), "Paul Girard")
    const rep = (await screen.findByLabelText(/^Sales rep/)) as HTMLSelectElement
    await waitFor(() => expect(rep.selectedOptions[0]?.textContent).toBe("Paul Girard (inactive)"))
    expect(rep.value).toBe("Paul Girard")
    expect(document.querySelector('[data-comptoir="sales-rep-inactive"]')!.textContent).toBe("Paul Girard's account is disabled: kept here until you pick an active member.")
  })
})

describe("the calendar file saved with an appointment", () => {
  it("is organized by the agent and invites the picked rep at the e-mail the team knows", async () => {
    const files: Blob[] = []
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: (b: Blob) => (files.push(b), "blob:ics"), revokeObjectURL: () => undefined }))
    showOutcome("fr", dupont("Julien Marchand"), "Bruno Petit")
    const rep = (await screen.findByLabelText(/^Commercial/)) as HTMLSelectElement
    await waitFor(() => expect(rep.value).toBe("Bruno Petit"))
    fireEvent.click(document.querySelector('[data-comptoir="outcome-save"]')!)
    await waitFor(() => expect(files).toHaveLength(1))
    const people = readIcs(await files[0]!.text())
      .filter((p) => p.name === "ORGANIZER" || p.name === "ATTENDEE")
      .map((p) => `${p.name} ${p.params.CN} ${p.value.replace(/^mailto:/i, "")}`)
    expect(people).toEqual(["ORGANIZER Claire Dubois claire.dubois@comptoir.example", "ATTENDEE Bruno Petit bruno.petit@comptoir.example"])
  })
})
