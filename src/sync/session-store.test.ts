import "fake-indexeddb/auto"

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

import { TestServer } from "../../server/test/harness"
import { ComptoirDb } from "~src/db/database"

import { LEGACY_SESSION_KEY, SessionStore, type LegacyStorage, type RevokeToken, type StoredSession } from "./session-store"
import { TeamServer } from "./team-server"

const session: StoredSession = {
  serverUrl: "https://comptoir.example.com",
  token: "tok-123",
  expiresAt: "2027-01-01T00:00:00.000Z",
  user: { id: "u1", email: "ana@example.com", name: "Ana", role: "agent" },
  team: { id: "t1", name: "Ventes" }
}

function fakeStorage(initial: Record<string, unknown> = {}): LegacyStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    remove: async (key) => void data.delete(key)
  }
}

/** A team server's logout route as the store sees it: records each revocation, answers `answer()`. */
function fakeServer(answer: () => boolean = () => true): { revoke: RevokeToken; revoked: string[][] } {
  const revoked: string[][] = []
  return {
    revoked,
    revoke: async (url, token) => {
      revoked.push([url, token])
      return answer()
    }
  }
}

let n = 0
const dbs: ComptoirDb[] = []
function freshDb(): ComptoirDb {
  const db = new ComptoirDb(`session-store-${n++}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

describe("SessionStore", () => {
  it("moves a session left in chrome.storage.local into IndexedDB and deletes it there", async () => {
    const legacy = fakeStorage({ [LEGACY_SESSION_KEY]: session, "comptoir.sites": ["x"] })
    const db = freshDb()
    expect(await new SessionStore(db, legacy).read()).toEqual(session)
    expect(legacy.data.has(LEGACY_SESSION_KEY)).toBe(false)
    expect(legacy.data.get("comptoir.sites")).toEqual(["x"])
    // A later worker life, with nothing left in storage.local, still finds it.
    expect(await new SessionStore(db, fakeStorage()).read()).toEqual(session)
  })

  it("keeps a session signed in since over a leftover one, and deletes the leftover", async () => {
    const db = freshDb()
    const newer = { ...session, token: "tok-new" }
    await new SessionStore(db).write(newer)
    const legacy = fakeStorage({ [LEGACY_SESSION_KEY]: session })
    expect(await new SessionStore(db, legacy).read()).toEqual(newer)
    expect(legacy.data.size).toBe(0)
  })

  it("drops a malformed leftover instead of keeping it readable", async () => {
    const legacy = fakeStorage({ [LEGACY_SESSION_KEY]: { token: "half" } })
    expect(await new SessionStore(freshDb(), legacy).read()).toBeNull()
    expect(legacy.data.size).toBe(0)
  })

  it("writes and clears the session in IndexedDB only", async () => {
    const legacy = fakeStorage()
    const db = freshDb()
    const store = new SessionStore(db, legacy)
    await store.write(session)
    expect(await db.sessions.get("session")).toMatchObject({ token: "tok-123" })
    expect(legacy.data.size).toBe(0)
    await store.write(null)
    expect(await store.read()).toBeNull()
  })

  it("tries the migration again when storage.local failed the first time", async () => {
    const legacy = fakeStorage({ [LEGACY_SESSION_KEY]: session })
    let failures = 1
    const flaky: LegacyStorage = {
      get: (key) => (failures-- > 0 ? Promise.reject(new Error("storage unavailable")) : legacy.get(key)),
      remove: legacy.remove
    }
    const store = new SessionStore(freshDb(), flaky)
    await expect(store.read()).rejects.toThrow(/unavailable/)
    expect(await store.read()).toEqual(session)
    expect(legacy.data.size).toBe(0)
  })

  describe("a token thrown away is revoked on its server", () => {
    it("revokes the leftover of an older version once a session signed in since replaced it, once", async () => {
      const db = freshDb()
      const newer = { ...session, token: "tok-new" }
      await new SessionStore(db).write(newer)
      const server = fakeServer()
      const store = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: session }), server.revoke)
      expect(await store.read()).toEqual(newer)
      expect(await store.revokePending()).toBe(0)
      expect(server.revoked).toEqual([["https://comptoir.example.com", "tok-123"]])
      // The session kept is not touched.
      expect(await db.sessions.get("session")).toMatchObject({ token: "tok-new" })
    })

    it("keeps the leftover it moves, without revoking it: the user stays signed in", async () => {
      const db = freshDb()
      const server = fakeServer()
      const store = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: session }), server.revoke)
      expect(await store.read()).toEqual(session)
      expect(await store.revokePending()).toBe(0)
      expect(server.revoked).toEqual([])
    })

    it("does not revoke a leftover that is the session already kept", async () => {
      const db = freshDb()
      await new SessionStore(db).write(session)
      const server = fakeServer()
      const store = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: session }), server.revoke)
      expect(await store.read()).toEqual(session)
      expect(await store.revokePending()).toBe(0)
      expect(server.revoked).toEqual([])
    })

    it("revokes a leftover too damaged to keep when it still names its server and token", async () => {
      const server = fakeServer()
      const legacy = fakeStorage({ [LEGACY_SESSION_KEY]: { serverUrl: "https://comptoir.example.com", token: "tok-old", user: "garbled" } })
      const store = new SessionStore(freshDb(), legacy, server.revoke)
      expect(await store.read()).toBeNull()
      await store.revokePending()
      expect(server.revoked).toEqual([["https://comptoir.example.com", "tok-old"]])
      expect(legacy.data.size).toBe(0)
    })

    it("tries again in a later worker life when the server could not be reached, until it confirms", async () => {
      const db = freshDb()
      await new SessionStore(db).write({ ...session, token: "tok-new" })
      const down = fakeServer(() => false)
      const first = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: session }), down.revoke)
      await first.read()
      expect(await first.revokePending()).toBe(1)
      expect(down.revoked.length).toBeGreaterThanOrEqual(1)
      // The leftover left storage.local all the same: pages cannot read it any more.
      // A later worker life, the server back: revoked at its first read.
      const up = fakeServer()
      const later = new SessionStore(db, fakeStorage(), up.revoke)
      await later.read()
      expect(await later.revokePending()).toBe(0)
      expect(up.revoked).toEqual([["https://comptoir.example.com", "tok-123"]])
    })

    it("gives up a revocation once the token has expired (the server refuses it by then)", async () => {
      const db = freshDb()
      await new SessionStore(db).write({ ...session, token: "tok-new" })
      const server = fakeServer(() => false)
      let now = Date.parse("2026-12-01T00:00:00Z")
      const store = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: session }), server.revoke, () => now)
      await store.read()
      expect(await store.revokePending()).toBe(1)
      now = Date.parse(session.expiresAt) + 1
      const tries = server.revoked.length
      expect(await store.revokePending()).toBe(0)
      expect(server.revoked).toHaveLength(tries)
    })

    it("signs out: the token is revoked now, or later when the server was down", async () => {
      const db = freshDb()
      let reachable = false
      const server = fakeServer(() => reachable)
      const store = new SessionStore(db, undefined, server.revoke)
      await store.write(session)
      await store.write(null)
      await store.retire(session)
      expect(server.revoked).toEqual([["https://comptoir.example.com", "tok-123"]])
      reachable = true
      expect(await store.revokePending()).toBe(0)
      expect(server.revoked).toHaveLength(2)
      expect(await store.read()).toBeNull()
    })
  })
})

describe("SessionStore against the team server", () => {
  let server: TestServer
  let url: string
  beforeAll(async () => {
    server = await TestServer.start("pglite")
    url = await server.url()
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  it("revokes the replaced leftover on the server, which then refuses it, while the session kept goes on working", async () => {
    const team = await server.team("leftover")
    const kept = { ...session, serverUrl: url, token: team.agent.token }
    const leftover = { ...session, serverUrl: url, token: team.agent2.token }
    const db = freshDb()
    await new SessionStore(db).write(kept)
    const http = new TeamServer()
    const store = new SessionStore(db, fakeStorage({ [LEGACY_SESSION_KEY]: leftover }), (u, t) => http.logout(u, t))
    expect(await store.read()).toEqual(kept)
    expect(await store.revokePending()).toBe(0)
    expect((await server.request("GET", "/auth/me", leftover.token)).status).toBe(401)
    expect((await server.request("GET", "/auth/me", kept.token)).status).toBe(200)
  })
})
