import { AFRelationship, decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "@cantoo/pdf-lib"

import { FACTUR_X_FILENAME } from "./cii"
import { SRGB_ICC_BASE64 } from "./srgb-icc"

export interface FacturXMeta {
  /** "FAC-2026-00012" */
  number: string
  title: string
  /** The issue date; the PDF's dates are set from it so the same invoice gives the same file. */
  date: string
  language: "fr" | "en"
}

/**
 * Turns the invoice's PDF into a Factur-X: the CII XML attached as `factur-x.xml` (AFRelationship
 * Alternative, listed in the catalog's /AF), the XMP metadata that declares PDF/A-3B and the Factur-X
 * EN 16931 conformance level (with the PDF/A extension schema that describes the `fx:` properties), an sRGB
 * output intent, and a document /ID. What is not checked here (no veraPDF on this machine): that every
 * object of the source PDF (fonts, images, transparency) meets PDF/A-3; see the README.
 */
export async function embedFacturX(pdfBytes: Uint8Array, xml: string, meta: FacturXMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false })
  const at = new Date(`${meta.date}T12:00:00Z`)
  const xmlBytes = new TextEncoder().encode(xml)
  await pdf.attach(xmlBytes, FACTUR_X_FILENAME, {
    mimeType: "text/xml",
    description: meta.language === "fr" ? "Facture électronique Factur-X (CII)" : "Factur-X electronic invoice (CII)",
    creationDate: at,
    modificationDate: at,
    afRelationship: AFRelationship.Alternative
  })

  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setProducer("Comptoir")
  pdf.setCreator("Comptoir")
  pdf.setCreationDate(at)
  pdf.setModificationDate(at)
  pdf.setLanguage(meta.language === "fr" ? "fr-FR" : "en-GB")

  const ctx = pdf.context
  const metadata = ctx.stream(xmp(meta, at), { Type: "Metadata", Subtype: "XML" })
  pdf.catalog.set(PDFName.of("Metadata"), ctx.register(metadata))

  const icc = ctx.stream(base64ToBytes(SRGB_ICC_BASE64), { N: 3 })
  const intent = ctx.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    DestOutputProfile: ctx.register(icc)
  })
  pdf.catalog.set(PDFName.of("OutputIntents"), ctx.obj([ctx.register(intent)]))

  // PDF/A requires a file identifier; derived from the number so a re-export of the same invoice matches.
  const id = PDFHexString.of(hex(new TextEncoder().encode(`${meta.number}|${meta.date}`)).padEnd(32, "0").slice(0, 32))
  ctx.trailerInfo.ID = ctx.obj([id, id])

  return pdf.save({ useObjectStreams: false })
}

/** The embedded factur-x.xml of a PDF, or null (what a receiving system reads first). */
export async function extractFacturXml(pdfBytes: Uint8Array): Promise<string | null> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false })
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)
  const embedded = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict)
  const list = embedded?.lookupMaybe(PDFName.of("Names"), PDFArray)
  if (!list) return null
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const name = list.lookup(i)
    const label = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : ""
    if (label !== FACTUR_X_FILENAME) continue
    const spec = list.lookup(i + 1, PDFDict)
    const ef = spec.lookup(PDFName.of("EF"), PDFDict)
    const stream = ef.lookup(PDFName.of("F"))
    if (!(stream instanceof PDFRawStream)) return null
    return new TextDecoder().decode(decodePDFRawStream(stream).decode())
  }
  return null
}

function xmp(meta: FacturXMeta, at: Date): string {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, "Z")
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>Comptoir</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>Comptoir</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>Comptoir</xmp:CreatorTool>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>${FACTUR_X_FILENAME}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        ${["DocumentFileName|The name of the embedded XML document", "DocumentType|The type of the hybrid document in capital letters, e.g. INVOICE or ORDER", "Version|The actual version of the standard applying to the embedded XML document", "ConformanceLevel|The conformance level of the embedded XML document"]
          .map((p) => {
            const [name, description] = p.split("|")
            return `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`
          })
          .join("\n        ")}
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")
}
