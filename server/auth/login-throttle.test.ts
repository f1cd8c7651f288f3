import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { openBackend, skipPostgres, type Backend, type BackendName } from "../test/harness"
import { LoginThrottle } from "./login-throttle"

for (const backend of ["pglite", "postgres"] as BackendName[]) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`the sign-in throttle on ${backend}`, () => {
    const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 }
    let b: Backend
    beforeAll(async () => {
      b = await openBackend(backend)
    }, 120_000)
    afterAll(async () => {
      await b?.dispose()
    })
    // Each test its own emails and addresses: the table is shared by the file.
    let n = 0
    const fresh = () => {
      n++
      return { email: `a${n}@x.test`, ip: (i: number) => `10.${n}.0.${i}` }
    }

    it("lets an account try again once its oldest failure leaves the window", async () => {
      let now = 0
      const t = new LoginThrottle(b.db, limits, () => now)
      const { email, ip } = fresh()
      for (let i = 0; i < 3; i++) {
        await t.attempt(email, ip(1))
        now += 1_000
      }
      await expect(t.attempt(email.toUpperCase(), ip(2))).rejects.toThrow(/too many failed sign-ins for this account; try again in 1 minute/)
      now = 60_001
      await expect(t.attempt(email, ip(1))).resolves.toBeDefined()
    })

    it("says how long to wait in Retry-After", async () => {
      const now = 10_000
      const t = new LoginThrottle(b.db, limits, () => now)
      const { email, ip } = fresh()
      for (let i = 0; i < 3; i++) await t.attempt(email, ip(1))
      await expect(t.attempt(email, ip(1))).rejects.toMatchObject({ statusCode: 429, details: { retryAfterSeconds: 60 } })
    })

    it("counts attempts still being checked, so a burst of parallel guesses stops at the limit", async () => {
      const t = new LoginThrottle(b.db, limits, () => 0)
      const { email, ip } = fresh()
      const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => t.attempt(email, ip(i))))
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3)
      for (const o of outcomes) if (o.status === "rejected") expect(String(o.reason)).toMatch(/too many failed sign-ins/)
    })

    it("counts the attempts of another server process on the same database", async () => {
      const { email, ip } = fresh()
      const processA = new LoginThrottle(b.db, limits, () => 0)
      const processB = new LoginThrottle(b.db, limits, () => 0)
      await processA.attempt(email, ip(1))
      await processB.attempt(email, ip(2))
      await processA.attempt(email, ip(3))
      await expect(processB.attempt(email, ip(4))).rejects.toThrow(/for this account/)
    })

    it("clears an account's failures when it signs in", async () => {
      const t = new LoginThrottle(b.db, limits, () => 0)
      const { email, ip } = fresh()
      await t.attempt(email, ip(1))
      await t.attempt(email, ip(1))
      const last = await t.attempt(email, ip(1))
      await t.succeeded(last)
      await expect(t.attempt(email, ip(1))).resolves.toBeDefined()
    })

    it("stops one address spraying passwords over many accounts, and lets its good sign-ins through", async () => {
      const t = new LoginThrottle(b.db, limits, () => 0)
      const { ip } = fresh()
      for (let i = 0; i < 4; i++) await t.attempt(`user${i}-${n}@x.test`, ip(9))
      await t.succeeded(await t.attempt(`right-${n}@x.test`, ip(9)))
      await t.attempt(`user9-${n}@x.test`, ip(9))
      await expect(t.attempt(`someone-else-${n}@x.test`, ip(9))).rejects.toThrow(/from this address/)
      await expect(t.attempt(`someone-else-${n}@x.test`, ip(10))).resolves.toBeDefined()
    })

    it("prunes attempts older than the window, and only those", async () => {
      let now = 1_000_000
      const t = new LoginThrottle(b.db, limits, () => now)
      const { email, ip } = fresh()
      await t.attempt(email, ip(1))
      now += 30_000
      await t.attempt(email, ip(1))
      const count = async () => (await b.db.query<{ n: number }>("SELECT count(*)::int AS n FROM login_attempts WHERE at_ms BETWEEN 1000000 AND 1030000"))[0]!.n
      expect(await count()).toBe(4)
      now += 30_001
      expect(await t.prune()).toBeGreaterThanOrEqual(2)
      expect(await count()).toBe(2)
    })
  })
}
