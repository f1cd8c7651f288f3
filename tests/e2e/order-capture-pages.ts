import { esc, ROUNDCUBE_PREVIEW_SCRIPT } from "./pages"

/**
 * Webmail pages with one opened order mail (issue #11), in the markup `src/features/order-capture/opened-message.ts`
 * reads (the same as `view-pages.ts`): the body is HTML with its line breaks, as the webmails render a mail.
 */
export interface OrderMailPage {
  id: string
  subject: string
  from: { name: string; email: string }
  /** Lines of the body; "" is an empty line. */
  lines: string[]
  /** Files attached, each with the address the page links it to (the fixture site serves it). */
  attachments?: { name: string; mime: string; href: string }[]
}

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Arial,sans-serif;margin:0} iframe{width:100%;height:420px;border:0}</style></head><body>${body}</body></html>`

/**
 * Gmail's attachment area under the message: a chip per file (`span.aZo`) whose `download_url` reads
 * "mime:name:address", the name in `span.aV3` (as Gmail's markup has them; the real addresses are Gmail's own).
 */
const gmailAttachments = (m: OrderMailPage) =>
  m.attachments?.length
    ? `<div class="hq gt"><div class="aQH">${m.attachments.map((a) => `<span class="aZo" download_url="${esc(`${a.mime}:${a.name}:${a.href}`)}"><a class="aQy" href="${esc(a.href)}"><span class="aV3">${esc(a.name)}</span></a></span>`).join("")}</div></div>`
    : ""

/** Outlook on the web's attachment tiles above the body: the name as the tile's title, a download link. */
const outlookAttachments = (m: OrderMailPage) =>
  (m.attachments ?? []).map((a) => `<div role="attachment"><span title="${esc(a.name)}">${esc(a.name)}</span> <a href="${esc(a.href)}" download>Download</a></div>`).join("")

/** Roundcube 1.6's list beside the message, as program/actions/mail/show.php writes it. */
const roundcubeAttachments = (m: OrderMailPage) =>
  m.attachments?.length
    ? `<ul id="attachment-list" class="attachmentslist">${m.attachments.map((a, i) => `<li class="${esc(a.mime.replace("/", " "))}" id="attach${i + 2}"><a href="${esc(a.href)}" class="filename"><span class="attachment-name">${esc(a.name)}</span><span class="attachment-size">(12 KB)</span></a></li>`).join("")}</ul>`
    : ""

const bodyHtml = (lines: string[]) => lines.map((l) => (l === "" ? "<div><br></div>" : `<div>${esc(l)}</div>`)).join("")

export function gmailOrder(m: OrderMailPage): string {
  return shell(
    `${m.subject} - Gmail`,
    `<div role="main"><h2 class="hP">${esc(m.subject)}</h2>
<div class="adn ads" data-legacy-message-id="${esc(m.id)}"><div class="gE iv gt"><table class="cf gJ"><tbody><tr><td class="gF gK"><h3 class="iw">
<span class="gD" email="${esc(m.from.email)}" name="${esc(m.from.name)}">${esc(m.from.name)}</span> <span class="go">&lt;${esc(m.from.email)}&gt;</span></h3></td>
<td class="gH"><span class="g3" title="1 déc. 2026, 09:41">09:41</span></td></tr></tbody></table></div>
<div class="a3s aiL" dir="ltr">${bodyHtml(m.lines)}</div>${gmailAttachments(m)}</div></div>`
  )
}

export function outlookOrder(m: OrderMailPage): string {
  return shell(
    "Mail - Outlook",
    `<div role="complementary" aria-label="Reading Pane"><div role="heading" aria-level="2">${esc(m.subject)}</div>
<div aria-label="From: ${esc(m.from.name)}"><span title="${esc(m.from.email)}">${esc(m.from.name)}</span> &lt;${esc(m.from.email)}&gt;</div>
<time datetime="2026-12-01T09:12:00">Tue 12/1/2026 9:12 AM</time>${outlookAttachments(m)}
<div aria-label="Message body">${bodyHtml(m.lines)}</div></div>`
  )
}

/** Roundcube's preview frame content for one message. */
export function roundcubePreview(m: OrderMailPage): string {
  return shell(
    m.subject,
    `<div id="message-header"><h2 class="subject"><span class="voice">Subject: </span>${esc(m.subject)}</h2>
<table class="headers-table"><tbody><tr><td class="header-title">From</td><td class="header from"><span class="adr"><a href="mailto:${esc(m.from.email)}" class="rcmContactAddress" title="${esc(m.from.email)}">${esc(m.from.name)}</a></span></td></tr>
<tr><td class="header-title">Date</td><td class="header date">2026-12-01 09:15</td></tr></tbody></table></div>
<div id="messagebody"><div class="message-htmlpart">${bodyHtml(m.lines)}</div></div>${roundcubeAttachments(m)}`
  )
}

/** Roundcube's 3-pane view: a click on a row replaces the preview iframe (`/webmail/preview/<uid>`). */
export function roundcubeInbox(mails: { uid: number; m: OrderMailPage }[]): string {
  const rows = mails
    .map(({ uid, m }) => `<tr id="rcmrow${uid}" data-uid="${uid}" class="message"><td class="subject"><span class="rcmContactAddress" title="${esc(m.from.email)}">${esc(m.from.name)}</span> <a href="./?_uid=${uid}">${esc(m.subject)}</a></td></tr>`)
    .join("")
  return shell(
    "Roundcube Webmail :: Inbox",
    `<div id="layout"><div id="layout-list" style="width:35%;float:left"><table id="messagelist"><tbody>${rows}</tbody></table></div>
<div id="layout-content" style="margin-left:36%"><iframe id="messagecontframe" name="messagecontframe" src="about:blank"></iframe></div></div>
${ROUNDCUBE_PREVIEW_SCRIPT}`
  )
}
