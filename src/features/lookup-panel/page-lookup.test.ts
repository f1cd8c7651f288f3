// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import type { FoundItem } from "~src/features/page-scan/page-scanner"
import type { CustomerMatch, RequestOf, ResponseOf } from "~src/messaging/contract"

import { PageLookup, type PanelView } from "./page-lookup"

const [a, b, c] = generateCustomers({ count: 3, seed: 5 }).map(({ writtenPhones: _w, ...rest }) => rest)
const flush = async () => {
  for (let i = 0; i < 4; i++) await new Promise((ok) => setTimeout(ok, 0))
}

/** An element in the document, from HTML; returns its first element child. */
function el(html = "<span></span>"): Element {
  // Test markup, parsed as a document the way a page's own HTML is.
  const parsed = new DOMParser().parseFromString(`<body><div>${html}</div></body>`, "text/html")
  const host = document.adoptNode(parsed.body.firstElementChild!)
  document.body.appendChild(host)
  return host.firstElementChild!
}

function setup(answer: (req: RequestOf<"lookup/match">) => CustomerMatch[], extra: Partial<ConstructorParameters<typeof PageLookup>[0]> = {}) {
  const requests: RequestOf<"lookup/match">[] = []
  const state: { view: PanelView; urgent: boolean } = { view: { onPage: [], recent: [] }, urgent: false }
  const lookup = new PageLookup({
    lookup: vi.fn(async (req: RequestOf<"lookup/match">): Promise<ResponseOf<"lookup/match">> => {
      requests.push(req)
      return { matches: answer(req) }
    }),
    onMatches: (view, _mark, urgent) => Object.assign(state, { view, urgent }),
    onError: (e) => {
      throw e
    },
    // jsdom has no layout: an element is hidden when it or an ancestor carries [hidden].
    isVisible: (e) => e.closest("[hidden]") === null,
    ...extra
  })
  const codes = () => state.view.onPage.map((m) => [m.customer.code, m.matchedBy])
  return { lookup, requests, state, codes }
}

const phoneOf = (x: typeof a) => x!.contacts[0]!.phones[0]!
const emailOf = (x: typeof a) => x!.contacts[0]!.emails[0]!

function exact(req: RequestOf<"lookup/match">): CustomerMatch[] {
  const out: CustomerMatch[] = []
  for (const x of [a!, b!, c!]) {
    if (req.phones.includes(phoneOf(x))) out.push({ customer: x, matchedBy: "phone", matchedValues: [phoneOf(x)] })
    if (req.emails.includes(emailOf(x))) out.push({ customer: x, matchedBy: "email", matchedValues: [emailOf(x)] })
  }
  return out
}

