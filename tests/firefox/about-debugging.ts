import type { Browser, Page } from "puppeteer-core"

import { ADDON_ID } from "./launch"

/*
 * about:debugging's card of the add-on: its background script's status, and "Terminate background script". That
 * button calls the very `extension.terminateBackground()` Firefox's idle timer calls on an idle event page
 * (toolkit/components/extensions/parent/ext-backgroundPage.js), minus the checks that postpone it; a page is not an
 * extension page, so watching it wakes nothing.
 */

export type BackgroundStatus = "running" | "stopped"

const STATUS = ".qa-extension-backgroundscript-status"

export async function openAboutDebugging(browser: Browser): Promise<Page> {
  const page = await browser.newPage()
  // Its load event does not reach WebDriver BiDi (the navigation times out, as for extension pages): the card
  // is awaited instead of the navigation.
  void page.goto("about:debugging#/runtime/this-firefox", { timeout: 20_000 }).catch(() => undefined)
  await waitForBackground(page, null, 20_000)
  return page
}

/** The add-on's background script's status as its card shows it (updated live by about:debugging). */
export function backgroundStatus(page: Page): Promise<string | null> {
  return page.evaluate(
    (id, status) => {
      const card = [...document.querySelectorAll("li.qa-debug-target-item")].find((li) => li.textContent!.includes(id))
      const el = card?.querySelector(status)
      const state = [...(el?.classList ?? [])].find((c) => c.startsWith("extension-backgroundscript__status--"))
      return state ? state.slice("extension-backgroundscript__status--".length) : null
    },
    ADDON_ID,
    STATUS
  )
}

/** Waits for `status` (any status when null); throws after `timeout` ms with the status last seen. */
export async function waitForBackground(page: Page, status: BackgroundStatus | null, timeout: number): Promise<void> {
  const end = Date.now() + timeout
  let seen: string | null = null
  while (Date.now() < end) {
    seen = await backgroundStatus(page)
    if (seen !== null && (status === null || seen === status)) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the background script stayed ${seen ?? "unknown"}, not ${status ?? "shown"}, for ${timeout} ms`)
}

/**
 * Stops the event page the way Firefox does when it is idle, and waits until it is stopped. An event that reaches
 * the page while it runs `runtime.onSuspend` (a sync alarm, a SIP re-registration's storage write, any open extension
 * page's listener) cancels the stop, as it would cancel the idle timer's, which tries again later: so does this, up
 * to three times (one cancelled stop in ~30 runs made the test fail, the page still running 10 s on).
 */
export async function terminateBackground(page: Page): Promise<void> {
  let last: unknown = null
  for (let attempt = 0; attempt < 3; attempt++) {
    await waitForBackground(page, "running", 20_000)
    await page.evaluate((id) => {
      const card = [...document.querySelectorAll("li.qa-debug-target-item")].find((li) => li.textContent!.includes(id))
      ;(card!.querySelector(".qa-temporary-extension-terminate-bgscript-button") as HTMLButtonElement).click()
    }, ADDON_ID)
    try {
      // onSuspend's listeners get up to 5 s (extensions.webextensions.runtime.timeout), then the page goes.
      await waitForBackground(page, "stopped", 8_000)
      return
    } catch (e) {
      last = e
    }
  }
  throw last
}
