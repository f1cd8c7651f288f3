import type { DemoCustomer } from "~src/domain/demo/demo-data"
import { foldText } from "~src/domain/search/fold-text"

import { esc, ROUNDCUBE_PREVIEW_SCRIPT } from "./pages"

/**
 * Pages whose view changes without a reload: a 3-pane webmail whose preview iframe is replaced on each click
 * (Roundcube's markup), a single-page CRM with pushState routes, and mail headers with several recipients (Gmail's
 * and Outlook's markup). Each view declares the customer codes whose cards must be "on this page" there.
 */

export const AGENT = { name: "Sales Agent", email: "agent@comptoir-test.fr" }

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Arial,sans-serif;margin:0} td,th{padding:2px 6px} iframe{width:100%;height:360px;border:0}</style>
</head><body>${body}</body></html>`

const fullName = (c: DemoCustomer, i = 0) => `${c.contacts[i]!.firstName} ${c.contacts[i]!.lastName}`

/** Contacts whose whole name no other contact of the base has (a strict name match can only pick them). */
export function uniqueNamed(customers: DemoCustomer[], count: number, skip: Set<string>): DemoCustomer[] {
  const seen = new Map<string, number>()
  for (const c of customers) for (const p of c.contacts) {
    const k = foldText(`${p.firstName} ${p.lastName}`)
    seen.set(k, (seen.get(k) ?? 0) + 1)
  }
  return customers
    .filter((c) => !skip.has(c.code) && c.contacts[0]!.firstName && seen.get(foldText(fullName(c))) === 1 && c.contacts.length === 1)
    .slice(0, count)
}

/** A first name many contacts share. */
export function sharedFirstName(customers: DemoCustomer[]): string {
  const n = new Map<string, number>()
  for (const c of customers) for (const p of c.contacts) n.set(p.firstName, (n.get(p.firstName) ?? 0) + 1)
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]![0]
}

export interface Mail {
  uid: number
  subject: string
  from: { name: string; email: string }
  to: { name: string; email: string }[]
  cc?: { name: string; email: string }[]
  body: string
  /** Codes whose cards belong to this message's view. */
  expected: string[]
  possible?: string[]
}

const adr = (p: { name: string; email: string }) =>
  `<span class="adr"><a href="mailto:${esc(p.email)}" class="rcmContactAddress" title="${esc(p.email)}">${esc(p.name)}</a></span>`

/** Roundcube 1.6 (elastic): one message as its preview frame shows it. */
export function roundcubeMessage(m: Mail): string {
  const row = (title: string, cls: string, people: { name: string; email: string }[]) =>
    `<tr><td class="header-title">${title}</td><td class="header ${cls}">${people.map(adr).join(", ")}</td></tr>`
  return shell(
    m.subject,
    `<div id="message-header"><h2 class="subject"><span class="voice">Subject: </span>${esc(m.subject)}</h2>
<table class="headers-table"><tbody>${row("From", "from", [m.from])}${row("To", "to", m.to)}${m.cc ? row("Cc", "cc", m.cc) : ""}
<tr><td class="header-title">Date</td><td class="header date">2026-12-01 09:${String(10 + m.uid).padStart(2, "0")}</td></tr></tbody></table></div>
<div id="messagebody"><div class="message-part"><div class="pre">${esc(m.body)}</div></div></div>`
  )
}

/**
 * Roundcube's 3-pane view: the list shows names only (addresses in title attributes), and a click replaces the
 * preview iframe with a new one (Roundcube reuses it; replacing it is the harder case, and other webmails do it).
 */
export function roundcubeMailbox(mails: Mail[]): string {
  const rows = mails
    .map(
      (m) =>
        `<tr id="rcmrow${m.uid}" data-uid="${m.uid}" class="message"><td class="subject"><span class="fromto"><span class="adr"><span title="${esc(m.from.email)}" class="rcmContactAddress">${esc(m.from.name)}</span></span></span> <span class="subject"><a href="./?_uid=${m.uid}">${esc(m.subject)}</a></span></td></tr>`
    )
    .join("")
  return shell(
    "Roundcube Webmail :: Inbox",
    `<div id="layout"><div id="layout-menu"><span class="username">${esc(AGENT.email)}</span></div>
<div id="layout-list" style="width:40%;float:left"><table id="messagelist"><tbody>${rows}</tbody></table></div>
<div id="layout-content" style="margin-left:41%"><iframe id="messagecontframe" name="messagecontframe" src="about:blank"></iframe></div></div>
${ROUNDCUBE_PREVIEW_SCRIPT}`
  )
}

export interface CrmView {
  path: string
  kind: "customer" | "contact"
  title: string
  phone: string
  email: string
  expected: string[]
}

/**
 * A single-page CRM (React Admin's shape): pushState routes, links intercepted, back and forward handled. A
 * customer page and a contact page are different components (the view is rebuilt); two customer pages are the
 * same component, its text nodes updated in place (how React re-renders).
 */
export function spaCrm(views: CrmView[]): string {
  const data = JSON.stringify(Object.fromEntries(views.map((v) => [v.path, v]))).replace(/</g, "\\u003c")
  const nav = views.map((v) => `<a href="${esc(v.path)}" data-route>${esc(v.title)}</a>`).join(" | ")
  return shell(
    "CRM",
    `<nav id="nav">${nav}</nav><main id="main"></main>
