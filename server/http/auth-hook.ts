import type { FastifyReply, FastifyRequest } from "fastify"

import type { Role } from "../../src/domain/sync/tables"
import type { Authenticator } from "../auth/authenticator"
import type { AuthContext } from "../auth/users"
import { HttpError } from "./zod"

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null
  }
}

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  return m?.[1] ?? null
}

/** preHandler: the team comes from the token only, never from the request. */
export function requireAuth(authn: Authenticator, roles?: readonly Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(req)
    if (!token) throw new HttpError(401, "no-token", "send Authorization: Bearer <token> (log in at POST /auth/login)")
    const auth = await authn.session(token)
    if (!auth) throw new HttpError(401, "bad-token", "the token is unknown, expired or revoked, or the account is disabled: log in again")
    if (roles && !roles.includes(auth.role)) throw new HttpError(403, "forbidden", `this needs the role ${roles.join(" or ")}`)
    req.auth = auth
  }
}

export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new HttpError(401, "no-token", "not authenticated")
  return req.auth
}
