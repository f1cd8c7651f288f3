import { beforeAll, expect, it } from "vitest"

import { generateCustomers, generateProducts } from "../../src/domain/demo/demo-data"
import { intBetween, pick, seededRandom } from "../../src/domain/demo/random"
import { mergeMutation, rowId, type RowState } from "../../src/domain/sync/merge"
import type { Mutation, PushResponse, RowData } from "../../src/domain/sync/protocol"
import { Replica } from "../../src/domain/sync/replica"
import { TABLES, type Role } from "../../src/domain/sync/tables"
import { purgeTombstones } from "../sync/sync-service"
import { clientId, type BackendName, type TestServer, type TestUser } from "./harness"

const { writtenPhones: _w, ...template } = generateCustomers({ count: 1 })[0]!
const products = generateProducts().slice(0, 2)
const CUSTOMER_KEYS = ["c0", "c1", "c2", "c3", "c4", "c5"]

interface SimClient {
  id: string
  user: TestUser
  replica: Replica
}

interface Applied {
  version: number
  clientId: string
  role: Role
  mutations: Mutation[]
}

/**
 * Several clients edit offline at random; the network drops requests and replies, duplicates pushes, and
 * clients restart while a push is in flight. The transport sees every reply the server sent (even those
 * it then "loses"), which gives the exact server order of applied mutations; replaying that order through
 * the shared rules must give the server's rows, and every client must end equal to them.
 */
