import { expect, type Page } from "@playwright/test"

import { workspace, type Profile } from "./demo-server"

/**
 * How quote-to-cash.spec.ts moves about its world (the demo team's server, the agent's and the manager's profiles):
 * open a workspace route, reopen one until the other profile's change has arrived by sync, measure the dunning list's
 * fit. The tests stay in the spec, one file, since they run in order and pass ids from one to the next.
 */

/** "9 Aug 2026", "23 Sept 2026": a day in the English UI. */
export const DAY_IN_ENGLISH = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/

export { workspace }

/** Reopens the route until the locator shows (the other profile's change arrives by sync). */
export async function reopenUntil(p: Profile, route: string, selector: string): Promise<void> {
  await expect(async () => {
    await workspace(p, route)
    await expect(p.page.locator(selector)).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

/**
 * The dunning list in a 1024 × 700 window: the buttons that run past the list's own column, the level chips that
 * wrap, the customer codes broken at their hyphen (the list ran 60 px past the window, "Formal notice reached" on
 * three lines). Leaves the window at 1024 px.
 */
export async function dunningFit(page: Page): Promise<{ pastEdge: string[]; wrappedChips: string[]; brokenCodes: string[] }> {
  await page.setViewportSize({ width: 1024, height: 700 })
  return page.locator('[data-comptoir="dunning"]').evaluate((section) => {
    const edge = section.getBoundingClientRect().right
    const lineHeight = (el: Element) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2
    const trs = [...section.querySelectorAll('[data-comptoir="dunning-row"]')]
    return {
      pastEdge: trs.flatMap((tr) => [...tr.querySelectorAll("button")].filter((b) => b.getBoundingClientRect().right > edge + 0.5).map((b) => b.textContent ?? "")),
      wrappedChips: trs.map((tr) => tr.querySelector('[data-comptoir="dunning-level"]')).filter((c): c is Element => c !== null && c.getBoundingClientRect().height > 1.5 * lineHeight(c)).map((c) => c.textContent ?? ""),
      brokenCodes: trs.flatMap((tr) => [...tr.querySelectorAll("td:nth-child(2) .c-muted")].filter((c) => c.getClientRects().length > 1).map((c) => c.textContent ?? ""))
    }
  })
}
