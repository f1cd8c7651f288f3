// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { WORKSPACE_ROUTE_MESSAGE } from "./route-message"
import { WorkspaceApp } from "./workspace-app"

type Listener = (message: unknown, sender: { id: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => boolean

/** A workspace tab's extension APIs: its sections' questions get empty answers; the background's messages are delivered by hand. */
function stubChrome() {
  const listeners: Listener[] = []
  const calls: string[] = []
  vi.stubGlobal("chrome", {
    tabs: {
      getCurrent: async () => ({ id: 42, windowId: 1 }),
      update: vi.fn(async (id: number, props: { active?: boolean }) => {
        // What the tab showed when it asked: the front is asked for before the route is drawn.
        calls.push(`update ${id} active=${props.active} while showing ${(document.querySelector('[data-comptoir="workspace"]') as HTMLElement | null)?.dataset.section}`)
        return { id }
      })
    },
    runtime: {
      id: "x",
      getURL: (p: string) => `chrome-extension://x/${p}`,
      sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })),
      // Removed as Chrome removes it, so a test that waits for the tab's one listener counts what it should.
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => {
          const at = listeners.indexOf(l)
          if (at >= 0) listeners.splice(at, 1)
        }
      },
      openOptionsPage: () => undefined
    },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  return Object.assign(listeners, { calls })
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
    // The tab listens once its effects have run, which a loaded machine may reach after the first draw shows.
    await waitFor(() => expect(listeners).toHaveLength(1))
    const replies: unknown[] = []
    act(() => {
      for (const l of listeners) l({ type: WORKSPACE_ROUTE_MESSAGE, payload: { path: "catalog", handoff: null } }, { id: "x" }, (r) => replies.push(r))
      // No task has run since the message: neither the hashchange event nor a scheduled render.
      expect(workspace()?.dataset.section).toBe("catalog")
    })
    expect(replies).toEqual([{ taken: true }])
    expect(location.hash).toBe("#/catalog")
  })

  it("asks the browser to bring it to the front before it draws the route, not after the background hears its reply", async () => {
    const listeners = stubChrome()
    location.hash = "#/customers"
    render(<WorkspaceApp />)
    const workspace = () => document.querySelector('[data-comptoir="workspace"]') as HTMLElement | null
    await waitFor(() => expect(workspace()?.dataset.section).toBe("customers"))
    await waitFor(() => expect(listeners).toHaveLength(1))
    // The tab learns its own id as it starts.
    await act(async () => undefined)
    act(() => {
      for (const l of listeners) l({ type: WORKSPACE_ROUTE_MESSAGE, payload: { path: "catalog", handoff: null } }, { id: "x" }, () => undefined)
    })
    expect(listeners.calls).toEqual(["update 42 active=true while showing customers"])
    expect(workspace()?.dataset.section).toBe("catalog")
  })
})
