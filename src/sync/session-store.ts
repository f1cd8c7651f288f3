import * as z from "zod"

import type { ComptoirDb, RevocationRecord, SessionRecord } from "~src/db/database"

import { LoginReply } from "./team-server"

/** The team server's session as the background keeps it: the login reply (token, who, which team) and where. */
export const StoredSession = LoginReply.extend({ serverUrl: z.string() })
export type StoredSession = z.infer<typeof StoredSession>

/** The part of `chrome.storage.local` the migration needs (structural: the tests pass a Map-backed one). */
export interface LegacyStorage {
  get(key: string): Promise<Record<string, unknown>>
  remove(key: string): Promise<void>
}

/** Revokes a token on its server; true once the server no longer accepts it, false when it could not be told. */
export type RevokeToken = (serverUrl: string, token: string) => Promise<boolean>

/** Where versions before issue #8 kept the session, token included, readable by any content script. */
export const LEGACY_SESSION_KEY = "comptoir.session"
const ID = "session"
const REVOKE = "revoke:"
/** A thrown-away token whose expiry is unknown is retried that long (the server's default session lifetime). */
const UNKNOWN_EXPIRY_MS = 30 * 24 * 3_600_000

/** Enough of a leftover to revoke it, even when the rest of it no longer parses. */
const Revocable = z.object({ serverUrl: z.string().min(1), token: z.string().min(1), expiresAt: z.string().optional() })

/**
 * The session lives in the extension's IndexedDB (`sessions` table), which only the extension's own pages
 * and worker can open; `chrome.storage.local` is readable by content scripts. The first read of each
 * worker life moves a session left in storage.local by an older version here, and deletes it there.
 *
 * A token the device throws away (that leftover when a session signed in since replaced it, or a sign-out
 * the server could not hear) is revoked on its server: it was readable by pages, or it is still valid
 * there. The revocation waits in the same table (`revoke:…` rows) and is tried again at each worker start
 * and after each sync until the server confirms it or the token expires.
 */
export class SessionStore {
  private migration: Promise<void> | undefined
  private revoking: Promise<number> | undefined
  private revokedOnce = false

  constructor(
    private readonly db: ComptoirDb,
    private readonly legacy?: LegacyStorage,
    private readonly revoke?: RevokeToken,
    private readonly now: () => number = Date.now
  ) {}

  async read(): Promise<StoredSession | null> {
    await this.migrated()
    if (!this.revokedOnce) {
      this.revokedOnce = true
      void this.revokePending().catch(() => undefined)
    }
    const row = await this.db.sessions.get(ID)
    if (!row) return null
    const parsed = StoredSession.safeParse(row)
    return parsed.success ? parsed.data : null
  }

  async write(s: StoredSession | null): Promise<void> {
    await this.migrated()
    if (s) await this.db.sessions.put({ id: ID, ...StoredSession.parse(s) } satisfies SessionRecord)
    else await this.db.sessions.delete(ID)
  }

  /**
   * Throws a token away: revoked on its server now if it can be reached, else at a later attempt
   * (`revokePending`). Resolves once it was tried.
   */
  async retire(token: { serverUrl: string; token: string; expiresAt?: string | undefined }): Promise<void> {
    await this.queueRevocation(token)
    await this.revokePending()
  }

  /** Tries every pending revocation once; returns how many are still waiting. One run at a time. */
  revokePending(): Promise<number> {
    const run = (this.revoking ?? Promise.resolve(0)).catch(() => 0).then(() => this.revokeAll())
    this.revoking = run
    return run
  }

  /** Runs once per store; a failed run (storage unavailable) is tried again at the next read. */
  migrated(): Promise<void> {
    this.migration ??= this.migrate().catch((e: unknown) => {
      this.migration = undefined
      throw e
    })
    return this.migration
  }

  private async migrate(): Promise<void> {
    if (!this.legacy) return
    const raw = (await this.legacy.get(LEGACY_SESSION_KEY))[LEGACY_SESSION_KEY]
    if (raw === undefined) return
    const parsed = StoredSession.safeParse(raw)
    const current = (await this.db.sessions.get(ID)) as SessionRecord | undefined
    if (parsed.success && !current) {
      // The leftover is the device's session: kept (it moves out of the pages' reach, the user stays signed in).
      await this.db.sessions.put({ id: ID, ...parsed.data })
    } else {
      // A session signed in since (already here) is newer than the leftover; a malformed leftover is dropped.
      // Either way its token is thrown away, and pages could read it: it is revoked on its server.
      const revocable = Revocable.safeParse(raw)
      if (revocable.success && revocable.data.token !== current?.token) await this.queueRevocation(revocable.data)
    }
    // Last: a worker stopped before this line finds the leftover again and redoes the same writes.
    await this.legacy.remove(LEGACY_SESSION_KEY)
  }

  private async queueRevocation(t: { serverUrl: string; token: string; expiresAt?: string | undefined }): Promise<void> {
    const expiry = t.expiresAt !== undefined && !Number.isNaN(Date.parse(t.expiresAt)) ? t.expiresAt : new Date(this.now() + UNKNOWN_EXPIRY_MS).toISOString()
    await this.db.sessions.put({ id: `${REVOKE}${t.token}`, serverUrl: t.serverUrl, token: t.token, expiresAt: expiry } satisfies RevocationRecord)
  }

  private async revokeAll(): Promise<number> {
    const pending = (await this.db.sessions.where("id").startsWith(REVOKE).toArray()) as RevocationRecord[]
    let left = 0
    for (const r of pending) {
      const done = Date.parse(r.expiresAt) <= this.now() || (this.revoke ? await this.revoke(r.serverUrl, r.token) : false)
      if (done) await this.db.sessions.delete(r.id)
      else left++
    }
    return left
  }
}
