import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

import { CsvFileError, decodeCsvBytes, windows1252 } from "./decode"

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url)))
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2)
  const view = new DataView(out.buffer)
  let at = 0
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian)
    at = 2
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), littleEndian)
  return out
}

describe("decodeCsvBytes", () => {
  it("strips a UTF-8 byte order mark and says nothing", () => {
    const r = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("code;société\n")]))
    expect(r).toEqual({ text: "code;société\n", encoding: "utf-8" })
  })

  it("reads UTF-8 without a byte order mark", () => {
    expect(decodeCsvBytes(utf8("Zoé;Œuvre;10 €"))).toEqual({ text: "Zoé;Œuvre;10 €", encoding: "utf-8" })
  })

  it("reads Excel's Windows-1252 export with accents, € and œ, and says so in a notice", () => {
    // "Cœur;é è ç à;10 €;“ok”" in Windows-1252
    const bytes = new Uint8Array([0x43, 0x9c, 0x75, 0x72, 0x3b, 0xe9, 0x20, 0xe8, 0x20, 0xe7, 0x20, 0xe0, 0x3b, 0x31, 0x30, 0x20, 0x80, 0x3b, 0x93, 0x6f, 0x6b, 0x94])
    const r = decodeCsvBytes(bytes)
    expect(r.text).toBe("Cœur;é è ç à;10 €;“ok”")
    expect(r.encoding).toBe("windows-1252")
    expect(r.noticeCode).toBe("read_as_windows_1252")
    expect(r.notice).toMatch(/Windows-1252/)
  })

  it("reads the Excel fixture file written in Windows-1252", () => {
    const r = decodeCsvBytes(fixture("excel-fr-windows1252.csv"))
    expect(r.encoding).toBe("windows-1252")
    expect(r.text).toContain("Raison sociale;Prénom;Nom")
    expect(r.text).toContain("Cœur de Loire SARL")
    expect(r.text).toContain("10\u00a0000,00 €")
  })

  it("maps every byte from 0x80 to 0x9F as Windows-1252 does, not as Latin-1 control characters", () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i)
    expect(windows1252(bytes)).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ")
    expect(windows1252(new Uint8Array([0x41, 0xa0, 0xff]))).toBe("A\u00a0ÿ")
  })

  it("decodes a large Windows-1252 file in one piece", () => {
    const bytes = new Uint8Array(100_000).fill(0xe9)
    expect(decodeCsvBytes(bytes).text).toBe("é".repeat(100_000))
  })

  it("reads UTF-16 little-endian and big-endian files with a byte order mark", () => {
    expect(decodeCsvBytes(utf16("code\tsociété\n€", true, true))).toEqual({ text: "code\tsociété\n€", encoding: "utf-16le" })
    expect(decodeCsvBytes(utf16("code\tsociété\n€", false, true))).toEqual({ text: "code\tsociété\n€", encoding: "utf-16be" })
  })

  it("recognises UTF-16 without a byte order mark from its zero bytes", () => {
    expect(decodeCsvBytes(utf16("code;company\nC1;Dupont\n", true, false)).encoding).toBe("utf-16le")
    expect(decodeCsvBytes(utf16("code;company\nC1;Dupont\n", false, false)).text).toBe("code;company\nC1;Dupont\n")
  })

  it("refuses an Excel workbook with advice to save it as CSV", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    expect(() => decodeCsvBytes(xlsx)).toThrow(CsvFileError)
    expect(() => decodeCsvBytes(xlsx)).toThrow(/CSV UTF-8/)
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(() => decodeCsvBytes(xls)).toThrow(expect.objectContaining({ code: "excel_workbook" }))
  })

  it("refuses a binary file", () => {
    expect(() => decodeCsvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03]))).toThrow(expect.objectContaining({ code: "binary_file" }))
  })

  it("decodes an empty file to empty text", () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" })
  })
})
