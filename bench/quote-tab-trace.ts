/**
 * Diagnostic, not part of `npm run bench` (issue #10): a Chrome trace (CDP `Tracing`) of a card's New quote handed
 * to the open workspace tab (the warm click of `BENCH_PARTS=form`: the tab opened by the previous click, a narrow
 * window so the card opens the workspace), and for each, on the tab's main thread between the route's arrival
 * (`comptoir:workspace-route`) and the filled form (`comptoir:quote-form-ready`): the time in JavaScript, style,
 * layout, garbage collection, and the time the thread ran nothing (descheduled, or waiting); then the next frame's
 * paint. With `disabled-by-default-v8.cpu_profiler`, the functions that took the most samples in the window (names
 * are the build's: `--no-minify` builds read better). ROUNDS rounds (default 6); TRACE_OUT keeps the last trace.
 *   COMPTOIR_BUILD=build/chrome-mv3-prod ROUNDS=6 npx tsx --tsconfig tsconfig.json bench/quote-tab-trace.ts
 */
import { rmSync, writeFileSync } from "node:fs"
import { loadavg } from "node:os"

import type { Page } from "@playwright/test"

import { BUILD_DIR } from "../tests/e2e/launch"

import { buttonOf, startTwoCardPage } from "./quote-overlay-kit"
import type { TraceEvent } from "./softphone-chrome-trace"

const ROUNDS = Number(process.env.ROUNDS ?? 6)
/** Samples of every round by function: self, and total (the function or what it called). */
const aggSelf = new Map<string, number>()
const aggTotal = new Map<string, number>()
let aggSamples = 0

async function main() {
  const { first, second, dir, context, site, server } = await startTwoCardPage("qtabtrace-")
  const page = await context.newPage()
  await page.setViewportSize({ width: 700, height: 800 })
  await page.goto(`${site.origin}/contact`)
  await buttonOf(page, first).waitFor({ timeout: 15000 })
  await buttonOf(page, second).waitFor({ timeout: 15000 })
  const all: Record<string, number[]> = {}
  for (let i = 0; i < ROUNDS; i++) {
    const [a, b] = i % 2 ? [second, first] : [first, second]
    await page.bringToFront()
    const opened = context.waitForEvent("page", { timeout: 15000 })
    await buttonOf(page, a).click()
    const tab: Page = await opened
    await tab.locator('[data-comptoir="quote-form"]').waitFor({ timeout: 15000 })
    await page.bringToFront()
    await tab.evaluate(() => {
      performance.clearMarks("comptoir:quote-form-ready")
      performance.clearMarks("comptoir:workspace-route")
    })
    const cdp = await context.newCDPSession(page)
    const events: TraceEvent[] = []
    cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])))
    const complete = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()))
    await cdp.send("Tracing.start", {
      categories: "toplevel,devtools.timeline,v8,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires,__metadata",
      transferMode: "ReportEvents"
    })
    await buttonOf(page, b).click()
    await tab.waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0, null, { timeout: 15000 })
    await tab.waitForTimeout(300)
    await cdp.send("Tracing.end")
    await complete
    await cdp.detach()
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }))
    const got = summarize(events, i)
    for (const [k, v] of Object.entries(got)) (all[k] ??= []).push(v)
    await tab.close()
  }
  console.log(`build ${BUILD_DIR}, load ${loadavg()[0]!.toFixed(1)}`)
  for (const [k, v] of Object.entries(all)) console.log(`  ${k.padEnd(28)} ${v.map((x) => x.toFixed(1)).join(" ")}`)
  const fmt = (m: Map<string, number>, n: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([l, c]) => `${((100 * c) / aggSamples).toFixed(1)}% ${l}`).join("\n    ")
  console.log(`all rounds, ${aggSamples} samples; self:\n    ${fmt(aggSelf, 40)}\n  total:\n    ${fmt(aggTotal, 80)}`)
  await context.close()
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
}

const TASKS = new Set(["ThreadControllerImpl::RunTask", "RunTask"])

