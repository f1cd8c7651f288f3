import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { acquireLock } from "./db/pglite-db"
import { apiSuite, TEST_TABLES } from "./test/api-suite"
import { TestServer } from "./test/harness"
import { convergenceSuite } from "./test/convergence-suite"
import { authSuite } from "./test/auth-suite"
import { notifySuite } from "./test/notify-suite"
import { trustSuite } from "./test/trust-suite"

describe("the server on PGlite", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await TestServer.start("pglite", { tables: TEST_TABLES })
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })
  apiSuite("pglite", () => server)
  authSuite(() => server)
  notifySuite(() => server)
  trustSuite("pglite", () => server)
  convergenceSuite("pglite", () => server, { seeds: Number(process.env.COMPTOIR_CONVERGENCE_SEEDS_PGLITE ?? 30) })
})

describe("the PGlite data directory lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-lock-"))
  const path = join(dir, "pglite.lock")

  it("refuses a directory held by a live process and frees it on release", () => {
    const lock = acquireLock(path)
    expect(readFileSync(path, "utf8")).toBe(String(process.pid))
    expect(() => acquireLock(path)).toThrow(/held by process \d+.*another Comptoir server/)
    lock.release()
    acquireLock(path).release()
  })

  it("takes over a lock left by a process that is gone", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout
    writeFileSync(path, dead)
    const lock = acquireLock(path)
    expect(readFileSync(path, "utf8")).toBe(String(process.pid))
    lock.release()
    rmSync(dir, { recursive: true, force: true })
  })
})
