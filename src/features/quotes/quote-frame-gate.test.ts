// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { FRESH_LOOK_AFTER_MS } from "./quote-frame-gate"
import { MIN_VISIBLE_MS } from "./visibility-gate"

/** Chrome's IntersectionObserver v2, driven by the test: `report` delivers, `pending` is what takeRecords returns. */
class FakeObserver {
  static last: FakeObserver | null = null
  pending: unknown[] = []
  constructor(private readonly callback: (entries: unknown[]) => void) {
    FakeObserver.last = this
  }
  observe() {}
  disconnect() {}
  takeRecords() {
    return this.pending.splice(0)
  }
  report(visible: boolean, intersecting = true) {
    this.callback([{ isIntersecting: intersecting, isVisible: visible }])
  }
}

function button(comptoir: string, text: string, free = false): HTMLButtonElement {
  const b = document.createElement("button")
  b.type = "button"
  b.dataset.comptoir = comptoir
  b.textContent = text
  if (free) b.dataset.visibilityGate = "free"
  return b
}

/** The frame's close button, the form's editing fieldset (a field, a line's remove) and Send below it. */
function drawForm() {
  const fieldset = document.createElement("fieldset")
  fieldset.dataset.visibilityGate = "free"
  const qty = document.createElement("input")
  qty.name = "qty"
  fieldset.append(qty, button("line-remove", "×"))
  const form = document.createElement("form")
  form.append(fieldset, button("quote-issue", "Send"))
  document.body.replaceChildren(button("quote-frame-close", "×", true), form)
}
const el = (name: string) => document.querySelector(`[data-comptoir="${name}"]`) as HTMLElement
/** Which of these the page's click reached (a click handler of the form's own, as React's would be). */
function clicksReaching(...names: string[]): string[] {
  const reached: string[] = []
  for (const n of names) {
    const on = () => reached.push(n)
    el(n).addEventListener("click", on)
    el(n).click()
    el(n).removeEventListener("click", on)
  }
  return reached
}

/** What a fresh look's answer sets going (a promise's callbacks) has run. */
const settled = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve()
}

/** What the fresh look waits for (the page around the frame tells it of a cover as it draws): 100 ms, three frames. */
const freshLookDue = () => vi.advanceTimersByTimeAsync(FRESH_LOOK_AFTER_MS + 50)

/**
 * Which of these a click reached on an open gate: it is held for a fresh look (a new observer, whose first report
 * says whether the frame is `seen` whole now), then done again or refused.
 */
async function clickLookedAt(name: string, seen: boolean): Promise<string[]> {
  const reached: string[] = []
  const on = () => reached.push(name)
  el(name).addEventListener("click", on)
  el(name).click()
  await freshLookDue()
  FakeObserver.last!.report(seen)
  await settled()
  el(name).removeEventListener("click", on)
  return reached
}

let stop: (() => void) | null = null
async function started() {
  const gate = await import("./quote-frame-gate")
  gate.startFrameGate()
  stop = gate.stopFrameGate
  return gate
}

