/**
 * An EDIFACT ORDERS message pasted in a mail (an EDI gateway's fallback when the supplier's endpoint did not answer,
 * or an interchange forwarded by a customer's IT): segments ending in `'`, elements split by `+`, components by `:`.
 * Written out as the words a purchase order uses, so the extractor reads its number, day, address and lines as in
 * any order. Pure.
 */

/** Delivery dates by DTM qualifier: 2 requested, 64 earliest, 63 latest, 10 shipment; 137 is the document's own date. */
const DELIVERY_DTM = new Set(["2", "10", "63", "64", "69"])

function day(value: string, format: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value)
  return (format === "102" || format === "203" || format === "") && m !== null ? `${m[3]}/${m[2]}/${m[1]}` : null
}

/** The message as readable lines, or null when the text holds no ORDERS message. */
export function edifactOrders(text: string): string | null {
  if (!/\bUNH\+[^']*\+ORDERS:/.test(text)) return null
  const segments = text
    .split(/'\s*/)
    .map((s) => s.replace(/^[\s>]+/, "").trim())
    .filter((s) => /^[A-Z]{3}\+/.test(s))
  const out: string[] = []
  const rows: string[] = []
  let item: { code: string; name: string } | null = null
  for (const seg of segments) {
    const el = seg.split("+")
    const tag = el[0]
    if (tag === "BGM" && el[2]) out.push(`Purchase order no: ${el[2].split(":")[0]}`)
    else if (tag === "DTM") {
      const [qualifier = "", value = "", format = ""] = (el[1] ?? "").split(":")
      const d = DELIVERY_DTM.has(qualifier) ? day(value, format) : null
      if (d !== null) out.push(`Delivery date: ${d}`)
    } else if (tag === "NAD" && (el[1] === "DP" || el[1] === "ST")) {
      // NAD+DP+id::9+(name and address)+name+street+city+region+postcode+country
      const name = (el[4] ?? "").split(":").join(" ").trim()
      const street = (el[5] ?? "").split(":").join(", ").trim()
      const town = [el[6], el[8]].filter((x) => x !== undefined && x !== "").join(" ")
      const parts = [name, street, town].filter((x) => x !== "")
      if (parts.length > 0) out.push(`Delivery address: ${parts.join(", ")}`)
    } else if (tag === "LIN") {
      item = { code: (el[3] ?? "").split(":")[0] ?? "", name: "" }
    } else if (tag === "PIA" && item !== null && item.code === "") {
      item.code = (el[2] ?? "").split(":")[0] ?? ""
    } else if (tag === "IMD" && item !== null) {
      item.name = (el[3] ?? "").split(":").filter((x) => x !== "").join(" ")
    } else if (tag === "QTY" && item !== null && item.code !== "") {
      const [qualifier = "", quantity = ""] = (el[1] ?? "").split(":")
      // 21 ordered, 1 discrete: the quantity asked for.
      if ((qualifier === "21" || qualifier === "1") && /^\d+(?:\.\d+)?$/.test(quantity)) rows.push(`${item.code} | ${item.name} | ${quantity}`)
    }
  }
  if (rows.length > 0) out.push("", "Ref | Description | Qty", ...rows)
  return out.length > 0 ? out.join("\n") : null
}

/** The text with the ORDERS message it holds written out, the raw segments left out. */
export function withEdifactRead(text: string): string {
  const read = edifactOrders(text)
  if (read === null) return text
  const kept = text.split("\n").filter((l) => !/^[\s>]*[A-Z]{3}\+.*'\s*$/.test(l))
  // First: a gateway's notice around it ("This message was generated automatically…") reads as a footer.
  return `${read}\n\n${kept.join("\n")}`
}
