import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import type { SellerIdentity } from "~src/domain/documents/legal-mentions"

/**
 * Renders the document in its language and hands it to the browser as a download. The PDF module (pdfmake and
 * its fonts) is imported here on the first click, as its own bundle, so opening the form never loads it.
 */
export async function downloadQuotePdf(doc: SalesDocument, seller: SellerIdentity, customer: Customer): Promise<string> {
  const { documentPdf, documentFileName } = await import("~src/features/documents-pdf/document-pdf")
  const bytes = await documentPdf(doc, seller, customer, doc.language)
  const name = documentFileName(doc)
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: "application/pdf" }))
  try {
    const a = document.createElement("a")
    a.href = url
    a.download = name
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // The download has taken the blob by the next task; the URL is not needed after.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return name
}
