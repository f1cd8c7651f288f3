/**
 * "Insert into reply": find the compose box of the webmail open in this page and put a document's summary in it.
 * Everything is built from text nodes and elements made here (never parsed HTML): the summary holds the
 * customer's and the catalog's words, which must not become markup in someone's mail.
 * Runs in the content script: no zod, no React, no chrome.* here (compose-listener.ts wires it).
 */
export type SummaryBlock = { kind: "p"; text: string } | { kind: "table"; head: string[]; rows: string[][] }
export interface ComposeContent {
  text: string
  blocks: SummaryBlock[]
}

export type ComposeTarget = { kind: "textarea"; el: HTMLTextAreaElement } | { kind: "editable"; el: HTMLElement }

/**
 * Editors by the markup of the three webmails: Gmail's and Outlook's message bodies are contenteditable divs with
 * role textbox; Roundcube's plain editor is `textarea#composebody`, its HTML editor TinyMCE's iframe
 * (`#composebody_ifr`) whose body is editable.
 */
const EDITABLE_SELECTORS = ['div[contenteditable="true"][g_editable="true"]', 'div[contenteditable="true"][role="textbox"]', 'div[contenteditable="true"][aria-label]']
const TEXTAREA_SELECTORS = ["textarea#composebody", 'textarea[name="_message"]']

/** Shown: neither it nor an ancestor is display:none, hidden or invisible (an editor in an iframe: the iframe too). */
function visible(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement ?? (cur.ownerDocument.defaultView?.frameElement ?? null)) {
    const view = cur.ownerDocument.defaultView
    if (!view) return false
    if (cur.hasAttribute("hidden")) return false
    const style = view.getComputedStyle(cur)
    if (style.display === "none" || style.visibility === "hidden") return false
  }
  return true
}

/** `isContentEditable`, or the attribute where the engine does not compute it (jsdom). */
function isEditable(el: HTMLElement): boolean {
  if (typeof el.isContentEditable === "boolean" && el.isContentEditable) return true
  const attr = el.getAttribute("contenteditable")
  return attr === "" || attr === "true" || attr === "plaintext-only"
}

function editableRoot(el: Element | null): HTMLElement | null {
  let cur: Element | null = el
  let root: HTMLElement | null = null
  while (cur && cur instanceof cur.ownerDocument.defaultView!.HTMLElement) {
    if (isEditable(cur)) root = cur
    cur = cur.parentElement
  }
  return root
}

/** The compose target an element belongs to, if it is one (a textarea, or inside a contenteditable editor). */
export function targetOf(el: Element | null): ComposeTarget | null {
  if (!el) return null
  const win = el.ownerDocument.defaultView
  if (!win) return null
  if (el instanceof win.HTMLTextAreaElement) return el.readOnly || el.disabled ? null : { kind: "textarea", el }
  if (el instanceof win.HTMLIFrameElement) {
    const body = sameOriginBody(el)
    return body ? targetOf(body) : null
  }
  const root = editableRoot(el)
  return root ? { kind: "editable", el: root } : null
}

function sameOriginBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    const d = frame.contentDocument
    if (!d?.body) return null
    return isEditable(d.body) || d.designMode === "on" ? d.body : null
  } catch {
    return null
  }
}

/**
 * The compose box to write into: the editor the user last clicked or typed in when it is still on screen, else the
 * page's visible message editor (Gmail, Outlook, Roundcube's HTML then plain editor), else null. Never the page's
 * focused element as such: the page's own script decides which one that is.
 */
export function findComposeBox(doc: Document, lastUsed: Element | null): ComposeTarget | null {
  const last = lastUsed?.isConnected ? targetOf(lastUsed) : null
  if (last && visible(last.el)) return last
  for (const sel of EDITABLE_SELECTORS) {
    const el = [...doc.querySelectorAll(sel)].find(visible)
    if (el) return { kind: "editable", el: el as HTMLElement }
  }
  for (const frame of doc.querySelectorAll("iframe")) {
    const body = visible(frame) ? sameOriginBody(frame) : null
    if (body) return { kind: "editable", el: body }
  }
  for (const sel of TEXTAREA_SELECTORS) {
    const el = [...doc.querySelectorAll<HTMLTextAreaElement>(sel)].find(visible)
    if (el) return { kind: "textarea", el }
  }
  return null
}

/**
 * Puts the content where the user's caret is in that editor (at the top when the caret is elsewhere: a reply
 * is written above the quoted mail), then tells the page's editor with an input event. A textarea the user was
 * `lastFocused` in keeps its caret though focus left it for the form over the page (Roundcube's default reply
 * mode writes below the quoted mail).
 */
