import type { DemoCustomer } from "~src/domain/demo/demo-data"

/** The mailbox's owner, as Roundcube shows them: a sales assistant of the team. */
export const AGENT = { name: "Sales Agent", email: "agent@comptoir-demo.test", password: "comptoir-e2e" }

export interface SeededMessage {
  /** Stable key the tests use. */
  key: "order-fr" | "delivery-en" | "unknown-sender-fr" | "invoice-us"
  subject: string
  /** RFC 5322 text, CRLF line ends. */
  eml: string
  /** Customer codes whose emails or numbers are in the message as Roundcube shows it (headers and body). */
  codes: string[]
  /** E.164 numbers written in the body that a lookup with the default country FR must find. */
  frPhones: string[]
  sender: DemoCustomer | null
}

const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`)
const mailbox = (name: string, email: string) => `${encodeWord(name)} <${email}>`
const person = (c: DemoCustomer, i = 0) => {
  const contact = c.contacts[i]!
  return { name: `${contact.firstName} ${contact.lastName}`, email: contact.emails[0]!, role: contact.role, written: c.writtenPhones[i]?.[0] ?? "", e164: contact.phones[0] ?? "" }
}
/** A personal address for a known contact: their name, not an address of the base. */
const privateAddress = (c: DemoCustomer) => {
  const slug = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, "")
  return `${slug(c.contacts[0]!.firstName)}.${slug(c.contacts[0]!.lastName)}1987@example.net`
}
const wrapBase64 = (s: string) => Buffer.from(s, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n")
const escHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

function eml(headers: Record<string, string>, body: { text: string; html?: string }, n: number): string {
  const head = Object.entries({
    ...headers,
    "Message-ID": `<e2e-${n}@mail.comptoir-demo.test>`,
    "MIME-Version": "1.0"
  }).map(([k, v]) => `${k}: ${v}`)
  if (!body.html) {
    return [...head, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", wrapBase64(body.text), ""].join("\r\n")
  }
  const boundary = `=_comptoir_${n}`
  return [
    ...head,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    wrapBase64(body.text),
    `--${boundary}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    wrapBase64(body.html),
    `--${boundary}--`,
    ""
  ].join("\r\n")
}

/**
 * A few realistic messages from customers of the e2e dataset, in French and English: an order in HTML with an
 * amounts table, a delivery question with several recipients, a mail from a private address (not in the base),
 * an American invoice query. Dates, amounts, order and VAT numbers are there to tempt the detector.
 */
