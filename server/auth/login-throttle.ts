import { HttpError } from "../http/zod"

export interface ThrottleLimits {
  /** Failed sign-ins allowed per account within the window. */
  perAccount: number
  /** Failed sign-ins allowed per client address within the window (password spraying over many accounts). */
  perAddress: number
  windowMs: number
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 }

/** Keys kept at most: old ones go first, so a flood of made-up emails cannot grow memory without bound. */
const MAX_KEYS = 50_000

/**
 * Failed sign-in counts per account and per address, in this process's memory: they guard the password hash
 * (scrypt is slow on purpose, an open door for guessing and for CPU exhaustion). Several server processes
 * each count on their own (said in server/README.md). A success clears the account's count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Called before the password is checked: throws 429 with the wait in words when either count is used up,
   * and otherwise counts this attempt as a failure until `succeeded` says otherwise. Counting up front is what
   * stops a burst of parallel guesses: each one sees the others, not a count that only grows once their slow
   * hashes are done.
   */
  attempt(email: string, address: string): void {
    const t = this.now()
    for (const [key, max] of [
      [`account:${email.toLowerCase()}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress]
    ] as const) {
      const recent = this.recent(key, t)
      if (recent.length >= max) {
        const retryMs = recent[0]! + this.limits.windowMs - t
        const minutes = Math.max(1, Math.ceil(retryMs / 60_000))
        throw new HttpError(429, "too-many-attempts", `too many failed sign-ins ${key.startsWith("account") ? "for this account" : "from this address"}; try again in ${minutes} minute${minutes > 1 ? "s" : ""}`, {
          retryAfterSeconds: Math.ceil(retryMs / 1000)
        })
      }
    }
    this.record(email, address, t)
  }

  private record(email: string, address: string, t: number): void {
    for (const key of [`account:${email.toLowerCase()}`, `address:${address}`]) {
      const list = this.recent(key, t)
      list.push(t)
      this.failures.delete(key)
      this.failures.set(key, list)
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!)
  }

  /** The password was right: the account starts afresh, and this attempt no longer counts against the address. */
  succeeded(email: string, address: string): void {
    this.failures.delete(`account:${email.toLowerCase()}`)
    const list = this.failures.get(`address:${address}`)
    list?.pop()
    if (list?.length === 0) this.failures.delete(`address:${address}`)
  }

  private recent(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => at > t - this.limits.windowMs)
    if (list.length === 0) this.failures.delete(key)
    else this.failures.set(key, list)
    return list
  }
}
