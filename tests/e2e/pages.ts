import type { DemoCustomer } from "~src/domain/demo/demo-data"

/** Test pages shaped like the real sites' markup, filled from the seeded demo customers. Text is escaped. */
export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/**
 * The Roundcube-like fixture pages' 3-pane behaviour, shared: a click on a message row puts a new preview iframe
 * with that message in place of the old one, so the content script meets a fresh frame at each message.
 */
export const ROUNDCUBE_PREVIEW_SCRIPT = `<script>
document.getElementById("messagelist").addEventListener("click", (e) => {
  const row = e.target.closest("tr[data-uid]");
  if (!row) return;
  e.preventDefault();
  const old = document.getElementById("messagecontframe");
  const frame = document.createElement("iframe");
  frame.id = "messagecontframe";
  frame.name = "messagecontframe";
  frame.src = "/webmail/preview/" + row.dataset.uid;
  old.replaceWith(frame);
});
</script>`

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Arial,sans-serif;margin:0} .row{display:flex;gap:12px} td,th{padding:2px 6px;border-bottom:1px solid #eee}</style>
</head><body>${body}</body></html>`

export interface PageExpectation {
  html: string
  phones: string[]
  emails: string[]
  /** Customer codes whose cards must show. */
  codes: string[]
}

/** Gmail: a conversation view with the sender's header, the message body and an open reply box. */
export function gmailPage(sender: DemoCustomer, other: DemoCustomer, unknownPhone: [string, string]): PageExpectation {
  const contact = sender.contacts[0]!
  const email = contact.emails[0]!
  const written = sender.writtenPhones[0]![0]!
  const otherWritten = other.writtenPhones[0]![0]!
  const html = shell(
    "Gmail",
    `<div role="navigation" style="width:200px;float:left">Boîte de réception (3)</div>
<div role="main" style="margin-left:210px">
  <h2 class="hP">Commande n° CMD-2026-001234 du 29/11/2026</h2>
  <table class="cf gJ"><tr><td class="gF gK"><h3 class="iw"><span class="gD" email="${esc(email)}" name="${esc(contact.firstName)} ${esc(contact.lastName)}">${esc(contact.firstName)} ${esc(contact.lastName)}</span> <span class="go">&lt;${esc(email)}&gt;</span></h3></td><td class="gH">29 nov. 2026, 09:41</td></tr></table>
  <div class="a3s aiL" dir="ltr">
    <p>Bonjour,</p>
    <p>Merci de nous livrer 12 ramettes (réf. REF-1001) à 5,49 € HT, soit 65,88 € HT, avant le 05/12/2026.</p>
    <p>Pour la livraison, appelez notre magasinier au ${esc(otherWritten)} (${esc(other.code)}), ou moi-même au ${esc(written)}.</p>
    <p>Notre ancien standard, le <a href="tel:${esc(unknownPhone[0])}">${esc(unknownPhone[0])}</a>, ne répond plus.</p>
    <p>SIRET 732 829 320 00074 — IBAN FR76 3000 6000 0112 3456 7890 189 — TVA FR44 732829320</p>
    <div class="gmail_signature">--<br>${esc(contact.firstName)} ${esc(contact.lastName)}<br>${esc(contact.role)}, ${esc(sender.company)}<br><a href="mailto:${esc(email)}">${esc(email)}</a></div>
  </div>
  <div class="ip adB">
    <div class="Am aO9 editable" role="textbox" contenteditable="true" aria-label="Corps du message">Je vous rappelle au ${esc(written)} demain.</div>
    <textarea name="notes" rows="2">Note interne : rappeler le 06 12 34 56 78</textarea>
    <input name="to" value="${esc(email)}">
  </div>
</div>`
  )
  return { html, phones: [other.contacts[0]!.phones[0]!, contact.phones[0]!, unknownPhone[1]], emails: [email], codes: [sender.code, other.code] }
}

/** Outlook on the web: the reading pane, with the message body rendered inside a same-origin iframe. */
export function outlookPage(sender: DemoCustomer, inFrame: DemoCustomer): PageExpectation {
  const contact = sender.contacts[0]!
  const email = contact.emails[0]!
  const e164 = contact.phones[0]!
  const framePhone = inFrame.contacts[0]!.phones[0]!
  const frameEmail = inFrame.contacts[0]!.emails[0]!
  const frameDoc = `<!doctype html><html><body><div>Copie de l'e-mail de ${esc(inFrame.contacts[0]!.firstName)} : ${esc(frameEmail)}, tél. ${esc(inFrame.writtenPhones[0]![0]!)}</div></body></html>`
  const html = shell(
    "Outlook",
    `<div id="app"><div role="complementary" aria-label="Reading Pane">
  <div role="heading" aria-level="2">RE: Quote request — ${esc(sender.company)}</div>
  <div class="OZZZK"><span title="${esc(email)}">${esc(contact.firstName)} ${esc(contact.lastName)}</span> &lt;${esc(email)}&gt;</div>
  <div aria-label="Message body" class="XbIp4 allowTextSelection">
    <div>Hello, could you call me back on <a href="tel:${esc(e164)}">${esc(sender.writtenPhones[0]![0]!)}</a>? Our PO is 4500012345, dated 2026-11-29, total £1,234.56.</div>
    <iframe id="quoted" srcdoc="${esc(frameDoc)}" style="width:100%;height:80px;border:0"></iframe>
  </div>
  <div role="textbox" contenteditable="true" aria-label="Message body, press Alt+F10 to exit">Call ${esc(sender.writtenPhones[0]![0]!)}</div>
</div></div>`
  )
  return { html, phones: [e164, framePhone], emails: [email, frameEmail], codes: [sender.code, inFrame.code] }
}

