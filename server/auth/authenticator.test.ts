import { describe, expect, it } from "vitest"

import type { Db } from "../db/db"
import { Authenticator } from "./authenticator"
import { hashToken } from "./tokens"

const TOKEN = `cpt_${"a".repeat(43)}`
const row = { user_id: "u1", team_id: "t1", role: "agent", expires_at: new Date(Date.now() + 3_600_000) }

/** A database whose token lookups wait until the test lets them answer, and which counts them. */
function heldDb() {
  const waiting: (() => void)[] = []
  let lookups = 0
  let valid = true
  const db = {
    kind: "postgres",
    query: async () => {
      lookups++
      const answer = valid ? [row] : []
      await new Promise<void>((release) => waiting.push(release))
      return answer
    }
  } as unknown as Db
  return {
    db,
    lookups: () => lookups,
    endSession: () => void (valid = false),
    release: () => waiting.splice(0).forEach((r) => r())
  }
}

describe("Authenticator's session cache", () => {
  it("does not keep a lookup that read the session just before it ended (the notification came in meanwhile)", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db)
    const inFlight = authn.session(TOKEN)
    // The session ends while the lookup is in flight: the database has answered "valid" already, and the
    // notification arrives before that answer is used.
    h.endSession()
    authn.forgetToken(hashToken(TOKEN))
    h.release()
    expect(await inFlight).toMatchObject({ userId: "u1" })
    // The next request asks the database again, which now refuses the token.
    const next = authn.session(TOKEN)
    await expect.poll(() => h.lookups()).toBe(2)
    h.release()
    expect(await next).toBeNull()
  })

  it("answers from its cache within the TTL when nothing ended", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db)
    const first = authn.session(TOKEN)
    await expect.poll(() => h.lookups()).toBe(1)
    h.release()
    expect(await first).toMatchObject({ userId: "u1" })
    expect(await authn.session(TOKEN)).toMatchObject({ userId: "u1" })
    expect(h.lookups()).toBe(1)
  })
})
