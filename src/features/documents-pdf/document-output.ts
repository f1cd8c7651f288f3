import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import { documentSummary } from "~src/domain/documents/document-text"
import type { SellerIdentity } from "~src/domain/documents/legal-mentions"
import type { ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"

import { saveFile } from "./save-file"

/**
 * What leaves Comptoir for the customer, the same from the quote editor and an order's page: the PDF as a download,
 * the text inserted into the reply being written, or copied. All in the document's language.
 */

/**
 * Renders the document in its language and hands it to the browser's downloads; resolves with the file name once
 * the download started. The PDF module (pdfmake and
 * its fonts) is imported here on the first click, as its own bundle, so opening the form never loads it.
 */
export async function downloadDocumentPdf(doc: SalesDocument, seller: SellerIdentity, customer: Customer): Promise<string> {
  const { documentPdf, documentFileName } = await import("./document-pdf")
  const bytes = await documentPdf(doc, seller, customer, doc.language)
  return saveFile(documentFileName(doc), bytes, "application/pdf")
}

/**
 * The document's summary into the compose box of the mail being answered (Gmail, Outlook, Roundcube), if that reply
 * is addressed to this customer or shows no recipient; `force`: whoever it is addressed to (the agent insisted).
 */
export function insertIntoReply(doc: SalesDocument, seller: SellerIdentity, customer: Customer, force = false): Promise<ResponseOf<"documents/insert-into-reply">> {
  return send("documents/insert-into-reply", { ...documentSummary(doc, seller, customer, doc.language), customerId: customer.id, force })
}

/** The same summary as plain text on the clipboard. */
export function copyAsText(doc: SalesDocument, seller: SellerIdentity, customer: Customer): Promise<void> {
  return navigator.clipboard.writeText(documentSummary(doc, seller, customer, doc.language).text)
}
