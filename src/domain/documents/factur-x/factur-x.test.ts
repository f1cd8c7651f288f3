import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, StandardFonts } from "@cantoo/pdf-lib"
import { describe, expect, it } from "vitest"

import type { Customer } from "../../customers/customer.schema"
import { CreditNote, Invoice } from "../document.schema"
import type { SellerIdentity } from "../legal-mentions"
import { lineFromProduct } from "../quote-form"
import { computeTotals } from "../totals"
import { buildCii, formatScaled } from "./cii"
import { embedFacturX, extractFacturXml } from "./embed"

const XSD = resolve(__dirname, "../../../../tests/fixtures/factur-x/Factur-X_EN16931.xsd")

/** xmllint (Debian's libxml2-utils) against the official Factur-X 1.09 EN 16931 schema; throws with its words. */
export function validateAgainstXsd(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "facturx-"))
  const file = join(dir, "factur-x.xml")
  writeFileSync(file, xml)
  try {
    const out = execFileSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
    return { ok: true, output: out }
  } catch (e) {
    const err = e as { stderr?: string; code?: string }
    if (err.code === "ENOENT") throw new Error("xmllint is missing: apt-get install libxml2-utils")
    return { ok: false, output: String(err.stderr ?? e) }
  }
}

const seller: SellerIdentity = {
  name: "Comptoir Démo",
  legalForm: "SAS",
  shareCapitalCents: 1_000_000,
  siren: "123456789",
  rcsCity: "Lyon",
  vatNumber: "FR32123456789",
  address: { line: "12 rue de la République", postalCode: "69002", city: "Lyon", country: "FR" },
  latePenalty: { kind: "ecb-plus-10" },
  earlyPaymentDiscountBp: 0
}

const buyer: Pick<Customer, "company" | "siren" | "vatNumber" | "addresses" | "country"> = {
  company: "Boulangerie Martin & Fils <SARL>",
  siren: "552100554",
  vatNumber: "FR40552100554",
  addresses: [{ label: "", line: "3 place Bellecour", postalCode: "69002", city: "Lyon", country: "FR" }],
  country: "FR"
}

const lines = [
  // 3 × 0.15 at 10 %: each line's VAT alone would round differently from the VAT on the sum (BR-CO-17).
  { id: "l1", productId: null, ref: "CAFE-01", label: "Café grain 1 kg", unit: "kg", quantityMilli: 2500, unitPriceCents: 1999, discountBp: 1000, vatRateBp: 2000 },
  { id: "l2", productId: null, ref: "SUC-02", label: "Sucre", unit: "u", quantityMilli: 3000, unitPriceCents: 15, discountBp: 0, vatRateBp: 1000 },
  { id: "l3", productId: null, ref: "SUC-02", label: "Sucre (2)", unit: "u", quantityMilli: 3000, unitPriceCents: 15, discountBp: 0, vatRateBp: 1000 },
  { id: "l4", productId: null, ref: "LIV-01", label: "Livre de recettes", unit: "u", quantityMilli: 1000, unitPriceCents: 2450, discountBp: 0, vatRateBp: 550 }
]

function issuedInvoice() {
  const t = computeTotals(lines)
  return Invoice.parse({
    id: "inv-1",
    type: "invoice",
    status: "issued",
    customerId: "c1",
    language: "fr",
    number: "FAC-2026-00042",
    date: "2026-11-02",
    dueDate: "2026-12-02",
    paymentTerms: { kind: "net", days: 30 },
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    createdAt: 1,
    updatedAt: 1
  })
}

