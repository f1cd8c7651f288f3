import { join, resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { demoTeamCustomers, overLimitCustomer, quoteFrame, quoteSpecWorld } from "./quote-world"

/**
 * The quote form over the page against the page drawing over it (issue #10, clickjacking): a page may open its own
 * popover above the form's dialog (both in the top layer; the later one on top), see-through or opaque, and let the
 * agent's clicks fall through to the form. While it does, Send and the other actions are off and the form says why;
 * typing goes on; once the cover is gone, Send works. The page cannot fade the form itself: the dialog is in the top
 * layer, out of reach of the page's opacity.
 */
test.describe.configure({ mode: "serial" })

const shots = resolve("test-results/quote-overlay-covered")

const overLimit = overLimitCustomer(demoTeamCustomers())
const email = overLimit.contacts[0]!.emails[0]!
const { world } = quoteSpecWorld("comptoir-e2e-quote-covered-", (site) =>
  site.route(
    "/webmail/reply",
    `<!doctype html><html lang="fr"><head><title>Roundcube Webmail :: Répondre</title></head><body>
      <form id="compose"><label>À <input name="_to" value="${email}"></label>
      <textarea id="composebody" name="_message" rows="12" cols="80">\n\n-- \n${email} a écrit :\n> Un devis ?</textarea>
      </form><p>De : <a href="mailto:${email}">${email}</a></p></body></html>`
  )
)

/** The page's own element drawn above everything, the form's dialog included; clicks fall through it. */
async function drawOver(p: Page, style: string, text = ""): Promise<void> {
  await p.evaluate(
    ([style, text]: [string, string]) => {
      const cover = document.createElement("div")
      cover.id = "page-cover"
      cover.textContent = text
      cover.setAttribute("popover", "manual")
      cover.style.cssText = `margin:0;border:0;padding:0;pointer-events:none;${style}`
      document.body.append(cover)
      cover.showPopover()
    },
    [style, text] as [string, string]
  )
}
const takeCoverAway = (p: Page) => p.evaluate(() => document.getElementById("page-cover")?.remove())

/** The reply page with the over-limit customer's new quote over it, one line of coffee typed in, Send on. */
async function formWithALine() {
  const { context, site } = world()
  const page = await context.newPage()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${site.origin}/webmail/reply`)
  const card = page.locator(`[data-comptoir="customer-card"][data-customer-code="${overLimit.code}"]`).first()
  await expect(card).toBeVisible({ timeout: 15_000 })
  await card.locator('[data-comptoir="quote-new"]').click()
  await expect.poll(() => quoteFrame(page) !== undefined, { timeout: 10_000 }).toBe(true)
  const frame = quoteFrame(page)!
  const form = frame.locator('[data-comptoir="quote-form"]')
  await expect(form).toBeVisible({ timeout: 10_000 })
  const add = form.locator('[data-comptoir="quote-line-add"]')
  await add.fill("cafe en grain")
  await expect(form.locator('[data-comptoir="quote-product-option"]').first()).toHaveAttribute("data-ref", "REF-1006")
  await add.press("Enter")
  await form.locator('[name="lines.0.quantity"]').fill("3")
  const total = form.locator('[data-comptoir="total-incl-vat"]')
  await expect(total).toHaveAttribute("data-cents", "5982")
  const send = form.locator('[data-comptoir="quote-issue"]')
  const why = frame.locator('[data-comptoir="quote-frame-gate"]')
  await expect(send).toBeEnabled()
  await expect(why).toHaveCount(0)
  return { page, frame, form, total, send, why }
}

test("a page drawing over the quote form turns Send off and says why, typing goes on, and Send works once the cover is gone", async () => {
  const { page, form, total, send, why } = await formWithALine()
  const heading = form.locator(".c-quote-head h1")
  const headingBefore = (await heading.boundingBox())!

  // A see-through cover over the whole page: everything off but typing, and the agent is told why.
  await drawOver(page, "inset:0;width:100vw;height:100vh;background:rgba(255,255,255,0.5)")
  await expect(send).toBeDisabled()
  for (const action of ["quote-save", "quote-pdf", "insert-into-reply", "quote-copy"]) await expect(form.locator(`[data-comptoir="${action}"]`)).toBeDisabled()
  await expect(why).toHaveAttribute("data-state", "covered")
  await expect(why).toContainText("drawn over this form")
  await form.locator('[name="lines.0.quantity"]').fill("4")
  await expect(total).toHaveAttribute("data-cents", "7976")
  await page.screenshot({ path: join(shots, "covered-see-through-1280x800.png") })
  // The notice hides nothing of the form: its heading is whole, below the notice.
  await expect(heading).toContainText(overLimit.company)
  const [notice, headingNow] = [(await why.boundingBox())!, (await heading.boundingBox())!]
  expect(notice.y + notice.height).toBeLessThanOrEqual(headingNow.y)
  expect(headingNow.height).toBe(headingBefore.height)
  // The agent's real click, through the cover onto Send: nothing is sent.
  await send.click({ force: true })
  await page.waitForTimeout(600)
  await expect(form).toHaveAttribute("data-status", "draft")
  await takeCoverAway(page)
  await expect(send).toBeEnabled()
  await expect(why).toHaveCount(0)

  // An opaque bait exactly over Send, reading "Cancel".
  const box = (await send.boundingBox())!
  await drawOver(page, `inset:auto;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;background:#b91c1c;color:#fff;font:14px sans-serif;display:grid;place-items:center`, "Cancel")
  await expect(send).toBeDisabled()
  await expect(why).toHaveAttribute("data-state", "covered")
  await page.screenshot({ path: join(shots, "covered-bait-1280x800.png") })
  await send.click({ force: true })
  await page.waitForTimeout(600)
  await expect(form).toHaveAttribute("data-status", "draft")
  await takeCoverAway(page)

  // The page fading itself and Comptoir's element in it does not reach the dialog in the top layer: no false alarm.
  await page.evaluate(() => {
    document.documentElement.style.opacity = "0.1"
    ;(document.querySelector("comptoir-quote-overlay") as HTMLElement).style.opacity = "0.1"
  })
  await expect(send).toBeEnabled()
  await expect(why).toHaveCount(0)
  await page.screenshot({ path: join(shots, "uncovered-1280x800.png") })
  await send.click()
  await expect(form.locator('[data-comptoir="document-number"]')).toHaveAttribute("data-numbered", "true", { timeout: 15_000 })
  await page.close()
})

