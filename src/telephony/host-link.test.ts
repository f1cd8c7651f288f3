import { describe, expect, it } from "vitest"

import { HostLink } from "./host-link"

describe("the way to Chrome's offscreen document", () => {
  it("places calls without asking the browser for the softphone's document each time, and makes it again once it is gone", async () => {
    const doc = { open: false, created: 0, lookups: 0 }
    const g = globalThis as unknown as { chrome: unknown }
    g.chrome = {
      runtime: {
        getURL: (p: string) => `chrome-extension://x/${p}`,
        getContexts: async () => (doc.lookups++, doc.open ? [{ contextType: "OFFSCREEN_DOCUMENT" }] : []),
        // With the document gone, an open popup still receives the message and answers nothing.
        sendMessage: async () => (doc.open ? { ok: true, data: { callId: `c${doc.created}` } } : undefined)
      },
      offscreen: { createDocument: async () => void ((doc.open = true), doc.created++) }
    }
    const link = new HostLink(null)
    expect(await link.run({ op: "call", number: "+33144319244" })).toEqual({ callId: "c1" })
    expect(await link.run({ op: "call", number: "+33144319244" })).toEqual({ callId: "c1" })
    expect(doc.lookups).toBe(1)
    doc.open = false
    expect(await link.run({ op: "call", number: "+33144319244" })).toEqual({ callId: "c2" })
    expect(doc.created).toBe(2)
  })
})
