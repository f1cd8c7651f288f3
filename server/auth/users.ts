import * as z from "zod"

import { Email } from "../../src/domain/customers/customer.schema"
import { newId } from "../../src/domain/ids"
import { Role } from "../../src/domain/sync/tables"
import { prepared, type Queryable } from "../db/db"
import { HttpError } from "../http/zod"
import { dummyHash, hashPassword, verifyPassword } from "./passwords"
import { hashToken, newToken } from "./tokens"

export interface AuthContext {
  userId: string
  teamId: string
  role: Role
  tokenHash: string
}

/** Stated in server/README.md: 10 to 200 characters, never the demo password (only the demo seed sets it). */
export const PASSWORD_MIN_LENGTH = 10
export const DEMO_PASSWORD = "comptoir-demo"
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `a password has at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "a password has at most 200 characters")
  .refine((p) => p !== DEMO_PASSWORD, "this is the public demo password: choose another")

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  invitePending: z.boolean()
})
export type UserView = z.infer<typeof UserView>

export const TeamView = z.object({ id: z.string(), name: z.string() })

interface UserRow {
  user_id: string
  team_id: string
  email: string
  name: string
  role: Role
  password_hash: string | null
  disabled_at: Date | null
}

export function userView(u: UserRow): UserView {
  return { id: u.user_id, email: u.email, name: u.name, role: u.role, disabled: u.disabled_at !== null, invitePending: u.password_hash === null }
}

export async function createTeam(db: Queryable, name: string, teamId = newId()): Promise<string> {
  await db.query("INSERT INTO teams (team_id, name) VALUES ($1, $2)", [teamId, name])
  return teamId
}

export async function createUser(db: Queryable, u: { teamId: string; email: string; name: string; role: Role; password: string | null }): Promise<UserView> {
  const email = Email.parse(u.email)
  const hash = u.password === null ? null : await hashPassword(Password.parse(u.password))
  try {
    const [row] = await db.query<UserRow>(
      `INSERT INTO users (user_id, team_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [newId(), u.teamId, email, u.name, u.role, hash]
    )
    return userView(row!)
  } catch (err) {
    if ((err as { code?: string }).code === "23505") throw new HttpError(409, "email-taken", `a user with email ${email} already exists`)
    throw err
  }
}

export async function issueToken(db: Queryable, kind: "session" | "invite" | "sse-ticket", user: { userId: string; teamId: string }, ttlMs: number) {
  const token = newToken(kind === "session" ? "cpt" : kind === "invite" ? "inv" : "tkt")
  const expiresAt = new Date(Date.now() + ttlMs)
  await db.query("INSERT INTO tokens (token_hash, kind, user_id, team_id, expires_at) VALUES ($1, $2, $3, $4, $5)", [hashToken(token), kind, user.userId, user.teamId, expiresAt])
  return { token, expiresAt }
}

export async function login(db: Queryable, email: string, password: string, ttlMs: number) {
  const [user] = await db.query<UserRow>("SELECT * FROM users WHERE lower(email) = lower($1)", [email])
  // Same work whether or not the user exists, so timing does not reveal which emails have accounts.
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()))
  if (!user || !ok || user.password_hash === null) throw new HttpError(401, "bad-credentials", "wrong email or password")
  if (user.disabled_at !== null) throw new HttpError(403, "user-disabled", "this account is disabled; ask your team's admin")
  const session = await issueToken(db, "session", { userId: user.user_id, teamId: user.team_id }, ttlMs)
  return { ...session, user: userView(user), team: await teamView(db, user.team_id) }
}

export async function teamView(db: Queryable, teamId: string) {
  const [team] = await db.query<{ team_id: string; name: string }>("SELECT team_id, name FROM teams WHERE team_id = $1", [teamId])
  if (!team) throw new HttpError(401, "no-team", "the team no longer exists")
  return { id: team.team_id, name: team.name }
}

const TOKEN_SHAPE = /^(cpt|inv|tkt)_[A-Za-z0-9_-]{43}$/

