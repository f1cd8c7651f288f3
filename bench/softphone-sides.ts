/**
 * The softphone bench's two sides (bench/softphone.bench.ts): the built extension in a browser of its own with its
 * dock registered to the lab, and the bare sip.js page (bench/bare-sipjs-page.ts) in another without any extension.
 */
import type { BrowserContext, Page } from "@playwright/test"
import { build } from "esbuild"

import type { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { launchWithExtension, launchWithoutExtension, MEDIA_ARGS, serviceWorkerOf, type Site } from "../tests/e2e/launch"

import { DOCK_TRACER, within } from "./softphone-probes"

export type Customer = ReturnType<typeof generateCustomers>[number]

/** The bench's switches that change how a side is set up. */
export interface SideOptions {
  /** A Chrome trace will be taken (BENCH_CHROME_TRACE): the pages mark their steps for it. */
  chromeTrace: boolean
  /** The bare page's ICE: sip.js's stock wait (BENCH_BARE_ICE=stock), a connection gathered in advance (BENCH_BARE_WARM=1), its call stamped (BENCH_CALL_TRACE=1). */
  bareStockIce: boolean
  bareWarm: boolean
  callTrace: boolean
}

/** Our side: the built extension in a browser of its own, the dock (popup page) registered to the lab. */
export async function startOurs(dir: string, site: Site, customers: Customer[], options: SideOptions): Promise<{ context: BrowserContext; dock: Page; page: Page }> {
  const context = await launchWithExtension(dir, MEDIA_ARGS)
  await context.addInitScript("globalThis.__name = (f) => f")
  if (options.chromeTrace) await context.addInitScript("globalThis.__chromeTrace = true")
  await context.addInitScript(DOCK_TRACER)
  const extensionId = new URL((await serviceWorkerOf(context)).url()).host
  // A small base: the measure is the call path, not the lookup at scale (bench/extension.bench.ts has that).
  const settings = await context.newPage()
  await settings.goto(`chrome-extension://${extensionId}/options.html`)
  await settings.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "c.csv", mimeType: "text/csv", buffer: Buffer.from(demoCustomersCsv(customers), "utf8") })
  await settings.locator('[data-comptoir="import-confirm"]').click()
  await settings.locator('[data-comptoir="import-result"]').waitFor({ timeout: 60_000 })
  await settings.locator('select[name="softphone.provider"]').selectOption("sip")
  await settings.locator('input[name="sip.websocketUrl"]').fill("ws://127.0.0.1:8088")
  await settings.locator('input[name="sip.uri"]').fill("sip:agent1@127.0.0.1")
  await settings.locator('[data-comptoir="sip-save"]').click()
  const dock = await context.newPage()
  await dock.goto(`chrome-extension://${extensionId}/popup.html`)
  await dock.locator('[data-comptoir="softphone"][data-state="registered"]').waitFor({ timeout: 20_000 })
  return { context, dock, page: await context.newPage() }
}

/** The baseline: sip.js alone in a page, in a browser of its own without the extension. */
export async function startBare(dir: string, site: Site, options: SideOptions): Promise<{ context: BrowserContext; bare: Page }> {
  const bareJs = (
    await build({ entryPoints: ["bench/bare-sipjs-page.ts"], bundle: true, write: false, format: "iife", minify: true, define: { BARE_STOCK_ICE: String(options.bareStockIce), BARE_WARM: String(options.bareWarm), BARE_TRACE: String(options.callTrace) } })
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

/** What the agent would see when a click on the card's call button started nothing. */
export async function whyNoCall(page: Page, dock: Page): Promise<string> {
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