/**
 * `BENCH_PARTS=side-panel` (issue #10): a card's New quote in the side panel → the filled quote form on screen, against
 * a new workspace tab in the same browser and run, click after click.
 * - side panel: the side panel's page (opened as a tab at 400 px: headless Chromium shows no side panel, as in
 *   tests/e2e/side-panel.spec.ts) following a web page with two customers' cards; the click on one card's New quote,
 *   then Back, then the other's. Wherever the build draws the form: in the side panel itself, or (main before
 *   `inplace10`) in a workspace tab it opens, none being open (closed after each click).
 * - new tab (baseline): the same card's New quote on the web page in a window too narrow for the form over the page
 *   (700 px): the workspace tab opens, none open; also its DOMContentLoaded.
 * From the click's event time (in the page clicked) to the filled form's first render (`comptoir:quote-form-ready`).
 */
import { loadavg } from "node:os"
import { rmSync } from "node:fs"

import type { Page } from "@playwright/test"

import { quoteFormReadyIn, type Stats } from "./quote-stats"

export async function sidePanelPart(runs: number, stats: (v: number[]) => Stats) {
  const { BUILD_DIR } = await import("../tests/e2e/launch")
  const { startTwoCardPage, buttonOf } = await import("./quote-overlay-kit")
  const { first, second, dir, context, site, server, extensionId } = await startTwoCardPage("comptoir-bench-side-quote-")
  const load0 = loadavg()[0]!
  try {
    const web = await context.newPage()
    await web.setViewportSize({ width: 700, height: 800 })
    await web.goto(`${site.origin}/contact`)
    await buttonOf(web, first).waitFor({ timeout: 15_000 })
    const side = await context.newPage()
    await side.setViewportSize({ width: 400, height: 900 })
    await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
    const sideButton = (c: typeof first) => side.locator(`[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"][data-customer-code="${c.code}"] [data-comptoir="quote-new"]`)
    /** The click's event time as `page` received it, read after the click. */
    const clickTime = async (page: Page, root: "document" | "panel") => {
      await page.evaluate((where) => {
        const w = window as unknown as { __clickAt?: number }
        delete w.__clickAt
        const target = where === "panel" ? document.querySelector("#comptoir-overlay")!.shadowRoot! : document
        target.addEventListener("click", (e) => (w.__clickAt = performance.timeOrigin + e.timeStamp), { capture: true, once: true })
      }, root)
      return async () => {
        const at = await page.evaluate(() => (window as unknown as { __clickAt?: number }).__clickAt)
        if (at === undefined) throw new Error("the click did not reach the page")
        return at
      }
    }
    const readyIn = quoteFormReadyIn
    const inSide: number[] = []
    const newTab: number[] = []
    const newTabDcl: number[] = []
    let tabsOpened = 0
    for (let i = 0; i < runs + 2; i++) {
      const c = i % 2 ? second : first
      // The side panel's click, its card shown a while (the agent reads it; its lookups are prepared meanwhile).
      await side.bringToFront()
      await sideButton(c).waitFor({ timeout: 15_000 })
      await side.waitForTimeout(1000)
      await side.evaluate(() => performance.clearMarks("comptoir:quote-form-ready"))
      let clicked = await clickTime(side, "document")
      const opened = context.waitForEvent("page", { timeout: 3000 }).catch(() => null)
      await sideButton(c).click()
      const ready = side
        .waitForFunction((code) => performance.getEntriesByName("comptoir:quote-form-ready").length > 0 && (document.querySelector('[data-comptoir="quote-form"]')?.textContent ?? "").includes(` · ${code}`), c.code, { timeout: 15_000 })
        .then(() => side)
      const where = await Promise.race([ready, opened.then((p) => p ?? ready)])
      if (where !== side) {
        tabsOpened++
        await where.waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0, null, { timeout: 15_000 })
      }
      const r = await readyIn(where)
      if (!r.text.includes(` · ${c.code}`)) throw new Error(`the form shows ${r.text.slice(0, 80)}, not ${c.code}'s new quote`)
      const t0 = await clicked()
      if (i >= 2) inSide.push(r.ready - t0)
      if (where === side) await side.locator('[data-comptoir="side-panel-quote-back"]').click()
      else await where.close()

      // The baseline: a new workspace tab, the same card's New quote on the narrow web page.
      await web.bringToFront()
      await buttonOf(web, c).waitFor({ timeout: 15_000 })
      clicked = await clickTime(web, "panel")
      const tabOpened = context.waitForEvent("page", { timeout: 15_000 })
      await buttonOf(web, c).click()
      const tab = await tabOpened
      await tab.waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0, null, { timeout: 15_000 })
      const n = await readyIn(tab)
      const t1 = await clicked()
      if (i >= 2) {
        newTab.push(n.ready - t1)
        newTabDcl.push(n.dcl - t1)
      }
      await tab.close()
    }
    const load1 = loadavg()[0]!
    const s = { sidePanel: stats(inSide), newTab: stats(newTab), newTabDcl: stats(newTabDcl) }
    const ratio = (x: Stats, base: Stats) => `p50 ${(x.p50 / base.p50).toFixed(2)}×, p95 ${(x.p95 / base.p95).toFixed(2)}×`
    console.log(`side panel (${BUILD_DIR}; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; ${tabsOpened} of ${runs + 2} side panel clicks opened a tab):`)
    console.log(`${"click → form, side panel's New quote".padEnd(48)} p50 ${s.sidePanel.p50} ms, p95 ${s.sidePanel.p95} ms (max ${s.sidePanel.max}, n ${s.sidePanel.n}) | ratio to the new tab ${ratio(s.sidePanel, s.newTab)} | target p95 ≤ 100 ms ${s.sidePanel.p95 <= 100 ? "✓" : "✗"}`)
    console.log(`${"click → form in a new workspace tab (baseline)".padEnd(48)} p50 ${s.newTab.p50} ms, p95 ${s.newTab.p95} ms (max ${s.newTab.max}, n ${s.newTab.n}); its DOMContentLoaded p50 ${s.newTabDcl.p50}, p95 ${s.newTabDcl.p95} ms`)
    return { ...s, tabsOpened, load: [load0, load1], build: BUILD_DIR }
  } finally {
    await context.close()
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
    rmSync(dir, { recursive: true, force: true })
  }
}
