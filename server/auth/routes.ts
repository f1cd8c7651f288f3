import type { FastifyInstance } from "fastify"
import * as z from "zod"

import { Email } from "../../src/domain/customers/customer.schema"
import { mayOverride } from "../../src/domain/documents/flow"
import { Role } from "../../src/domain/sync/tables"
import type { Config } from "../config"
import type { Authenticator } from "./authenticator"
import type { Db } from "../db/db"
import { authOf, requireAuth } from "../http/auth-hook"
import { HttpError, type ZodTypeProvider } from "../http/zod"
import { LoginThrottle } from "./login-throttle"
import { verifyPassword } from "./passwords"
import { consumeToken, createUser, issueToken, listUsers, login, Password, revokeToken, setDisabled, setPassword, teamView, TeamView, UserView } from "./users"

const Session = z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: UserView, team: TeamView })

export function authRoutes(app: FastifyInstance, db: Db, config: Config, authn: Authenticator, throttle = new LoginThrottle(db, config.loginLimits)): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  pruneEveryFewMinutes(app, throttle)
  const adminOnly = requireAuth(authn, ["admin"])

  r.post(
    "/auth/login",
    // 16 KiB: an email and a password never need more (the 4 MiB server limit is for pushes).
    { bodyLimit: 16_384, schema: { body: z.strictObject({ email: z.string().max(254), password: z.string().max(200) }), response: { 200: Session } } },
    async (req) => {
      // Counted before the (slow, on purpose) password check, so parallel guesses count each other.
      const attempt = await throttle.attempt(req.body.email, req.ip)
      const s = await login(db, req.body.email, req.body.password, config.tokenTtlMs)
      await throttle.succeeded(attempt)
      return { ...s, expiresAt: s.expiresAt.toISOString() }
    }
  )

  r.post("/auth/logout", { preHandler: requireAuth(authn) }, async (req, reply) => {
    await revokeToken(db, authOf(req).tokenHash)
    authn.forgetToken(authOf(req).tokenHash)
    return reply.code(204).send()
  })

  r.get("/auth/me", { preHandler: requireAuth(authn), schema: { response: { 200: z.object({ user: UserView, team: TeamView }) } } }, async (req) => {
    const auth = authOf(req)
    const user = (await listUsers(db, auth.teamId)).find((u) => u.id === auth.userId)
    if (!user) throw new HttpError(401, "bad-token", "no such user")
    return { user, team: await teamView(db, auth.teamId) }
  })

  // The team's members as their colleagues read them in a document's history (who issued it, who recorded a payment,
  // who overrode a risk block): the history keeps each one's e-mail, which the server checks against the pusher; the
  // name is what a person reads. Any signed-in member may ask: it is their own team, and nothing else of the accounts
  // but whether one is in use (a disabled colleague is still named in a history, never offered as a sales rep) and who
  // may override a risk block (an active manager or admin), whom an agent blocked at an order's confirmation asks.
  r.get(
    "/team/members",
    { preHandler: requireAuth(authn), schema: { response: { 200: z.object({ members: z.array(z.object({ email: z.string(), name: z.string(), active: z.boolean(), canOverride: z.boolean() })) }) } } },
    async (req) => ({
      // Managers before admins (the team's oldest account is its admin): a blocked agent is told "ask X or Y", and asks
      // the first name, a manager, as the sentence's "only a manager or an admin can" says.
      members: (await listUsers(db, authOf(req).teamId))
        .sort((a, b) => askOrder(a.role) - askOrder(b.role))
        .map((u) => ({ email: u.email, name: u.name, active: !u.disabled, canOverride: mayOverride(u.role) && !u.disabled }))
    })
  )

  r.post(
    "/auth/accept-invite",
    { schema: { body: z.strictObject({ inviteToken: z.string().max(200), password: Password }), response: { 200: Session } } },
    async (req) => {
      const invited = await consumeToken(db, req.body.inviteToken, "invite")
      if (!invited) throw new HttpError(401, "bad-invite", "the invitation is unknown, used or expired: ask your admin for a new one")
      await setPassword(db, invited.userId, req.body.password)
      const session = await issueToken(db, "session", invited, config.tokenTtlMs)
      const user = (await listUsers(db, invited.teamId)).find((u) => u.id === invited.userId)!
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user, team: await teamView(db, invited.teamId) }
    }
  )

  r.get("/admin/users", { preHandler: adminOnly, schema: { response: { 200: z.object({ users: z.array(UserView) }) } } }, async (req) => ({
    users: await listUsers(db, authOf(req).teamId)
  }))

  r.post(
    "/admin/users",
    {
      preHandler: adminOnly,
      schema: {
        body: z.strictObject({ email: Email, name: z.string().max(200).default(""), role: Role }),
        response: { 201: z.object({ user: UserView, inviteToken: z.string(), inviteExpiresAt: z.iso.datetime() }) }
      }
    },
    async (req, reply) => {
      const auth = authOf(req)
      const user = await db.transaction(async (tx) => {
        const u = await createUser(tx, { teamId: auth.teamId, email: req.body.email, name: req.body.name, role: req.body.role, password: null })
        return { u, invite: await issueToken(tx, "invite", { userId: u.id, teamId: auth.teamId }, config.inviteTtlMs) }
      })
      return reply.code(201).send({ user: user.u, inviteToken: user.invite.token, inviteExpiresAt: user.invite.expiresAt.toISOString() })
    }
  )

  const UserParams = z.strictObject({ userId: z.string().min(1).max(64) })
  for (const [verb, disabled] of [["disable", true], ["enable", false]] as const) {
    r.post(`/admin/users/:userId/${verb}`, { preHandler: adminOnly, schema: { params: UserParams, response: { 200: z.object({ user: UserView }) } } }, async (req) => {
      const auth = authOf(req)
      if (disabled && req.params.userId === auth.userId) throw new HttpError(409, "self-disable", "an admin cannot disable themselves")
      const user = await db.transaction((tx) => setDisabled(tx, auth.teamId, req.params.userId, disabled))
      authn.forgetUser(user.id)
      return { user }
    })
  }

  // --- change one's own password (issue 8) ---
  r.post(
    "/auth/change-password",
    {
      preHandler: requireAuth(authn),
      schema: {
        body: z.strictObject({ currentPassword: z.string().max(200), newPassword: Password }),
        response: { 200: z.object({ endedSessions: z.number().int().nonnegative() }) }
      }
    },
    async (req) => {
      const auth = authOf(req)
      const [user] = await db.query<{ email: string; password_hash: string | null }>("SELECT email, password_hash FROM users WHERE user_id = $1", [auth.userId])
      if (!user) throw new HttpError(401, "bad-token", "no such user")
      // The same guard as sign-in: a session left open on a shared computer must not become a password oracle.
      const attempt = await throttle.attempt(user.email, req.ip)
      if (!user.password_hash || !(await verifyPassword(req.body.currentPassword, user.password_hash))) {
        throw new HttpError(403, "wrong-password", "the current password is wrong")
      }
      await throttle.succeeded(attempt)
      if (req.body.newPassword === req.body.currentPassword) throw new HttpError(400, "same-password", "the new password is the current one: choose another")
      // Every other session ends: changing a password is what someone does when they think another person knows
      // it, and a session opened with the old one is that person's. This device just proved the password, so it stays.
      const ended = await db.transaction(async (tx) => {
        await setPassword(tx, auth.userId, req.body.newPassword)
        const rows = await tx.query("UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND token_hash <> $2 AND revoked_at IS NULL AND kind <> 'invite' RETURNING kind", [auth.userId, auth.tokenHash])
        return rows.filter((r) => (r as { kind: string }).kind === "session").length
      })
      authn.forgetUser(auth.userId)
      return { endedSessions: ended }
    }
  )
}

/** The throttle's table keeps only the window's attempts (each process prunes; a second prune finds nothing). */
function pruneEveryFewMinutes(app: FastifyInstance, throttle: LoginThrottle): void {
  let timer: NodeJS.Timeout | undefined
  app.addHook("onReady", async () => {
    timer = setInterval(() => {
      throttle.prune().catch((err: unknown) => app.log.error({ err }, "sign-in throttle prune failed"))
    }, 5 * 60_000).unref()
  })
  app.addHook("preClose", async () => clearInterval(timer))
}

/** Whom an agent asks first for an override: a manager, then an admin, then the others; each group in the list's order. */
const askOrder = (role: string) => (role === "manager" ? 0 : role === "admin" ? 1 : 2)
