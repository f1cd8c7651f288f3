/**
 * The softphone through the real SIP lab (tests/telephony-lab), against a bare sip.js page on the same lab:
 *  - click → answered: a click on a number's call button in a page (the card in the content script) until the
 *    dock shows "in-call" (the lab's peer answers at once, so its ringing and its answer are one moment);
 *  - incoming INVITE → caller card rendered: baresip dials the agent, until the caller's card is in the dock;
 *  - hang-up → outcome form shown: the dock's hang-up button until the call's outcome form is in the dock, split
 *    into click → ended in the offscreen document → published by the service worker → the form in the dock;
 *  - an incoming call declined: the dock's Decline (clicked in the page, its time taken there) → the refusal sent by
 *    the offscreen document, → "ended" in the dock, → the lab's caller has no call any more (baresip's
 *    `listcalls`, polled); the bare page's refusal → the same; and a call placed right after a decline, dial → card;
 *  - the dock's own part of the answer and of the hang-up: the view's publication reaching the dock → React's next
 *    commit (DOCK_TRACER; works on any build).
 * Baseline: the first two against a bare page with sip.js only (no extension, no offscreen document); the
 * outcome form against the dock showing "ended" for the same hang-up (what the form adds to the softphone).
 *
 * Method (fair to both sides): each side runs in a browser of its own, started fresh for this run, so both
 * first calls open the fake capture device cold; that first call of each kind is printed on its own line
 * ("first call, cold") and kept out of the percentiles, which are over the BENCH_CALLS warm calls that follow.
 * Which side calls first alternates from one round to the next, so neither always finds the machine just
 * freed (or just busied) by the other. The p95 ratio is printed with a bootstrap 95% interval.
 *   npx tsx --tsconfig tsconfig.json bench/softphone.bench.ts   (after `npm run build`; COMPTOIR_BUILD=<dir>
 *   to bench another build of the extension)
 * Env: BENCH_CALLS (warm calls of each kind per side, default 30), BENCH_TRACE=1 (each round's step times),
 * BENCH_DECLINE_AFTER_MS (Decline clicked this long after the caller's card, default 500; 0: at once),
 * BENCH_BARE_ICE=stock (the bare page waits for complete gathering), BENCH_BARE_WARM=1 (the bare page also calls on a
 * connection gathered in advance), BENCH_CALL_TRACE=1 (each outgoing call's steps; a PLASMO_PUBLIC_CALL_TRACE=1 build),
 * BENCH_CHROME_TRACE=N (with that: a Chrome trace around warm calls 1..N, what ran on the extension's main thread;
 * tracing slows those calls, so their times are not for the ratios; TRACE_OUT=<file> keeps call 1's trace).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext, Page } from "@playwright/test"
import { build } from "esbuild"

import { generateCustomers } from "~src/domain/demo/demo-data"
import type { CallTrace } from "~src/telephony/call-trace"
import { demoCustomersCsv } from "~src/domain/import/export"

import { BUILD_DIR, launchWithExtension, launchWithoutExtension, MEDIA_ARGS, serviceWorkerOf, startSite, type Site } from "../tests/e2e/launch"
import { TelephonyLab } from "../tests/telephony-lab/lab"

import { CHROME_TRACE_CATEGORIES, emptySummary, printSummary, summarizeCall, type TraceEvent } from "./softphone-chrome-trace"

const WARM = Number(process.env.BENCH_CALLS ?? 30)
const TRACE = process.env.BENCH_TRACE === "1"
/** How long after the caller's card the bench clicks Decline (ms): about a quick agent's reaction; 0 clicks at once. */
const DECLINE_AFTER_MS = Number(process.env.BENCH_DECLINE_AFTER_MS ?? 500)
/** The bare page with sip.js's stock wait for complete ICE gathering instead of the extension's strategy. */
const BARE_STOCK_ICE = process.env.BENCH_BARE_ICE === "stock"
/** The bare page with the extension's connection gathered ahead of each call too (bench/bare-sipjs-page.ts). */
const BARE_WARM = process.env.BENCH_BARE_WARM === "1"
/** Each step of the outgoing call's set-up on both sides (src/telephony/call-trace.ts; ours needs a build with PLASMO_PUBLIC_CALL_TRACE=1). */
const CALL_TRACE = process.env.BENCH_CALL_TRACE === "1"
/** A Chrome trace around this many warm outgoing calls of ours (bench/softphone-chrome-trace.ts; needs a CALL_TRACE build). */
const CHROME_TRACE = Number(process.env.BENCH_CHROME_TRACE ?? 0)

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/**
 * 95% interval of p95(ours) / p95(bare) by the bootstrap (each side's warm samples resampled on their own,
 * 2,000 times, a fixed seed so a run's line can be recomputed from its JSON). With 30 samples the p95 is the
 * second slowest call: the interval says how much one unlucky call moves it.
 */
function ratioInterval(ours: number[], base: number[], p = 95): [number, number] {
  let seed = 0x9e3779b9
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const draw = (xs: number[]) => xs.map(() => xs[Math.floor(rand() * xs.length)]!)
  const ratios = Array.from({ length: 2000 }, () => pct(draw(ours), p) / pct(draw(base), p)).sort((a, b) => a - b)
  return [ratios[Math.floor(0.025 * ratios.length)]!, ratios[Math.floor(0.975 * ratios.length)]!]
}

