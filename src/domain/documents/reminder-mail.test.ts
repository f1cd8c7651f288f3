import { describe, expect, it } from "vitest"

import { reminderMail } from "./reminder-mail"

const facts = { invoiceNumber: "FAC-2026-00001", invoiceDate: "2025-12-19", dueDate: "2026-01-18", remainingCents: 9000, daysOverdue: 318, customerName: "Acme", contactName: "", sellerName: "Comptoir Démo", agentName: "Julie" }

describe("a reminder's words are true whether or not earlier reminders were sent", () => {
  it("writes a formal notice sent at once, in French, without claiming earlier reminders", () => {
    const { body } = reminderMail("formal-notice", "fr", { ...facts, earlierReminders: [] })
    expect(body).not.toMatch(/relance|rappel|malgré/i)
    expect(body).toContain("échue depuis le 18 janvier 2026 (318 jours) et restée impayée à ce jour.")
  })

  it("writes a formal notice sent at once, in English, without claiming earlier reminders", () => {
    const { body } = reminderMail("formal-notice", "en", { ...facts, earlierReminders: [] })
    expect(body).not.toMatch(/reminder|despite/i)
    expect(body).toContain("overdue since 18 January 2026 (318 days) and still unpaid to this day.")
  })

  it("cites the earlier reminders by their dates in the formal notice, in French and English", () => {
    const two = { ...facts, earlierReminders: ["2026-02-01", "2026-02-10"] }
    expect(reminderMail("formal-notice", "fr", two).body).toContain("et restée impayée malgré nos relances du 1er février 2026 et du 10 février 2026.")
    expect(reminderMail("formal-notice", "en", two).body).toContain("and still unpaid despite our reminders of 1 February 2026 and 10 February 2026.")
    expect(reminderMail("formal-notice", "fr", { ...facts, earlierReminders: ["2026-02-01"] }).body).toContain("malgré notre relance du 1er février 2026.")
  })

  it("writes a firm reminder sent first without 'despite our earlier reminder'", () => {
    expect(reminderMail("firm", "fr", { ...facts, earlierReminders: [] }).body).toContain("\n\nLa facture FAC-2026-00001 du 19 décembre 2025 reste impayée : 90,00")
    expect(reminderMail("firm", "en", { ...facts, earlierReminders: [] }).body).toContain("\n\nInvoice FAC-2026-00001 of 19 December 2025 remains unpaid: €90.00")
    expect(reminderMail("firm", "en", { ...facts, earlierReminders: ["2026-02-01"] }).body).toContain("\n\nDespite our reminder of 1 February 2026, invoice FAC-2026-00001")
  })
})

describe("a French formal notice is written as a letter", () => {
  // The walk of 7 Dec (branch walk14): Plomberie Pelletier's mise en demeure began « Bonjour Pascale Texier, » and
  // ended « Cordialement, » like the friendly nudge.
  it("greets « Madame, Monsieur, » and closes with the salutations distinguées, even when the contact is known", () => {
    const { body } = reminderMail("formal-notice", "fr", { ...facts, contactName: "Pascale Texier", earlierReminders: [] })
    expect(body.split("\n")[0]).toBe("Madame, Monsieur,")
    expect(body).not.toContain("Bonjour")
    expect(body).not.toContain("Cordialement")
    expect(body).toMatch(/\n\nNous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées\.\n\nJulie\nComptoir Démo$/)
  })

  it("leaves the friendly and firm reminders, and the English formal notice, as the mails they are", () => {
    const named = { ...facts, contactName: "Pascale Texier", earlierReminders: [] }
    expect(reminderMail("friendly", "fr", named).body).toMatch(/^Bonjour Pascale Texier,\n[\s\S]*\n\nCordialement,\nJulie\nComptoir Démo$/)
    expect(reminderMail("firm", "fr", named).body).toMatch(/^Bonjour Pascale Texier,/)
    expect(reminderMail("formal-notice", "en", { ...named, contactName: "David Thornton" }).body).toMatch(/^Dear David Thornton,\n[\s\S]*\n\nKind regards,\nJulie\nComptoir Démo$/)
  })
})
