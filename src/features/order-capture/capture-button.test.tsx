// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { CaptureOrderButton } from "./capture-button"

const notOrder = { captureId: "cap", isOrder: false, decision: "not-order", act: "", customerCode: null, reason: "" }
const sent: { subject: string }[] = []
/** Answers held back by subject (the background still reading that message), answered at once otherwise. */
const held = new Map<string, (r: typeof notOrder) => void>()
const holding = new Set<string>()
vi.mock("~src/features/lookup-panel/page-messaging", () => ({
  sendFromPage: vi.fn(async (_type: string, payload: { mail: { subject: string } }) => {
    const subject = payload.mail.subject
    sent.push({ subject })
    return holding.has(subject) ? new Promise((resolve) => held.set(subject, resolve)) : notOrder
  })
}))

/** A Roundcube message page: its header and its body, a new body element for each message opened. */
function openMessage(subject: string): void {
  document.querySelector("#webmail")?.remove()
  const el = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
    e.append(...children)
    return e
  }
  const from = el("td", { class: "header from" }, el("a", { class: "rcmContactAddress", title: "achats@example.com" }, "Achats"))
  const page = el("div", { id: "webmail" }, el("table", {}, el("tbody", {}, el("tr", {}, from))), el("h2", { class: "subject" }, subject), el("div", { id: "messagebody" }, el("p", {}, `Bonjour, ${subject}.`)))
  document.body.prepend(page)
}

/** The agent's own click (the button ignores scripted ones: `isTrusted`), as React hands it to the handler. */
function agentClick(button: HTMLElement): void {
  const key = Object.keys(button).find((k) => k.startsWith("__reactProps$"))!
  const props = (button as unknown as Record<string, { onClick: (e: unknown) => void }>)[key]!
  act(() => props.onClick({ nativeEvent: { isTrusted: true } }))
}

afterEach(() => {
  cleanup()
  document.querySelector("#webmail")?.remove()
  sent.length = 0
  held.clear()
  holding.clear()
})

describe("the page panel's Capture as order", () => {
  it("shows the verdict of a message opened just before the click (the panel had not looked at the page again yet)", async () => {
    openMessage("Question A")
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <CaptureOrderButton />
      </I18nextProvider>
    )
    const button = await screen.findByRole("button")
    // Another message opens; the agent clicks before the panel's next look at the page (up to 700 ms later).
    openMessage("Question B")
    agentClick(button)
    await waitFor(() => expect(sent).toEqual([{ subject: "Question B" }]))
    // The panel catches up with the page: the message read is the one open, its verdict stays in view.
    await new Promise((r) => setTimeout(r, 900))
    expect(document.querySelector('[data-comptoir="not-an-order"]')).not.toBeNull()
  })

  it("stays busy with the message open while an earlier message's answer comes in (no second capture of it offered)", async () => {
    holding.add("Question A").add("Question B")
    openMessage("Question A")
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <CaptureOrderButton />
      </I18nextProvider>
    )
    agentClick(await screen.findByRole("button"))
    await waitFor(() => expect(held.has("Question A")).toBe(true))
    // The agent opens another message while the first is still being read, and captures it.
    openMessage("Question B")
    await waitFor(() => expect(screen.getByRole("button")).toHaveProperty("disabled", false), { timeout: 2000 })
    agentClick(screen.getByRole("button"))
    await waitFor(() => expect(held.has("Question B")).toBe(true))
    expect(screen.getByRole("button")).toHaveProperty("disabled", true)
    // The first message's answer arrives: the second is still being read.
    await act(async () => held.get("Question A")!(notOrder))
    expect(screen.getByRole("button")).toHaveProperty("disabled", true)
    await act(async () => held.get("Question B")!(notOrder))
    expect(screen.getByRole("button")).toHaveProperty("disabled", false)
    expect(document.querySelector('[data-comptoir="not-an-order"]')).not.toBeNull()
    expect(sent).toEqual([{ subject: "Question A" }, { subject: "Question B" }])
  })
})
