import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { TestServer, type TestTeam } from "../test/harness"

describe("GET /team/members", () => {
  let server: TestServer
  let team: TestTeam
  let other: TestTeam
  beforeAll(async () => {
    server = await TestServer.start("pglite")
    team = await server.team("first")
    other = await server.team("second")
  }, 60_000)
  afterAll(async () => server.close())

  it("gives an agent the names of their team's members, by e-mail, so a history can say who did what by name", async () => {
    const res = await server.request("GET", "/team/members", team.agent.token)
    expect(res.status).toBe(200)
    const members = res.body.members as { email: string; name: string }[]
    expect(members).toContainEqual({ email: team.manager.email, name: "manager", active: true, canOverride: true })
    expect(members).toContainEqual({ email: team.agent2.email, name: "agent2", active: true, canOverride: false })
    // Only the e-mail, the name, whether the account is in use and whether one may override a risk block: no role, no
    // invitation, nothing of another team.
    expect(members.every((m) => Object.keys(m).sort().join() === "active,canOverride,email,name")).toBe(true)
    expect(members.map((m) => m.email)).not.toContain(other.manager.email)
  })

  it("says which members may override a customer's risk block, the team's managers and admins, so an agent knows whom to ask", async () => {
    const res = await server.request("GET", "/team/members", team.agent.token)
    const members = res.body.members as { email: string; canOverride: boolean }[]
    const overriders = members.filter((m) => m.canOverride).map((m) => m.email)
    expect(overriders.sort()).toEqual([team.admin.email, team.manager.email].sort())
  })

  it("names the team's managers before its admins among those who may override, since a blocked agent asks a manager first", async () => {
    const res = await server.request("GET", "/team/members", team.agent.token)
    const overriders = (res.body.members as { email: string; canOverride: boolean }[]).filter((m) => m.canOverride).map((m) => m.email)
    expect(overriders).toEqual([team.manager.email, team.admin.email])
  })

  it("says which accounts are disabled: a history still names them, but nobody picks them as a sales rep", async () => {
    expect((await server.request("POST", `/admin/users/${team.agent2.id}/disable`, team.admin.token)).status).toBe(200)
    const res = await server.request("GET", "/team/members", team.agent.token)
    expect(res.body.members).toContainEqual({ email: team.agent2.email, name: "agent2", active: false, canOverride: false })
    expect(res.body.members).toContainEqual({ email: team.manager.email, name: "manager", active: true, canOverride: true })
  })

  it("answers only a signed-in user", async () => {
    const res = await server.request("GET", "/team/members", undefined)
    expect(res.status).toBe(401)
  })
})
