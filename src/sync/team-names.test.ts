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

  it("takes every member of an older server that does not say who is disabled as active", async () => {
    const request = vi.fn(async () => ({ members }))
    expect(Object.values(await new TeamNames({ request: request as never }).of(session("t1"), { activeOnly: true }))).toEqual(["Claire Dubois", "Marc Lefèbvre"])
  })
})
