import { afterAll, beforeAll } from "vitest"

import { TestServer, type TestTeam } from "../../server/test/harness"
import { CustomerRepository } from "~src/db/customer-repository"
import { ComptoirDb } from "~src/db/database"
import type { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { SyncEngine, type Session } from "./sync-engine"

/** What the sync tests push: demo customers as synced (without the phones as written). */
export const demo = (count: number, seed = 1): Customer[] => generateCustomers({ count, seed }).map(({ writtenPhones: _w, ...c }) => c)

/** A real team server on PGlite, listening on a free port. */
export async function startSyncServer(): Promise<{ server: TestServer; url: string }> {
  const server = await TestServer.start("pglite")
  const url = await server.app.listen({ port: 0, host: "127.0.0.1" })
  return { server, url }
}

let n = 0
/** A database name no other client of this test file has. */
export const nextClientName = (): string => `sync-client-${++n}`

/** One extension: its own IndexedDB (fake-indexeddb), signed in as `token`; `engine()` is a fresh service-worker life. */
export async function syncClient(url: string, team: TestTeam, token: string, extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) {
  const name = nextClientName()
  const session: Session = { serverUrl: url, token, teamId: team.id }
  const open = () => new ComptoirDb(name)
  const db = open()
  const engine = (fetchImpl?: typeof fetch) => new SyncEngine({ db: open(), session: async () => session, ...(fetchImpl ? { fetch: fetchImpl } : {}), ...extra })
  // Signed in: the local base is bound to this server and team before anything is written (nothing is
  // recorded for sync before that).
  await engine().bind(session)
  return { db, repo: new CustomerRepository(db), engine, session }
}

/**
 * The calling test file's server, started before its tests and closed after them; `server` and `url` are set once
 * started, and `client()` makes an extension signed in to it.
 */
export function useSyncServer() {
  const live = {
    server: undefined as unknown as TestServer,
    url: "",
    client: (team: TestTeam, token: string, extra?: Parameters<typeof syncClient>[3]) => syncClient(live.url, team, token, extra)
  }
  beforeAll(async () => {
    ;({ server: live.server, url: live.url } = await startSyncServer())
  }, 120_000)
  afterAll(async () => {
    await live.server?.close()
  })
  return live
}
