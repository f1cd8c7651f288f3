/**
 * `BENCH_PARTS=softphone-tab` (issue #10): New quote on the softphone tab's caller card → the filled quote form on
 * screen, for two builds alternated click by click in the same minutes: `COMPTOIR_BUILD` (default
 * build/chrome-mv3-prod) and `BENCH_BASE_BUILD` (main's build, which opens a new workspace tab; without it, the
 * same build twice: a noise figure).
 * - each build in its own fresh browser, the e2e customers imported; the call is the softphone's published state
 *   (what the background writes as a call from the customer is under way, as tests/e2e/softphone-quote.spec.ts does).
 * - warm: the softphone tab open long before, the caller's card shown 1 s (the editor's chunk loaded, the lookups
 *   prepared), then Back (or the opened workspace tab closed, none left open).
 * - first: a softphone tab just opened, the click as soon as the caller's card shows (before the editor's chunk has
 *   loaded: it starts EDITOR_CARD_QUIET_MS after the card; each click says whether its chunk was asked before it).
 *   Playwright's click moves the pointer onto the button and presses at once: no hover, the pointer's entry (which
 *   asks for the chunk, preload10) a few ms before the press.
 * - first, hovered: the same on another tab just opened, with the pointer moved onto New quote BENCH_HOVER_MS (150)
 *   before the press, as an agent's hand does (a move, then a click).
 * From the click's event time in the softphone tab to the filled form's first render (`comptoir:quote-form-ready`),
 * wherever it is drawn; also the DOMContentLoaded of each new tab opened.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"

import type { BrowserContext, Page } from "@playwright/test"

import type { Customer } from "~src/domain/customers/customer.schema"

import { quoteFormReadyIn, type Stats } from "./quote-stats"

interface Side {
  name: string
  dir: string
  context: BrowserContext
  extensionId: string
  profile: string
  customer: Customer
  phone: Page | null
  warm: number[]
  first: number[]
  hovered: number[]
  newTabDcl: number[]
  tabsOpened: number
  chunkBefore: number
  chunkBeforeHovered: number
  /** Each kind of click's parts (Parts), when the build marks them. */
  parts: Record<"warm" | "first" | "hovered", Parts[]>
}

/** How long the pointer rests on New quote before the hovered first click. */
const HOVER_MS = Number(process.env.BENCH_HOVER_MS ?? 150)

export const CARD = '[data-comptoir="caller-card"] [data-comptoir="quote-new"]'

/** The call from `customer` under way, published as the background does (a new id: the card is drawn anew). */
export async function publishCall(page: Page, customer: Customer, callId: string): Promise<void> {
  await page.evaluate(
    async ({ customer, callId }) => {
      const now = Date.now()
      const contact = customer.contacts[0]!
      const number = contact.phones[0]!
      const call = { id: callId, direction: "inbound", number, displayName: "", phase: "in-call", muted: false, onHold: false, startedAt: now - 30_000, answeredAt: now - 25_000, endedAt: null, endReason: null }
      const view = {
        state: { provider: "sip", registration: "registered", error: null, call, reconnectAttempt: 0 },
        caller: { callId, number, candidates: [customer], customerId: customer.id, contactId: contact.id },
        capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
        configured: true,
        lastCall: null,
        updatedAt: now + 600_000
      }
      await chrome.storage.session.set({ "softphone.view": view })
    },
    { customer, callId }
  )
}

/**
 * The click's event time as `page` received it, read after the click, and whether the editor's chunk had been asked
 * for by then (the runtime's script element for it in the page: resource timing lists no chrome-extension:// script).
 */
async function clickTime(page: Page): Promise<() => Promise<{ at: number; chunkAsked: boolean }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt?: number; __chunkAsked?: boolean }
    delete w.__clickAt
    performance.clearMarks("comptoir:quote-form-ready")
    performance.clearMarks("comptoir:quote-render-start")
    document.addEventListener(
      "click",
      (e) => {
        w.__clickAt = performance.timeOrigin + e.timeStamp
        w.__chunkAsked = !!document.querySelector('script[src*="in-place-quote"]')
      },
      { capture: true, once: true }
    )
  })
  return async () => {
    const r = await page.evaluate(() => {
      const w = window as unknown as { __clickAt?: number; __chunkAsked?: boolean }
      return { at: w.__clickAt, chunkAsked: w.__chunkAsked === true }
    })
    if (r.at === undefined) throw new Error("the click did not reach the page")
    return { at: r.at, chunkAsked: r.chunkAsked }
  }
}

const readyIn = quoteFormReadyIn

