import { describe, expect, it } from "vitest"

import { originOf, senderKind } from "./sender"

const chromeExt = originOf("chrome-extension://abcdefghijklmnop/")!
const firefoxExt = originOf("moz-extension://0f1e2d3c-aaaa-bbbb-cccc-1234567890ab/")!

describe("senderKind", () => {
  it("counts the popup, options, side panel and offscreen document as extension pages", () => {
    for (const page of ["popup.html", "options.html", "sidepanel.html", "offscreen.html"]) {
      expect(senderKind({ url: `chrome-extension://abcdefghijklmnop/${page}`, origin: "chrome-extension://abcdefghijklmnop" }, chromeExt)).toBe("page")
    }
  })

  it("counts an extension page opened in a tab as a page, whatever the tab", () => {
    expect(senderKind({ url: "chrome-extension://abcdefghijklmnop/tabs/workspace.html#/customers" }, chromeExt)).toBe("page")
  })

  it("recognises Firefox's extension pages, which carry no origin", () => {
    expect(senderKind({ url: "moz-extension://0f1e2d3c-aaaa-bbbb-cccc-1234567890ab/options.html" }, firefoxExt)).toBe("page")
  })

  it("counts a content script in a web page or in a frame as a content script", () => {
    expect(senderKind({ url: "https://crm.example.com/contacts/12", origin: "https://crm.example.com" }, chromeExt)).toBe("content")
    expect(senderKind({ url: "about:blank", origin: "https://mail.example.com" }, chromeExt)).toBe("content")
    expect(senderKind({ url: "about:srcdoc", origin: "null" }, chromeExt)).toBe("content")
  })

  it("does not trust a page whose path or query only mentions the extension", () => {
    expect(senderKind({ url: "https://evil.example.com/chrome-extension://abcdefghijklmnop/" }, chromeExt)).toBe("content")
    expect(senderKind({ url: "https://abcdefghijklmnop/" }, chromeExt)).toBe("content")
    expect(senderKind({ url: "chrome-extension://otherextensionid/options.html" }, chromeExt)).toBe("content")
  })

  it("counts a sender with no URL and no origin as a content script", () => {
    expect(senderKind({}, chromeExt)).toBe("content")
    expect(senderKind({ url: "not a url" }, chromeExt)).toBe("content")
  })
})
