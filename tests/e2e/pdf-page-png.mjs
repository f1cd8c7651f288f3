// Renders one page of a PDF to a PNG, to look at a document as the customer will (pdfjs-dist with @napi-rs/canvas,
// both already installed). Usage: node tests/e2e/pdf-page-png.mjs <file.pdf> <out.png> [page, 1 by default]
import { readFileSync, writeFileSync } from "node:fs"

import { createCanvas } from "@napi-rs/canvas"

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs")
const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])) }).promise
const page = await pdf.getPage(Number(process.argv[4] ?? 1))
const viewport = page.getViewport({ scale: 1.6 })
const canvas = createCanvas(viewport.width, viewport.height)
await page.render({ canvasContext: canvas.getContext("2d"), viewport, canvas }).promise
writeFileSync(process.argv[3], canvas.toBuffer("image/png"))