/** The user behind a token of the given kind, or null when it is unknown, expired, revoked or disabled. */
/** Every request's session lookup when the cache has none (auth/authenticator.ts): prepared. */
const AUTHENTICATE = prepared(
  "comptoir_authenticate",
  `SELECT t.user_id, t.team_id, u.role, t.expires_at FROM tokens t JOIN users u ON u.user_id = t.user_id AND u.team_id = t.team_id
   WHERE t.token_hash = $1 AND t.kind = $2 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.disabled_at IS NULL`
)

export async function authenticate(db: Queryable, token: string, kind: "session" | "invite" | "sse-ticket"): Promise<{ auth: AuthContext; expiresAt: Date } | null> {
  if (!TOKEN_SHAPE.test(token)) return null
  const tokenHash = hashToken(token)
  const [row] = await db.query<{ user_id: string; team_id: string; role: Role; expires_at: Date }>(AUTHENTICATE, [tokenHash, kind])
  return row ? { auth: { userId: row.user_id, teamId: row.team_id, role: row.role, tokenHash }, expiresAt: row.expires_at } : null
}

/**
 * Several sessions at once, by token hash (the Authenticator's lookups arriving together: one statement instead of
 * one each). The hashes go as one JSON array, a parameter PGlite's prepared statements take as well.
 */
const AUTHENTICATE_SESSIONS = prepared(
  "comptoir_authenticate_sessions",
  `SELECT t.token_hash, t.user_id, t.team_id, u.role, t.expires_at FROM tokens t JOIN users u ON u.user_id = t.user_id AND u.team_id = t.team_id
   WHERE t.token_hash IN (SELECT jsonb_array_elements_text($1::jsonb)) AND t.kind = 'session' AND t.revoked_at IS NULL AND t.expires_at > now() AND u.disabled_at IS NULL`
)

/** The live sessions among `tokenHashes`, by hash (an unknown, ended or expired one is absent). */
export async function authenticateSessions(db: Queryable, tokenHashes: readonly string[]): Promise<Map<string, { auth: AuthContext; expiresAt: Date }>> {
  const rows = await db.query<{ token_hash: string; user_id: string; team_id: string; role: Role; expires_at: Date }>(AUTHENTICATE_SESSIONS, [JSON.stringify(tokenHashes)])
  return new Map(rows.map((r) => [r.token_hash, { auth: { userId: r.user_id, teamId: r.team_id, role: r.role, tokenHash: r.token_hash }, expiresAt: new Date(r.expires_at) }]))
}

/** The shape of a token this server issues (anything else is refused without a lookup). */
export function hasTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token)
}

export async function revokeToken(db: Queryable, tokenHash: string): Promise<void> {
  await db.query("UPDATE tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL", [tokenHash])
}

/** Consumes a one-time token atomically: of two concurrent uses, one wins. */
export async function consumeToken(db: Queryable, token: string, kind: "invite" | "sse-ticket"): Promise<AuthContext | null> {
  const found = await authenticate(db, token, kind)
  if (!found) return null
  const used = await db.query("UPDATE tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING 1", [found.auth.tokenHash])
  return used.length === 1 ? found.auth : null
}

export async function setPassword(db: Queryable, userId: string, password: string): Promise<void> {
  await db.query("UPDATE users SET password_hash = $2 WHERE user_id = $1", [userId, await hashPassword(password)])
}

export async function listUsers(db: Queryable, teamId: string): Promise<UserView[]> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE team_id = $1 ORDER BY created_at, email", [teamId])
  return rows.map(userView)
}

/** Disabling also revokes every token, so open sessions end now rather than at expiry. */
export async function setDisabled(db: Queryable, teamId: string, userId: string, disabled: boolean): Promise<UserView> {
  const [row] = await db.query<UserRow>(
    `UPDATE users SET disabled_at = CASE WHEN $3 THEN coalesce(disabled_at, now()) ELSE NULL END
     WHERE user_id = $1 AND team_id = $2 RETURNING *`,
    [userId, teamId, disabled]
  )
  if (!row) throw new HttpError(404, "no-such-user", "no such user in your team")
  if (disabled) await db.query("UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", [userId])
  return userView(row)
}
