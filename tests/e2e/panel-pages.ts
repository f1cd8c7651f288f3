import { expect, type BrowserContext, type Page } from "@playwright/test"

import type { DemoCustomer } from "~src/domain/demo/demo-data"

import { esc } from "./pages"

/**
 * A contact page of a single-page admin CRM (React Admin's layout): the app bar, then the record's toolbar with its
 * actions at the top right ("Edit", "Import", "Export"), the record, and an edit form whose last field and "Save"
 * button sit at the bottom right of the window. `phone` and `email` are what the record shows.
 */
export function crmRecordPage(opts: { name: string; phone: string; email: string; note?: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM — ${esc(opts.name)}</title>
<style>
  body { font-family: Arial, sans-serif; margin: 0; }
  .appbar { height: 48px; background: #1976d2; color: #fff; display: flex; align-items: center; padding: 0 16px; }
  .toolbar { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 16px; }
  .toolbar button { padding: 6px 12px; }
  .record { padding: 0 16px; }
  .footer-form { position: fixed; right: 0; bottom: 0; width: 460px; padding: 10px 16px; background: #fafafa; border-top: 1px solid #ddd; display: flex; gap: 8px; }
  .footer-form textarea { flex: 1; height: 44px; }
</style></head><body>
<div class="appbar"><span>Atomic CRM</span></div>
<div class="toolbar" role="toolbar"><button id="edit">Edit</button><button id="import">Import</button><button id="export">Export</button></div>
<div class="record"><h1>${esc(opts.name)}</h1>
  <p>Phone: <span id="phone">${esc(opts.phone)}</span></p>
  <p>Email: <span id="email">${esc(opts.email)}</span></p>
  <p id="extra">${esc(opts.note ?? "")}</p>
</div>
<form class="footer-form" onsubmit="return false"><textarea id="note" aria-label="Add a note"></textarea><button>Save</button></form>
</body></html>`
}

/** A contact page whose person is not in the base: a number and an address nobody imported. */
export function unknownContactPage(): string {
  return crmRecordPage({ name: "Prospect Inconnu", phone: "01 98 76 54 32", email: "prospect@inconnu.example" })
}

export function knownContactPage(c: DemoCustomer): string {
  const p = c.contacts[0]!
  return crmRecordPage({ name: `${p.firstName} ${p.lastName}`, phone: c.writtenPhones[0]![0]!, email: p.emails[0]! })
}

/** Forgets where the panel was put and whether it was collapsed, on every site (the specs share their sites). */
export async function forgetPanelPlaces(context: BrowserContext): Promise<void> {
  const sw = context.serviceWorkers()[0]!
  await sw.evaluate(async () => {
    const all = await chrome.storage.local.get(null)
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith("panelUi.site:") || k === "panelCollapsed"))
  })
}

/**
 * On a webmail the panel waits as a slim tab until the agent asks for it (lookup-overlay.tsx): opens it, as the agent
 * would click it, for a test about the cards themselves. It stays open for the rest of that page.
 */
export async function openWebmailTab(page: Page): Promise<void> {
  const panel = page.locator('#comptoir-overlay [data-comptoir="panel"]')
  await expect(panel).toHaveAttribute("data-shape", "tab")
  await expect(panel).toBeVisible()
  await panel.locator('[data-comptoir="panel-toggle"]').click()
  await expect(panel).toHaveAttribute("data-shape", "open")
}
