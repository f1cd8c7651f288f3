import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

/**
 * The real server as `npm run server` starts it (PGlite, demo team seeded), on a free port and a fresh data
 * directory: a copy of the run's seeded template when there is one (`seededDemoTemplate`: the demo team already in
 * it, ~2 s less a start), else of the server tests' PGlite template (initdb takes 9–17 s otherwise), seeded at start.
 * A child process: Playwright loads specs as CommonJS, and the server harness uses import.meta. Shared by the
 * Chromium (tests/e2e) and the Firefox (tests/firefox) end-to-end tests.
 */
export interface DemoServer {
  url: string
  /** The server's process group: a test may pause it (SIGSTOP) to play a server that stops answering. */
  pid: number
  /** The server killed and its data directory removed. */
  stop: () => Promise<void>
  /**
   * The server stopped as its admin stops it (SIGTERM: it finishes what it was doing and closes its database), its
   * data kept: nothing listens at `url` until `restart`.
   */
  halt: () => Promise<void>
  /** Started again after `halt`, at the same address, on the same database (the team, its base, its sessions). */
  restart: () => Promise<void>
}

/** Where the run's seeded template is (a data directory) and the day it was seeded on, set by `seededDemoTemplate`. */
const SEEDED_DIR = "COMPTOIR_E2E_DEMO_TEMPLATE"
const SEEDED_DAY = "COMPTOIR_E2E_DEMO_TEMPLATE_DAY"

/** Today in Paris, as the seed dates its documents (server/documents/issue.ts's `todayInParis`). */
const dayInParis = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date())

/** The server tests' PGlite template (server/test/databases.ts), initdb done, no tables. */
function pgliteTemplate(): string | undefined {
  const name = readdirSync(tmpdir()).find((n) => /^comptoir-pglite-template-[\d.]+$/.test(n))
  return name && existsSync(join(tmpdir(), name)) ? join(tmpdir(), name) : undefined
}

/** The seeded template, unless the day changed since it was seeded: the seed's dates count from its day. */
function seededTemplate(): string | undefined {
  const dir = process.env[SEEDED_DIR]
  return dir && process.env[SEEDED_DAY] === dayInParis() && existsSync(dir) ? dir : undefined
}

/**
 * A data directory with the demo team seeded, made once for a run (the Playwright run's global setup): a server
 * started on a fresh copy seeds it and stops (SIGTERM: its database closed cleanly), and later `startDemoServer`s
 * start on copies of it. Each server still has a team of its own, as the seed left it. Returns the removal.
 */
export async function seededDemoTemplate(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-demo-template-"))
  const day = dayInParis()
  const template = pgliteTemplate()
  if (template) cpSync(template, join(dir, "pglite"), { recursive: true })
  const server = await spawnServer(dir, "0")
  if (!server.out.includes('Demo team "Comptoir Démo" created')) throw new Error(`the template's server did not seed the demo team: ${server.out}`)
  await terminate(server.process)
  process.env[SEEDED_DIR] = join(dir, "pglite")
  process.env[SEEDED_DAY] = day
  return () => {
    delete process.env[SEEDED_DIR]
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Signals the process group and waits for the process to exit. */
async function terminate(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((ok) => server.once("exit", ok))
  process.kill(-server.pid, signal)
  await exited
}

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-server-"))
  const template = seededTemplate() ?? pgliteTemplate()
  if (template) cpSync(template, join(dir, "pglite"), { recursive: true })
  let running = await spawnServer(dir, "0")
  const url = running.url
  const halt = () => terminate(running.process)
  return {
    url,
    get pid() {
      return running.process.pid!
    },
    halt,
    restart: async () => {
      running = await spawnServer(dir, new URL(url).port)
      if (running.url !== url) throw new Error(`the server came back at ${running.url}, not ${url}`)
    },
    stop: async () => {
      // Its data goes: nothing to close cleanly (a SIGTERM's shutdown took ~1–2 s of each spec's afterAll). A
      // stopped (SIGSTOP) server dies of it too.
      await terminate(running.process, "SIGKILL")
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/**
 * `npm run server` on the data directory `dir` and `port` ("0": a free one), once it says where it listens. Node
 * with tsx's loader, not `npx tsx` (npx and tsx's own launcher cost 1–3 s a start on a loaded machine).
 */
async function spawnServer(dir: string, port: string): Promise<{ process: ChildProcess; url: string; out: string }> {
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: resolve(process.cwd()),
    env: { ...process.env, PORT: port, DATA_DIR: join(dir, "pglite"), LOG_LEVEL: "warn", SEED: "demo", TSX_TSCONFIG_PATH: "tsconfig.json" },
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group, signalled whole (`terminate`; a test's SIGSTOP): whatever the server starts goes with it.
    detached: true
  })
  let out = ""
  const url = await new Promise<string>((ok, fail) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Comptoir team server: (http:\/\/[^\s]+)/.exec(out)
      if (m && out.includes("agent2@demo.comptoir.test")) ok(m[1]!)
    })
    server.on("exit", (code) => fail(new Error(`the server exited (${code}): ${out}`)))
  })
  return { process: server, url, out }
}

/** A row of the team's base as the server holds it (`/sync/pull`'s rows). */
export interface TeamRow {
  table: string
  key: string
  deleted: boolean
  data: Record<string, unknown> | null
}

/**
 * Every row of the team's base as the server gives it to `email` (demo password), read through the server's own
 * API, as another device of the team would: what the server holds, not what a browser shows.
 */
export async function teamRowsOnServer(url: string, email: string): Promise<TeamRow[]> {
  const login = await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "comptoir-demo" }) })
  if (!login.ok) throw new Error(`sign-in of ${email} refused: HTTP ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const rows: TeamRow[] = []
  let cursor = ""
  for (;;) {
    const res = await fetch(`${url}/sync/pull?limit=1000&cursor=${encodeURIComponent(cursor)}`, { headers: { authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`pull refused: HTTP ${res.status}`)
    const page = (await res.json()) as { rows: TeamRow[]; cursor: string; hasMore: boolean }
    rows.push(...page.rows)
    cursor = page.cursor
    if (!page.hasMore) break
  }
  await fetch(`${url}/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
  return rows
}
