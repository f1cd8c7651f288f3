import { readFileSync } from "node:fs"
import { join } from "node:path"

import { zipSync } from "fflate"
import PostalMime from "postal-mime"
import { describe, expect, it } from "vitest"

import { attachmentKind } from "./attachment-kind"
import { attachmentText, readAttachments, UnpackedTooLargeError } from "./attachment-text"
import { toBase64 } from "./page-attachments"

const tuned = join(import.meta.dirname, "..", "..", "..", "tests", "fixtures", "orders", "tuned")

/** The first attachment of a corpus mail, as its bytes. */
async function attached(mail: string): Promise<{ name: string; bytes: Uint8Array }> {
  const email = await PostalMime.parse(readFileSync(join(tuned, mail)))
  const a = email.attachments[0]!
  return { name: a.filename ?? "", bytes: new Uint8Array(a.content as ArrayBuffer) }
}

describe("an attachment's text, as the extractor reads it", () => {
  it("an .xlsx purchase order: its table rows as “ref | designation | qty | unit”, its labelled cells as “label : value”", async () => {
    const { name, bytes } = await attached("fr-43-ehpad-xlsx.eml")
    expect(attachmentKind(name)).toBe("xlsx")
    const lines = (await attachmentText("xlsx", bytes)).split("\n")
    expect(lines).toContain("ESS-300 | Essuie-mains pliés en Z | 12 | carton | 24.5")
    expect(lines).toContain("N° de commande : EV-2026-041")
    // A date cell is a number with a date format: it reads as a day, year first.
    expect(lines).toContain("Livraison souhaitée le : 2026/04/14")
  })

  it("an .ods purchase order, with LibreOffice's typed cells", async () => {
    const { name, bytes } = await attached("fr-45-distillerie-ods.eml")
    expect(attachmentKind(name)).toBe("ods")
    const lines = (await attachmentText("ods", bytes)).split("\n")
    expect(lines).toContain("CART-60 | Carton double cannelure 60x40x40 | 200 | pièce")
    expect(lines).toContain("Livraison souhaitée : 2026/04/22")
  })

  it("a PDF purchase order, columns far apart kept apart", async () => {
    const { bytes } = await attached("fr-10-labo-pdf.eml")
    expect(await attachmentText("pdf", bytes)).toMatch(/GN-4410 \| Gants nitrile non poudrés T\.M \| 30 \| boîte/)
  })

  it("a CSV from Excel in France: semicolons, Windows-1252, a decimal comma kept", async () => {
    // One byte a character, as Windows-1252 writes these accented letters.
    const csv = Uint8Array.from("Réf;Désignation;Qté;Prix\r\nGN-4410;Gants nitrile;30;8,90\r\n", (c) => c.charCodeAt(0))
    expect(await attachmentText("csv", csv)).toBe("Réf | Désignation | Qté | Prix\nGN-4410 | Gants nitrile | 30 | 8,90\n")
  })

  it("a CSV from an English ERP: commas between the columns, a quoted cell with a comma kept whole", async () => {
    const csv = new TextEncoder().encode('po,sku,description,qty,uom\r\nPO-77,BAT-AA,"Batteries AA, pack of 4",12,EA\r\n')
    expect(await attachmentText("csv", csv)).toBe("po | sku | description | qty | uom\nPO-77 | BAT-AA | Batteries AA, pack of 4 | 12 | EA\n")
  })
})

describe("the background reading what the page fetched", () => {
  it("reads each attachment and names those it could not, with why; the others still count", async () => {
    const { bytes } = await attached("en-27-sinclair-xlsx.eml")
    const got = await readAttachments([
      { name: "SSG-5521.xlsx", kind: "xlsx", base64: toBase64(bytes) },
      { name: "scan.pdf", kind: "pdf", base64: btoa("not a pdf at all") },
      { name: "broken.xlsx", kind: "xlsx", base64: btoa("PK\u0003\u0004 but no zip after") }
    ])
    expect(got.read).toEqual(["SSG-5521.xlsx"])
    expect(got.attachments[0]!.text).toContain("REF-1001 | A4 copy paper 80gsm | 30 | ream")
    expect(got.unread).toEqual([
      { name: "scan.pdf", reason: "damaged" },
      { name: "broken.xlsx", reason: "damaged" }
    ])
  })
})

describe("a spreadsheet that unpacks past the caps (a zip bomb)", () => {
  /** 30 MB of zeros: about 30 KB once zipped, well under the 10 MB an attachment may weigh. */
  const bomb = (name: string, bytes = 30 * 1024 * 1024) => zipSync({ [name]: new Uint8Array(bytes) })

  it("is named unread, too large once unpacked, and the mail's other attachments are still read", async () => {
    const { bytes } = await attached("en-27-sinclair-xlsx.eml")
    const xlsx = bomb("xl/worksheets/sheet1.xml")
    const ods = bomb("content.xml")
    expect(xlsx.length).toBeLessThan(100_000)
    const got = await readAttachments([
      { name: "bomb.xlsx", kind: "xlsx", base64: toBase64(xlsx) },
      { name: "SSG-5521.xlsx", kind: "xlsx", base64: toBase64(bytes) },
      { name: "bomb.ods", kind: "ods", base64: toBase64(ods) }
    ])
    expect(got.read).toEqual(["SSG-5521.xlsx"])
    expect(got.attachments[0]!.text).toContain("REF-1001 | A4 copy paper 80gsm | 30 | ream")
    expect(got.unread).toEqual([
      { name: "bomb.xlsx", reason: "unpacked" },
      { name: "bomb.ods", reason: "unpacked" }
    ])
  })

  it("counts the parts together: three of 18 MB are refused, though each is under the 20 MB of one part", async () => {
    const parts = Object.fromEntries([1, 2, 3].map((n) => [`xl/worksheets/sheet${n}.xml`, new Uint8Array(18 * 1024 * 1024)]))
    await expect(attachmentText("xlsx", zipSync(parts))).rejects.toBeInstanceOf(UnpackedTooLargeError)
    const got = await readAttachments([{ name: "three-sheets.xlsx", kind: "xlsx", base64: toBase64(zipSync(parts)) }])
    expect(got.unread).toEqual([{ name: "three-sheets.xlsx", reason: "unpacked" }])
  })
})
