import { dayOf, findDates, isoDay } from "~src/domain/orders/dates"
import { htmlToText } from "~src/domain/orders/html-to-text"
import type { OrderMail } from "~src/domain/orders/types"

/**
 * The message opened in a webmail page, read from the page as the agent sees it (the in-page "Capture as order"
 * starts here, capture-button.tsx; its attachments are listed by page-attachments.ts). The markers are those of
 * `src/features/lookup-panel/mail-roles.ts` and the e2e fixtures (`tests/e2e/view-pages.ts`):
 * - Gmail: the last expanded message of the thread (`div.adn` with its body `div.a3s`), the sender `span.gD[email]`,
 *   the subject `h2.hP`, the date `span.g3[title]` or `td.gH`, the id `[data-message-id]`/`[data-legacy-message-id]`,
 *   the To row of the details table (`td.gG` "to:" beside `td.gL` with `span.g2[email]`), else every `span.g2[email]`
 *   of the message's header.
 * - Outlook on the web: the reading pane (`[aria-label="Reading Pane"]`), the sender part `[aria-label^="From:"]`
 *   (or "De :"), the recipients' part `[aria-label^="To:"]` (or "À :"), the subject heading, the body
 *   `[aria-label="Message body"]`.
 * - Roundcube 1.6: the preview frame `iframe#messagecontframe` (same origin) or the message page itself:
 *   `td.header.from a.rcmContactAddress[title]`, `td.header.to a.rcmContactAddress`, `h2.subject`,
 *   `td.header.date`, `#messagebody`, the uid in the frame's address (`_uid=`).
 * The recipients are the To field only, as the `.eml` path reads them (parse-eml.ts): the extractor tells a mail
 * written to the sender's own colleagues, the supplier in copy, from one written to the supplier.
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
  return { webmail: "gmail", messageId, body, mail: mailOf(address, sender.getAttribute("name") ?? text(sender), subject, dateText, body, today, scope === message ? gmailTo(message, body) : []) }
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
  const to = [...pane.querySelectorAll("[aria-label]")].find((el) => /^\s*(to|à)\s*:/i.test(el.getAttribute("aria-label") ?? ""))
  return { webmail: "outlook", messageId: fallbackId(address, subject, dateText), body, mail: mailOf(address, name, subject, dateText, body, today, outlookTo(to)) }
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
  // The summary line writes the date in full ("2026-12-01 09:11"); the headers' table only as "Tue 09:11" within
  // the week, which reads as no date: the mail would be dated the day it is read, and "tomorrow" counted from it.
  const dateText = [page.querySelector(".header-summary .text-nowrap"), page.querySelector("td.header.date")].map(text).find((d) => hasDay(d)) ?? ""
  uid ??= /_uid=(\d+)/.exec(page.location?.href ?? "")?.[1] ?? null
  const to = roundcubeTo(page.querySelector("td.header.to"))
  return { webmail: "roundcube", messageId: uid !== null ? `roundcube:${uid}` : fallbackId(address, subject, dateText), body, mail: mailOf(address, text(sender), subject, dateText, body, today, to) }
}

/**
 * Gmail's To: the details table's row labelled "to:" ("à :", "para:", "an:"), which Gmail fills in the message's
 * header; when the page has no such row, every recipient the header shows ("to me, Bob"), Cc included: a supplier
 * in copy then counts as a recipient, which leaves the extractor where an empty list leaves it. Read in the
 * message's own element only: another message of the thread has other recipients.
 */
function gmailTo(message: Element, body: Element): string[] {
  const label = [...message.querySelectorAll("td.gG")].find((td) => /^\s*(to|à|a|para|an)\s*:?\s*$/i.test(td.textContent ?? ""))
  const row = label?.nextElementSibling ?? null
  const people = row !== null ? [...row.querySelectorAll("[email]")] : [...message.querySelectorAll("span.g2[email]")].filter((el) => !body.contains(el))
  return unique(people.map((el) => el.getAttribute("email") ?? ""))
}

