import type { BrowserContext, Page } from "@playwright/test"

import { expect, test } from "./fixtures"

/**
 * "Insert into reply" writes where the user last clicked or typed, never where a page's script put the focus: a site
 * the user added (a CRM) runs Comptoir too, and its script could focus an editor of its own to take the summary (the
 * customer, the lines, the prices) meant for the reply in the webmail. Playwright's clicks are the browser's input,
 * trusted as the user's; `page.evaluate` is the page's own script.
 */

// These compose boxes show no recipient: the summary goes in whoever the customer named (reply-recipients.ts).
const summary = { text: "Bonjour,\n\nTotal TTC : 150,00 €", blocks: [{ kind: "p", text: "Bonjour," }, { kind: "p", text: "Total TTC : 150,00 €" }], customerId: "cust-any" }

/** A field of the page's own out of sight (a script can still focus it), as a hostile page would keep one. */
const decoy = `<textarea id="decoy" style="position:absolute;left:-9999px;top:0;opacity:0"></textarea>`

const compose = `<!doctype html><html><head><title>Roundcube Webmail :: Répondre</title></head><body>
  <form id="compose"><label>Objet <input name="_subject" value="Re: demande de devis"></label>
  <textarea id="composebody" name="_message" rows="10" cols="80">\n\n-- \nLe client a écrit :\n> Pouvez-vous nous faire un devis ?</textarea>
  </form>${decoy}</body></html>`

// Roundcube's HTML editor draws its body in a same-origin frame (TinyMCE); a Gmail-like editor beside it is what the
// page's markup alone would pick.
const frameBody = `<body contenteditable="true" style="min-height:100px"><p>Bonjour Claire,</p><blockquote>Pouvez-vous nous faire un devis ?</blockquote></body>`
const framed = `<!doctype html><html><head><title>Roundcube Webmail :: Répondre (HTML)</title></head><body>
  <div id="other" contenteditable="true" role="textbox" aria-label="Note" style="min-height:40px;border:1px solid #999"></div>
  <iframe id="composebody_ifr" style="width:600px;height:160px" srcdoc="${frameBody.replace(/"/g, "&quot;")}"></iframe>${decoy}</body></html>`

const crm = `<!doctype html><html><head><title>CRM</title></head><body><h1>Fiche client</h1>
  <div id="note" contenteditable="true" role="textbox" aria-label="Note interne" style="min-height:60px;border:1px solid #999"></div></body></html>`

/** What the workspace's Insert into reply button sends (an extension page, the tab the user is in then). */
async function insertFromWorkspace(context: BrowserContext, extensionId: string): Promise<unknown> {
  const workspace = await context.newPage()
  await workspace.goto(`chrome-extension://${extensionId}/options.html`)
  const r = await workspace.evaluate((payload) => chrome.runtime.sendMessage({ type: "documents/insert-into-reply", payload }), summary)
  await workspace.close()
  return r
}

/** The page's script focuses its hidden field, and the focus really went there. */
async function scriptFocusesDecoy(page: Page): Promise<void> {
  expect(await page.evaluate(() => (document.querySelector<HTMLElement>("#decoy")!.focus(), document.activeElement?.id))).toBe("decoy")
}

test("the plain reply box the user clicked gets the summary, though the page's script then focused a hidden field", async ({ page, site, extContext, extensionId }) => {
  site.route("/webmail/compose-focus", compose)
  await page.goto(`${site.origin}/webmail/compose-focus`)
  await page.locator("#composebody").click()
  await page.keyboard.press("Control+Home")
  await scriptFocusesDecoy(page)
  expect(await insertFromWorkspace(extContext, extensionId)).toMatchObject({ ok: true, data: { ok: true, inserted: "text" } })
  await expect(page.locator("#composebody")).toHaveValue(/^Bonjour,\n\nTotal TTC : 150,00 €\n\n/)
  await expect(page.locator("#composebody")).toHaveValue(/> Pouvez-vous nous faire un devis \?$/)
  await expect(page.locator("#decoy")).toHaveValue("")
})

test("the HTML editor in its frame, clicked by the user, gets the summary; not the hidden field the script focused nor the editor beside it", async ({ page, site, extContext, extensionId }) => {
  site.route("/webmail/compose-html-focus", framed)
  await page.goto(`${site.origin}/webmail/compose-html-focus`)
  const body = page.frameLocator("#composebody_ifr").locator("body")
  await body.locator("p").click()
  await scriptFocusesDecoy(page)
  expect(await insertFromWorkspace(extContext, extensionId)).toMatchObject({ ok: true, data: { ok: true, inserted: "html" } })
  await expect(body.locator("p").nth(1)).toHaveText("Bonjour,")
  await expect(body.locator("blockquote")).toHaveText("Pouvez-vous nous faire un devis ?")
  await expect(page.locator("#other")).toHaveText("")
  await expect(page.locator("#decoy")).toHaveValue("")
})

test("an added site whose script focuses its own editor after the user clicked the webmail's reply does not get the summary", async ({ page, site, extContext, extensionId }) => {
  site.route("/webmail/compose-focus", compose)
  site.route("/crm/fiche", crm)
  await page.goto(`${site.origin}/webmail/compose-focus`)
  await page.locator("#composebody").click()
  await page.keyboard.press("Control+Home")
  // The user then looks at the CRM's tab, whose script focuses its note as the tab shows.
  const other = await extContext.newPage()
  await other.goto(`${site.origin}/crm/fiche`)
  await other.bringToFront()
  expect(await other.evaluate(() => (document.querySelector<HTMLElement>("#note")!.focus(), document.activeElement?.id))).toBe("note")
  expect(await insertFromWorkspace(extContext, extensionId)).toMatchObject({ ok: true, data: { ok: true, inserted: "text" } })
  await expect(page.locator("#composebody")).toHaveValue(/^Bonjour,\n\nTotal TTC : 150,00 €/)
  await expect(other.locator("#note")).toHaveText("")
  await other.close()
})
