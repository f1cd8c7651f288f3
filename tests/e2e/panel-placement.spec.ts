import type { Locator, Page } from "@playwright/test"

import { e2eCustomers, ensureImported } from "./dataset"
import { expect, serviceWorkerOf, test } from "./fixtures"
import { forgetPanelPlaces, knownContactPage, unknownContactPage } from "./panel-pages"

const customers = e2eCustomers()
const fr = customers.filter((c) => c.country === "FR")
const overlay = (page: Page) => page.locator("#comptoir-overlay")
const panelOf = (page: Page) => overlay(page).locator('[data-comptoir="panel"]')
const card = (page: Page, code: string) => overlay(page).locator(`[data-comptoir="customer-card"][data-customer-code="${code}"]`)

type Box = { x: number; y: number; width: number; height: number }

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox()
  if (!b) throw new Error("no box")
  return b
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** The page was scanned (its number is decorated) and the panel has taken its shape and place. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("[data-comptoir-phone]").first()).toBeAttached()
  await expect(panelOf(page)).toBeVisible()
}

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})

// The panel's state is kept per site, and the specs share these sites: each test starts and ends with none.
test.beforeEach(({ extContext }) => forgetPanelPlaces(extContext))
test.afterEach(({ extContext }) => forgetPanelPlaces(extContext))

test("with no customer on the page, the panel is a small badge that leaves the CRM's Edit and Import buttons free", async ({ page, site }) => {
  site.route("/crm/contacts/17/show", unknownContactPage())
  await page.goto(`${site.origin}/crm/contacts/17/show`)
  await settled(page)
  const panel = panelOf(page)
  await expect(panel).toHaveAttribute("data-shape", "badge")
  const b = await box(panel)
  expect(b.width).toBeLessThanOrEqual(64)
  expect(b.height).toBeLessThanOrEqual(64)
  for (const name of ["Edit", "Import", "Export"]) {
    const button = page.getByRole("button", { name, exact: true })
    expect(overlap(b, await box(button)), `the panel covers "${name}"`).toBe(false)
  }
  await page.screenshot({ path: "test-results/panel-ui-badge.png" })
  // Nothing of the record is hidden either.
  for (const id of ["#phone", "#email"]) expect(overlap(b, await box(page.locator(id)))).toBe(false)
})

test("opens to the cards when the page shows a customer; collapsed, it is a count badge, and stays so after a reload", async ({ page, site }) => {
  const c = fr[40]!
  site.route("/crm/contacts/40/show", knownContactPage(c))
  await page.goto(`${site.origin}/crm/contacts/40/show`)
  const panel = panelOf(page)
  await expect(card(page, c.code)).toBeVisible()
  await expect(panel).toHaveAttribute("data-collapsed", "false")
  // Even open, the panel keeps out of the app's top bar and toolbar.
  const open = await box(panel)
  await page.screenshot({ path: "test-results/panel-ui-open.png" })
  for (const name of ["Edit", "Import"]) expect(overlap(open, await box(page.getByRole("button", { name, exact: true })))).toBe(false)

  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await expect(panel).toHaveAttribute("data-collapsed", "true")
  await expect(overlay(page).locator('[data-comptoir="match-count"]')).toHaveText("1")
  const collapsed = await box(panel)
  expect(collapsed.width).toBeLessThanOrEqual(64)
  expect(collapsed.height).toBeLessThanOrEqual(64)

  await page.reload()
  await expect(page.locator(`[data-comptoir-email]`).first()).toBeAttached()
  await expect(overlay(page).locator('[data-comptoir="match-count"]')).toHaveText("1")
  await expect(panel).toHaveAttribute("data-collapsed", "true")
  await expect(card(page, c.code)).toHaveCount(0)

  // Opened again, it stays open after a reload.
  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await expect(card(page, c.code)).toBeVisible()
  await page.reload()
  await expect(card(page, c.code)).toBeVisible()
  await expect(panel).toHaveAttribute("data-collapsed", "false")
})

