/**
 * Diagnostic, not part of `npm run bench` (issue #10, `first10`): where the softphone tab's unhovered first New quote
 * goes (BENCH_PARTS=softphone-tab's "first, no hover": a softphone tab just opened, Playwright's click as soon as the
 * caller's card shows). A Chrome trace (CDP `Tracing`, the whole browser) around each such click; on the extension's
 * renderer main thread (every extension page shares it) between the click (`bench:click`, marked by the page's own
 * capture listener) and the filled form (`comptoir:quote-form-ready`): the top-level tasks one by one (start, length,
 * their two biggest inner events), the time the thread ran nothing, the editor chunk's request and its arrival, the
 * page's own `comptoir:*` marks, and the V8 samples by function over all rounds. Tracing slows the page ~2–3×:
 * read it for the parts, not the total. `--no-minify` builds name the functions.
 *   COMPTOIR_BUILD=build/chrome-mv3-nomin ROUNDS=6 npx tsx --tsconfig tsconfig.json bench/quote-softphone-first-trace.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"

import type { Customer } from "~src/domain/customers/customer.schema"

import { selfTimes, type TraceEvent } from "./softphone-chrome-trace"
import { CARD, publishCall } from "./quote-softphone-tab"

const ROUNDS = Number(process.env.ROUNDS ?? 6)
const TOP = new Set(["ThreadControllerImpl::RunTask", "RunTask"])
const base = (url: unknown) =>
  typeof url === "string" && url ? (url.split("/").pop() ?? url).replace(/\.[0-9a-f]{8}\.js$/, ".js").replace(/\?.*$/, "") : ""
const add = (t: Map<string, number>, k: string, v: number) => t.set(k, (t.get(k) ?? 0) + v)
const selfAll = new Map<string, number>()
const samplesAll = new Map<string, number>()
/** The same samples counted for every function on the stack (a function's own time and its callees'). */
const totalAll = new Map<string, number>()
const walls: number[] = []

function label(e: TraceEvent): string {
  const d = e.args?.data
  if (e.name === "FunctionCall") return `JS ${base(d?.url)}${d?.functionName ? ` ${d.functionName}` : ""}`
  if (e.name === "EvaluateScript" || e.name === "v8.compile" || e.name === "v8.compileModule") return `${e.name} ${base(d?.url)}`
  if (e.name === "EventDispatch") return `EventDispatch ${d?.type ?? ""}`
  return e.name
}

