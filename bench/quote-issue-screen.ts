import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"

import { generateCustomers } from "../src/domain/demo/demo-data"

/**
 * The real extension signed in to a demo server (PGlite, one agent): a click on the quote form's Issue → the
 * server's number on screen (the number element's `data-numbered` turning true), from the click's event time.
 * The path: the issue message, the push, its answer written into the base, the form told. `COMPTOIR_BUILD` picks
 * the build (A/B against another one); the server is this checkout's.
 */
export async function issueScreenPart(runs: number, stats: (v: number[]) => { p50: number; p95: number; max: number }) {
  const { launchWithExtension, serviceWorkerOf } = await import("../tests/e2e/launch")
  const { signIn, startDemoServer } = await import("../tests/e2e/demo-server")
  const server = await startDemoServer()
  const dir = mkdtempSync(join(tmpdir(), "comptoir-bench-issue-screen-"))
  const context = await launchWithExtension(dir)
  try {
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    const options = await context.newPage()
    await signIn(options, extensionId, server.url, "agent1@demo.comptoir.test")
    await options.close()
    const customers = generateCustomers({ count: 2000 })
    const tab = await context.newPage()
    const shown: number[] = []
    for (let i = 0; i < runs + 2; i++) {
      await tab.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/quotes/new?customer=${customers[100 + i]!.id}`)
      const form = tab.locator('[data-comptoir="quote-form"]')
      await form.waitFor({ timeout: 15_000 })
      const add = form.locator('[data-comptoir="quote-line-add"]')
      await add.fill("REF-1003")
      await form.locator('[data-comptoir="quote-product-option"][data-ref="REF-1003"]').first().waitFor({ timeout: 15_000 })
      await add.press("Enter")
      await form.locator('[data-comptoir="quote-line"]').first().waitFor({ timeout: 15_000 })
      // The click's event time, and the moment the number element says "numbered" (a mutation observer).
      const timed = tab.evaluate(
        () =>
          new Promise<{ clicked: number; numbered: number }>((resolve, reject) => {
            let clicked = NaN
            document.querySelector('[data-comptoir="quote-issue"]')!.addEventListener("click", (e) => (clicked = e.timeStamp), { capture: true, once: true })
            const watch = new MutationObserver(() => {
              if (document.querySelector('[data-comptoir="document-number"][data-numbered="true"]')) {
                watch.disconnect()
                resolve({ clicked, numbered: performance.now() })
              }
            })
            watch.observe(document.body, { subtree: true, attributes: true, childList: true })
            setTimeout(() => reject(new Error("no number within 15 s")), 15_000)
          })
      )
      await form.locator('[data-comptoir="quote-issue"]').click()
      const t = await timed
      if (i >= 2) shown.push(t.numbered - t.clicked)
    }
    const s = stats(shown)
    console.log(`click on Issue → number on screen (real extension, one agent, PGlite demo server, ${shown.length} quotes) p50 ${s.p50} ms, p95 ${s.p95} ms (max ${s.max}) | build ${process.env.COMPTOIR_BUILD ?? "build/chrome-mv3-prod"}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`)
    return s
  } finally {
    await context.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
