import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import pg from "pg"

import type { Db } from "../db/db"
import { openPgDb } from "../db/pg-db"
import { openPgliteDb } from "../db/pglite-db"
import { pgliteTemplateDir, TEST_PG_URL, type BackendName } from "./databases"

// The repository root: vitest and Playwright both run from it. Not import.meta: Playwright loads this file for
// tests/e2e/change-password.spec.ts as CommonJS, where import.meta cannot be read.
const ROOT = process.cwd()
if (!existsSync(resolve(ROOT, "server/main.ts"))) throw new Error(`run the tests from the repository root, not ${ROOT}`)

/** A database of its own for server processes: a PGlite directory, or a fresh PostgreSQL database. */
export interface ProcessDatabase {
  env: Record<string, string>
  /** Opens the same database in this process (PGlite: only while no server process holds it). */
  open(): Promise<Db>
  dispose(): Promise<void>
}

export async function processDatabase(backend: BackendName): Promise<ProcessDatabase> {
  if (backend === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-admin-"))
    const dataDir = join(dir, "pglite")
    cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
    return {
      env: { DATA_DIR: dataDir },
      open: () => openPgliteDb({ dataDir }),
      async dispose() {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const name = `comptoir_admin_${randomBytes(5).toString("hex")}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  try {
    await admin.connect()
  } catch (err) {
    if ((err as { code?: string }).code !== "3D000") throw err
    await admin.end().catch(() => undefined)
    const maintenance = new pg.Client({ connectionString: TEST_PG_URL.replace(/\/[^/?]+(\?|$)/, "/postgres$1") })
    await maintenance.connect()
    await maintenance.query(`CREATE DATABASE ${new URL(TEST_PG_URL).pathname.slice(1)}`).catch((e: { code?: string }) => {
      if (e.code !== "42P04") throw e
    })
    await maintenance.end()
    return processDatabase(backend)
  }
  await admin.query(`CREATE DATABASE ${name}`)
  const url = TEST_PG_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`)
  return {
    env: { DATABASE_URL: url },
    open: () => openPgDb({ connectionString: url, max: 2 }),
    async dispose() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
}

/** The environment a server process would have, minus what the test's own shell may carry. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, LOG_LEVEL: "warn", ...extra }
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k]
  return env as unknown as NodeJS.ProcessEnv
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** `npm run -s server:admin -- …` as one node process (the same file and loader, without npm's start-up). */
export function runAdmin(env: Record<string, string>, args: string[], stdin = ""): Promise<Run> {
  return run(process.execPath, ["--import", "tsx", "server/admin.ts", ...args], env, stdin)
}

export function run(command: string, args: string[], env: Record<string, string>, stdin = ""): Promise<Run> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: cleanEnv(env), stdio: ["pipe", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    child.on("error", fail)
    child.on("close", (code) => ok({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

export interface ServerProcess {
  url: string
  stop(): Promise<void>
}

/** `npm run server` as one node process on a free port; resolves once it prints its URL. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: ROOT, env: cleanEnv({ PORT: "0", HOST: "127.0.0.1", ...env }), stdio: ["ignore", "pipe", "pipe"] })
  let out = ""
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()))
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()))
  return new Promise((ok, fail) => {
    const onData = () => {
      const m = /Comptoir team server: (http:\/\/\S+)/.exec(out)
      if (!m) return
      child.stdout!.off("data", onData)
      ok({
        url: m[1]!,
        async stop() {
          if (child.exitCode !== null) return
          const exited = new Promise((r) => child.once("exit", r))
          child.kill("SIGTERM")
          await exited
        }
      })
    }
    child.stdout!.on("data", onData)
    child.once("exit", (code) => fail(new Error(`the server exited with ${code}: ${out}`)))
  })
}