/** Resolves with Date.now() in the page when `selector` matches (a MutationObserver; no polling delay). */
function whenShown(page: Page, selector: string, timeoutMs = 20_000): Promise<number> {
  const shown = page.evaluate(
    ([sel, ms]) =>
      new Promise<number>((ok, ko) => {
        if (document.querySelector(sel)) return ok(Date.now())
        const o = new MutationObserver(() => {
          if (document.querySelector(sel)) {
            o.disconnect()
            clearTimeout(timer)
            ok(Date.now())
          }
        })
        // A step that never comes fails the run with its name instead of hanging it.
        const timer = setTimeout(() => {
          o.disconnect()
          ko(new Error(`not shown within ${ms} ms: ${sel}`))
        }, ms)
        o.observe(document.body, { subtree: true, childList: true, attributes: true })
      }),
    [selector, timeoutMs] as const
  )
  // Awaited later; a failure meanwhile must not crash the process before the real error is printed.
  shown.catch(() => undefined)
  return shown
}

/**
 * In the dock (popup.html) only: when each publication of the softphone's view reaches the page (a storage listener
 * added before the page's own, so it runs first) and when React commits (React's devtools hook, which its
 * production build calls at every commit). Publication → next commit is the dock's own part of a state change:
 * reading the view, React's render and commit. The same for any build: nothing in the extension is changed for it.
 */
const DOCK_TRACER = `(() => {
  if (location.protocol !== "chrome-extension:" || location.pathname !== "/popup.html") return
  const trace = { views: [], commits: [], calls: [], events: [] }
  globalThis.__dockTrace = trace
  const abs = () => performance.timeOrigin + performance.now()
  try {
    chrome.storage.onChanged.addListener((changes, area) => {
      const v = area === "session" && changes["softphone.view"] ? changes["softphone.view"].newValue : null
      if (v) trace.views.push({ at: performance.now(), phase: (v.state && v.state.call && v.state.call.phase) || null })
      if (v) trace.events.push({ kind: "view", phase: (v.state && v.state.call && v.state.call.phase) || null, at: abs() })
      if (v && globalThis.__chromeTrace) performance.mark("dock:view " + ((v.state && v.state.call && v.state.call.phase) || "none"))
    })
    chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === "bench/call-trace" && m.payload) trace.calls.push(m.payload)
    })
  } catch {}
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1 }, checkDCE() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot() { trace.commits.push(performance.now()); trace.events.push({ kind: "commit", at: abs() }); if (globalThis.__chromeTrace) performance.mark("dock:commit") }
  }
})()`

/** Publication of the view whose call is in `phase` (the first such since `from`) → the dock's next React commit, in ms. */
async function dockRender(dock: Page, phase: string): Promise<{ render: number; commits: number }> {
  return dock.evaluate((phase) => {
    const trace = (globalThis as unknown as { __dockTrace?: { views: { at: number; phase: string | null }[]; commits: number[] } }).__dockTrace
    if (!trace) return { render: NaN, commits: NaN }
    const view = trace.views.find((v) => v.phase === phase)
    const commit = view ? trace.commits.find((c) => c >= view.at) : undefined
    const result = { render: view && commit !== undefined ? commit - view.at : NaN, commits: trace.commits.length }
    trace.views.length = 0
    trace.commits.length = 0
    return result
  }, phase)
}

/** A step that never ends fails the run with its name and the call's number instead of hanging it. */
async function within<T>(what: string, ms: number, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, ko) => (timer = setTimeout(() => ko(new Error(`softphone bench: ${what} did not finish within ${ms} ms`)), ms)))
  try {
    return await Promise.race([step, late])
  } finally {
    clearTimeout(timer)
  }
}

type Customer = ReturnType<typeof generateCustomers>[number]

interface TracedCall {
  /** The click (ours) or the call() (bare), and the in-call shown, Date.now() in the page. */
  t0: number
  shownAt: number
  trace: CallTrace
  /** The dock's storage events and React commits (ours), absolute ms. */
  dock: { kind: string; phase?: string | null; at: number }[]
}

/**
 * The step table (BENCH_CALL_TRACE=1): each step's time since the side's start of the call in the page that sets it
 * up (ours: the offscreen document has the command; bare: call()), p50 / p95 over the warm calls; and how late that
 * page's main thread ran the probe's tasks between that start and Established (a task posted every ~2 ms).
 */