/** A web CRM list whose 200 rows are rendered by script after load, from JSON. */
export function crmPage(): string {
  return shell(
    "CRM — Contacts",
    `<h1>Contacts</h1><div id="status">Chargement…</div>
<table><thead><tr><th>Société</th><th>Contact</th><th>Téléphone</th><th>Créé le</th><th>CA 2026</th></tr></thead><tbody id="rows"></tbody></table>
<script>
setTimeout(async () => {
  const rows = await (await fetch("/crm-data.json")).json();
  const tbody = document.getElementById("rows");
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const v of [r.company, r.contact, r.phone, r.created, r.revenue]) { const td = document.createElement("td"); td.textContent = v; tr.appendChild(td); }
    tbody.appendChild(tr);
  }
  document.getElementById("status").textContent = rows.length + " contacts";
}, 300);
</script>`
  )
}

/** International form for foreign numbers, national form for French ones: how a French CRM shows them. */
export function crmRows(customers: DemoCustomer[]): { rows: object[]; phones: string[] } {
  const rows: object[] = []
  const phones: string[] = []
  customers.forEach((c, i) => {
    const written = c.writtenPhones[0]![0]!
    const e164 = c.contacts[0]!.phones[0]!
    const phone = c.country === "FR" || written.startsWith("+") ? written : `+${e164.slice(1, e164.startsWith("+1") ? 2 : 3)} ${written.replace(/^0/, "")}`
    rows.push({ company: c.company, contact: `${c.contacts[0]!.firstName} ${c.contacts[0]!.lastName}`, phone, created: `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2026`, revenue: `${(i * 1234.5).toFixed(2).replace(".", ",")} €` })
    phones.push(e164)
  })
  return { rows, phones }
}

/** Digits everywhere, not one phone number among them. */
export function noisePage(): string {
  const lines = [
    "Facture FA202611290042 du 29/11/2026, échéance 2026-12-29 à 14:30.",
    "Montant : 1 234,56 € HT ; TVA 20 % : 246,91 € ; total 1 481,47 € TTC.",
    "SIRET 732 829 320 00074 ; SIREN 732829320 ; APE 4690Z.",
    "IBAN FR76 3000 6000 0112 3456 7890 189 ; BIC AGRIFRPP882.",
    "Commande CMD-2026-001234, bon de livraison BL 2026 11 29 001, colis 8V00123456789.",
    "Code postal 75011, Lyon 69003 ; poids 12,500 kg ; 3 x 250 ml.",
    "Exercice 2025/2026 : CA 12 345 678,90 € ; résultat 987 654 €.",
    "Numéro de TVA FR44 732829320 ; EORI FR73282932000074.",
    "Lot 20261129 ; série 1234 5678 9012 3456.",
    "Versions 1.13.16 et 4.4.7 ; build 2026.11.29.1234."
  ]
  return shell("Relevé", `<h1>Relevé de compte</h1>${lines.map((l) => `<p>${esc(l)}</p>`).join("")}<table>${Array.from({ length: 60 }, (_, i) => `<tr><td>${String(i + 1).padStart(4, "0")}</td><td>${(i + 1) * 37}/${(i % 12) + 1}/2026</td><td>${(i * 98.76).toFixed(2)} €</td><td>FA2026${String(i).padStart(6, "0")}</td></tr>`).join("")}</table>`)
}
