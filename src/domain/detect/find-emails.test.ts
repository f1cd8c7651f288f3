import { describe, expect, it } from "vitest"

import { findEmails } from "./find-emails"

const emails = (text: string) => findEmails(text).map((m) => m.email)

describe("findEmails", () => {
  it("finds addresses with offsets and lower-cases them", () => {
    const text = "Écrivez à Jean.Dupont@Exemple.FR ou à compta+factures@sous.domaine.example.com."
    expect(findEmails(text)).toEqual([
      { start: 10, end: 32, email: "jean.dupont@exemple.fr" },
      { start: 38, end: 78, email: "compta+factures@sous.domaine.example.com" }
    ])
  })

  it.each([
    ["a full stop", "Contact : jean@exemple.fr.", "jean@exemple.fr"],
    ["a comma", "jean@exemple.fr, et voilà", "jean@exemple.fr"],
    ["a semicolon", "jean@exemple.fr;marie", "jean@exemple.fr"],
    ["a closing bracket", "(jean@exemple.fr)", "jean@exemple.fr"],
    ["angle brackets", "Jean Dupont <jean@exemple.fr>", "jean@exemple.fr"],
    ["a colon and a question mark", "jean@exemple.fr: ok? jean@exemple.fr?", "jean@exemple.fr"],
    ["quotes", "« jean@exemple.fr » 'jean@exemple.fr' \"jean@exemple.fr\"", "jean@exemple.fr"],
    ["a mailto: prefix", "mailto:jean@exemple.fr", "jean@exemple.fr"]
  ])("keeps %s out of the address", (_what, text, first) => {
    expect(emails(text)[0]).toBe(first)
    for (const e of emails(text)) expect(e).toBe(first)
  })

  it("reads addresses with accents and hyphens in the domain", () => {
    expect(emails("élodie@café-du-port.fr")).toEqual(["élodie@café-du-port.fr"])
  })

  it.each([
    ["a social handle", "Suivez @comptoir et @jean.dupont sur les réseaux"],
    ["an address without a top-level domain", "a@b et root@localhost"],
    ["a numeric top-level domain", "x@10.0.0.1"],
    ["a retina image name", "logo@2x.png et icon@3x.webp"],
    ["a lone at sign", "rendez-vous @ 14h"],
    ["a local part ending with a dot", "jean.@exemple.fr"],
    ["a domain with an empty label", "jean@exemple..fr"]
  ])("finds nothing in %s", (_what, text) => {
    expect(findEmails(text)).toEqual([])
  })

  it("does not take a handle glued to a word for an address", () => {
    expect(emails("merci@ tous, voir jean@exemple.fr")).toEqual(["jean@exemple.fr"])
  })

  it("rejects local parts longer than 64 characters", () => {
    expect(findEmails(`${"a".repeat(65)}@exemple.fr`)).toEqual([])
    expect(emails(`${"a".repeat(64)}@exemple.fr`)).toHaveLength(1)
  })
})
