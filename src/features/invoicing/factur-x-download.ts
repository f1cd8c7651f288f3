import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import { buildCii } from "~src/domain/documents/factur-x/cii"
import { embedFacturX } from "~src/domain/documents/factur-x/embed"
import type { SellerIdentity } from "~src/domain/documents/legal-mentions"

import { documentPdf } from "~src/features/documents-pdf/document-pdf"
import { saveFile } from "~src/features/documents-pdf/save-file"

type CorrectedInvoice = { number: string; date: string; customerPoNumber?: string | null }

/** The Factur-X file of an issued invoice or credit note: its PDF with the CII XML inside. */
export async function facturXBytes(doc: SalesDocument, customer: Customer, seller: SellerIdentity, correctedInvoice: CorrectedInvoice | null): Promise<{ name: string; bytes: Uint8Array }> {
  if ((doc.type !== "invoice" && doc.type !== "credit-note") || doc.number === null) throw new Error("only an issued invoice or credit note")
  const { xml } = buildCii({ doc, seller, buyer: customer, correctedInvoice, buyerOrderReference: null })
  // The same laid-out page as every document (pdfmake, fonts embedded, as PDF/A requires), the XML inside.
  const pdf = await documentPdf(doc, seller, customer, doc.language, { correctedInvoice })
  const title = `${doc.type === "invoice" ? (doc.language === "fr" ? "Facture" : "Invoice") : doc.language === "fr" ? "Avoir" : "Credit note"} ${doc.number}`
  const bytes = await embedFacturX(pdf, xml, { number: doc.number, title, date: doc.date, language: doc.language })
  return { name: `${doc.number}-factur-x.pdf`, bytes }
}

/** Hands it to the browser's downloads; resolves with the file name once the download started. */
export async function downloadFacturX(doc: SalesDocument, customer: Customer, seller: SellerIdentity | null, correctedInvoice: CorrectedInvoice | null): Promise<string> {
  if (!seller) throw new Error("the team's seller identity (name, SIREN, VAT number, address) is not filled in yet")
  const { name, bytes } = await facturXBytes(doc, customer, seller, correctedInvoice)
  return saveFile(name, bytes, "application/pdf")
}
