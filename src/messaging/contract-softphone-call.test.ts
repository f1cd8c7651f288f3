import { describe, expect, it } from "vitest"

import { contract } from "./contract"

const request = contract["softphone/call"].request

describe("what softphone/call accepts (a card's Call, Redial, the history)", () => {
  it("takes a number with the customer and the contact called, as Redial sends the previous call's", () => {
    expect(request.parse({ number: "+33144319244", customerId: "c-x", contactId: "p-marie" })).toEqual({ number: "+33144319244", customerId: "c-x", contactId: "p-marie" })
  })

  it("takes a number alone, as the dial pad sends it", () => {
    expect(request.safeParse({ number: "01 44 31 92 44" }).success).toBe(true)
  })

  it("refuses a contact named without its customer: nothing could check the contact holds the number", () => {
    const parsed = request.safeParse({ number: "+33144319244", contactId: "p-marie" })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["contactId"], message: "a contact is called with its customer" })
  })

  it("refuses an empty contact or customer id and one over 100 characters", () => {
    expect(request.safeParse({ number: "+33144319244", customerId: "c-x", contactId: "" }).success).toBe(false)
    expect(request.safeParse({ number: "+33144319244", customerId: "" }).success).toBe(false)
    expect(request.safeParse({ number: "+33144319244", customerId: "c-x", contactId: "p".repeat(101) }).success).toBe(false)
  })
})
