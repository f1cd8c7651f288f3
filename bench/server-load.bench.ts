// Team server under load: 50 simulated agents push and pull against a real server process on 127.0.0.1,
// on PostgreSQL and on PGlite, then every mutation is accounted for. Also: one push of 1,000 mutations.
//   npx tsx --tsconfig tsconfig.json bench/server-load.bench.ts
// Env: BENCH_DURATION_S per run (30), BENCH_AGENTS (50), BENCH_RATES: push+pull cycles per second per agent,
//      one run each ("0.2,1"; 0 = as fast as possible), BENCH_BACKENDS ("postgres,postgres-2p,pglite";
//      postgres-2p = two server processes on one database, the agents spread over both, compared with the
//      one-process postgres run as a ratio),
//      BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof").
// A real agent pushes a change every minute or so; 0.2/s (one push and one pull every 5 s each) is already
// a heavy team, 1/s is a stress level. Every run is checked for lost and duplicated mutations.
import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"

import autocannon from "autocannon"
import pg from "pg"

import { generateCustomers } from "../src/domain/demo/demo-data"
import { SCHEMA_VERSION, type Mutation, type PullResponse, type PushResponse } from "../src/domain/sync/protocol"
import { DEMO_PASSWORD } from "../server/seed-demo"
import { pgliteTemplateDir } from "../server/test/harness"

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30)
const AGENTS = Number(process.env.BENCH_AGENTS ?? 50)
const RATES = (process.env.BENCH_RATES ?? "0.2,1").split(",").map(Number)
type Backend = "postgres" | "postgres-2p" | "pglite"
const BACKENDS = (process.env.BENCH_BACKENDS ?? "postgres,postgres-2p,pglite").split(",") as Backend[]
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const CUSTOMER_IDS = generateCustomers({ count: 2000 }).map((c) => c.id)

interface Server {
  /** One URL per server process (two for postgres-2p). */
  urls: string[]
  url: string
  stop(): Promise<void>
}

async function startServer(kind: Backend): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", SEED: "auto" }
  let cleanup = async () => {}
  if (kind === "postgres" || kind === "postgres-2p") {
    const name = `comptoir_bench_${randomBytes(4).toString("hex")}`
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    env.DATABASE_URL = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`)
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-"))
    cpSync(await pgliteTemplateDir(), join(dir, "pglite"), { recursive: true })
    env.DATA_DIR = join(dir, "pglite")
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  }
  // The first process migrates and seeds; a second one (postgres-2p) then joins the same database.
  const first = await spawnServerProcess(env)
  const processes = kind === "postgres-2p" ? [first, await spawnServerProcess({ ...env, SEED: "never" })] : [first]
  return {
    urls: processes.map((p) => p.url),
    url: first.url,
    async stop() {
      await Promise.all(processes.map((p) => p.stop()))
      await cleanup()
    }
  }
}

async function spawnServerProcess(env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  // One process (no tsx CLI wrapper), so BENCH_SERVER_NODE_ARGS="--cpu-prof" profiles the server itself.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/main.ts"], { env, stdio: ["ignore", "pipe", "inherit"] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString()
      const m = /team server: (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r))
      child.kill("SIGTERM")
      await exited
    }
  }
}

async function call<T>(url: string, method: string, token: string | null, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
  const t0 = performance.now()
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  const text = await res.text()
  const ms = performance.now() - t0
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, ms }
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100
  return { count: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) }
}

interface Agent {
  token: string
  clientId: string
  nextMid: number
  pending: Mutation[]
  cursor: string
  /** Every mutation created, by mid, to check the server against. */
  created: Mutation[]
  /** Versions of acknowledged pushes with the mids they applied. */
  acked: { version: number; mids: number[] }[]
}

async function makeAgents(url: string, n: number): Promise<Agent[]> {
  const admin = await call<{ token: string }>(`${url}/auth/login`, "POST", null, { email: "admin@demo.comptoir.test", password: DEMO_PASSWORD })
  const agents: Agent[] = []
  const head = await call<PullResponse>(`${url}/sync/pull?limit=1000`, "GET", admin.body.token)
  let cursor = head.body.cursor
  for (let more = head.body.hasMore; more; ) {
    const page = await call<PullResponse>(`${url}/sync/pull?limit=1000&cursor=${cursor}`, "GET", admin.body.token)
    cursor = page.body.cursor
    more = page.body.hasMore
  }
  const suffix = randomBytes(3).toString("hex")
  for (let i = 0; i < n; i++) {
    const invite = await call<{ inviteToken: string }>(`${url}/admin/users`, "POST", admin.body.token, { email: `bench-${suffix}-${i}@demo.comptoir.test`, name: `Agent ${i}`, role: "agent" })
    const session = await call<{ token: string }>(`${url}/auth/accept-invite`, "POST", null, { inviteToken: invite.body.inviteToken, password: "bench-password-123" })
    agents.push({ token: session.body.token, clientId: `bench-${suffix}-${i}`, nextMid: 1, pending: [], cursor, created: [], acked: [] })
  }
  return agents
}

function newMutation(a: Agent, seq: number): Mutation {
  const mid = a.nextMid++
  const m: Mutation =
    mid % 2 === 0
      ? { mid, table: "callLogs", op: "put", key: `${a.clientId}-call-${mid}`, fields: { id: `${a.clientId}-call-${mid}`, outcome: "reached", startedAt: Date.now(), createdAt: Date.now(), notes: `bench ${seq}` } }
      : { mid, table: "customers", op: "put", key: CUSTOMER_IDS[(seq * 7919 + mid) % CUSTOMER_IDS.length]!, fields: { notes: `${a.clientId}#${mid}` } }
  a.created.push(m)
  a.pending.push(m)
  return m
}

