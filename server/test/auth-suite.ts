import { beforeAll, describe, expect, it } from "vitest"

import { SCHEMA_VERSION } from "../../src/domain/sync/protocol"
import { createUser, issueToken } from "../auth/users"
import { clientId, type TestServer, type TestTeam } from "./harness"
import { customer, putRow, teamFootprint } from "./rows"

/** Logging in, tokens and roles (same database as apiSuite). */
export function authSuite(server: () => TestServer): void {
  let s: TestServer
  beforeAll(() => {
    s = server()
  })
  const footprint = (teamId: string) => teamFootprint(s, teamId)

  describe("auth", () => {
    let team: TestTeam
    const password = "correct horse battery"
    let email: string

    beforeAll(async () => {
      team = await s.team("auth")
      email = `login-${team.id.slice(-8)}@test.comptoir.test`
      await createUser(s.db, { teamId: team.id, email, name: "Login", role: "agent", password })
    })

    it("logs a user in by email and password and the token opens the sync endpoints", async () => {
      const login = await s.request("POST", "/auth/login", undefined, { email: email.toUpperCase(), password })
      expect(login.status).toBe(200)
      expect(login.body).toMatchObject({ token: expect.stringMatching(/^cpt_/), user: { email, role: "agent" }, team: { id: team.id } })
      const me = await s.request("GET", "/auth/me", login.body.token as string)
      expect(me.body).toMatchObject({ user: { email }, team: { id: team.id } })
      expect((await s.request("GET", "/sync/pull", login.body.token as string)).status).toBe(200)
    })

    it("refuses a wrong password and an unknown email with the same answer", async () => {
      const wrong = await s.request("POST", "/auth/login", undefined, { email, password: "not the password" })
      const unknown = await s.request("POST", "/auth/login", undefined, { email: "nobody@test.comptoir.test", password })
      expect(wrong).toMatchObject({ status: 401, body: { error: "bad-credentials" } })
      expect(unknown.body).toEqual(wrong.body)
    })

    it("stops checking an account's password after ten failed sign-ins, even the right one, and says how long to wait", async () => {
      const victim = `throttled-${team.id.slice(-8)}@test.comptoir.test`
      await createUser(s.db, { teamId: team.id, email: victim, name: "Victim", role: "agent", password })
      for (let i = 0; i < 10; i++) {
        expect((await s.request("POST", "/auth/login", undefined, { email: victim, password: `guess-${i}` })).status).toBe(401)
      }
      const blocked = await s.request("POST", "/auth/login", undefined, { email: victim.toUpperCase(), password })
      expect(blocked).toMatchObject({ status: 429, body: { error: "too-many-attempts", message: expect.stringMatching(/try again in 15 minutes/) } })
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(800)
      // Other accounts are not affected.
      expect((await s.request("POST", "/auth/login", undefined, { email, password })).status).toBe(200)
    }, 60_000) // twelve scrypt checks: past 20 s on this shared machine under load

    it("stores only a hash of each token", async () => {
      const rows = await s.db.query<{ token_hash: string }>("SELECT token_hash FROM tokens WHERE user_id = $1", [team.agent.id])
      expect(rows.map((r) => r.token_hash)).not.toContain(team.agent.token)
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    })

    it("refuses a missing, malformed, tampered or expired token", async () => {
      const expired = await issueToken(s.db, "session", { userId: team.agent.id, teamId: team.id }, -1000)
      const t = team.agent.token
      const tampered = t.slice(0, -1) + (t.endsWith("A") ? "B" : "A")
      for (const token of [undefined, "garbage", tampered, expired.token]) {
        const res = await s.request("GET", "/sync/pull", token)
        expect(res.status, String(token)).toBe(401)
        expect(res.body.message).toMatch(/token/)
      }
    })

    it("refuses a token after logout", async () => {
      const { token } = await issueToken(s.db, "session", { userId: team.agent.id, teamId: team.id }, 60_000)
      expect((await s.request("POST", "/auth/logout", token)).status).toBe(204)
      expect((await s.request("GET", "/auth/me", token)).status).toBe(401)
      expect((await s.request("GET", "/auth/me", team.agent.token)).status).toBe(200)
    })

    it("locks a disabled user out at once, old tokens included, and lets them back when enabled", async () => {
      const victim = await s.team("disable")
      const res = await s.request("POST", `/admin/users/${victim.agent.id}/disable`, victim.admin.token)
      expect(res).toMatchObject({ status: 200, body: { user: { disabled: true } } })
      expect((await s.request("GET", "/sync/pull", victim.agent.token)).status).toBe(401)
      const push = await s.request("POST", "/sync/push", victim.agent.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations: [putRow(1, "customers", "x", customer("x"))] })
      expect(push.status).toBe(401)
      expect((await footprint(victim.id)).rows).toBe(0)
      await s.request("POST", `/admin/users/${victim.agent.id}/enable`, victim.admin.token)
      // Revoked tokens stay revoked: the user logs in again.
      expect((await s.request("GET", "/sync/pull", victim.agent.token)).status).toBe(401)
    })

    it("refuses login to a disabled user with a clear reason", async () => {
      const t = await s.team("disabled-login")
      const mail = `dis-${t.id.slice(-8)}@test.comptoir.test`
      const u = await createUser(s.db, { teamId: t.id, email: mail, name: "", role: "agent", password })
      await s.request("POST", `/admin/users/${u.id}/disable`, t.admin.token)
      expect(await s.request("POST", "/auth/login", undefined, { email: mail, password })).toMatchObject({ status: 403, body: { error: "user-disabled" } })
    })

    it("lets an admin invite a user, who sets a password once with the invitation", async () => {
      const mail = `invited-${team.id.slice(-8)}@test.comptoir.test`
      const invite = await s.request("POST", "/admin/users", team.admin.token, { email: mail, name: "Nouvelle", role: "agent" })
      expect(invite).toMatchObject({ status: 201, body: { user: { email: mail, invitePending: true }, inviteToken: expect.stringMatching(/^inv_/) } })
      // An invitation is not a session.
      expect((await s.request("GET", "/auth/me", invite.body.inviteToken as string)).status).toBe(401)
      const accepted = await s.request("POST", "/auth/accept-invite", undefined, { inviteToken: invite.body.inviteToken, password: "a new long password" })
      expect(accepted).toMatchObject({ status: 200, body: { user: { email: mail, invitePending: false }, team: { id: team.id } } })
      const again = await s.request("POST", "/auth/accept-invite", undefined, { inviteToken: invite.body.inviteToken, password: "another long password" })
      expect(again.status).toBe(401)
      expect((await s.request("POST", "/auth/login", undefined, { email: mail, password: "a new long password" })).status).toBe(200)
      expect((await s.request("POST", "/admin/users", team.admin.token, { email: mail, role: "agent" })).status).toBe(409)
    })

    it("keeps user management to admins", async () => {
      for (const token of [team.agent.token, team.manager.token]) {
        expect((await s.request("GET", "/admin/users", token)).status).toBe(403)
        expect((await s.request("POST", "/admin/users", token, { email: "x@test.comptoir.test", role: "admin" })).status).toBe(403)
        expect((await s.request("POST", `/admin/users/${team.agent2.id}/disable`, token)).status).toBe(403)
      }
    })
  })
}
