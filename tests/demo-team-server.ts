import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

/**
 * The real server as `npm run server` starts it (PGlite, demo team seeded), on a free port and a fresh data
 * directory (a copy of the server tests' PGlite template when there is one: initdb takes 9–17 s otherwise).
 * A child process: Playwright loads specs as CommonJS, and the server harness uses import.meta. Shared by the
 * Chromium (tests/e2e) and the Firefox (tests/firefox) end-to-end tests.
 */
export interface DemoServer {
  url: string
  /** The server's process group: a test may pause it (SIGSTOP) to play a server that stops answering. */
  pid: number
  stop: () => Promise<void>
  /**
   * The server stopped as its admin stops it (SIGTERM: it finishes what it was doing and closes its database), its
   * data kept: nothing listens at `url` until `restart`.
   */
  halt: () => Promise<void>
  /** Started again after `halt`, at the same address, on the same database (the team, its base, its sessions). */
  restart: () => Promise<void>
}

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-server-"))
  const template = readdirSync(tmpdir()).find((n) => /^comptoir-pglite-template-[\d.]+$/.test(n))
  if (template && existsSync(join(tmpdir(), template))) cpSync(join(tmpdir(), template), join(dir, "pglite"), { recursive: true })
  let running = await spawnServer(dir, "0")
  const url = running.url
  const halt = async () => {
    if (running.process.pid !== undefined && running.process.exitCode === null) {
      const exited = new Promise((ok) => running.process.once("exit", ok))
      process.kill(-running.process.pid, "SIGTERM")
      await exited
    }
  }
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
      await halt()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** `npm run server` on the data directory `dir` and `port` ("0": a free one), once it says where it listens. */
async function spawnServer(dir: string, port: string): Promise<{ process: ChildProcess; url: string }> {
  const server: ChildProcess = spawn("npx", ["tsx", "--tsconfig", "tsconfig.json", "server/main.ts"], {
    cwd: resolve(process.cwd()),
    env: { ...process.env, PORT: port, DATA_DIR: join(dir, "pglite"), LOG_LEVEL: "warn", SEED: "demo" },
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group: npx does not pass SIGTERM on to the node process it starts.
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
  return { process: server, url }
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
