/**
 * A cXML OrderRequest pasted in a mail (a punch-out endpoint's rejected order forwarded by IT, a procurement system's
 * copy): written out as the words a purchase order uses (number, delivery day, ship-to address, a table of lines), so
 * the extractor reads it as any order. Pure.
 */

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null
}

function inner(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)
  return m === null ? null : m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()
}

function day(iso: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "")
  // Year first: read the same whoever writes the month first (a US buyer's "12/09/2026" would be 9 December).
  return m === null ? null : `${m[1]}/${m[2]}/${m[3]}`
}

/** The order as readable lines, or null when the text holds no cXML OrderRequest. */
export function cxmlOrder(text: string): string | null {
  if (!/<OrderRequest\b/.test(text)) return null
  const out: string[] = []
  const header = /<OrderRequestHeader\b[^>]*>/.exec(text)?.[0] ?? ""
  const id = attr(header, "orderID")
  if (id !== null) out.push(`Purchase order no: ${id}`)
  const shipTo = /<ShipTo\b[^>]*>([\s\S]*?)<\/ShipTo>/.exec(text)?.[1]
  if (shipTo !== undefined) {
    // A "DeliverTo" line (a warehouse, a site of the buyer's) heads the address with the addressee's name before it
    // ("Kingsley Supplies LLC, Dorchester Warehouse, 55 Freeport Street"); without one the name is the buyer's own, left
    // out as before. A US state goes before its ZIP code ("Dorchester, MA 02122").
    const site = inner(shipTo, "DeliverTo")
    const zip = [inner(shipTo, "State"), inner(shipTo, "PostalCode")].filter((p) => p !== null && p !== "").join(" ")
    const parts = [...(site !== null && site !== "" ? [inner(shipTo, "Name"), site] : []), inner(shipTo, "Street"), inner(shipTo, "City"), zip].filter((p): p is string => p !== null && p !== "")
    if (parts.length > 0) out.push(`Delivery address: ${parts.join(", ")}`)
  }
  const buyer = /<Contact\b[^>]*role="buyer"[^>]*>([\s\S]*?)<\/Contact>/.exec(text)?.[1]
  if (buyer !== undefined) out.push(`Buyer: ${[inner(buyer, "Name"), inner(buyer, "Email")].filter((p) => p !== null).join(", ")}`)
  const rows: string[] = []
  const days = new Set<string>()
  for (const m of text.matchAll(/<ItemOut\b([^>]*)>([\s\S]*?)<\/ItemOut>/g)) {
    const quantity = attr(m[1]!, "quantity")
    const code = inner(m[2]!, "SupplierPartID")
    if (quantity === null || code === null || !/^\d+(?:\.\d+)?$/.test(quantity)) continue
    rows.push(`${code} | ${inner(m[2]!, "Description") ?? ""} | ${quantity}`)
    const wanted = day(attr(m[1]!, "requestedDeliveryDate"))
    if (wanted !== null) days.add(wanted)
  }
  // The day may be asked for the whole order, on its header, rather than line by line.
  const wanted = days.size === 1 ? [...days][0] : day(attr(header, "requestedDeliveryDate"))
  if (wanted !== null && wanted !== undefined) out.push(`Requested delivery date: ${wanted}`)
  if (rows.length > 0) out.push("", "Ref | Description | Qty", ...rows)
  return out.length > 0 ? out.join("\n") : null
}

/** The text with the OrderRequest it holds written out, the XML itself left out. */
export function withCxmlRead(text: string): string {
  const read = cxmlOrder(text)
  if (read === null) return text
  const kept = text.replace(/<\?xml[\s\S]*<\/cXML>/, " ")
  // First, as an EDI gateway's order is: the note around it (IT's "please key it in", a signature) follows.
  return `${read}\n\n${kept}`
}
