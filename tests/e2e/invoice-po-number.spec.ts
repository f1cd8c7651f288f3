import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { OVER_LIMIT_QUOTE_ID } from "~src/domain/demo/demo-documents"
import { extractFacturXml } from "~src/domain/documents/factur-x/embed"

import { closeProfiles, type DemoServer, launchProfiles, type Profile, signIn, startDemoServer, untilSent, workspace } from "./demo-server"

/**
 * The customer's order number (the buyer's PO) from order to invoice to credit note, as the buyer's accounts payable
 * read them; an invoice's payments in its history; a sent quote read as a document (issue #10, the `userq2c` walk).
 */
test.describe.configure({ mode: "serial" })

const XSD = resolve("tests/fixtures/factur-x/Factur-X_EN16931.xsd")
let server: DemoServer
let profiles: Profile[] = []

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profiles = await launchProfiles(1, "po")
  await signIn(profiles[0]!.page, profiles[0]!.extensionId, server.url, "agent1@demo.comptoir.test")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

type Row = { id: string; type: string; number: string | null; status: string; correctsInvoiceId: string | null }
const list = async (page: Page, kind: "quotes" | "invoices") =>
  ((await page.evaluate((kind) => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind, limit: 1000 } }), kind)) as { data: { rows: Row[] } }).data.rows

async function setLanguage(page: Page, language: "fr" | "en" | null): Promise<void> {
  await page.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
  }, language)
}

