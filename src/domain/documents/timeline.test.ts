import { describe, expect, it } from "vitest"

import { capturedMailOf, documentEvents, mergeTimeline, type DocumentEvent } from "./timeline"

const day = (d: number, h = 9) => Date.UTC(2026, 10, d, h)

function doc(over: Partial<Parameters<typeof documentEvents>[0]["documents"][number]> & Pick<Parameters<typeof documentEvents>[0]["documents"][number], "id" | "type" | "status">) {
  return { number: null, totalInclVatCents: 12_000, notes: "", sourceId: null, history: [], createdAt: day(1), updatedAt: day(1), ...over }
}

const quote = doc({
  id: "q1",
  type: "quote",
  status: "accepted",
  number: "DEV-2026-00001",
  history: [
    { status: "draft", at: day(2) },
    { status: "sent", at: day(3) },
    { status: "accepted", at: day(5) }
  ]
})
const invoice = doc({ id: "i1", type: "invoice", status: "issued", number: "FAC-2026-00007", totalInclVatCents: 50_000, history: [{ status: "issued", at: day(8) }] })
const captured = doc({
  id: "o1",
  type: "order",
  status: "confirmed",
  number: "CMD-2026-00004",
  sourceId: "mail:<abc@example.com>",
  notes: "Saisie depuis le mail «\u00a0Commande gants, semaine 48\u00a0» (achats@client.fr, <abc@example.com>)\nAdresse de livraison\u00a0: 3 rue X",
  createdAt: day(6),
  history: [
    { status: "draft", at: day(6) },
    { status: "confirmed", at: day(7) }
  ]
})

describe("the steps a customer's documents tell the card's timeline", () => {
  it("are the quote sent and accepted, the order confirmed, the invoice issued and the payment, newest first, a draft not told", () => {
    const events = documentEvents({ documents: [quote, invoice, captured], payments: [{ id: "p1", invoiceId: "i1", amountCents: 20_000, createdAt: day(10) }] })
    expect(events.map((e) => `${e.kind} ${e.number}`)).toEqual([
      "payment-recorded FAC-2026-00007",
      "invoice-issued FAC-2026-00007",
      "order-confirmed CMD-2026-00004",
      "mail-captured CMD-2026-00004",
      "quote-accepted DEV-2026-00001",
      "quote-sent DEV-2026-00001"
    ])
  })

  it("tell a cancelled payment's cancellation as such, with the amount the payment had, not as a payment of a negative amount", () => {
    const events = documentEvents({
      documents: [invoice],
      payments: [
        { id: "p1", invoiceId: "i1", amountCents: 20_000, createdAt: day(10) },
        { id: "x1", invoiceId: "i1", amountCents: -20_000, createdAt: day(11), cancels: "p1" }
      ]
    })
    expect(events.filter((e) => e.documentType === "invoice" && e.kind !== "invoice-issued").map((e) => [e.kind, e.amountCents])).toEqual([
      ["payment-cancelled", 20_000],
      ["payment-recorded", 20_000]
    ])
  })

  it("give a payment its own amount and open its invoice", () => {
    const [payment] = documentEvents({ documents: [invoice], payments: [{ id: "p1", invoiceId: "i1", amountCents: 20_000, createdAt: day(10) }] })
    expect(payment).toMatchObject({ kind: "payment-recorded", amountCents: 20_000, documentId: "i1", documentType: "invoice" })
  })

  it("tell a mail captured as an order by its subject and sender, and the order it became", () => {
    const mail = documentEvents({ documents: [captured], payments: [] }).find((e) => e.kind === "mail-captured")
    expect(mail).toMatchObject({ at: day(6), documentId: "o1", number: "CMD-2026-00004", mail: { subject: "Commande gants, semaine 48", from: "achats@client.fr" } })
  })

  it("tell a document synced without its history by its present step, when it last changed", () => {
    const events = documentEvents({ documents: [doc({ id: "c1", type: "credit-note", status: "issued", updatedAt: day(12) })], payments: [] })
    expect(events).toMatchObject([{ kind: "credit-note-issued", at: day(12) }])
  })

  it("are none for a customer without documents", () => {
    expect(documentEvents({ documents: [], payments: [] })).toEqual([])
  })
})

describe("the mail an order was captured from", () => {
  it("is read from the English notes too", () => {
    expect(capturedMailOf({ sourceId: "mail:x", notes: "Captured from the mail “PO 4471 (urgent)” (buyer@acme.co.uk, <x>)" })).toEqual({ subject: "PO 4471 (urgent)", from: "buyer@acme.co.uk" })
  })

  it("is none for an order not captured from a mail", () => {
    expect(capturedMailOf({ sourceId: "q1", notes: "Captured from the mail “PO” (a@b.c, x)" })).toBeNull()
  })
})

const call = (id: string, startedAt: number) => ({ id, startedAt })
const event = (id: string, at: number, kind: DocumentEvent["kind"] = "invoice-issued"): DocumentEvent => ({ id, kind, at, documentId: id, documentType: "invoice", number: null, amountCents: 0, mail: null })

describe("the card's timeline", () => {
  it("puts calls and documents in one list, newest first", () => {
    const merged = mergeTimeline({ items: [call("c1", day(9)), call("c2", day(4))], total: 2 }, { items: [event("e1", day(10)), event("e2", day(5))], total: 2 }, 20)
    expect(merged.items.map((i) => (i.kind === "call" ? i.call.id : i.event.id))).toEqual(["e1", "c1", "e2", "c2"])
    expect(merged.more).toBe(0)
  })

  it("at the same instant, puts the later step of the flow first, and a document above a call", () => {
    const at = day(9)
    const merged = mergeTimeline(
      { items: [call("c1", at)], total: 1 },
      { items: [event("i", at, "invoice-issued"), event("p", at, "payment-recorded"), event("m", at, "mail-captured")], total: 3 },
      20
    )
    expect(merged.items.map((i) => (i.kind === "call" ? i.call.id : i.event.id))).toEqual(["p", "i", "m", "c1"])
  })

  it("keeps the newest up to the limit and counts the rest, calls and documents alike", () => {
    const calls = [call("c1", day(20)), call("c2", day(19))]
    const events = [event("e1", day(18)), event("e2", day(17))]
    const merged = mergeTimeline({ items: calls, total: 7 }, { items: events, total: 2 }, 3)
    expect(merged.items.map((i) => i.at)).toEqual([day(20), day(19), day(18)])
    expect(merged.more).toBe(6)
  })

  it("is empty for a customer with neither calls nor documents", () => {
    expect(mergeTimeline({ items: [], total: 0 }, { items: [], total: 0 }, 20)).toEqual({ items: [], more: 0 })
  })
})