/** One New quote on `phone`'s caller card: click → filled form, in the same tab or a new one (closed after). */
async function clickNewQuote(side: Side, phone: Page, hoverMs = 0): Promise<{ ms: number; chunkBefore: boolean; parts: Parts | null }> {
  const clicked = await clickTime(phone)
  const opened = side.context.waitForEvent("page", { timeout: 5000 }).catch(() => null)
  if (hoverMs > 0) {
    await phone.locator(CARD).hover()
    await phone.waitForTimeout(hoverMs)
  }
  await phone.locator(CARD).click()
  const same = phone
    .waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0 && !!document.querySelector('[data-comptoir="softphone-quote"]'), null, { timeout: 15_000 })
    .then(() => phone)
  const where = await Promise.race([same, opened.then((p) => p ?? same)])
  if (where !== phone) {
    side.tabsOpened++
    await where.waitForFunction(() => performance.getEntriesByName("comptoir:quote-form-ready").length > 0, null, { timeout: 15_000 })
  }
  const r = await readyIn(where)
  if (!r.text.includes(` · ${side.customer.code}`)) throw new Error(`the form shows ${r.text.slice(0, 80)}, not ${side.customer.code}'s new quote`)
  const { at: t0, chunkAsked } = await clicked()
  const parts = where === phone ? await partsOf(phone, t0, r.ready) : null
  if (where === phone) await phone.locator('[data-comptoir="softphone-quote-back"]').click()
  else {
    side.newTabDcl.push(r.dcl - t0)
    await where.close()
  }
  return { ms: r.ready - t0, chunkBefore: chunkAsked, parts }
}

/**
 * A click drawn in the tab, split by the page's marks (first10; a build without them gives null): click → the editor's
 * chunk evaluated (≤ 0: before the click), click → editor and lookups in hand (`comptoir:quote-render-start`), and
 * that → the filled form's first render.
 */
interface Parts {
  editor: number
  inHand: number
  render: number
}

async function partsOf(page: Page, clickAt: number, readyAt: number): Promise<Parts | null> {
  // (No function declared inside: tsx names them with a helper the page lacks.)
  const m = await page.evaluate(() =>
    ["comptoir:quote-editor-loaded", "comptoir:quote-render-start"].map((name) => performance.getEntriesByName(name).at(-1)).map((e) => (e ? performance.timeOrigin + e.startTime : null))
  ).then(([editor, start]) => ({ editor: editor ?? null, start: start ?? null }))
  if (m.editor === null || m.start === null) return null
  return { editor: m.editor - clickAt, inHand: m.start - clickAt, render: readyAt - m.start }
}

