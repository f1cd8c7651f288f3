import { describe, expect, it } from "vitest"

import { historyCallOf, type CallRecord } from "./call-record"

const record = (over: Partial<CallRecord>): CallRecord => ({
  id: "c1",
  direction: "inbound",
  number: "+33144319244",
  provider: "sip",
  customerId: null,
  contactId: null,
  startedAt: 1,
  answeredAt: 2,
  endedAt: 3,
  durationMs: 1,
  endReason: "hangup-remote",
  ...over
})

describe("a call as the history lists it", () => {
  const customers = new Map([["cu1", { company: "Boulangerie Martin", contacts: [{ id: "p1", firstName: "Anne", lastName: "Martin" }, { id: "p2", firstName: "", lastName: "" }] }]])

  it("names the customer it was logged to and the contact, as the base names them", () => {
    expect(historyCallOf(record({ customerId: "cu1", contactId: "p1" }), customers)).toMatchObject({ company: "Boulangerie Martin", contact: "Anne Martin" })
  })

  it("names no contact for a call logged to the customer alone, or to a contact with no name", () => {
    expect(historyCallOf(record({ customerId: "cu1" }), customers)).toMatchObject({ company: "Boulangerie Martin", contact: null })
    expect(historyCallOf(record({ customerId: "cu1", contactId: "p2" }), customers)).toMatchObject({ contact: null })
  })

  it("names nobody for an unknown caller or a customer since deleted", () => {
    expect(historyCallOf(record({}), customers)).toMatchObject({ company: null, contact: null })
    expect(historyCallOf(record({ customerId: "gone", contactId: "p1" }), customers)).toMatchObject({ company: null, contact: null })
  })
})
