import { mkdirSync } from "node:fs"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { loadConfig, parseExtensionIds } from "./config"
import { unpackedExtensionId } from "./extension-id"
import { TestServer } from "./test/harness"

const ID = "abcdefghijklmnopabcdefghijklmnop"
const EXTENSION = `chrome-extension://${ID}`
const FIREFOX_ID = "0f3e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"
const OTHER_EXTENSION = "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"

describe("CORS", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await TestServer.start("pglite", { config: { extensionIds: parseExtensionIds(`${ID}, {${FIREFOX_ID.toUpperCase()}}`) } })
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  it("answers the configured extension's preflight for a bearer push", async () => {
    const res = await server.app.inject({
      method: "OPTIONS",
      url: "/sync/push",
      headers: { origin: EXTENSION, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" }
    })
    expect(res.statusCode).toBe(204)
    expect(res.headers["access-control-allow-origin"]).toBe(EXTENSION)
    expect(String(res.headers["access-control-allow-headers"])).toMatch(/authorization/)
    expect(String(res.headers["access-control-allow-methods"])).toMatch(/POST/)
  })

  it("lets the configured extensions (Chrome and Firefox) read a login reply and its errors", async () => {
    for (const origin of [EXTENSION, `moz-extension://${FIREFOX_ID}`]) {
      const res = await server.app.inject({ method: "POST", url: "/auth/login", headers: { origin }, payload: { email: "nobody@test.comptoir.test", password: "wrong-password" } })
      expect(res.statusCode, origin).toBe(401)
      expect(res.headers["access-control-allow-origin"], origin).toBe(origin)
    }
  })

  it("gives another extension, web pages and look-alike origins nothing", async () => {
    for (const origin of [OTHER_EXTENSION, "moz-extension://11111111-2222-4333-8444-555555555555", "https://evil.example", "chrome-extension://short", `${EXTENSION}.evil.example`, `${EXTENSION}/`]) {
      const preflight = await server.app.inject({ method: "OPTIONS", url: "/sync/push", headers: { origin, "access-control-request-method": "POST" } })
      expect(preflight.headers["access-control-allow-origin"], origin).toBeUndefined()
      expect(preflight.statusCode, origin).not.toBe(204)
      const login = await server.app.inject({ method: "POST", url: "/auth/login", headers: { origin }, payload: { email: "nobody@test.comptoir.test", password: "wrong-password" } })
      expect(login.headers["access-control-allow-origin"], origin).toBeUndefined()
    }
  })

  it("reads EXTENSION_IDS as a comma-separated list and refuses anything that is not an extension id", () => {
    expect(loadConfig({ EXTENSION_IDS: ` ${ID} ,${FIREFOX_ID}` }).extensionIds).toEqual([ID, FIREFOX_ID])
    expect(loadConfig({}).extensionIds).toEqual([])
    expect(() => loadConfig({ EXTENSION_IDS: `${ID},https://evil.example` })).toThrow(/EXTENSION_IDS: not an extension id: https:\/\/evil.example/)
  })
})

describe("the locally built extension's id (demo mode)", () => {
  it("is derived as Chrome derives an unpacked extension's id from its directory", () => {
    // Observed in Debian's Chromium: an extension loaded unpacked from this directory got this id.
    const dir = "/tmp/comptoir-ext-id-check"
    mkdirSync(dir, { recursive: true })
    expect(unpackedExtensionId(dir)).toBe("hacbkhgppgfgpocganmeahnnnhhedgha")
  })
})
