// @vitest-environment jsdom
import { renderHook, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { DEMO_SELLER } from "~src/domain/demo/demo-seller"

import { useAgent } from "./use-scripts"

function stubChrome(seller: typeof DEMO_SELLER | null) {
  const answers: Record<string, unknown> = {
    "sync/status": {
      signedIn: true,
      serverUrl: "http://127.0.0.1:8787",
      user: { email: "agent1@demo.comptoir.test", name: "Marc Lefèbvre", role: "agent" },
      team: { id: "t1", name: "Comptoir Démo" },
      lastSyncedAt: 1,
      pending: 0,
      conflicts: 0,
      lastError: null,
      progress: null,
      firstUpload: null
    },
    "team/seller": { seller, validityDays: 30, mayEdit: false, dunningSchedule: { friendly: 7, firm: 15, "formal-notice": 30 } }
  }
  vi.stubGlobal("chrome", {
    runtime: { sendMessage: vi.fn(async (m: { type: string }) => (m.type in answers ? { ok: true, data: answers[m.type] } : { ok: false, error: "unexpected" })), getURL: (p: string) => `chrome-extension://x/${p}` }
  })
}

afterEach(() => vi.unstubAllGlobals())

describe("who the agent says they are in a call script", () => {
  it("names the company the customer's quotes and invoices come from, not the team's name on the server", async () => {
    stubChrome(DEMO_SELLER)
    const { result } = renderHook(() => useAgent())
    await waitFor(() => expect(result.current.name).toBe("Marc Lefèbvre"))
    expect(result.current.company).toBe("Comptoir Démo Distribution")
  })

  it("falls back to the team's name while no seller identity is filled in", async () => {
    stubChrome(null)
    const { result } = renderHook(() => useAgent())
    await waitFor(() => expect(result.current.company).toBe("Comptoir Démo"))
  })
})
