/**
 * Who an address is in a mail's header, read from the header's structure: the sender (From), a recipient (To, Cc,
 * Bcc), or nothing known (an address in a body, a signature, a CRM page). Only a sender's display name may be
 * looked up by name (issue #7: recipients and the user's own name brought wrong cards).
 *
 * The markers, per webmail (see tests/e2e/pages.ts for fixtures shaped like each):
 * - Gmail: the sender is `span.gD[email]` (with `span.go` holding "<address>" beside it); recipients are
 *   `span.g2[email]`; the expanded details table labels its rows "from:", "to:", "cc:" (`span.gI`).
 * - Outlook on the web: obfuscated class names, but the reading pane's header parts carry aria-labels that start
 *   with the field ("From: …", "To: …", "Cc: …"; "De : …", "À : …" in French).
 * - Roundcube 1.6 (elastic): `table.headers-table` rows `td.header-title` + `td.header.from|to|cc|replyto`, with
 *   each address as `span.adr > a.rcmContactAddress[title=address]`; the summary line uses `span.from` / `.to`.
 * And the generic case: a header row whose label reads From/De/Expéditeur or To/À/Cc/Cci/Bcc.
 */
export type MailRole = "sender" | "recipient" | null

const SENDER_CLASSES = ["gD", "from", "sender", "header-from", "rcm-from"]
const RECIPIENT_CLASSES = ["g2", "to", "cc", "bcc", "replyto", "recipient", "recipients", "header-to", "header-cc"]
// A label is the field's name alone ("From", "À") or followed by a colon ("From: Jean Dupont", "De : …").
const SENDER_LABEL = /^\s*(from|de|expéditeur|expediteur|sender|envoyé par|envoye par)\s*(:|$)/i
const RECIPIENT_LABEL = /^\s*(to|à|a|cc|cci|bcc|destinataires?|recipients?|copie à|copie cachée à|reply-to|répondre à)\s*(:|$)/i
/** How far up from the address the header's structure is looked for. */
const MAX_DEPTH = 6
/** A header row's label is short; a paragraph that starts with "De" is not one. */
const MAX_LABEL_CHARS = 24

export function mailRoleOf(el: Element): MailRole {
  let node: Element | null = el
  for (let depth = 0; node !== null && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    const classes = node.classList
    if (classes) {
      if (SENDER_CLASSES.some((c) => classes.contains(c))) return "sender"
      if (RECIPIENT_CLASSES.some((c) => classes.contains(c))) return "recipient"
    }
    const label = node.getAttribute("aria-label")
    if (label !== null) {
      if (SENDER_LABEL.test(label)) return "sender"
      if (RECIPIENT_LABEL.test(label)) return "recipient"
    }
    // Gmail puts the address ("<…>", span.go) right after the name that carries the role (span.gD / span.g2).
    const prevClasses = node.previousElementSibling?.classList
    if (prevClasses && prevClasses.contains("gD")) return "sender"
    if (prevClasses && prevClasses.contains("g2")) return "recipient"
    const rowLabel = labelBefore(node)
    if (rowLabel !== null) {
      if (SENDER_LABEL.test(rowLabel)) return "sender"
      if (RECIPIENT_LABEL.test(rowLabel)) return "recipient"
    }
  }
  return null
}

/** The text of the element just before this one when it reads like a header label ("From:", "À :"). */
function labelBefore(node: Element): string | null {
  const prev = node.previousElementSibling
  if (prev === null) return null
  const text = prev.textContent ?? ""
  return text.length > 0 && text.length <= MAX_LABEL_CHARS ? text : null
}

/**
 * The sender's display name for an address found in a header: the `name` attribute (Gmail), the link's text
 * (Roundcube), or the text of its header part without the address ("Jean Dupont <jean@…>").
 */
export function senderNameOf(el: Element, email: string): string | null {
  // The address inside "<…>" next to the name: the name is on the element before (Gmail's span.gD).
  const candidates: (string | null | undefined)[] = [el.getAttribute("name"), el.getAttribute("title") === email ? el.textContent : null]
  for (let n: Element | null = el, depth = 0; n !== null && depth < 3; n = n.parentElement, depth++) {
    const named = n.querySelector?.(`[email="${cssString(email)}"][name]`)
    candidates.push(named?.getAttribute("name"))
    candidates.push(n.textContent)
    const prev = n.previousElementSibling
    if (prev !== null && prev.getAttribute("email") !== null) candidates.push(prev.getAttribute("name") ?? prev.textContent)
  }
  for (const text of candidates) {
    const name = cleanName(text, email)
    if (name !== null) return name
  }
  return null
}

function cleanName(text: string | null | undefined, email: string): string | null {
  if (!text || text.length > 160) return null
  const cleaned = text
    .split(email)
    .join(" ")
    .replace(/\S+@\S+/g, " ")
    .replace(SENDER_LABEL, " ")
    .replace(/[<>"()[\],;:]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  return cleaned.length >= 3 && cleaned.length <= 120 ? cleaned : null
}

function cssString(s: string): string {
  return s.replace(/["\\]/g, "\\$&")
}

/**
 * The user's own mailbox, as the webmail shows it in its own chrome: Gmail's account button ("Google Account:
 * Name (address)"), Outlook's "Account manager for Name", Roundcube's `.username`. Its name is never looked up,
 * even when the user is the sender (a sent message).
 */
export function ownMailbox(doc: Document): { names: string[]; emails: string[] } {
  const names: string[] = []
  const emails: string[] = []
  const texts: string[] = []
  for (const el of doc.querySelectorAll('a[aria-label^="Google Account"], [aria-label^="Account manager for"], [aria-label^="Gestionnaire de compte"], .username, #O365_MainLink_Me')) {
    texts.push(el.getAttribute("aria-label") ?? "", el.textContent ?? "")
  }
  for (const text of texts) {
    for (const m of text.matchAll(/[^\s<>()"]+@[^\s<>()"]+\.[a-z]{2,}/gi)) emails.push(m[0].toLowerCase())
    const name = text
      .replace(/^(Google Account|Compte Google|Account manager for|Gestionnaire de compte pour)\s*:?/i, "")
      .replace(/[^\s<>()"]+@[^\s<>()"]+/g, " ")
      .replace(/[<>"()]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
    if (name.length >= 3 && name.length <= 120) names.push(name)
  }
  return { names, emails }
}