export async function softphoneTabPart(runs: number, stats: (v: number[]) => Stats) {
  const { BUILD_DIR, launchWithExtension, serviceWorkerOf } = await import("../tests/e2e/launch")
  const { e2eCustomers, ensureImported } = await import("../tests/e2e/dataset")
  const baseDir = resolve(process.env.BENCH_BASE_BUILD ?? BUILD_DIR)
  const code = e2eCustomers().find((c) => c.contacts[0]?.phones[0])?.code
  if (!code) throw new Error("the e2e customers hold none with a phone number")
  const sides: Side[] = []
  const load0 = loadavg()[0]!
  try {
    for (const [name, dir] of [["new", BUILD_DIR], ["base", baseDir]] as const) {
      const profile = mkdtempSync(join(tmpdir(), `comptoir-bench-softphone-quote-${name}-`))
      const context = await launchWithExtension(profile, [], dir)
      const extensionId = new URL((await serviceWorkerOf(context)).url()).host
      const options = await context.newPage()
      await ensureImported(options, extensionId, e2eCustomers())
      // The customer as stored (ids are the base's own), as the background puts it in the caller's candidates.
      const customer = (await options.evaluate(async (code) => {
        const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [code] } })) as { data: { matches: { customer: unknown }[] } }
        return r.data.matches[0]!.customer
      }, code)) as Customer
      await options.close()
      sides.push({ name, dir, context, extensionId, profile, customer, phone: null, warm: [], first: [], hovered: [], newTabDcl: [], tabsOpened: 0, chunkBefore: 0, chunkBeforeHovered: 0, parts: { warm: [], first: [], hovered: [] } })
    }
    const url = (s: Side) => `chrome-extension://${s.extensionId}/tabs/softphone.html`
    let calls = 0
    for (const s of sides) {
      s.phone = await s.context.newPage()
      await s.phone.setViewportSize({ width: 1100, height: 900 })
      await s.phone.goto(url(s))
      await s.phone.locator('[data-comptoir="softphone"]').waitFor()
      await publishCall(s.phone, s.customer, `bench-call-${++calls}`)
      await s.phone.locator(CARD).waitFor({ timeout: 15_000 })
    }
    for (let i = 0; i < runs + 2; i++) {
      for (const s of i % 2 ? [...sides].reverse() : sides) {
        // Warm: the tab open long before, the card shown a while.
        await s.phone!.bringToFront()
        await s.phone!.locator(CARD).waitFor({ timeout: 15_000 })
        await s.phone!.waitForTimeout(1000)
        const warm = await clickNewQuote(s, s.phone!)
        // First: a softphone tab just opened, the click as soon as the call's card shows; then hovered first.
        const firstClick = async (hoverMs: number) => {
          const fresh = await s.context.newPage()
          await fresh.setViewportSize({ width: 1100, height: 900 })
          await fresh.goto(url(s))
          await fresh.locator('[data-comptoir="softphone"]').waitFor()
          await publishCall(fresh, s.customer, `bench-call-${++calls}`)
          await fresh.locator(CARD).waitFor({ timeout: 15_000 })
          const r = await clickNewQuote(s, fresh, hoverMs)
          await fresh.close()
          return r
        }
        const first = await firstClick(0)
        const hovered = await firstClick(HOVER_MS)
        if (i < 2) continue
        s.warm.push(warm.ms)
        s.first.push(first.ms)
        s.hovered.push(hovered.ms)
        if (first.chunkBefore) s.chunkBefore++
        for (const [kind, r] of [["warm", warm], ["first", first], ["hovered", hovered]] as const) if (r.parts) s.parts[kind].push(r.parts)
        if (hovered.chunkBefore) s.chunkBeforeHovered++
      }
    }
    const load1 = loadavg()[0]!
    const [n, b] = sides as [Side, Side]
    const ratio = (x: Stats, y: Stats) => `p50 ${(x.p50 / y.p50).toFixed(2)}×, p95 ${(x.p95 / y.p95).toFixed(2)}×`
    console.log(`softphone tab, New quote → filled form (${n.dir} vs ${b.dir}; load average ${load0.toFixed(1)} → ${load1.toFixed(1)}; ${runs} clicks of each kind a build, alternated):`)
    const out: Record<string, unknown> = { load: [load0, load1] }
    for (const s of sides) {
      const w = stats(s.warm)
      const f = stats(s.first)
      const h = stats(s.hovered)
      const d = s.newTabDcl.length ? stats(s.newTabDcl) : null
      console.log(`  ${s.name.padEnd(4)} warm p50 ${w.p50} / p95 ${w.p95} ms (max ${w.max}) | first, tab just opened, no hover p50 ${f.p50} / p95 ${f.p95} ms (max ${f.max}; chunk asked before the click in ${s.chunkBefore} of ${runs}) | first, hovered ${HOVER_MS} ms p50 ${h.p50} / p95 ${h.p95} ms (max ${h.max}; chunk asked before the click in ${s.chunkBeforeHovered} of ${runs}) | new tabs opened ${s.tabsOpened} of ${3 * (runs + 2)}${d ? `, their DOMContentLoaded p50 ${d.p50} / p95 ${d.p95} ms` : ""} | target p95 ≤ 100 ms: warm ${w.p95 <= 100 ? "✓" : "✗"}, first ${f.p95 <= 100 ? "✓" : "✗"}, hovered ${h.p95 <= 100 ? "✓" : "✗"}`)
      for (const [kind, parts] of Object.entries(s.parts)) {
        if (!parts.length) continue
        const p = (k: keyof Parts) => stats(parts.map((x) => x[k]))
        const [e, ih, rd] = [p("editor"), p("inHand"), p("render")]
        console.log(`       ${kind.padEnd(7)} split: click → editor evaluated p50 ${e.p50} / p95 ${e.p95} (max ${e.max}; ≤ 0: before the click); click → editor and lookups in hand p50 ${ih.p50} / p95 ${ih.p95} (max ${ih.max}); → filled form rendered p50 ${rd.p50} / p95 ${rd.p95} (max ${rd.max}) ms`)
      }
      out[s.name] = { warm: w, first: f, hovered: h, hoverMs: HOVER_MS, raw: { warm: s.warm, first: s.first, hovered: s.hovered, parts: s.parts }, newTabDcl: d, tabsOpened: s.tabsOpened, chunkBefore: s.chunkBefore, chunkBeforeHovered: s.chunkBeforeHovered, build: s.dir }
    }
    console.log(`  ratio new / base: warm ${ratio(stats(n.warm), stats(b.warm))}; first ${ratio(stats(n.first), stats(b.first))}; hovered ${ratio(stats(n.hovered), stats(b.hovered))}`)
    return out
  } finally {
    for (const s of sides) {
      await s.context.close()
      rmSync(s.profile, { recursive: true, force: true })
    }
  }
}
