// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import type { SyncStatus } from "~src/messaging/contract"

import { useSyncStatus } from "./sync-status-line"

const status: SyncStatus = {
  signedIn: true,
  serverUrl: "https://team.example",
  user: { email: "anne@example.fr", name: "Anne", role: "agent" },
  team: { id: "t1", name: "Boulangeries" },
  lastSyncedAt: 1_764_900_000_000,
  pending: 0,
  conflicts: 0,
  lastError: null,
  progress: null,
  firstUpload: null
}
let answer: SyncStatus

beforeEach(() => {
  vi.useFakeTimers()
  answer = status
  // Each answer is new JSON from the background, as in the browser.
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: JSON.parse(JSON.stringify(answer)) as unknown })) } })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** One poll: its timer, then the background's answer. */
async function poll() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(3_000)
  })
}

describe("the sync status a page polls every 3 s", () => {
  it("does not render the page again when the background answers the same status", async () => {
    let renders = 0
    const { result } = renderHook(() => {
      renders++
      return useSyncStatus()
    })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(result.current.status?.lastSyncedAt).toBe(status.lastSyncedAt)
    const [shown, rendersThen] = [result.current.status, renders]
    await poll()
    await poll()
    expect(result.current.status).toBe(shown)
    expect(renders).toBe(rendersThen)
  })

  it("shows a changed status at the next poll", async () => {
    const { result } = renderHook(() => useSyncStatus())
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    answer = { ...status, pending: 3 }
    await poll()
    expect(result.current.status?.pending).toBe(3)
  })
})
