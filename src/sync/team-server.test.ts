import { describe, expect, it } from "vitest"

import { SyncError } from "./sync-errors"
import { TeamServer } from "./team-server"

const session = { serverUrl: "http://127.0.0.1:8787", token: "t" }

describe("a sync request to a team server that cannot be reached", () => {
  it("fails with the code 'offline' and only the browser's own words, for the UI to put into a sentence", async () => {
    const server = new TeamServer(async () => {
      throw new TypeError("NetworkError when attempting to fetch resource.")
    })
    const failure = await server.request(session, "GET", "/sync/pull", undefined, (x) => x).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SyncError)
    expect((failure as SyncError).code).toBe("offline")
    expect((failure as SyncError).message).toBe("NetworkError when attempting to fetch resource.")
  })
})