export function seededMessages(customers: DemoCustomer[]): SeededMessage[] {
  const fr = customers.filter((c) => c.country === "FR")
  const gb = customers.filter((c) => c.country === "GB")
  const us = customers.filter((c) => c.country === "US")
  const [a, b, c, d, e, f] = [fr[40]!, gb[12]!, us[7]!, fr[41]!, fr[42]!, us[8]!]
  const pa = person(a)
  const pb = person(b)
  const pc = person(c)
  const pd = person(d)
  const pe = person(e)
  const pf = person(f)
  const to = mailbox(AGENT.name, AGENT.email)

  const orderText = `Bonjour,

Suite à notre échange du 28/11/2026, merci de nous livrer :
- 12 ramettes A4 80 g (réf. REF-1001) à 5,49 € HT, soit 65,88 € HT
- 3 cartouches toner (réf. TON-2210) à 89,90 € HT, soit 269,70 € HT

Bon de commande n° CMD-2026-001234, livraison avant le 05/12/2026.
Pour la livraison, appelez-moi au ${pa.written}.

SIRET 732 829 320 00074 — TVA FR44 732829320

Cordialement,
--
${pa.name}
${pa.role}, ${a.company}
${pa.written}
${pa.email}
`
  const orderHtml = `<html><body style="font-family:Arial,sans-serif">
<p>Bonjour,</p>
<p>Suite à notre échange du 28/11/2026, merci de nous livrer :</p>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>Réf.</th><th>Désignation</th><th>Qté</th><th>PU HT</th><th>Total HT</th></tr>
<tr><td>REF-1001</td><td>Ramette A4 80 g</td><td>12</td><td>5,49 €</td><td>65,88 €</td></tr>
<tr><td>TON-2210</td><td>Cartouche toner</td><td>3</td><td>89,90 €</td><td>269,70 €</td></tr>
</table>
<p>Bon de commande n° CMD-2026-001234, livraison avant le 05/12/2026.<br>Pour la livraison, appelez-moi au ${escHtml(pa.written)}.</p>
<p style="color:#666">SIRET 732 829 320 00074 — TVA FR44 732829320</p>
<p>Cordialement,</p>
<div>--<br>${escHtml(pa.name)}<br>${escHtml(pa.role)}, ${escHtml(a.company)}<br>${escHtml(pa.written)}<br><a href="mailto:${escHtml(pa.email)}">${escHtml(pa.email)}</a></div>
</body></html>`

  const deliveryText = `Hello,

Our order PO-88213 of 24 November (£1,245.00 ex. VAT) has not arrived yet. Could you check with the carrier?
${pc.name} in our US office (copied) is waiting for the same shipment, and ${pd.name} needs the invoice.

You can reach me on ${pb.written} until 5:30 pm.

Kind regards,
${pb.name}
${pb.role}, ${b.company}
`

  const unknownText = `Bonjour,

Je vous écris depuis mon adresse personnelle : ma boîte professionnelle est en panne depuis le 30/11.
Pouvez-vous me rappeler au 01 98 76 54 32 au sujet du devis DEV-2026-0457 (1 480,00 € HT) ?

Merci d'avance,
${pe.name}
`

  const invoiceText = `Hi,

Invoice INV-2026-3391 dated 11/15/2026 shows $2,340.50 but our PO said $2,304.50. Please send a corrected invoice.
My direct line is ${pf.written}.

Thanks,
${pf.name}
${f.company}
`

  return [
    {
      key: "order-fr",
      subject: "Commande CMD-2026-001234 — ramettes et toner",
      eml: eml(
        { Date: "Tue, 01 Dec 2026 09:41:00 +0100", From: mailbox(pa.name, pa.email), To: to, Subject: encodeWord("Commande CMD-2026-001234 — ramettes et toner") },
        { text: orderText, html: orderHtml },
        1
      ),
      codes: [a.code],
      frPhones: [pa.e164],
      sender: a
    },
    {
      key: "delivery-en",
      subject: "Delivery of PO-88213",
      eml: eml(
        {
          Date: "Tue, 01 Dec 2026 11:02:00 +0000",
          From: mailbox(pb.name, pb.email),
          To: `${to}, ${mailbox(pd.name, pd.email)}`,
          Cc: `${mailbox(pc.name, pc.email)}, ${mailbox("Jordan Lee", "jordan.lee@comptoir-demo.test")}`,
          Subject: "Delivery of PO-88213"
        },
        { text: deliveryText },
        2
      ),
      codes: [b.code, c.code, d.code],
      frPhones: [],
      sender: b
    },
    {
      key: "unknown-sender-fr",
      subject: "Rappel devis DEV-2026-0457",
      eml: eml(
        { Date: "Tue, 01 Dec 2026 14:15:00 +0100", From: mailbox(pe.name, privateAddress(e)), To: to, Subject: "Rappel devis DEV-2026-0457" },
        { text: unknownText },
        3
      ),
      codes: [],
      frPhones: ["+33198765432"],
      sender: null
    },
    {
      key: "invoice-us",
      subject: "Invoice INV-2026-3391 amount",
      eml: eml(
        { Date: "Tue, 01 Dec 2026 16:30:00 -0500", From: mailbox(pf.name, pf.email), To: to, Subject: "Invoice INV-2026-3391 amount" },
        { text: invoiceText },
        4
      ),
      codes: [f.code],
      frPhones: [],
      sender: f
    }
  ]
}
