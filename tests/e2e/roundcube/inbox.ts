import { expect, type Page, type Response } from "@playwright/test"

import { AGENT } from "./mailbox"
import type { Roundcube } from "./server"

const isListAnswer = (r: Response) => /[?&]_action=list(&|$)/.test(r.url())

/**
 * Roundcube's INBOX, signed in as the agent (the login form if the browser has no session yet), once Roundcube's
 * own list request has answered and the rows of these subjects are shown. A failure says which step did not
 * happen (sign-in refused, no list asked for, list answered without the subject) with Roundcube's answer and its
 * and Dovecot's logs, instead of a bare wait for a row.
 */
export async function openInbox(page: Page, roundcube: Pick<Roundcube, "url" | "diagnostics">, subjects: string[]): Promise<void> {
  const answers: string[] = []
  const record = async (r: Response) => {
    if (isListAnswer(r)) answers.push(`${r.status()} ${(await r.text().catch((e: unknown) => `(no body: ${String(e)})`)).slice(0, 2000)}`)
  }
  page.on("response", record)
  try {
    await page.goto(`${roundcube.url}?_task=mail&_mbox=INBOX`)
    const user = page.locator("#rcmloginuser")
    if (await user.isVisible()) {
      await user.fill(AGENT.email)
      await page.locator("#rcmloginpwd").fill(AGENT.password)
      // The form's answer: the INBOX's page (after a redirect), or the login form again with Roundcube's message.
      const answered = page.waitForEvent("framenavigated", (f) => f === page.mainFrame())
      await page.locator("#rcmloginsubmit").click()
      await answered
      await page.waitForLoadState("domcontentloaded")
      if (await user.isVisible()) throw new Error(`Roundcube refused the sign-in: ${await page.locator("#messagestack").innerText()}`)
    }
    await expect.poll(() => answers.length, { message: "Roundcube's page asked for its message list" }).toBeGreaterThan(0)
    for (const subject of subjects) {
      await expect(page.locator("#messagelist tbody tr", { hasText: subject }), `the row of "${subject}"`).toBeVisible()
    }
  } catch (e) {
    const state = await page
      .evaluate(() => {
        const rc = (window as unknown as { rcmail?: { busy: boolean; env: Record<string, unknown> } }).rcmail
        return JSON.stringify({ url: location.href, busy: rc?.busy, messagecount: rc?.env.messagecount, rows: document.querySelectorAll("#messagelist tbody tr").length })
      })
      .catch((err: unknown) => `(page state unreadable: ${String(err)})`)
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- page ${state}\n--- list answers (${answers.length})\n${answers.join("\n")}\n${roundcube.diagnostics()}`)
  } finally {
    page.off("response", record)
  }
}
