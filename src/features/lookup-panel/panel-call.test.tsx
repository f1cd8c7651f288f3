// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import type { CallBar } from "~src/domain/telephony/call-bar"
import { createI18n } from "~src/i18n"

import { useCallPress } from "~src/features/softphone/use-call-press"

import { pushedCallBar } from "./page-messaging"
import { callerCardOf, PanelCall, shownCount, usePanelCall } from "./panel-call"

const customer = (id: string, code: string, company: string) =>
  Customer.parse({
    id,
    code,
    company,
    country: "FR",
    language: "fr",
    contacts: [{ id: `${id}-p`, firstName: "Léa", lastName: "Martin", phones: ["+33123456789"], emails: [] }],
    createdAt: 1,
    updatedAt: 1
  })
const cave = customer("c1", "C-00012", "Cave Saint-Jean")
const bistrot = customer("c2", "C-00044", "Bistrot du Port")

const ringing = (candidates: Customer[], customerId: string | null, updatedAt = 10): CallBar => ({
  state: "ringing-in",
  registration: "registered",
  configured: true,
  call: {
    id: "call-1",
    direction: "inbound",
    phase: "ringing-in",
    number: "+33123456789",
    displayName: "",
    muted: false,
    onHold: false,
    startedAt: 1,
    answeredAt: null,
    endedAt: null,
    endReason: null
  },
  candidates,
  customerId,
  updatedAt
})
const idle = (updatedAt: number): CallBar => ({ state: "registered", registration: "registered", configured: true, call: null, candidates: [], customerId: null, updatedAt })

