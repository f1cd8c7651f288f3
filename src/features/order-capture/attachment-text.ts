import { strFromU8, unzipSync } from "fflate"
import Papa from "papaparse"
import readXlsxFile from "read-excel-file/universal"

import type { FetchedAttachment, UnreadAttachment } from "~src/messaging/contract-documents"
import { ORDER_MAIL_MAX_TEXT } from "~src/messaging/limits"

import { looksLike, type AttachmentKind } from "./attachment-kind"
import { pdfText } from "./pdf-text"

/**
 * An attachment's bytes → the text the extractor reads, in the background worker and in Node (the CLI, the bench)
 * alike: PDF through unpdf, .xlsx through read-excel-file, .ods and CSV here. Table rows come out as "cell | cell |
 * cell", the shape of a table pasted into a mail, which the line finder already reads. Never loaded by the content
 * script (its bundle would carry the PDF and spreadsheet readers).
 */
export async function attachmentText(kind: AttachmentKind, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case "pdf":
      return pdfText(bytes)
    case "csv":
      return csvText(bytes)
    case "xlsx":
      // What read-excel-file unzips: the workbook's XML parts.
      checkUnpackedSize(bytes, (name) => name.endsWith(".xml") || name.endsWith(".xml.rels"))
      return xlsxText(bytes)
    case "ods":
      checkUnpackedSize(bytes, (name) => name === ODS_CONTENT)
      return odsText(bytes)
  }
}

/** One part of a spreadsheet unpacked: a purchase order's sheet is a few hundred KB; 20 MB is not one a person made. */
export const UNZIP_MAX_ENTRY_BYTES = 20 * 1024 * 1024
/** All the parts read of one spreadsheet, unpacked. */
export const UNZIP_MAX_TOTAL_BYTES = 50 * 1024 * 1024

/** A spreadsheet that would unpack past the caps (a zip bomb: a few KB that inflate to GB): refused unread. */
export class UnpackedTooLargeError extends Error {
  constructor(readonly entry: string) {
    super(`${entry}: too large once unpacked`)
  }
}

/**
 * Refuses, before anything is inflated, an archive whose parts to read declare more than the caps. The declared
 * size is what bounds memory: fflate inflates each part into a buffer of that size and stops there, so a header
 * that lies (small size, huge data) gives a cut part, never a larger one.
 */
function checkUnpackedSize(bytes: Uint8Array, read: (name: string) => boolean): void {
  let total = 0
  // The filter sees each entry of the central directory; answering false inflates none of them.
  unzipSync(bytes, {
    filter: (f) => {
      if (!read(f.name)) return false
      total += f.originalSize
      if (f.originalSize > UNZIP_MAX_ENTRY_BYTES || total > UNZIP_MAX_TOTAL_BYTES) throw new UnpackedTooLargeError(f.name)
      return false
    }
  })
}

/**
 * UTF-8 unless it does not decode (then Windows-1252, what Excel writes in France). Columns are split on the
 * separator the file uses, guessed by Papa Parse among ";", tab and "," (an English ERP's export is comma-separated;
 * a French Excel's uses ";" because "," is its decimal mark), quoted cells kept whole.
 */
function csvText(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes)
  }
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [";", "\t", ","], skipEmptyLines: false }).data
  return rows.map((cells) => cells.map((c) => c.replace(/\s*\r?\n\s*/g, " ")).join(" | ")).join("\n")
}

/** Every sheet of the workbook (a PO is on the first, but its delivery details are sometimes on a second). */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  // A copy: the reader takes an ArrayBuffer, and the view may be a window on a larger one.
  const sheets = await readXlsxFile(bytes.slice().buffer)
  // Its types say `typeof Date` for a date cell; the values are Date objects.
  return sheets.map((s) => rowsText(s.data as unknown as Cell[][])).join("\n\n")
}

type Cell = string | number | boolean | Date | null | undefined

