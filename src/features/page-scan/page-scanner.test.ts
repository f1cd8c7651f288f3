// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest"

import { HIT_CLASS, STYLE_ID } from "./dom-rules"
import { INITIAL_MEASURE, SLICE_MEASURE, startPageScanner, type FoundItem, type PageScanner, type PageScannerOptions } from "./page-scanner"

const CODE_PATTERN = /\b(?:C|CLI)-?\d{4,6}\b/gu

/** Page markup goes through DOMParser: the project never assigns innerHTML, tests included. */
function load(html: string, doc: Document = document): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, "text/html")
  doc.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => doc.importNode(n, true)))
}

let running: PageScanner[] = []
afterEach(() => {
  for (const s of running) s.stop()
  running = []
  document.head.replaceChildren()
  document.body.replaceChildren()
  performance.clearMeasures()
})

function start(overrides: Partial<PageScannerOptions> = {}, doc: Document = document) {
  const found: FoundItem[] = []
  const scanner = startPageScanner(doc, {
    defaultCountry: "FR",
    codePattern: CODE_PATTERN,
    onFound: (items) => found.push(...items),
    ...overrides
  })
  running.push(scanner)
  return { scanner, found }
}

/** Lets mutation callbacks run, then waits for the scanner to empty its queue. */
async function settle(scanner: PageScanner): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  await vi.waitFor(
    () => {
      if (!scanner.stats().idle) throw new Error("still scanning")
    },
    { timeout: 5000, interval: 2 }
  )
}

const values = (items: FoundItem[], kind: FoundItem["kind"]) => items.filter((i) => i.kind === kind).map((i) => i.value)
const attr = (selector: string, name: string) => Array.from(document.querySelectorAll(selector), (e) => e.getAttribute(name))

const GMAIL = `
<div role="main">
  <h2 class="hP">Commande n° CMD-2026-001234 du 29/11/2026</h2>
  <span class="gD" email="jean.dupont@exemple.fr">Jean Dupont</span> <span class="go">&lt;Jean.Dupont@Exemple.fr&gt;</span>
  <div class="a3s aiL" dir="ltr">
    <p>Bonjour,</p>
    <p>Merci de nous livrer 12 ramettes à 5,49 € HT avant le 05/12/2026 (client C-00123).</p>
    <p>Pour la livraison, appelez le magasin au 01 23 45 67 89, ou moi-même au +33 6 12 34 56 78.</p>
    <p>Notre ancien standard, le <a href="tel:+33145678901">01 45 67 89 01</a>, ne répond plus.</p>
    <p>SIRET 732 829 320 00074 — IBAN FR76 3000 6000 0112 3456 7890 189</p>
    <div class="gmail_signature">--<br>Jean Dupont<br><a href="mailto:Jean.Dupont@Exemple.fr?subject=Re">jean.dupont@exemple.fr</a></div>
  </div>
  <div class="ip adB">
    <div id="compose" class="Am editable" role="textbox" contenteditable="true">Je vous rappelle au <b>01 23 45 67 89</b> demain, jean@exemple.fr</div>
    <div id="plain" contenteditable="plaintext-only">Tél 06 12 34 56 78</div>
    <textarea id="notes">Note : rappeler le 06 12 34 56 78</textarea>
    <input id="to" value="jean@exemple.fr 01 23 45 67 89">
  </div>
</div>`