async function pushPending(url: string, a: Agent, latencies: number[] | null): Promise<boolean> {
  const r = await call<PushResponse>(`${url}/sync/push`, "POST", a.token, { clientId: a.clientId, schemaVersion: SCHEMA_VERSION, mutations: a.pending })
  latencies?.push(r.ms)
  if (r.status !== 200) return false
  const first = r.body.lastMutationId - r.body.applied
  a.acked.push({ version: r.body.version, mids: a.pending.filter((m) => m.mid > first && m.mid <= r.body.lastMutationId).map((m) => m.mid) })
  // Kept until acknowledged, like the extension's outbox: a failed push is retried with the same mids.
  a.pending = a.pending.filter((m) => m.mid > r.body.lastMutationId)
  return true
}

/** `urls`: the server processes; agent i talks to urls[i % n], as a load balancer would spread them. */
async function loadRun(urls: string[], agents: Agent[], cyclesPerSecond: number) {
  const push: number[] = []
  const pull: number[] = []
  let errors = 0
  const errorKinds = new Map<string, number>()
  const end = performance.now() + DURATION_S * 1000
  const started = performance.now()
  await Promise.all(
    agents.map(async (a, i) => {
      const url = urls[i % urls.length]!
      let seq = i
      // Agents start spread over one period, as real ones do not all act on the same millisecond.
      if (cyclesPerSecond > 0) await new Promise((r) => setTimeout(r, (i / agents.length) * (1000 / cyclesPerSecond)))
      while (performance.now() < end) {
        const cycleStart = performance.now()
        try {
          newMutation(a, seq++)
          if (seq % 3 === 0) newMutation(a, seq++)
          if (!(await pushPending(url, a, push))) errors++
          for (let more = true; more; ) {
            const r = await call<PullResponse>(`${url}/sync/pull?limit=500&clientId=${a.clientId}&cursor=${a.cursor}`, "GET", a.token)
            pull.push(r.ms)
            if (r.status !== 200) {
              errors++
              errorKinds.set(`pull ${r.status}`, (errorKinds.get(`pull ${r.status}`) ?? 0) + 1)
              break
            }
            a.cursor = r.body.cursor
            more = r.body.hasMore
          }
        } catch (err) {
          errors++
          const k = err instanceof Error ? err.message : String(err)
          errorKinds.set(k, (errorKinds.get(k) ?? 0) + 1)
        }
        if (cyclesPerSecond > 0) {
          const wait = 1000 / cyclesPerSecond - (performance.now() - cycleStart)
          if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        }
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  return { push: stats(push), pull: stats(pull), all: stats([...push, ...pull]), errors, errorKinds: Object.fromEntries(errorKinds), requestsPerSecond: Math.round((push.length + pull.length) / seconds) }
}

/** After the run: every created mutation applied exactly once, and the data shows it. */
async function verify(url: string, agents: Agent[]) {
  for (const a of agents) {
    for (let i = 0; a.pending.length > 0; i++) {
      if (i > 5) throw new Error(`${a.clientId}: outbox does not drain`)
      await pushPending(url, a, null)
    }
  }
  const problems: string[] = []
  let created = 0
  for (const a of agents) {
    created += a.created.length
    const probe = await call<PushResponse>(`${url}/sync/push`, "POST", a.token, { clientId: a.clientId, schemaVersion: SCHEMA_VERSION, mutations: [] })
    if (probe.body.lastMutationId !== a.created.length) problems.push(`${a.clientId}: server applied ${probe.body.lastMutationId}, agent created ${a.created.length}`)
    const mids = a.acked.flatMap((x) => x.mids)
    if (new Set(mids).size !== mids.length) problems.push(`${a.clientId}: a mid was acknowledged twice`)
    if (mids.length !== a.created.length) problems.push(`${a.clientId}: ${a.created.length - mids.length} mutations never acknowledged`)
  }
  // The final state: each call log once, each customer's notes from its last edit in server order.
  const token = agents[0]!.token
  const rows = new Map<string, Record<string, unknown>>()
  let cursor = ""
  for (let more = true; more; ) {
    const page = await call<PullResponse>(`${url}/sync/pull?limit=1000&cursor=${cursor}`, "GET", token)
    for (const r of page.body.rows) if (r.data) rows.set(`${r.table}/${r.key}`, r.data)
    cursor = page.body.cursor
    more = page.body.hasMore
  }
  const lastEdit = new Map<string, { version: number; mid: number; notes: string }>()
  let callLogs = 0
  for (const a of agents) {
    const byMid = new Map(a.created.map((m) => [m.mid, m]))
    for (const push of a.acked) {
      for (const mid of push.mids) {
        const m = byMid.get(mid)!
        if (m.table === "callLogs") {
          callLogs++
          if (!rows.has(`callLogs/${m.key}`)) problems.push(`call log ${m.key} lost`)
        } else {
          const prev = lastEdit.get(m.key)
          if (!prev || push.version > prev.version) lastEdit.set(m.key, { version: push.version, mid, notes: String(m.fields?.notes) })
        }
      }
    }
  }
  // Only this run's agents' call logs: an earlier run on the same server left its own.
  const prefixes = agents.map((a) => `callLogs/${a.clientId}-call-`)
  const serverCallLogs = [...rows.keys()].filter((k) => prefixes.some((p) => k.startsWith(p))).length
  if (serverCallLogs !== callLogs) problems.push(`server has ${serverCallLogs} call logs, agents created ${callLogs}`)
  for (const [key, e] of lastEdit) if (rows.get(`customers/${key}`)?.notes !== e.notes) problems.push(`customer ${key}: notes ${String(rows.get(`customers/${key}`)?.notes)} instead of ${e.notes}`)
  return { mutations: created, callLogs, customersEdited: lastEdit.size, lost: problems.filter((p) => /lost|never|applied \d+/.test(p)).length, problems: problems.slice(0, 20), ok: problems.length === 0 }
}

async function push1000(url: string, token: string) {
  const times: number[] = []
  for (let run = 0; run < 3; run++) {
    const a: Agent = { token, clientId: `bench-1000-${randomBytes(4).toString("hex")}`, nextMid: 1, pending: [], cursor: "", created: [], acked: [] }
    for (let i = 0; i < 1000; i++) newMutation(a, i * 13 + run)
    const t0 = performance.now()
    if (!(await pushPending(url, a, null)) || a.pending.length > 0) throw new Error("push of 1,000 failed")
    times.push(Math.round(performance.now() - t0))
  }
  return { runsMs: times, medianMs: [...times].sort((x, y) => x - y)[1]! }
}

/** Read-only polling load with autocannon: every agent asks "anything new?" as fast as it can (spread over the processes). */
async function pollRun(urls: string[], agents: Agent[]) {
  const url = urls[0]!
  const a = agents[0]!
  for (let more = true; more; ) {
    const r = await call<PullResponse>(`${url}/sync/pull?limit=1000&cursor=${a.cursor}`, "GET", a.token)
    a.cursor = r.body.cursor
    more = r.body.hasMore
  }
  const runs = await Promise.all(
    urls.map((u) =>
      autocannon({
        url: u,
        connections: Math.round(agents.length / urls.length),
        duration: Math.max(5, Math.round(DURATION_S / 3)),
        requests: [{ method: "GET", path: `/sync/pull?limit=500&cursor=${a.cursor}`, headers: { authorization: `Bearer ${a.token}` } }]
      })
    )
  )
  return {
    requestsPerSecond: Math.round(runs.reduce((n, r) => n + r.requests.average, 0)),
    // Over several processes: the worst process's latency.
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0)
  }
}

async function main() {
  const results: Record<string, unknown> = {}
  for (const kind of BACKENDS) {
    console.log(`\n== ${kind}: starting the server`)
    const server = await startServer(kind)
    try {
      const runs = []
      for (const rate of RATES) {
        const agents = await makeAgents(server.url, AGENTS)
        console.log(`== ${kind}: ${AGENTS} agents over ${server.urls.length} process(es), ${DURATION_S} s, ${rate || "unpaced"} push+pull cycles/s each`)
        const load = await loadRun(server.urls, agents, rate)
        runs.push({ cyclesPerSecondPerAgent: rate || "unpaced", ...load, verify: await verify(server.url, agents) })
      }
      const agents = await makeAgents(server.url, 1)
      const big = await push1000(server.url, agents[0]!.token)
      const poll = await pollRun(server.urls, await makeAgents(server.url, AGENTS))
      results[kind] = { runs, push1000: big, pollWhenNothingChanged: poll }
      console.log(JSON.stringify(results[kind], null, 2))
    } finally {
      await server.stop()
    }
  }
  const twoProcesses = compareTwoProcesses(results)
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
    settings: { durationS: DURATION_S, agents: AGENTS, rates: RATES, serverLogLevel: "warn" },
    targets: { postgresP99Ms: 100, errors: 0, push1000Ms: 2000 },
    results,
    twoProcessesOverOne: twoProcesses
  }
  mkdirSync("bench-results", { recursive: true })
  writeFileSync("bench-results/server-load.json", JSON.stringify(out, null, 2))
  console.log("\nwrote bench-results/server-load.json")
  for (const [kind, r] of Object.entries(results) as [string, { runs: { cyclesPerSecondPerAgent: number | string; all: { p50: number; p99: number }; errors: number; requestsPerSecond: number; verify: { ok: boolean } }[]; push1000: { medianMs: number } }][]) {
    for (const run of r.runs) {
      console.log(`${kind.padEnd(11)} ${String(run.cyclesPerSecondPerAgent).padStart(4)}/s/agent: ${run.requestsPerSecond} req/s, p50 ${run.all.p50} ms, p99 ${run.all.p99} ms, errors ${run.errors}, nothing lost: ${run.verify.ok}`)
    }
    console.log(`${kind.padEnd(11)} push of 1,000 mutations: ${r.push1000.medianMs} ms`)
  }
  for (const c of twoProcesses) {
    console.log(
      `2 processes / 1 (PostgreSQL) ${String(c.cyclesPerSecondPerAgent).padStart(4)}/s/agent: req/s ×${c.requestsPerSecond}, p50 ×${c.p50}, p99 ×${c.p99}` +
        ` (${c.two.requestsPerSecond} vs ${c.one.requestsPerSecond} req/s, p50 ${c.two.p50} vs ${c.one.p50} ms, p99 ${c.two.p99} vs ${c.one.p99} ms)`
    )
  }
  // Lost or duplicated mutations fail the bench; latency is reported against the target, machine-dependent.
  if (Object.values(results).some((r) => (r as { runs: { verify: { ok: boolean }; errors: number }[] }).runs.some((x) => !x.verify.ok || x.errors > 0))) process.exitCode = 1
}

interface RunFigures {
  cyclesPerSecondPerAgent: number | string
  requestsPerSecond: number
  all: { p50: number; p99: number }
}

/** The two-process PostgreSQL runs beside the one-process runs at the same rate, as ratios (2p / 1p). */
function compareTwoProcesses(results: Record<string, unknown>) {
  const one = (results.postgres as { runs: RunFigures[]; pollWhenNothingChanged: { requestsPerSecond: number } } | undefined)?.runs
  const two = (results["postgres-2p"] as { runs: RunFigures[] } | undefined)?.runs
  if (!one || !two) return []
  const ratio = (x: number, y: number) => (y > 0 ? Math.round((x / y) * 100) / 100 : null)
  return two.flatMap((t) => {
    const o = one.find((r) => r.cyclesPerSecondPerAgent === t.cyclesPerSecondPerAgent)
    if (!o) return []
    return [
      {
        cyclesPerSecondPerAgent: t.cyclesPerSecondPerAgent,
        requestsPerSecond: ratio(t.requestsPerSecond, o.requestsPerSecond),
        p50: ratio(t.all.p50, o.all.p50),
        p99: ratio(t.all.p99, o.all.p99),
        one: { requestsPerSecond: o.requestsPerSecond, p50: o.all.p50, p99: o.all.p99 },
        two: { requestsPerSecond: t.requestsPerSecond, p50: t.all.p50, p99: t.all.p99 }
      }
    ]
  })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
