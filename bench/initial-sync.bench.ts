/**
 * Initial sync of a large team base into a fresh extension in Chromium: a user signs in on the options page
 * of a new profile, and the team's 100,000 customers arrive, with the progress shown meanwhile.
 * Baseline in the same run: the same pages downloaded and parsed by Node alone (the network and the server's
 * share, nothing written), so the ratio is what the extension adds on top of fetching.
 *   npx tsx --tsconfig tsconfig.json bench/initial-sync.bench.ts   (after `npm run build`)
 * Env: BENCH_CUSTOMERS (100000), BENCH_SYNC_BACKENDS ("pglite,postgres"; the server's database),
 *      the PostgreSQL is the server tests' (127.0.0.1:5432).
 */
import { randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"
import { MAX_PULL_LIMIT, type PullResponse } from "~src/domain/sync/protocol"

import { createTeam, createUser } from "../server/auth/users"
import { TestServer } from "../server/test/harness"
import { countInBase } from "../tests/e2e/dataset"
import { launchWithExtension, serviceWorkerOf } from "../tests/e2e/launch"
import type { Page } from "@playwright/test"

const N = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const BACKENDS = (process.env.BENCH_SYNC_BACKENDS ?? "pglite,postgres").split(",") as ("pglite" | "postgres")[]
const PASSWORD = "bench-initial-sync"
/** New customers imported by a signed-in user afterwards (0: skip): every one becomes an outbox change. */
const IMPORT_N = Number(process.env.BENCH_SIGNED_IMPORT ?? 100_000)

interface SignedInImport {
  /** The options page's own figures (data-ms, data-write-ms) for the same file, signed in and not. */
  signedIn: { ms: number; writeMs: number; pushedMs: number }
  signedOut: { ms: number; writeMs: number }
  customers: number
}

interface Result {
  backend: string
  signedInImport?: SignedInImport
  syncMs: number
  downloadMs: number
  customers: number
  progressShown: string[]
  firstProgressMs: number | null
}

async function seed(server: TestServer, teamId: string): Promise<void> {
  const customers = generateCustomers({ count: N, seed: 404 }).map(({ writtenPhones: _w, ...c }) => c)
  // Straight into the rows table, 5,000 per version as pushes of that size would leave them (a push through
  // the API would take minutes here and is measured elsewhere).
  const CHUNK = 5_000
  let version = 0
  for (let i = 0; i < customers.length; i += CHUNK) {
    version++
    await server.db.query(
      `INSERT INTO rows (team_id, table_name, id, data, version) SELECT $1, 'customers', x->>'id', x, $2 FROM jsonb_array_elements($3::jsonb) x`,
      [teamId, version, JSON.stringify(customers.slice(i, i + CHUNK))]
    )
  }
  await server.db.query("UPDATE teams SET version = $2 WHERE team_id = $1", [teamId, version])
}

/** Node alone fetches every page the extension will fetch, and parses it: the floor under the sync. */
async function download(url: string, token: string): Promise<number> {
  const t0 = performance.now()
  let cursor = ""
  let rows = 0
  for (;;) {
    const q = new URLSearchParams({ cursor, limit: String(MAX_PULL_LIMIT), clientId: `cpt-bench-${randomBytes(4).toString("hex")}` })
    const res = await fetch(`${url}/sync/pull?${q}`, { headers: { authorization: `Bearer ${token}` } })
    const page = (await res.json()) as PullResponse
    rows += page.rows.length
    cursor = page.cursor
    if (!page.hasMore) break
  }
  if (rows !== N) throw new Error(`download: ${rows} rows, expected ${N}`)
  return performance.now() - t0
}

async function importCsv(page: Page, csv: Buffer): Promise<{ ms: number; writeMs: number }> {
  await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "new.csv", mimeType: "text/csv", buffer: csv })
  await page.locator('[data-comptoir="import-section-customers"] [data-comptoir="import-confirm"]').click()
  const result = page.locator('[data-comptoir="import-section-customers"] [data-comptoir="import-result"]')
  await result.waitFor({ timeout: 600_000 })
  return { ms: Number(await result.getAttribute("data-ms")), writeMs: Number(await result.getAttribute("data-write-ms")) }
}