test("the search field's hint fits the open panel, in English and in French", async ({ page, site, extContext }) => {
  const c = fr[41]!
  site.route("/crm/contacts/41/show", knownContactPage(c))
  const sw = await serviceWorkerOf(extContext)
  const setLanguage = (language: "fr" | "en" | null) =>
    sw.evaluate(async (language) => {
      const { settings } = await chrome.storage.local.get("settings")
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
    }, language)
  try {
    for (const language of ["en", "fr"] as const) {
      await setLanguage(language)
      await page.goto(`${site.origin}/crm/contacts/41/show`)
      await expect(card(page, c.code)).toBeVisible()
      const search = overlay(page).locator('[data-comptoir="search"]')
      // The hint's width in the field's own font against the room inside the field (the text area, no padding).
      const fit = await search.evaluate((el: HTMLInputElement) => {
        const css = getComputedStyle(el)
        const ctx = document.createElement("canvas").getContext("2d")!
        ctx.font = css.font
        return { text: ctx.measureText(el.placeholder).width, room: el.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) }
      })
      expect(fit.text, `${language}: "${await search.getAttribute("placeholder")}" is ${Math.round(fit.text)} px in ${Math.round(fit.room)} px`).toBeLessThanOrEqual(fit.room)
      await page.screenshot({ path: `test-results/usertest2-panel-search-${language}.png` })
    }
  } finally {
    await setLanguage(null)
  }
})

test("dragged elsewhere, the panel stays there after a reload on that site; another site keeps the default place", async ({ page, site }) => {
  site.route("/crm/contacts/18/show", unknownContactPage())
  await page.goto(`${site.origin}/crm/contacts/18/show`)
  await settled(page)
  const panel = panelOf(page)
  const before = await box(panel)

  // Drag the badge by the mouse to the left of the window, below the toolbar.
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
  await page.mouse.down()
  await page.mouse.move(240, 420, { steps: 8 })
  await page.mouse.up()
  await expect.poll(async () => Math.round((await box(panel)).x + (await box(panel)).width / 2)).toBe(240)
  const moved = await box(panel)
  expect(Math.round(moved.y + moved.height / 2)).toBe(420)
  // The drag did not open it.
  await expect(panel).toHaveAttribute("data-shape", "badge")

  await page.reload()
  await settled(page)
  await expect.poll(async () => (await box(panel)).x).toBeCloseTo(moved.x, 0)
  expect((await box(panel)).y).toBeCloseTo(moved.y, 0)

  // localhost is another site (origin): the default place.
  const other = site.origin.replace("127.0.0.1", "localhost")
  await page.goto(`${other}/crm/contacts/18/show`)
  await settled(page)
  await expect.poll(async () => (await box(panel)).x).toBeCloseTo(before.x, 0)
  expect((await box(panel)).y).toBeCloseTo(before.y, 0)
})

test("moves with the arrow keys, goes back with Home, and stays inside a window made smaller", async ({ page, site }) => {
  site.route("/crm/contacts/19/show", unknownContactPage())
  await page.goto(`${site.origin}/crm/contacts/19/show`)
  await settled(page)
  const panel = panelOf(page)
  const badge = overlay(page).locator('[data-comptoir="panel-toggle"]')
  const start = await box(panel)
  await badge.focus()
  await page.keyboard.press("ArrowUp")
  await page.keyboard.press("ArrowUp")
  await page.keyboard.press("Shift+ArrowLeft")
  await expect.poll(async () => (await box(panel)).y).toBeCloseTo(start.y - 32, 0)
  expect((await box(panel)).x).toBeCloseTo(start.x - 80, 0)
  // Keys moved it; they did not open it.
  await expect(panel).toHaveAttribute("data-shape", "badge")
  await page.keyboard.press("Home")
  await expect.poll(async () => (await box(panel)).y).toBeCloseTo(start.y, 0)

  // Far in the bottom right corner, then the window shrinks: the badge follows the corner and stays whole.
  for (let i = 0; i < 12; i++) await page.keyboard.press("Shift+ArrowDown")
  await page.setViewportSize({ width: 640, height: 400 })
  await expect
    .poll(async () => {
      const b = await box(panel)
      return b.x >= 0 && b.y >= 0 && b.x + b.width <= 640 && b.y + b.height <= 400
    })
    .toBe(true)
  const shrunk = await box(panel)
  expect(640 - (shrunk.x + shrunk.width)).toBeLessThan(40)
  expect(400 - (shrunk.y + shrunk.height)).toBeLessThan(40)
})

