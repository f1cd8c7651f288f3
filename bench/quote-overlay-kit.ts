/**
 * What the quote overlay's diagnostics (`quote-overlay-hops.ts`, `quote-overlay-trace.ts`) start the same way: the
 * built extension in a fresh profile, the e2e customers imported, and a page showing two customers' e-mail
 * addresses, so each round opens a first and a next New quote on one page.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { Page } from "@playwright/test"

import { e2eCustomers, ensureImported } from "../tests/e2e/dataset"
import { launchWithExtension, serviceWorkerOf, startSite } from "../tests/e2e/launch"

type Customer = ReturnType<typeof e2eCustomers>[number]

export async function startTwoCardPage(tmpPrefix: string) {
  const customers = e2eCustomers()
  const [first, second] = customers.filter((c) => c.contacts[0]?.emails[0])
  if (!first || !second) throw new Error("the e2e customers hold fewer than two with an e-mail address")
  const dir = mkdtempSync(join(tmpdir(), tmpPrefix))
  const context = await launchWithExtension(dir)
  const { site, server } = await startSite()
  const sw = await serviceWorkerOf(context)
  const extensionId = new URL(sw.url()).host
  const options = await context.newPage()
  await ensureImported(options, extensionId, customers)
  await options.close()
  const mail = (c: Customer) => c.contacts[0]!.emails[0]!
  site.route("/contact", `<!doctype html><html><body><h1>${first.company}</h1><a href="mailto:${mail(first)}">${mail(first)}</a><h2>${second.company}</h2><a href="mailto:${mail(second)}">${mail(second)}</a></body></html>`)
  return { first, second, dir, context, site, server, sw, extensionId }
}

/** A customer's card's New quote on the page. */
export const buttonOf = (page: Page, c: Customer) => page.locator(`[data-comptoir="customer-card"][data-customer-code="${c.code}"] [data-comptoir="quote-new"]`).first()

/** The page's quote frame, preloaded or opened. */
export const quoteFrame = (page: Page) => page.frames().find((f) => f.url().includes("/tabs/quote-frame.html")) ?? null
