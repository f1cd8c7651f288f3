import { getDocumentProxy } from "unpdf"

/**
 * The text of a PDF purchase order, one line per printed line and " | " between columns far apart, so a PO's
 * table reads like a pasted one. unpdf bundles a serverless PDF.js build (no worker, no canvas) that runs the same
 * in the background worker and in Node (the CLI and the bench).
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const pages: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const content = await page.getTextContent()
    const rows = new Map<number, { x: number; end: number; text: string; size: number }[]>()
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue
      const [, , , d, x, y] = item.transform as number[]
      const key = Math.round((y ?? 0) / 2)
      const size = Math.abs(d ?? 10) || 10
      const list = rows.get(key) ?? []
      list.push({ x: x ?? 0, end: (x ?? 0) + item.width, text: item.str, size })
      rows.set(key, list)
    }
    const lines = [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, items]) => {
        items.sort((a, b) => a.x - b.x)
        let line = ""
        let end = -Infinity
        for (const it of items) {
          if (line !== "") line += it.x - end > it.size * 1.5 ? " | " : it.x - end > it.size * 0.15 ? " " : ""
          line += it.text
          end = it.end
        }
        return line.trim()
      })
    pages.push(lines.join("\n"))
  }
  await pdf.cleanup()
  return pages.join("\n\n")
}
