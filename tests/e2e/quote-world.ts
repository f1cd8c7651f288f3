import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { test, type BrowserContext, type Frame, type Page } from "@playwright/test"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { generateDemoDocuments } from "~src/domain/demo/demo-documents"

import { signIn, startDemoServer, type DemoServer } from "./demo-server"
import { launchWithExtension, serviceWorkerOf, startSite, type Site } from "./launch"

/** The demo team's customers as the server seeds them (2,000, the same generator and seed). */
export function demoTeamCustomers(): Customer[] {
  return generateCustomers({ count: 2000 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c))
}

/** The demo team's customer put over its credit limit on purpose by the seeded documents. */
export function overLimitCustomer(customers: Customer[]): Customer {
  const id = generateDemoDocuments(customers, generateProducts(), "2026-12-02").overLimitCustomerId
  const found = customers.find((c) => c.id === id)
  if (!found) throw new Error("the demo documents name no over-limit customer among the demo team's")
  return found
}

/** What the quote specs run against: the real team server (demo team), a profile with the built extension, a local site. */
export interface QuoteWorld {
  server: DemoServer
  context: BrowserContext
  profileDir: string
  extensionId: string
  site: Site
  close: () => Promise<void>
}

/**
 * Starts the three; a failure part-way closes what was already started, so a spec's beforeAll that throws leaves no
 * server process or profile behind.
 */
export async function openQuoteWorld(profilePrefix: string): Promise<QuoteWorld> {
  const closers: (() => Promise<void>)[] = []
  const close = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse()) await c()
  }
  try {
    const server = await startDemoServer()
    closers.push(() => server.stop())
    const started = await startSite()
    closers.push(async () => {
      started.server.closeAllConnections()
      await new Promise((ok) => started.server.close(ok))
    })
    const profileDir = mkdtempSync(join(tmpdir(), profilePrefix))
    closers.push(async () => rmSync(profileDir, { recursive: true, force: true }))
    const context = await launchWithExtension(profileDir)
    closers.push(() => context.close())
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    return { server, context, profileDir, extensionId, site: started.site, close }
  } catch (e) {
    await close()
    throw e
  }
}

/** The quote form's frame over a page, once the page has one. */
export const quoteFrame = (p: Page): Frame | undefined => p.frames().find((f) => f.url().includes("/tabs/quote-frame.html"))

/**
 * A quote spec's world, opened before all its tests and closed after them: the agent signed in to the demo team's
 * server, the site serving what `route` puts on it. `world()` is the world once opened.
 */
export function quoteSpecWorld(profilePrefix: string, route: (site: Site) => void): { world: () => QuoteWorld } {
  let world: QuoteWorld | undefined
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    world = await openQuoteWorld(profilePrefix)
    route(world.site)
    const options = await world.context.newPage()
    await signIn(options, world.extensionId, world.server.url, "agent1@demo.comptoir.test")
    await options.close()
  })
  test.afterAll(async () => {
    await world?.close()
  })
  return {
    world: () => {
      if (!world) throw new Error("the quote world is opened in beforeAll")
      return world
    }
  }
}
