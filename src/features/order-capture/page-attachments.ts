import { ORDER_ATTACHMENT_MAX_BYTES, ORDER_ATTACHMENTS_MAX_TOTAL_BYTES, ORDER_MAIL_MAX_ATTACHMENTS } from "~src/messaging/limits"

import { attachmentKind, looksLike, type AttachmentKind, type UnreadReason } from "./attachment-kind"
import type { OpenedMessage } from "./opened-message"

/**
 * The attachments of the message opened in a webmail page, fetched with the page's own session (the webmail's
 * cookies, same origin as the document that shows them) so the background can read them. This file runs in the
 * content script: it only fetches and encodes bytes; the PDF and spreadsheet readers live in the background, so
 * the content script's bundle does not carry them. Nothing is sent anywhere but to the extension's background.
 */
export interface PageAttachment {
  name: string
  /** Absolute address of the file's bytes, or null when the page shows the name but no link to the file. */
  url: string | null
  kind: AttachmentKind | null
}

export interface FetchedAttachment {
  name: string
  kind: AttachmentKind
  /** The file's bytes in base64: Chrome's message bus carries JSON, where a Uint8Array would not survive. */
  base64: string
}

export interface UnreadAttachment {
  name: string
  reason: UnreadReason
}

/** The attachments the opened message shows, in the page's order, each once. */
export function pageAttachments(opened: OpenedMessage): PageAttachment[] {
  const doc = opened.body.ownerDocument
  const found: PageAttachment[] = [...gmail(opened, doc), ...outlook(doc), ...roundcube(doc)]
  const seen = new Set<string>()
  const list: PageAttachment[] = []
  for (const a of found) {
    const name = a.name.slice(0, 200)
    if (name === "" || seen.has(name)) continue
    seen.add(name)
    list.push({ ...a, name })
  }
  return list
}

/**
 * Gmail: the chips under the message (`span.aZo`), whose `download_url` attribute reads "mime:name:address";
 * older markup has only the name (`span.aV3`) and a link carrying `attid=`.
 */
function gmail(opened: OpenedMessage, doc: Document): PageAttachment[] {
  const scope = opened.webmail === "gmail" ? (opened.body.closest("div.adn") ?? doc) : null
  if (scope === null) return []
  const chips = [...scope.querySelectorAll("span.aZo, div.aQH span.aV3")]
  return chips.map((chip) => {
    const download = /^([^:]*):([^:]*):(.+)$/.exec(chip.getAttribute("download_url") ?? "")
    const name = text(chip.querySelector("span.aV3") ?? (chip.matches("span.aV3") ? chip : null)) || (download?.[2] ?? "")
    const href = download?.[3] ?? chip.closest("a[href]")?.getAttribute("href") ?? chip.querySelector('a[href*="attid="]')?.getAttribute("href") ?? null
    return { name, url: sameOrigin(href, doc), kind: attachmentKind(name, download?.[1] ?? "") }
  })
}

/** Outlook on the web: attachment tiles titled with the file's name, with a download link when the page gives one. */
function outlook(doc: Document): PageAttachment[] {
  return [...doc.querySelectorAll('[role="attachment"], [data-comptoir-attachment]')].map((tile) => {
    const name = tile.querySelector("[title]")?.getAttribute("title") ?? tile.getAttribute("title") ?? text(tile)
    const link = tile.querySelector<HTMLAnchorElement>("a[href][download], a[href]")
    return { name, url: sameOrigin(link?.getAttribute("href") ?? null, doc), kind: attachmentKind(name) }
  })
}

/**
 * Roundcube 1.6: the list beside the message (`#attachment-list`), each link `?_task=mail&_action=get&_uid=…&_part=…`.
 * That address without `_frame`/`_embed` gives the file's bytes inline; `_download=1` would also need the session's
 * CSRF token, so it is not added (checked against Roundcube's program/actions/mail/get.php and the real one in e2e).
 */
function roundcube(doc: Document): PageAttachment[] {
  return [...doc.querySelectorAll("#attachment-list li")].flatMap((li) => {
    const link = li.querySelector<HTMLAnchorElement>('a.filename, a[href*="_part="]')
    const name = text(li.querySelector(".attachment-name") ?? link)
    if (name === "") return []
    const href = link?.getAttribute("href") ?? null
    let url = href !== null && /[?&]_part=/.test(href) ? sameOrigin(href, doc) : null
    if (url !== null) {
      const u = new URL(url)
      for (const k of ["_frame", "_preload", "_embed", "_mimeclass", "_download", "_framed"]) u.searchParams.delete(k)
      url = u.href
    }
    // Roundcube names the type in the item's class ("application pdf").
    const mime = li.className.trim().split(/\s+/).slice(0, 2).join("/")
    return [{ name, url, kind: attachmentKind(name, mime) }]
  })
}

/** The address resolved against the document, kept only on the webmail's own origin (its session, nobody else's). */
function sameOrigin(href: string | null, doc: Document): string | null {
  if (href === null || href === "") return null
  try {
    const url = new URL(href, doc.baseURI)
    return url.origin === new URL(doc.baseURI).origin && /^https?:$/.test(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/**
 * Fetches the readable attachments (PDF, CSV, spreadsheets) with the page's session, within the size caps; the
 * others are named with why they were not read.
 */
export async function fetchPageAttachments(list: PageAttachment[], fetcher: typeof fetch = pageFetch()): Promise<{ files: FetchedAttachment[]; unread: UnreadAttachment[] }> {
  const files: FetchedAttachment[] = []
  const unread: UnreadAttachment[] = []
  let total = 0
  for (const a of list) {
    if (a.kind === null) unread.push({ name: a.name, reason: "type" })
    else if (a.url === null) unread.push({ name: a.name, reason: "link" })
    else if (files.length >= ORDER_MAIL_MAX_ATTACHMENTS) unread.push({ name: a.name, reason: "count" })
    else {
      const got = await fetchBytes(a.url, Math.min(ORDER_ATTACHMENT_MAX_BYTES, ORDER_ATTACHMENTS_MAX_TOTAL_BYTES - total), fetcher)
      if (typeof got === "string") unread.push({ name: a.name, reason: got })
      else if (!looksLike(a.kind, got)) unread.push({ name: a.name, reason: a.kind === "csv" ? "fetch" : "damaged" })
      else {
        total += got.length
        files.push({ name: a.name, kind: a.kind, base64: toBase64(got) })
      }
    }
  }
  return { files, unread }
}

async function fetchBytes(url: string, max: number, fetcher: typeof fetch): Promise<Uint8Array | "size" | "fetch"> {
  let res: Response
  try {
    res = await fetcher(url, { credentials: "include", redirect: "follow" })
  } catch {
    return "fetch"
  }
  if (!res.ok || res.body === null) return "fetch"
  if (Number(res.headers.get("content-length") ?? 0) > max) {
    void res.body.cancel()
    return "size"
  }
  // Counted as it arrives: a server that does not say the length still stops at the cap.
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > max) {
      void reader.cancel()
      return "size"
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}

/**
 * The page's own fetch where the browser has one for content scripts (Firefox's `content.fetch` sends the request as
 * the page does, with its cookies and origin); Chrome's content-script fetch already runs in the page's origin.
 */
function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content
  return typeof content?.fetch === "function" ? content.fetch.bind(content) : fetch.bind(globalThis)
}

export function toBase64(bytes: Uint8Array): string {
  let out = ""
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(out)
}

function text(el: Element | null): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim()
}