let sendMessage: ReturnType<typeof vi.fn>
let onMessage: Set<(m: unknown) => void>
beforeEach(() => {
  onMessage = new Set()
  sendMessage = vi.fn(async () => ({ ok: true, data: { ok: true } }))
  vi.stubGlobal("chrome", {
    runtime: { sendMessage, onMessage: { addListener: (l: (m: unknown) => void) => onMessage.add(l), removeListener: (l: (m: unknown) => void) => onMessage.delete(l) } }
  })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const show = (bar: CallBar) =>
  render(
    <I18nextProvider i18n={createI18n("fr")}>
      <PanelCall bar={bar} agentCountry="FR" onOpen={() => undefined} onLogCall={() => undefined} />
    </I18nextProvider>
  )

describe("the call over the page", () => {
  it("pops the caller's card with answer and decline as soon as it rings", () => {
    const { container } = show(ringing([cave], cave.id))
    expect(container.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("ringing-in")
    expect(container.querySelector('[data-comptoir="caller-card"]')?.getAttribute("data-customer-code")).toBe("C-00012")
    expect(screen.getByText("Cave Saint-Jean")).toBeTruthy()
    expect(screen.getByText(/Appel entrant/)).toBeTruthy()
    expect(screen.getByRole("button", { name: "Décrocher" })).toBeTruthy()
    expect(screen.getByRole("button", { name: "Refuser" })).toBeTruthy()
    expect(container.querySelector('[data-comptoir="hangup"]')).toBeNull()
  })

  it("names who is calling above the state, as the dock's heading does: the contact holding the number and the company", () => {
    const { container } = show(ringing([cave], cave.id))
    expect(container.querySelector('[data-comptoir="softphone-who"]')?.textContent).toBe("Léa Martin · Cave Saint-Jean")
    // The company alone when two contacts share the line (a switchboard), and nobody before the pick among customers.
    cleanup()
    const standard = Customer.parse({ ...cave, contacts: [...cave.contacts, { id: "c1-q", firstName: "Paul", lastName: "Roy", phones: ["+33123456789"], emails: [] }] })
    expect(show(ringing([standard], cave.id)).container.querySelector('[data-comptoir="softphone-who"]')?.textContent).toBe("Cave Saint-Jean")
    cleanup()
    expect(show(ringing([cave, bistrot], null)).container.querySelector('[data-comptoir="softphone-who"]')).toBeNull()
  })

  it("brings the call's first line, who is calling, into view in the panel's scrolled list when a call starts, once per call: the card clicked to call had scrolled it away", () => {
    const scrollIntoView = vi.fn()
    const before = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = scrollIntoView
    try {
      const { rerender } = show(idle(1))
      expect(scrollIntoView).not.toHaveBeenCalled()
      const bar = ringing([cave], cave.id, 2)
      const at = (b: CallBar) => (
        <I18nextProvider i18n={createI18n("fr")}>
          <PanelCall bar={b} agentCountry="FR" onOpen={() => undefined} onLogCall={() => undefined} />
        </I18nextProvider>
      )
      rerender(at(bar))
      expect(scrollIntoView).toHaveBeenCalledTimes(1)
      // Its first line, who is calling: the whole section, the caller's card in it, can be taller than the panel,
      // and "nearest" would then align its bottom, the caller's name and the state above the fold.
      expect(scrollIntoView.mock.contexts[0]).toBe(document.querySelector('[data-comptoir="softphone-who"]'))
      expect(scrollIntoView.mock.calls[0]![0]).toEqual({ block: "nearest" })
      // The same call answered, then muted: the agent may have scrolled since, the line stays where they put it.
      rerender(at({ ...bar, state: "in-call", call: { ...bar.call!, phase: "in-call", answeredAt: 5 }, updatedAt: 3 }))
      rerender(at({ ...bar, state: "in-call", call: { ...bar.call!, phase: "in-call", answeredAt: 5, muted: true }, updatedAt: 4 }))
      expect(scrollIntoView).toHaveBeenCalledTimes(1)
    } finally {
      Element.prototype.scrollIntoView = before
    }
  })

  it("asks who is calling when several customers share the number, and shows no card before the pick", () => {
    const { container } = show(ringing([cave, bistrot], null))
    expect(container.querySelector('[data-comptoir="caller-card"]')).toBeNull()
    const choices = [...container.querySelectorAll('[data-comptoir="caller-choice"]')].map((b) => b.getAttribute("data-customer-code"))
    expect(choices).toEqual(["C-00012", "C-00044"])
  })

  it("shows no caller card for an outgoing call: the agent placed it from the card in front of them", () => {
    const bar = ringing([cave], cave.id)
    const { container } = show({ ...bar, state: "ringing-out", call: { ...bar.call!, direction: "outbound", phase: "ringing-out" } })
    expect(container.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("ringing-out")
    expect(container.querySelector('[data-comptoir="caller-card"]')).toBeNull()
    expect(screen.getByRole("button", { name: "Raccrocher" })).toBeTruthy()
  })

  it("says the number is unknown when no customer holds it", () => {
    show(ringing([], null))
    expect(screen.getByText(/n'est pas dans la base/)).toBeTruthy()
  })

  it("offers to log a call just ended, and says the softphone's state again once that call is five minutes old", () => {
    const ended = (endedAt: number): CallBar => {
      const bar = ringing([cave], cave.id)
      return { ...bar, state: "ended", call: { ...bar.call!, phase: "ended", answeredAt: endedAt - 30_000, endedAt, endReason: "hangup-remote" }, candidates: [], customerId: null }
    }
    const { container, unmount } = show(ended(Date.now() - 1000))
    expect(container.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("ended")
    expect(screen.getByRole("button", { name: "Noter l'appel" })).toBeTruthy()
    expect(container.querySelector('[data-comptoir="caller-card"]')).toBeNull()
    unmount()
    const old = show(ended(Date.now() - 6 * 60_000))
    expect(old.container.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("registered")
    expect(screen.getByText(/Prêt pour les appels/)).toBeTruthy()
    expect(screen.queryByRole("button", { name: "Noter l'appel" })).toBeNull()
  })

  it("does not answer on a scripted click: the page's own scripts can reach the panel", () => {
    show(ringing([cave], cave.id))
    fireEvent.click(screen.getByRole("button", { name: "Décrocher" }))
    fireEvent.click(screen.getByRole("button", { name: "Refuser" }))
    // The card asks for its risk and documents; nothing is sent to the softphone.
    const sent = sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)
    expect(sent.filter((type) => type.startsWith("softphone/"))).toEqual([])
  })

  it("keeps the newest of what it was pushed and what it asked, and refuses a malformed push", async () => {
    let answer: (v: unknown) => void = () => undefined
    const asked = new Promise((r) => {
      answer = r
    })
    sendMessage.mockReturnValueOnce(asked)
    const { result } = renderHook(() => usePanelCall())
    expect(sendMessage).toHaveBeenCalledWith({ type: "softphone/bar", payload: {} })
    act(() => onMessage.forEach((l) => l({ type: "panel/softphone", payload: ringing([cave], cave.id, 20) })))
    expect(result.current?.state).toBe("ringing-in")
    await act(async () => answer({ ok: true, data: idle(10) }))
    expect(result.current?.state).toBe("ringing-in")
    act(() => onMessage.forEach((l) => l({ type: "panel/softphone", payload: { ...idle(30), candidates: [{ id: "c9" }] } })))
    expect(result.current?.updatedAt).toBe(20)
    expect(pushedCallBar({ type: "panel/softphone", payload: idle(30) })).toEqual(idle(30))
  })
})

describe("what the panel's header counts during a call", () => {
  const onPage = (...cs: Customer[]) => cs.map((customer) => ({ customer }))

  it("counts the incoming caller's card when the page names nobody", () => {
    const caller = callerCardOf(ringing([cave], cave.id))
    expect(caller?.code).toBe("C-00012")
    expect(shownCount(onPage(), caller?.id ?? null)).toEqual({ count: 1, caller: true })
  })

  it("counts the caller once when the page shows that customer too", () => {
    expect(shownCount(onPage(cave, bistrot), cave.id)).toEqual({ count: 2, caller: false })
    expect(shownCount(onPage(bistrot), cave.id)).toEqual({ count: 2, caller: true })
  })

  it("counts no caller before the agent picks among several, nor for an outgoing or ended call", () => {
    expect(callerCardOf(ringing([cave, bistrot], null))).toBeNull()
    const bar = ringing([cave], cave.id)
    expect(callerCardOf({ ...bar, call: { ...bar.call!, direction: "outbound", phase: "ringing-out" } })).toBeNull()
    expect(callerCardOf({ ...bar, call: { ...bar.call!, phase: "ended", endedAt: 5 } })).toBeNull()
    expect(shownCount(onPage(bistrot), null)).toEqual({ count: 1, caller: false })
  })
})

describe("the call line while a card of the page places a call (its first publication is held: outgoing-hold.ts)", () => {
  it("says Calling… and to whom, not Ready for calls under the card's own Calling…, and keeps the published state in data-state", async () => {
    let answer: (reply: unknown) => void = () => undefined
    sendMessage.mockReturnValueOnce(new Promise<unknown>((resolve) => void (answer = resolve)))
    const card = renderHook(() => useCallPress())
    act(() => card.result.current.press({ number: "+33144319244", customerId: "cu1" }))
    const { container } = show(idle(10))
    const line = container.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? ""
    expect(line).toContain("Appel en cours…")
    expect(line).toContain("01 44 31 92 44")
    expect(line).not.toContain("Prêt pour les appels")
    expect(container.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("registered")
    // Refused by the softphone: the line says its state again.
    await act(async () => answer({ ok: true, data: { ok: false, error: "not registered" } }))
    expect(container.querySelector('[data-comptoir="softphone-status"]')?.textContent).toContain("Prêt pour les appels")
  })
})
