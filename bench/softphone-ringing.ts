/**
 * Issue #9's own words, "click on a number → 'ringing' through the lab", now that the lab has a callee who rings:
 * +33199000180 gets "180 Ringing" from the lab's kamailio at once and the echo agent's answer 600 ms later
 * (tests/telephony-lab/kamailio/kamailio.cfg). Paired as the bench's click → in call (bench/softphone.bench.ts):
 * pair k is one call of each side, which side first alternating, each call hung up once answered and followed by the
 * same quiet. Ours: the number on a page clicked, the page panel's Call for it, until the dock (popup.html) says
 * data-state="ringing-out". Bare: the bare sip.js page's call() until its 180 is shown (bench/bare-sipjs-page.ts,
 * data-progress="180"). One clock (Date.now() in each page, one machine). Run with BENCH_PARTS=…,ring.
 * BENCH_HOVER_MS=N: the pointer is put on the Call button N ms before the click (an agent's hand reaching it and
 * pressing: what a build preparing the call on that intent needs, branch fast9's softphone/prepare, tried and not
 * kept, bench/README.md); 0 or unset: Playwright's
 * click alone, which moves the pointer onto the button and presses at once (the intent and the click together).
 * BENCH_CALL_TRACE=1 with a PLASMO_PUBLIC_CALL_TRACE=1 build: one line per call of ours, ms since the click (command in
 * the offscreen document, INVITE, 180, published, shown, the offscreen main thread's late tasks, and how long after our
 * previous call's end the click came: 300 ms of quiet plus the page's load, or a bare call between).
 */
import type { Page } from "@playwright/test"

import type { Site } from "../tests/e2e/launch"

import { whenShown, within } from "./softphone-probes"
import { pairedFigures, pct } from "./softphone-stats"

export const RINGING_NUMBER = "+33199000180"
/** How long the pointer rests on the Call button before the click (ms); 0: moved on and pressed at once. */
export const HOVER_MS = Number(process.env.BENCH_HOVER_MS ?? 0)
const WRITTEN = "01 99 00 01 80"

interface RingingSides {
  page: Page
  dock: Page
  bare: Page
  site: Site
  /** Warm pairs (the first pair, cold, is printed apart). */
  warm: number
  quiet: () => Promise<unknown>
  trace: boolean
  /** BENCH_CALL_TRACE=1 with a PLASMO_PUBLIC_CALL_TRACE=1 build: each call's steps printed (which calls are slow, and where). */
  callTrace?: boolean
}

type Bare = { bare: { call(n: string): Promise<void>; hangup(): Promise<void> } }

/** When the dock last showed our call ended (Date.now() in the dock). */
let lastOursEnded = NaN