export function insertIntoCompose(target: ComposeTarget, content: ComposeContent, lastFocused: Element | null = null): "text" | "html" {
  const doc = target.el.ownerDocument
  if (target.kind === "textarea") {
    const el = target.el
    const atCaret = doc.activeElement === el || lastFocused === el
    const start = atCaret ? el.selectionStart : 0
    const end = atCaret ? el.selectionEnd : 0
    // Its own paragraph: apart from a line being written before the caret, and from the text after it. At the end
    // of the box it still ends with a line break, so what the agent types next starts a line of its own instead of
    // joining the summary's last line.
    const text = (start > 0 && el.value[start - 1] !== "\n" ? "\n\n" : "") + content.text + (el.value.length > end ? "\n\n" : "\n")
    el.setRangeText(text, start, end, "end")
    el.dispatchEvent(new (doc.defaultView!.InputEvent)("input", { bubbles: true, inputType: "insertText", data: text }))
    el.focus()
    return "text"
  }
  const el = target.el
  const fragment = doc.createDocumentFragment()
  for (const block of content.blocks) fragment.append(blockNode(doc, block))
  fragment.append(doc.createElement("br"))
  insertBlocks(el, fragment)
  el.dispatchEvent(new (doc.defaultView!.InputEvent)("input", { bubbles: true, inputType: "insertFromPaste" }))
  return "html"
}

/**
 * Where blocks go in an HTML editor: beside the block the caret is in, never inside it (a table inside a
 * paragraph is broken markup); before the quoted mail when the caret is in it (a reply is written above it);
 * in place of an empty line; at the top when the caret is not in this editor.
 */
function insertBlocks(root: HTMLElement, fragment: DocumentFragment): void {
  const sel = root.ownerDocument.getSelection()
  const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null
  if (!node || !root.contains(node) || node === root) {
    root.insertBefore(fragment, node === root ? (root.childNodes[sel!.getRangeAt(0).startOffset] ?? null) : root.firstChild)
    return
  }
  let top: Node = node
  while (top.parentNode && top.parentNode !== root) top = top.parentNode
  const quote = top instanceof root.ownerDocument.defaultView!.HTMLElement && (top.tagName === "BLOCKQUOTE" || top.querySelector("blockquote") !== null)
  const empty = (top.textContent ?? "").trim() === "" && !(top instanceof root.ownerDocument.defaultView!.HTMLElement && top.querySelector("img, table"))
  if (quote) root.insertBefore(fragment, top)
  else if (empty) root.replaceChild(fragment, top)
  else root.insertBefore(fragment, top.nextSibling)
}

function blockNode(doc: Document, block: SummaryBlock): HTMLElement {
  if (block.kind === "p") {
    const p = doc.createElement("p")
    block.text.split("\n").forEach((line, i) => {
      if (i > 0) p.append(doc.createElement("br"))
      p.append(doc.createTextNode(line))
    })
    return p
  }
  const table = doc.createElement("table")
  table.setAttribute("cellpadding", "4")
  table.style.borderCollapse = "collapse"
  if (block.head.length) {
    const tr = table.createTHead().insertRow()
    for (const h of block.head) {
      const th = doc.createElement("th")
      th.textContent = h
      th.style.textAlign = "left"
      th.style.borderBottom = "1px solid #999"
      tr.append(th)
    }
  }
  const body = table.createTBody()
  for (const row of block.rows) {
    const tr = body.insertRow()
    row.forEach((cell, i) => {
      const td = tr.insertCell()
      td.textContent = cell
      if (i >= 2 || (block.head.length === 0 && i === 1)) td.style.textAlign = "right"
    })
  }
  return table
}

const MAX_TEXT = 50_000

/** The message's content, checked by hand (the content script carries no zod): bounded text and blocks. */
export function parseComposeContent(raw: unknown): ComposeContent | null {
  if (typeof raw !== "object" || raw === null) return null
  const r = raw as Record<string, unknown>
  if (typeof r.text !== "string" || r.text.length > MAX_TEXT || !Array.isArray(r.blocks) || r.blocks.length > 50) return null
  const isStr = (s: unknown): s is string => typeof s === "string" && s.length <= 2000
  const blocks: SummaryBlock[] = []
  for (const b of r.blocks as unknown[]) {
    if (typeof b !== "object" || b === null) return null
    const x = b as Record<string, unknown>
    if (x.kind === "p" && typeof x.text === "string" && x.text.length <= MAX_TEXT) blocks.push({ kind: "p", text: x.text })
    else if (x.kind === "table" && Array.isArray(x.head) && x.head.length <= 12 && x.head.every(isStr) && Array.isArray(x.rows) && x.rows.length <= 500 && x.rows.every((row) => Array.isArray(row) && row.length <= 12 && row.every(isStr))) {
      blocks.push({ kind: "table", head: x.head, rows: x.rows as string[][] })
    } else return null
  }
  return { text: r.text, blocks }
}
