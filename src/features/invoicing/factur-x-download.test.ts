import { describe, expect, it } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { Invoice } from "~src/domain/documents/document.schema"
import { extractFacturXml } from "~src/domain/documents/factur-x/embed"
import { computeTotals } from "~src/domain/documents/totals"

import { facturXBytes } from "./factur-x-download"

const seller = { name: "Comptoir Démo", legalForm: "SAS", shareCapitalCents: null, siren: "732829320", rcsCity: "Lyon", vatNumber: "FR44732829320", address: { line: "12 rue de la République", postalCode: "69002", city: "Lyon", country: "FR" }, latePenalty: { kind: "ecb-plus-10" as const }, earlyPaymentDiscountBp: 0 }

describe("the Factur-X file the workspace downloads", () => {
  it("renders labels Helvetica cannot encode (arrows, minus signs, emoji) and carries the XML", async () => {
    const lines = [{ id: "l1", productId: null, ref: "CAB-2", label: "Câble 2 m → prise − “pro” ✓", unit: "u", quantityMilli: 3000, unitPriceCents: 1999, discountBp: 1000, vatRateBp: 2000 }]
    const t = computeTotals(lines)
    const inv = Invoice.parse({ id: "i", type: "invoice", status: "issued", customerId: "c", language: "fr", number: "FAC-2026-00007", date: "2026-12-02", dueDate: "2027-01-01", paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents, createdAt: 1, updatedAt: 1 })
    const customer = Customer.parse({ id: "c", code: "C-1", company: "Électricité Masson SAS", country: "FR", language: "fr", createdAt: 1, updatedAt: 1 })
    const { name, bytes } = await facturXBytes(inv, customer, seller, null)
    expect(name).toBe("FAC-2026-00007-factur-x.pdf")
    const xml = await extractFacturXml(bytes)
    expect(xml).toContain("<ram:Name>Câble 2 m → prise − “pro” ✓</ram:Name>")
  })
})
