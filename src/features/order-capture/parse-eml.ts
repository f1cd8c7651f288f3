import PostalMime from "postal-mime"

import { htmlToText } from "~src/domain/orders/html-to-text"
import type { OrderMail } from "~src/domain/orders/types"

import { attachmentKind, looksLike } from "./attachment-kind"
import { attachmentText } from "./attachment-text"

/**
 * A raw RFC 822 message (an .eml a webmail exports, or the source the page gives) → what the extractor reads.
 * postal-mime decodes MIME, encodings and charsets in the browser and in Node alike; PDF, CSV and spreadsheet
 * attachments become text here (attachment-text.ts, as in the page's capture) so that src/domain only ever sees text.
 */
export async function parseEml(raw: string | Uint8Array): Promise<OrderMail> {
  const email = await PostalMime.parse(raw)
  const header = (name: string): string => email.headers.find((h) => h.key === name)?.value ?? ""
  const attachments: { filename: string; text: string }[] = []
  for (const a of email.attachments) {
    const name = a.filename ?? ""
    const bytes = typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content)
    const kind = attachmentKind(name, a.mimeType)
    if (kind === null || !looksLike(kind, bytes)) continue
    try {
      attachments.push({ filename: name, text: await attachmentText(kind, bytes) })
    } catch {
      // A damaged or encrypted file gives no text; the mail's own words still count.
    }
  }
  return {
    messageId: email.messageId ?? null,
    from: { address: email.from?.address ?? "", name: email.from?.name ?? "" },
    to: (email.to ?? []).map((t) => t.address ?? "").filter((a) => a !== ""),
    subject: email.subject ?? "",
    date: localDate(header("date")) ?? email.date ?? null,
    text: email.text ?? "",
    htmlText: email.html ? htmlToText(email.html) : "",
    attachments,
    bulk: header("list-unsubscribe") !== "" || /^(auto-replied|auto-generated)/i.test(header("auto-submitted")) || /^(bulk|list|junk)$/i.test(header("precedence").trim())
  }
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

/** The Date header's day as the sender saw it ("Tue, 10 Mar 2026 23:40 +0100" is the 10th, not the UTC 10th). */
function localDate(h: string): string | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})/.exec(h)
  if (!m) return null
  const month = MONTHS.indexOf(m[2]!.toLowerCase())
  if (month < 0) return null
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}T${m[4]}:${m[5]}:00`
}
