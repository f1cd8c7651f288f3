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
}

type Bare = { bare: { call(n: string): Promise<void>; hangup(): Promise<void> } }

/** Ours: click → the dock says ringing-out; where it went from the stamps of the view the dock showed. */
async function ringOurs(s: RingingSides, i: number): Promise<{ took: number; split: [number, number, number] }> {
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
  const ended = whenShown(dock, '[data-comptoir="softphone"][data-state="ended"]')
  await dock.evaluate(() => document.querySelector<HTMLButtonElement>('[data-comptoir="hangup"]')!.click())
  await within(`ringing call ${i}: hung up`, 10_000, ended)
  // The view read after the ringing-out one may already be the answer's: its stamps then say nothing of the ringing.
  const published = v.phase === "ringing-out" ? v.updatedAt : NaN
  return { took: shownAt - t0, split: [v.startedAt - t0, published - v.startedAt, shownAt - published] }
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
