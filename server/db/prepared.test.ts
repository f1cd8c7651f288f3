import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { openBackend, skipPostgres, type Backend } from "../test/harness"
import { BatchError, prepared } from "./db"

const INSERT = prepared("comptoir_test_probe_insert", "INSERT INTO prepared_probe (n) VALUES ($1) RETURNING n")
const ECHO = prepared("comptoir_test_probe_echo", "SELECT $1::text AS s, $2::boolean AS b, $3::bigint AS n, $4::jsonb AS j")

for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`statements marked prepared (${backend})`, () => {
    let b: Backend
    beforeAll(async () => {
      b = await openBackend(backend)
      await b.db.exec("CREATE TABLE prepared_probe (n int PRIMARY KEY)")
    }, 90_000)
    afterAll(async () => b?.dispose())

    it("answer each call with its own parameters, alone, in a transaction and in batches", async () => {
      expect(await b.db.query<{ n: number }>(INSERT, [1])).toEqual([{ n: 1 }])
      expect(await b.db.transaction(async (tx) => [...(await tx.query<{ n: number }>(INSERT, [2])), ...(await tx.query<{ n: number }>(INSERT, [3]))])).toEqual([{ n: 2 }, { n: 3 }])
      expect(await b.db.batch<{ n: number }>([4, 5, 6].map((n) => ({ sql: INSERT, params: [n] })))).toEqual([[{ n: 4 }], [{ n: 5 }], [{ n: 6 }]])
    })

    it("keep working on a connection after a batch in which one of them failed", async () => {
      // 4 exists: the second statement fails, the third runs in an aborted transaction, nothing is committed.
      const failed = await b.db.batch([10, 4, 11].map((n) => ({ sql: INSERT, params: [n] }))).catch((e: unknown) => e)
      expect(failed).toBeInstanceOf(BatchError)
      expect((failed as BatchError).index).toBe(1)
      expect(await b.db.batch<{ n: number }>([10, 11].map((n) => ({ sql: INSERT, params: [n] })))).toEqual([[{ n: 10 }], [{ n: 11 }]])
      const stored = await b.db.query<{ n: number }>("SELECT n FROM prepared_probe ORDER BY n")
      expect(stored.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 10, 11])
    })

    it("give back their parameters as sent, quotes, backslashes and nulls included", async () => {
      for (const s of ["O'Brien", "'); DROP TABLE prepared_probe; --", "a\\b\\'c", "E'x'", "", null]) {
        const j = JSON.stringify({ note: s, list: ["'", "\\"] })
        expect(await b.db.query(ECHO, [s, s === null ? null : true, 9007199254740991, j])).toEqual([{ s, b: s === null ? null : true, n: 9007199254740991, j: JSON.parse(j) }])
      }
      expect((await b.db.query<{ n: number }>("SELECT count(*)::int AS n FROM prepared_probe"))[0]!.n).toBeGreaterThan(0)
    })

    it.runIf(backend === "pglite")("are prepared once in PGlite (a statement it keeps)", async () => {
      const names = await b.db.query<{ name: string }>("SELECT name FROM pg_prepared_statements")
      expect(names.map((r) => r.name)).toEqual(expect.arrayContaining(["comptoir_test_probe_insert", "comptoir_test_probe_echo"]))
    })

    it.runIf(backend === "postgres")("are parsed once per connection on PostgreSQL (a named statement it keeps)", async () => {
      const names = await b.db.transaction(async (tx) => {
        await tx.query(INSERT, [20])
        await tx.query(INSERT, [21])
        return tx.query<{ name: string }>("SELECT name FROM pg_prepared_statements")
      })
      expect(names.map((r) => r.name)).toContain("comptoir_test_probe_insert")
    })
  })
}

describe("marking a statement prepared", () => {
  it("refuses one name for two statements", () => {
    expect(() => prepared("comptoir_test_probe_insert", "SELECT 1")).toThrow(/two statements prepared as comptoir_test_probe_insert/)
  })
})
