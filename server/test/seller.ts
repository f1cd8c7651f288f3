import { DEMO_SELLER } from "../../src/domain/demo/demo-seller"
import type { Mutation } from "../../src/domain/sync/protocol"
import { clientId, type TestServer, type TestUser } from "./harness"

/**
 * Gives a test team the seller identity a manager fills in once: without it the server issues no quote or
 * invoice (server/documents/issue.ts). `seller` overrides fields, e.g. `{ siren: "" }` for an incomplete one.
 */
export async function giveSeller(server: TestServer, admin: TestUser, seller: Record<string, unknown> = {}): Promise<number> {
  const m = { mid: 1, table: "teamSettings", op: "put", key: "seller", fields: { id: "seller", seller: { ...DEMO_SELLER, ...seller }, quoteValidityDays: 30, updatedAt: Date.now() } } as Mutation
  const r = await server.push(admin.token, clientId(), [m])
  if (r.conflicts.length) throw new Error(`the seller was refused: ${JSON.stringify(r.conflicts)}`)
  return r.version
}
