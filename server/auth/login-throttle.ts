import { createHash } from "node:crypto"

import type { Db } from "../db/db"
import { HttpError } from "../http/zod"

export interface ThrottleLimits {
  /** Failed sign-ins allowed per account within the window. */
  perAccount: number
  /** Failed sign-ins allowed per client address within the window (password spraying over many accounts). */
  perAddress: number
  windowMs: number
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 }

/** Advisory lock class of the throttle's keys (the second int is the key's hash). */
const LOCK_CLASS = 7426002

/** What `succeeded` needs to take one attempt back. */
export interface Attempt {
  accountKey: string
  addressAttemptId: number
}

/**
 * Failed sign-in counts per account and per address, in the database so that every server process behind a
 * load balancer counts the same attempts. They guard the password hash (scrypt is slow on purpose, an open
 * door for guessing and for CPU exhaustion). A success clears the account's count.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Called before the password is checked: throws 429 with the wait in words when either count is used up,
   * and otherwise counts this attempt as a failure until `succeeded` says otherwise. Counting up front is what
   * stops a burst of parallel guesses: each one sees the others, not a count that only grows once their slow
   * hashes are done. The two keys are locked (advisory, per key) for the check and the insert, so parallel
   * attempts on any process are counted one after the other.
   */
  async attempt(email: string, address: string): Promise<Attempt> {
    const t = this.now()
    const keys = [
      { key: keyOf(`account:${email.toLowerCase()}`), max: this.limits.perAccount, what: "for this account" },
      { key: keyOf(`address:${address}`), max: this.limits.perAddress, what: "from this address" }
    ]
    const ids = keys.map((k) => k.key)
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(k)) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS sorted`, [ids])
      // Only these keys' old rows: keeps them short; the periodic prune takes care of the rest.
      await tx.query("DELETE FROM login_attempts WHERE key = ANY($1) AND at_ms <= $2", [ids, t - this.limits.windowMs])
      const counts = await tx.query<{ key: string; n: number; oldest: number }>("SELECT key, count(*)::int AS n, min(at_ms) AS oldest FROM login_attempts WHERE key = ANY($1) GROUP BY key", [ids])
      for (const k of keys) {
        const c = counts.find((r) => r.key === k.key)
        if (c && c.n >= k.max) {
          const retryMs = c.oldest + this.limits.windowMs - t
          const minutes = Math.max(1, Math.ceil(retryMs / 60_000))
          throw new HttpError(429, "too-many-attempts", `too many failed sign-ins ${k.what}; try again in ${minutes} minute${minutes > 1 ? "s" : ""}`, {
            retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000))
          })
        }
      }
      const [account, addr] = ids as [string, string]
      const rows = await tx.query<{ attempt_id: number; key: string }>("INSERT INTO login_attempts (key, at_ms) VALUES ($1, $3), ($2, $3) RETURNING attempt_id, key", [account, addr, t])
      return { accountKey: account, addressAttemptId: rows.find((r) => r.key === addr)!.attempt_id }
    })
  }

  /** The password was right: the account starts afresh, and this attempt no longer counts against the address. */
  async succeeded(a: Attempt): Promise<void> {
    await this.db.query("DELETE FROM login_attempts WHERE key = $1 OR attempt_id = $2", [a.accountKey, a.addressAttemptId])
  }

  /** Drops attempts older than the window; run every few minutes so made-up emails do not pile up. */
  async prune(): Promise<number> {
    const [r] = await this.db.query<{ n: number }>("WITH d AS (DELETE FROM login_attempts WHERE at_ms <= $1 RETURNING 1) SELECT count(*)::int AS n FROM d", [this.now() - this.limits.windowMs])
    return r?.n ?? 0
  }
}

function keyOf(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex")
}
