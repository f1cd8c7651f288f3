/**
 * Which attachments of a mail the order capture reads, by file name and the type the mail or the page states. Shared
 * by the content script (which fetches them) and the background / CLI (which read them): plain code, no library.
 */
import type { ORDER_ATTACHMENT_KINDS, ORDER_UNREAD_REASONS } from "~src/messaging/limits"

export type AttachmentKind = (typeof ORDER_ATTACHMENT_KINDS)[number]

/**
 * Why an attachment the message shows was not read: not a kind read here, no link to its bytes in the page, over
 * the size cap, over the count, the webmail did not give it, not readable (damaged, encrypted), no text in it (a
 * scanned PDF), a spreadsheet that would unpack past the caps (a zip bomb).
 */
export type UnreadReason = (typeof ORDER_UNREAD_REASONS)[number]

const BY_EXTENSION: Record<string, AttachmentKind> = { pdf: "pdf", csv: "csv", txt: "csv", tsv: "csv", xlsx: "xlsx", xlsm: "xlsx", ods: "ods" }

const BY_MIME: Record<string, AttachmentKind> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "text/tab-separated-values": "csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.12": "xlsx",
  "application/vnd.oasis.opendocument.spreadsheet": "ods"
}

/** The kind read, or null (an image, a Word file, an old binary .xls…). The file name wins: webmails often say octet-stream. */
export function attachmentKind(filename: string, mimeType = ""): AttachmentKind | null {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filename.trim())?.[1]?.toLowerCase()
  if (ext !== undefined && ext in BY_EXTENSION) return BY_EXTENSION[ext]!
  return BY_MIME[mimeType.toLowerCase().split(";")[0]!.trim()] ?? null
}

/**
 * Whether the bytes are what their kind says: a login page or an HTML warning served instead of the file is not
 * read as a CSV, and a PDF that is not one is said to be damaged rather than thrown at the PDF reader.
 */
export function looksLike(kind: AttachmentKind, bytes: Uint8Array): boolean {
  // A PDF may start with a few bytes of junk before its header (readers accept it in the first 1024).
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  if (kind === "pdf") return head.includes("%PDF-")
  if (kind === "xlsx" || kind === "ods") return head.startsWith("PK\u0003\u0004")
  return !/^\s*<(!doctype|html)/i.test(new TextDecoder().decode(bytes.subarray(0, 200)))
}
