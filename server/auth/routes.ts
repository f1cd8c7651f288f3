import type { FastifyInstance } from "fastify"
import * as z from "zod"

import { Email } from "../../src/domain/customers/customer.schema"
import { Role } from "../../src/domain/sync/tables"
import type { Config } from "../config"
import type { Authenticator } from "./authenticator"
import type { Db } from "../db/db"
import { authOf, requireAuth } from "../http/auth-hook"
import { HttpError, type ZodTypeProvider } from "../http/zod"
import { LoginThrottle } from "./login-throttle"
import { consumeToken, createUser, issueToken, listUsers, login, Password, revokeToken, setDisabled, setPassword, teamView, TeamView, UserView } from "./users"

const Session = z.object({ token: z.string(), expiresAt: z.iso.datetime(), user: UserView, team: TeamView })

export function authRoutes(app: FastifyInstance, db: Db, config: Config, authn: Authenticator, throttle = new LoginThrottle(db, config.loginLimits)): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  pruneEveryFewMinutes(app, throttle)
  const adminOnly = requireAuth(authn, ["admin"])

  r.post(
    "/auth/login",
    { schema: { body: z.strictObject({ email: z.string().max(254), password: z.string().max(200) }), response: { 200: Session } } },
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