function summarize(events: TraceEvent[], round: number): void {
  const mark = (name: string, after = 0) =>
    events.filter((e) => e.name === name && e.ts >= after && e.ph !== "e").sort((a, b) => a.ts - b.ts)[0]
  const click = mark("bench:click")
  const ready = click ? mark("comptoir:quote-form-ready", click.ts) : undefined
  if (!click || !ready) return void console.log(`round ${round}: marks missing (click ${!!click}, ready ${!!ready})`)
  const { pid, tid } = ready
  const t0 = click.ts
  const t1 = ready.ts
  const at = (ts: number) => `${((ts - t0) / 1000).toFixed(1).padStart(6)}`
  walls.push((t1 - t0) / 1000)
  console.log(`round ${round}: click → ready ${((t1 - t0) / 1000).toFixed(1)} ms`)
  // Self time of the main thread's events, per label.
  const onMain = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const selfs = selfTimes(onMain)
  const outer: TraceEvent[] = []
  let end = -1
  for (const e of onMain.filter((x) => TOP.has(x.name))) {
    if (end > e.ts) continue
    end = e.ts + e.dur!
    outer.push(e)
  }
  let busy = 0
  for (const e of outer) {
    const s = Math.max(e.ts, t0 - 20_000)
    const en = Math.min(e.ts + e.dur!, t1)
    if (en <= s) continue
    if (en > t0) busy += (en - Math.max(s, t0)) / 1000
    if (e.dur! < 1000) continue
    const by = new Map<string, number>()
    for (const x of selfs) if (x.s >= e.ts && x.en <= e.ts + e.dur! && !TOP.has(x.e.name)) add(by, label(x.e), x.self / 1000)
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k.slice(0, 70)} ${v.toFixed(1)}`)
    console.log(`  task ${at(e.ts)} +${(e.dur! / 1000).toFixed(1).padStart(5)} ms: ${top.join("; ")}`)
  }
  console.log(`  main thread busy ${busy.toFixed(1)} of ${((t1 - t0) / 1000).toFixed(1)} ms after the click`)
  for (const x of selfs) {
    const s = Math.max(x.s, t0)
    const en = Math.min(x.en, t1)
    if (en > s && x.self > 0 && !TOP.has(x.e.name)) add(selfAll, label(x.e), (x.self * (en - s)) / (x.en - x.s) / 1000)
  }
  // The chunk and the page's marks.
  for (const e of events) {
    const d = e.args?.data
    if (e.ts < t0 - 50_000 || e.ts > t1) continue
    if (
      (e.name === "ResourceSendRequest" || e.name === "ResourceReceiveResponse" || e.name === "ResourceFinish") &&
      /in-place-quote/.test(String(d?.url ?? "") + String((d as { requestId?: string })?.requestId ?? ""))
    )
      console.log(`  ${at(e.ts)} ${e.name} ${base(d?.url)}`)
    if (
      e.cat?.includes("user_timing") &&
      e.pid === pid &&
      e.ph !== "e" &&
      (e.name.startsWith("comptoir:") || e.name.startsWith("first10:"))
    )
      console.log(`  ${at(e.ts)} mark ${e.name}`)
  }
  // V8 samples in the window on that thread (WINDOW=render: from the render's start only).
  const renderStart = mark("comptoir:quote-render-start", t0 - 100_000)
  const w0 = process.env.WINDOW === "render" && renderStart && renderStart.ts >= t0 ? renderStart.ts : t0
  for (const p of events.filter((e) => e.name === "Profile" && e.pid === pid && e.tid === tid)) {
    const nodes = new Map<number, string>()
    const parents = new Map<number, number>()
    let t = Number((p.args?.data as { startTime?: number })?.startTime ?? p.ts)
    for (const c of events.filter((e) => e.name === "ProfileChunk" && e.id === p.id && e.pid === p.pid).sort((a, b) => a.ts - b.ts)) {
      const d = c.args?.data as
        | {
            cpuProfile?: {
              nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName?: string } }[]
              samples?: number[]
            }
            timeDeltas?: number[]
          }
        | undefined
      for (const n of d?.cpuProfile?.nodes ?? []) {
        nodes.set(n.id, `${base(n.callFrame.url) || "(native)"} ${n.callFrame.functionName || "(anonymous)"}`)
        if (n.parent !== undefined) parents.set(n.id, n.parent)
      }
      const samples = d?.cpuProfile?.samples ?? []
      const deltas = d?.timeDeltas ?? []
      for (let k = 0; k < samples.length; k++) {
        const prev = t
        t += deltas[k] ?? 0
        const n = nodes.get(samples[k]!)
        if (!n || n.endsWith("(idle)") || t < w0 || t > t1) continue
        const ms = Math.min(t - prev, 2000) / 1000
        add(samplesAll, n, ms)
        const seen = new Set<string>()
        for (let id: number | undefined = samples[k]!; id !== undefined; id = parents.get(id)) {
          const l = nodes.get(id)
          if (l && !seen.has(l)) {
            seen.add(l)
            add(totalAll, l, ms)
          }
        }
      }
    }
  }
}

async function main() {
  const { BUILD_DIR, launchWithExtension, serviceWorkerOf } = await import("../tests/e2e/launch")
  const { e2eCustomers, ensureImported } = await import("../tests/e2e/dataset")
  const code = e2eCustomers().find((c) => c.contacts[0]?.phones[0])?.code
  const profile = mkdtempSync(join(tmpdir(), "comptoir-first-trace-"))
  const context = await launchWithExtension(profile, [], BUILD_DIR)
  try {
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    const options = await context.newPage()
    await ensureImported(options, extensionId, e2eCustomers())
    const customer = (await options.evaluate(async (code) => {
      const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [code] } })) as {
        data: { matches: { customer: unknown }[] }
      }
      return r.data.matches[0]!.customer
    }, code)) as Customer
    const url = `chrome-extension://${extensionId}/tabs/softphone.html`
    // The warm softphone tab the bench keeps open, as in BENCH_PARTS=softphone-tab.
    const phone = await context.newPage()
    await phone.goto(url)
    await publishCall(phone, customer, "trace-call-0")
    await phone.locator(CARD).waitFor({ timeout: 15_000 })
    for (let i = 0; i < ROUNDS; i++) {
      const fresh = await context.newPage()
      await fresh.setViewportSize({ width: 1100, height: 900 })
      const cdp = await context.newCDPSession(fresh)
      const events: TraceEvent[] = []
      cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])))
      const complete = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()))
      await cdp.send("Tracing.start", {
        categories:
          "toplevel,devtools.timeline,v8,v8.execute,blink.user_timing,loading,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler,__metadata",
        transferMode: "ReportEvents"
      })
      await fresh.goto(url)
      await fresh.locator('[data-comptoir="softphone"]').waitFor()
      await fresh.evaluate(() => document.addEventListener("click", () => performance.mark("bench:click"), { capture: true, once: true }))
      await publishCall(fresh, customer, `trace-call-${i + 1}`)
      await fresh.locator(CARD).waitFor({ timeout: 15_000 })
      await fresh.locator(CARD).click()
      await fresh.waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0, null, { timeout: 15_000 })
      await fresh.waitForTimeout(200)
      await cdp.send("Tracing.end")
      await complete
      await cdp.detach()
      if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }))
      summarize(events, i)
      await fresh.close()
    }
    const n = walls.length || 1
    console.log(
      `build ${BUILD_DIR}, load ${loadavg()[0]!.toFixed(1)}; click → ready under tracing: ${walls.map((w) => w.toFixed(0)).join(" ")} ms`
    )
    const show = (title: string, t: Map<string, number>, k: number) => {
      console.log(`${title} (ms a round):`)
      for (const [l, v] of [...t].sort((a, b) => b[1] - a[1]).slice(0, k))
        console.log(`  ${(v / n).toFixed(2).padStart(7)}  ${l.slice(0, 120)}`)
    }
    show("main thread self time, click → ready", selfAll, 25)
    show("V8 samples, self", samplesAll, 40)
    show("V8 samples, total (with callees)", totalAll, Number(process.env.TOTAL_ROWS ?? 80))
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

void main()
