import { PDFDocument, StandardFonts } from "pdf-lib"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { CreditNoteDoc, InvoiceDoc } from "~src/domain/documents/flow"
import { paymentMentions, sellerLines, termsText, type SellerIdentity } from "~src/domain/documents/legal-mentions"
import { formatCents } from "~src/domain/documents/money"
import { computeTotals } from "~src/domain/documents/totals"

/**
 * The readable page of a Factur-X until the quote helper's `documentPdf` (pdfmake, laid-out tables, embedded
 * fonts) is on this branch: a plain pdf-lib page with the same facts. Its Helvetica is not embedded, which
 * PDF/A forbids (README, "Factur-X").
 */
export async function basePdf(doc: InvoiceDoc | CreditNoteDoc, seller: SellerIdentity, customer: Customer): Promise<Uint8Array> {
  const lang = doc.language
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const page = pdf.addPage([595, 842])
  // WinAnsi has no narrow no-break space (Intl's French grouping): a plain space reads the same.
  const clean = (s: string) =>
    s
      .replace(/[\u202f\u00a0]/g, " ")
      .replace(/\u2212/g, "-")
      .replace(/\u2192/g, "->")
      // Helvetica's WinAnsi: Latin-1 plus a few (€, quotes, dashes); anything else would make pdf-lib throw.
      .replace(/[^\u0020-\u00ff€‘’“”–—…•]/g, "?")
  let y = 800
  const line = (text: string, size = 10, f = font) => {
    page.drawText(clean(text).slice(0, 110), { x: 40, y, size, font: f })
    y -= size + 5
  }
  const money = (c: number) => formatCents(c, lang)
  line(`${doc.type === "invoice" ? (lang === "fr" ? "Facture" : "Invoice") : lang === "fr" ? "Avoir" : "Credit note"} ${doc.number ?? ""}`, 16, bold)
  line(`${lang === "fr" ? "Date" : "Date"} : ${doc.date}${doc.type === "invoice" ? ` · ${lang === "fr" ? "Échéance" : "Due"} : ${doc.dueDate}` : ""}`)
  y -= 6
  for (const l of sellerLines(seller, lang)) line(l, 9)
  y -= 6
  line(customer.company, 11, bold)
  const a = customer.addresses[0]
  if (a) line(`${a.line}, ${a.postalCode} ${a.city}`, 9)
  y -= 8
  for (const l of doc.lines) line(`${l.ref}  ${l.label}  ${l.quantityMilli / 1000} ${l.unit} × ${money(l.unitPriceCents)}${l.discountBp ? ` -${l.discountBp / 100} %` : ""}  TVA ${l.vatRateBp / 100} %`, 9)
  y -= 6
  const t = computeTotals(doc.lines)
  for (const v of t.vatByRate) line(`TVA ${v.vatRateBp / 100} % : ${money(v.baseCents)} -> ${money(v.vatCents)}`, 9)
  line(`${lang === "fr" ? "Total HT" : "Total excl. VAT"} ${money(t.totalExclVatCents)} · ${lang === "fr" ? "TVA" : "VAT"} ${money(t.totalVatCents)} · ${lang === "fr" ? "Total TTC" : "Total incl. VAT"} ${money(t.totalInclVatCents)}`, 11, bold)
  y -= 8
  if (doc.type === "invoice") line(termsText(doc.paymentTerms, lang), 9)
  for (const m of paymentMentions(seller, lang, customer.siren !== null || customer.vatNumber !== null)) line(m, 8)
  return pdf.save()
}
