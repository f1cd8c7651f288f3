import "fake-indexeddb/auto"

import { afterEach, describe, expect, it } from "vitest"

import { ComptoirDb } from "~src/db/database"

import { LEGACY_SESSION_KEY, SessionStore, type LegacyStorage, type StoredSession } from "./session-store"

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
})
