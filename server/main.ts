// `npm run server`: the team server on PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL).
import { buildApp } from "./app"
import { loadConfig } from "./config"
import { openDb } from "./open-db"
import { localBuildExtensionId } from "./extension-id"
import { accountsWithDemoPassword, seedDemo } from "./seed-demo"

// An async function, not top-level await: tsx runs this package's .ts files as CommonJS.
async function main(): Promise<void> {
  const config = loadConfig()
  if (config.production && config.seed === "demo") {
    throw new Error("NODE_ENV=production never seeds the demo team: unset SEED (create your team with `npm run -s server:admin -- create-team`)")
  }
  const started = Date.now()
  const { db, where, migrations } = await openDb(config)
  if (config.production) {
    const demo = await accountsWithDemoPassword(db)
    if (demo.length > 0) {
      await db.close()
      throw new Error(
        `refusing to start in production: ${demo.length} account(s) still have the public demo password (${demo.join(", ")}). ` +
          "Give each a password of its own (npm run -s server:admin -- reset-password <email>), then start again."
      )
    }
  }
  // Demo mode (`npm start`): the demo team, and CORS for the extension built in this checkout.
  const seed = config.seed === "demo" ? await seedDemo(db) : null
  const localId = config.seed === "demo" ? localBuildExtensionId() : null
  if (localId && !config.extensionIds.includes(localId)) config.extensionIds = [...config.extensionIds, localId]
  const { app } = await buildApp({ db, config })
  app.log.info({ database: where, migrations, ms: Date.now() - started }, "database ready")

  let closing = false
  async function shutdown(signal: string): Promise<void> {
    if (closing) return
    closing = true
    app.log.info({ signal }, "shutting down")
    // In-flight requests finish (their transactions commit or roll back) before the database closes.
    const force = setTimeout(() => {
      app.log.error("shutdown took more than 10 s; exiting")
      process.exit(1)
    }, 10_000).unref()
    try {
      await app.close()
      await db.close()
    } finally {
      clearTimeout(force)
    }
    process.exit(0)
  }
  process.once("SIGINT", () => void shutdown("SIGINT"))
  process.once("SIGTERM", () => void shutdown("SIGTERM"))

  try {
    const address = await app.listen({ port: config.port, host: config.host })
    console.log(`\nComptoir team server: ${address}  (${where})`)
    if (seed) {
      console.log(seed.created ? `Demo team "Comptoir Démo" created (${seed.rows} rows). Logins:` : `Demo team "Comptoir Démo" logins:`)
      for (const l of seed.logins) console.log(`  ${l.role.padEnd(8)} ${l.email}  password: ${l.password}`)
    }
    console.log("Put this URL and a login in the extension's options page.\n")
  } catch (err) {
    app.log.error({ err }, "could not start")
    await db.close()
    process.exit(1)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
