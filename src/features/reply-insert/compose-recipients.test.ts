// @vitest-environment jsdom
import { readFileSync } from "node:fs"
import { resolve } from "node:path"

import { beforeEach, describe, expect, it } from "vitest"

import { findComposeBox, type ComposeTarget } from "./compose-box"
import { composeRecipients } from "./compose-recipients"

/** The webmail's markup as the page's body (parsed, then moved into this document: the frame test needs a live one). */
const html = (markup: string) => {
  document.body.replaceChildren(...new DOMParser().parseFromString(markup, "text/html").body.childNodes)
}
const box = (): ComposeTarget => findComposeBox(document, null)!

beforeEach(() => document.body.replaceChildren())

describe("the recipients a compose box shows", () => {
  it("in Roundcube's elastic compose: the To and Cc the recipient widget keeps in its hidden textareas, and its chips", () => {
    html(`<form id="form" name="form">
      <div class="form-group row"><label for="_to">To</label><div class="col-10"><div class="input-group">
        <ul class="form-control recipient-input ac-input"><li class="recipient" title="Claire Martin <claire.martin@acme-industrie.fr>"><span class="name">Claire Martin</span><span class="email"> &lt;claire.martin@acme-industrie.fr&gt;,</span><a class="button icon remove"></a></li><li class="input"><input type="text" value="paul@acme-industrie.fr"></li></ul>
        <textarea name="_to" id="_to" style="display:none">Claire Martin &lt;claire.martin@acme-industrie.fr&gt;, paul@acme-industrie.fr</textarea></div></div></div>
      <div class="form-group row"><label for="_cc">Cc</label><textarea name="_cc" id="_cc">Compta &lt;Compta@Acme-Industrie.fr&gt;</textarea></div>
      <textarea name="_message" id="composebody"></textarea></form>`)
    expect(composeRecipients(box())).toEqual(["claire.martin@acme-industrie.fr", "paul@acme-industrie.fr", "compta@acme-industrie.fr"])
  })

  it("in the real Roundcube 1.6 reply form: the customer in the To, not what is put in the Bcc (the same widget)", () => {
    html(readFileSync(resolve(__dirname, "../../../tests/fixtures/webmail/roundcube-1.6-compose-reply.html"), "utf8"))
    const bcc = document.querySelector<HTMLTextAreaElement>("textarea#_bcc")!
    bcc.value = "jean@durand-bois.fr"
    const item = document.createElement("li")
    item.className = "recipient"
    item.title = "jean@durand-bois.fr"
    bcc.parentElement!.querySelector("ul.recipient-input")!.prepend(item)
    expect(composeRecipients({ kind: "textarea", el: document.querySelector<HTMLTextAreaElement>("textarea#composebody")! })).toEqual(["matheo.bouvier@laboratoires-prevost.fr"])
  })

  it("in Roundcube's HTML editor, whose body is in a frame: the fields of the page around the frame", () => {
    html(`<form><input name="_to" value="jean@durand-bois.fr"><iframe id="composebody_ifr"></iframe></form>`)
    const frame = document.querySelector("iframe")!
    frame.contentDocument!.body.setAttribute("contenteditable", "true")
    expect(composeRecipients(box())).toEqual(["jean@durand-bois.fr"])
  })

  it("in Gmail: the chips of the To and Cc rows of that compose window, not another window's", () => {
    const compose = (to: string, cc: string) => `<div role="dialog"><form><table class="GS"><tbody>
      <tr><td><div class="anm" name="to"><div role="listbox"><div role="option" data-name="${to}" data-hovercard-id="${to}">${to}</div></div><input aria-label="To recipients"></div></td></tr>
      <tr><td><div class="anm" name="cc"><div role="listbox"><div role="option" data-name="Compta" data-hovercard-id="${cc}">Compta</div></div></div></td></tr></tbody></table></form>
      <div contenteditable="true" g_editable="true" role="textbox" aria-label="Message Body"></div></div>`
    html(compose("jean@durand-bois.fr", "compta@durand-bois.fr") + compose("claire.martin@acme-industrie.fr", "compta@acme-industrie.fr"))
    const second = document.querySelectorAll<HTMLElement>('[g_editable="true"]')[1]!
    expect(composeRecipients({ kind: "editable", el: second })).toEqual(["claire.martin@acme-industrie.fr", "compta@acme-industrie.fr"])
  })

  it("in Gmail's older compose: the hidden inputs holding each recipient", () => {
    html(`<form><table class="GS"><tr><td><div class="vR"><span email="claire.martin@acme-industrie.fr">Claire</span><input type="hidden" name="to" value="Claire Martin <claire.martin@acme-industrie.fr>"></div></td></tr></table>
      <div contenteditable="true" g_editable="true" role="textbox"></div></form>`)
    expect(composeRecipients(box())).toEqual(["claire.martin@acme-industrie.fr"])
  })

  it("in Outlook on the web, in French: the À and Cc wells, an address in a chip's title", () => {
    html(`<div><div role="textbox" aria-label="À"><span title="Jean Durand <jean@durand-bois.fr>">Jean Durand</span></div>
      <div role="textbox" aria-label="Cc"><span>agent2@comptoir-demo.test</span></div>
      <div contenteditable="true" role="textbox" aria-label="Corps du message"></div></div>`)
    expect(composeRecipients(box())).toEqual(["jean@durand-bois.fr", "agent2@comptoir-demo.test"])
  })

  it("none when the To is empty or the webmail's fields are not recognised", () => {
    html(`<form><input name="_to" value=""><textarea id="composebody"></textarea></form>`)
    expect(composeRecipients(box())).toEqual([])
    html(`<form><label>Destinataire <input name="dest" value="jean@durand-bois.fr"></label><textarea id="composebody"></textarea></form>`)
    expect(composeRecipients(box())).toEqual([])
  })
})
