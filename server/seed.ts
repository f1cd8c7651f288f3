// `npm run server:seed`: seeds the demo team into the configured database without starting the server.
import { loadConfig } from "./config"
import { openDb } from "./open-db"
import { seedDemo } from "./seed-demo"

// An async function, not top-level await: tsx runs this package's .ts files as CommonJS.
async function main(): Promise<void> {
  const config = loadConfig()
  if (config.production) throw new Error("NODE_ENV=production never seeds the demo team (its password is public)")
  const { db, where } = await openDb(config)
  try {
    const result = await seedDemo(db)
    console.log(result.created ? `Seeded the demo team (${result.rows} rows) into ${where}.` : `The demo team already exists in ${where}.`)
    for (const l of result.logins) console.log(`  ${l.role.padEnd(8)} ${l.email}  password: ${l.password}`)
  } finally {
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