async function measure(backend: "pglite" | "postgres"): Promise<Result> {
  // The server harness: PGlite in a fresh directory, or a fresh schema in the local PostgreSQL (its tests' own).
  const server = await TestServer.start(backend)
  const url = (await server.app.listen({ port: 0, host: "127.0.0.1" })).replace("localhost", "127.0.0.1")
  const teamId = await createTeam(server.db, `Bench sync ${randomBytes(3).toString("hex")}`)
  const email = `agent-${randomBytes(3).toString("hex")}@bench.comptoir.test`
  await createUser(server.db, { teamId, email, name: "Bench Agent", role: "agent", password: PASSWORD })
  console.log(`[${backend}] seeding ${N.toLocaleString("en")} customers…`)
  await seed(server, teamId)
  const login = (await (
    await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) })
  ).json()) as { token: string }
  const downloadMs = await download(url, login.token)

  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-sync-"))
  const context = await launchWithExtension(dir)
  try {
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    const page = await context.newPage()
    await page.goto(`chrome-extension://${extensionId}/options.html`)
    await page.locator('[data-comptoir="team-server-url"]').fill(url)
    await page.locator('[data-comptoir="team-email"]').fill(email)
    await page.locator('[data-comptoir="team-password"]').fill(PASSWORD)
    const progressShown: string[] = []
    let firstProgressMs: number | null = null
    const t0 = performance.now()
    await page.locator('[data-comptoir="team-sign-in"]').click()
    // Done when the base holds every customer and nothing is pending; meanwhile, what the page shows.
    for (;;) {
      const state = await page.evaluate(async () => {
        const progress = document.querySelector('[data-comptoir="sync-progress"]')?.textContent ?? null
        const r = (await chrome.runtime.sendMessage({ type: "customers/count", payload: {} })) as { data: { customers: number } }
        return { progress, count: r.data.customers, upToDate: document.querySelector('[data-comptoir="sync-status"]')?.getAttribute("data-pending") === "0" }
      })
      if (state.progress && progressShown.at(-1) !== state.progress) {
        progressShown.push(state.progress)
        firstProgressMs ??= performance.now() - t0
      }
      if (state.count >= N && state.upToDate && !state.progress) break
      if (performance.now() - t0 > 300_000) throw new Error(`initial sync not done after 300 s (${state.count} customers)`)
      await page.waitForTimeout(100)
    }
    const syncMs = performance.now() - t0
    const customers = await countInBase(page)
    let signedInImport: SignedInImport | undefined
    if (IMPORT_N > 0) {
      const csv = Buffer.from(demoCustomersCsv(generateCustomers({ count: IMPORT_N, seed: 405 }).map((c, i) => ({ ...c, id: `bench-new-${i}`, code: `NEW-${i}` }))), "utf8")
      const t1 = performance.now()
      const signedIn = await importCsv(page, csv)
      await page.locator('[data-comptoir="sync-status"][data-pending="0"]').waitFor({ timeout: 600_000 })
      const pushedMs = performance.now() - t1
      // The same file into a profile that is not signed in: nothing recorded for sync.
      const dir2 = mkdtempSync(join(tmpdir(), "comptoir-bench-sync-out-"))
      const other = await launchWithExtension(dir2)
      try {
        const id2 = new URL((await serviceWorkerOf(other)).url()).host
        const p2 = await other.newPage()
        await p2.goto(`chrome-extension://${id2}/options.html`)
        const signedOut = await importCsv(p2, csv)
        signedInImport = { signedIn: { ...signedIn, pushedMs }, signedOut, customers: IMPORT_N }
      } finally {
        await other.close()
        rmSync(dir2, { recursive: true, force: true })
      }
    }
    return { backend, syncMs, downloadMs, customers, progressShown, firstProgressMs, ...(signedInImport ? { signedInImport } : {}) }
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
    await server.close()
  }
}

async function main() {
  const results: Result[] = []
  for (const b of BACKENDS) results.push(await measure(b))
  const out = [
    "",
    `| initial sync into a fresh extension, in Chromium (${N.toLocaleString("en")} customers) | measured | baseline (same run) | ratio | target |`,
    "|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| sign-in → ${r.customers.toLocaleString("en")} customers searchable, server on ${r.backend} | ${(r.syncMs / 1000).toFixed(1)} s; progress shown after ${r.firstProgressMs === null ? "—" : `${(r.firstProgressMs / 1000).toFixed(1)} s`}, ${r.progressShown.length} steps ("${r.progressShown.at(-1) ?? "none"}") | the same pages fetched and parsed by Node: ${(r.downloadMs / 1000).toFixed(1)} s | ${(r.syncMs / r.downloadMs).toFixed(1)}× | ≤ 30 s, progress shown |`
    ),
    ...results.flatMap((r) =>
      r.signedInImport
        ? [
            `| import of ${r.signedInImport.customers.toLocaleString("en")} new customers while signed in (server on ${r.backend}) | ${(r.signedInImport.signedIn.ms / 1000).toFixed(1)} s (writes ${(r.signedInImport.signedIn.writeMs / 1000).toFixed(1)} s); all on the server after ${(r.signedInImport.signedIn.pushedMs / 1000).toFixed(1)} s | the same file, not signed in (nothing recorded): ${(r.signedInImport.signedOut.ms / 1000).toFixed(1)} s (writes ${(r.signedInImport.signedOut.writeMs / 1000).toFixed(1)} s) | ${(r.signedInImport.signedIn.ms / r.signedInImport.signedOut.ms).toFixed(2)}× | import ≤ 20 s |`
          ]
        : []
    )
  ]
  for (const l of out) console.log(l)
  mkdirSync("bench-results", { recursive: true })
  writeFileSync("bench-results/initial-sync.json", JSON.stringify(results, null, 2))
  writeFileSync("bench-results/initial-sync.md", out.join("\n") + "\n")
  if (results.some((r) => r.customers !== N)) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
