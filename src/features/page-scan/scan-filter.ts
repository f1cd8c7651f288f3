import { isEditable, isSkippedElement } from "./dom-rules"
import { DOCUMENT_NODE, ELEMENT_NODE } from "./scan-types"

/**
 * Where decorations may go, given the scanner's `ignoreSelector`: the rules of dom-rules.ts applied to a node's
 * ancestors, for texts that reach the scanner from anywhere (mutations) rather than from a walk that already
 * checked them on the way down.
 */
export class ScanFilter {
  readonly ignoreSelector: string | null
  /** "#id", the usual case: compared with el.id, far cheaper than matches() on every element of the page. */
  readonly ignoreId: string | null
  /** While a slice writes, whether each element may hold decorations (the texts of one pass share most ancestors). */
  private memo: Map<Node, boolean> | null = null

  constructor(doc: Document, ignoreSelector: string | undefined) {
    this.ignoreSelector = validSelector(doc, ignoreSelector)
    this.ignoreId =
      this.ignoreSelector !== null && /^#[A-Za-z_][\w-]*$/.test(this.ignoreSelector) ? this.ignoreSelector.slice(1) : null
  }

  /** Whether `el` is (the root of) a subtree the caller asked us to leave alone. */
  isIgnored(el: Element): boolean {
    return this.ignoreId !== null ? el.id === this.ignoreId : this.ignoreSelector !== null && el.matches(this.ignoreSelector)
  }

  /** Ancestor checks are memoised until endMemo(): the page cannot change between the two (no page code runs). */
  beginMemo(): void {
    this.memo = new Map()
  }

  endMemo(): void {
    this.memo = null
  }

  /** Whether nothing above `node` forbids touching it (entries queued by mutations come from anywhere). */
  ancestorsAllow(node: Node): boolean {
    if (this.memo !== null) {
      const parent = node.parentNode
      return parent !== null && parent.nodeType === ELEMENT_NODE && this.allowsBelow(parent as Element, this.memo)
    }
    const ignoreSelector = this.ignoreSelector
    let n: Node | null = node.parentNode
    let first: Element | null = null
    for (; n !== null; n = n.parentNode) {
      if (n.nodeType === DOCUMENT_NODE)
        return (n as Document).designMode !== "on" && (first === null || ignoreSelector === null || first.closest(ignoreSelector) === null)
      if (n.nodeType !== ELEMENT_NODE) return false // a shadow root or a detached fragment: not ours to touch
      const el = n as Element
      first ??= el
      if (isSkippedElement(el)) return false
    }
    return false
  }

  /** Whether `el` and everything above it allow decorations below it. */
  private allowsBelow(el: Element, memo: Map<Node, boolean>): boolean {
    const known = memo.get(el)
    if (known !== undefined) return known
    let ok: boolean
    if (isSkippedElement(el) || (this.ignoreSelector !== null && this.isIgnored(el))) ok = false
    else {
      const up = el.parentNode
      if (up === null) ok = false
      else if (up.nodeType === DOCUMENT_NODE) ok = (up as Document).designMode !== "on"
      else if (up.nodeType === ELEMENT_NODE) ok = this.allowsBelow(up as Element, memo)
      else ok = false // a shadow root or a detached fragment: not ours to touch
    }
    memo.set(el, ok)
    return ok
  }
}

export function insideEditable(node: Node): boolean {
  for (let n = node.parentNode; n !== null && n.nodeType === ELEMENT_NODE; n = n.parentNode) if (isEditable(n as Element)) return true
  return false
}

/** An invalid selector from the caller must not break every element check: it is dropped. */
function validSelector(doc: Document, selector: string | undefined): string | null {
  if (selector === undefined || selector.trim() === "") return null
  try {
    doc.createDocumentFragment().querySelector(selector)
    return selector
  } catch {
    return null
  }
}
