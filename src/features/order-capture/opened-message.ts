import { dayOf, findDates, isoDay } from "~src/domain/orders/dates"
import { htmlToText } from "~src/domain/orders/html-to-text"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The message opened in a webmail page, read from the page as the agent sees it (the in-page "Capture as order"
 * starts here, capture-button.tsx; its attachments are listed by page-attachments.ts). The markers are those of
 * `src/features/lookup-panel/mail-roles.ts` and the e2e fixtures (`tests/e2e/view-pages.ts`):
 * - Gmail: the last expanded message of the thread (`div.adn` with its body `div.a3s`), the sender `span.gD[email]`,
 *   the subject `h2.hP`, the date `span.g3[title]` or `td.gH`, the id `[data-message-id]`/`[data-legacy-message-id]`.
 * - Outlook on the web: the reading pane (`[aria-label="Reading Pane"]`), the sender part `[aria-label^="From:"]`
 *   (or "De :"), the subject heading, the body `[aria-label="Message body"]`.
 * - Roundcube 1.6: the preview frame `iframe#messagecontframe` (same origin) or the message page itself:
 *   `td.header.from a.rcmContactAddress[title]`, `h2.subject`, `td.header.date`, `#messagebody`, the uid in the
 *   frame's address (`_uid=`).
 */
export interface OpenedMessage {
  webmail: "gmail" | "outlook" | "roundcube"
  /** The webmail's id of the message when it shows one; otherwise sender, subject and date. */
  messageId: string
  mail: OrderMail
  /** The message's body element, to place the button beside and to highlight evidence in. */
  body: Element
}

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[a-z]{2,}/i

export function readOpenedMessage(doc: Document, today = new Date()): OpenedMessage | null {
  return gmail(doc, today) ?? outlook(doc, today) ?? roundcube(doc, today)
}

function gmail(doc: Document, today: Date): OpenedMessage | null {
  const bodies = [...doc.querySelectorAll("div.a3s")]
  const body = bodies[bodies.length - 1]
  if (body === undefined) return null
  const message = body.closest("div.adn") ?? body.parentElement ?? doc.body
  const scope = message.querySelector("span.gD[email]") !== null ? message : doc
  const sender = scope.querySelector("span.gD[email]")
  if (sender === null) return null
  const address = sender.getAttribute("email") ?? ""
  const subject = text(doc.querySelector("h2.hP"))
  const dateText = scope.querySelector("span.g3[title]")?.getAttribute("title") ?? text(scope.querySelector("td.gH"))
  // Gmail puts the ids on the message's own element (`div.adn`); older markup on a child.
  const ids = "[data-legacy-message-id], [data-message-id]"
  const id = message.matches(ids) ? message : message.querySelector(ids)
  const messageId = id?.getAttribute("data-legacy-message-id") ?? id?.getAttribute("data-message-id") ?? fallbackId(address, subject, dateText)
  return { webmail: "gmail", messageId, body, mail: mailOf(address, sender.getAttribute("name") ?? text(sender), subject, dateText, body, today) }
}

function outlook(doc: Document, today: Date): OpenedMessage | null {
  const pane = doc.querySelector('[aria-label="Reading Pane"], [aria-label="Volet de lecture"]') ?? doc
  const body = pane.querySelector('[aria-label="Message body"], [aria-label="Corps du message"]')
  if (body === null || body.getAttribute("contenteditable") === "true") return null
  const from = [...pane.querySelectorAll("[aria-label]")].find((el) => /^\s*(from|de)\s*:/i.test(el.getAttribute("aria-label") ?? ""))
  if (from === undefined) return null
  const address = from.querySelector("[title]")?.getAttribute("title")?.match(EMAIL)?.[0] ?? text(from).match(EMAIL)?.[0] ?? ""
  const name = (from.getAttribute("aria-label") ?? "").replace(/^\s*(from|de)\s*:\s*/i, "").trim()
  const subject = text(pane.querySelector('[role="heading"]'))
  // The machine-readable date first: the text is in the user's locale ("Tue 12/1/2026" is month first or not).
  const dateText = pane.querySelector("[datetime]")?.getAttribute("datetime") ?? text(pane.querySelector("time"))
  return { webmail: "outlook", messageId: fallbackId(address, subject, dateText), body, mail: mailOf(address, name, subject, dateText, body, today) }
}

