import type { Table } from "dexie"

import type { PaymentRecord, SalesDocument } from "~src/domain/documents/document.schema"
import type { AnyDoc, CreditNoteDoc, InvoiceDoc, OrderDoc } from "~src/domain/documents/flow"

import type { ComptoirDb } from "./database"
import { ReplicatedRepository } from "./replicated-repository"

const TABLES = ["quotes", "orders", "invoices", "creditNotes"] as const
type DocTable = (typeof TABLES)[number]
const TABLE_OF: Record<AnyDoc["type"], DocTable> = { quote: "quotes", order: "orders", invoice: "invoices", "credit-note": "creditNotes" }

/**
 * The replicated document tables as the background reads them. Writes go through `ReplicatedRepository`, so the
 * outbox middleware records them and the sync engine pushes them (the server then numbers and re-checks).
 */
export class DocumentStore {
  private readonly repos
  constructor(private readonly db: ComptoirDb) {
    this.repos = {
      quotes: new ReplicatedRepository(db, "quotes"),
      orders: new ReplicatedRepository(db, "orders"),
      invoices: new ReplicatedRepository(db, "invoices"),
      creditNotes: new ReplicatedRepository(db, "creditNotes"),
      payments: new ReplicatedRepository(db, "payments")
    }
  }

  private table<T>(name: DocTable | "payments"): Table<T, string> {
    return this.db.table(name)
  }

  async all(type: AnyDoc["type"]): Promise<AnyDoc[]> {
    return this.table<AnyDoc>(TABLE_OF[type]).toArray()
  }

  async byCustomer(customerId: string): Promise<{ quotes: AnyDoc[]; orders: OrderDoc[]; invoices: InvoiceDoc[]; creditNotes: CreditNoteDoc[]; payments: PaymentRecord[] }> {
    const [quotes, orders, invoices, creditNotes, payments] = await Promise.all([
      ...TABLES.map((t) => this.table<AnyDoc>(t).where("customerId").equals(customerId).toArray()),
      this.table<PaymentRecord>("payments").where("customerId").equals(customerId).toArray()
    ])
    return { quotes: quotes as AnyDoc[], orders: orders as OrderDoc[], invoices: invoices as InvoiceDoc[], creditNotes: creditNotes as CreditNoteDoc[], payments: payments as PaymentRecord[] }
  }

  /** A document by id, whatever its type (ids are unique across types). */
  async find(id: string): Promise<AnyDoc | null> {
    for (const t of TABLES) {
      const d = await this.table<AnyDoc>(t).get(id)
      if (d) return d
    }
    return null
  }

  /** Invoices whose number is this one (case aside): a mail's "facture F-2026-0142", never a number like it. */
  async invoicesNumbered(number: string): Promise<InvoiceDoc[]> {
    return this.table<InvoiceDoc>("invoices").where("number").equalsIgnoreCase(number).toArray()
  }

  async payments(): Promise<PaymentRecord[]> {
    return this.table<PaymentRecord>("payments").toArray()
  }

  async creditNotes(): Promise<CreditNoteDoc[]> {
    return this.table<CreditNoteDoc>("creditNotes").toArray()
  }

  /** Documents whose source is this one (the order of a quote, the invoice of an order, a credit note of an invoice). */
  async derivedFrom(doc: AnyDoc): Promise<AnyDoc[]> {
    const mine = await this.byCustomer(doc.customerId)
    return [...mine.quotes, ...mine.orders, ...mine.invoices, ...mine.creditNotes].filter((d) => d.sourceId === doc.id)
  }

  /** Through the table's schema (the server's own): a row the server would refuse fails here, with its reason. */
  async put(doc: SalesDocument | AnyDoc): Promise<void> {
    await this.repos[TABLE_OF[doc.type]].put(doc)
  }

  async putPayment(p: PaymentRecord): Promise<void> {
    await this.repos.payments.put(p)
  }
}
