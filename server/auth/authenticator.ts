import type { Notifications } from "../db/notifications"
import type { Db } from "../db/db"
import { hashToken } from "./tokens"
import { authenticateSessions, hasTokenShape, type AuthContext } from "./users"

const MAX_ENTRIES = 10_000

/** Sent by the database's own triggers (migration 011) from the transaction that ends a session. */
export const SESSION_END_CHANNEL = "comptoir_session_end"

type Found = { auth: AuthContext; expiresAt: Date } | undefined

/**
 * Session lookups with a short memory: every sync request carries a token, and the lookup was a third of a
 * pull's queries. Logout and disabling go through this object, so on this process they take effect at
 * once. Other processes sharing the database hear it from PostgreSQL (`comptoir_session_end`, sent by
 * triggers on `tokens` and `users` at the commit that ends the session) and forget the entry on receipt; the
 * `ttlMs` expiry stays as the fallback for a notification lost while the listening connection was down
 * (after reconnecting, the whole cache is dropped).
 *
 * A team's agents sign in about together, so their entries expired together, and the burst that fell then
 * (issue #10: fifty agents issuing in the same millisecond) read fifty sessions, one statement each, before any
 * push could start. Now lookups arriving in one turn of the event loop go as one statement, and a session used
 * in the last `refreshMs` of its entry is read again in the background (grouped the same way) while the entry
 * still answers: an active agent does not wait for the lookup. An entry is still never used past its `until`,
 * which only a read of the database sets, so a lost notification is covered for as long as before.
 */
export class Authenticator {
  private readonly cache = new Map<string, { auth: AuthContext; until: number; refreshing?: boolean }>()
  /**
   * Counts forgets. A lookup that read the database before a session ended and answers after the
   * notification arrived must not cache what it read: it caches only if no forget happened meanwhile.
   */
  private forgets = 0
  /** The token hashes to look up in this turn's statement, and its result. */
  private pending: { keys: Set<string>; result: Promise<Map<string, Found>> } | undefined

  private readonly ttlMs: number
  private readonly refreshMs: number

  constructor(
    private readonly db: Db,
    opts: { ttlMs?: number; refreshMs?: number; notifications?: Notifications } = {}
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000
    this.refreshMs = Math.min(opts.refreshMs ?? 3_000, this.ttlMs / 2)
    const notifications = opts.notifications
    notifications?.on(SESSION_END_CHANNEL, (payload) => this.ended(payload))
    notifications?.onReconnect(() => this.forgetAll())
  }

  async session(token: string): Promise<AuthContext | null> {
    if (!hasTokenShape(token)) return null
    const key = hashToken(token)
    const hit = this.cache.get(key)
    const now = Date.now()
    if (hit && hit.until > now) {
      if (!hit.refreshing && hit.until - now <= this.refreshMs) {
        hit.refreshing = true
        void this.read(key).catch(() => {
          // Not refreshed: the entry ends at its `until` and the next request reads the database itself.
        })
      }
      return hit.auth
    }
    return (await this.read(key)) ?? null
  }

  /** Reads the session from the database and caches what it found, unless a session ended meanwhile. */
  private async read(key: string): Promise<AuthContext | undefined> {
    const forgetsBefore = this.forgets
    const found = await this.lookup(key)
    if (!found) {
      this.cache.delete(key)
      return undefined
    }
    if (this.forgets !== forgetsBefore) return found.auth
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear()
    this.cache.set(key, { auth: found.auth, until: Math.min(Date.now() + this.ttlMs, found.expiresAt.getTime()) })
    return found.auth
  }

  /** One statement for the lookups of this turn of the event loop. */
  private lookup(key: string): Promise<Found> {
    if (!this.pending) {
      const keys = new Set<string>()
      const result = new Promise<Map<string, Found>>((resolve, reject) =>
        setImmediate(() => {
          this.pending = undefined
          authenticateSessions(this.db, [...keys]).then(resolve, reject)
        })
      )
      this.pending = { keys, result }
    }
    this.pending.keys.add(key)
    return this.pending.result.then((found) => found.get(key))
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