/** The window route → ready on the tab's main thread, by kind of work; returns the round's figures. */
function summarize(events: TraceEvent[], round: number): Record<string, number> {
  const route = events.find((e) => e.name === "comptoir:workspace-route" && e.ph !== "e")
  const ready = events.find((e) => e.name === "comptoir:quote-form-ready" && e.ph !== "e")
  if (!route || !ready) {
    console.log(`round ${round}: marks not found in the trace`)
    return {}
  }
  const { pid, tid } = route
  const [t0, t1] = [route.ts, ready.ts]
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur !== undefined)
  const inWindow = (e: TraceEvent) => Math.max(0, Math.min(e.ts + e.dur!, t1) - Math.max(e.ts, t0)) / 1000
  const by = new Map<string, number>()
  for (const e of mine) {
    if (TASKS.has(e.name)) continue
    const ms = inWindow(e)
    if (ms > 0.05) by.set(e.name, (by.get(e.name) ?? 0) + ms)
  }
  // Tasks nest (RunTask inside ThreadControllerImpl::RunTask): the outermost ones only.
  const task = mine.filter((e) => TASKS.has(e.name) && inWindow(e) > 0).filter((e, _, all) => !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur! || o.name === "ThreadControllerImpl::RunTask")))
  const busy = task.reduce((s, e) => s + inWindow(e), 0)
  // Thread time against wall time of the task holding the window: under load the thread is descheduled.
  const cpu = task.reduce((s, e) => s + ((e as unknown as { tdur?: number }).tdur ?? 0) * (inWindow(e) / (e.dur! / 1000)), 0) / 1000
  // Paint after the form: the first frame drawn after the ready mark.
  const paint = events.filter((e) => e.pid === pid && (e.name === "Paint" || e.name === "PaintImage" || e.name === "Commit") && e.ts > t1).sort((x, y) => x.ts - y.ts)[0]
  const wall = (t1 - t0) / 1000
  const top = [...by].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
  console.log(`round ${round}: route → ready ${wall.toFixed(1)} ms (thread busy ${busy.toFixed(1)}, cpu ${cpu.toFixed(1)}); ready → paint ${paint ? ((paint.ts - t1) / 1000).toFixed(1) : "?"} ms`)
  console.log(`  ${top.join("; ")}`)
  profileTop(events, pid, tid, t0, t1)
  return { "route→ready": wall, busy, cpu, "ready→paint": paint ? (paint.ts - t1) / 1000 : NaN }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  parent?: number
}

/** The samples of the V8 CPU profile (trace's ProfileChunk events) of that thread inside the window, by function. */
function profileTop(events: TraceEvent[], pid: number, tid: number, t0: number, t1: number) {
  const nodes = new Map<number, ProfileNode>()
  const samples: { ts: number; node: number }[] = []
  const profile = events.find((e) => e.name === "Profile" && e.pid === pid && e.tid === tid)
  let ts = (profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== pid || (profile && e.id !== profile.id)) continue
    const d = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n)
    const s = d?.cpuProfile?.samples ?? []
    const deltas = d?.timeDeltas ?? []
    for (let k = 0; k < s.length; k++) {
      ts += deltas[k] ?? 0
      samples.push({ ts, node: s[k]! })
    }
  }
  const inside = samples.filter((s) => s.ts >= t0 && s.ts <= t1)
  if (!inside.length) return
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const label = (n: ProfileNode) => `${n.callFrame.functionName || "(anon)"}@${(n.callFrame.url ?? "").split("/").pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`
  for (const s of inside) {
    const n = nodes.get(s.node)
    if (!n) continue
    self.set(label(n), (self.get(label(n)) ?? 0) + 1)
    const seen = new Set<string>()
    for (let p: ProfileNode | undefined = n; p; p = p.parent !== undefined ? nodes.get(p.parent) : undefined) {
      const l = label(p)
      if (seen.has(l)) continue
      seen.add(l)
      total.set(l, (total.get(l) ?? 0) + 1)
    }
  }
  for (const [l, c] of self) aggSelf.set(l, (aggSelf.get(l) ?? 0) + c)
  for (const [l, c] of total) aggTotal.set(l, (aggTotal.get(l) ?? 0) + c)
  aggSamples += inside.length
  const fmt = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 14).map(([l, c]) => `${l} ${c}`).join("\n    ")
  if (process.env.TRACE_ROUNDS) console.log(`  ${inside.length} samples; self:\n    ${fmt(self)}\n  total:\n    ${fmt(total)}`)
}

void main()