function rowsText(rows: readonly (readonly Cell[])[]): string {
  return rows
    .map((row) => {
      const cells = row.map(cellText).filter((c) => c !== "")
      // "N° de commande | EV-2026-041": a label beside its value reads as the mail would write it, "label : value".
      return cells.length === 2 && !/\d/.test(cells[0]!) && !cells[0]!.endsWith(":") ? `${cells[0]} : ${cells[1]}` : cells.join(" | ")
    })
    .filter((l) => l !== "")
    .join("\n")
}

function cellText(c: Cell): string {
  if (c === null || c === undefined) return ""
  // Year first: the one written form of a day that no locale reads the other way round.
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : `${c.getUTCFullYear()}/${pad(c.getUTCMonth() + 1)}/${pad(c.getUTCDate())}`
  if (typeof c === "number") return String(Math.round(c * 1e6) / 1e6)
  return String(c).replace(/\s+/g, " ").trim()
}

function pad(n: number): string {
  return String(n).padStart(2, "0")
}

const ODS_CONTENT = "content.xml"

/**
 * OpenDocument spreadsheet: the first sheet of content.xml, cell by cell. Small enough to do here rather than bring
 * a second spreadsheet library for a format fewer customers send.
 */
function odsText(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === ODS_CONTENT })
  const xml = files[ODS_CONTENT]
  if (xml === undefined) throw new Error("not an OpenDocument spreadsheet")
  const content = strFromU8(xml)
  const tables = content.split(/<table:table\b[^-]/).slice(1)
  return tables
    .map((table) => {
      const rows: Cell[][] = []
      for (const r of table.matchAll(/<table:table-row\b([^>]*?)(\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
        const cells: Cell[] = []
        for (const c of (r[3] ?? "").matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
          const attrs = c[1] ?? ""
          const repeat = Math.min(Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1), 50)
          const value = /office:value-type="(float|percentage|currency)"/.test(attrs) ? Number(/office:value="([^"]*)"/.exec(attrs)?.[1]) : null
          const date = /office:date-value="(\d{4})-(\d{2})-(\d{2})/.exec(attrs)
          const cell: Cell = date !== null ? `${date[1]}/${date[2]}/${date[3]}` : value !== null && !Number.isNaN(value) ? value : xmlText(c[3] ?? "")
          for (let i = 0; i < repeat; i++) cells.push(cell)
        }
        rows.push(cells)
        if (rows.length > 5000) break
      }
      return rowsText(rows)
    })
    .filter((t) => t !== "")
    .join("\n\n")
}

function xmlText(xml: string): string {
  return xml
    .replace(/<text:s\b[^>]*\/>/g, " ")
    .replace(/<text:tab\b[^>]*\/>/g, " ")
    .replace(/<\/text:p>\s*<text:p\b[^>]*>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
}

/** The background's side of the page's capture: each fetched attachment's text; one that cannot be read is named with why, and the others still count. */
export async function readAttachments(files: FetchedAttachment[]): Promise<{ attachments: { filename: string; text: string }[]; read: string[]; unread: UnreadAttachment[] }> {
  const attachments: { filename: string; text: string }[] = []
  const read: string[] = []
  const unread: UnreadAttachment[] = []
  for (const file of files) {
    const bytes = fromBase64(file.base64)
    if (!looksLike(file.kind, bytes)) {
      unread.push({ name: file.name, reason: "damaged" })
      continue
    }
    try {
      const text = (await attachmentText(file.kind, bytes)).trim()
      // A scanned PDF is pictures of text: nothing to read without OCR.
      if (text === "") unread.push({ name: file.name, reason: "empty" })
      else {
        attachments.push({ filename: file.name, text: text.slice(0, ORDER_MAIL_MAX_TEXT) })
        read.push(file.name)
      }
    } catch (e) {
      unread.push({ name: file.name, reason: e instanceof UnpackedTooLargeError ? "unpacked" : "damaged" })
    }
  }
  return { attachments, read, unread }
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
