import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { Mutation } from "../../src/domain/sync/protocol"
import type { Db, Statement } from "../db/db"
import { todayInParis } from "../documents/issue"
import { draftDocument, gloves } from "../test/documents"
import { clientId, skipPostgres, TestServer, type TestTeam } from "../test/harness"
import { giveSeller } from "../test/seller"
import { WriteBatcher } from "./write-batcher"

const YEAR = todayInParis().slice(0, 4)

/** Counts the batches the database runs and their sizes. */
function watchBatches(db: Db): number[] {
  const sizes: number[] = []
  const batch = db.batch.bind(db)
  db.batch = <R extends object>(statements: readonly Statement[]) => {
    sizes.push(statements.length)
    return batch<R>(statements)
  }
  return sizes
}

for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`group commit of pushes (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    let sizes: number[]
    beforeAll(async () => {
      // A wide window, so that pushes sent together in a test surely meet.
      server = await TestServer.start(backend, { config: { groupCommitMs: 20 } })
      team = await server.team()
      await giveSeller(server, team.admin)
      await server.db.exec("CREATE TABLE batcher_probe (n int PRIMARY KEY)")
      sizes = watchBatches(server.db)
    }, 90_000)
    afterAll(async () => server?.close())

    it("commits the writes of one team arriving together in one transaction, each answered with its own rows", async () => {
      const batcher = new WriteBatcher(server.db, { windowMs: 10 })
      sizes.length = 0
      const answers = await Promise.all([1, 2, 3, 4].map((n) => batcher.run<{ n: number }>("team-a", "INSERT INTO batcher_probe (n) VALUES ($1) RETURNING n", [n])))
      expect(answers.map((rows) => rows[0]!.n)).toEqual([1, 2, 3, 4])
      expect(sizes).toEqual([4])
      const stored = await server.db.query<{ n: number }>("SELECT n FROM batcher_probe ORDER BY n")
      expect(stored.map((r) => r.n)).toEqual([1, 2, 3, 4])
    })

    it("without a window, groups the statements sent in one turn of the event loop, and the next ones after the running batch", async () => {
      const batcher = new WriteBatcher(server.db, { windowMs: 0 })
      sizes.length = 0
      const read = (n: number) => batcher.run<{ n: number }>("team-r", "SELECT $1::int AS n", [n])
      const first = [1, 2, 3].map(read)
      // Sent once the first batch is on its way: they wait for it, then leave together.
      await new Promise((r) => setImmediate(r))
      const next = [4, 5].map(read)
      const answers = await Promise.all([...first, ...next])
      expect(answers.map((rows) => rows[0]!.n)).toEqual([1, 2, 3, 4, 5])
      expect(sizes).toEqual([3, 2])
    })

    it("fails only the write that fails: the others of its batch are committed", async () => {
      const batcher = new WriteBatcher(server.db, { windowMs: 10 })
      const insert = (n: number) => batcher.run<{ n: number }>("team-b", "INSERT INTO batcher_probe (n) VALUES ($1) RETURNING n", [n])
      // 1 is already there: that insert fails, and with it the first batch; it alone is refused.
      const settled = await Promise.allSettled([insert(10), insert(1), insert(11), insert(12)])
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"])
      expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/duplicate key|unique/)
      const stored = await server.db.query<{ n: number }>("SELECT n FROM batcher_probe WHERE n >= 10 ORDER BY n")
      expect(stored.map((r) => r.n)).toEqual([10, 11, 12])
    })

    async function draft(token: string, cid: string, id: string, extra: Record<string, unknown> = {}) {
      const doc = draftDocument("quote", id, "cust-1", [gloves(`${id}-1`, 3000, 899)], extra)
      const r = await server.push(token, cid, [{ mid: 1, table: "quotes", op: "put", key: id, fields: doc, baseVersion: 0 } as Mutation])
      expect(r.conflicts).toEqual([])
      return r.version
    }

    it("gives twelve agents sending quotes at once consecutive numbers, committed together, and refuses only the one whose total does not match", async () => {
      const users = [team.agent, team.agent2, team.manager, team.admin]
      const senders = Array.from({ length: 12 }, (_, i) => ({ user: users[i % users.length]!, cid: clientId(), id: `q-group-${backend}-${i}` }))
      // The seventh quote's draft claims a total the server does not compute: sending it must be refused.
      const versions = await Promise.all(senders.map((s, i) => draft(s.user.token, s.cid, s.id, i === 6 ? { totalInclVatCents: 1 } : {})))
      sizes.length = 0
      const replies = await Promise.all(
        senders.map((s, i) => server.push(s.user.token, s.cid, [{ mid: 2, table: "quotes", op: "put", key: s.id, fields: { status: "sent" }, baseVersion: versions[i]! } as Mutation]))
      )
      expect(replies[6]!.conflicts.map((c) => c.reason)).toEqual(["invalid"])
      replies.forEach((r, i) => i !== 6 && expect(r.conflicts).toEqual([]))
      // Some of them shared a transaction (otherwise this test would not test the group commit).
      expect(Math.max(0, ...sizes)).toBeGreaterThan(1)

      const rows = await server.rowsOf(team.id)
      const quote = (id: string) => rows.find((r) => r.table_name === "quotes" && r.id === id)!
      expect(quote(senders[6]!.id).data!.number ?? null).toBeNull()
      const numbers = senders.filter((_, i) => i !== 6).map((s) => String(quote(s.id).data!.number))
      const seqs = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b)
      expect(numbers.every((n) => n.startsWith(`DEV-${YEAR}-`))).toBe(true)
      expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => seqs[0]! + i))
      // Versions handed out once each, in the order of the numbers' commit.
      const versionsSent = senders.filter((_, i) => i !== 6).map((s) => quote(s.id).version)
      expect(new Set(versionsSent).size).toBe(11)
    })

    it("numbers a quote pushed twice in one batch once: the second write finds the row moved and decides again under the lock", async () => {
      const [a, b] = [team.agent, team.agent2]
      const [ca, cb] = [clientId(), clientId()]
      const id = `q-group-twice-${backend}`
      const v = await draft(a.token, ca, id)
      const replies = await Promise.all([a, b].map((u, i) => server.push(u.token, [ca, cb][i]!, [{ mid: i === 0 ? 2 : 1, table: "quotes", op: "put", key: id, fields: { status: "sent" }, baseVersion: v } as Mutation])))
      expect(replies.filter((r) => r.conflicts.length === 0).length).toBeGreaterThanOrEqual(1)
      const rows = await server.rowsOf(team.id)
      const sent = rows.find((r) => r.id === id)!
      expect(String(sent.data!.number)).toMatch(new RegExp(`^DEV-${YEAR}-\\d{5}$`))
      const all = rows.filter((r) => r.table_name === "quotes" && typeof r.data?.number === "string").map((r) => Number(String(r.data!.number).slice(-5)))
      const sorted = [...all].sort((x, y) => x - y)
      expect(new Set(sorted).size).toBe(sorted.length)
      // Every quote of the team numbered so far, this one included: none twice, no gap.
      expect(sorted).toEqual(Array.from({ length: sorted.length }, (_, i) => sorted[0]! + i))
    })
  })
}
