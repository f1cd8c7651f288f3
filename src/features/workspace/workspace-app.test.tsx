// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { WORKSPACE_ROUTE_MESSAGE } from "./route-message"
import { WorkspaceApp } from "./workspace-app"

type Listener = (message: unknown, sender: { id: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => boolean

/** A workspace tab's extension APIs: its sections' questions get empty answers; the background's messages are delivered by hand. */
function stubChrome() {
  const listeners: Listener[] = []
  vi.stubGlobal("chrome", {
    runtime: {
      id: "x",
      getURL: (p: string) => `chrome-extension://x/${p}`,
      sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })),
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
      openOptionsPage: () => undefined
    },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  return listeners
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  location.hash = ""
})

describe("the workspace tab already open, handed a route by the background", () => {
  it("draws the route while it handles the message, not after the tab's queued tasks, and says it took it", async () => {
    const listeners = stubChrome()
    location.hash = "#/customers"
    render(<WorkspaceApp />)
    const workspace = () => document.querySelector('[data-comptoir="workspace"]') as HTMLElement | null
    await waitFor(() => expect(workspace()?.dataset.section).toBe("customers"))
    const replies: unknown[] = []
    act(() => {
      for (const l of listeners) l({ type: WORKSPACE_ROUTE_MESSAGE, payload: { path: "catalog", handoff: null } }, { id: "x" }, (r) => replies.push(r))
      // No task has run since the message: neither the hashchange event nor a scheduled render.
      expect(workspace()?.dataset.section).toBe("catalog")
    })
    expect(replies).toEqual([{ taken: true }])
    expect(location.hash).toBe("#/catalog")
  })
})