test("a cover the page draws just before the agent's click on Send refuses that click, though the gate had not noted it yet", async () => {
  const { page, form, send, why } = await formWithALine()
  // Send has been on a while: the gate's observer, which reports every 100 ms at most, has nothing new to say.
  await page.waitForTimeout(700)
  const box = (await send.boundingBox())!
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
  // The page's cover and the agent's click, sent together: the click reaches Send within milliseconds of the cover,
  // before the browser has told the frame of it (it does as the page draws, then the frame's observer, 100 ms apart).
  const cdp = await page.context().newCDPSession(page)
  await Promise.all([
    drawOver(page, "inset:0;width:100vw;height:100vh;background:rgba(255,255,255,0.5)"),
    cdp.send("Input.dispatchMouseEvent", { type: "mousePressed", x, y, button: "left", clickCount: 1 }),
    cdp.send("Input.dispatchMouseEvent", { type: "mouseReleased", x, y, button: "left", clickCount: 1 })
  ])
  await page.waitForTimeout(600)
  await expect(form).toHaveAttribute("data-status", "draft")
  await expect(why).toHaveAttribute("data-state", "covered")
  await page.screenshot({ path: join(shots, "covered-at-click-1280x800.png") })
  await takeCoverAway(page)
  await expect(send).toBeEnabled()
  await page.close()
})
