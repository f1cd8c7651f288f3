// Prints the text of a PDF, pages joined, as JSON: run by the quote e2e spec in its own process (Playwright
// loads specs as CommonJS, pdfjs-dist is an ES module). Usage: node tests/e2e/pdf-text.mjs <file.pdf>
import { readFileSync } from "node:fs"

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs")
const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), useSystemFonts: false }).promise
const pages = []
for (let p = 1; p <= pdf.numPages; p++) {
  const content = await (await pdf.getPage(p)).getTextContent()
  pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "))
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pages.join(" ").replace(/[\s\u00a0\u202f]+/g, " "), title: (await pdf.getMetadata()).info?.Title ?? null }))
