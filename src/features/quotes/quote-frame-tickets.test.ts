import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { QUOTE_FRAME_HOSTS, framingAllowed } from "./quote-frame-hosts"
import { FrameTickets, MAX_TICKETS_PER_TAB, UNATTACHED_TTL_MS } from "./quote-frame-tickets"

function tickets() {
  let now = 1_000
  let n = 0
  const t = new FrameTickets(
    () => now,
    () => String(++n).padStart(32, "0")
  )
  return { t, later: (ms: number) => (now += ms) }
}

describe("the quote frame's tickets", () => {
  it("gives the route to the frame of the tab that asked, once", () => {
    const { t } = tickets()
    const ticket = t.issue(7, "http://127.0.0.1:8080", "quotes/new?customer=c-1")
    const taken = t.attach(ticket.id, 7, 3, "http://127.0.0.1:8080")
    expect(taken).toMatchObject({ path: "quotes/new?customer=c-1", frameId: 3 })
    // A second frame with the same ticket (a page that read it somehow) gets nothing.
    expect(t.attach(ticket.id, 7, 4, "http://127.0.0.1:8080")).toBe("taken")
  })

  it("refuses a ticket presented from another tab, from the top frame, or under another page", () => {
    const { t } = tickets()
    const ticket = t.issue(7, "https://mail.google.com", null)
    expect(t.attach(ticket.id, 8, 3, "https://mail.google.com")).toBe("other-tab")
    expect(t.attach(ticket.id, 7, 0, "https://mail.google.com")).toBe("not-a-frame")
    expect(t.attach(ticket.id, 7, 3, "https://ads.example")).toBe("other-origin")
    expect(t.attach(ticket.id, 7, 3, "nested:2")).toBe("other-origin")
    expect(t.attach("f".repeat(32), 7, 3, "https://mail.google.com")).toBe("unknown-ticket")
    // None of those spent it: the real frame still takes it (Firefox, without ancestorOrigins, sends null).
    expect(t.attach(ticket.id, 7, 3, null)).toMatchObject({ frameId: 3 })
  })

  it("forgets a ticket no frame took within 30 s, and a tab's tickets when it closes", () => {
    const { t, later } = tickets()
    const stale = t.issue(7, "https://mail.google.com", null)
    later(UNATTACHED_TTL_MS + 1)
    expect(t.attach(stale.id, 7, 3, null)).toBe("unknown-ticket")
    const live = t.issue(7, "https://mail.google.com", null)
    t.dropTab(7)
    expect(t.ofTab(live.id, 7)).toBeNull()
  })

  it(`keeps at most ${MAX_TICKETS_PER_TAB} tickets per tab, the newest`, () => {
    const { t } = tickets()
    const all = Array.from({ length: MAX_TICKETS_PER_TAB + 2 }, () => t.issue(7, "https://mail.google.com", null))
    expect(all.filter((x) => t.ofTab(x.id, 7) !== null).map((x) => x.id)).toEqual(all.slice(-MAX_TICKETS_PER_TAB).map((x) => x.id))
    expect(t.ofTab(all.at(-1)!.id, 8)).toBeNull()
  })

  it("tells of every ticket that goes: past the limit, expired, with its tab", () => {
    let now = 1_000
    let n = 0
    const dropped: string[] = []
    const t = new FrameTickets(
      () => now,
      () => String(++n).padStart(32, "0"),
      (id) => dropped.push(id)
    )
    const first = t.issue(7, "https://mail.google.com", null)
    for (let i = 1; i < MAX_TICKETS_PER_TAB; i++) t.issue(7, "https://mail.google.com", null)
    const attached = t.issue(7, "https://mail.google.com", null)
    expect(dropped).toEqual([first.id])
    t.attach(attached.id, 7, 3, "https://mail.google.com")
    now += UNATTACHED_TTL_MS + 1
    t.expire()
    expect(dropped).toHaveLength(MAX_TICKETS_PER_TAB)
    expect(dropped).not.toContain(attached.id)
    t.dropTab(7)
    expect(dropped).toContain(attached.id)
  })

  it("draws 128 random bits per ticket", async () => {
    const { randomTicketId } = await import("./quote-frame-tickets")
    const ids = new Set(Array.from({ length: 100 }, randomTicketId))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe("the pages the quote form may be framed in", () => {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")).manifest as {
    web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]
    optional_host_permissions: string[]
  }

  it("are the manifest's, for the quote frame alone, behind Chrome's dynamic URL", () => {
    expect(manifest.web_accessible_resources).toEqual([{ resources: ["tabs/quote-frame.html"], matches: [...QUOTE_FRAME_HOSTS], use_dynamic_url: true }])
  })

  it("are every site the agent could add (the optional host permissions), no more: no file, no browser page", () => {
    expect([...QUOTE_FRAME_HOSTS].sort()).toEqual([...manifest.optional_host_permissions].sort())
  })

  it("are the webmails, local pages and a CRM added later, but never a page that is not a web page", () => {
    expect(framingAllowed("https://mail.google.com/mail/u/0/#inbox")).toBe(true)
    expect(framingAllowed("http://127.0.0.1:5173/crm/contact")).toBe(true)
    expect(framingAllowed("https://crm.example.com/contacts/12")).toBe(true)
    expect(framingAllowed("http://crm.intranet:8080/contacts/12")).toBe(true)
    expect(framingAllowed("file:///home/agent/contacts.html")).toBe(false)
    expect(framingAllowed("chrome-extension://abc/tabs/workspace.html")).toBe(false)
    expect(framingAllowed("about:blank")).toBe(false)
    expect(framingAllowed("data:text/html,<p>x</p>")).toBe(false)
    expect(framingAllowed("not a url")).toBe(false)
  })
})
