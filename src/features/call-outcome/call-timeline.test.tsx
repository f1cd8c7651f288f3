// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { CallTimeline } from "./call-timeline"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const appointmentLog = {
  id: "l1",
  direction: "outbound",
  startedAt: Date.UTC(2026, 11, 3, 9, 15),
  durationSeconds: 390,
  outcome: "appointment-set",
  notes: "",
  agent: "agent1@demo.comptoir.test",
  callbackAt: null,
  correctsId: null,
  appointment: { date: "2026-12-10", time: "14:30", salesRep: "Claire Martin", place: "Chez le client" }
}

async function timeline(language: "fr" | "en") {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { logs: [appointmentLog], total: 1 } })) } })
  const i18n = createI18n(language)
  render(<CallTimeline customerId="cu1" t={i18n.t} locale={language} initiallyOpen />)
  return (await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "call-log")).textContent
}

describe("a customer's call timeline", () => {
  it("gives an appointment's day in the French interface's way, not as an ISO date", async () => {
    const text = await timeline("fr")
    expect(text).toContain("Rendez-vous le 10/12/2026 à 14:30 avec Claire Martin, Chez le client")
    expect(text).not.toContain("2026-12-10")
  })

  it("and day first in the English interface", async () => {
    expect(await timeline("en")).toContain("Appointment 10 Dec 2026 14:30 with Claire Martin")
  })
})