/** Ours: click → the dock says ringing-out; where it went from the stamps of the view the dock showed. */
async function ringOurs(s: RingingSides, i: number): Promise<{ took: number; split: [number, number, number]; steps: string | null }> {
  const { page, dock, site } = s
  site.route(`/ring-${i}`, `<!doctype html><meta charset="utf-8"><p>Rappeler le standard au ${WRITTEN}</p>`)
  await page.goto(`${site.origin}/ring-${i}`, { timeout: 20_000 })
  await page.locator(`[data-comptoir-phone="${RINGING_NUMBER}"]`).first().click({ timeout: 20_000 })
  const button = page.locator(`#comptoir-overlay [data-comptoir="call"][data-number="${RINGING_NUMBER}"]`).first()
  await button.waitFor({ timeout: 20_000 })
  const ringing = whenShown(dock, '[data-comptoir="softphone"][data-state="ringing-out"]')
  await page.evaluate(() =>
    addEventListener("click", () => void ((window as unknown as { clickedAt: number }).clickedAt = Date.now()), { capture: true, once: true })
  )
  if (HOVER_MS > 0) {
    await button.hover({ timeout: 20_000 })
    await new Promise((r) => setTimeout(r, HOVER_MS))
  }
  await button.click({ timeout: 20_000 })
  const t0 = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt)
  const shownAt = await within(`ringing call ${i}: the dock's ringing-out`, 20_000, ringing)
  const v = await dock.evaluate(async () => {
    const view = (await chrome.storage.session.get("softphone.view"))["softphone.view"] as { updatedAt: number; state: { call: { startedAt: number; phase: string } | null } }
    return { startedAt: view.state.call?.startedAt ?? NaN, updatedAt: view.updatedAt, phase: view.state.call?.phase ?? "" }
  })
  await within(`ringing call ${i}: answered`, 20_000, whenShown(dock, '[data-comptoir="softphone"][data-state="in-call"]'))
  const steps = s.callTrace ? await tracedSteps(dock, t0, v.phase === "ringing-out" ? v.updatedAt : NaN, shownAt) : null
  const ended = whenShown(dock, '[data-comptoir="softphone"][data-state="ended"]')
  await dock.evaluate(() => document.querySelector<HTMLButtonElement>('[data-comptoir="hangup"]')!.click())
  const endedAt = await within(`ringing call ${i}: hung up`, 10_000, ended)
  const sinceLast = t0 - lastOursEnded
  lastOursEnded = endedAt
  // The view read after the ringing-out one may already be the answer's: its stamps then say nothing of the ringing.
  const published = v.phase === "ringing-out" ? v.updatedAt : NaN
  return { took: shownAt - t0, split: [v.startedAt - t0, published - v.startedAt, shownAt - published], steps: steps && `${steps} | since our last call's end ${sinceLast} ms` }
}

/**
 * The offscreen document's stamps of this call (sent to the dock 250 ms after the answer), as one line of ms since
 * the click: the command received, the INVITE sent, the 180 received, the view published, the dock showing it; and
 * the offscreen main thread's longest wait (its lag probe) between the command and the 180.
 */
async function tracedSteps(dock: Page, t0: number, published: number, shownAt: number): Promise<string> {
  const call = await dock.evaluate(async () => {
    const trace = (globalThis as unknown as { __dockTrace: { calls: { steps: { step: string; at: number }[]; lag: [number, number][] }[] } }).__dockTrace
    for (let k = 0; k < 100 && trace.calls.length === 0; k++) await new Promise((r) => setTimeout(r, 20))
    return trace.calls.shift() ?? null
  })
  if (!call) return "no trace"
  // A build that also stamps the worker's path (a local patch, described in bench/README.md, 7 Dec, tail9) leaves them here.
  const sw = ((await dock.evaluate(async () => (await chrome.storage.session.get("bench.swTrace"))["bench.swTrace"])) ?? []) as [string, number][]
  const swLine = sw.length ? ` | worker: ${sw.map(([w, a]) => `${w} ${(a - t0).toFixed(0)}`).join(", ")}` : ""
  const at = (name: string) => call.steps.find((x) => x.step === name)?.at ?? NaN
  const [start, invite, ringing] = [call.steps[0]?.at ?? NaN, at("sent INVITE"), at("received 180")]
  const lag = Math.max(0, ...call.lag.filter(([a]) => a >= start && a <= ringing).map(([, d]) => d))
  const r = (x: number) => (x - t0).toFixed(1)
  const late = call.lag.filter(([a, d]) => a >= start && a <= ringing && d > 3).map(([a, d]) => `${r(a)}+${d.toFixed(0)}`)
  const between = `gUM ${r(at("getUserMedia called"))}→${r(at("getUserMedia resolved"))} ICE ${r(at("ICE wait begins"))}→${r(at("ICE wait over"))}`
  return `cmd ${r(start)} INVITE ${r(invite)} 180 ${r(ringing)} published ${r(published)} shown ${r(shownAt)} | ${between} | offscreen lag max ${lag.toFixed(1)} (late: ${late.join(" ") || "none"})${swLine}`
}

