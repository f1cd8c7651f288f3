import type { DetectedKind } from "../../domain/detect"

/** What the scanner leaves on the page; other features (the lookup panel, e2e tests) read the same names. */
export const HIT_CLASS = "comptoir-hit"
export const STYLE_ID = "comptoir-hit-style"
export const ATTRIBUTE: Record<DetectedKind, string> = {
  phone: "data-comptoir-phone",
  email: "data-comptoir-email",
  code: "data-comptoir-code"
}
export const DECORATED_SELECTOR = `[${ATTRIBUTE.phone}],[${ATTRIBUTE.email}],[${ATTRIBUTE.code}]`

// A discreet affordance that cannot move a single pixel of the page: no box, font or spacing change.
const HIT_CSS = `.${HIT_CLASS}{text-decoration:underline dotted #0f766e;text-underline-offset:2px;cursor:pointer}`

/** Subtrees whose text is not page prose, or that the page may not expect us to touch. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "head",
  "title",
  "input",
  "textarea",
  "select",
  "option",
  "object",
  "embed",
  "canvas",
  "video",
  "audio"
])

export const isFrame = (el: Element): boolean => el.localName === "iframe" || el.localName === "frame"

/**
 * Attribute checks only: `isContentEditable` or computed styles would force a style recalculation per element on a
 * real page. Any contenteditable value but "false" counts ("", "true", "plaintext-only", and invalid values, which
 * inherit and so may be editable): never modifying an editable area matters more than decorating one more node.
 */
export function isEditable(el: Element): boolean {
  const ce = el.getAttribute("contenteditable")
  if (ce !== null && ce.toLowerCase() !== "false") return true
  return el.getAttribute("role") === "textbox"
}

export function isHidden(el: Element): boolean {
  return el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true"
}

export function isDecorated(el: Element): boolean {
  return el.hasAttribute(ATTRIBUTE.phone) || el.hasAttribute(ATTRIBUTE.email) || el.hasAttribute(ATTRIBUTE.code)
}

/** Rules that do not depend on the scanner's options (ignoreSelector is checked by the caller). */
export function isSkippedElement(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || isFrame(el) || isEditable(el) || isHidden(el) || isDecorated(el)
}

export function decoratedKindOf(el: Element): { kind: DetectedKind; value: string } | null {
  for (const kind of ["phone", "email", "code"] as const) {
    const value = el.getAttribute(ATTRIBUTE[kind])
    if (value !== null && value !== "") return { kind, value }
  }
  return null
}

/** Idempotent, and re-run on each decoration: single-page apps sometimes rebuild <head>. */
export function ensureHitStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID) !== null) return
  const parent = doc.head ?? doc.documentElement
  if (parent === null) return
  const style = doc.createElement("style")
  style.id = STYLE_ID
  style.textContent = HIT_CSS
  parent.appendChild(style)
}

export interface Span {
  start: number
  end: number
  kind: DetectedKind
  value: string
}

/**
 * Wraps each span of `node` (sorted, non-overlapping, within its text) in a <span class="comptoir-hit">. Only
 * splitText / createElement / setAttribute: page text moves as Text nodes and is never parsed as HTML.
 * Returns the wrappers in text order and the plain Text pieces left around them.
 */
export function wrapSpans(node: Text, spans: Span[]): { wrappers: { span: Span; element: Element }[]; rest: Text[] } {
  const doc = node.ownerDocument
  const wrappers: { span: Span; element: Element }[] = []
  const rest: Text[] = []
  let head: Text | null = node
  // Right to left, so the offsets of the spans still to do stay valid in `head`.
  for (let i = spans.length - 1; i >= 0 && head !== null; i--) {
    const s = spans[i]
    if (s === undefined || s.start >= s.end || s.end > head.data.length) continue
    if (s.end < head.data.length) rest.push(head.splitText(s.end))
    const middle: Text = s.start > 0 ? head.splitText(s.start) : head
    if (middle === head) head = null
    const wrapper = doc.createElement("span")
    wrapper.className = HIT_CLASS
    wrapper.setAttribute(ATTRIBUTE[s.kind], s.value)
    middle.parentNode?.insertBefore(wrapper, middle)
    wrapper.appendChild(middle)
    wrappers.push({ span: s, element: wrapper })
  }
  if (head !== null) rest.push(head)
  return { wrappers: wrappers.reverse(), rest }
}

/**
 * Takes our markup out of a subtree that became editable or was copied into an editor (a reply quoting a decorated
 * mail): it would otherwise be saved or sent with the user's text. Only our own wrappers and attributes go.
 */
export function removeDecorations(root: Element): void {
  const wrappers = root.matches(`.${HIT_CLASS}`) ? [root] : []
  wrappers.push(...Array.from(root.querySelectorAll(`.${HIT_CLASS}`)))
  for (const w of wrappers) if (isDecorated(w)) unwrap(w)
  const marked = root.matches(DECORATED_SELECTOR) ? [root] : []
  marked.push(...Array.from(root.querySelectorAll(DECORATED_SELECTOR)))
  for (const el of marked) for (const name of Object.values(ATTRIBUTE)) el.removeAttribute(name)
}

/** Puts a wrapper's text back in its place (the page changed it, so our attribute no longer describes it). */
export function unwrap(wrapper: Element): Node[] {
  const parent = wrapper.parentNode
  const moved: Node[] = []
  if (parent === null) return moved
  while (wrapper.firstChild !== null) {
    moved.push(wrapper.firstChild)
    parent.insertBefore(wrapper.firstChild, wrapper)
  }
  parent.removeChild(wrapper)
  return moved
}
