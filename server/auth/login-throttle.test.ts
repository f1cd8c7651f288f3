import { describe, expect, it } from "vitest"

import { LoginThrottle } from "./login-throttle"

describe("the sign-in throttle", () => {
  const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 }

  it("lets an account try again once its oldest failure leaves the window", () => {
    let now = 0
    const t = new LoginThrottle(limits, () => now)
    for (let i = 0; i < 3; i++) {
      t.attempt("a@x.test", "10.0.0.1")
      now += 1_000
    }
    expect(() => t.attempt("A@x.test", "10.0.0.2")).toThrow(/too many failed sign-ins for this account; try again in 1 minute/)
    now = 60_001
    expect(() => t.attempt("a@x.test", "10.0.0.1")).not.toThrow()
  })

  it("counts attempts still being checked, so a burst of parallel guesses stops at the limit", () => {
    const t = new LoginThrottle(limits, () => 0)
    let letThrough = 0
    for (let i = 0; i < 50; i++) {
      try {
        t.attempt("a@x.test", `10.0.1.${i}`)
        letThrough++
      } catch {
        // refused before its password is looked at
      }
    }
    expect(letThrough).toBe(3)
  })

  it("clears an account's failures when it signs in", () => {
    const t = new LoginThrottle(limits, () => 0)
    t.attempt("a@x.test", "10.0.0.1")
    t.attempt("a@x.test", "10.0.0.1")
    t.attempt("a@x.test", "10.0.0.1")
    t.succeeded("a@x.test", "10.0.0.1")
    expect(() => t.attempt("a@x.test", "10.0.0.1")).not.toThrow()
  })

  it("stops one address spraying passwords over many accounts, and lets its good sign-ins through", () => {
    const t = new LoginThrottle(limits, () => 0)
    for (let i = 0; i < 4; i++) t.attempt(`user${i}@x.test`, "10.0.0.9")
    t.attempt("right@x.test", "10.0.0.9")
    t.succeeded("right@x.test", "10.0.0.9")
    t.attempt(`user9@x.test`, "10.0.0.9")
    expect(() => t.attempt("someone-else@x.test", "10.0.0.9")).toThrow(/from this address/)
    expect(() => t.attempt("someone-else@x.test", "10.0.0.10")).not.toThrow()
  })
})
