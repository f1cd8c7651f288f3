import { randomBytes } from "node:crypto"
import { readdirSync } from "node:fs"

import pg from "pg"
import { describe, expect, it } from "vitest"

import { skipPostgres, TEST_PG_URL } from "../test/harness"
import type { Db } from "./db"
import { migrate, MIGRATIONS_DIR } from "./migrate"
import { openPgDb } from "./pg-db"

describe.skipIf(skipPostgres)("migrations at start", () => {
  it("are applied once when four servers start at the same time on an empty database", async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).sort()
    const admin = new pg.Client({ connectionString: TEST_PG_URL })
    await admin.connect()
    try {
      for (let round = 0; round < 3; round++) {
        const schema = `comptoir_migrate_${randomBytes(5).toString("hex")}`
        await admin.query(`CREATE SCHEMA ${schema}`)
        const servers: Db[] = await Promise.all(Array.from({ length: 4 }, () => openPgDb({ connectionString: TEST_PG_URL, schema, max: 1 })))
        try {
          const applied = await Promise.all(servers.map((db) => migrate(db)))
          // Each file by exactly one of them; the others found it done.
          expect(applied.flat().sort()).toEqual(files)
          expect((await admin.query(`SELECT name FROM ${schema}.schema_migrations ORDER BY id`)).rows.map((r: { name: string }) => r.name)).toEqual(files)
        } finally {
          await Promise.all(servers.map((db) => db.close()))
          await admin.query(`DROP SCHEMA ${schema} CASCADE`)
        }
      }
    } finally {
      await admin.end()
    }
  }, 60_000)
})
