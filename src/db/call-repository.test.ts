import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { CallRecord } from "~src/domain/telephony/call-record"

import { CallRepository, SecretStore } from "./call-repository"
import { ComptoirDb } from "./database"

const record = (id: string, startedAt: number): CallRecord => ({
  id,
  direction: "outbound",
  number: "+33144319244",
  provider: "sip",
  customerId: "cu1",
  contactId: null,
  startedAt,
  answeredAt: startedAt + 500,
  endedAt: startedAt + 5000,
  durationMs: 4500,
  endReason: "hangup-local"
})

describe("the call log", () => {
  it("logs a call once: a second report of the same call is refused", async () => {
    const repo = new CallRepository(new ComptoirDb(`calls-${Math.random()}`))
    expect(await repo.append(record("c1", 1000))).toBe(true)
    expect(await repo.append({ ...record("c1", 1000), durationMs: 1 })).toBe(false)
    expect(await repo.recent(10)).toEqual([record("c1", 1000)])
  })

  it("lists the newest calls first, and a customer's calls", async () => {
    const repo = new CallRepository(new ComptoirDb(`calls-${Math.random()}`))
    await repo.append(record("a", 1000))
    await repo.append(record("b", 3000))
    await repo.append({ ...record("c", 2000), customerId: "cu2" })
    expect((await repo.recent(2)).map((c) => c.id)).toEqual(["b", "c"])
    expect((await repo.forCustomer("cu1")).map((c) => c.id)).toEqual(["b", "a"])
  })

  it("keeps the SIP password in IndexedDB and forgets it on request", async () => {
    const secrets = new SecretStore(new ComptoirDb(`secrets-${Math.random()}`))
    await secrets.set("sip.password", "s3cret")
    expect(await secrets.get("sip.password")).toBe("s3cret")
    await secrets.delete("sip.password")
    expect(await secrets.get("sip.password")).toBeNull()
  })
})
