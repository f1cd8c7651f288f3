/**
 * The text of an HTML mail body, without a DOM (the extractor runs in the background worker and in Node):
 * table rows as lines of cells joined by " | " so a pasted purchase order keeps its columns, blocks and <br>
 * as line breaks (and a <pre>'s own line breaks), and quoted parts (<blockquote>, Gmail's "gmail_quote",
 * Outlook's reply header) prefixed with "> " like a plain-text reply, so the same quote stripping applies to both.
 */

const NAMED: Readonly<Record<string, string>> = {
  nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", eacute: "é", egrave: "è", ecirc: "ê", euml: "ë",
  agrave: "à", acirc: "â", auml: "ä", ccedil: "ç", icirc: "î", iuml: "ï", ocirc: "ô", ouml: "ö", ucirc: "û",
  ugrave: "ù", uuml: "ü", Eacute: "É", Egrave: "È", Agrave: "À", Ccedil: "Ç", oelig: "œ", OElig: "Œ", euro: "€",
  deg: "°", laquo: "«", raquo: "»", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", hellip: "…", ndash: "–",
  mdash: "—", times: "×", middot: "·", bull: "•", copy: "©", reg: "®", shy: "", zwnj: "", ordm: "º", sup2: "²"
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole
  })
}

const BLOCK = new Set(["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "section", "article", "header", "footer", "pre", "address", "hr", "dl", "dt", "dd"])
const SKIP = new Set(["head", "style", "script", "title", "xml"])

export function htmlToText(html: string): string {
  const out: string[] = []
  let line = ""
  let lineDepth = -1
  let quoteDepth = 0
  let skip = 0
  let cellInRow = 0
  // Inside <pre>: its own line breaks are the text's (a plain-text order pasted or sent as preformatted HTML).
  let pre = 0
  // Which open <div>/<blockquote> started a quote, so its closing tag ends it.
  const quoteStack: boolean[] = []

  // A block with only a space (Outlook's <p>&nbsp;</p>) or a <br> on its own is a blank line; closing an empty
  // block is not.
  const flush = (blank = false): void => {
    const text = line.replace(/[ \t\u00a0]+/g, " ").trim()
    const prefix = (lineDepth > 0 ? "> ".repeat(lineDepth) : "").trimEnd()
    if (text !== "") out.push(prefix === "" ? text : `${prefix} ${text}`)
    else if ((blank || line !== "") && out.length > 0 && out[out.length - 1] !== prefix) out.push(prefix)
    line = ""
    lineDepth = -1
  }
  const emit = (text: string): void => {
    if (text === "") return
    const parts = text.split("\n")
    parts.forEach((p, i) => {
      if (i > 0) flush()
      if (/^[ \t\r\n]*$/.test(p) && line === "") return
      if (lineDepth < 0) lineDepth = quoteDepth
      line += p
    })
  }

  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g
  let m: RegExpExecArray | null
  while ((m = re.exec(html)) !== null) {
    const [whole, closing, rawName, attrs, text] = m
    if (text !== undefined) {
      if (skip > 0) continue
      if (pre > 0)
        text.split(/\r?\n/).forEach((part, i) => {
          if (i > 0) flush(true)
          emit(decodeEntities(part))
        })
      else emit(decodeEntities(text.replace(/[\r\n]+/g, " ")))
      continue
    }
    if (rawName === undefined) {
      if (whole === "<" && skip === 0) emit("<")
      continue
    }
    const name = rawName.toLowerCase()
    if (SKIP.has(name)) {
      if (closing) skip = Math.max(0, skip - 1)
      else if (!/\/\s*$/.test(attrs ?? "")) skip++
      continue
    }
    if (skip > 0) continue
    if (name === "br") {
      flush(true)
      continue
    }
    if (name === "tr") {
      flush()
      cellInRow = 0
      continue
    }
    if (name === "td" || name === "th") {
      if (!closing) {
        if (cellInRow > 0) emit(" | ")
        cellInRow++
      }
      continue
    }
    if (name === "blockquote" || name === "div") {
      if (!closing) {
        const quote = name === "blockquote" || /class\s*=\s*["'][^"']*(gmail_quote|yahoo_quoted|moz-cite|divRplyFwdMsg)/i.test(attrs ?? "") || /id\s*=\s*["']?divRplyFwdMsg/i.test(attrs ?? "")
        flush()
        quoteStack.push(quote)
        if (quote) quoteDepth++
      } else {
        flush()
        if (quoteStack.pop() === true) quoteDepth = Math.max(0, quoteDepth - 1)
      }
      continue
    }
    if (name === "li" && !closing) {
      flush()
      emit("- ")
      continue
    }
    if (name === "pre") pre = closing ? Math.max(0, pre - 1) : pre + 1
    if (BLOCK.has(name)) flush()
  }
  flush()
  while (out.length > 0 && out[out.length - 1] === "") out.pop()
  return out.join("\n")
}
