import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join, relative, resolve, sep } from "node:path"

import { zipSync } from "fflate"
import puppeteer, { type Browser, type ElementHandle, type NodeFor, type Page } from "puppeteer-core"

// Debian's Firefox ESR driven over WebDriver BiDi (puppeteer-core, no downloaded browser), with the Firefox build
// (`npm run build:firefox`) installed as a temporary add-on, the way a developer loads it from about:debugging, or
// (`permanent`) installed in the profile, where it stays across a restart of the browser.

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr"
export const BUILD = resolve(process.env.COMPTOIR_FIREFOX_BUILD ?? "build/firefox-mv3-prod")
export const ADDON_ID = "comptoir@comptoir.example"
/** Fixed through the profile's prefs, so the tests know the add-on's moz-extension:// origin (random otherwise). */
export const ADDON_UUID = "0c0ffee0-4c1e-4e2e-9a57-6f1c2a4e3d9b"

export interface LaunchedFirefox {
  browser: Browser
  /** A scratch directory of this browser's (its profile is inside), removed by `close`. */
  workDir: string
  /** The id Firefox gave the installed build (ADDON_ID when the manifest's gecko id is read). */
  addonId: string
  /** Closes the browser and removes `workDir`. */
  close(): Promise<void>
  /** The browser's process killed (SIGKILL: a crash, or the machine shut down under it); `workDir` kept, to launch again on. */
  kill(): Promise<void>
  /**
   * The browser quit as a user closes it (`workDir` kept, to launch again on): WebDriver BiDi's `browser.close`
   * closes every tab without asking (no beforeunload prompt), so the last window goes and Firefox shuts down the
   * way it does when the user closes its last window, the add-ons unloaded with the rest. Waits for the process to
   * exit by itself (puppeteer's `close` kills it once the command is answered, before the shutdown is done);
   * throws if it is not gone within `timeout` ms.
   */
  quit(timeout?: number): Promise<void>
}

export interface LaunchOptions {
  /**
   * The build installed in the profile rather than as a temporary add-on (which goes with the browser): zipped
   * unsigned into the profile's `extensions/` folder, named by its gecko id, as a sideloaded add-on, which Firefox
   * ESR installs at start when `xpinstall.signatures.required` is false and enables without asking when
   * `extensions.autoDisableScopes` leaves the profile's scope out. It stays across a restart on the same profile.
   */
  permanent?: boolean
  /** Launches on the profile of an earlier browser, closed or killed (its `workDir`): the add-on installed there stays. */
  workDir?: string
}

/** The build as an .xpi: a zip with the manifest at its root. */
export function packAddon(build = BUILD): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(build, path).split(sep).join("/")] = readFileSync(path)
    }
  }
  walk(build)
  return zipSync(files, { level: 1 })
}

/** Firefox ESR with a fresh profile (or `options.workDir`'s) and the Firefox build installed; `prefs` are added to the profile's. */
export async function launchFirefox(prefs: Record<string, unknown> = {}, options: LaunchOptions = {}): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr (npm test's preflight installs it)`)
  if (!existsSync(join(BUILD, "manifest.json"))) throw new Error(`${BUILD} is missing: npm run build:firefox`)
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), "comptoir-firefox-"))
  const profile = join(workDir, "profile")
  const xpi = join(profile, "extensions", `${ADDON_ID}.xpi`)
  if (options.permanent && !existsSync(xpi)) {
    mkdirSync(join(profile, "extensions"), { recursive: true })
    writeFileSync(xpi, packAddon())
  }
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages (the options page) without this test-only flag.
    args: ["--remote-allow-system-access"],
    userDataDir: profile,
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      "intl.locale.requested": "en-US",
      // Keep the browser off the network (the equivalent of the Chromium flags in tests/e2e/launch.ts).
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "extensions.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      ...(options.permanent ? { "xpinstall.signatures.required": false, "extensions.autoDisableScopes": 0 } : {}),
      ...prefs
    }
  })
  const addonId = options.permanent ? ADDON_ID : await browser.installExtension(BUILD)
  return {
    browser,
    workDir,
    addonId,
    close: async () => {
      if (browser.connected) await browser.close()
      rmSync(workDir, { recursive: true, force: true })
    },
    kill: async () => {
      const child = browser.process()
      if (!child || child.exitCode !== null) return
      const exited = new Promise((ok) => child.once("exit", ok))
      child.kill("SIGKILL")
      await exited
    },
    quit: async (timeout = 30_000) => {
      const child = browser.process()
      if (!child || child.exitCode !== null) return
      const exited = new Promise((ok) => child.once("exit", ok))
      // Not answered when the browser goes before its reply: the exit is what is awaited.
      // (Puppeteer's Firefox browser has its BiDi connection out, untyped on the common Browser.)
      const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection
      void bidi.send("browser.close", {}).catch(() => undefined)
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise((_, ko) => (timer = setTimeout(() => ko(new Error(`Firefox still running ${timeout} ms after browser.close`)), timeout)))
      try {
        await Promise.race([exited, late])
      } finally {
        clearTimeout(timer)
      }
    }
  }
}

/**
 * An extension page in the tab, awaited by what the user sees of it: `selector`, once shown (its handle; none within
 * `timeout` ms: throws). The navigation is not awaited: its load event may not reach WebDriver BiDi for a page of the
 * extension's process, and a `goto` awaited waits out its timeout on every call whatever the page shows.
 * A wait begun on the page before fails when that page goes: waited again on the new one.
 */
export async function openExtensionPageShowing<S extends string>(page: Page, path: string, selector: S, timeout = 20_000): Promise<ElementHandle<NodeFor<S>>> {
  const end = Date.now() + timeout
  void page.goto(`moz-extension://${ADDON_UUID}/${path}`, { waitUntil: "domcontentloaded", timeout }).catch(() => undefined)
  for (;;) {
    try {
      const found = await page.waitForSelector(selector, { timeout: Math.max(1, end - Date.now()) })
      if (found) return found
    } catch (e) {
      if (Date.now() >= end) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/**
 * Waits for an element of the in-page panel, which mounts in an open shadow root. Polled: `waitForSelector`
 * re-checks on the document's mutations, and a change inside the shadow root is none (a card rendered there after
 * the first check went unseen until the page itself changed: a 20 s timeout now and then).
 */
export async function waitInOverlay(page: Page, selector: string, timeout = 20_000): Promise<ElementHandle<Element>> {
  const found = await page.waitForFunction((s) => document.querySelector("#comptoir-overlay")?.shadowRoot?.querySelector(s) ?? null, { timeout, polling: 100 }, selector)
  return found as ElementHandle<Element>
}

export interface FixtureSite {
  /** http://127.0.0.1:<port> */
  origin: string
  /** Serves `html` at `path` (text/html, not cached). */
  route(path: string, html: string): void
  close(): Promise<void>
}

/** A local HTTP server for the fixture pages (the browser's content script runs on http://127.0.0.1/*). */
export async function startFixtureSite(): Promise<FixtureSite> {
  const routes = new Map<string, string>()
  const server = createServer((req, res) => {
    const body = routes.get(new URL(req.url ?? "/", "http://x").pathname)
    if (body === undefined) res.writeHead(404).end("not found")
    else res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const a = server.address()
  return {
    origin: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`,
    route: (path, html) => void routes.set(path, html),
    close: async () => {
      server.closeAllConnections()
      await new Promise((ok) => server.close(ok))
    }
  }
}