function printCallTraces(ours: TracedCall[], bare: TracedCall[], results: Record<string, unknown>): void {
  const startOf = (c: TracedCall) => c.trace.steps[0]!.at
  const stepTimes = (calls: TracedCall[]) => {
    const by = new Map<string, number[]>()
    for (const c of calls) {
      const seen = new Set<string>()
      for (const { step, at } of c.trace.steps) {
        if (seen.has(step)) continue
        seen.add(step)
        by.set(step, [...(by.get(step) ?? []), at - startOf(c)])
      }
      by.set("in-call shown", [...(by.get("in-call shown") ?? []), c.shownAt - startOf(c)])
    }
    return by
  }
  const [o, b] = [stepTimes(ours), stepTimes(bare)]
  const names = [...new Set([...o.keys(), ...b.keys()])].sort((x, y) => pct(o.get(x) ?? b.get(x)!, 50) - pct(o.get(y) ?? b.get(y)!, 50))
  const f = (xs: number[] | undefined) => (xs && xs.length ? `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)}` : "—")
  console.log(`  the set-up step by step (ms since the command reached the offscreen document / since the bare page's call(), p50 / p95; ${ours.length} / ${bare.length} warm calls):`)
  console.log(`    ${"step".padEnd(36)} ${"ours".padEnd(16)} bare`)
  console.log(`    ${"click → offscreen has the command".padEnd(36)} ${f(ours.map((c) => startOf(c) - c.t0))}`)
  for (const n of names) console.log(`    ${n.padEnd(36)} ${f(o.get(n)).padEnd(16)} ${f(b.get(n))}`)
  const lag = (calls: TracedCall[]) =>
    calls.map((c) => {
      const est = c.trace.steps.find((s) => s.step === "Established")?.at ?? Infinity
      const l = c.trace.lag.filter(([at]) => at >= startOf(c) && at <= est).map(([, d]) => d)
      return { total: l.reduce((a, x) => a + Math.max(0, x - 1), 0), max: Math.max(0, ...l), late: l.filter((x) => x > 4).length }
    })
  const [lo, lb] = [lag(ours), lag(bare)]
  console.log(
    `    main thread, start → Established: lag beyond 1 ms summed p50 ${f(lo.map((x) => x.total))} ms ours, ${f(lb.map((x) => x.total))} bare; longest wait ${f(lo.map((x) => x.max))} vs ${f(lb.map((x) => x.max))} ms; probes late > 4 ms ${f(lo.map((x) => x.late))} vs ${f(lb.map((x) => x.late))}`
  )
  // The dock's work while the call is set up (same renderer process, same main thread as the offscreen document).
  const dockSteps = ours.map((c) => {
    const rel = (at: number) => at - startOf(c)
    const ringing = c.dock.find((e) => e.kind === "view" && e.phase === "ringing-out" && e.at >= c.t0)
    const ringingCommit = ringing ? c.dock.find((e) => e.kind === "commit" && e.at >= ringing.at) : undefined
    const est = c.trace.steps.find((s) => s.step === "Established")?.at ?? Infinity
    const commitsBefore = c.dock.filter((e) => e.kind === "commit" && e.at >= c.t0 && e.at <= est).length
    return { view: ringing ? rel(ringing.at) : NaN, commit: ringingCommit ? rel(ringingCommit.at) : NaN, commitsBefore }
  })
  console.log(
    `    the dock meanwhile: "ringing-out" reaches it ${f(dockSteps.map((d) => d.view).filter((x) => !Number.isNaN(x)))} ms, its commit ${f(dockSteps.map((d) => d.commit).filter((x) => !Number.isNaN(x)))} ms, dock commits before Established ${f(dockSteps.map((d) => d.commitsBefore))}`
  )
  const raw = (c: TracedCall) => ({
    clickToStart: startOf(c) - c.t0,
    steps: c.trace.steps.map((x) => [x.step, +(x.at - startOf(c)).toFixed(1)]),
    lateProbes: c.trace.lag.filter(([, d]) => d > 3).map(([at, d]) => [+(at - startOf(c)).toFixed(1), +d.toFixed(1)]),
    dock: c.dock.filter((e) => e.at >= c.t0).map((e) => [e.kind + (e.phase ? ` ${e.phase}` : ""), +(e.at - startOf(c)).toFixed(1)]),
    shown: c.shownAt - startOf(c)
  })
  results.callTraceRaw = { ours: ours.map(raw), bare: bare.map(raw) }
  results.callTrace = { ours: Object.fromEntries([...o].map(([k, v]) => [k, v])), bare: Object.fromEntries([...b].map(([k, v]) => [k, v])), lagOurs: lo, lagBare: lb, dock: dockSteps, clickToOffscreen: ours.map((c) => startOf(c) - c.t0) }
}

/** Our side: the built extension in a browser of its own, the dock (popup page) registered to the lab. */
async function startOurs(dir: string, site: Site, customers: Customer[]): Promise<{ context: BrowserContext; dock: Page; page: Page }> {
  const context = await launchWithExtension(dir, MEDIA_ARGS)
  await context.addInitScript("globalThis.__name = (f) => f")
  if (CHROME_TRACE > 0) await context.addInitScript("globalThis.__chromeTrace = true")
  await context.addInitScript(DOCK_TRACER)
  const extensionId = new URL((await serviceWorkerOf(context)).url()).host
  // A small base: the measure is the call path, not the lookup at scale (bench/extension.bench.ts has that).
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "c.csv", mimeType: "text/csv", buffer: Buffer.from(demoCustomersCsv(customers), "utf8") })
  await options.locator('[data-comptoir="import-confirm"]').click()
  await options.locator('[data-comptoir="import-result"]').waitFor({ timeout: 60_000 })
  await options.locator('select[name="softphone.provider"]').selectOption("sip")
  await options.locator('input[name="sip.websocketUrl"]').fill("ws://127.0.0.1:8088")
  await options.locator('input[name="sip.uri"]').fill("sip:agent1@127.0.0.1")
  await options.locator('[data-comptoir="sip-save"]').click()
  const dock = await context.newPage()
  await dock.goto(`chrome-extension://${extensionId}/popup.html`)
  await dock.locator('[data-comptoir="softphone"][data-state="registered"]').waitFor({ timeout: 20_000 })
  return { context, dock, page: await context.newPage() }
}

