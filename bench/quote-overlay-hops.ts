/**
 * Diagnostic, not part of `npm run bench` (issue #10, branch qhop): where the first opening of the quote overlay on a
 * page spends its time against the next one, hop by hop, p50 of ROUNDS pages (default 10):
 * click (its event time) → the click dispatched in the page → the dialog shown (`comptoir:quote-overlay-shown`) →
 * `quote-frame/open` in the service worker → its `tabs.sendMessage` of the route (the lookups between) → the route
 * in the frame (`comptoir:quote-frame-routed`) → the filled form (`comptoir:quote-form-ready`); also when the
 * preloaded frame started and warmed up, and its size then. GC=1 forces a GC in the frame before the first click.
 *   COMPTOIR_BUILD=build/chrome-mv3-prod ROUNDS=16 npx tsx --tsconfig tsconfig.json bench/quote-overlay-hops.ts
 * The service worker is instrumented from outside (a listener and a wrapped tabs.sendMessage): any build works.
 */
import { rmSync } from "node:fs"
import { loadavg } from "node:os"

import type { Frame, Page } from "@playwright/test"

import { BUILD_DIR } from "../tests/e2e/launch"

import { buttonOf, quoteFrame, startTwoCardPage } from "./quote-overlay-kit"

const ROUNDS = Number(process.env.ROUNDS ?? 10)

async function main() {
  const { first, second, dir, context, site, server, sw } = await startTwoCardPage("qhop-")
  await sw.evaluate("globalThis.__name = (f) => f")
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __hops: Record<string, number>[] }
    g.__hops = []
    const now = () => performance.timeOrigin + performance.now()
    chrome.runtime.onMessage.addListener((m: { type?: string; payload?: { path?: string } }) => {
      if (m?.type === "quote-frame/open" && m.payload?.path) g.__hops.push({ swIn: now() })
      return false
    })
    const orig = chrome.tabs.sendMessage.bind(chrome.tabs)
    ;(chrome.tabs as unknown as { sendMessage: unknown }).sendMessage = (...a: unknown[]) => {
      const m = a[1] as { type?: string }
      const rec = g.__hops.at(-1)
      if (m?.type === "quote-frame/route" && rec) rec.swOut = now()
      const p = (orig as (...x: unknown[]) => Promise<unknown>)(...a)
      if (m?.type === "quote-frame/route" && rec) void p.then(() => (rec.swReply = now()), () => undefined)
      return p
    }
  })
  const rows: Record<string, number>[] = []
  const heaps: number[][] = []
  const clickAt = async (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __clickAt?: number }
      delete w.__clickAt
      document.querySelector("#comptoir-overlay")!.shadowRoot!.addEventListener("click", (e) => ((w.__clickAt = performance.timeOrigin + e.timeStamp), ((w as unknown as { __dispAt: number }).__dispAt = performance.timeOrigin + performance.now())), { capture: true, once: true })
    })
  const measure = async (page: Page, c: typeof first, kind: string) => {
    await clickAt(page)
    await buttonOf(page, c).click()
    while (!quoteFrame(page)) await page.waitForTimeout(5)
    const f = quoteFrame(page) as Frame
    await f.waitForFunction((code) => performance.getEntriesByName("comptoir:quote-form-ready").length > 0 && (document.querySelector('[data-comptoir="quote-form"]')?.textContent ?? "").includes(` · ${code}`), c!.code, { timeout: 15000 })
    await f.evaluate("globalThis.__name = (f) => f")
    const fr = await f.evaluate(() => {
      const at = (n: string) => performance.timeOrigin + (performance.getEntriesByName(n).at(-1)?.startTime ?? NaN)
      return { warmed: at("comptoir:quote-frame-warmed"), nav: performance.timeOrigin, routed: at("comptoir:quote-frame-routed"), ready: at("comptoir:quote-form-ready"), fhop: at("qhop:frame-in") }
    })
    const pg = await page.evaluate(() => ({ click: (window as unknown as { __clickAt: number }).__clickAt, disp: (window as unknown as { __dispAt: number }).__dispAt, shown: performance.timeOrigin + (performance.getEntriesByName("comptoir:quote-overlay-shown").at(-1)?.startTime ?? NaN), ask: performance.timeOrigin + (performance.getEntriesByName("qhop:ask").at(-1)?.startTime ?? NaN) }))
    const sh = (await sw.evaluate(() => (globalThis as unknown as { __hops: Record<string, number>[] }).__hops.at(-1)))!
    const t0 = pg.click
    const r = { kind: kind === "first" ? 0 : 1, frameStart: fr.nav - t0, warmed: fr.warmed - t0, disp: pg.disp - t0, shown: pg.shown - t0, swIn: sh.swIn! - t0, swOut: sh.swOut! - t0, routed: fr.routed - t0, swReply: sh.swReply! - t0, ready: fr.ready - t0 }
    rows.push(r)
    await f.evaluate(() => performance.clearMarks("comptoir:quote-form-ready"))
    return f
  }
  for (let i = 0; i < ROUNDS + 1; i++) {
    const [a, b] = i % 2 ? [second, first] : [first, second]
    const page = await context.newPage()
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${site.origin}/contact`)
    await buttonOf(page, a).waitFor({ timeout: 15000 })
    await buttonOf(page, b).waitFor({ timeout: 15000 })
    await page.waitForTimeout(1000)
    const pre = quoteFrame(page)
    if (pre && i < 3) console.log("preloaded frame:", JSON.stringify(await pre.evaluate(() => ({ w: innerWidth, h: innerHeight, warmed: performance.getEntriesByName("comptoir:quote-frame-warmed").map((e) => (e as PerformanceMark).detail) }))))
    if (pre) {
      const cdp = await context.newCDPSession(pre)
      const h0 = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1048576
      if (process.env.GC) await cdp.send("HeapProfiler.collectGarbage")
      const h1 = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1048576
      heaps.push([h0, h1])
      await cdp.detach()
      await page.waitForTimeout(100)
    }
    const f = await measure(page, a, "first")
    await f.locator("body").press("Escape")
    await page.waitForTimeout(200)
    await measure(page, b, "next")
    await page.close()
    if (i === 0) rows.length = 0
  }
  const p50 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!.toFixed(1)
  for (const kind of [0, 1]) {
    const rs = rows.filter((r) => r.kind === kind)
    const keys = ["frameStart", "warmed", "disp", "shown", "swIn", "swOut", "routed", "swReply", "ready"]
    console.log(`${kind ? "next " : "first"} p50: ${keys.map((k) => `${k} ${p50(rs.map((r) => r[k]!))}`).join(", ")}`)
  }
  if (process.env.VERBOSE) for (const r of rows) console.log(JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10]))))
  console.log(`frame heap before click p50 ${p50(heaps.map((h) => h[0]!))} MB, after forced GC ${p50(heaps.map((h) => h[1]!))} MB`)
  console.log(`build ${BUILD_DIR}, load ${loadavg()[0]!.toFixed(1)}`)
  await context.close()
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
}
void main()
