import { PokeEvent } from "~src/domain/sync/protocol"
import type { SyncStatus } from "~src/messaging/contract"
import { SessionStore, type StoredSession } from "~src/sync/session-store"
import { SyncEngine, type SyncReport } from "~src/sync/sync-engine"
import { TeamNames } from "~src/sync/team-names"
import { TeamServer } from "~src/sync/team-server"

import { baseChanged, services } from "./services"

/**
 * The background's side of sync: the session in the extension's IndexedDB (`SessionStore`: content scripts
 * can read chrome.storage.local, not our IndexedDB), one engine per service-worker life, an alarm, and the server's
 * poke stream. Nothing here is needed across a restart: IndexedDB holds it all.
 * No chrome.* call runs at import: the handler tests import this module in Node.
 */
export const SYNC_ALARM = "comptoir-sync"

export { StoredSession } from "~src/sync/session-store"

// Not at import: the handler tests import this module in Node, where `chrome` does not exist.
let sessions: SessionStore | undefined
function sessionStore(): SessionStore {
  sessions ??= new SessionStore(services.db, typeof chrome === "undefined" ? undefined : chrome.storage.local, (url, token) => teamServer.logout(url, token))
  return sessions
}

export function readSession(): Promise<StoredSession | null> {
  return sessionStore().read()
}

export function writeSession(s: StoredSession | null): Promise<void> {
  return sessionStore().write(s)
}

/** The one client of the team server's HTTP routes (`src/sync/team-server.ts`). */
export const teamServer = new TeamServer()

/**
 * The names the team's members go by, for a document's history and the sales-rep picks (asked again after 5 minutes;
 * the last answer kept beside the session, so a worker started offline has them).
 */
export const teamNames = new TeamNames(teamServer, Date.now, {
  read: () => services.db.sessions.get("team-members"),
  write: async (kept) => void (await services.db.sessions.put({ id: "team-members", ...kept }))
})

/**
 * The team's names for a screen that must not wait on the server: what is known within `waitMs` (after a sync they
 * are kept, so at once), else none this time: the screen shows e-mails, the agent's own name aside.
 */
export async function teamNamesWithin(waitMs: number, opts: { activeOnly?: boolean } = {}): Promise<Record<string, string>> {
  const session = await readSession()
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<Record<string, string>>((resolve) => (timer = setTimeout(() => resolve(session && session.user.name.trim() ? { [session.user.email.toLowerCase()]: session.user.name.trim() } : {}), waitMs)))
  return Promise.race([teamNames.of(session, opts), late]).finally(() => clearTimeout(timer))
}

/**
 * The names a sales rep is picked from, and the disabled accounts' (`TeamNames.reps`), with the active members'
 * e-mails, within `waitMs`; past it the agent alone, as `teamNamesWithin`.
 */
export async function teamRepsWithin(waitMs: number): Promise<TeamReps> {
  const session = await readSession()
  let timer: ReturnType<typeof setTimeout> | undefined
  const me = session && session.user.name.trim() ? { name: session.user.name.trim(), email: session.user.email } : null
  const late = new Promise<TeamReps>((resolve) => (timer = setTimeout(() => resolve({ active: me ? [me.name] : [], inactive: [], people: me ? [me] : [] }), waitMs)))
  const known = Promise.all([teamNames.reps(session), teamNames.of(session, { activeOnly: true })]).then(([reps, names]) => ({
    ...reps,
    people: Object.entries(names).map(([email, name]) => ({ name, email }))
  }))
  return Promise.race([known, late]).finally(() => clearTimeout(timer))
}

/** The names a sales rep is picked from, and the active members' e-mails by name (an appointment's calendar file). */
export interface TeamReps {
  active: string[]
  inactive: string[]
  people: { name: string; email: string }[]
}

/**
 * Throws a session token away: revoked on its server now, or, when the server cannot be reached, at the next
 * worker start or sync, until the server confirms it or the token expires.
 */
export function revokeOnServer(serverUrl: string, token: string, expiresAt?: string): Promise<void> {
  return sessionStore().retire({ serverUrl, token, expiresAt })
}

let engine: SyncEngine | undefined

export function syncEngine(): SyncEngine {
  engine ??= new SyncEngine({
    db: services.db,
    session: async () => {
      const s = await readSession()
      return s ? { serverUrl: s.serverUrl, token: s.token, teamId: s.team.id, role: s.user.role } : null
    },
    onRemoteChange: () => {
      baseChanged()
      for (const fn of remoteChangeListeners) fn()
    }
  })
  return engine
}

const remoteChangeListeners = new Set<() => void>()

/** Called after each sync that wrote rows from the team (the call-back reminders of the agent's other devices). */
export function onRemoteChange(fn: () => void): void {
  remoteChangeListeners.add(fn)
}

