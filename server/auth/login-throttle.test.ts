import { describe, expect, it } from "vitest"

import { LoginThrottle } from "./login-throttle"

describe("the sign-in throttle", () => {
  const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 }

  it("lets an account try again once its oldest failure leaves the window", () => {
    let now = 0
    const t = new LoginThrottle(limits, () => now)
    for (let i = 0; i < 3; i++) {
      t.check("a@x.test", "10.0.0.1")
      t.failed("a@x.test", "10.0.0.1")
      now += 1_000
    }
    expect(() => t.check("A@x.test", "10.0.0.2")).toThrow(/too many failed sign-ins for this account; try again in 1 minute/)
    now = 60_001
    expect(() => t.check("a@x.test", "10.0.0.1")).not.toThrow()
  })

  it("clears an account's failures when it signs in", () => {
    const t = new LoginThrottle(limits, () => 0)
    t.failed("a@x.test", "10.0.0.1")
    t.failed("a@x.test", "10.0.0.1")
    t.succeeded("a@x.test")
    t.failed("a@x.test", "10.0.0.1")
    expect(() => t.check("a@x.test", "10.0.0.1")).not.toThrow()
  })

  it("stops one address spraying passwords over many accounts", () => {
    const t = new LoginThrottle(limits, () => 0)
    for (let i = 0; i < 5; i++) t.failed(`user${i}@x.test`, "10.0.0.9")
    expect(() => t.check("someone-else@x.test", "10.0.0.9")).toThrow(/from this address/)
    expect(() => t.check("someone-else@x.test", "10.0.0.10")).not.toThrow()
  })
})