test("gives way to the field the user types in, and comes back when the user leaves it", async ({ page, site }) => {
  const c = fr[41]!
  site.route("/crm/contacts/41/show", knownContactPage(c))
  await page.goto(`${site.origin}/crm/contacts/41/show`)
  await expect(card(page, c.code)).toBeVisible()
  const panel = panelOf(page)
  const note = page.locator("#note")
  // The open panel covers the bottom right, where this CRM keeps its note field.
  expect(overlap(await box(panel), await box(note))).toBe(true)

  // Focused as a click on its visible part would (Playwright's click refuses a partly covered field).
  await note.focus()
  await page.keyboard.type("Rappeler jeudi")
  await expect(panel).toHaveAttribute("data-shape", "badge")
  const b = await box(panel)
  expect(b.width).toBeLessThanOrEqual(64)
  expect(overlap(b, await box(note))).toBe(false)
  await expect(note).toHaveValue("Rappeler jeudi")

  await page.locator("h1").click()
  await expect(panel).toHaveAttribute("data-shape", "open")
  await expect(card(page, c.code)).toBeVisible()
})

test("opening the badge of an empty page to search, then closing it, does not stop the cards opening on that site", async ({ page, site }) => {
  site.route("/crm/contacts/20/show", unknownContactPage())
  await page.goto(`${site.origin}/crm/contacts/20/show`)
  await settled(page)
  const panel = panelOf(page)
  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await expect(panel).toHaveAttribute("data-shape", "open")
  await expect(overlay(page).locator('[data-comptoir="search"]')).toBeFocused()
  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await expect(panel).toHaveAttribute("data-shape", "badge")

  const c = fr[42]!
  site.route("/crm/contacts/42/show", knownContactPage(c))
  await page.goto(`${site.origin}/crm/contacts/42/show`)
  await expect(card(page, c.code)).toBeVisible()
  await expect(panel).toHaveAttribute("data-shape", "open")
})

test("opened from its badge on an empty page, the panel is inside the window from its first frame", async ({ page, site }) => {
  site.route("/crm/contacts/21/show", unknownContactPage())
  await page.goto(`${site.origin}/crm/contacts/21/show`)
  await settled(page)
  // The panel's box on every frame for a second, recorded in the page from just before the click: a frame drawn
  // at the badge's place (mostly outside the window) and moved in later is seen, which `toBeVisible` is not.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { x: number; y: number; width: number; height: number; shape: string }[] }
    w.__frames = []
    const until = performance.now() + 1000
    const sample = () => {
      const panel = document.getElementById("comptoir-overlay")?.shadowRoot?.querySelector<HTMLElement>('[data-comptoir="panel"]')
      if (panel) {
        const r = panel.getBoundingClientRect()
        w.__frames.push({ x: r.x, y: r.y, width: r.width, height: r.height, shape: panel.dataset.shape ?? "" })
      }
      if (performance.now() < until) requestAnimationFrame(sample)
    }
    requestAnimationFrame(sample)
  })
  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await page.screenshot({ path: "test-results/panel-ui-opened-from-badge.png" })
  await page.waitForTimeout(1100)
  const frames = await page.evaluate(() => (window as unknown as { __frames: { x: number; y: number; width: number; height: number; shape: string }[] }).__frames)
  const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }))
  const open = frames.filter((f) => f.shape === "open")
  expect(open.length).toBeGreaterThan(10)
  for (const f of open) {
    expect(f.x, `a frame at ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(0)
    expect(f.y).toBeGreaterThanOrEqual(0)
    expect(f.x + f.width, `a frame at ${JSON.stringify(f)}`).toBeLessThanOrEqual(viewport.width)
    expect(f.y + f.height).toBeLessThanOrEqual(viewport.height)
  }
})