/** Outlook's "To: …" part: each person's address in a title, else as written ("Name <address>"). */
function outlookTo(part: Element | undefined): string[] {
  if (part === undefined) return []
  const titled = [...part.querySelectorAll("[title]")].map((el) => el.getAttribute("title")?.match(EMAIL)?.[0] ?? "")
  return unique(titled.some((a) => a !== "") ? titled : [...text(part).matchAll(new RegExp(EMAIL.source, "gi"))].map((m) => m[0]))
}

/**
 * Roundcube's To cell: each address a `mailto:` link (its title holds the address, except with the setting that
 * shows names with their addresses). Past 10 addresses Roundcube shows "and N more", whose click opens a dialog
 * built from its onclick: the hidden addresses are read there.
 */
function roundcubeTo(cell: Element | null): string[] {
  if (cell === null) return []
  const shown = [...cell.querySelectorAll(".rcmContactAddress")].map(
    (el) => mailtoOf(el.getAttribute("href") ?? "") ?? el.getAttribute("title")?.match(EMAIL)?.[0] ?? text(el).match(EMAIL)?.[0] ?? ""
  )
  const more = [...cell.querySelectorAll("a.morelink[onclick]")].flatMap((a) => [...(a.getAttribute("onclick") ?? "").matchAll(/mailto:([^\s\\"'<>&]+)/g)].map((m) => safeDecode(m[1]!)))
  return unique([...shown, ...more])
}

function mailtoOf(href: string): string | null {
  const m = /^mailto:([^?]+)/i.exec(href)
  return m ? safeDecode(m[1]!) : null
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Lower-cased addresses, each once, in the page's order; anything that is no address is left out. */
function unique(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => EMAIL.exec(a)?.[0] === a))]
}

/** Roundcube's subject heading without its "Subject:" label and its "Open in new window" link. */
function subjectText(h2: Element | null): string {
  if (h2 === null) return ""
  const copy = h2.cloneNode(true) as Element
  for (const extra of copy.querySelectorAll("a, .voice")) extra.remove()
  return text(copy).replace(/^Subject:\s*/i, "")
}

function mailOf(address: string, name: string, subject: string, dateText: string, body: Element, today: Date, to: string[]): OrderMail {
  return {
    from: { address: address.toLowerCase(), name: name.trim() },
    to,
    subject,
    date: pageDate(dateText, today),
    text: "",
    htmlText: htmlToText(body.innerHTML),
    attachments: []
  }
}

const ISO_DAY = /\b(20\d{2})-(\d{2})-(\d{2})\b/

/** Whether a header's date text names a day (a full date), not only a weekday and a time. */
function hasDay(dateText: string): boolean {
  return ISO_DAY.test(dateText) || findDates(dateText, new Date()).some((d) => !d.relative)
}

/** "29 nov. 2026, 09:41", "2026-12-01 09:11", "Tue 3/10/2026 9:12 AM": the day, or today's when none reads. */
function pageDate(dateText: string, today: Date): string {
  const iso = ISO_DAY.exec(dateText)
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
  return openedMessageBody(doc) !== null
}

/** The opened message's body element, or null: the panel's result for a message is shown only while it is the one open. */
export function openedMessageBody(doc: Document): Element | null {
  const bodies = doc.querySelectorAll("div.a3s")
  if (bodies.length > 0 && doc.querySelector("span.gD[email]") !== null) return bodies[bodies.length - 1]!
  const body = doc.querySelector('[aria-label="Message body"], [aria-label="Corps du message"]')
  if (body !== null && body.getAttribute("contenteditable") !== "true") return body
  const frame = doc.querySelector<HTMLIFrameElement>("iframe#messagecontframe")
  let page: Document | null = doc
  if (frame !== null) {
    try {
      page = frame.contentDocument
    } catch {
      page = null
    }
  }
  if (page === null || page.querySelector("td.header.from [title]") === null) return null
  return page.querySelector("#messagebody")
}
