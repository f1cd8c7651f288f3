import { generateCustomers } from "../../src/domain/demo/demo-data"
import type { Mutation } from "../../src/domain/sync/protocol"
import type { TestServer } from "./harness"

/** The mutations and rows the server suites push, written once so every suite sends the same shapes. */
export const putRow = (mid: number, table: string, key: string, fields: Record<string, unknown>, extra: Partial<Mutation> = {}): Mutation => ({ mid, table, op: "put", key, fields, ...extra })
export const delRow = (mid: number, table: string, key: string, extra: Partial<Mutation> = {}): Mutation => ({ mid, table, op: "delete", key, ...extra })
export const callLog = (id: string, outcome = "information-given") => ({ id, direction: "outbound", number: null, customerId: null, outcome, startedAt: 1_790_000_000_000, createdAt: 1_790_000_060_000, durationSeconds: 60, notes: "Commande de ramettes", agent: "agent@example.test" })

/** Three demo customers as the seed makes them (without the phones as written, which are not synced). */
export const demoCustomers = generateCustomers({ count: 3 }).map(({ writtenPhones: _w, ...c }) => c)
export const customer = (id: string, extra: Record<string, unknown> = {}) => ({ ...demoCustomers[0]!, id, ...extra })

/** Team version and row count: what "nothing was written" is checked against. */
export async function teamFootprint(s: TestServer, teamId: string) {
  const [t] = await s.db.query<{ version: number; rows: number; clients: number }>(
    `SELECT version, (SELECT count(*)::int FROM rows WHERE team_id = $1) AS rows, (SELECT count(*)::int FROM clients WHERE team_id = $1) AS clients FROM teams WHERE team_id = $1`,
    [teamId]
  )
  return t!
}
