// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest"

// Records which of the documents' heavy libraries are evaluated (the real modules are still used).
const evaluated = vi.hoisted(() => new Set<string>())
vi.mock("@cantoo/pdf-lib", async (importOriginal) => {
  evaluated.add("pdf-lib")
  return await importOriginal()
})
vi.mock("xmlbuilder2", async (importOriginal) => {
  evaluated.add("xmlbuilder2")
  return await importOriginal()
})
vi.mock("pdfmake/build/pdfmake", async (importOriginal) => {
  evaluated.add("pdfmake")
  return await importOriginal()
})

/**
 * The quote editor's chunk (issue #10) is what a New quote clicked right after the side panel or the softphone tab
 * opens waits for: what the form does not need to draw (the PDF, Factur-X) loads on the click that needs it. The
 * built chunk itself, without the modules its pages already hold: tests/e2e/quote-editor-chunk.spec.ts.
 */
describe("the quote editor drawn in place", () => {
  it("loads without the Factur-X writer (pdf-lib, xmlbuilder2) and without pdfmake", async () => {
    vi.stubGlobal("chrome", { runtime: { id: "x", sendMessage: vi.fn(), onMessage: { addListener: () => undefined, removeListener: () => undefined } } })
    const editor = await import("./in-place-quote")
    expect(editor.openQuoteInPlace).toBeTypeOf("function")
    expect([...evaluated]).toEqual([])
  })

  it("loads the Factur-X writer when an invoice's Factur-X is asked for", async () => {
    await import("~src/features/invoicing/factur-x-download")
    expect(evaluated).toContain("pdf-lib")
    expect(evaluated).toContain("xmlbuilder2")
  })
})
