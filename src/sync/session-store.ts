import * as z from "zod"

import type { ComptoirDb, SessionRecord } from "~src/db/database"

import { LoginReply } from "./team-server"

/** The team server's session as the background keeps it: the login reply (token, who, which team) and where. */
export const StoredSession = LoginReply.extend({ serverUrl: z.string() })
export type StoredSession = z.infer<typeof StoredSession>

/** The part of `chrome.storage.local` the migration needs (structural: the tests pass a Map-backed one). */
export interface LegacyStorage {
  get(key: string): Promise<Record<string, unknown>>
  remove(key: string): Promise<void>
}

/** Where versions before issue #8 kept the session, token included, readable by any content script. */
export const LEGACY_SESSION_KEY = "comptoir.session"
const ID = "session"

/**
 * The session lives in the extension's IndexedDB (`sessions` table), which only the extension's own pages
 * and worker can open; `chrome.storage.local` is readable by content scripts. The first read of each
 * worker life moves a session left in storage.local by an older version here, and deletes it there.
 */
export class SessionStore {
  private migration: Promise<void> | undefined

  constructor(
    private readonly db: ComptoirDb,
    private readonly legacy?: LegacyStorage
  ) {}

  async read(): Promise<StoredSession | null> {
    await this.migrated()
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
    // A session signed in since (already here) is newer than the leftover; a malformed leftover is dropped.
    if (parsed.success && !(await this.db.sessions.get(ID))) await this.db.sessions.put({ id: ID, ...parsed.data })
    await this.legacy.remove(LEGACY_SESSION_KEY)
  }
}
