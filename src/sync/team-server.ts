import * as z from "zod"

import { errorFromReply, SyncError } from "./sync-errors"

/**
 * The one module of the extension that talks to the team server over HTTP: sign-in, sign-out, the sync
 * requests and the poke stream. Everything else goes through it, so the token, the timeouts and the
 * reading of the server's refusals are in one place.
 */

const REQUEST_TIMEOUT_MS = 30_000
const LOGIN_TIMEOUT_MS = 20_000
const LOGOUT_TIMEOUT_MS = 5_000

/** The server's answer to `POST /auth/login`: the one login reply type of the extension. */
export const LoginReply = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  team: z.object({ id: z.string(), name: z.string() })
})
export type LoginReply = z.infer<typeof LoginReply>

export type LoginOutcome = { ok: true; reply: LoginReply } | { ok: false; code: string; message: string }

/** What a request needs of the session. */
export interface ServerSession {
  serverUrl: string
  token: string
}

/** The server's base URL as typed, without trailing slashes. */
export function serverBase(url: string): string {
  return url.replace(/\/+$/, "")
}

export class TeamServer {
  private readonly fetch: typeof fetch

  constructor(fetchImpl?: typeof fetch) {
    this.fetch = fetchImpl ?? ((...args) => globalThis.fetch(...args))
  }

  /** Signs in; the password goes to the server once and is not kept. */
  async login(serverUrl: string, email: string, password: string): Promise<LoginOutcome> {
    let res: Response
    try {
      res = await this.fetch(`${serverBase(serverUrl)}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
        signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS)
      })
    } catch (e) {
      return { ok: false, code: "offline", message: e instanceof Error ? e.message : String(e) }
    }
    const body: unknown = await res.json().catch(() => ({}))
    if (!res.ok) {
      const b = (typeof body === "object" && body !== null ? body : {}) as { error?: unknown; message?: unknown }
      return {
        ok: false,
        code: typeof b.error === "string" ? b.error : `http-${res.status}`,
        message: typeof b.message === "string" ? b.message : `HTTP ${res.status}`
      }
    }
    const reply = LoginReply.safeParse(body)
    if (!reply.success) return { ok: false, code: "bad-reply", message: "this address answers, but not as a Comptoir server" }
    return { ok: true, reply: reply.data }
  }

  /** Revokes a token; true once the server no longer accepts it (204, or 401: unknown, expired or already revoked). */
  async logout(serverUrl: string, token: string): Promise<boolean> {
    try {
      const res = await this.fetch(`${serverBase(serverUrl)}/auth/logout`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(LOGOUT_TIMEOUT_MS)
      })
      return res.ok || res.status === 401
    } catch {
      return false
    }
  }

  /** The server's poke stream (server-sent events), read with fetch: a service worker has no EventSource. */
  async events(session: ServerSession, signal: AbortSignal): Promise<NonNullable<Response["body"]>> {
    const res = await this.fetch(`${serverBase(session.serverUrl)}/sync/events`, {
      headers: { authorization: `Bearer ${session.token}`, accept: "text/event-stream" },
      signal
    })
    if (!res.ok || !res.body) throw new Error(`poke stream: HTTP ${res.status}`)
    return res.body
  }

  /** One sync request: a network failure, an HTTP refusal and a reply not understood each become a `SyncError`. */
  async request<T>(session: ServerSession, method: "GET" | "POST", path: string, body: unknown, parse: (x: unknown) => T): Promise<T> {
    let res: Response
    try {
      res = await this.fetch(serverBase(session.serverUrl) + path, {
        method,
        headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
      })
    } catch (e) {
      // Only the browser's words: the UI says "unreachable" in the user's language and shows the URL beside them.
      throw new SyncError("offline", e instanceof Error ? e.message : String(e))
    }
    const text = await res.text()
    let json: unknown
    try {
      json = text === "" ? {} : JSON.parse(text)
    } catch {
      json = {}
    }
    if (!res.ok) throw errorFromReply(res.status, json)
    try {
      return parse(json)
    } catch (e) {
      throw new SyncError(
        "bad-reply",
        `the server's reply to ${path.split("?")[0]} is not understood: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`
      )
    }
  }
}
