// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest"

import { findComposeBox, insertIntoCompose, parseComposeContent, type ComposeContent } from "./compose-box"

const content: ComposeContent = {
  text: "Bonjour,\n\nTotal TTC : 150,00 €",
  blocks: [
    { kind: "p", text: "Bonjour," },
    { kind: "table", head: ["Réf.", "Désignation"], rows: [["REF-1001", "<img src=x onerror=alert(1)>"]] },
    { kind: "p", text: "Cordialement,\nAgent Un" }
  ]
}

describe("inserting a summary into a compose box", () => {
  beforeEach(() => {
    document.body.replaceChildren()
  })

  it("writes the text at the caret of Roundcube's plain-text editor and tells the page", () => {
    const ta = document.createElement("textarea")
    ta.id = "composebody"
    ta.value = "\n\n> the customer's mail"
    document.body.append(ta)
    let inputs = 0
    ta.addEventListener("input", () => inputs++)
    const box = findComposeBox(document, null)
    expect(box?.kind).toBe("textarea")
    expect(insertIntoCompose(box!, content)).toBe("text")
    expect(ta.value).toBe("Bonjour,\n\nTotal TTC : 150,00 €\n\n\n\n> the customer's mail")
    expect(inputs).toBe(1)
  })

  it("keeps the caret of the textarea the user was last in, though focus left it for the form over the page", () => {
    const ta = document.createElement("textarea")
    ta.id = "composebody"
    ta.value = "> the customer's mail\n\nHello, here is our quote."
    document.body.append(ta)
    ta.setSelectionRange(ta.value.length, ta.value.length)
    const box = findComposeBox(document, ta)
    insertIntoCompose(box!, content, ta)
    expect(ta.value).toBe("> the customer's mail\n\nHello, here is our quote.\n\nBonjour,\n\nTotal TTC : 150,00 €\n")
  })

  it("ends a summary put at the end of the plain-text editor with a line break, so what the agent types next starts a new line", () => {
    const ta = document.createElement("textarea")
    ta.id = "composebody"
    ta.value = "> the customer's mail\n\nHello, here is our quote."
    document.body.append(ta)
    ta.setSelectionRange(ta.value.length, ta.value.length)
    insertIntoCompose(findComposeBox(document, ta)!, content, ta)
    // What typing does: text at the caret, the caret after it.
    ta.setRangeText("Best regards", ta.selectionStart, ta.selectionEnd, "end")
    expect(ta.value.split("\n").slice(-2)).toEqual(["Total TTC : 150,00 €", "Best regards"])
  })

  it("builds paragraphs and a table as elements in an HTML editor, so a product name with markup stays text", () => {
    const editor = document.createElement("div")
    editor.setAttribute("contenteditable", "true")
    editor.setAttribute("role", "textbox")
    editor.append(document.createElement("blockquote"))
    document.body.append(editor)
    const box = findComposeBox(document, null)
    expect(box?.kind).toBe("editable")
    expect(insertIntoCompose(box!, content)).toBe("html")
    expect(editor.querySelectorAll("p")).toHaveLength(2)
    expect(editor.querySelector("td:nth-child(2)")!.textContent).toBe("<img src=x onerror=alert(1)>")
    expect(editor.querySelector("img")).toBeNull()
    expect(editor.firstElementChild!.tagName).toBe("P")
    expect(editor.lastElementChild!.tagName).toBe("BLOCKQUOTE")
  })

  it("puts the blocks before the quoted mail when the caret is in it, and after the paragraph being written otherwise", () => {
    const editor = document.createElement("div")
    editor.setAttribute("contenteditable", "true")
    const written = document.createElement("p")
    written.textContent = "Hello Claire,"
    const quote = document.createElement("blockquote")
    quote.textContent = "Could you send us a quote?"
    editor.append(written, quote)
    document.body.append(editor)
    const caretIn = (node: Node, offset: number) => {
      const r = document.createRange()
      r.setStart(node, offset)
      r.collapse(true)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(r)
    }
    caretIn(quote.firstChild!, 5)
    insertIntoCompose({ kind: "editable", el: editor }, content)
    expect([...editor.children].map((c) => c.tagName)).toEqual(["P", "P", "TABLE", "P", "BR", "BLOCKQUOTE"])
    expect(quote.textContent).toBe("Could you send us a quote?")
    editor.replaceChildren(written, quote)
    caretIn(written.firstChild!, 5)
    insertIntoCompose({ kind: "editable", el: editor }, content)
    expect(editor.firstElementChild).toBe(written)
    expect(written.textContent).toBe("Hello Claire,")
    expect(editor.children[1]!.textContent).toBe("Bonjour,")
  })

  // The reply editors as Gmail and Outlook on the web draw them (their documented markup, trimmed): the page's search
  // box and subject field are inputs beside them, never taken for the message body.
  it.each([
    {
      webmail: "Gmail",
      page: `<input aria-label="Search mail"><input name="subjectbox" value="Re: devis">
        <div id=":a1" class="Am aiL Al editable" aria-label="Message Body" g_editable="true" role="textbox" aria-multiline="true" contenteditable="true"><div><br></div><div class="gmail_quote"><div class="gmail_attr">Le mar. 1 déc. 2026, Claire a écrit :</div><blockquote class="gmail_quote">Pouvez-vous nous faire un devis ?</blockquote></div></div>`,
      quoted: ".gmail_quote"
    },
    {
      webmail: "Outlook on the web",
      page: `<input aria-label="Search"><input aria-label="Add a subject" value="RE: devis">
        <div id="editorParent_1"><div aria-label="Message body, press Alt+F10 to exit" class="elementToProof" contenteditable="true" role="textbox" aria-multiline="true"><div><br></div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Claire</div><blockquote>Pouvez-vous nous faire un devis ?</blockquote></div></div>`,
      quoted: "#divRplyFwdMsg"
    }
  ])("finds $webmail's reply body and writes the summary on its empty first line, above the quoted mail", ({ page, quoted }) => {
    document.body.replaceChildren(...new DOMParser().parseFromString(page, "text/html").body.childNodes)
    const body = document.querySelector<HTMLElement>('[role="textbox"]')!
    const firstLine = body.firstElementChild!
    const r = document.createRange()
    r.setStart(firstLine, 0)
    r.collapse(true)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(r)
    const box = findComposeBox(document, null)
    expect(box).toEqual({ kind: "editable", el: body })
    expect(insertIntoCompose(box!, content)).toBe("html")
    expect(body.firstElementChild!.textContent).toBe("Bonjour,")
    expect(body.querySelector("table td:nth-child(1)")!.textContent).toBe("REF-1001")
    const table = body.querySelector("table")!
    expect(table.compareDocumentPosition(body.querySelector(quoted)!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(body.querySelector(quoted)!.contains(table)).toBe(false)
    expect(body.textContent).toContain("Pouvez-vous nous faire un devis ?")
  })

  it("finds Roundcube's HTML editor in TinyMCE's frame, its plain textarea hidden, and writes a table into the frame's body", () => {
    const plain = document.createElement("textarea")
    plain.id = "composebody"
    plain.style.display = "none"
    const frame = document.createElement("iframe")
    frame.id = "composebody_ifr"
    document.body.append(plain, frame)
    const body = frame.contentDocument!.body
    body.id = "tinymce"
    body.setAttribute("contenteditable", "true")
    const quoted = frame.contentDocument!.createElement("blockquote")
    quoted.textContent = "Pouvez-vous nous faire un devis ?"
    body.append(quoted)
    const box = findComposeBox(document, null)
    expect(box).toEqual({ kind: "editable", el: body })
    expect(insertIntoCompose(box!, content)).toBe("html")
    expect(body.querySelector("table td:nth-child(1)")!.textContent).toBe("REF-1001")
    expect(body.lastElementChild).toBe(quoted)
    expect(plain.value).toBe("")
  })

  it("prefers the editor the user was last in over another one on the page", () => {
    const first = document.createElement("textarea")
    const second = document.createElement("div")
    second.setAttribute("contenteditable", "true")
    document.body.append(first, second)
    expect(findComposeBox(document, second)?.el).toBe(second)
    expect(findComposeBox(document, first)?.el).toBe(first)
  })

  it("skips Roundcube's hidden textarea while its HTML editor is on, and finds nothing on a page without an editor", () => {
    const ta = document.createElement("textarea")
    ta.id = "composebody"
    ta.style.display = "none"
    document.body.append(ta)
    expect(findComposeBox(document, null)).toBeNull()
  })

  it("refuses content that is not the expected shape", () => {
    expect(parseComposeContent({ text: 1, blocks: [] })).toBeNull()
    expect(parseComposeContent({ text: "x", blocks: [{ kind: "script", text: "x" }] })).toBeNull()
    expect(parseComposeContent(content)).toEqual(content)
  })
})
