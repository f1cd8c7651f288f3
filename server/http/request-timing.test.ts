import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import type { Mutation } from "../../src/domain/sync/protocol"
import { clientId, TestServer } from "../test/harness"

describe("request timing (TIMING_LOG)", () => {
  it("writes one line per sync request at shutdown, with the phases a push and a pull went through in order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-timing-"))
    const file = join(dir, "timing.jsonl")
    const server = await TestServer.start("pglite", { config: { timingLog: file } })
    try {
      const team = await server.team()
      const cid = clientId()
      await server.push(team.agent.token, cid, [{ mid: 1, table: "customers", op: "put", key: "c-timed", fields: { company: "Timed SARL" } } as Mutation])
      await server.pull(team.agent.token, "", 10, cid)
      await server.request("GET", "/health")
    } finally {
      await server.close()
    }
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, number | string>)
    rmSync(dir, { recursive: true, force: true })
    expect(lines.map((l) => l.route)).toEqual(["/sync/push", "/sync/pull"])
    // Each line's phases in the order they happened (a push that reads and then takes the lock-first path
    // has no "decided" or "committed"), the handler's own marks between the hooks'.
    const phases = (l: Record<string, number | string>) => Object.entries(l).filter(([k]) => !["at", "route", "status"].includes(k)).map(([k, v]) => [k, Number(v)] as const)
    for (const l of lines) {
      const times = phases(l).map(([, t]) => t)
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    }
    expect(phases(lines[0]!).map(([k]) => k)).toEqual(expect.arrayContaining(["arrived", "parsed", "checked", "signed-in", "read", "serialized", "sent"]))
    expect(phases(lines[1]!).map(([k]) => k)).toEqual(["arrived", "parsed", "checked", "signed-in", "queried", "serialized", "sent"])
  })
})
