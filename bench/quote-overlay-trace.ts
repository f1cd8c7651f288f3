/**
 * Diagnostic, not part of `npm run bench` (issue #10): a Chrome trace (CDP `Tracing`) of the first and the next
 * opening of the quote overlay on a page, and per thread the time its tasks ran between the click and the filled
 * form (the frame's `comptoir:quote-form-ready`), with the longest tasks. ROUNDS pages (default 3); TRACE_OUT
 * keeps the last trace's JSON.
 *   COMPTOIR_BUILD=build/chrome-mv3-prod ROUNDS=3 npx tsx --tsconfig tsconfig.json bench/quote-overlay-trace.ts
 */
import { rmSync, writeFileSync } from "node:fs"
import { loadavg } from "node:os"

import type { Frame } from "@playwright/test"

import { BUILD_DIR } from "../tests/e2e/launch"

import { buttonOf, quoteFrame, startTwoCardPage } from "./quote-overlay-kit"

const ROUNDS = Number(process.env.ROUNDS ?? 3)

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: Record<string, unknown> }
}

async function main() {
  const { first, second, dir, context, site, server } = await startTwoCardPage("qtrace-")
  for (let i = 0; i < ROUNDS; i++) {
    const [a, b] = i % 2 ? [second, first] : [first, second]
    const page = await context.newPage()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${site.origin}/contact`)
    await buttonOf(page, a).waitFor({ timeout: 15000 })
    await buttonOf(page, b).waitFor({ timeout: 15000 })
    await page.waitForTimeout(1000)
    const cdp = await context.newCDPSession(page)
    const events: TraceEvent[] = []
    cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])))
    const complete = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()))
    await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline,__metadata", transferMode: "ReportEvents" })
    const marks: Record<string, number> = {}
    for (const [kind, c] of [["first", a], ["next", b]] as const) {
      await page.evaluate(() => performance.mark("qtrace:before-click"))
      await buttonOf(page, c).click()
      while (!quoteFrame(page)) await page.waitForTimeout(5)
      const f = quoteFrame(page) as Frame
      await f.waitForFunction((code) => performance.getEntriesByName("comptoir:quote-form-ready").length > 0 && (document.querySelector('[data-comptoir="quote-form"]')?.textContent ?? "").includes(` · ${code}`), c!.code, { timeout: 15000 })
      marks[kind] = 1
      await f.evaluate(() => performance.clearMarks("comptoir:quote-form-ready"))
      await page.waitForTimeout(300)
      if (kind === "first") {
        await f.locator("body").press("Escape")
        await page.waitForTimeout(300)
      }
    }
    await cdp.send("Tracing.end")
    await complete
    await cdp.detach()
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }))
    summarize(events, i)
    await page.close()
  }
  console.log(`build ${BUILD_DIR}, load ${loadavg()[0]!.toFixed(1)}`)
  await context.close()
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
}

/** Per opening: from the page's click event to the frame's ready mark, each thread's task time and its longest tasks. */
function summarize(events: TraceEvent[], round: number) {
  const threadName = new Map<string, string>()
  const processName = new Map<number, string>()
  for (const e of events) {
    if (e.ph !== "M") continue
    if (e.name === "thread_name") threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? "?")
    if (e.name === "process_name" || e.name === "process_labels") processName.set(e.pid, `${processName.get(e.pid) ?? ""}${e.args?.name ?? (e.args as { labels?: string })?.labels ?? ""}`)
  }
  const clicks = events.filter((e) => e.name === "EventDispatch" && (e.args?.data as { type?: string })?.type === "click").sort((x, y) => x.ts - y.ts)
  const readies = events.filter((e) => e.name === "comptoir:quote-form-ready" && e.ph !== "e").sort((x, y) => x.ts - y.ts)
  const inputs = events.filter((e) => e.name.startsWith("InputLatency::MouseUp") || e.name === "LatencyInfo.Flow").sort((x, y) => x.ts - y.ts)
  void inputs
  for (const [k, kind] of ["first", "next"].entries()) {
    const click = clicks[k]
    const ready = readies.find((r) => click && r.ts > click.ts)
    if (!click || !ready) {
      console.log(`round ${round} ${kind}: click or ready not found in the trace (${clicks.length} clicks, ${readies.length} ready marks)`)
      continue
    }
    const [t0, t1] = [click.ts, ready.ts]
    const perThread = new Map<string, { sum: number; tasks: { name: string; ms: number; at: number }[] }>()
    for (const e of events) {
      if (e.ph !== "X" || !e.dur || (e.name !== "ThreadControllerImpl::RunTask" && e.name !== "RunTask")) continue
      const s = Math.max(e.ts, t0)
      const en = Math.min(e.ts + e.dur, t1)
      if (en <= s) continue
      const key = `${processName.get(e.pid) ?? e.pid}/${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`
      const t = perThread.get(key) ?? { sum: 0, tasks: [] }
      t.sum += (en - s) / 1000
      t.tasks.push({ name: e.name, ms: e.dur / 1000, at: (e.ts - t0) / 1000 })
      perThread.set(key, t)
    }
    console.log(`round ${round} ${kind}: click → ready ${((t1 - t0) / 1000).toFixed(1)} ms`)
    for (const [key, t] of [...perThread].sort((x, y) => y[1].sum - x[1].sum).slice(0, 8)) {
      const longest = t.tasks.sort((x, y) => y.ms - x.ms).slice(0, 3).map((x) => `${x.ms.toFixed(1)}@${x.at.toFixed(0)}`)
      console.log(`  ${key.slice(0, 60).padEnd(60)} ${t.sum.toFixed(1)} ms in ${t.tasks.length} tasks; longest ${longest.join(", ")}`)
    }
    // What ran inside the window on the main threads: the biggest named events.
    const named = events
      .filter((e) => e.ph === "X" && e.dur && e.ts >= t0 && e.ts < t1 && e.dur > 1500 && !["ThreadControllerImpl::RunTask", "RunTask"].includes(e.name))
      .sort((x, y) => x.ts - y.ts)
      .slice(0, 25)
      .map((e) => `${e.name}${(e.args?.data as { url?: string; type?: string })?.type ? `(${(e.args!.data as { type: string }).type})` : ""} ${(e.dur! / 1000).toFixed(1)}@${((e.ts - t0) / 1000).toFixed(0)} [${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}/${e.pid}]`)
    console.log(`  events > 1.5 ms: ${named.join("; ")}`)
  }
}
void main()
