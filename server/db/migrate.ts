import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import type { Db } from "./db"

/** The advisory lock every server takes while it migrates (one key for the whole database). */
export const MIGRATION_LOCK = 7426001

export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url))

/**
 * Applies `NNN-name.sql` files in order, each in its own transaction with its row in schema_migrations,
 * so a failed migration leaves the database at the previous one. An advisory lock keeps two servers
 * starting at once on PostgreSQL from running the same migration twice.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  // Under the lock too: two concurrent `CREATE TABLE IF NOT EXISTS` on an empty database can both pass the
  // check, and the second then fails on the catalog's unique index.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
  const applied: string[] = []
  for (const file of files) {
    const id = Number.parseInt(file.slice(0, 3), 10)
    const sql = readFileSync(join(dir, file), "utf8")
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [id])
      if (rows.length > 0) return false
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query("INSERT INTO schema_migrations (id, name) VALUES ($1, $2)", [id, file])
      return true
    })
    if (done) applied.push(file)
  }
  return applied
}

/** Our migrations hold no quoted semicolons at a line's end (function bodies are on one line), so splitting on ";" at line ends is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0)
}