/** The PDF's text as a reader extracts it, spaces of every kind as one. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs")
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise
  const parts: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) parts.push((await (await pdf.getPage(p)).getTextContent()).items.map((it) => ("str" in it ? it.str : "")).join(" "))
  return parts.join(" ").replace(/[\s\u00a0\u202f]+/g, " ")
}

test("an invoice shows the customer's order number beside its payments' history, and its credit note's Factur-X names both", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, "invoices")
  const note = (await list(agent.page, "invoices")).find((r) => r.type === "credit-note" && r.correctsInvoiceId)!
  await workspace(agent, `invoices/${note.correctsInvoiceId}`)
  const po = agent.page.locator('[data-comptoir="order-po-number"]')
  await expect(po).toHaveText(/^PO-\d{5}$/)
  const poNumber = (await po.textContent())!
  const invoiceNumber = (await agent.page.locator('[data-comptoir="document-number"]').textContent())!
  await expect(agent.page.locator("dt", { hasText: "Customer's order no." })).toBeVisible()
  await expect(agent.page.locator('[data-comptoir="history-payment"]').first()).toContainText(/ · Payment of €[\d,.]+ received on \d{1,2} [A-Z][a-z]{2,3} \d{4} (by|in) /)
  await agent.page.screenshot({ path: "test-results/left10-invoice-po-history-en.png", fullPage: true })
  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  await expect(agent.page.locator("dt", { hasText: "N° de commande client" })).toBeVisible()
  await expect(agent.page.locator('[data-comptoir="history-payment"]').first()).toContainText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d.* · Règlement de [\d\s\u202f,]+\s€ reçu le \d\d\/\d\d\/\d{4} /)
  await agent.page.screenshot({ path: "test-results/left10-invoice-po-history-fr.png", fullPage: true })
  await setLanguage(agent.page, null)

  const orderLink = agent.page.locator(`.c-doc-facts a[href^="#/orders/"]`)
  // "Made from: Order CMD-…", the invoice's order.
  const orderNumber = (await orderLink.textContent())!.replace(/^Order /, "")
  expect(orderNumber).toMatch(/^CMD-\d{4}-\d{5}$/)

  // The credit note's page names what an accountant sets it against: the invoice (one click away), its order, the PO.
  await workspace(agent, `invoices/${note.id}`)
  await expect(agent.page.locator('[data-comptoir="corrected-invoice"]')).toHaveText(new RegExp(`^${invoiceNumber} of \\d{1,2} [A-Z][a-z]{2,3} \\d{4}$`))
  await expect(agent.page.locator('[data-comptoir="corrected-order"]')).toHaveText(orderNumber)
  await expect(agent.page.locator('[data-comptoir="corrected-po-number"]')).toHaveText(poNumber)
  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  await expect(agent.page.locator("dt", { hasText: "Facture corrigée" })).toBeVisible()
  await expect(agent.page.locator('[data-comptoir="corrected-invoice"]')).toHaveText(new RegExp(`^${invoiceNumber} du \\d\\d/\\d\\d/\\d{4}$`))
  await agent.page.screenshot({ path: "test-results/credit10-credit-note-page-fr.png", fullPage: true })
  await setLanguage(agent.page, null)
  await agent.page.locator('[data-comptoir="corrected-invoice"]').click()
  await expect(agent.page.locator('[data-comptoir="document-number"]')).toHaveText(invoiceNumber)
  await agent.page.goBack()

  // The credit note's file says which invoice it corrects and that invoice's order number; so does its XML.
  await expect(agent.page.locator('[data-comptoir="corrected-order"]')).toHaveText(orderNumber)
  const download = agent.page.waitForEvent("download")
  await agent.page.locator('[data-comptoir="facturx-download"]').click()
  const bytes = new Uint8Array(readFileSync(await (await download).path()))
  const text = await pdfText(bytes)
  expect(text).toMatch(new RegExp(`(Avoir sur la facture n° :|Credit note for invoice no.:) ${invoiceNumber} (du|of) `))
  expect(text).toMatch(new RegExp(`(Votre commande n° :|Your order no.:) ${poNumber}`))
  const xml = (await extractFacturXml(bytes))!
  expect(xml).toMatch(new RegExp(`<ram:BuyerOrderReferencedDocument>\\s*<ram:IssuerAssignedID>${poNumber}</ram:IssuerAssignedID>`))
  const dir = mkdtempSync(join(tmpdir(), "po-facturx-"))
  writeFileSync(join(dir, "factur-x.xml"), xml)
  // xmllint exits non-zero with the schema's words when the XML does not validate.
  expect(execFileSync("xmllint", ["--noout", "--schema", XSD, join(dir, "factur-x.xml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toBe("")
  rmSync(dir, { recursive: true, force: true })
})

test("the customer's order number is typed on the draft order an accepted quote became, and the team server keeps it", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, `quotes/${OVER_LIMIT_QUOTE_ID}`)
  await agent.page.locator('[data-comptoir="to-order"]').click()
  await expect(agent.page).toHaveURL(/#\/orders\//)
  await agent.page.getByRole("button", { name: "Add the customer's order no." }).click()
  await agent.page.getByLabel("Customer's order no.").fill("PO-2026-118")
  await agent.page.getByRole("button", { name: "Save", exact: true }).click()
  await expect(agent.page.locator('[data-comptoir="order-po-number"]')).toHaveText("PO-2026-118")
  await expect(agent.page.locator('[data-comptoir="po-number-edit"]')).toHaveText("Change")
  await agent.page.screenshot({ path: "test-results/left10-order-po-typed-en.png", fullPage: true })
  // Sent to the team server, which accepted it: nothing left to send, and no refusal on the page.
  await untilSent(agent)
  await expect(agent.page.locator('[data-comptoir="order-po-number"]')).toHaveText("PO-2026-118")
  await expect(agent.page.locator('[data-comptoir="document-refusal"]')).toHaveCount(0)
})

test("a sent quote's editor reads as the document: no field to type in, no line to add", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, "quotes")
  const sent = (await list(agent.page, "quotes")).find((r) => r.status === "sent")!
  await workspace(agent, `quotes/${sent.id}/edit`)
  const form = agent.page.locator('[data-comptoir="quote-form"]')
  await expect(form.locator('[data-comptoir="quote-sheet"]')).toBeVisible()
  await expect(form.locator("input, textarea, select")).toHaveCount(0)
  await expect(form.locator('[data-comptoir="quote-line-add"]')).toHaveCount(0)
  await agent.page.screenshot({ path: "test-results/left10-quote-sent-readonly-en.png", fullPage: true })
})