describe("startPageScanner", () => {
  it("finds and decorates the phones, emails and codes of a mail body", async () => {
    load(GMAIL)
    const { scanner, found } = start()
    await settle(scanner)

    expect(values(found, "phone").sort()).toEqual(["+33123456789", "+33145678901", "+33612345678"])
    expect(values(found, "email").sort()).toEqual(["jean.dupont@exemple.fr", "jean.dupont@exemple.fr"])
    expect(values(found, "code")).toEqual(["C-00123"])
    expect(attr(`span.${HIT_CLASS}[data-comptoir-phone]`, "data-comptoir-phone")).toEqual(["+33123456789", "+33612345678"])
    expect(document.querySelector(`span.${HIT_CLASS}[data-comptoir-phone="+33123456789"]`)?.textContent).toBe("01 23 45 67 89")
    expect(document.querySelector(`span[data-comptoir-code]`)?.textContent).toBe("C-00123")
    for (const item of found) expect(item.element.isConnected).toBe(true)
    expect(scanner.stats()).toMatchObject({ phones: 3, emails: 2, codes: 1, itemsFound: 6, errors: 0, idle: true, documents: 1 })
  })

  it("leaves editable areas untouched: contenteditable, plaintext-only, textarea and input", async () => {
    load(GMAIL)
    const compose = document.getElementById("compose")!
    const plain = document.getElementById("plain")!
    const notes = document.getElementById("notes") as HTMLTextAreaElement
    const to = document.getElementById("to") as HTMLInputElement
    const before = [compose.innerHTML, plain.innerHTML, notes.value, notes.innerHTML, to.value]
    const { scanner } = start()
    await settle(scanner)

    // The user types in the compose box: the mutation must not lead to decoration either.
    compose.querySelector("b")!.firstChild!.textContent = "07 51 23 45 67"
    compose.appendChild(document.createTextNode(" ou +44 20 7946 0958"))
    const typed = compose.innerHTML
    await settle(scanner)

    expect([compose.innerHTML, plain.innerHTML, notes.value, notes.innerHTML, to.value]).toEqual([typed, ...before.slice(1)])
    expect(compose.querySelector(`.${HIT_CLASS}`)).toBeNull()
    expect(before[0]).not.toBe(typed)
  })

  it("takes its markup out of decorated content copied into the compose box or made editable", async () => {
    load(GMAIL)
    const { scanner } = start()
    await settle(scanner)
    const compose = document.getElementById("compose")!
    const body = document.querySelector(".a3s")!
    const quoted = body.cloneNode(true) as Element
    expect(quoted.querySelector("[data-comptoir-phone]")).not.toBeNull()
    compose.appendChild(quoted)
    await settle(scanner)
    expect(compose.querySelector(`.${HIT_CLASS}, [data-comptoir-phone], [data-comptoir-email], [data-comptoir-code]`)).toBeNull()
    expect(quoted.textContent).toBe(body.textContent)

    body.setAttribute("contenteditable", "true")
    await settle(scanner)
    expect(body.querySelector(`.${HIT_CLASS}, [data-comptoir-phone], [data-comptoir-email]`)).toBeNull()
  })

  it("scans content when it is revealed", async () => {
    load('<div id="tab" hidden><p>Tél 01 23 45 67 89</p></div><div id="menu" aria-hidden="true">jean@exemple.fr</div>')
    const { scanner, found } = start()
    await settle(scanner)
    expect(found).toEqual([])
    document.getElementById("tab")!.removeAttribute("hidden")
    document.getElementById("menu")!.setAttribute("aria-hidden", "false")
    await settle(scanner)
    expect(found.map((f) => f.value).sort()).toEqual(["+33123456789", "jean@exemple.fr"])
  })

  it("marks tel: and mailto: links on the anchor itself, without wrapping their text", async () => {
    load(GMAIL)
    const { scanner } = start()
    await settle(scanner)

    const tel = document.querySelector('a[href^="tel:"]')!
    const mailto = document.querySelector('a[href^="mailto:"]')!
    expect(tel.getAttribute("data-comptoir-phone")).toBe("+33145678901")
    expect(mailto.getAttribute("data-comptoir-email")).toBe("jean.dupont@exemple.fr")
    expect(tel.querySelector(`.${HIT_CLASS}`)).toBeNull()
    expect(mailto.querySelector(`.${HIT_CLASS}`)).toBeNull()
  })

  it("reads a national tel: link with the default country", async () => {
    load('<a href="tel:01%2023%2045%2067%2089">Appeler</a> <a href="tel:nope">?</a>')
    const { scanner, found } = start()
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+33123456789"])
    expect(document.querySelector('a[href="tel:nope"]')!.hasAttribute("data-comptoir-phone")).toBe(false)
  })

  it("keeps the text of the page identical", async () => {
    load(GMAIL)
    const text = document.body.textContent
    const { scanner } = start()
    await settle(scanner)
    expect(document.querySelectorAll(`.${HIT_CLASS}`).length).toBeGreaterThan(0)
    expect(document.body.textContent).toBe(text)
  })

  it("keeps markup-looking page text as text", async () => {
    const p = document.createElement("p")
    p.textContent = '<img src=x onerror="alert(1)"> Tél 01 23 45 67 89 <b>gras</b> jean@exemple.fr <script>x()</script>'
    document.body.appendChild(p)
    const text = p.textContent
    const { scanner, found } = start()
    await settle(scanner)

    expect(found.map((f) => f.kind).sort()).toEqual(["email", "phone"])
    expect(document.querySelector("img, b, script")).toBeNull()
    expect(p.textContent).toBe(text)
    expect(p.firstChild?.nodeType).toBe(Node.TEXT_NODE)
    expect(p.firstChild?.textContent).toBe('<img src=x onerror="alert(1)"> Tél ')
  })

  it("finds no phone in a page of dates, amounts, SIRET, IBAN and order numbers", async () => {
    load(`
      <h1>Relevé de compte</h1>
      <p>Facture FA202611290042 du 29/11/2026, échéance 2026-12-29 à 14:30.</p>
      <p>Montant : 1 234,56 € HT ; TVA 20 % : 246,91 € ; total 1 481,47 € TTC ; 12 345.00 USD.</p>
      <p>SIRET 732 829 320 00074 ; SIREN 732829320 ; APE 4690Z ; RCS Paris B 732 829 320.</p>
      <p>IBAN FR76 3000 6000 0112 3456 7890 189 ; BIC AGRIFRPP882.</p>
      <p>Commande CMD-2026-001234, bon de livraison BL 2026 11 29 001, colis 8V00123456789.</p>
      <p>Code postal 75011, Lyon 69003 ; poids 12,500 kg ; 3 x 250 ml.</p>
      <p>Numéro de TVA FR44 732829320 ; EORI FR73282932000074 ; série 1234 5678 9012 3456.</p>
      <table>${Array.from({ length: 40 }, (_, i) => `<tr><td>${String(i + 1).padStart(4, "0")}</td><td>${(i % 28) + 1}/${(i % 12) + 1}/2026</td><td>${(i * 98.76).toFixed(2)} €</td><td>FA2026${String(i).padStart(6, "0")}</td><td>732829320${String(i).padStart(5, "0")}</td></tr>`).join("")}</table>`)
    const { scanner, found } = start()
    await settle(scanner)
    expect(values(found, "phone")).toEqual([])
    expect(document.querySelector("[data-comptoir-phone]")).toBeNull()
  })

  it("skips scripts, styles, templates, hidden elements and the ignored overlay", async () => {
    load(`
      <script>var tel = "01 23 45 67 89"</script><style>/* 01 23 45 67 89 */</style><noscript>01 23 45 67 89</noscript>
      <template><p>01 23 45 67 89</p></template><svg><text>01 23 45 67 89</text></svg>
      <div hidden>01 23 45 67 89</div><div aria-hidden="true"><span>01 23 45 67 89</span></div>
      <div id="comptoir-overlay"><p>01 23 45 67 89</p></div>
      <p id="visible">06 12 34 56 78</p>`)
    const { scanner, found } = start({ ignoreSelector: "#comptoir-overlay" })
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+33612345678"])
    expect(document.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(1)
  })

  it("scans content added later and text changed later, in batches", async () => {
    load("<div id='list'></div><p id='status'>Chargement…</p>")
    const { scanner, found } = start()
    await settle(scanner)
    expect(found).toEqual([])

    const list = document.getElementById("list")!
    for (let i = 0; i < 20; i++) {
      const row = document.createElement("div")
      row.textContent = `Contact ${i} : 01 23 45 67 ${String(i).padStart(2, "0")}`
      list.appendChild(row)
    }
    document.getElementById("status")!.firstChild!.textContent = "Rappeler jean@exemple.fr"
    await settle(scanner)

    expect(values(found, "phone")).toHaveLength(20)
    expect(values(found, "email")).toEqual(["jean@exemple.fr"])
  })

  it("does not rescan its own decoration", async () => {
    load("<p>Tél 01 23 45 67 89 et 06 12 34 56 78, jean@exemple.fr</p>")
    const onFound = vi.fn()
    const { scanner } = start({ onFound })
    await settle(scanner)
    // The positive signal: a change made after the decorations is seen and scanned, so the mutation records
    // of the decorations (delivered before it) have been read too, and found nothing.
    const later = document.createElement("p")
    later.textContent = "06 98 76 54 32"
    document.body.appendChild(later)
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(2), { timeout: 5000, interval: 2 })
    await settle(scanner)
    expect(onFound).toHaveBeenCalledTimes(2)
    expect((onFound.mock.calls[1]![0] as FoundItem[]).map((i) => i.value)).toEqual(["+33698765432"])
    expect(document.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(4)
  })

  it("gives up on text a page keeps restoring, instead of fighting it forever", async () => {
    load('<div id="view">Tél 01 23 45 67 89</div>')
    const view = document.getElementById("view")!
    // Like an editor view that re-renders any foreign change to its DOM.
    let repairs = 0
    const repair = new MutationObserver(() => {
      if (view.querySelector(`.${HIT_CLASS}`) === null) return
      repairs++
      view.replaceChildren(document.createTextNode("Tél 01 23 45 67 89"))
    })
    repair.observe(view, { childList: true, subtree: true })
    const { scanner, found } = start()
    await vi.waitFor(() => expect(repairs).toBeGreaterThan(0), { timeout: 5000, interval: 2 })
    await settle(scanner)
    // The positive signal: a number elsewhere, added after the fight, is found; by then the scanner has read
    // every restoration before it, and the view is left alone.
    const repairsBefore = repairs
    const elsewhere = document.createElement("p")
    elsewhere.textContent = "06 98 76 54 32"
    document.body.appendChild(elsewhere)
    await vi.waitFor(() => expect(values(found, "phone")).toContain("+33698765432"), { timeout: 5000, interval: 2 })
    await settle(scanner)
    repair.disconnect()
    expect(repairs).toBe(repairsBefore)
    expect(found.filter((f) => f.value === "+33123456789").length).toBeLessThanOrEqual(3)
    expect(scanner.stats().idle).toBe(true)
    expect(view.textContent).toBe("Tél 01 23 45 67 89")
  })

  it("re-reads text the page rewrote inside a decoration", async () => {
    load("<p>Tél 01 23 45 67 89</p>")
    const { scanner, found } = start()
    await settle(scanner)
    const hit = document.querySelector(`.${HIT_CLASS}`)!
    hit.firstChild!.textContent = "06 12 34 56 78"
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+33123456789", "+33612345678"])
    expect(attr("[data-comptoir-phone]", "data-comptoir-phone")).toEqual(["+33612345678"])
    expect(document.body.textContent).toBe("Tél 06 12 34 56 78")
  })

  it("injects one style element per document, without layout-changing properties", async () => {
    load("<p>01 23 45 67 89</p>")
    const { scanner } = start()
    await settle(scanner)
    const p = document.createElement("p")
    p.textContent = "06 12 34 56 78"
    document.body.appendChild(p)
    scanner.rescan()
    await settle(scanner)
    const styles = document.querySelectorAll(`style#${STYLE_ID}`)
    expect(styles).toHaveLength(1)
    expect(styles[0]!.textContent).toContain(`.${HIT_CLASS}`)
    expect(styles[0]!.textContent).not.toMatch(/padding|margin|border|font|display|position/)
  })

  it("scans a same-origin iframe, content added to it later, and an iframe added later", async () => {
    load("<p>Tél 01 23 45 67 89</p>")
    const first = document.createElement("iframe")
    document.body.appendChild(first)
    load("<div>Copie : jean@exemple.fr, tél. 06 12 34 56 78</div>", first.contentDocument!)
    const { scanner, found } = start()
    await settle(scanner)

    expect(values(found, "email")).toEqual(["jean@exemple.fr"])
    expect(values(found, "phone").sort()).toEqual(["+33123456789", "+33612345678"])
    const frameDoc = first.contentDocument!
    expect(frameDoc.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(2)
    expect(frameDoc.getElementById(STYLE_ID)).not.toBeNull()

    const later = frameDoc.createElement("p")
    later.textContent = "Portable 07 51 23 45 67"
    frameDoc.body.appendChild(later)
    const second = document.createElement("iframe")
    document.body.appendChild(second)
    load("<p>+44 20 7946 0958</p>", second.contentDocument!)
    await settle(scanner)

    expect(values(found, "phone")).toEqual(expect.arrayContaining(["+33751234567", "+442079460958"]))
    expect(second.contentDocument!.querySelector("[data-comptoir-phone]")?.textContent).toBe("+44 20 7946 0958")
    expect(scanner.stats().documents).toBe(3)
  })

  it("scans the new document of a frame that loads", async () => {
    const frame = document.createElement("iframe")
    document.body.appendChild(frame)
    const { scanner, found } = start()
    await settle(scanner)
    // jsdom does not navigate frames: swap the document in, as a navigation would, and fire its load event.
    const next = document.implementation.createHTMLDocument("loaded")
    load("<p>01 23 45 67 89</p>", next)
    Object.defineProperty(frame, "contentDocument", { configurable: true, get: () => next })
    frame.dispatchEvent(new Event("load"))
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+33123456789"])
    expect(next.getElementById(STYLE_ID)).not.toBeNull()
  })

  it("goes on scanning once a frame's old document is a dead object, as Firefox makes it after the frame navigates", async () => {
    const frame = document.createElement("iframe")
    document.body.appendChild(frame)
    const { scanner, found } = start()
    await settle(scanner)
    // Firefox's content scripts: every access to the old document's wrapper throws, its window destroyed (Roundcube's preview pane).
    const old = frame.contentDocument!
    const dead = () => {
      throw new TypeError("can't access dead object")
    }
    for (const key of ["defaultView", "removeEventListener", "isConnected"]) Object.defineProperty(old, key, { configurable: true, get: dead })
    const next = document.implementation.createHTMLDocument("preview")
    load("<p>Pour la livraison, appelez-moi au 06.25.28.32.39.</p>", next)
    Object.defineProperty(frame, "contentDocument", { configurable: true, get: () => next })
    frame.dispatchEvent(new Event("load"))
    await settle(scanner)
    const later = document.createElement("p")
    later.textContent = "Standard : 01 45 67 89 10"
    document.body.appendChild(later)
    await settle(scanner)
    expect(values(found, "phone").sort()).toEqual(["+33145678910", "+33625283239"])
  })

  it("calls onActivate on click, and takes over tel: links only", async () => {
    load(GMAIL)
    const onActivate = vi.fn()
    const { scanner } = start({ onActivate })
    await settle(scanner)

    const click = (el: Element, init: MouseEventInit = {}) => {
      const ev = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init })
      el.dispatchEvent(ev)
      return ev.defaultPrevented
    }
    const tel = document.querySelector('a[href^="tel:"]')!
    const mailto = document.querySelector('a[href^="mailto:"]')!
    const span = document.querySelector(`.${HIT_CLASS}[data-comptoir-phone]`)!

    expect(click(tel)).toBe(true)
    expect(click(mailto)).toBe(false)
    expect(click(span)).toBe(false)
    expect(click(tel, { ctrlKey: true })).toBe(false)
    expect(click(document.querySelector("p")!)).toBe(false)
    expect(onActivate.mock.calls.map(([item]) => [item.kind, item.value])).toEqual([
      ["phone", "+33145678901"],
      ["email", "jean.dupont@exemple.fr"],
      ["phone", "+33123456789"]
    ])
    expect(onActivate.mock.calls[0]![0].element).toBe(tel)
  })

  it("leaves tel: links alone without onActivate", async () => {
    load('<a href="tel:+33123456789">01 23 45 67 89</a>')
    const { scanner } = start()
    await settle(scanner)
    const ev = new MouseEvent("click", { bubbles: true, cancelable: true })
    document.querySelector("a")!.dispatchEvent(ev)
    expect(ev.defaultPrevented).toBe(false)
  })

  it("works in slices, finds numbers in a long text node, and measures its slices", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<p>Ligne ${i} du 29/11/2026 : ${(i * 1.5).toFixed(2)} €${i % 100 === 0 ? ` — tél. 01 23 45 ${String(i % 100).padStart(2, "0")} ${String(i / 100).padStart(2, "0")}` : ""}</p>`)
    const long = Array.from({ length: 300 }, (_, i) => (i === 0 || i === 150 || i === 299 ? "appelez le 06 12 34 56 78 " : "Facture FA2026000042 du 29/11/2026, 1 234,56 € ")).join("")
    load(`${rows.join("")}<pre id="long">${long}</pre>`)
    const text = document.body.textContent
    const { scanner, found } = start({ sliceMs: 1 })
    await settle(scanner)

    expect(long.length).toBeGreaterThan(5000)
    expect(values(found, "phone")).toHaveLength(6)
    expect(document.getElementById("long")!.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(3)
    expect(document.body.textContent).toBe(text)
    const stats = scanner.stats()
    expect(stats.slices).toBeGreaterThan(1)
    expect(stats.textNodesScanned).toBeGreaterThanOrEqual(301)
    expect(stats.initialPassMs).not.toBeNull()
    expect(stats.totalSliceMs).toBeGreaterThanOrEqual(stats.maxSliceMs)
    expect(performance.getEntriesByName(SLICE_MEASURE, "measure")).toHaveLength(stats.slices)
    expect(performance.getEntriesByName(INITIAL_MEASURE, "measure")).toHaveLength(1)
  })

  it("reports decorations already on the page on rescan", async () => {
    load("<p>01 23 45 67 89</p>")
    const { scanner, found } = start()
    await settle(scanner)
    scanner.rescan()
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+33123456789", "+33123456789"])
    expect(found[0]!.element).toBe(found[1]!.element)
    expect(document.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(1)
  })

  it("finds a new code shape given to the running scanner, reading again only the texts it matches, and reports nothing twice", async () => {
    load("<p>Client ZQ-4417, tél 01 23 45 67 89</p><p>Sans rien</p><p>Commande 2026 de 12 ramettes</p>")
    const { scanner, found } = start()
    await settle(scanner)
    const detected = scanner.stats().textsDetected
    expect(scanner.configure({ defaultCountry: "FR", codePattern: new RegExp(CODE_PATTERN.source, "gu") })).toBe(false)
    expect(scanner.configure({ defaultCountry: "FR", codePattern: /\bZQ-\d{4}\b|\b(?:C|CLI)-?\d{4,6}\b/gu })).toBe(true)
    await settle(scanner)
    expect(attr(`.${HIT_CLASS}`, "data-comptoir-code")).toContain("ZQ-4417")
    expect(found.map((i) => i.value)).toEqual(["+33123456789", "ZQ-4417"])
    // "Client ZQ-4417, tél " is the only text the new pattern matches: the other two are not detected again.
    expect(scanner.stats().textsDetected - detected).toBe(1)
  })

  it("reads numbers again in a new country given to the running scanner", async () => {
    load("<p>Büro 030 901820</p>")
    const { scanner, found } = start({ acceptForeign: () => true })
    await settle(scanner)
    expect(values(found, "phone")).toEqual([])
    scanner.configure({ defaultCountry: "FR", codePattern: CODE_PATTERN, otherCountries: ["DE"] })
    await settle(scanner)
    expect(values(found, "phone")).toEqual(["+4930901820"])
  })

  it("stops observing and scanning on stop()", async () => {
    load("<p>01 23 45 67 89</p>")
    const { scanner, found } = start()
    await settle(scanner)
    scanner.stop()
    const slices = scanner.stats().slices
    // The positive signal: a second scanner, started after the stop, sees and reports the new number.
    const { scanner: witness, found: witnessed } = start()
    await settle(witness)
    const p = document.createElement("p")
    p.textContent = "06 12 34 56 78"
    document.body.appendChild(p)
    await vi.waitFor(() => expect(values(witnessed, "phone")).toContain("+33612345678"), { timeout: 5000, interval: 2 })
    expect(found).toHaveLength(1)
    expect(scanner.stats().slices).toBe(slices)
  })

  it("never lets a failing callback or a bad selector reach the page", async () => {
    load("<p>01 23 45 67 89</p><p>06 12 34 56 78</p>")
    const onFound = vi.fn(() => {
      throw new Error("host bug")
    })
    const { scanner } = start({ onFound, ignoreSelector: "[[[" })
    await settle(scanner)
    const p = document.createElement("p")
    p.textContent = "07 51 23 45 67"
    document.body.appendChild(p)
    await settle(scanner)
    expect(onFound.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(scanner.stats().errors).toBe(onFound.mock.calls.length)
    expect(document.querySelectorAll(`.${HIT_CLASS}`)).toHaveLength(3)
  })
})
