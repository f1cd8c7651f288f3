import type { Config } from "./config"
import type { Db } from "./db/db"
import { migrate } from "./db/migrate"
import { openPgDb, redact } from "./db/pg-db"
import { openPgliteDb } from "./db/pglite-db"

/** DATABASE_URL selects PostgreSQL; without it, PGlite in DATA_DIR. Migrations run before anything else. */
export async function openDb(config: Config): Promise<{ db: Db; where: string; migrations: string[] }> {
  const db = config.databaseUrl ? await openPgDb({ connectionString: config.databaseUrl, max: config.pgPoolMax }) : await openPgliteDb({ dataDir: config.dataDir })
  try {
    const migrations = await migrate(db)
    return { db, where: config.databaseUrl ? redact(config.databaseUrl) : `PGlite in ${config.dataDir}`, migrations }
  } catch (err) {
    await db.close()
    throw err
  }
}
