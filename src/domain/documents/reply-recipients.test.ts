import { describe, expect, it } from "vitest"

import { checkRecipients, customerDomains, recipientAddresses } from "./reply-recipients"

const contact = (id: string, emails: string[]) => ({ id, firstName: "", lastName: "", role: "", phones: [], emails })
const acme = { contacts: [contact("k1", ["claire.martin@acme-industrie.fr"]), contact("k2", ["compta.acme@orange.fr"])] }

describe("whether a reply is addressed to the customer a summary is about", () => {
  it("knows nothing when the compose box shows no recipient: the insertion goes on", () => {
    expect(checkRecipients([], acme)).toEqual({ kind: "unknown" })
    expect(checkRecipients(["", "  ", "undisclosed-recipients:;"], acme)).toEqual({ kind: "unknown" })
  })

  it("finds the customer when the reply goes to one of its contacts, whatever the case of the address", () => {
    expect(checkRecipients(["Claire.Martin@ACME-industrie.fr"], acme)).toEqual({ kind: "customer" })
    expect(checkRecipients(["compta.acme@orange.fr"], acme)).toEqual({ kind: "customer" })
  })

  it("finds the customer when a colleague of the contact at the customer's own domain, or a subdomain of it, is a recipient", () => {
    expect(checkRecipients(["achats@acme-industrie.fr"], acme)).toEqual({ kind: "customer" })
    expect(checkRecipients(["paul@compta.acme-industrie.fr"], acme)).toEqual({ kind: "customer" })
  })

  it("finds the customer when it is in copy of a reply written to a colleague", () => {
    expect(checkRecipients(["agent2@comptoir-demo.test", "claire.martin@acme-industrie.fr"], acme)).toEqual({ kind: "customer" })
  })

  it("says a reply to another customer or a colleague is addressed elsewhere, and to whom", () => {
    expect(checkRecipients(["jean@durand-bois.fr", "agent2@comptoir-demo.test"], acme)).toEqual({ kind: "elsewhere", recipients: ["jean@durand-bois.fr", "agent2@comptoir-demo.test"] })
  })

  it("does not take someone at a public mailbox provider for the customer because a contact writes from that provider", () => {
    expect(checkRecipients(["someone.else@orange.fr"], acme)).toEqual({ kind: "elsewhere", recipients: ["someone.else@orange.fr"] })
    expect(customerDomains(acme)).toEqual(new Set(["acme-industrie.fr"]))
  })

  it("does not take a look-alike domain for the customer's own", () => {
    expect(checkRecipients(["x@notacme-industrie.fr", "y@acme-industrie.fr.evil.com"], acme).kind).toBe("elsewhere")
  })

  it("says elsewhere when the customer has no address on file: nothing vouches for the reply", () => {
    expect(checkRecipients(["jean@durand-bois.fr"], { contacts: [] })).toEqual({ kind: "elsewhere", recipients: ["jean@durand-bois.fr"] })
  })

  it("keeps each address once, trimmed and in lower case", () => {
    expect(recipientAddresses([" A@B.fr ", "a@b.fr", "Anna <a@b.fr>"])).toEqual(["a@b.fr"])
  })
})
