// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { CallLog } from "~src/domain/calls/call-log.schema"
import { AppShell } from "~src/ui/app-shell"

import { CallsSection } from "./calls-section"

const STARTED = Date.UTC(2026, 11, 2, 9, 15)
const log = (over: Partial<CallLog>): CallLog =>
  CallLog.parse({ id: "l1", direction: "outbound", number: "+33612345678", customerId: "cu1", startedAt: STARTED, durationSeconds: 390, outcome: "quote-requested", notes: "", agent: "agent1@demo.comptoir.test", createdAt: 1, ...over })

function stubChrome(language: "fr" | "en", calls: unknown[], names?: Record<string, string>) {
  const sendMessage = vi.fn(async (m: { type: string }) => (m.type === "calls/recent" ? { ok: true, data: { calls, names } } : { ok: false, error: "unexpected" }))
  vi.stubGlobal("chrome", {
    runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` },
    storage: { local: { get: async () => ({ settings: { language } }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  return sendMessage
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the workspace's Calls section", () => {
  it("has a heading and lists the latest calls, newest first, with the customer, the outcome, the length and the notes", async () => {
    const sendMessage = stubChrome("fr", [
      { log: log({ id: "l2", notes: "Veut un devis pour 200 paires de gants" }), customer: { id: "cu1", code: "C-00012", company: "Dupont SARL" } },
      { log: log({ id: "l1", customerId: null, number: "+33198765432", direction: "inbound", durationSeconds: 0, outcome: "wrong-number", startedAt: STARTED - 3_600_000 }), customer: null }
    ])
    render(
      <AppShell>
        <CallsSection path={[]} />
      </AppShell>
    )
    expect(await screen.findByRole("heading", { level: 1, name: "Appels" })).toBeTruthy()
    const rows = await screen.findAllByRole("row")
    // Asked after the rows are there: the heading can be on screen before the section's effect has sent the request.
    expect(sendMessage).toHaveBeenCalledWith({ type: "calls/recent", payload: { limit: 100 } })
    // The header row, then the calls in the order the background gave them.
    expect(rows).toHaveLength(3)
    const first = within(rows[1]!)
    expect(first.getByText("Dupont SARL")).toBeTruthy()
    expect(first.getByText("Devis demandé")).toBeTruthy()
    expect(first.getByText("6:30")).toBeTruthy()
    expect(first.getByText("Veut un devis pour 200 paires de gants")).toBeTruthy()
    expect(rows[1]!.textContent).toContain("02/12/2026")
    // A number nobody in the base has: the number, in the agent's country's format.
    expect(within(rows[2]!).getByText("01 98 76 54 32")).toBeTruthy()
    expect(within(rows[2]!).getByText("Faux numéro")).toBeTruthy()
  })

  it("says there is no call yet, under its heading", async () => {
    stubChrome("en", [])
    render(
      <AppShell>
        <CallsSection path={[]} />
      </AppShell>
    )
    expect(await screen.findByRole("heading", { level: 1, name: "Calls" })).toBeTruthy()
    expect(await screen.findByText("No call logged yet.")).toBeTruthy()
  })

  it("names the agent who took each call by the name their account goes by, the e-mail only for an account without one", async () => {
    stubChrome(
      "en",
      [
        { log: log({ id: "l2" }), customer: { id: "cu1", code: "C-00012", company: "Dupont SARL" } },
        { log: log({ id: "l1", agent: "Nameless@demo.comptoir.test" }), customer: { id: "cu1", code: "C-00012", company: "Dupont SARL" } }
      ],
      { "agent1@demo.comptoir.test": "Marc Lefèbvre" }
    )
    render(
      <AppShell>
        <CallsSection path={[]} />
      </AppShell>
    )
    const rows = await screen.findAllByRole("row")
    expect(within(rows[1]!).getByText("Marc Lefèbvre")).toBeTruthy()
    expect(rows[1]!.textContent).not.toContain("agent1@demo.comptoir.test")
    expect(within(rows[2]!).getByText("Nameless@demo.comptoir.test")).toBeTruthy()
  })

  it("says when a call-back is due and when an appointment was set, beside the outcome, so the list is the agent's agenda too", async () => {
    stubChrome("en", [
      { log: log({ id: "l2", outcome: "call-back", callbackAt: Date.UTC(2026, 11, 8, 10) }), customer: { id: "cu1", code: "C-00004", company: "Ingram Motors Ltd" } },
      {
        log: log({ id: "l1", outcome: "appointment-set", appointment: { date: "2026-12-10", time: "14:30", timeZone: "Europe/London", durationMinutes: 60, salesRep: "Claire Dubois", place: "At the customer's" } }),
        customer: { id: "cu1", code: "C-00004", company: "Ingram Motors Ltd" }
      }
    ])
    render(
      <AppShell>
        <CallsSection path={[]} />
      </AppShell>
    )
    const rows = await screen.findAllByRole("row")
    expect(rows[1]!.querySelector('[data-comptoir="call-row-when"]')?.textContent).toMatch(/^Call back on 8 Dec 2026, \d{2}:00$/)
    expect(rows[2]!.querySelector('[data-comptoir="call-row-when"]')?.textContent).toBe("Appointment 10 Dec 2026 14:30 with Claire Dubois, At the customer's")
  })
})
