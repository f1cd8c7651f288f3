import { describe, expect, it, vi } from "vitest"

import type { StoredSession } from "./session-store"
import { TeamNames } from "./team-names"
import { SyncError } from "./sync-errors"

const session = (token: string, name = "Marc Lefèbvre"): StoredSession =>
  ({ token, expiresAt: "2027-01-01T00:00:00.000Z", serverUrl: "http://server", user: { id: "u1", email: "Agent1@demo.comptoir.test", name, role: "agent", disabled: false, invitePending: false }, team: { id: "t", name: "Démo" } }) as StoredSession

const members = [
  { email: "manager@demo.comptoir.test", name: "Claire Dubois", canOverride: true },
  { email: "agent2@demo.comptoir.test", name: "", canOverride: false },
  { email: "Admin@demo.comptoir.test", name: "", canOverride: true }
]

describe("the team's names, for a document's history", () => {
  it("names each member who has a name by their e-mail in lower case, and the signed-in user from the session", async () => {
    const request = vi.fn(async () => ({ members }))
    const names = await new TeamNames({ request: request as never }).of(session("t1"))
    expect(names).toEqual({ "manager@demo.comptoir.test": "Claire Dubois", "agent1@demo.comptoir.test": "Marc Lefèbvre" })
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ token: "t1" }), "GET", "/team/members", undefined, expect.any(Function))
  })

  it("names the members who may override a risk block, by their name or else their e-mail, from the same answer", async () => {
    const request = vi.fn(async () => ({ members }))
    const team = new TeamNames({ request: request as never })
    await team.of(session("t1"))
    expect(await team.overriders(session("t1"))).toEqual([
      { email: "manager@demo.comptoir.test", name: "Claire Dubois" },
      { email: "admin@demo.comptoir.test", name: "Admin@demo.comptoir.test" }
    ])
    expect(request).toHaveBeenCalledTimes(1)
    expect(await team.overriders(null)).toEqual([])
  })

  it("asks the server again only after 5 minutes, or for another session", async () => {
    let now = 0
    const request = vi.fn(async () => ({ members }))
    const team = new TeamNames({ request: request as never }, () => now)
    await team.of(session("t1"))
    now = 4 * 60_000
    await team.of(session("t1"))
    expect(request).toHaveBeenCalledTimes(1)
    await team.of(session("t2"))
    expect(request).toHaveBeenCalledTimes(2)
    now = 10 * 60_000
    await team.of(session("t2"))
    expect(request).toHaveBeenCalledTimes(3)
  })

  it("gives the signed-in user's own name when the server cannot be reached, and keeps the names it had", async () => {
    let now = 0
    let reachable = true
    const request = vi.fn(async () => {
      if (!reachable) throw new SyncError("offline", "the server cannot be reached")
      return { members }
    })
    const team = new TeamNames({ request: request as never }, () => now)
    expect(await new TeamNames({ request: vi.fn(async () => Promise.reject(new SyncError("offline", "no"))) as never }).of(session("t1"))).toEqual({ "agent1@demo.comptoir.test": "Marc Lefèbvre" })
    await team.of(session("t1"))
    reachable = false
    now = 6 * 60_000
    expect((await team.of(session("t1")))["manager@demo.comptoir.test"]).toBe("Claire Dubois")
  })

  it("knows nobody without a session", async () => {
    expect(await new TeamNames({ request: vi.fn() as never }).of(null)).toEqual({})
  })

  it("leaves a disabled account out of the names a sales rep is picked from, and keeps its name for the history", async () => {
    const request = vi.fn(async () => ({ members: [...members, { email: "Former@demo.comptoir.test", name: "Paul Girard", active: false }] }))
    const team = new TeamNames({ request: request as never })
    expect((await team.of(session("t1")))["former@demo.comptoir.test"]).toBe("Paul Girard")
    expect(Object.values(await team.of(session("t1"), { activeOnly: true }))).toEqual(["Claire Dubois", "Marc Lefèbvre"])
  })

  it("names the disabled accounts apart, for a rep already on a document, unless an active member goes by the same name", async () => {
    const request = vi.fn(async () => ({
      members: [...members, { email: "former@demo.comptoir.test", name: "Paul Girard", active: false }, { email: "old-claire@demo.comptoir.test", name: "claire dubois", active: false }]
    }))
    expect(await new TeamNames({ request: request as never }).reps(session("t1"))).toEqual({ active: ["Claire Dubois", "Marc Lefèbvre"], inactive: ["Paul Girard"] })
  })

  it("gives the names the device kept for the team when a worker starts offline, even under a new token, and keeps what it hears", async () => {
    let kept: unknown = null
    const store = { read: async () => kept, write: async (k: unknown) => void (kept = k) }
    const online = vi.fn(async () => ({ members: [...members, { email: "former@demo.comptoir.test", name: "Paul Girard", active: false }] }))
    await new TeamNames({ request: online as never }, () => 1_000, store).of(session("t1"))
    // The worker stopped; the next one starts with the server out of reach, the agent signed in again meanwhile.
    const offline = vi.fn(async () => Promise.reject(new SyncError("offline", "the server cannot be reached")))
    expect(await new TeamNames({ request: offline as never }, () => 60_000, store).reps(session("t2"))).toEqual({ active: ["Claire Dubois", "Marc Lefèbvre"], inactive: ["Paul Girard"] })
  })

  it("never gives another team's kept names, nor another server's", async () => {
    const kept = { serverUrl: "http://server", teamId: "another", at: 0, members }
    const offline = vi.fn(async () => Promise.reject(new SyncError("offline", "no")))
    expect(await new TeamNames({ request: offline as never }, () => 0, { read: async () => kept, write: async () => undefined }).of(session("t1"))).toEqual({ "agent1@demo.comptoir.test": "Marc Lefèbvre" })
    const elsewhere = { ...kept, teamId: "t", serverUrl: "http://other" }
    expect(await new TeamNames({ request: offline as never }, () => 0, { read: async () => elsewhere, write: async () => undefined }).of(session("t1"))).toEqual({ "agent1@demo.comptoir.test": "Marc Lefèbvre" })
  })

  it("gives the names it has at once when they are older than 5 minutes, and brings them up to date behind", async () => {
    let now = 0
    let answer: (v: unknown) => void = () => undefined
    const request = vi.fn(async () => ({ members }))
    const team = new TeamNames({ request: request as never }, () => now)
    await team.of(session("t1"))
    request.mockImplementation(() => new Promise((ok) => (answer = ok)) as never)
    now = 6 * 60_000
    // The server is slow: the names known come without waiting for it.
    expect((await team.of(session("t1")))["manager@demo.comptoir.test"]).toBe("Claire Dubois")
    expect(request).toHaveBeenCalledTimes(2)
    answer({ members: [{ email: "manager@demo.comptoir.test", name: "Claire Dubois-Roux" }] })
    await vi.waitFor(async () => expect((await team.of(session("t1")))["manager@demo.comptoir.test"]).toBe("Claire Dubois-Roux"))
  })

  it("takes every member of an older server that does not say who is disabled as active", async () => {
    const request = vi.fn(async () => ({ members }))
    expect(Object.values(await new TeamNames({ request: request as never }).of(session("t1"), { activeOnly: true }))).toEqual(["Claire Dubois", "Marc Lefèbvre"])
  })
})
