/**
 * Turns the bytes of an uploaded file into text. Files reach us from Excel, LibreOffice, Google Sheets and CRM
 * exports: UTF-8 with or without BOM, Excel's "CSV (séparateur: point-virgule)" in Windows-1252, and
 * "Unicode text" in UTF-16.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"

export interface DecodedCsv {
  text: string
  encoding: CsvEncoding
  /** Set when the user should check the result (the UI shows it above the preview). */
  notice?: string
  noticeCode?: "read_as_windows_1252"
}

export type CsvFileErrorCode = "excel_workbook" | "binary_file"

/** The file is not text at all: importing it would only produce a column of garbage. */
export class CsvFileError extends Error {
  readonly code: CsvFileErrorCode
  constructor(code: CsvFileErrorCode, message: string) {
    super(message)
    this.name = "CsvFileError"
    this.code = code
  }
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const b0 = bytes[0]
  const b1 = bytes[1]
  const b2 = bytes[2]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: "utf-8" }
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16(bytes.subarray(2), true), encoding: "utf-16le" }
  if (b0 === 0xfe && b1 === 0xff) return { text: utf16(bytes.subarray(2), false), encoding: "utf-16be" }
  refuseWorkbooks(bytes)
  const bomless16 = sniffUtf16(bytes)
  if (bomless16) return { text: utf16(bytes, bomless16 === "utf-16le"), encoding: bomless16 }
  refuseBinary(bytes)
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    // Not valid UTF-8. French Excel saves CSV in the ANSI code page; Windows-1252 is also a superset of
    // Latin-1, so this reading never fails, but a file in another code page would show wrong letters:
    // hence the notice.
    return {
      text: windows1252(bytes),
      encoding: "windows-1252",
      noticeCode: "read_as_windows_1252",
      notice:
        "This file is not UTF-8; it was read as Windows-1252 (the encoding of Excel's “CSV (séparateur: point-virgule)”). Check that accents look right in the preview."
    }
  }
}

function utf8(bytes: Uint8Array): string {
  // The BOM is already gone; a second one would be data, but ignoreBOM keeps us from eating it silently.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)
}

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const even = bytes.length - (bytes.length % 2)
  if (littleEndian) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(0, even))
  // Node's ICU-less builds lack utf-16be; swapping into little-endian works everywhere.
  const swapped = new Uint8Array(even)
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1]!
    swapped[i + 1] = bytes[i]!
  }
  return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(swapped)
}

/** UTF-16 without BOM: ASCII text has a zero in every other byte, which no 8-bit CSV has. */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512)
  if (n < 4) return null
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue
    if (i % 2 === 0) zeroEven++
    else zeroOdd++
  }
  const pairs = n / 2
  if (zeroOdd > pairs * 0.4 && zeroEven === 0) return "utf-16le"
  if (zeroEven > pairs * 0.4 && zeroOdd === 0) return "utf-16be"
  return null
}

function refuseWorkbooks(bytes: Uint8Array): void {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  if (zip || ole) {
    throw new CsvFileError("excel_workbook", "This is an Excel workbook, not a CSV file: in Excel, use “Save as” → “CSV UTF-8” and import that file.")
  }
}

function refuseBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) throw new CsvFileError("binary_file", "This file contains binary data, not text: export the list as CSV and import that file.")
  }
}

// 0x80–0x9F, where Windows-1252 differs from Latin-1 (€, œ, Œ, typographic quotes, dashes…). Undefined
// bytes keep their Latin-1 value, as the WHATWG Encoding Standard does. We carry the table because Node's
// TextDecoder("windows-1252") decodes these bytes as Latin-1 control characters (0x80 → U+0080, not €).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

export function windows1252(bytes: Uint8Array): string {
  const CHUNK = 8192
  const parts: string[] = []
  const units = new Uint16Array(CHUNK)
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length)
    for (let i = start; i < end; i++) {
      const b = bytes[i]!
      units[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b
    }
    // apply takes any array-like; a typed array avoids one copy per chunk.
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]))
  }
  return parts.join("")
}