/** The baseline: sip.js alone in a page, in a browser of its own without the extension. */
async function startBare(dir: string, site: Site): Promise<{ context: BrowserContext; bare: Page }> {
  const bareJs = (
    await build({ entryPoints: ["bench/bare-sipjs-page.ts"], bundle: true, write: false, format: "iife", minify: true, define: { BARE_STOCK_ICE: String(BARE_STOCK_ICE), BARE_WARM: String(BARE_WARM), BARE_TRACE: String(CALL_TRACE) } })
  ).outputFiles[0]!.text
  site.route("/bare.js", bareJs, "text/javascript")
  site.route("/bare", `<!doctype html><meta charset="utf-8"><title>bare sip.js</title><body><script src="/bare.js"></script></body>`)
  const context = await launchWithoutExtension(dir, MEDIA_ARGS)
  const bare = await context.newPage()
  // [::1]: an origin the extension would not run on (it is not even loaded in this browser).
  await bare.goto(`${site.bareOrigin}/bare`)
  await within("the bare page's registration", 20_000, bare.evaluate(() => (window as unknown as { bare: { start(u: string): Promise<void> } }).bare.start("bare1")))
  return { context, bare }
}

async function main() {
  const lab = new TelephonyLab()
  await lab.start()
  const oursDir = mkdtempSync(join(tmpdir(), "comptoir-bench-phone-"))
  const bareDir = mkdtempSync(join(tmpdir(), "comptoir-bench-bare-"))
  const { site, server } = await startSite()
  const customers = generateCustomers({ count: 200, seed: 7 }).filter((c) => c.country === "FR")
  const contexts: BrowserContext[] = []
  const results: Record<string, unknown> = { build: BUILD_DIR, warmCalls: WARM, bareIce: BARE_STOCK_ICE ? "stock" : "early", bareWarm: BARE_WARM }
  const began = Date.now()
  try {
    const ours = await startOurs(oursDir, site, customers)
    contexts.push(ours.context)
    const { context: bareContext, bare } = await startBare(bareDir, site)
    contexts.push(bareContext)
    const { dock, page } = ours
    if (TRACE) {
      // Why a Playwright click() in the dock waited 1.1–1.6 s: its actionability checks count animation frames, and
      // the dock, a tab behind the page's, gets few (two took 1.4–1.9 s), though it says it is visible.
      const probe = await dock.evaluate(
        () =>
          new Promise<string>((ok) => {
            const t0 = performance.now()
            const timer = setTimeout(() => ok(`${document.visibilityState}, two animation frames not within 3 s`), 3000)
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                clearTimeout(timer)
                ok(`${document.visibilityState}, two animation frames in ${Math.round(performance.now() - t0)} ms`)
              })
            )
          })
      )
      console.log(`the dock: ${probe}`)
    }

    // Index 0 of each list is the cold first call; the rest are warm.
    const outOurs: number[] = []
    const outOursFromPlaywright: number[] = []
    const outBare: number[] = []
    const inOurs: number[] = []
    const inBare: number[] = []
    const endedAfterHangup: number[] = []
    const formAfterHangup: number[] = []
    const hangupSplits: [number, number, number][] = []
    // The dock's own part (publication at the page → React commit) of the answer and of the hang-up, and how many commits each call took.
    const dockRenderAnswered: number[] = []
    const dockRenderEnded: number[] = []
    const dockCommits: number[] = []
    const outSplits: [number, number, number][] = []
    // Decline (clicked in the dock) → the refusal sent by the offscreen document, → "ended" in the dock, → the lab's
    // caller sees its call closed; the bare page's refusal → the caller's call closed.
    const declineSplits: [number, number, number][] = []
    const bareDeclineToCallerStopped: number[] = []
    // BENCH_CALL_TRACE=1: each outgoing call's steps (index 0, the cold call, left out of the table).
    const tracesOurs: TracedCall[] = []
    const tracesBare: TracedCall[] = []
    const chromeTrace = emptySummary()

    // How many of our rounds' pages held the quote form's preloaded frame when the next round left them (main
    // preloads it as the card opens; bench/README.md, "the quote form's preload").
    let quoteFramesLeft = 0
    const quoteFrameOn = (p: Page) => p.frames().some((f) => f.url().includes("/tabs/quote-frame.html"))
    const outgoingOurs = async (i: number, c: Customer) => {
      const e164 = c.contacts[0]!.phones[0]!
      if (i > 0 && quoteFrameOn(page)) quoteFramesLeft++
      // Ours: a page with the number, the card in the content script's panel, its call button.
      site.route(`/fiche-${i}`, `<!doctype html><meta charset="utf-8"><p>${c.company} — ${c.code} — ${c.writtenPhones[0]![0]}</p>`)
      await page.goto(`${site.origin}/fiche-${i}`, { timeout: 20_000 })
      const button = page.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${c.code}"] [data-comptoir="call"][data-number="${e164}"]`)
      // The card opens by its header (its middle may be a button: "Log a call", "Calls").
      await page.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${c.code}"] .c-card-company`).click({ timeout: 20_000 })
      await button.waitFor({ timeout: 20_000 })
      const answered = whenShown(dock, '[data-comptoir="softphone"][data-state="in-call"]')
      // The clock starts when the click reaches the page (a capture listener, before the panel sees it), not when
      // Playwright starts its actionability checks (scroll, two animation frames, hit test): the bare page below
      // is not charged for those either.
      const tracing = i >= 1 && i <= CHROME_TRACE ? await ours.context.newCDPSession(page) : null
      const traceEvents: TraceEvent[] = []
      if (tracing) {
        tracing.on("Tracing.dataCollected", (e) => void traceEvents.push(...(e.value as unknown as TraceEvent[])))
        await tracing.send("Tracing.start", { categories: CHROME_TRACE_CATEGORIES, transferMode: "ReportEvents" })
        await new Promise((r) => setTimeout(r, 300))
      }
      const pw0 = await page.evaluate(() => {
        addEventListener(
          "click",
          () => {
            ;(window as unknown as { clickedAt: number }).clickedAt = Date.now()
            performance.mark("bench:click")
          },
          { capture: true, once: true }
        )
        return Date.now()
      })
      await button.click({ timeout: 20_000 })
      const t0 = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt)
      try {
        await answered
      } catch (e) {
        throw new Error(`call ${i}: the card's call button for ${e164} started no call: ${await whyNoCall(page, dock)}`, { cause: e })
      }
      const shownAt = await answered
      dockRenderAnswered.push((await dockRender(dock, "in-call")).render)
      if (tracing) {
        await new Promise((r) => setTimeout(r, 100))
        const complete = new Promise<void>((ok) => tracing.once("Tracing.tracingComplete", () => ok()))
        await tracing.send("Tracing.end")
        await complete
        await tracing.detach()
        console.log(`  chrome trace, call ${i}: ${summarizeCall(traceEvents, chromeTrace)}`)
        if (process.env.TRACE_OUT && i === 1) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents }))
      }
      outOurs.push(shownAt - t0)
      outOursFromPlaywright.push(shownAt - pw0)
      // Hang-up → the call's outcome form (issue #9), timed in the dock from just before the click.
      const { callId, startedAt, answeredAt } = await within(
        `call ${i}: the dock's softphone state`,
        10_000,
        dock.evaluate(async () => {
          const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as {
            data: { state: { call: { id: string; startedAt: number; answeredAt: number | null } | null } }
          }
          const call = r.data.state.call
          return { callId: call?.id ?? "", startedAt: call?.startedAt ?? NaN, answeredAt: call?.answeredAt ?? NaN }
        })
      )
      // Where the call's time went, from the stamps the offscreen document put in the call's state (one clock, one
      // machine): click → the call started there (before the microphone), → answered there, → the dock shows it.
      outSplits.push([startedAt - t0, answeredAt - startedAt, shownAt - answeredAt])
      const ended = whenShown(dock, '[data-comptoir="softphone"][data-state="ended"]')
      const formShown = whenShown(dock, `[data-comptoir="outcome-form"][data-call-id="${callId}"]`)
      const h0 = await dock.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('[data-comptoir="hangup"]')!
        const t = Date.now()
        button.click()
        return t
      })
      endedAfterHangup.push((await ended) - h0)
      formAfterHangup.push((await formShown) - h0)
      // Where it went: the dock's click → the call ended in the offscreen document (its endedAt) → the view published
      // by the service worker (its updatedAt: the call record written first) → the form in the dock.
      const stamps = await dock.evaluate(async () => {
        const v = (await chrome.storage.session.get("softphone.view"))["softphone.view"] as { updatedAt: number; state: { call: { endedAt: number | null } | null } }
        return { endedAt: v.state.call?.endedAt ?? NaN, updatedAt: v.updatedAt }
      })
      hangupSplits.push([stamps.endedAt - h0, stamps.updatedAt - stamps.endedAt, h0 + formAfterHangup.at(-1)! - stamps.updatedAt])
      const endedRender = await dockRender(dock, "ended")
      dockRenderEnded.push(endedRender.render)
      dockCommits.push(endedRender.commits)
      if (CALL_TRACE) {
        const got = await dock.evaluate(async () => {
          const trace = (globalThis as unknown as { __dockTrace: { calls: unknown[]; events: { kind: string; phase?: string | null; at: number }[] } }).__dockTrace
          for (let k = 0; k < 100 && trace.calls.length === 0; k++) await new Promise((r) => setTimeout(r, 20))
          const events = trace.events.splice(0)
          return { call: (trace.calls.shift() ?? null) as CallTrace | null, events }
        })
        if (got.call) tracesOurs.push({ t0, shownAt, trace: got.call, dock: got.events })
      }
    }

    const outgoingBare = async (i: number) => {
      // The same call, started in the page (what a click handler would do).
      const bareAnswered = whenShown(bare, '#state[data-state="in-call"]')
      const b0 = await bare.evaluate(() => {
        const t = Date.now()
        void (window as unknown as { bare: { call(n: string): Promise<void> } }).bare.call("+33144319244")
        return t
      })
      const bareShown = await bareAnswered
      outBare.push(bareShown - b0)
      if (CALL_TRACE) {
        const t = await bare.evaluate(() => (window as unknown as { bare: { trace(): CallTrace | null } }).bare.trace())
        if (t) tracesBare.push({ t0: b0, shownAt: bareShown, trace: t, dock: [] })
      }
      await within(`call ${i}: the bare page's hang-up`, 10_000, bare.evaluate(() => (window as unknown as { bare: { hangup(): Promise<void> } }).bare.hangup()))
    }

    /**
     * When the lab's caller no longer has a call (its INVITE refused: it stops ringing), polled from now on through
     * baresip's control port (a command takes ~1–3 ms); NaN if it still has one after 5 s.
     */
    const callerGone = async (): Promise<number> => {
      for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 3))) {
        if (!(await lab.callerHasCall())) return Date.now()
      }
      return NaN
    }
    /**
     * The agent's Decline, clicked in the dock as the hang-up above is (the click's time taken in the page, at the
     * click): Playwright's click() on the dock, a tab behind the page's, spent 1.1–1.6 s in its actionability checks
     * before the click reached the dock, which is no part of what the agent sees (bench/README.md, "Decline").
     */
    const decline = async (poppedAt: number): Promise<{ clickedAt: number; endedShown: number; startedAt: number; endedAt: number; callerStopped: number }> => {
      // An agent reads the card before declining: clicked at once, the click meets the pop's own work (the card's
      // reads, the notification) still under way, which no person's click does.
      await new Promise((r) => setTimeout(r, Math.max(0, poppedAt + DECLINE_AFTER_MS - Date.now())))
      const declined = whenShown(dock, '[data-comptoir="softphone"][data-state="ended"]')
      const clickedAt = await dock.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('[data-comptoir="decline"]')
        if (!button) throw new Error("no Decline button in the dock")
        const t = Date.now()
        button.click()
        return t
      })
      const callerStopped = callerGone()
      const endedShown = await declined
      // The offscreen document's stamps: the INVITE's arrival (the call's startedAt) and the call ended there, which
      // sip.js's reject() does right after it has sent the refusal on the WebSocket (the call's endedAt).
      const { startedAt, endedAt } = await dock.evaluate(async () => {
        const v = (await chrome.storage.session.get("softphone.view"))["softphone.view"] as { state: { call: { startedAt: number; endedAt: number | null } | null } }
        return { startedAt: v.state.call?.startedAt ?? NaN, endedAt: v.state.call?.endedAt ?? NaN }
      })
      return { clickedAt, endedShown, startedAt, endedAt, callerStopped: await callerStopped }
    }

    const incomingOurs = async (i: number, c: Customer) => {
      const popped = whenShown(dock, `[data-comptoir="caller-card"][data-customer-code="${c.code}"]`)
      const i0 = Date.now()
      await within(`call ${i}: the lab dialling the agent`, 20_000, lab.callFrom(c.contacts[0]!.phones[0]!, "agent1"))
      const dialled = Date.now()
      const poppedAt = await popped
      inOurs.push(poppedAt - i0)
      const d = await within(`call ${i}: the agent's decline`, 20_000, decline(poppedAt))
      declineSplits.push([d.endedAt - d.clickedAt, d.endedShown - d.clickedAt, d.callerStopped - d.clickedAt])
      if (TRACE)
        console.log(
          `  in ours ${i} (ms from the lab's dial command): INVITE sent ≤ +${dialled - i0}, in the offscreen document +${d.startedAt - i0}, card +${poppedAt - i0}, Decline clicked +${d.clickedAt - i0}, refusal sent +${d.endedAt - i0}, "ended" in the dock +${d.endedShown - i0}, the lab's caller without a call +${d.callerStopped - i0}`
        )
    }

    const incomingBare = async (i: number, c: Customer) => {
      const barePopped = whenShown(bare, "#caller [data-caller]")
      const j0 = Date.now()
      await within(`call ${i}: the lab dialling the bare page`, 20_000, lab.callFrom(c.contacts[0]!.phones[0]!, "bare1"))
      const dialled = Date.now()
      inBare.push((await barePopped) - j0)
      const h0 = Date.now()
      await within(`call ${i}: the bare page's hang-up`, 10_000, bare.evaluate(() => (window as unknown as { bare: { hangup(): Promise<void> } }).bare.hangup()))
      const callerStopped = await callerGone()
      bareDeclineToCallerStopped.push(callerStopped - h0)
      if (TRACE) console.log(`  in bare ${i}: INVITE sent ≤ +${dialled - j0}, caller shown +${inBare.at(-1)}, refused +${h0 - j0}, the lab's caller without a call +${callerStopped - j0}`)
    }

    const setUp = Date.now() - began
    for (let i = 0; i <= WARM; i++) {
      const c = customers[i % customers.length]!
      const steps: [string, () => Promise<void>][] =
        i % 2 === 0
          ? [["out ours", () => outgoingOurs(i, c)], ["out bare", () => outgoingBare(i)], ["in ours", () => incomingOurs(i, c)], ["in bare", () => incomingBare(i, c)]]
          : [["out bare", () => outgoingBare(i)], ["out ours", () => outgoingOurs(i, c)], ["in bare", () => incomingBare(i, c)], ["in ours", () => incomingOurs(i, c)]]
      const took: string[] = []
      for (const [name, step] of steps) {
        const s0 = Date.now()
        await step()
        took.push(`${name} ${Date.now() - s0} ms`)
      }
      if (TRACE) console.log(`round ${i}: ${took.join(", ")}`)
      else process.stdout.write(".")
    }
    // A call right after a decline (the next caller must ring at once): the lab dials again as soon as the previous
    // caller's call has closed; dial → card, against the rounds' calls above. The first of the six only declines.
    const reRing: number[] = []
    for (let k = 0; k <= 5; k++) {
      const c = customers[k % customers.length]!
      const popped = whenShown(dock, `[data-comptoir="caller-card"][data-customer-code="${c.code}"]`)
      const i0 = Date.now()
      await within(`a call right after a decline (${k})`, 20_000, lab.callFrom(c.contacts[0]!.phones[0]!, "agent1"))
      const poppedAt = await popped
      if (k > 0) reRing.push(poppedAt - i0)
      await within(`a call right after a decline (${k}): the agent's decline`, 20_000, decline(poppedAt))
    }
    console.log("")
    console.log(`Softphone through the local SIP lab (${BUILD_DIR}; bare page's ICE: ${BARE_STOCK_ICE ? "sip.js stock" : "early, as ours"}${BARE_WARM ? ", connection gathered in advance as ours" : ""}): each side in a fresh browser of its own; 1 cold + ${WARM} warm calls of each kind per side, sides alternating first; set-up ${Math.round(setUp / 1000)} s, calls ${Math.round((Date.now() - began - setUp) / 1000)} s`)
    const row = (label: string, ours: number[], base: number[], target: string) => {
      const [oursCold, baseCold] = [ours[0]!, base[0]!]
      const [oursWarm, baseWarm] = [ours.slice(1), base.slice(1)]
      const [o50, o95, b50, b95] = [pct(oursWarm, 50), pct(oursWarm, 95), pct(baseWarm, 50), pct(baseWarm, 95)]
      const [lo, hi] = ratioInterval(oursWarm, baseWarm)
      console.log(`${label}`)
      console.log(`  first call, cold: ours ${oursCold} ms, bare ${baseCold} ms | ratio ${(oursCold / baseCold).toFixed(2)}×`)
      console.log(
        `  ${WARM} warm calls:     ours p50 ${o50} / p95 ${o95} ms | bare p50 ${b50} / p95 ${b95} ms | ratio p50 ${(o50 / b50).toFixed(2)}×, p95 ${(o95 / b95).toFixed(2)}× (95% interval ${lo.toFixed(2)}–${hi.toFixed(2)}×) (${target})`
      )
      return {
        cold: { ours: oursCold, bare: baseCold, ratio: oursCold / baseCold },
        warm: { ours: { p50: o50, p95: o95, samples: oursWarm }, bare: { p50: b50, p95: b95, samples: baseWarm }, ratioP50: o50 / b50, ratioP95: o95 / b95, ratioP95Interval95: [lo, hi] }
      }
    }
    results.clickToAnswered = row("click → in call (lab answers at once)", outOurs, outBare, "target ≤ 1.2×")
    {
      const warm = outSplits.slice(1)
      const part = (k: number) => warm.map((x) => x[k]!)
      const names = ["click → call started in the offscreen document", "→ answered there (microphone, offer, the lab's 200 OK)", "→ the dock shows in-call"]
      console.log(`  ours, where the time went (${warm.length} warm calls, p50 / p95): ${names.map((n, k) => `${n} ${pct(part(k), 50)} / ${pct(part(k), 95)} ms`).join("; ")}`)
      results.clickToAnsweredSplits = names.map((n, k) => ({ step: n, p50: pct(part(k), 50), p95: pct(part(k), 95), samples: part(k) }))
    }
    if (CALL_TRACE) printCallTraces(tracesOurs.slice(1), tracesBare.slice(1), results)
    if (chromeTrace.calls > 0) results.chromeTrace = printSummary(chromeTrace)
    console.log(`  the quote form's frame was on our page when the next round left it: ${quoteFramesLeft} of ${WARM} rounds`)
    results.quoteFramesLeft = quoteFramesLeft
    results.clickToAnsweredFromPlaywrightCall = row("  same, clock from Playwright's click() (includes its actionability checks)", outOursFromPlaywright, outBare, "as measured before")
    results.inviteToCallerCard = row("incoming INVITE → caller card", inOurs, inBare, "target ≤ 1.2×, p95 ≤ 300 ms")
    {
      const warm = declineSplits.slice(1)
      const part = (k: number) => warm.map((x) => x[k]!).filter((x) => !Number.isNaN(x))
      const names = ["→ the refusal sent by the offscreen document", '→ "ended" in the dock (target ≤ 300 ms)', "→ the lab's caller has no call any more (it stops ringing; polled)"]
      const bareStop = bareDeclineToCallerStopped.slice(1).filter((x) => !Number.isNaN(x))
      console.log(`incoming call declined in the dock, clicked ${DECLINE_AFTER_MS} ms after the card (the click's time taken in the dock; ${warm.length} warm calls, p50 / p95)`)
      console.log(`  ${names.map((n, k) => `${n} ${pct(part(k), 50)} / ${pct(part(k), 95)} ms`).join("; ")}`)
      console.log(`  bare page: its refusal → the lab's caller has no call any more ${pct(bareStop, 50)} / ${pct(bareStop, 95)} ms`)
      console.log(
        `  a call right after a decline: dial → card p50 ${pct(reRing, 50)} / p95 ${pct(reRing, 95)} ms (${reRing.length} calls), the rounds' calls p50 ${pct(inOurs.slice(1), 50)} / p95 ${pct(inOurs.slice(1), 95)} ms`
      )
      results.declineSplits = names.map((n, k) => ({ step: n, p50: pct(part(k), 50), p95: pct(part(k), 95), samples: part(k) }))
      results.bareDeclineToCallerStopped = { p50: pct(bareStop, 50), p95: pct(bareStop, 95), samples: bareStop }
      results.callRightAfterDecline = { p50: pct(reRing, 50), p95: pct(reRing, 95), samples: reRing }
    }
    {
      const [form, ended] = [formAfterHangup.slice(1), endedAfterHangup.slice(1)]
      const [f50, f95, e50, e95] = [pct(form, 50), pct(form, 95), pct(ended, 50), pct(ended, 95)]
      console.log("hang-up → outcome form shown (ours only)")
      console.log(`  first call: form ${formAfterHangup[0]} ms, dock shows "ended" ${endedAfterHangup[0]} ms`)
      console.log(`  ${WARM} warm calls:     form p50 ${f50} / p95 ${f95} ms | dock shows "ended" p50 ${e50} / p95 ${e95} ms | p95 ratio ${(f95 / e95).toFixed(2)}× (target p95 ≤ 100 ms)`)
      const split = hangupSplits.slice(1)
      const names = ["click → ended in the offscreen document", "→ published by the service worker (main before 4 Dec: after the call record is written)", "→ the form in the dock"]
      console.log(`  where it went (p50 / p95): ${names.map((n, k) => `${n} ${pct(split.map((x) => x[k]!), 50)} / ${pct(split.map((x) => x[k]!), 95)} ms`).join("; ")}`)
      results.hangupSplits = names.map((n, k) => ({ step: n, p50: pct(split.map((x) => x[k]!), 50), p95: pct(split.map((x) => x[k]!), 95) }))
      const [ra, re] = [dockRenderAnswered.slice(1).filter((x) => !Number.isNaN(x)), dockRenderEnded.slice(1).filter((x) => !Number.isNaN(x))]
      const ms = (x: number) => x.toFixed(1)
      console.log(
        `the dock's own part (the view's publication at the page → React's commit, ${ra.length} / ${re.length} warm calls): answered p50 ${ms(pct(ra, 50))} / p95 ${ms(pct(ra, 95))} ms; ended (the form's commit) p50 ${ms(pct(re, 50))} / p95 ${ms(pct(re, 95))} ms; dock commits from the answer to the form p50 ${pct(dockCommits.slice(1), 50)}`
      )
      results.dockRender = { answered: { p50: pct(ra, 50), p95: pct(ra, 95), samples: ra }, ended: { p50: pct(re, 50), p95: pct(re, 95), samples: re } }
      results.hangupToOutcomeForm = {
        cold: { form: formAfterHangup[0], ended: endedAfterHangup[0] },
        warm: { form: { p50: f50, p95: f95, samples: form }, ended: { p50: e50, p95: e95, samples: ended }, ratioP95: f95 / e95 }
      }
    }
    mkdirSync("bench-results", { recursive: true })
    writeFileSync("bench-results/softphone.json", JSON.stringify(results, null, 2))
  } catch (e) {
    // What the lab saw last: a call it refused or never ended says why the step above waited in vain.
    for (const daemon of ["baresip", "kamailio"] as const) {
      const lines = (() => {
        try {
          return lab.log(daemon).trimEnd().split("\n")
        } catch {
          return []
        }
      })()
      console.error(`--- ${daemon}, last lines ---\n${lines.slice(-25).join("\n")}`)
    }
    throw e
  } finally {
    for (const c of contexts) await c.close()
    server.closeAllConnections()
    server.close()
    await lab.dispose()
    rmSync(oursDir, { recursive: true, force: true })
    rmSync(bareDir, { recursive: true, force: true })
  }
}

/** What the agent would see when a click on the card's call button started nothing. */
async function whyNoCall(page: Page, dock: Page): Promise<string> {
  const inPage = await page
    .evaluate(() => {
      const root = document.querySelector("#comptoir-overlay")?.shadowRoot
      return root ? [...root.querySelectorAll(".c-error, [role=alert]")].map((e) => e.textContent).join(" | ") || "no error in the panel" : "no panel"
    })
    .catch((e: unknown) => `page unreadable: ${String(e)}`)
  const state = await dock
    .evaluate(async () => JSON.stringify((await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as unknown).slice(0, 400))
    .catch((e: unknown) => `dock unreadable: ${String(e)}`)
  return `panel: ${inPage}; softphone: ${state}`
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
