import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import type { DocumentRefs } from "~src/domain/documents/document-text"
import type { DocLanguage, SellerIdentity } from "~src/domain/documents/legal-mentions"

import { documentDefinition } from "./document-layout"

interface PdfMake {
  addVirtualFileSystem(vfs: Record<string, string>): void
  createPdf(def: unknown): { getBuffer(): Promise<Uint8Array> }
}

let loading: Promise<PdfMake> | undefined

/**
 * pdfmake and its fonts (~1.9 MB) load on the first PDF only, as their own bundle: the quote form opens
 * without them. Its browser build also runs in Node (tests, bench), so both render the same bytes.
 */
function pdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [lib, fonts] = await Promise.all([import("pdfmake/build/pdfmake"), import("pdfmake/build/vfs_fonts")])
    const make = ((lib as { default?: unknown }).default ?? lib) as PdfMake
    const vfs = ((fonts as { default?: unknown }).default ?? fonts) as Record<string, string>
    make.addVirtualFileSystem(vfs)
    return make
  })()
  return loading
}

/** Any sales document (quote, order, invoice, credit note) as a PDF in the given language. */
/** `refs`: what the document names beyond itself (a credit note's invoice). */
export async function documentPdf(doc: SalesDocument, seller: SellerIdentity, customer: Customer, language: DocLanguage, refs: DocumentRefs = {}): Promise<Uint8Array> {
  const make = await pdfMake()
  const bytes = await make.createPdf(documentDefinition(doc, seller, customer, language, refs)).getBuffer()
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
}

/** The file name a user expects: "DEV-2026-00001.pdf", or the draft's id while it has no number. */
export function documentFileName(doc: SalesDocument): string {
  return `${doc.number ?? `${doc.type}-${doc.id.slice(0, 8)}`}.pdf`
}
