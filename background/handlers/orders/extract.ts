import { newId } from "~src/domain/ids"
import { inMailSpelling } from "~src/domain/orders/not-order-reasons"
import { quotableAct } from "~src/domain/orders/order-act"
import { ownDomainsOf } from "~src/domain/orders/own-domains"
import { readAttachments } from "~src/features/order-capture/attachment-text"
import { provideBundledPdfjs } from "~src/features/order-capture/bundled-pdfjs"
import { saveCapture } from "~src/features/order-capture/capture-store"
import { routeHash } from "~src/features/workspace/route"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { readSession } from "../../sync"
import { complaintView } from "./complaint"

/**
 * "Capture as order" in a webmail page: the extractor runs here, against this device's customers, products and
 * memory (nothing leaves the browser); an order opens its review in the workspace, a mail that is not one says so
 * in the page. A mail the extractor would ask about (no explicit order act, or a doubt) opens nothing by itself:
 * the page tells the agent first, and its "Open the review" opens the same capture (`workspace/open`). The attachments the content script fetched (PDF, CSV, spreadsheets) are read here, so their readers
 * are part of the background's bundle and not of the content script's.
 */
export const ordersExtract = defineHandler("orders/extract", async (req) => {
  if (req.files.some((f) => f.kind === "pdf")) await provideBundledPdfjs()
  const { attachments, read, unread } = await readAttachments(req.files)
  // The team's domain, from the signed-in agent: a rep's forward or our quoted reply is told from the customer's words
  // (the bench and the CLI name it; without it here those mails read otherwise in the product than measured).
  const session = await readSession().catch(() => null)
  const extractor = await services.orderExtractor.get(ownDomainsOf([session?.user.email]))
  const found = extractor.extract({ ...req.mail, attachments: [...req.mail.attachments, ...attachments], messageId: req.messageId })
  // Within the contract's bounds (a long pasted line is the evidence of each of its products).
  // The reason quotes the mail's words: shown to the agent as the mail wrote them, not as the extractor folded them.
  const mailText = [req.mail.subject, req.mail.text, req.mail.htmlText, ...attachments.map((a) => a.text)].join("\n")
  const proposal = {
    ...found,
    po_number: found.po_number?.slice(0, 100) ?? null,
    delivery_address: found.delivery_address?.slice(0, 1000) ?? null,
    lines: found.lines.slice(0, 500),
    evidence: Object.fromEntries(Object.entries(found.evidence).map(([k, v]) => [k, (k === "is_order" && !found.is_order ? inMailSpelling(v, mailText) : v).slice(0, 2000)]))
  }
  const id = newId()
  await saveCapture({
    id,
    webmail: req.webmail,
    messageId: req.messageId,
    subject: req.mail.subject,
    from: req.mail.from,
    date: req.mail.date,
    unread: [...req.unread, ...unread].slice(0, 20),
    read,
    proposal,
    at: Date.now()
  })
  const decision = proposal.is_order ? proposal.order_decision : "not-order"
  const reason = proposal.is_order ? "" : (proposal.evidence.is_order ?? "")
  // A complaint is told what it asks for, read from the same words (never from the attachments: a PO's terms are no ask).
  const complaint = decision === "not-order" ? await complaintView(reason, req.mail, proposal.customer_code) : null
  if (decision === "order") await chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html${routeHash(`orders/capture/${id}`)}`) })
  return {
    captureId: id,
    isOrder: proposal.is_order,
    decision,
    act: decision === "ask" ? quotableAct(proposal.evidence.order_act) : "",
    customerCode: proposal.customer_code,
    reason,
    complaint
  }
})

