import { describe, expect, it } from "vitest"

import { parseMailtoHref, parseTelHref } from "./href"

describe("parseTelHref", () => {
  it.each([
    ["tel:+33123456789", "+33123456789"],
    ["tel:0123456789", "+33123456789"],
    ["TEL:01.23.45.67.89", "+33123456789"],
    ["tel:01%2023%2045%2067%2089", "+33123456789"],
    ["tel:+1-212-555-0100", "+12125550100"],
    ["tel:0123456789;phone-context=+33", "+33123456789"],
    [" tel:+44 20 7946 0958", "+442079460958"]
  ])("reads %s as %s", (href, e164) => {
    expect(parseTelHref(href, "FR")?.e164).toBe(e164)
  })

  it("keeps the RFC 3966 extension", () => {
    expect(parseTelHref("tel:+1-212-555-0100;ext=123", "FR")).toEqual({ e164: "+12125550100", extension: "123" })
  })

  it("reads national numbers with the default country only", () => {
    expect(parseTelHref("tel:2125550100", "US")?.e164).toBe("+12125550100")
    expect(parseTelHref("tel:0123456789", null)).toBeNull()
  })

  it.each(["mailto:a@b.fr", "tel:", "tel:abc", "tel:12", "tel:%E0%A4%A"])("rejects %s", (href) => {
    expect(parseTelHref(href, "FR")).toBeNull()
  })
})

describe("parseMailtoHref", () => {
  it("reads the first address, lower-cased, without the query", () => {
    expect(parseMailtoHref("mailto:Jean@Exemple.FR?subject=Devis")).toBe("jean@exemple.fr")
    expect(parseMailtoHref("mailto:a@exemple.fr,b@exemple.fr")).toBe("a@exemple.fr")
    expect(parseMailtoHref("MAILTO:jean%40exemple.fr")).toBe("jean@exemple.fr")
  })

  it("rejects what is not one address", () => {
    expect(parseMailtoHref("mailto:")).toBeNull()
    expect(parseMailtoHref("mailto:jean")).toBeNull()
    expect(parseMailtoHref("mailto:jean@exemple.fr<script>")).toBeNull()
    expect(parseMailtoHref("https://exemple.fr")).toBeNull()
  })
})
