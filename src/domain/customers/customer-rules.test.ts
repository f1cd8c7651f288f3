import { describe, expect, it } from "vitest"

import { customerChangeProblem } from "./customer-rules"

const row = { id: "c1", code: "C-1", company: "Bistrot", siren: "732829320", vatNumber: "FR44732829320", paymentTermsDays: 90, creditLimitCents: 500_000 }

describe("the team's rules on a customer write", () => {
  it("let an agent edit a customer's other fields, even one stored with terms over today's cap", () => {
    expect(customerChangeProblem(row, { ...row, company: "Bistrot Lumière" }, "agent")).toBeNull()
  })

  it("refuse a SIREN whose Luhn key is wrong and a French VAT number whose key is wrong, new or edited", () => {
    expect(customerChangeProblem(row, { ...row, siren: "732829321" }, "manager")).toMatchObject({ reason: "invalid", message: expect.stringContaining("732829321") })
    expect(customerChangeProblem(null, { ...row, vatNumber: "FR45732829320" }, "agent")).toMatchObject({ reason: "invalid" })
    expect(customerChangeProblem(null, row, "agent")).toBeNull()
  })

  it("refuse payment terms raised over 60 days on an existing customer, not on a new one (an import's)", () => {
    expect(customerChangeProblem(row, { ...row, paymentTermsDays: 75 }, "manager")).toMatchObject({ reason: "invalid", message: expect.stringContaining("L441-10") })
    expect(customerChangeProblem(row, { ...row, paymentTermsDays: 60 }, "manager")).toBeNull()
    expect(customerChangeProblem(null, { ...row, paymentTermsDays: 75 }, "agent")).toBeNull()
  })

  it("let only a manager or an admin change a credit limit", () => {
    expect(customerChangeProblem(row, { ...row, creditLimitCents: 900_000 }, "agent")).toMatchObject({ reason: "forbidden" })
    expect(customerChangeProblem(row, { ...row, creditLimitCents: null }, "agent")).toMatchObject({ reason: "forbidden" })
    expect(customerChangeProblem(row, { ...row, creditLimitCents: 900_000 }, "manager")).toBeNull()
    expect(customerChangeProblem(row, { ...row, creditLimitCents: 900_000 }, "admin")).toBeNull()
    // A device replaying its own outbox does not know the role: the server decides.
    expect(customerChangeProblem(row, { ...row, creditLimitCents: 900_000 }, null)).toBeNull()
  })
})