describe("the quote frame's guard on its buttons", () => {
  beforeEach(() => {
    vi.resetModules()
    vi.useFakeTimers()
    drawForm()
  })
  afterEach(() => {
    stop?.()
    stop = null
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  async function startWithTrackVisibility() {
    class Entry {}
    Object.defineProperty(Entry.prototype, "isVisible", { value: false })
    vi.stubGlobal("IntersectionObserverEntry", Entry)
    vi.stubGlobal("IntersectionObserver", FakeObserver)
    const gate = await started()
    return { gate, observer: FakeObserver.last! }
  }

  it("stops Send until the frame has been seen unobscured a while, and lets editing and closing through meanwhile", async () => {
    const { gate } = await startWithTrackVisibility()
    expect(clicksReaching("quote-issue", "line-remove", "quote-frame-close")).toEqual(["line-remove", "quote-frame-close"])
    expect(el("quote-issue").getAttribute("aria-disabled")).toBe("true")
    expect(el("line-remove").hasAttribute("aria-disabled")).toBe(false)
    FakeObserver.last!.report(true)
    vi.advanceTimersByTime(MIN_VISIBLE_MS)
    expect(gate.frameGateState()).toBe("open")
    expect(await clickLookedAt("quote-issue", true)).toEqual(["quote-issue"])
    expect(el("quote-issue").hasAttribute("aria-disabled")).toBe(false)
  })

  it("stops Send again as soon as the page draws over the frame, and says so", async () => {
    const { gate, observer } = await startWithTrackVisibility()
    observer.report(true)
    vi.advanceTimersByTime(MIN_VISIBLE_MS)
    observer.report(false)
    expect(gate.frameGateState()).toBe("covered")
    expect(clicksReaching("quote-issue")).toEqual([])
    expect(el("quote-issue").getAttribute("aria-disabled")).toBe("true")
  })

  it("reads a cover the browser has noted but not delivered yet before letting a click through", async () => {
    const { observer } = await startWithTrackVisibility()
    observer.report(true)
    vi.advanceTimersByTime(MIN_VISIBLE_MS)
    observer.pending.push({ isIntersecting: true, isVisible: false })
    expect(clicksReaching("quote-issue")).toEqual([])
  })

  it("holds a click on an open gate for a fresh look and refuses it when a cover drawn just before is found, saying so", async () => {
    const { gate, observer } = await startWithTrackVisibility()
    observer.report(true)
    vi.advanceTimersByTime(MIN_VISIBLE_MS)
    // The page drew its cover a moment ago: the gate's observer (every 100 ms at most) has not even noted it yet.
    expect(await clickLookedAt("quote-issue", false)).toEqual([])
    expect(gate.frameGateState()).toBe("covered")
    expect(el("quote-issue").getAttribute("aria-disabled")).toBe("true")
  })

  it("sends a click held for a fresh look once, however many clicks came while it looked (a double-click)", async () => {
    const { observer } = await startWithTrackVisibility()
    observer.report(true)
    vi.advanceTimersByTime(MIN_VISIBLE_MS)
    const reached: string[] = []
    el("quote-issue").addEventListener("click", () => reached.push("quote-issue"))
    el("quote-issue").click()
    el("quote-issue").click()
    await freshLookDue()
    FakeObserver.last!.report(true)
    await settled()
    expect(reached).toEqual(["quote-issue"])
  })

  it("goes over only what a change added while it is closed, not the whole page at every change", async () => {
    const { observer } = await startWithTrackVisibility()
    observer.report(false)
    const wholePage = vi.spyOn(document, "querySelectorAll")
    const form = document.querySelector("form")!
    for (const name of ["quote-pdf", "quote-copy", "quote-save"]) {
      const b = document.createElement("span")
      b.append(button(name, name))
      form.append(b)
      await vi.waitFor(() => expect(el(name).getAttribute("aria-disabled")).toBe("true"))
    }
    expect(wholePage).not.toHaveBeenCalled()
  })

  it("turns off a button drawn while the frame is covered", async () => {
    const { observer } = await startWithTrackVisibility()
    observer.report(false)
    const pdf = document.createElement("button")
    pdf.dataset.comptoir = "quote-pdf"
    document.querySelector("form")!.append(pdf)
    await vi.waitFor(() => expect(pdf.getAttribute("aria-disabled")).toBe("true"))
  })

  it("keeps every action off in a browser without trackVisibility (Firefox), where the overlay is not used", async () => {
    vi.stubGlobal("IntersectionObserverEntry", class {})
    const gate = await started()
    vi.advanceTimersByTime(10 * MIN_VISIBLE_MS)
    expect(gate.frameGateState()).toBe("unsupported")
    expect(clicksReaching("quote-issue", "line-remove")).toEqual(["line-remove"])
  })

  it("leaves pages without a gate (the workspace tab) open", async () => {
    const gate = await import("./quote-frame-gate")
    expect(gate.frameGateState()).toBe("open")
    expect(clicksReaching("quote-issue")).toEqual(["quote-issue"])
  })
})