function roundcube(doc: Document, today: Date): OpenedMessage | null {
  const frame = doc.querySelector<HTMLIFrameElement>("iframe#messagecontframe")
  let page: Document = doc
  let uid: string | null = null
  if (frame !== null) {
    try {
      if (frame.contentDocument === null) return null
      page = frame.contentDocument
    } catch {
      return null
    }
    uid = /_uid=(\d+)/.exec(frame.src)?.[1] ?? /\/(\d+)(?:$|[?#])/.exec(frame.src)?.[1] ?? null
  }
  const body = page.querySelector("#messagebody")
  const sender = page.querySelector("td.header.from a.rcmContactAddress[title], td.header.from [title]")
  if (body === null || sender === null) return null
  const address = sender.getAttribute("title") ?? ""
  const subject = subjectText(page.querySelector("h2.subject"))
  const dateText = text(page.querySelector("td.header.date"))
  uid ??= /_uid=(\d+)/.exec(page.location?.href ?? "")?.[1] ?? null
  return { webmail: "roundcube", messageId: uid !== null ? `roundcube:${uid}` : fallbackId(address, subject, dateText), body, mail: mailOf(address, text(sender), subject, dateText, body, today) }
}

/** Roundcube's subject heading without its "Subject:" label and its "Open in new window" link. */
function subjectText(h2: Element | null): string {
  if (h2 === null) return ""
  const copy = h2.cloneNode(true) as Element
  for (const extra of copy.querySelectorAll("a, .voice")) extra.remove()
  return text(copy).replace(/^Subject:\s*/i, "")
}

function mailOf(address: string, name: string, subject: string, dateText: string, body: Element, today: Date): OrderMail {
  return {
    from: { address: address.toLowerCase(), name: name.trim() },
    to: [],
    subject,
    date: pageDate(dateText, today),
    text: "",
    htmlText: htmlToText(body.innerHTML),
    attachments: []
  }
}

/** "29 nov. 2026, 09:41", "2026-12-01 09:11", "Tue 3/10/2026 9:12 AM": the day, or today's when none reads. */
function pageDate(dateText: string, today: Date): string {
  const iso = /\b(20\d{2})-(\d{2})-(\d{2})\b/.exec(dateText)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T12:00:00`
  const ref = dayOf(today.toISOString()) ?? today
  const found = findDates(dateText, ref).filter((d) => !d.relative)
  return `${isoDay(found[0]?.date ?? ref)}T12:00:00`
}

function fallbackId(address: string, subject: string, date: string): string {
  return `${address}|${subject}|${date}`.slice(0, 300)
}

function text(el: Element | null): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim()
}

/**
 * Whether a message is open, without reading it (the panel asks after each change of the page): the same
 * markers as `readOpenedMessage`, none of its text work.
 */
export function hasOpenedMessage(doc: Document): boolean {
  if (doc.querySelector("div.a3s") !== null && doc.querySelector("span.gD[email]") !== null) return true
  const body = doc.querySelector('[aria-label="Message body"], [aria-label="Corps du message"]')
  if (body !== null && body.getAttribute("contenteditable") !== "true") return true
  const frame = doc.querySelector<HTMLIFrameElement>("iframe#messagecontframe")
  let page: Document | null = doc
  if (frame !== null) {
    try {
      page = frame.contentDocument
    } catch {
      page = null
    }
  }
  return page !== null && page.querySelector("#messagebody") !== null && page.querySelector("td.header.from [title]") !== null
}
