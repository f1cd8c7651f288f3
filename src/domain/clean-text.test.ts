import { describe, expect, it } from "vitest"

import { cleanText, cleanTextDeep } from "./clean-text"

describe("cleanText", () => {
  it("removes a NUL and the other control characters, keeping tabs and line breaks", () => {
    expect(cleanText("before\u0000after")).toBe("beforeafter")
    expect(cleanText("a\u0001b\u0007c\u001bd\u001f")).toBe("abcd")
    expect(cleanText("col1\tcol2\nline2")).toBe("col1\tcol2\nline2")
  })

  it("turns carriage returns into line feeds, once per line break", () => {
    expect(cleanText("12 rue Haute\r\n75001 Paris")).toBe("12 rue Haute\n75001 Paris")
    expect(cleanText("old\rmac")).toBe("old\nmac")
  })

  it("replaces half of an emoji by the replacement character and keeps whole ones", () => {
    expect(cleanText("cut \ud83d")).toBe("cut \ufffd")
    expect(cleanText("\ude00 reversed")).toBe("\ufffd reversed")
    expect(cleanText("\ude00\ud83d")).toBe("\ufffd\ufffd")
    expect(cleanText("whole 😀 and cut \ud83d😀")).toBe("whole 😀 and cut \ufffd😀")
  })

  it("returns clean text itself, accents and emoji included", () => {
    const s = "Société Générale — Œuvre 😀 café"
    expect(cleanText(s)).toBe(s)
    expect(cleanText("")).toBe("")
  })
})

describe("cleanTextDeep", () => {
  it("cleans every string of a request, keys included, and leaves numbers and booleans", () => {
    expect(cleanTextDeep({ email: "a\u0000@b.c", names: ["x\ud83d", "ok"], limit: 5, on: true, nested: { "k\u0000": null } })).toEqual({
      email: "a@b.c",
      names: ["x\ufffd", "ok"],
      limit: 5,
      on: true,
      nested: { k: null }
    })
  })

  it("returns the same object when nothing needed cleaning", () => {
    const v = { a: ["b", { c: "d" }], n: 1 }
    expect(cleanTextDeep(v)).toBe(v)
  })
})

describe("text entering through an import", () => {
  it("reaches the rows cleaned, header and cells alike", async () => {
    const { parseCsv } = await import("./import/parse")
    const parsed = parseCsv("code;company\u0000;notes\r\nC-1;Dupont\u0000 SA;cut \ud83d\r\n", { delimiter: ";" })
    expect(parsed.headers).toEqual(["code", "company", "notes"])
    expect(parsed.rows.map((r) => r.cells)).toEqual([["C-1", "Dupont SA", "cut \ufffd"]])
  })
})
