import { createServer, type Server } from "node:http"
import { resolve } from "node:path"

import { chromium, type BrowserContext, type Worker } from "@playwright/test"

export const BUILD_DIR = resolve(process.env.COMPTOIR_BUILD ?? "build/chrome-mv3-prod")
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/**
 * Softphone specs only (issue #9): a fake microphone granted without a prompt, and WebRTC over loopback to the
 * local SIP lab. Passed as `extraArgs` by the specs that call, so other specs run as before.
 */
export const MEDIA_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection"]

/** The flags that keep Chromium off the network (DESIGN.md), with or without the extension. */
const OFFLINE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=en-US"]

/**
 * Debian's Chromium with the built extension; the flags keep it off the network (DESIGN.md). `buildDir` lets a bench
 * load two builds side by side in one run (bench/side-panel-open.ts).
 */
export async function launchWithExtension(userDataDir: string, extraArgs: string[] = [], buildDir = BUILD_DIR): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${buildDir}`, `--load-extension=${buildDir}`, ...OFFLINE_ARGS, ...extraArgs],
    locale: "en-US"
  })
}

/** The same Chromium and flags without any extension (the softphone bench's bare sip.js page runs in one). */
export async function launchWithoutExtension(userDataDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: [...OFFLINE_ARGS, ...extraArgs], locale: "en-US" })
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"))
}

export interface Site {
  /** http://127.0.0.1:<port>: an origin the extension runs on. */
  origin: string
  /** http://[::1]:<port>: the same server on an origin the extension does not run on. */
  bareOrigin: string
  route(path: string, body: string | Buffer, type?: string): void
}

/** A local web server answering registered routes, on loopback only. */
export async function startSite(): Promise<{ site: Site; server: Server }> {
  const routes = new Map<string, { body: string | Buffer; type: string }>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname
    const r = routes.get(path)
    if (!r) {
      res.writeHead(404).end("not found")
      return
    }
    res.writeHead(200, { "content-type": r.type, "cache-control": "no-store" }).end(r.body)
  })
  await new Promise<void>((ok) => server.listen(0, "::", ok))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return {
    server,
    site: {
      origin: `http://127.0.0.1:${port}`,
      bareOrigin: `http://[::1]:${port}`,
      route: (path, body, type = "text/html; charset=utf-8") => routes.set(path, { body, type })
    }
  }
}
