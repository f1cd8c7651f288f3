/**
 * Time from a view change (a message switch in a 3-pane webmail whose preview iframe is replaced, a pushState route
 * change in a single-page CRM) to the panel showing ONLY the new view's cards, beside a named baseline: a full
 * page load to the same state. Target (issue #7): p95 ≤ 150 ms.
 *   npx tsx --tsconfig tsconfig.json bench/view-switch.bench.ts   (after `npm run build`)
 * Env: BENCH_VIEW_RUNS (default 30 switches per scenario).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { Page } from "@playwright/test"

import { e2eCustomers, ensureImported } from "../tests/e2e/dataset"
import { launchWithExtension, serviceWorkerOf, startSite } from "../tests/e2e/launch"
import { viewScenarios } from "../tests/e2e/view-scenarios"

const RUNS = Number(process.env.BENCH_VIEW_RUNS ?? 30)

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/** In the page: act, then resolve with the ms until the panel's "on this page" cards are exactly `expected`. */
async function timeTo(page: Page, action: { click?: string; sinceNavigation?: boolean }, expected: string[]): Promise<number> {
  return page.evaluate(
    ({ click, sinceNavigation, expected }) =>
      new Promise<number>((resolve, reject) => {
        const exact = () => {
          const root = document.querySelector("#comptoir-overlay")?.shadowRoot
          if (!root) return false
          const codes = [...root.querySelectorAll('[data-comptoir="customer-card"]')]
            .filter((e) => !e.closest('[data-comptoir="recent"]'))
            .map((e) => e.getAttribute("data-customer-code"))
          return codes.length === expected.length && expected.every((c) => codes.includes(c))
        }
        const t0 = sinceNavigation ? 0 : performance.now()
        if (click) (document.querySelector(click) as HTMLElement).click()
        const timeout = setTimeout(() => reject(new Error(`not reached: ${expected.join(",")}`)), 10_000)
        // Every 2 ms rather than once a frame: a frame is 16 ms, too coarse for a 150 ms target.
        const poll = () => {
          if (exact()) {
            clearTimeout(timeout)
            resolve(performance.now() - t0)
          } else setTimeout(poll, 2)
        }
        poll()
      }),
    { click: action.click ?? null, sinceNavigation: action.sinceNavigation ?? false, expected }
  )
}

async function main() {
  const customers = e2eCustomers()
  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-view-"))
  const context = await launchWithExtension(dir)
  await context.addInitScript("globalThis.__name = (f) => f")
  const { site, server } = await startSite()
  const out: string[] = []
  const line = (s: string) => {
    out.push(s)
    console.log(s)
  }
  const results: Record<string, unknown> = {}
  try {
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    const page = await context.newPage()
    await ensureImported(page, extensionId, customers)
    const s = viewScenarios(customers, site)

    // ---- message switch in the 3-pane webmail ----
    await page.goto(`${site.origin}/webmail/`)
    const mailSwitch: number[] = []
    const [m1, m2] = [s.mails[0]!, s.mails[1]!]
    await timeTo(page, { click: `#rcmrow1 .subject a` }, m1.expected)
    for (let i = 0; i < RUNS; i++) {
      const m = i % 2 === 0 ? m2 : m1
      mailSwitch.push(await timeTo(page, { click: `#rcmrow${m.uid} .subject a` }, m.expected))
    }
    // Baseline: the same message opened as a page of its own (a full load, scan and lookup).
    const mailLoad: number[] = []
    for (let i = 0; i < Math.min(RUNS, 15); i++) {
      const m = i % 2 === 0 ? m2 : m1
      await page.goto(`${site.origin}/webmail/preview/${m.uid}`)
      mailLoad.push(await timeTo(page, { sinceNavigation: true }, m.expected))
    }

    // ---- route change in the single-page CRM ----
    const [vA, vContact, vB] = [s.views[0]!, s.views[1]!, s.views[2]!]
    await page.goto(`${site.origin}${vA.path}`)
    await timeTo(page, {}, vA.expected)
    const routeChange: number[] = []
    // Every change rebuilds the view (customer ↔ contact component). Two customers swapped in place, again and
    // again, hit the scanner's guard against pages that undo its decoration (the same text under the same parent
    // is wrapped 3 times at most): see the README's "not done".
    const cycle = [vContact, vB, vContact, vA]
    for (let i = 0; i < RUNS; i++) {
      const v = cycle[i % cycle.length]!
      routeChange.push(await timeTo(page, { click: `#nav a[href="${v.path}"]` }, v.expected))
    }
    const routeLoad: number[] = []
    for (let i = 0; i < Math.min(RUNS, 15); i++) {
      const v = cycle[i % cycle.length]!
      await page.goto(`${site.origin}${v.path}`)
      routeLoad.push(await timeTo(page, { sinceNavigation: true }, v.expected))
    }

    const row = (label: string, xs: number[], base: number[], baseLabel: string) => {
      const [p50, p95, b50, b95] = [pct(xs, 50), pct(xs, 95), pct(base, 50), pct(base, 95)]
      results[label] = { runs: xs.length, p50, p95, baseline: baseLabel, baselineP50: b50, baselineP95: b95, ratioP95: p95 / b95 }
      line(
        `| ${label} | ${p50.toFixed(0)} ms | ${p95.toFixed(0)} ms | ${baseLabel}: ${b50.toFixed(0)} / ${b95.toFixed(0)} ms | ${(p95 / b95).toFixed(2)} | ${p95 <= 150 ? "≤ 150 ms ✓" : "> 150 ms ✗"} |`
      )
    }
    line(`View change → panel shows only the new view's cards (${RUNS} switches each; target p95 ≤ 150 ms)`)
    line("| scenario | p50 | p95 | baseline p50 / p95 | p95 ratio | target |")
    line("|---|---|---|---|---|---|")
    row("webmail message switch (preview iframe replaced)", mailSwitch, mailLoad, "the message loaded as a page")
    row("CRM pushState route change", routeChange, routeLoad, "full reload of the same route")
  } finally {
    await context.close()
    server.closeAllConnections()
    server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  mkdirSync("bench-results", { recursive: true })
  writeFileSync("bench-results/view-switch.json", JSON.stringify(results, null, 2))
  writeFileSync("bench-results/view-switch.md", out.join("\n") + "\n")
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
