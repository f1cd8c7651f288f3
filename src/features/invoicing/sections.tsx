import { DocumentList, filtersFromPath, type ListKind } from "./document-list"
import { DocumentView } from "./document-view"
import { DunningScreen } from "./dunning-screen"

/**
 * The workspace sections of quote to cash: `#/<kind>` the list, `#/<kind>/customer/<id>` the list of one
 * customer (the card's links), `#/<kind>/<document id>` the document.
 */
function listSection(kind: ListKind) {
  return function DocumentsSection({ path }: { path: string[] }) {
    const id = path[0] && path[0] !== "customer" ? path[0] : null
    return id ? <DocumentView key={id} id={id} /> : <DocumentList key={path.join("/")} kind={kind} initial={filtersFromPath(path)} />
  }
}

export const QuotesSection = listSection("quotes")
export const OrdersSection = listSection("orders")
export const InvoicesSection = listSection("invoices")

export function DunningSection({ path }: { path: string[] }) {
  if (path[0] === "customer") return <DunningScreen key={path[1]} customerId={path[1] ?? null} />
  return path[0] ? <DocumentView key={path[0]} id={path[0]} /> : <DunningScreen customerId={null} />
}
