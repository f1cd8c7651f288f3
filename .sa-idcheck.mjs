import { chromium } from "@playwright/test"
import { mkdtempSync } from "node:fs"
const dir = "/tmp/comptoir-ext-id-check"
const ctx = await chromium.launchPersistentContext(mkdtempSync("/tmp/sa-prof-"), { executablePath: "/usr/bin/chromium", headless: true, args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, "--no-sandbox", "--disable-gpu"] })
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"))
console.log("chrome id", new URL(sw.url()).host)
await ctx.close()