describe("PageLookup", () => {
  it("asks each value once, and lists the page's matches in the page's order", async () => {
    const { lookup, requests, codes } = setup((req) => (req.names?.length ? [{ customer: c!, matchedBy: "name", matchedValues: req.names }] : exact(req)))
    const sender = el(`<span class="gD" email="nobody@unknown.fr" name="Jean Dupont">Jean Dupont</span>`)
    const items: FoundItem[] = [
      { kind: "phone", value: phoneOf(a), element: el() },
      { kind: "email", value: emailOf(b), element: el() },
      { kind: "email", value: "nobody@unknown.fr", element: sender },
      { kind: "phone", value: phoneOf(a), element: el() }
    ]
    lookup.add(items)
    await flush()
    lookup.add(items.slice(0, 1))
    await flush()
    expect(requests).toHaveLength(2)
    expect(requests[0]).toMatchObject({ phones: [phoneOf(a)], emails: [emailOf(b), "nobody@unknown.fr"], names: [] })
    // The sender's name goes alone, after the exact matches, and only because its address found nobody.
    expect(requests[1]).toMatchObject({ phones: [], emails: [], names: ["Jean Dupont"] })
    // The sender's header was put on the page first, then a's number, then b's address.
    expect(codes()).toEqual([
      [c!.code, "name"],
      [a!.code, "phone"],
      [b!.code, "email"]
    ])
  })

  it("lists cards top to bottom as the page shows their values, whatever the match kind, the name or the order found", async () => {
    const { lookup, codes } = setup(exact)
    // A list: c's row, then a's, then b's (phones and an email mixed; companies in no alphabetical order).
    const list = el(`<table><tbody><tr><td>c</td></tr><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>`)
    const [rowC, rowA, rowB] = [...list.querySelectorAll("td")]
    lookup.add([
      { kind: "email", value: emailOf(b), element: rowB! },
      { kind: "phone", value: phoneOf(a), element: rowA! }
    ])
    await flush()
    expect(codes().map(([code]) => code)).toEqual([a!.code, b!.code])
    // Found later (a row the app rendered afterwards) but above the others: first.
    lookup.add([{ kind: "phone", value: phoneOf(c), element: rowC! }])
    await flush()
    expect(codes().map(([code]) => code)).toEqual([c!.code, a!.code, b!.code])
    // A card takes the place of its value highest on the page: b's number shown again at the very top.
    const top = document.createElement("span")
    list.before(top)
    lookup.add([{ kind: "phone", value: phoneOf(b), element: top }])
    await flush()
    expect(codes().map(([code]) => code)).toEqual([b!.code, c!.code, a!.code])
  })

  it("puts a frame's values where the frame is in the page, and the mail's sender first", async () => {
    const { lookup, codes } = setup((req) => [...exact(req), ...(req.emails.includes("c@sender.fr") ? [{ customer: c!, matchedBy: "email" as const, matchedValues: ["c@sender.fr"] }] : [])])
    const before = el()
    const frame = document.createElement("iframe")
    before.after(frame)
    const after = document.createElement("span")
    frame.after(after)
    const inFrame = frame.contentDocument!.createElement("span")
    frame.contentDocument!.body.appendChild(inFrame)
    lookup.add([
      { kind: "email", value: emailOf(b), element: after },
      { kind: "phone", value: phoneOf(a), element: inFrame }
    ])
    await flush()
    expect(codes().map(([code]) => code)).toEqual([a!.code, b!.code])
    // The sender's card leads even when its header sits below the rest (the panel answers "who is this?").
    const header = el(`<div aria-label="From: Claire Sender"><span title="c@sender.fr">Claire Sender</span> &lt;<span>c@sender.fr</span>&gt;</div>`)
    lookup.add([{ kind: "email", value: "c@sender.fr", element: header.querySelector("span:last-child")! }])
    await flush()
    expect(codes().map(([code]) => code)).toEqual([c!.code, a!.code, b!.code])
  })

  it("keeps one request in flight and sends what was found meanwhile in the next batch", async () => {
    let release: () => void = () => undefined
    const seen: string[][] = []
    const lookup = new PageLookup({
      lookup: async (req) => {
        seen.push(req.phones)
        await new Promise<void>((ok) => (release = ok))
        return { matches: [] }
      },
      onMatches: () => undefined,
      onError: () => undefined
    })
    lookup.add([{ kind: "phone", value: "+33600000001", element: el() }])
    await flush()
    lookup.add([{ kind: "phone", value: "+33600000002", element: el() }])
    lookup.add([{ kind: "phone", value: "+33600000003", element: el() }])
    await flush()
    expect(seen).toEqual([["+33600000001"]])
    release()
    await flush()
    expect(seen).toEqual([["+33600000001"], ["+33600000002", "+33600000003"]])
    release()
  })

  it("takes a card off the page when the last element of its values leaves, and lists it as recent", async () => {
    const { lookup, state, codes } = setup(exact)
    const first = el()
    const second = el()
    const other = el()
    lookup.add([
      { kind: "phone", value: phoneOf(a), element: first },
      { kind: "phone", value: phoneOf(a), element: second },
      { kind: "email", value: emailOf(b), element: other }
    ])
    await flush()
    expect(codes()).toEqual([
      [a!.code, "phone"],
      [b!.code, "email"]
    ])
    first.remove()
    lookup.prune()
    expect(codes().map(([code]) => code)).toContain(a!.code)
    other.remove()
    lookup.prune()
    expect(state.urgent).toBe(true)
    expect(codes()).toEqual([[a!.code, "phone"]])
    expect(state.view.recent.map((m) => m.customer.code)).toEqual([b!.code])
    second.remove()
    lookup.prune()
    expect(codes()).toEqual([])
    expect(state.view.recent.map((m) => m.customer.code)).toEqual([a!.code, b!.code])
  })

  it("brings a card back when its value comes back on the page after it left, even with no removal reported then", async () => {
    const { lookup, state, codes } = setup(exact)
    const customerView = el()
    lookup.add([{ kind: "phone", value: phoneOf(a), element: customerView }])
    await flush()
    // A route change to another view: the customer's view is removed, its card goes under "recent".
    customerView.remove()
    lookup.prune()
    expect(codes()).toEqual([])
    expect(state.view.recent.map((m) => m.customer.code)).toEqual([a!.code])
    // Back to the customer's view, rebuilt: the scanner finds the number again in a later slice than the one
    // that reported the removal, so no prune() follows. The value was asked before: nothing is asked again.
    lookup.add([{ kind: "phone", value: phoneOf(a), element: el() }])
    await flush()
    expect(codes()).toEqual([[a!.code, "phone"]])
    expect(state.view.recent).toEqual([])
  })

  it("keeps a card under \"recent\" after the base changed, though its values are no longer asked", async () => {
    const { lookup, state } = setup(exact)
    const customerView = el()
    lookup.add([{ kind: "phone", value: phoneOf(a), element: customerView }])
    await flush()
    customerView.remove()
    lookup.prune()
    lookup.add([{ kind: "email", value: emailOf(b), element: el() }])
    await flush()
    lookup.refresh()
    await flush()
    expect(state.view.onPage.map((m) => m.customer.code)).toEqual([b!.code])
    expect(state.view.recent.map((m) => m.customer.code)).toEqual([a!.code])
  })

  it("draws the list again only for a returning value that brought a customer", async () => {
    const onMatches = vi.fn()
    const lookup = new PageLookup({ lookup: async (req) => ({ matches: exact(req) }), onMatches, onError: () => undefined })
    const unknownView = el()
    lookup.add([{ kind: "phone", value: "+33600000009", element: unknownView }])
    await flush()
    unknownView.remove()
    lookup.prune()
    const drawn = onMatches.mock.calls.length
    lookup.add([{ kind: "phone", value: "+33600000009", element: el() }])
    await flush()
    expect(onMatches.mock.calls.length).toBe(drawn)
  })

  it("hides the card of a view the app hid, and shows it again when the view comes back", async () => {
    const { lookup, codes } = setup(exact)
    const view = el(`<div><span>tel</span></div>`)
    lookup.add([{ kind: "phone", value: phoneOf(a), element: view.firstElementChild! }])
    await flush()
    expect(codes()).toEqual([[a!.code, "phone"]])
    view.setAttribute("hidden", "")
    lookup.prune()
    expect(codes()).toEqual([])
    view.removeAttribute("hidden")
    lookup.prune()
    expect(codes()).toEqual([[a!.code, "phone"]])
  })

  it("drops the values of a replaced frame's document", async () => {
    const { lookup, codes } = setup(exact)
    const frame = document.createElement("iframe")
    document.body.appendChild(frame)
    const inFrame = frame.contentDocument!.createElement("span")
    frame.contentDocument!.body.appendChild(inFrame)
    lookup.add([{ kind: "email", value: emailOf(b), element: inFrame }])
    await flush()
    expect(codes()).toEqual([[b!.code, "email"]])
    frame.remove()
    // In Chromium the old document still holds the element (connected): its lost window tells it is gone.
    lookup.prune()
    expect(codes()).toEqual([])
  })

  it("drops the values of a frame's document that Firefox made a dead object, and keeps the page's own", async () => {
    const { lookup, codes } = setup(exact)
    const onPage = el(`<span>tel</span>`)
    lookup.add([{ kind: "phone", value: phoneOf(a), element: onPage }])
    const frame = document.createElement("iframe")
    document.body.appendChild(frame)
    const inFrame = frame.contentDocument!.createElement("span")
    frame.contentDocument!.body.appendChild(inFrame)
    lookup.add([{ kind: "email", value: emailOf(b), element: inFrame }])
    await flush()
    expect(codes().map(([code]) => code).sort()).toEqual([a!.code, b!.code].sort())
    // Firefox's content scripts: the old document's nodes throw on any access once its window is destroyed.
    Object.defineProperty(inFrame, "isConnected", { configurable: true, get: () => { throw new TypeError("can't access dead object") } })
    lookup.prune()
    expect(codes()).toEqual([[a!.code, "phone"]])
  })

  it("never asks a recipient's name, nor the user's own, nor a sender's whose address matched", async () => {
    const { lookup, requests } = setup(exact, { ownMailbox: () => ({ names: ["Sales Agent"], emails: ["agent@acme.fr"] }) })
    const header = el(`<table class="headers-table"><tbody>
      <tr><td class="header-title">From</td><td class="header from"><span class="adr"><a href="mailto:${emailOf(b)}" class="rcmContactAddress" title="${emailOf(b)}">Known Sender</a></span></td></tr>
      <tr><td class="header-title">To</td><td class="header to"><span class="adr"><a href="mailto:agent@acme.fr" class="rcmContactAddress" title="agent@acme.fr">Sales Agent</a></span>, <span class="adr"><a href="mailto:x@y.fr" class="rcmContactAddress" title="x@y.fr">Jean Dupont</a></span></td></tr>
      <tr><td class="header-title">Cc</td><td class="header cc"><span class="adr"><a href="mailto:z@y.fr" class="rcmContactAddress" title="z@y.fr">Marie Curie</a></span></td></tr>
    </tbody></table>`)
    const links = [...header.querySelectorAll("a")]
    lookup.add(links.map((a) => ({ kind: "email" as const, value: a.title, element: a })))
    await flush()
    expect(requests.flatMap((r) => r.names ?? [])).toEqual([])

    const self = el(`<div aria-label="From: Sales Agent"><a href="mailto:agent@acme.fr" title="agent@acme.fr">Sales Agent</a></div>`)
    lookup.add([{ kind: "email", value: "agent@acme.fr", element: self.firstElementChild! }])
    const stranger = el(`<div aria-label="From: Hélène Lefèvre"><span title="helene@new.fr">Hélène Lefèvre</span> &lt;<span>helene@new.fr</span>&gt;</div>`)
    lookup.add([{ kind: "email", value: "helene@new.fr", element: stranger.querySelector("span:last-child")! }])
    await flush()
    expect(requests.flatMap((r) => r.names ?? [])).toEqual(["Hélène Lefèvre"])
  })

  it("asks the page's values again after the base changed, and keeps the shown cards until the answer", async () => {
    let known = false
    const { lookup, requests, codes } = setup((req) => (known ? exact(req) : []))
    lookup.add([{ kind: "phone", value: phoneOf(a), element: el() }])
    await flush()
    expect(codes()).toEqual([])
    known = true
    lookup.add([{ kind: "phone", value: phoneOf(a), element: el() }])
    await flush()
    // Asked once: a value is not asked again on its own…
    expect(requests).toHaveLength(1)
    lookup.refresh()
    await flush()
    // …but is after the base changed.
    expect(requests).toHaveLength(2)
    expect(codes()).toEqual([[a!.code, "phone"]])
  })
})