async function runSeed(s: TestServer, seed: number): Promise<{ mutations: number; conflicts: number }> {
  const rnd = seededRandom(seed)
  const team = await s.team(`converge-${seed}`)
  const users = [team.manager, team.agent, team.agent2]
  const applied: Applied[] = []
  const inflight: Promise<unknown>[] = []
  let conflicts = 0
  let unique = 0

  const record = (c: SimClient, sent: Mutation[], res: PushResponse) => {
    const first = res.lastMutationId - res.applied
    applied.push({ version: res.version, clientId: c.id, role: c.user.role, mutations: sent.filter((m) => m.mid > first && m.mid <= res.lastMutationId) })
    conflicts += res.conflicts.length
  }

  const seeder: SimClient = { id: clientId(), user: team.manager, replica: new Replica(TABLES) }
  for (const key of CUSTOMER_KEYS.slice(0, 3)) seeder.replica.mutate("customers", "put", key, { ...template, id: key })
  for (const p of products) seeder.replica.mutate("products", "put", p.id, p)
  const seeded = seeder.replica.pending()
  record(seeder, seeded, await s.push(seeder.user.token, seeder.id, seeded))

  const clients: SimClient[] = Array.from({ length: intBetween(rnd, 2, 4) }, (_, i) => ({ id: clientId(), user: users[i % users.length]!, replica: new Replica(TABLES) }))

  const push = async (c: SimClient, faults: boolean) => {
    const sent = c.replica.pending(intBetween(rnd, 1, 12))
    if (sent.length === 0) return
    const fault = faults ? rnd() : 1
    if (fault < 0.1) return // lost before reaching the server
    const send = async () => {
      const res = await s.push(c.user.token, c.id, sent)
      record(c, sent, res)
      return res
    }
    if (fault < 0.2) {
      // The client restarts while this push is in flight: it never sees the reply and may push again at once.
      inflight.push(send())
      c.replica = new Replica(TABLES, structuredClone(c.replica.state))
      return
    }
    const res = await send()
    if (fault < 0.3) await send() // duplicated by a retry
    if (fault < 0.4) return // the reply is lost
    c.replica.onPushed(res)
  }

  const pull = async (c: SimClient, faults: boolean) => {
    for (let page = 0; page < 200; page++) {
      if (faults && rnd() < 0.08) return
      const res = await s.pull(c.user.token, c.replica.state.cursor, intBetween(rnd, 1, 8), c.id)
      if (faults && rnd() < 0.08) return
      if (c.replica.onPulled(res)) return
    }
    throw new Error("pull did not catch up in 200 pages")
  }

  const edit = (c: SimClient) => {
    const view = c.replica.view()
    const tag = `${c.id}#${++unique}`
    const r = rnd()
    if (r < 0.2) {
      const key = pick(rnd, CUSTOMER_KEYS)
      c.replica.mutate("customers", "put", key, { ...template, id: key, notes: tag })
    } else if (r < 0.55) {
      const live = [...view.values()].filter((v) => v.table === "customers").map((v) => v.key)
      const key = live.length > 0 && rnd() < 0.85 ? pick(rnd, live) : pick(rnd, CUSTOMER_KEYS)
      const field = pick(rnd, ["notes", "salesRep", "tags"] as const)
      c.replica.mutate("customers", "put", key, field === "tags" ? { tags: [tag.slice(-50)] } : { [field]: tag })
    } else if (r < 0.7) {
      c.replica.mutate("customers", "delete", pick(rnd, CUSTOMER_KEYS))
    } else if (r < 0.9) {
      const key = `call-${tag}`
      c.replica.mutate("callLogs", "put", key, { id: key, direction: "outbound", number: null, customerId: null, durationSeconds: 0, agent: "a@example.test", outcome: pick(rnd, ["information-given", "voicemail", "no-answer"]), startedAt: unique, createdAt: unique })
    } else {
      c.replica.mutate("products", "put", pick(rnd, products).id, { unitPriceCents: intBetween(rnd, 1, 100_000) })
    }
  }

  const steps = intBetween(rnd, 40, 80)
  for (let step = 0; step < steps; step++) {
    const c = pick(rnd, clients)
    const r = rnd()
    if (r < 0.45) edit(c)
    else if (r < 0.7) await push(c, true)
    else if (r < 0.92) await pull(c, true)
    else if (r < 0.95) await purgeTombstones(s.db, 0)
    else c.replica = new Replica(TABLES, structuredClone(c.replica.state)) // restart between requests
  }

  // Back online for good: everyone pushes and pulls until nothing is pending.
  await Promise.all(inflight)
  for (let round = 0; clients.some((c) => c.replica.state.outbox.length > 0); round++) {
    if (round > 100) throw new Error("outboxes did not drain")
    for (const c of clients) {
      await push(c, false)
      await pull(c, false)
    }
  }
  for (const c of clients) await pull(c, false)

  // Each mutation applied exactly once.
  const seen = new Map<string, number>()
  for (const a of applied) for (const m of a.mutations) seen.set(`${a.clientId}:${m.mid}`, (seen.get(`${a.clientId}:${m.mid}`) ?? 0) + 1)
  const twice = [...seen].filter(([, n]) => n > 1)
  expect(twice, "mutations applied more than once").toEqual([])
  let total = 0
  for (const c of [seeder, ...clients]) {
    const created = c.replica.state.nextMid - 1
    total += created
    const missing = Array.from({ length: created }, (_, i) => `${c.id}:${i + 1}`).filter((k) => !seen.has(k))
    expect(missing, `mutations of ${c.id} never applied`).toEqual([])
    const [row] = await s.db.query<{ last_mutation_id: number }>("SELECT last_mutation_id FROM clients WHERE client_id = $1", [c.id])
    expect(row?.last_mutation_id ?? 0).toBe(created)
  }

  // Replaying the server's order through the shared rules gives the server's rows.
  const model = new Map<string, RowState & { table: string; key: string }>()
  for (const a of applied.sort((x, y) => x.version - y.version)) {
    for (const m of a.mutations) {
      const id = rowId(m.table, m.key)
      const result = mergeMutation(TABLES[m.table as keyof typeof TABLES], model.get(id), m, { role: a.role })
      if (result.kind === "write") model.set(id, { table: m.table, key: m.key, version: a.version, deleted: result.deleted, data: result.data })
    }
  }
  const server = new Map<string, RowData>()
  for (const r of await s.rowsOf(team.id)) if (!r.deleted && r.data) server.set(rowId(r.table_name, r.id), r.data)
  const expected = new Map([...model].flatMap(([id, r]) => (r.deleted || !r.data ? [] : [[id, r.data] as const])))
  expect(server).toEqual(expected)

  // Every client holds exactly the server's rows.
  for (const c of clients) {
    const view = new Map([...c.replica.view()].map(([id, v]) => [id, v.data]))
    expect(view, `client ${c.id}`).toEqual(server)
  }
  return { mutations: total, conflicts }
}

export function convergenceSuite(backend: BackendName, server: () => TestServer, opts: { seeds: number }): void {
  let s: TestServer
  beforeAll(() => {
    s = server()
  })

  const fixed = process.env.COMPTOIR_CONVERGENCE_SEED
  const base = fixed ? Number(fixed) : Math.floor(Math.random() * 1_000_000)
  const seeds = fixed ? 1 : opts.seeds

  it(`converges after random offline edits, lost and duplicated requests and restarts (${seeds} seeds from ${base})`, async () => {
    let mutations = 0
    let conflicts = 0
    for (let seed = base; seed < base + seeds; seed++) {
      try {
        const r = await runSeed(s, seed)
        mutations += r.mutations
        conflicts += r.conflicts
      } catch (err) {
        const message = `convergence failed on ${backend} with seed ${seed}; rerun with COMPTOIR_CONVERGENCE_SEED=${seed}`
        console.error(message)
        throw new Error(`${message}\n${err instanceof Error ? err.message : String(err)}`, { cause: err })
      }
    }
    expect(mutations).toBeGreaterThan(seeds * 10)
    console.info(`[convergence ${backend}] ${seeds} seeds from ${base}: ${mutations} mutations, ${conflicts} conflicts`)
  }, 120_000)
}
