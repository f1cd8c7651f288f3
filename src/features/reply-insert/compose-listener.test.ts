// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { startComposeListener } from "./compose-listener"

type Reply = { ok: boolean; data?: { found?: boolean; focusedAt?: number; recipients?: string[]; inserted?: string }; error?: string }

const summary = { text: "Bonjour,\n\nTotal TTC : 150,00 €", blocks: [{ kind: "p", text: "Bonjour," }] }

/** The events this test makes as the user's hand would (jsdom's events are all the script's, never trusted). */
const byTheUser = new WeakSet<Event>()

/** The content script started on this page, and the background's messages to it. */
function contentScript(trust?: (e: Event) => boolean) {
  let onMessage: ((m: unknown, sender: unknown, reply: (r: unknown) => void) => boolean) | undefined
  vi.stubGlobal("chrome", { runtime: { onMessage: { addListener: (f: typeof onMessage) => (onMessage = f) } } })
  startComposeListener(trust)
  const ask = (type: string, payload: unknown = {}): Reply => {
    let answer: unknown
    onMessage!({ type, payload }, {}, (r) => (answer = r))
    return answer as Reply
  }
  return { probe: () => ask("compose/probe"), insert: () => ask("compose/insert", summary) }
}

function userClicks(el: Element): void {
  const view = el.ownerDocument.defaultView!
  el.dispatchEvent(new view.MouseEvent("pointerover", { bubbles: true }))
  const down = new view.MouseEvent("mousedown", { bubbles: true })
  byTheUser.add(down)
  el.dispatchEvent(down)
}

function userTypes(el: Element): void {
  const key = new (el.ownerDocument.defaultView!.KeyboardEvent)("keydown", { bubbles: true, key: "a" })
  byTheUser.add(key)
  el.dispatchEvent(key)
}

/** Roundcube's reply box, and an editor of the page's own, on the page but out of sight (where a script can still focus it). */
function page() {
  const compose = document.createElement("textarea")
  compose.id = "composebody"
  compose.value = "\n\n> Pouvez-vous nous faire un devis ?"
  const decoy = document.createElement("textarea")
  decoy.style.cssText = "position:absolute;left:-9999px;opacity:0"
  document.body.append(compose, decoy)
  return { compose, decoy }
}

beforeEach(() => document.body.replaceChildren())
afterEach(() => vi.unstubAllGlobals())

describe("which compose box Insert into reply writes into", () => {
  it("the box the user clicked, though the page's script focused another editor of its own afterwards", () => {
    const { compose, decoy } = page()
    const tab = contentScript((e) => byTheUser.has(e))
    userClicks(compose)
    decoy.focus()
    expect(document.activeElement).toBe(decoy)
    expect(tab.insert()).toEqual({ ok: true, data: { inserted: "text" } })
    expect(compose.value).toContain("Bonjour,\n\nTotal TTC : 150,00 €")
    expect(decoy.value).toBe("")
  })

  it("a page whose script focused its own editor does not claim the user was last there; a key the user types there does", () => {
    const { decoy } = page()
    const tab = contentScript((e) => byTheUser.has(e))
    decoy.focus()
    expect(tab.probe()).toEqual({ ok: true, data: { found: true, focusedAt: 0, recipients: [] } })
    userTypes(decoy)
    expect(tab.probe().data!.focusedAt).toBeGreaterThan(0)
  })

  it("a click the page's script makes up is not the user's", () => {
    const { decoy } = page()
    const tab = contentScript()
    decoy.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }))
    decoy.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "a" }))
    expect(tab.probe().data!.focusedAt).toBe(0)
  })

  it("the HTML editor in a frame made after the page loaded (Roundcube's TinyMCE), once the user clicked in it", () => {
    const gmailLike = document.createElement("div")
    gmailLike.setAttribute("contenteditable", "true")
    gmailLike.setAttribute("role", "textbox")
    document.body.append(gmailLike)
    const tab = contentScript((e) => byTheUser.has(e))
    const frame = document.createElement("iframe")
    frame.id = "composebody_ifr"
    document.body.append(frame)
    const body = frame.contentDocument!.body
    body.setAttribute("contenteditable", "true")
    body.append(frame.contentDocument!.createElement("p"))
    frame.dispatchEvent(new MouseEvent("pointerover", { bubbles: true }))
    userClicks(body.firstElementChild!)
    expect(tab.probe().data!.focusedAt).toBeGreaterThan(0)
    expect(tab.insert()).toEqual({ ok: true, data: { inserted: "html" } })
    expect(body.querySelector("p")!.textContent).toBe("Bonjour,")
    expect(gmailLike.textContent).toBe("")
  })

  it("the probe says to whom the reply the user was in is addressed, as its webmail shows it", () => {
    const form = document.createElement("form")
    const to = document.createElement("input")
    to.name = "_to"
    to.value = "Claire Martin <Claire.Martin@acme-industrie.fr>, jean@durand-bois.fr"
    const { compose } = page()
    form.append(to, compose)
    document.body.append(form)
    const tab = contentScript((e) => byTheUser.has(e))
    userClicks(compose)
    expect(tab.probe().data!.recipients).toEqual(["claire.martin@acme-industrie.fr", "jean@durand-bois.fr"])
  })
})
