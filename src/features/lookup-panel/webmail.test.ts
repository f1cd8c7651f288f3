// @vitest-environment jsdom
import { describe, expect, it } from "vitest"

import { knownWebmail } from "./webmail"

const page = (html: string, bodyClass = ""): Document => new DOMParser().parseFromString(`<body class="${bodyClass}">${html}</body>`, "text/html")

describe("which pages are webmails with a reading pane", () => {
  it("knows Gmail and Outlook on the web by their hosts", () => {
    expect(knownWebmail("mail.google.com", page(""))).toBe("gmail")
    expect(knownWebmail("outlook.office.com", page(""))).toBe("outlook")
    expect(knownWebmail("outlook.live.com", page(""))).toBe("outlook")
  })

  it("knows a self-hosted Roundcube by its mail views, on any origin", () => {
    expect(knownWebmail("mail.example.fr", page('<table id="messagelist"></table><iframe id="messagecontframe"></iframe>', "task-mail action-none"))).toBe("roundcube")
    expect(knownWebmail("127.0.0.1", page('<div id="messagebody"></div>', "task-mail action-show"))).toBe("roundcube")
  })

  it("takes a CRM for what it is, even one that shows a list of messages", () => {
    expect(knownWebmail("crm.example.fr", page('<table id="messagelist"></table>'))).toBeNull()
    expect(knownWebmail("127.0.0.1", page("<h1>Contacts</h1>", "task-mail"))).toBeNull()
    expect(knownWebmail("google.com", page(""))).toBeNull()
  })
})
