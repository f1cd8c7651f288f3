import type { Content, TDocumentDefinitions } from "pdfmake/interfaces"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import { documentView, type DocumentRefs } from "~src/domain/documents/document-text"
import type { DocLanguage, SellerIdentity } from "~src/domain/documents/legal-mentions"

const INK = "#1f2933"
const MUTED = "#52606d"
const RULE = "#cbd2d9"
const WARN = "#b42318"

/**
 * The document laid out by pdfmake: seller and customer blocks, the lines as a table whose header repeats on
 * every page, VAT per rate, totals, terms and the legal mentions, all in the customer's language. Pure data:
 * the same definition renders in the extension's pages and in Node (tests, bench).
 */
export function documentDefinition(doc: SalesDocument, seller: SellerIdentity, customer: Customer, lang: DocLanguage, refs: DocumentRefs = {}): TDocumentDefinitions {
  const v = documentView(doc, seller, customer, lang, refs)
  const numeric = new Set([2, 3, v.head.length - 2, v.head.length - 1, ...(v.head.length === 7 ? [4] : [])])
  const linesTable: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: v.head.map((_, i) => (i === 1 ? "*" : "auto")),
      body: [
        v.head.map((h, i) => ({ text: h, style: "th", alignment: numeric.has(i) ? "right" : "left" })),
        ...v.rows.map((r) => r.map((cell, i) => ({ text: cell, alignment: numeric.has(i) ? ("right" as const) : ("left" as const) })))
      ]
    },
    layout: {
      hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 4,
      paddingBottom: () => 4
    },
    margin: [0, 16, 0, 12]
  }
  const vatTable: Content = {
    table: {
      widths: ["auto", "auto", "auto"],
      body: [
        [
          { text: v.labels.vat, style: "th" },
          { text: v.labels.vatBase, style: "th", alignment: "right" },
          { text: v.labels.vat, style: "th", alignment: "right" }
        ],
        ...v.vatRows.map((r) => [{ text: r[0]! }, { text: r[1]!, alignment: "right" as const }, { text: r[2]!, alignment: "right" as const }])
      ]
    },
    layout: "lightHorizontalLines"
  }
  const totalsTable: Content = {
    table: {
      widths: ["*", "auto"],
      body: v.totalRows.map((t) => [
        { text: t.label, bold: t.strong === true },
        { text: t.value, alignment: "right" as const, bold: t.strong === true }
      ])
    },
    layout: "lightHorizontalLines"
  }
  return {
    info: { title: `${v.title} ${doc.number ?? ""}`.trim(), author: seller.name, subject: customer.company, creator: "Comptoir" },
    language: lang === "fr" ? "fr-FR" : "en-GB",
    pageSize: "A4",
    pageMargins: [40, 40, 40, 60],
    defaultStyle: { font: "Roboto", fontSize: 9, color: INK },
    styles: {
      title: { fontSize: 18, bold: true },
      th: { bold: true, color: MUTED, fontSize: 8 },
      small: { fontSize: 7.5, color: MUTED },
      blockTitle: { bold: true, fontSize: 8, color: MUTED, margin: [0, 0, 0, 2] }
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: v.seller.join(" · "), style: "small" },
        { text: v.labels.page(page, pages), style: "small", alignment: "right", width: 70 }
      ],
      columnGap: 16,
      margin: [40, 20, 40, 0]
    }),
    content: [
      {
        columns: [
          { stack: [{ text: seller.name, bold: true, fontSize: 12 }, ...v.seller.slice(1).map((s) => ({ text: s, style: "small" }))] },
          {
            width: "auto",
            stack: [
              { text: v.title, style: "title", alignment: "right" },
              { text: `${v.labels.number} ${v.numberText}`, alignment: "right", bold: doc.number !== null },
              ...v.dates.map((d) => ({ text: `${d.label} : ${d.value}`.replace(" :", lang === "fr" ? " :" : ":"), alignment: "right" as const })),
              ...(v.draftNotice ? [{ text: v.draftNotice, bold: true, color: WARN, alignment: "right" as const, margin: [0, 4, 0, 0] as [number, number, number, number] }] : [])
            ]
          }
        ]
      },
      {
        columns: [
          { width: "*", stack: v.salesRep ? [{ text: v.labels.salesRep, style: "blockTitle" }, { text: v.salesRep }] : [] },
          {
            width: 220,
            stack: [
              { text: v.labels.customer, style: "blockTitle" },
              ...v.customer.map((s, i) => ({ text: s, bold: i === 0 })),
              ...(v.deliveryAddress ? [{ text: v.labels.deliveryAddress, style: "blockTitle", margin: [0, 8, 0, 2] as [number, number, number, number] }, { text: v.deliveryAddress }] : [])
            ]
          }
        ],
        margin: [0, 24, 0, 0]
      },
      linesTable,
      {
        columns: [{ width: "*", stack: [vatTable] }, { width: 200, stack: [totalsTable] }],
        columnGap: 24
      },
      ...(v.terms ? [{ text: [{ text: `${v.labels.terms}${lang === "fr" ? " : " : ": "}`, bold: true }, v.terms], margin: [0, 16, 0, 0] } as Content] : []),
      { stack: v.mentions.map((m) => ({ text: m, style: "small" })), margin: [0, 8, 0, 0] },
      ...(doc.type === "quote" ? [{ text: v.labels.acceptance, margin: [0, 24, 0, 0], italics: true } as Content] : [])
    ]
  }
}
