// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest"

import { ORDER_ATTACHMENT_MAX_BYTES } from "~src/messaging/limits"
import { gmailOrder, outlookOrder, roundcubePreview, type OrderMailPage } from "~tests/e2e/order-capture-pages"

import { readOpenedMessage } from "./opened-message"
import { fetchPageAttachments, pageAttachments, toBase64, type PageAttachment } from "./page-attachments"

const MAIL: OrderMailPage = {
  id: "18c2f0a9b1d3e4f5",
  subject: "Bon de commande BC-2026-114",
  from: { name: "Estelle Carré", email: "e.carre@labo-carre.fr" },
  lines: ["Bonjour,", "Veuillez trouver ci-joint notre bon de commande.", "Cordialement"],
  attachments: [
    { name: "BC-2026-114.pdf", mime: "application/pdf", href: "/files/bc.pdf" },
    { name: "plan-acces.png", mime: "image/png", href: "/files/plan.png" },
    { name: "tarifs.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", href: "https://elsewhere.example/tarifs.xlsx" }
  ]
}

/** The page as the browser has it, at its address (the attachments' links are resolved against it). */
function page(html: string, url = "https://mail.example.fr/webmail/"): Document {
  return new DOMParser().parseFromString(html.replace("<head>", `<head><base href="${url}">`), "text/html")
}

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF")

function respond(body: Uint8Array | string, init: ResponseInit & { headers?: Record<string, string> } = {}): Response {
  return new Response(typeof body === "string" ? body : body.slice().buffer, init)
}

describe("the attachments of the opened message, as the webmail page shows them", () => {
  it("in Roundcube's preview, each file of the list with the address that gives its bytes (no viewer frame)", () => {
    const mail = { ...MAIL, attachments: MAIL.attachments!.map((a, i) => ({ ...a, href: `./?_task=mail&_action=get&_mbox=INBOX&_uid=42&_part=${i + 2}&_frame=1` })) }
    const opened = readOpenedMessage(page(roundcubePreview(mail), "https://mail.example.fr/roundcube/?_task=mail&_action=preview&_uid=42&_mbox=INBOX"))!
    const list = pageAttachments(opened)
    expect(list.map((a) => [a.name, a.kind])).toEqual([
      ["BC-2026-114.pdf", "pdf"],
      ["plan-acces.png", null],
      ["tarifs.xlsx", "xlsx"]
    ])
    const url = new URL(list[0]!.url!)
    expect(url.origin).toBe("https://mail.example.fr")
    expect(url.searchParams.get("_part")).toBe("2")
    expect(url.searchParams.get("_uid")).toBe("42")
    expect(url.searchParams.has("_frame")).toBe(false)
  })

  it("in Gmail, the chips' download address; one on another site is not fetched with the webmail's session", () => {
    const list = pageAttachments(readOpenedMessage(page(gmailOrder(MAIL), "https://mail.example.fr/mail/u/0/"))!)
    expect(list.map((a) => [a.name, a.kind])).toEqual([
      ["BC-2026-114.pdf", "pdf"],
      ["plan-acces.png", null],
      ["tarifs.xlsx", "xlsx"]
    ])
    expect(list[0]!.url).toBe("https://mail.example.fr/files/bc.pdf")
    expect(list[2]!.url).toBeNull()
  })

  it("in Outlook on the web, the tiles' names and their download links", () => {
    const list = pageAttachments(readOpenedMessage(page(outlookOrder(MAIL), "https://mail.example.fr/mail/inbox"))!)
    expect(list.map((a) => [a.name, a.url])).toEqual([
      ["BC-2026-114.pdf", "https://mail.example.fr/files/bc.pdf"],
      ["plan-acces.png", "https://mail.example.fr/files/plan.png"],
      ["tarifs.xlsx", null]
    ])
  })
})

describe("fetching the attachments with the page's session", () => {
  const pdf: PageAttachment = { name: "BC.pdf", kind: "pdf", url: "https://mail.example.fr/get?_part=2" }

  it("fetches a PDF with the webmail's cookies and hands its bytes on in base64", async () => {
    const fetcher = vi.fn(async () => respond(PDF, { headers: { "content-type": "application/pdf" } }))
    const got = await fetchPageAttachments([pdf], fetcher)
    expect(fetcher).toHaveBeenCalledWith(pdf.url, expect.objectContaining({ credentials: "include" }))
    expect(got.unread).toEqual([])
    expect(got.files).toEqual([{ name: "BC.pdf", kind: "pdf", base64: toBase64(PDF) }])
    expect(atob(got.files[0]!.base64)).toBe(new TextDecoder().decode(PDF))
  })

  it("names what it did not read, and why: not a kind it reads, no link, refused, a login page instead of the file", async () => {
    const fetcher = vi.fn(async (url: string) => (url.endsWith("403") ? respond("no", { status: 403 }) : respond("<!doctype html><title>Roundcube Webmail :: Login</title>")))
    const got = await fetchPageAttachments(
      [
        { name: "photo.jpg", kind: null, url: "https://mail.example.fr/photo" },
        { name: "tarifs.xlsx", kind: "xlsx", url: null },
        { name: "BC-1.pdf", kind: "pdf", url: "https://mail.example.fr/403" },
        { name: "BC-2.pdf", kind: "pdf", url: "https://mail.example.fr/login" }
      ],
      fetcher as unknown as typeof fetch
    )
    expect(got.files).toEqual([])
    expect(got.unread).toEqual([
      { name: "photo.jpg", reason: "type" },
      { name: "tarifs.xlsx", reason: "link" },
      { name: "BC-1.pdf", reason: "fetch" },
      { name: "BC-2.pdf", reason: "damaged" }
    ])
    // The image was never downloaded.
    expect(fetcher).toHaveBeenCalledTimes(2)
  })

  it("stops at 10 MB, whether the server says the length or not", async () => {
    const big = new Uint8Array(ORDER_ATTACHMENT_MAX_BYTES + 1)
    big.set(PDF)
    const said = await fetchPageAttachments([pdf], async () => respond(PDF, { headers: { "content-length": String(ORDER_ATTACHMENT_MAX_BYTES + 1) } }))
    const unsaid = await fetchPageAttachments([pdf], async () => respond(big))
    expect(said.unread).toEqual([{ name: "BC.pdf", reason: "size" }])
    expect(unsaid.unread).toEqual([{ name: "BC.pdf", reason: "size" }])
  })

  it("reads the first 5 attachments of a message and names the others", async () => {
    const many = Array.from({ length: 7 }, (_, i): PageAttachment => ({ ...pdf, name: `BC-${i}.pdf` }))
    const got = await fetchPageAttachments(many, async () => respond(PDF))
    expect(got.files.map((f) => f.name)).toEqual(["BC-0.pdf", "BC-1.pdf", "BC-2.pdf", "BC-3.pdf", "BC-4.pdf"])
    expect(got.unread).toEqual([
      { name: "BC-5.pdf", reason: "count" },
      { name: "BC-6.pdf", reason: "count" }
    ])
  })
})
