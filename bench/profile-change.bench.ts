/**
 * What a change of the base profile (written by the background after an import or a sync) costs an open page: a
 * 5,000-element page (1,000 rows, 400 numbers and emails of the base's customers, 20 codes of a shape the profile
 * does not have yet) is scanned, then the profile gets that shape. Measured until the 20 codes are decorated and
 * the scanner is quiet: its slices (count, summed time), the initial passes it ran again, the lookups sent to the
 * background (requests, values asked), and whether the panel's list lost its cards on the way.
 *   npx tsx --tsconfig tsconfig.json bench/profile-change.bench.ts   (after `npm run build`; COMPTOIR_BUILD for another build)
 * Env: BENCH_PROFILE_RUNS (default 5).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { DemoCustomer } from "~src/domain/demo/demo-data"

import { e2eCustomers, ensureImported } from "../tests/e2e/dataset"
import { BUILD_DIR, launchWithExtension, serviceWorkerOf, startSite } from "../tests/e2e/launch"

const RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 5)
const NEW_CODES = 20

function page(customers: DemoCustomer[]): string {
  const french = customers.filter((c) => c.country === "FR")
  const rows: string[] = []
  for (let i = 0; i < 1000; i++) {
    const c = french[i % french.length]!
    const phone = i % 5 === 0 ? c.writtenPhones[0]![0]! : `${(i * 13.7).toFixed(2)} €`
    const email = i % 5 === 1 ? c.contacts[0]!.emails[0]! : i % 50 === 2 ? `ZQ-${String(1000 + i).slice(-4)}` : `FA2026${String(i).padStart(6, "0")}`
    rows.push(`<tr><td>${i}</td><td>${c.company.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td><td>${phone}</td><td>${email}</td></tr>`)
  }
  return `<!doctype html><meta charset="utf-8"><title>profile change</title><table><tbody>${rows.join("")}</tbody></table>`
}

async function main() {
  const customers = e2eCustomers()
  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-profile-change-"))
  const context = await launchWithExtension(dir)
  await context.addInitScript("globalThis.__name = (f) => f")
  const { site, server } = await startSite()
  try {
    const sw = await serviceWorkerOf(context)
    const extensionId = new URL(sw.url()).host
    const options = await context.newPage()
    await ensureImported(options, extensionId, customers)
    const profile = await options.evaluate(async () => (await chrome.storage.local.get("baseProfile")).baseProfile as { countries: string[]; codeShapes: string[] })
    console.log(`base profile: ${JSON.stringify(profile)}`)
    site.route("/profile-change", page(customers))
    // Counts what the pages ask the background (a listener beside the background's own: it answers nothing).
    await sw.evaluate(() => {
      const g = globalThis as unknown as { __asked: { requests: number; values: number } }
      g.__asked = { requests: 0, values: 0 }
      chrome.runtime.onMessage.addListener((m: { type?: string; payload?: { phones?: string[]; emails?: string[]; codes?: string[] } }) => {
        if (m?.type !== "lookup/match") return
        g.__asked.requests++
        g.__asked.values += (m.payload?.phones?.length ?? 0) + (m.payload?.emails?.length ?? 0) + (m.payload?.codes?.length ?? 0)
      })
    })
    const asked = () => sw.evaluate(() => ({ ...(globalThis as unknown as { __asked: { requests: number; values: number } }).__asked }))
    const rows: string[] = []
    for (let run = 0; run < RUNS; run++) {
      await options.evaluate(async (p) => chrome.storage.local.set({ baseProfile: p }), profile)
      const p = await context.newPage()
      await p.goto(`${site.origin}/profile-change`)
      await p.waitForFunction(() => performance.getEntriesByName("comptoir:scan-initial").length > 0 && document.querySelectorAll("[data-comptoir-phone],[data-comptoir-email]").length >= 400, undefined, { timeout: 30_000 })
      await p.waitForTimeout(1000)
      const cardsBefore = await p.evaluate(() => document.querySelector("#comptoir-overlay")?.shadowRoot?.querySelectorAll('[data-comptoir="customer-card"]').length ?? 0)
      // Watches the panel's list from now on: the fewest cards it showed while the change went through.
      await p.evaluate(() => {
        performance.clearMeasures("comptoir:scan-slice")
        const w = window as unknown as { __fewest: number }
        const count = () => document.querySelector("#comptoir-overlay")?.shadowRoot?.querySelectorAll('[data-comptoir="customer-card"]').length ?? 0
        w.__fewest = count()
        const tick = () => {
          w.__fewest = Math.min(w.__fewest, count())
          setTimeout(tick, 2)
        }
        tick()
      })
      const before = await asked()
      const initialBefore = await p.evaluate(() => performance.getEntriesByName("comptoir:scan-initial").length)
      const t0 = Date.now()
      await options.evaluate(async (q) => chrome.storage.local.set({ baseProfile: { ...q, codeShapes: [...q.codeShapes, "ZQ-\\d{4}"] } }), profile)
      await p.waitForFunction((n) => document.querySelectorAll('[data-comptoir-code^="ZQ-"]').length >= n, NEW_CODES, { timeout: 30_000, polling: 5 })
      const toCodes = Date.now() - t0
      // Quiet: no scan slice for 500 ms.
      await p.waitForFunction(
        () => {
          const s = performance.getEntriesByName("comptoir:scan-slice")
          const last = s.length ? s[s.length - 1]!.startTime + s[s.length - 1]!.duration : 0
          return performance.now() - last > 500
        },
        undefined,
        { timeout: 30_000, polling: 50 }
      )
      const after = await asked()
      const m = await p.evaluate(() => {
        const s = performance.getEntriesByName("comptoir:scan-slice").map((e) => e.duration)
        return {
          slices: s.length,
          sliceSum: s.reduce((a, v) => a + v, 0),
          maxSlice: Math.max(0, ...s),
          initial: performance.getEntriesByName("comptoir:scan-initial").length,
          fewest: (window as unknown as { __fewest: number }).__fewest,
          cards: document.querySelector("#comptoir-overlay")?.shadowRoot?.querySelectorAll('[data-comptoir="customer-card"]').length ?? 0
        }
      })
      rows.push(
        `| ${run + 1} | ${m.slices} | ${m.sliceSum.toFixed(0)} ms | ${m.maxSlice.toFixed(1)} ms | ${m.initial - initialBefore} | ${after.requests - before.requests} / ${after.values - before.values} | ${toCodes} ms | ${cardsBefore} → fewest ${m.fewest} → ${m.cards} |`
      )
      await p.close()
    }
    await options.evaluate(async (p) => chrome.storage.local.set({ baseProfile: p }), profile)
    console.log(`build: ${BUILD_DIR}`)
    console.log("| run | scan slices after the change | their time | longest | initial passes run again | lookups: requests / values | to the 20 new codes decorated | cards in the panel: before → fewest → after |")
    console.log("|---|---|---|---|---|---|---|---|")
    for (const r of rows) console.log(r)
  } finally {
    await context.close()
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
