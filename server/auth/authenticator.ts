import type { Notifications } from "../db/notifications"
import type { Db } from "../db/db"
import { hashToken } from "./tokens"
import { authenticate, type AuthContext } from "./users"

const MAX_ENTRIES = 10_000

/** Sent by the database's own triggers (migration 011) from the transaction that ends a session. */
export const SESSION_END_CHANNEL = "comptoir_session_end"

/**
 * Session lookups with a short memory: every sync request carries a token, and the lookup was a third of a
 * pull's queries. Logout and disabling go through this object, so on this process they take effect at
 * once. Other processes sharing the database hear it from PostgreSQL (`comptoir_session_end`, sent by
 * triggers on `tokens` and `users` at the commit that ends the session) and forget the entry on receipt; the
 * `ttlMs` expiry stays as the fallback for a notification lost while the listening connection was down
 * (after reconnecting, the whole cache is dropped).
 */
export class Authenticator {
  private readonly cache = new Map<string, { auth: AuthContext; until: number }>()
  /**
   * Counts forgets. A lookup that read the database before a session ended and answers after the
   * notification arrived must not cache what it read: it caches only if no forget happened meanwhile.
   */
  private forgets = 0

  private readonly ttlMs: number

  constructor(
    private readonly db: Db,
    opts: { ttlMs?: number; notifications?: Notifications } = {}
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000
    const notifications = opts.notifications
    notifications?.on(SESSION_END_CHANNEL, (payload) => this.ended(payload))
    notifications?.onReconnect(() => this.forgetAll())
  }

  async session(token: string): Promise<AuthContext | null> {
    const key = hashToken(token)
    const hit = this.cache.get(key)
    if (hit && hit.until > Date.now()) return hit.auth
    const forgetsBefore = this.forgets
    const found = await authenticate(this.db, token, "session")
    if (!found) {
      this.cache.delete(key)
      return null
    }
    if (this.forgets !== forgetsBefore) return found.auth
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear()
    this.cache.set(key, { auth: found.auth, until: Math.min(Date.now() + this.ttlMs, found.expiresAt.getTime()) })
    return found.auth
  }

  forgetToken(tokenHash: string): void {
    this.forgets++
    this.cache.delete(tokenHash)
  }

  forgetUser(userId: string): void {
    this.forgets++
    for (const [key, entry] of this.cache) if (entry.auth.userId === userId) this.cache.delete(key)
  }

  forgetAll(): void {
    this.forgets++
    this.cache.clear()
  }

  private ended(payload: string): void {
    if (payload.startsWith("t:")) this.forgetToken(payload.slice(2))
    else if (payload.startsWith("u:")) this.forgetUser(payload.slice(2))
    else this.forgetAll()
  }
}
