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

  it("leaves the friendly and firm reminders as the mails they are, in French and in English", () => {
    const named = { ...facts, contactName: "Pascale Texier", earlierReminders: [] }
    expect(reminderMail("friendly", "fr", named).body).toMatch(/^Bonjour Pascale Texier,\n[\s\S]*\n\nCordialement,\nJulie\nComptoir Démo$/)
    expect(reminderMail("firm", "fr", named).body).toMatch(/^Bonjour Pascale Texier,/)
    const david = { ...named, contactName: "David Thornton" }
    expect(reminderMail("friendly", "en", david).body).toMatch(/^Dear David Thornton,\n[\s\S]*\n\nKind regards,\nJulie\nComptoir Démo$/)
    expect(reminderMail("firm", "en", david).body).toMatch(/^Dear David Thornton,\n[\s\S]*\n\nKind regards,\nJulie\nComptoir Démo$/)
  })
})

describe("an English formal notice is a letter of demand, as the French one is", () => {
  // The walk of 7 Dec (branch walk16): the English notice began "Dear David Thornton," and ended "Kind regards," like
  // the friendly nudge, where the French one reads « Madame, Monsieur, … salutations distinguées ».
  it("greets \"Dear Sir or Madam,\" and closes \"Yours faithfully,\", even when the contact is known", () => {
    const { body } = reminderMail("formal-notice", "en", { ...facts, contactName: "David Thornton", earlierReminders: [] })
    expect(body.split("\n")[0]).toBe("Dear Sir or Madam,")
    expect(body).not.toContain("David Thornton")
    expect(body).not.toContain("Kind regards")
    expect(body).toMatch(/\n\nYours faithfully,\n\nJulie\nComptoir Démo$/)
  })

  it("says in both languages the formal notice, the sum, the deadline and what follows failing payment", () => {
    const fr = reminderMail("formal-notice", "fr", { ...facts, earlierReminders: [] }).body
    const en = reminderMail("formal-notice", "en", { ...facts, earlierReminders: [] }).body
    expect(fr).toMatch(/mettons en demeure de régler sous 8 jours la somme de 90,00\s€/)
    expect(en).toMatch(/formal notice to pay, within 8 days of this letter, the sum of €90\.00/)
    expect(fr).toMatch(/À défaut, nous engagerons le recouvrement de cette créance, majorée des pénalités de retard et de l'indemnité forfaitaire de 40\s€ pour frais de recouvrement\./)
    expect(en).toMatch(/Failing payment within that time, we will start recovery proceedings for this debt, plus late-payment penalties and the €40 fixed compensation for recovery costs\./)
  })

  it("keeps the French and English texts of each level alike: the amount, the dates, the deadline and the penalties where the French has them", () => {
    for (const level of ["friendly", "firm", "formal-notice"] as const) {
      const fr = reminderMail(level, "fr", { ...facts, earlierReminders: [] })
      const en = reminderMail(level, "en", { ...facts, earlierReminders: [] })
      expect(fr.subject).toContain("FAC-2026-00001")
      expect(en.subject).toContain("FAC-2026-00001")
      expect([/90,00\s€/.test(fr.body), /€90\.00/.test(en.body)]).toEqual([true, true])
      expect([fr.body.includes("8 jours"), en.body.includes("8 days")]).toEqual([level !== "friendly", level !== "friendly"])
      expect([fr.body.includes("40 €"), en.body.includes("€40")]).toEqual([level !== "friendly", level !== "friendly"])
      expect([fr.body.includes("18 janvier 2026") || level === "firm", en.body.includes("18 January 2026") || level === "firm"]).toEqual([true, true])
    }
  })
})
