import { describe, expect, it } from "vitest"

import { CallOutcome } from "~src/domain/calls/call-log.schema"
import { createI18n } from "~src/i18n"

import { savedSentences } from "./saved-notice"

const CALLBACK = new Date(2030, 0, 15, 10, 0).getTime()
const APPOINTMENT = { date: "2030-01-16", time: "14:30", timeZone: "Europe/Paris", durationMinutes: 45, salesRep: "Julien Moreau", place: "Lyon" }

describe("the notice of a call just logged", () => {
  for (const lang of ["en", "fr"] as const) {
    const i18n = createI18n(lang)
    const say = (log: Parameters<typeof savedSentences>[0]) => `✓ ${savedSentences(log, i18n.t, lang).join(" ")}`

    it(`reads as whole sentences in ${lang} for every outcome, with and without a reminder or an appointment`, () => {
      for (const outcome of CallOutcome.options) {
        for (const [callbackAt, appointment] of [[null, null], [CALLBACK, null], [null, APPOINTMENT], [CALLBACK, APPOINTMENT]] as const) {
          const text = say({ outcome, callbackAt, appointment })
          expect(text).toContain(i18n.t(`callOutcome.outcome.${outcome}`))
          // Each sentence ends once: no ". ·", no separator left hanging, no doubled period.
          expect(text).not.toContain("·")
          expect(text).not.toMatch(/\.\s*\./)
          expect(text).toMatch(/[.»”]$/)
          expect(text).not.toMatch(/undefined|\{\{/)
        }
      }
    })
  }

  it("says the outcome, then the reminder, in English", () => {
    const i18n = createI18n("en")
    expect(savedSentences({ outcome: "call-back", callbackAt: CALLBACK, appointment: null }, i18n.t, "en").join(" ")).toBe(
      "Call logged as “Call back”. Reminder to call back on 15 Jan 2030, 10:00."
    )
    expect(savedSentences({ outcome: "order-taken", callbackAt: null, appointment: null }, i18n.t, "en").join(" ")).toBe("Call logged as “Order taken”.")
    expect(savedSentences({ outcome: "appointment-set", callbackAt: null, appointment: APPOINTMENT }, i18n.t, "en").join(" ")).toBe(
      "Call logged as “Appointment set”. Appointment on Wednesday 16 January 2030 at 14:30 with Julien Moreau."
    )
  })

  it("says the outcome, then the reminder, in French, with its no-break spaces", () => {
    const i18n = createI18n("fr")
    expect(savedSentences({ outcome: "call-back", callbackAt: CALLBACK, appointment: null }, i18n.t, "fr").join(" ")).toBe(
      "Appel noté\u00a0: «\u00a0À rappeler\u00a0». Rappel prévu le 15/01/2030 10:00."
    )
    expect(savedSentences({ outcome: "appointment-set", callbackAt: null, appointment: APPOINTMENT }, i18n.t, "fr").join(" ")).toBe(
      "Appel noté\u00a0: «\u00a0Rendez-vous pris\u00a0». Rendez-vous le mercredi 16 janvier 2030 à 14:30 avec Julien Moreau."
    )
  })
})
