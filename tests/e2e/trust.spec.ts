import type { Page } from "@playwright/test"

import { expect, test } from "./fixtures"

/**
 * Messages sent from inside a real content script (the extension's isolated world in a web page, reached
 * through the DevTools protocol) and from a real extension page: the background must tell them apart.
 */
async function sendFromContentScript(page: Page, message: unknown): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page)
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = []
  cdp.on("Runtime.executionContextCreated", (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context))
  await cdp.send("Runtime.enable")
  // The content script's world (Chromium names it after the extension); Playwright has isolated worlds of its own.
  const ours = (c: (typeof contexts)[number]) => c.auxData?.type === "isolated" && !c.name.startsWith("__playwright")
  await expect.poll(() => contexts.filter(ours).length, { timeout: 10_000 }).toBeGreaterThan(0)
  const world = contexts.find(ours)!
  const result = (await cdp.send("Runtime.evaluate", {
    contextId: world.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true
  })) as { result: { value: unknown }; exceptionDetails?: unknown }
  await cdp.detach()
  expect(result.exceptionDetails).toBeUndefined()
  return result.result.value
}

test("a content script reaches lookup and search, and is refused sign-out and sync", async ({ page, site, extensionId }) => {
  site.route("/trust", `<!doctype html><meta charset="utf-8"><p>Standard : 01 42 68 53 00</p>`)
  await page.goto(`${site.origin}/trust`)
  // The content script is running: it decorated the number.
  await expect(page.locator('[data-comptoir-phone="+33142685300"]')).toHaveCount(1, { timeout: 10_000 })

  expect(await sendFromContentScript(page, { type: "search/query", payload: { query: "dupont", limit: 3 } })).toMatchObject({ ok: true })
  expect(await sendFromContentScript(page, { type: "lookup/match", payload: { phones: ["+33142685300"], emails: [], codes: [] } })).toMatchObject({ ok: true })
  for (const type of ["auth/logout", "sync/status", "customers/count", "conflicts/list"]) {
    expect(await sendFromContentScript(page, { type, payload: {} })).toEqual({ ok: false, error: `${type} may not be sent from a content script` })
  }

  // The same messages from an extension page are answered.
  const options = await page.context().newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: "sync/status", payload: {} }))
  expect(reply).toMatchObject({ ok: true, data: { signedIn: false } })
  await options.close()
})
