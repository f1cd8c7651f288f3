import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { TestServer } from "./test/harness"

const EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"

describe("CORS", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await TestServer.start("pglite")
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  it("answers the extension's preflight for a bearer push", async () => {
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

  it("lets the extension read a login reply and its errors", async () => {
    const res = await server.app.inject({ method: "POST", url: "/auth/login", headers: { origin: EXTENSION }, payload: { email: "nobody@test.comptoir.test", password: "wrong-password" } })
    expect(res.statusCode).toBe(401)
    expect(res.headers["access-control-allow-origin"]).toBe(EXTENSION)
  })

  it("gives web pages and look-alike origins nothing", async () => {
    for (const origin of ["https://evil.example", "chrome-extension://short", `${EXTENSION}.evil.example`]) {
      const res = await server.app.inject({ method: "OPTIONS", url: "/sync/push", headers: { origin, "access-control-request-method": "POST" } })
      expect(res.headers["access-control-allow-origin"], origin).toBeUndefined()
      expect(res.statusCode, origin).not.toBe(204)
    }
  })
})
