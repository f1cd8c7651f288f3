import type { ComposeTarget } from "./compose-box"

/**
 * The To and Cc addresses the webmail shows for a compose box, so the background can tell a reply to the customer
 * a summary is about from a reply to someone else (src/domain/documents/reply-recipients.ts). Read where each
 * webmail keeps them, in the compose box's own form (Gmail can have several compose windows open):
 * - Roundcube 1.6: `_to` / `_cc` (textareas the elastic skin hides behind its recipient widget and keeps in step
 *   with it, inputs in older skins), and the widget's own `li.recipient` chips in the `#compose_to` / `#compose_cc`
 *   rows only: Bcc, Reply-To and Followup-To have the same widget (tests/fixtures/webmail/roundcube-1.6-compose-reply.html);
 * - Gmail: the `div[name="to"]` / `div[name="cc"]` rows, each recipient a chip `[role=option][data-hovercard-id]`
 *   (older markup: `span[email]`, or a hidden `input[name="to"]` holding "Name <address>");
 * - Outlook on the web: the recipient wells labelled "To" / "À" / "Cc", an address in a chip's title or text.
 * None found (a new mail with an empty To, a webmail not recognised): an empty list, which means "unknown".
 * Runs in the content script: no zod here; the background reads the answer through the tab contract.
 */
const FIELDS = [
  'textarea[name="_to"]',
  'input[name="_to"]',
  'textarea[name="_cc"]',
  'input[name="_cc"]',
  "#compose_to ul.recipient-input",
  "#compose_cc ul.recipient-input",
  '[name="to"]',
  '[name="cc"]',
  '[aria-label="To"]',
  '[aria-label="À"]',
  '[aria-label="Cc"]'
].join(", ")

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g
const MAX = 50

/** The compose box's recipients, at most 50, lower case, once each; [] when none is shown. */
export function composeRecipients(target: ComposeTarget): string[] {
  const scope = composeScope(target.el)
  if (!scope) return []
  const found = new Set<string>()
  for (const field of scope.querySelectorAll(FIELDS)) {
    for (const text of textsOf(field)) for (const m of text.matchAll(EMAIL)) if (found.size < MAX) found.add(m[0].toLowerCase())
  }
  return [...found]
}

/** The closest element around the editor (the frame around it, for an editor in a frame) that holds recipient fields. */
function composeScope(editor: Element): Element | null {
  let cur: Element | null = editor
  while (cur) {
    if (cur.querySelector(FIELDS)) return cur
    cur = cur.parentElement ?? (cur.ownerDocument.defaultView?.frameElement ?? null)
  }
  return null
}

/** What in a field may hold addresses: an input's value, chips' attributes, and the text shown. */
function textsOf(field: Element): string[] {
  const out: string[] = []
  const value = (field as HTMLInputElement).value
  if (typeof value === "string") out.push(value)
  for (const el of [field, ...field.querySelectorAll("[data-hovercard-id], [email], [title], input")]) {
    for (const attr of ["data-hovercard-id", "email", "title"]) {
      const a = el.getAttribute(attr)
      if (a) out.push(a)
    }
    const v = (el as HTMLInputElement).value
    if (el !== field && typeof v === "string") out.push(v)
  }
  // Each text node apart: a chip's name and address are neighbours ("Claire Martin" "claire@…") and run together in
  // textContent into one false address.
  if (typeof value !== "string") {
    const walker = field.ownerDocument.createTreeWalker(field, 4 /* NodeFilter.SHOW_TEXT */)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.nodeValue ?? "")
  }
  return out
}