<script>
const views = ${data};
let mounted = null;
function field(label, value) {
  const dt = document.createElement("dt"); dt.textContent = label;
  const dd = document.createElement("dd"); const text = document.createTextNode(value); dd.appendChild(text);
  return [dt, dd, text];
}
function render() {
  const v = views[location.pathname];
  const main = document.getElementById("main");
  if (!v) { main.replaceChildren(); mounted = null; return; }
  if (mounted && mounted.kind === v.kind) {
    mounted.title.data = v.title; mounted.phone.data = v.phone; mounted.email.data = v.email;
    return;
  }
  const h1 = document.createElement("h1"); const title = document.createTextNode(v.title); h1.appendChild(title);
  const dl = document.createElement("dl");
  const [a, b, phone] = field(v.kind === "customer" ? "Standard" : "Mobile", v.phone);
  const [c, d, email] = field("Email", v.email);
  dl.append(a, b, c, d);
  const page = document.createElement("section"); page.className = v.kind + "-show"; page.append(h1, dl);
  main.replaceChildren(page);
  mounted = { kind: v.kind, title, phone, email };
}
document.getElementById("nav").addEventListener("click", (e) => {
  const a = e.target.closest("a[data-route]");
  if (!a) return;
  e.preventDefault();
  history.pushState({}, "", a.getAttribute("href"));
  render();
});
addEventListener("popstate", render);
render();
</script>`
  )
}

export function crmCustomerView(c: DemoCustomer, path: string): CrmView {
  return { path, kind: "customer", title: c.company, phone: c.writtenPhones[0]![0]!, email: c.contacts[0]!.emails[0]!, expected: [c.code] }
}

/** Gmail: a thread of two messages with their expanded details (from, to, cc rows), and the account button. */
export function gmailThread(messages: { from: { name: string; email: string }; to: { name: string; email: string }[]; cc: { name: string; email: string }[]; body: string }[]): string {
  const person = (cls: string, p: { name: string; email: string }) =>
    `<span class="${cls}" email="${esc(p.email)}" name="${esc(p.name)}">${esc(p.name)}</span> <span class="go">&lt;${esc(p.email)}&gt;</span>`
  const msgs = messages
    .map(
      (m) => `<div class="adn ads"><div class="gE iv gt"><table class="cf gJ"><tbody><tr><td class="gF gK"><h3 class="iw">${person("gD", m.from)}</h3></td></tr></tbody></table>
<div class="ajA"><table class="ajC"><tbody>
<tr><td class="gG"><span class="gI">from:</span></td><td class="gL"><span class="gI">${person("gD", m.from)}</span></td></tr>
<tr><td class="gG"><span class="gI">to:</span></td><td class="gL"><span class="gI">${m.to.map((p) => person("g2", p)).join(", ")}</span></td></tr>
<tr><td class="gG"><span class="gI">cc:</span></td><td class="gL"><span class="gI">${m.cc.map((p) => person("g2", p)).join(", ")}</span></td></tr>
</tbody></table></div></div>
<div class="a3s aiL" dir="ltr"><p>${esc(m.body)}</p></div></div>`
    )
    .join("")
  return shell(
    "Gmail",
    `<header><a class="gb_A" aria-label="Google Account: ${esc(AGENT.name)} &#10;(${esc(AGENT.email)})" href="#">SA</a></header>
<div role="main"><h2 class="hP">Demande de devis</h2>${msgs}</div>`
  )
}

/** Outlook on the web's reading pane: header parts labelled by aria-label ("From: …", "To: …", "Cc: …"). */
export function outlookReadingPane(m: { from: { name: string; email: string }; to: { name: string; email: string }[]; cc: { name: string; email: string }[]; body: string }): string {
  const person = (p: { name: string; email: string }) => `<span title="${esc(p.email)}">${esc(p.name)}</span> &lt;${esc(p.email)}&gt;`
  return shell(
    "Mail - Outlook",
    `<div id="O365_MainLink_Me" aria-label="Account manager for ${esc(AGENT.name)}">${esc(AGENT.name)}</div>
<div role="complementary" aria-label="Reading Pane"><div role="heading" aria-level="2">RE: Devis</div>
<div aria-label="From: ${esc(m.from.name)}">${person(m.from)}</div>
<div aria-label="To: ${esc(m.to.map((p) => p.name).join("; "))}">To: ${m.to.map(person).join("; ")}</div>
<div aria-label="Cc: ${esc(m.cc.map((p) => p.name).join("; "))}">Cc: ${m.cc.map(person).join("; ")}</div>
<div aria-label="Message body"><p>${esc(m.body)}</p></div></div>`
  )
}

export { fullName }
