import type { Db } from "../db/db"
import { hashToken } from "./tokens"
import { authenticate, type AuthContext } from "./users"

const MAX_ENTRIES = 10_000

/**
 * Session lookups with a short memory: every sync request carries a token, and the lookup was a third of a
 * pull's queries. Logout and disabling go through this object, so on this process they take effect at
 * once; another server process sharing the database sees them within `ttlMs`.
 */
export class Authenticator {
  private readonly cache = new Map<string, { auth: AuthContext; until: number }>()

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000
  ) {}

  async session(token: string): Promise<AuthContext | null> {
    const key = hashToken(token)
    const hit = this.cache.get(key)
    if (hit && hit.until > Date.now()) return hit.auth
    const found = await authenticate(this.db, token, "session")
    if (!found) {
      this.cache.delete(key)
      return null
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear()
    this.cache.set(key, { auth: found.auth, until: Math.min(Date.now() + this.ttlMs, found.expiresAt.getTime()) })
    return found.auth
  }

  forgetToken(tokenHash: string): void {
    this.cache.delete(tokenHash)
  }

  forgetUser(userId: string): void {
    for (const [key, entry] of this.cache) if (entry.auth.userId === userId) this.cache.delete(key)
  }
}