export async function syncStatus(): Promise<SyncStatus> {
  const session = await readSession()
  const st = await syncEngine().status()
  return {
    signedIn: session !== null,
    serverUrl: session?.serverUrl ?? null,
    user: session ? { email: session.user.email, name: session.user.name, role: session.user.role } : null,
    team: session?.team ?? null,
    lastSyncedAt: st.lastSyncedAt,
    pending: st.pending,
    conflicts: st.conflicts,
    lastError: st.lastError,
    progress: st.progress,
    firstUpload: st.firstUpload ?? null
  }
}

/** `force`: a user or a local change asked (no backoff wait); otherwise only when the backoff allows. */
export async function runSync(force: boolean): Promise<SyncReport> {
  const report = force ? await syncEngine().sync() : await syncEngine().syncIfDue()
  if (report.ran) ensurePokeStream()
  // A server reached again is the moment to retry the revocations it could not take.
  if (report.ran && !report.error) void sessionStore().revokePending().catch(() => undefined)
  // The team's names, asked while nothing waits on them (at most every 5 minutes): the quote form's default rep
  // and the agents' names in call lists and timelines are then there at once.
  if (report.ran && !report.error) void readSession().then((s) => teamNames.of(s)).catch(() => undefined)
  if (report.error) await retryWhenDue()
  return report
}

let retry: ReturnType<typeof setTimeout> | undefined

/**
 * While this worker lives, the next attempt runs when the backoff allows, not at the next minute's alarm
 * (which still covers a worker stopped meanwhile: the due time is in IndexedDB).
 */
async function retryWhenDue(): Promise<void> {
  const { nextAttemptAt } = await syncEngine().state()
  clearTimeout(retry)
  retry = setTimeout(() => void runSync(false), Math.max(0, nextAttemptAt - Date.now()) + 50)
}

// --- poke stream -------------------------------------------------------------------------------------

let poke: { key: string; abort: AbortController } | undefined

/** Reads the server's SSE with fetch (a service worker has no EventSource) and pulls on every poke. */
export function ensurePokeStream(): void {
  void (async () => {
    const session = await readSession()
    const key = session ? `${session.serverUrl}|${session.token}` : ""
    if (poke?.key === key) return
    poke?.abort.abort()
    poke = undefined
    if (!session) return
    const abort = new AbortController()
    poke = { key, abort }
    let failures = 0
    while (!abort.signal.aborted) {
      try {
        await readPokes(session, abort.signal, () => {
          // (Re)connected: pokes sent while the stream was down were missed, and changes made meanwhile
          // wait in the outbox. One sync now, not at the next alarm.
          if (failures > 0) void runSync(true)
          failures = 0
        })
      } catch {
        // The stream broke (server restarted, offline): try again later; the alarm covers the meantime.
      }
      if (abort.signal.aborted) break
      failures++
      await sleep(Math.min(60_000, 1_000 * 2 ** failures) * (0.5 + Math.random() / 2), abort.signal)
    }
  })()
}

export function stopPokeStream(): void {
  poke?.abort.abort()
  poke = undefined
}

async function readPokes(session: StoredSession, signal: AbortSignal, onOpen: () => void): Promise<void> {
  const body = await teamServer.events(session, signal)
  onOpen()
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ""
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += value
    let end: number
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const version = parsePoke(block)
      if (version === null) continue
      const st = await syncEngine().state()
      if (version > st.pulledVersion || (await services.db.outbox.count()) > 0) void runSync(true)
    }
  }
}

/** The version of an `event: poke` block, or null for comments, retry hints and other events. */
export function parsePoke(block: string): number | null {
  let event = "message"
  let data = ""
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim()
    else if (line.startsWith("data:")) data += line.slice(5).trim()
  }
  if (event !== "poke" || data === "") return null
  try {
    const parsed = PokeEvent.safeParse(JSON.parse(data))
    return parsed.success ? parsed.data.version : null
  } catch {
    return null
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener("abort", () => {
      clearTimeout(t)
      resolve()
    })
  })
}

// --- wiring ------------------------------------------------------------------------------------------

/** Called once per service-worker start: alarm, poke stream, and a sync for whatever waited meanwhile. */
export function startSync(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync(false)
  })
  // Back on the network: what was recorded offline goes out at once (the backoff was for a server that
  // could not be reached; the reason is gone).
  globalThis.addEventListener?.("online", () => void runSync(true))
  void (async () => {
    if (!(await chrome.alarms.get(SYNC_ALARM))) await chrome.alarms.create(SYNC_ALARM, { periodInMinutes: 1 })
    if (await readSession()) await runSync(false)
  })()
}
