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
    query: async (_sql: string, params: readonly unknown[]) => {
      lookups++
      const answer = valid ? (JSON.parse(params[0] as string) as string[]).map((token_hash) => ({ ...row, token_hash })) : []
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

/** Asks for the session, waits until it is the database's `nth` lookup, runs `meanwhile`, then lets the database answer. */
async function lookup(h: ReturnType<typeof heldDb>, authn: Authenticator, nth: number, meanwhile = () => {}) {
  const pending = authn.session(TOKEN)
  await expect.poll(() => h.lookups()).toBe(nth)
  meanwhile()
  h.release()
  return pending
}

describe("Authenticator's session cache", () => {
  it("does not keep a lookup that read the session just before it ended (the notification came in meanwhile)", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db)
    // The session ends while the lookup is in flight: the database has answered "valid" already, and the
    // notification arrives before that answer is used.
    const endedMeanwhile = () => {
      h.endSession()
      authn.forgetToken(hashToken(TOKEN))
    }
    expect(await lookup(h, authn, 1, endedMeanwhile)).toMatchObject({ userId: "u1" })
    // The next request asks the database again, which now refuses the token.
    expect(await lookup(h, authn, 2)).toBeNull()
  })

  it("answers from its cache within the TTL when nothing ended", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db)
    expect(await lookup(h, authn, 1)).toMatchObject({ userId: "u1" })
    expect(await authn.session(TOKEN)).toMatchObject({ userId: "u1" })
    expect(h.lookups()).toBe(1)
  })

  it("looks up the sessions of requests arriving together in one statement, each answered with its own", async () => {
    const users = new Map(Array.from({ length: 50 }, (_, i) => [`cpt_${String(i).padStart(43, "x")}`, `u${i}`]))
    const byHash = new Map([...users].map(([token, user]) => [hashToken(token), user]))
    const statements: string[][] = []
    const db = {
      kind: "postgres",
      query: async (_sql: string, params: readonly unknown[]) => {
        const hashes = JSON.parse(params[0] as string) as string[]
        statements.push(hashes)
        return hashes.flatMap((h) => (byHash.has(h) ? [{ ...row, user_id: byHash.get(h), token_hash: h }] : []))
      }
    } as unknown as Db
    const authn = new Authenticator(db)
    const unknown = `cpt_${"z".repeat(43)}`
    const answers = await Promise.all([...users.keys(), unknown].map((t) => authn.session(t)))
    expect(statements).toHaveLength(1)
    expect(statements[0]).toHaveLength(51)
    expect(answers.slice(0, 50).map((a) => a?.userId)).toEqual([...users.values()])
    expect(answers[50]).toBeNull()
    // Cached now: the next burst reads nothing.
    await Promise.all([...users.keys()].map((t) => authn.session(t)))
    expect(statements).toHaveLength(1)
  })

  it("reads an active session again before its entry expires, so the request after the expiry does not wait for the database", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db, { ttlMs: 300, refreshMs: 150 })
    await lookup(h, authn, 1)
    await new Promise((r) => setTimeout(r, 200))
    // In the entry's last 150 ms: answered from the cache at once (the lookup is held), and read again meanwhile.
    expect(await authn.session(TOKEN)).toMatchObject({ userId: "u1" })
    await expect.poll(() => h.lookups()).toBe(2)
    h.release()
    await new Promise((r) => setTimeout(r, 150))
    // Past the first entry's end: the refreshed one answers, nothing is read.
    expect(await authn.session(TOKEN)).toMatchObject({ userId: "u1" })
    expect(h.lookups()).toBe(2)
  })

  it("does not keep what a refresh read when the session ended meanwhile", async () => {
    const h = heldDb()
    const authn = new Authenticator(h.db, { ttlMs: 300, refreshMs: 150 })
    await lookup(h, authn, 1)
    await new Promise((r) => setTimeout(r, 200))
    await authn.session(TOKEN)
    await expect.poll(() => h.lookups()).toBe(2)
    // The refresh read "valid"; the end's notification arrives before its answer is used.
    authn.forgetToken(hashToken(TOKEN))
    h.endSession()
    h.release()
    expect(await lookup(h, authn, 3)).toBeNull()
  })
})
