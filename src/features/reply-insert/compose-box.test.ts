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
