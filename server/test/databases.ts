import { existsSync, readFileSync, renameSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { PGlite } from "@electric-sql/pglite"

// Apart from harness.ts so that Playwright specs can start server processes without loading the server's code
// (migrate.ts reads import.meta at load, which Playwright's CommonJS loader refuses).

export type BackendName = "pglite" | "postgres"

export const TEST_PG_URL = process.env.COMPTOIR_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"

/**
 * PGlite's first open runs initdb (~9–17 s here); a pristine data dir is made once per PGlite version and
 * copied into a fresh temp dir for each suite, which then opens in about a second.
 */
export async function pgliteTemplateDir(): Promise<string> {
  const pkg = join(process.cwd(), "node_modules/@electric-sql/pglite/package.json")
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string }
  const template = join(tmpdir(), `comptoir-pglite-template-${version}`)
  if (!existsSync(template)) {
    const building = `${template}.building-${process.pid}`
    const fresh = await PGlite.create(building)
    await fresh.close()
    try {
      renameSync(building, template)
    } catch {
      rmSync(building, { recursive: true, force: true }) // another worker won the race: use theirs
    }
  }
  return template
}