function amountsIn(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<ram:${tag}[^>]*>([^<]+)</ram:${tag}>`, "g"))].map((m) => m[1]!)
}

describe("Factur-X EN 16931 XML", () => {
  it("an issued invoice's CII is valid against the official Factur-X EN 16931 schema", () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    const result = validateAgainstXsd(xml)
    expect(result.output).not.toMatch(/fails to validate|error/i)
    expect(result.ok).toBe(true)
  })

  it("names the buyer's purchase order (BT-13) when the invoice carries one, and stays valid", () => {
    const { xml } = buildCii({ doc: { ...issuedInvoice(), customerPoNumber: "PO-2026-104" }, seller, buyer })
    expect(xml).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>PO-2026-104<\/ram:IssuerAssignedID>\s*<\/ram:BuyerOrderReferencedDocument>/)
    const result = validateAgainstXsd(xml)
    expect(result.output).not.toMatch(/fails to validate|error/i)
    expect(result.ok).toBe(true)
    expect(buildCii({ doc: issuedInvoice(), seller, buyer }).xml).not.toContain("BuyerOrderReferencedDocument")
  })

  it("a schema violation is caught by the same check (the check can fail)", () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    const broken = xml.replace(/<ram:InvoiceCurrencyCode>EUR<\/ram:InvoiceCurrencyCode>/, "")
    expect(validateAgainstXsd(broken).ok).toBe(false)
  })

  it("carries the domain's BR-CO-17 totals, VAT per rate on the sum of that rate's nets", () => {
    const inv = issuedInvoice()
    const { xml } = buildCii({ doc: inv, seller, buyer })
    const t = computeTotals(inv.lines)
    const euros = (c: number) => formatScaled(BigInt(c), 2)
    expect(amountsIn(xml, "TaxBasisTotalAmount")).toEqual([euros(inv.totalExclVatCents)])
    expect(amountsIn(xml, "TaxTotalAmount")).toEqual([euros(inv.totalVatCents)])
    expect(amountsIn(xml, "GrandTotalAmount")).toEqual([euros(inv.totalInclVatCents)])
    expect(amountsIn(xml, "CalculatedAmount")).toEqual(t.vatByRate.map((v) => euros(v.vatCents)))
    expect(amountsIn(xml, "BasisAmount")).toEqual(t.vatByRate.map((v) => euros(v.baseCents)))
    // 10 % on 0.90 is 0.09; three lines rounded alone would give 0.10 (2 × 0.05 rounded up).
    expect(amountsIn(xml, "CalculatedAmount")[1]).toBe("0.09")
    expect(amountsIn(xml, "LineTotalAmount").slice(0, 4)).toEqual(t.lineNetCents.map(euros))
  })

  it("says invoice (380) with its number, date, due date and the French payment mentions", () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    expect(xml).toContain("<ram:ID>FAC-2026-00042</ram:ID>")
    expect(xml).toContain("<ram:TypeCode>380</ram:TypeCode>")
    expect(xml).toContain('<udt:DateTimeString format="102">20261202</udt:DateTimeString>')
    expect(xml).toContain("Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €")
    expect(xml).toContain("Boulangerie Martin &amp; Fils &lt;SARL&gt;")
    expect(xml).toContain('<ram:ID schemeID="0002">123456789</ram:ID>')
  })

  it("a 0 % product's own exemption mention is the breakdown's reason (BT-120), and the XML stays valid", () => {
    const own = "Exonération de TVA, article 261-4-4° du CGI (formation professionnelle)"
    const zeroLines = [...lines, { id: "l5", productId: "p-form", ref: "FORM-01", label: "Formation HACCP", unit: "u", quantityMilli: 1000, unitPriceCents: 45_000, discountBp: 0, vatRateBp: 0, vatExemption: own }]
    const t = computeTotals(zeroLines)
    const inv = Invoice.parse({ ...issuedInvoice(), lines: zeroLines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents })
    const { xml } = buildCii({ doc: inv, seller, buyer })
    expect(validateAgainstXsd(xml)).toMatchObject({ ok: true })
    expect(amountsIn(xml, "ExemptionReason")).toEqual([own])
    // An article 261 reason has no VATEX code here: the text alone is what BR-E-10 asks.
    expect(xml).not.toContain("VATEX-FR-FRANCHISE")
    expect(xml).toContain("<ram:CategoryCode>E</ram:CategoryCode>")

    // To a German business, a 0 % line without its own mention is an intra-EU supply (K): two breakdowns at 0 %.
    const de = { ...buyer, country: "DE", siren: null, vatNumber: "DE123456789", addresses: [{ label: "", line: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" }] }
    const mixedLines = [...zeroLines, { id: "l6", productId: null, ref: "CAFE-02", label: "Café vert", unit: "kg", quantityMilli: 1000, unitPriceCents: 1000, discountBp: 0, vatRateBp: 0 }]
    const m = computeTotals(mixedLines)
    const mixed = Invoice.parse({ ...inv, lines: mixedLines, totalExclVatCents: m.totalExclVatCents, totalVatCents: m.totalVatCents, totalInclVatCents: m.totalInclVatCents })
    const out = buildCii({ doc: mixed, seller, buyer: de }).xml
    expect(validateAgainstXsd(out)).toMatchObject({ ok: true })
    expect(amountsIn(out, "ExemptionReason")).toEqual([own, "Exonération de TVA, article 262 ter, I du CGI (livraison intracommunautaire)"])
    expect(amountsIn(out, "ExemptionReasonCode")).toEqual(["VATEX-EU-IC"])
    expect(amountsIn(out, "BasisAmount").slice(-2)).toEqual(["450.00", "10.00"])
  })

  it("an English invoice's BT-120 is the English mention its line carries, with the franchise's code when it cites 293 B", () => {
    // An English customer in France: the product's mention in English, as the English quote's line took it.
    const product = { vatRateBp: 0, vatExemption: "TVA non applicable, art. 293 B du CGI" }
    const mention = lineFromProduct({ id: "p-svc", ref: "SVC-1", nameFr: "Prestation", nameEn: "Service", unit: "u", unitPriceCents: 10_000, createdAt: 0, updatedAt: 0, ...product }, "en", "l5").vatExemption
    const enLines = [...lines, { id: "l5", productId: "p-svc", ref: "SVC-1", label: "Service", unit: "u", quantityMilli: 1000, unitPriceCents: 10_000, discountBp: 0, vatRateBp: 0, vatExemption: mention }]
    const t = computeTotals(enLines)
    const inv = Invoice.parse({ ...issuedInvoice(), language: "en", lines: enLines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents })
    const { xml } = buildCii({ doc: inv, seller, buyer })
    expect(validateAgainstXsd(xml)).toMatchObject({ ok: true })
    expect(amountsIn(xml, "ExemptionReason")).toEqual(["VAT not applicable, article 293 B of the French tax code (CGI)"])
    expect(amountsIn(xml, "ExemptionReasonCode")).toEqual(["VATEX-FR-FRANCHISE"])
  })

  it("an invoice to a UK customer at 0 % is an export (category G, VATEX-EU-G) with its exemption reason, and stays valid", () => {
    const gb = { ...buyer, company: "Sinclair Systems Ltd", country: "GB", siren: null, vatNumber: "GB123456789", addresses: [{ label: "", line: "1 King Street", postalCode: "M2 4LQ", city: "Manchester", country: "GB" }] }
    const exportLines = lines.map((l) => ({ ...l, vatRateBp: 0 }))
    const t = computeTotals(exportLines)
    const inv = Invoice.parse({ ...issuedInvoice(), language: "en", lines: exportLines, totalExclVatCents: t.totalExclVatCents, totalVatCents: 0, totalInclVatCents: t.totalExclVatCents })
    const { xml } = buildCii({ doc: inv, seller, buyer: gb })
    const result = validateAgainstXsd(xml)
    expect(result.output).not.toMatch(/fails to validate|error/i)
    expect(result.ok).toBe(true)
    // Every line and the one breakdown say G; the reason is the words the PDF prints.
    expect(amountsIn(xml, "CategoryCode")).toEqual([...exportLines.map(() => "G"), "G"])
    expect(amountsIn(xml, "ExemptionReason")).toEqual(["VAT exempt: export, article 262 I of the French tax code (CGI)"])
    expect(amountsIn(xml, "ExemptionReasonCode")).toEqual(["VATEX-EU-G"])
    expect(amountsIn(xml, "TaxTotalAmount")).toEqual(["0.00"])
    // To a German business with its VAT number the same lines are an intra-Community supply (K), its number printed.
    const de = { ...gb, company: "Müller GmbH", country: "DE", vatNumber: "DE123456789", addresses: [{ label: "", line: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" }] }
    const k = buildCii({ doc: inv, seller, buyer: de }).xml
    expect(validateAgainstXsd(k).ok).toBe(true)
    expect(amountsIn(k, "CategoryCode").at(-1)).toBe("K")
    expect(amountsIn(k, "ExemptionReason")).toEqual(["VAT exempt: intra-Community supply, article 262 ter, I of the French tax code (CGI)"])
    expect(k).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>')
    // To Monaco, in the French VAT territory, a 0 % line is no export: the franchise's E.
    const mc = { ...gb, country: "MC", vatNumber: null, addresses: [{ label: "", line: "1 avenue de Monte-Carlo", postalCode: "98000", city: "Monaco", country: "MC" }] }
    expect(amountsIn(buildCii({ doc: inv, seller, buyer: mc }).xml, "CategoryCode").at(-1)).toBe("E")
  })

  it("a credit note is a 381 with positive amounts that reference the invoice it corrects", () => {
    const cnLines = [{ ...lines[0]!, quantityMilli: -1000 }]
    const t = computeTotals(cnLines)
    const cn = CreditNote.parse({
      id: "cn-1",
      type: "credit-note",
      status: "issued",
      customerId: "c1",
      language: "en",
      number: "AV-2026-00003",
      date: "2026-11-20",
      correctsInvoiceId: "inv-1",
      lines: cnLines,
      totalExclVatCents: t.totalExclVatCents,
      totalVatCents: t.totalVatCents,
      totalInclVatCents: t.totalInclVatCents,
      createdAt: 1,
      updatedAt: 1
    })
    const { xml, totals } = buildCii({ doc: cn, seller, buyer, correctedInvoice: { number: "FAC-2026-00042", date: "2026-11-02" } })
    expect(validateAgainstXsd(xml).ok).toBe(true)
    expect(xml).toContain("<ram:TypeCode>381</ram:TypeCode>")
    expect(totals.totalInclVatCents).toBe(-cn.totalInclVatCents)
    expect(amountsIn(xml, "GrandTotalAmount")).toEqual([formatScaled(BigInt(-cn.totalInclVatCents), 2)])
    expect(xml).toContain("<ram:IssuerAssignedID>FAC-2026-00042</ram:IssuerAssignedID>")
    expect(xml).toContain("No discount for early payment")
  })

  it("a credit note names the purchase order (BT-13) of the invoice it corrects, as that invoice did, and stays valid", () => {
    const cnLines = [{ ...lines[0]!, quantityMilli: -1000 }]
    const t = computeTotals(cnLines)
    const cn = CreditNote.parse({ id: "cn-2", type: "credit-note", status: "issued", customerId: "c1", language: "fr", number: "AV-2026-00004", date: "2026-11-21", correctsInvoiceId: "inv-1", lines: cnLines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents, createdAt: 1, updatedAt: 1 })
    const { xml } = buildCii({ doc: cn, seller, buyer, correctedInvoice: { number: "FAC-2026-00042", date: "2026-11-02", customerPoNumber: "PO-2026-104" } })
    expect(xml).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>PO-2026-104<\/ram:IssuerAssignedID>\s*<\/ram:BuyerOrderReferencedDocument>/)
    const result = validateAgainstXsd(xml)
    expect(result.output).not.toMatch(/fails to validate|error/i)
    expect(result.ok).toBe(true)
    expect(buildCii({ doc: cn, seller, buyer, correctedInvoice: { number: "FAC-2026-00042", date: "2026-11-02" } }).xml).not.toContain("BuyerOrderReferencedDocument")
  })

  it("a draft has no number and cannot become a Factur-X", () => {
    expect(() => buildCii({ doc: { ...issuedInvoice(), number: null }, seller, buyer })).toThrow(/issued/)
  })
})

/**
 * What a PDF/A-3 validator and a Factur-X reader look at, read back from the PDF's objects (not its raw bytes):
 * the catalog's XMP metadata stream and the files its /AF array lists.
 */
async function pdfA3Marks(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const metadata = pdf.catalog.lookup(PDFName.of("Metadata"))
  const xmp = metadata instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(metadata).decode()) : ""
  const tag = (name: string) => xmp.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? null
  const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : null)
  const af = pdf.catalog.lookupMaybe(PDFName.of("AF"), PDFArray)
  const embeddedNames = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict)?.lookupMaybe(PDFName.of("Names"), PDFArray)
  const namedRefs = embeddedNames ? embeddedNames.asArray().filter((_, i) => i % 2 === 1).map(String) : []
  return {
    pdfaPart: tag("pdfaid:part"),
    pdfaConformance: tag("pdfaid:conformance"),
    fxNamespace: xmp.match(/xmlns:fx="([^"]*)"/)?.[1] ?? null,
    fxDocumentType: tag("fx:DocumentType"),
    fxDocumentFileName: tag("fx:DocumentFileName"),
    fxVersion: tag("fx:Version"),
    fxConformanceLevel: tag("fx:ConformanceLevel"),
    // The PDF/A extension schema that declares the fx: properties (PDF/A rejects undeclared XMP properties).
    extensionSchema: {
      namespaceURI: tag("pdfaSchema:namespaceURI"),
      prefix: tag("pdfaSchema:prefix"),
      properties: [...xmp.matchAll(/<pdfaProperty:name>([^<]*)<\/pdfaProperty:name>/g)].map((m) => m[1])
    },
    associatedFiles: (af?.asArray() ?? []).map((ref, i) => {
      const spec = af!.lookup(i, PDFDict)
      const stream = spec.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"))
      return {
        name: text(spec.lookup(PDFName.of("F"))),
        unicodeName: text(spec.lookup(PDFName.of("UF"))),
        relationship: text(spec.lookup(PDFName.of("AFRelationship"))),
        mimeType: stream instanceof PDFRawStream ? text(stream.dict.lookup(PDFName.of("Subtype"))) : null,
        inEmbeddedFiles: namedRefs.includes(String(ref))
      }
    })
  }
}

async function plainPdf(): Promise<Uint8Array> {
  const base = await PDFDocument.create()
  const page = base.addPage()
  page.drawText("FAC-2026-00042", { font: await base.embedFont(StandardFonts.Helvetica), x: 50, y: 700 })
  return base.save()
}

const FX_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

describe("Factur-X PDF/A-3", () => {
  it("the XML travels inside the PDF and comes back out byte for byte, with the PDF/A-3 and Factur-X metadata", async () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    const out = await embedFacturX(await plainPdf(), xml, { number: "FAC-2026-00042", title: "Facture FAC-2026-00042", date: "2026-11-02", language: "fr" })
    expect(await extractFacturXml(out)).toBe(xml)
    const raw = Buffer.from(out).toString("latin1")
    expect(raw).toContain("<pdfaid:part>3</pdfaid:part>")
    expect(raw).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>")
    expect(raw).toMatch(/\/AFRelationship \/Alternative/)
    expect(raw).toMatch(/\/OutputIntents/)
  })

  it("declares PDF/A-3B and Factur-X EN 16931 in its XMP, and lists factur-x.xml in the catalog's /AF as Alternative or Data", async () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    const out = await embedFacturX(await plainPdf(), xml, { number: "FAC-2026-00042", title: "Facture FAC-2026-00042", date: "2026-11-02", language: "fr" })
    expect(await pdfA3Marks(out)).toEqual({
      pdfaPart: "3",
      pdfaConformance: "B",
      fxNamespace: FX_NAMESPACE,
      fxDocumentType: "INVOICE",
      fxDocumentFileName: "factur-x.xml",
      fxVersion: "1.0",
      fxConformanceLevel: "EN 16931",
      extensionSchema: { namespaceURI: FX_NAMESPACE, prefix: "fx", properties: ["DocumentFileName", "DocumentType", "Version", "ConformanceLevel"] },
      associatedFiles: [{ name: "factur-x.xml", unicodeName: "factur-x.xml", relationship: expect.stringMatching(/^(Alternative|Data)$/), mimeType: "text/xml", inEmbeddedFiles: true }]
    })
  })

  it("a PDF with the XML merely attached (no XMP, no relationship, another name) fails each of those checks", async () => {
    const { xml } = buildCii({ doc: issuedInvoice(), seller, buyer })
    const pdf = await PDFDocument.load(await plainPdf())
    await pdf.attach(new TextEncoder().encode(xml), "invoice.xml", { mimeType: "application/xml" })
    const marks = await pdfA3Marks(await pdf.save())
    expect(marks).toMatchObject({ pdfaPart: null, pdfaConformance: null, fxNamespace: null, fxDocumentType: null, fxConformanceLevel: null })
    expect(marks.extensionSchema).toEqual({ namespaceURI: null, prefix: null, properties: [] })
    expect(marks.associatedFiles).toEqual([{ name: "invoice.xml", unicodeName: "invoice.xml", relationship: null, mimeType: "application/xml", inEmbeddedFiles: true }])
  })
})
