import { computeTotals } from "../../src/domain/documents/totals"
import { todayInParis } from "../documents/issue"

export interface TestLine {
  id: string
  label: string
  quantityMilli: number
  unitPriceCents: number
  discountBp: number
  vatRateBp: number
}

/** A line of gloves at 20 % VAT, the most common line of the tests. */
export const gloves = (id: string, quantityMilli: number, unitPriceCents: number): TestLine => ({ id, label: "Gants nitrile", quantityMilli, unitPriceCents, discountBp: 0, vatRateBp: 2000 })

/**
 * A draft document as a device pushes it: totals computed by the domain (the server recomputes them and refuses a
 * mismatch), terms net 30 but on a credit note, a quote valid far ahead, an invoice due today. `extra` overrides.
 */
export function draftDocument(type: "quote" | "order" | "invoice" | "credit-note", id: string, customerId: string, lines: TestLine[], extra: Record<string, unknown> = {}) {
  const t = computeTotals(lines)
  return {
    id,
    type,
    status: "draft",
    customerId,
    language: "fr",
    date: todayInParis(),
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    createdAt: 1,
    updatedAt: 1,
    ...(type === "credit-note" ? {} : { paymentTerms: { kind: "net", days: 30 } }),
    ...(type === "quote" ? { validUntil: "2099-12-31" } : {}),
    ...(type === "invoice" ? { dueDate: todayInParis() } : {}),
    ...extra
  }
}