async function ringBare(s: RingingSides, i: number): Promise<number> {
  const { bare } = s
  const heard = whenShown(bare, '#state[data-progress="180"]')
  const b0 = await bare.evaluate((n) => {
    const t = Date.now()
    void (window as unknown as Bare).bare.call(n)
    return t
  }, RINGING_NUMBER)
  const took = (await within(`ringing call ${i}: the bare page's 180`, 20_000, heard)) - b0
  await within(`ringing call ${i}: the bare page answered`, 20_000, whenShown(bare, '#state[data-state="in-call"]'))
  await within(`ringing call ${i}: the bare page's hang-up`, 10_000, bare.evaluate(() => (window as unknown as Bare).bare.hangup()))
  return took
}

/** The pairs, then the printed figures (returned for bench-results/softphone.json). */
export async function ringingPairs(s: RingingSides): Promise<Record<string, unknown>> {
  const ours: number[] = []
  const bare: number[] = []
  const splits: [number, number, number][] = []
  for (let i = 0; i <= s.warm; i++) {
    const steps: (() => Promise<void>)[] = [
      async () => void bare.push(await ringBare(s, i)),
      async () => {
        const r = await ringOurs(s, i)
        ours.push(r.took)
        splits.push(r.split)
        if (r.steps) console.log(`ringing call ${i}: ours ${r.took} ms: ${r.steps}`)
      }
    ]
    if (i % 2 === 1) steps.reverse()
    for (const step of steps) {
      await step()
      await s.quiet()
    }
    if (s.trace) console.log(`ringing pair ${i}: ours ${ours.at(-1)} ms, bare ${bare.at(-1)} ms`)
    else process.stdout.write("r")
  }
  const f = pairedFigures(ours.slice(1), bare.slice(1))
  const x = (r: number) => `${r.toFixed(2)}×`
  const iv = ([lo, hi]: [number, number], g: (v: number) => string) => `(95% interval ${g(lo)}–${g(hi)})`
  const ms = (v: number) => (v > 0 ? `+${v}` : String(v))
  console.log(`\nclick on a number → "ringing" (the lab's ${RINGING_NUMBER}: 180 Ringing at once, answered 600 ms later; ${HOVER_MS > 0 ? `pointer on the button ${HOVER_MS} ms before the click` : "no hover: the pointer moved on and pressed at once"})`)
  console.log(`  first pair, cold: ours ${ours[0]} ms, bare ${bare[0]} ms | ratio ${x(ours[0]! / bare[0]!)}`)
  console.log(`  ${f.pairs} warm pairs:     ours p50 ${f.ours.p50} / p95 ${f.ours.p95} ms | bare p50 ${f.bare.p50} / p95 ${f.bare.p95} ms | ratio p50 ${x(f.ratioP50)} ${iv(f.ratioP50Interval95, x)}, p95 ${x(f.ratioP95)} ${iv(f.ratioP95Interval95, x)} (target ≤ 1.2×)`)
  console.log(`  ours − bare, pair by pair: p50 ${ms(f.diffP50)} ms ${iv(f.diffP50Interval95, ms)}, p95 ${ms(f.diffP95)} ms ${iv(f.diffP95Interval95, ms)}`)
  const warm = splits.slice(1)
  const names = ["click → the call started in the offscreen document (its startedAt)", "→ \"ringing-out\" published by the service worker (the view's updatedAt)", "→ the dock shows ringing-out"]
  const part = (k: number) => warm.map((w) => w[k]!).filter((v) => !Number.isNaN(v))
  console.log(`  ours, where the time went (p50 / p95): ${names.map((n, k) => `${n} ${pct(part(k), 50)} / ${pct(part(k), 95)} ms`).join("; ")}`)
  return {
    hoverMs: HOVER_MS,
    cold: { ours: ours[0], bare: bare[0] },
    warm: { ...f, ours: { ...f.ours, samples: ours.slice(1) }, bare: { ...f.bare, samples: bare.slice(1) } },
    splits: names.map((n, k) => ({ step: n, p50: pct(part(k), 50), p95: pct(part(k), 95), samples: part(k) }))
  }
}
