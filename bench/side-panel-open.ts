/**
 * `BENCH_PARTS=side-panel-open` (issue #10): the side panel's own opening time, navigation start → its first card on
 * screen, for two builds alternated open by open in the same minutes. The side panel is the agent's second screen,
 * opened often: `inplace10` put the quote editor (and pdfmake) in its bundle, 1.47 → 2.78 MB, and its opening must
 * not get slower for it.
 * - the build measured: `COMPTOIR_BUILD` (default build/chrome-mv3-prod); the baseline: `BENCH_BASE_BUILD` (e.g. a
 *   build of 8dc4622, before inplace10, made in a worktree of its own). Without it, the same build twice (a noise
 *   figure).
 * - each build in its own fresh browser with the e2e customers imported and a web tab showing a known customer's
 *   e-mail; each open is a new tab at a side panel's width (400 px; headless Chromium shows no side panel, as in
 *   tests/e2e/side-panel.spec.ts) on `sidepanel.html`, which follows that web tab, closed after.
 * - timed in the side panel's page: from its navigation start to the first animation frame (polled every frame) at
 *   which the followed tab's first card (or that section's empty state) is in the document; also DOMContentLoaded
 *   and the size of the build's sidepanel.*.js.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"

import type { BrowserContext, Page } from "@playwright/test"

import type { Stats } from "./quote-stats"

/** The section's first card, or the section's own answer when it has none (so a build that shows none is timed too). */
const FIRST_CARD = '[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"], [data-comptoir="side-panel-empty"], [data-comptoir="side-panel-inactive"]'

/** The side panel's script (sidepanel.<hash>.js and the chunks Parcel split from it) in a build, in KiB. */
function sidePanelKib(dir: string): { entry: number; all: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"))
  const size = (f: string) => statSync(join(dir, f)).size / 1024
  const entry = files.filter((f) => f.startsWith("sidepanel.")).reduce((a, f) => a + size(f), 0)
  return { entry: Math.round(entry), all: Math.round(files.reduce((a, f) => a + size(f), 0)) }
}

interface Side {
  name: string
  dir: string
  context: BrowserContext
  extensionId: string
  profile: string
  times: number[]
  dcl: number[]
  empty: number
}

export async function sidePanelOpenPart(runs: number, stats: (v: number[]) => Stats) {
  const { BUILD_DIR, launchWithExtension, serviceWorkerOf, startSite } = await import("../tests/e2e/launch")
  const { e2eCustomers, ensureImported } = await import("../tests/e2e/dataset")
  const baseDir = resolve(process.env.BENCH_BASE_BUILD ?? BUILD_DIR)
  const customers = e2eCustomers()
  const known = customers.find((c) => c.contacts[0]?.emails[0])
  if (!known) throw new Error("the e2e customers hold none with an e-mail address")
  const mail = known.contacts[0]!.emails[0]!
  const { site, server } = await startSite()
  site.route("/contact", `<!doctype html><html><body><h1>${known.company}</h1><a href="mailto:${mail}">${mail}</a></body></html>`)
  const sides: Side[] = []
  const load0 = loadavg()[0]!
  try {
    for (const [name, dir] of [["new", BUILD_DIR], ["base", baseDir]] as const) {
      const profile = mkdtempSync(join(tmpdir(), `comptoir-bench-side-open-${name}-`))
      const context = await launchWithExtension(profile, [], dir)
      const side: Side = { name, dir, context, extensionId: "", profile, times: [], dcl: [], empty: 0 }
      sides.push(side)
      const sw = await serviceWorkerOf(context)
      const extensionId = (side.extensionId = new URL(sw.url()).host)
      const options = await context.newPage()
      await ensureImported(options, extensionId, customers)
      await options.close()
      const web = await context.newPage()
      await web.setViewportSize({ width: 1000, height: 800 })
      await web.goto(`${site.origin}/contact`)
      await web.locator(`[data-comptoir="customer-card"][data-customer-code="${known.code}"]`).first().waitFor({ timeout: 15_000 })
    }
    /** One open of `side`'s side panel: navigation start → first card on screen. */
    const open = async (side: Side) => {
      const page: Page = await side.context.newPage()
      await page.setViewportSize({ width: 400, height: 900 })
      await page.goto(`chrome-extension://${side.extensionId}/sidepanel.html`, { waitUntil: "commit" })
      const handle = await page.waitForFunction(
        (sel) => {
          const el = document.querySelector(sel)
          if (!el) return false
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined
          return { at: performance.now(), dcl: nav?.domContentLoadedEventEnd ?? NaN, card: el.getAttribute("data-comptoir") === "customer-card" }
        },
        FIRST_CARD,
        { polling: "raf", timeout: 15_000 }
      )
      const r = (await handle.jsonValue()) as { at: number; dcl: number; card: boolean }
      await page.close()
      return r
    }
    // Two warm-up opens each (the extension's first page in a fresh browser), then `runs`, the order swapped each round.
    for (let i = 0; i < runs + 2; i++) {
      for (const side of i % 2 ? [...sides].reverse() : sides) {
        const r = await open(side)
        if (i < 2) continue
        side.times.push(r.at)
        side.dcl.push(r.dcl)
        if (!r.card) side.empty++
      }
    }
    const load1 = loadavg()[0]!
    const [n, b] = sides.map((s) => ({ s, open: stats(s.times), dcl: stats(s.dcl), kib: sidePanelKib(s.dir) })) as [
      { s: Side; open: Stats; dcl: Stats; kib: { entry: number; all: number } },
      { s: Side; open: Stats; dcl: Stats; kib: { entry: number; all: number } }
    ]
    console.log(`side panel open, navigation start → first card on screen (${runs} opens each, alternated; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}):`)
    for (const x of [n, b]) {
      console.log(
        `  ${x.s.name.padEnd(4)} ${x.s.dir}: p50 ${x.open.p50} ms, p95 ${x.open.p95} ms (max ${x.open.max}, n ${x.open.n}${x.s.empty ? `, ${x.s.empty} without a card` : ""}) | DOMContentLoaded p50 ${x.dcl.p50}, p95 ${x.dcl.p95} ms | sidepanel.*.js ${x.kib.entry} KiB (all JS ${x.kib.all} KiB)`
      )
    }
    console.log(`  ratio new / base: p50 ${(n.open.p50 / b.open.p50).toFixed(2)}×, p95 ${(n.open.p95 / b.open.p95).toFixed(2)}× | DOMContentLoaded p50 ${(n.dcl.p50 / b.dcl.p50).toFixed(2)}×`)
    return { new: { build: n.s.dir, open: n.open, dcl: n.dcl, kib: n.kib }, base: { build: b.s.dir, open: b.open, dcl: b.dcl, kib: b.kib }, load: [load0, load1] }
  } finally {
    for (const s of sides) {
      await s.context.close()
      rmSync(s.profile, { recursive: true, force: true })
    }
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
  }
}
