import * as z from "zod"

import { Customer, Product } from "../customers/customer.schema"
import { CreditNote, Invoice, Order, PaymentRecord, Quote } from "../documents/document.schema"
import { TeamSettingsRow } from "../documents/seller.schema"
import { transitionsOf, type DocumentType } from "../documents/workflow"
import { CallLog } from "../calls/call-log.schema"
import { CallScript } from "../scripts/script.schema"
import { CustomerPricing } from "../catalog/pricing"
import { customerChangeProblem, type CustomerChangeProblem } from "../customers/customer-rules"

export const Role = z.enum(["agent", "manager", "admin"])
export type Role = z.infer<typeof Role>

/** Editable records: each top-level field is its own register; the write the server orders last wins. */
export interface LwwRule {
  kind: "lww"
  /** Rows that documents point at (products): deactivated, never deleted; a delete is refused. */
  keepRows?: true
}

/** Facts that happened (a call, an outcome): created once, never edited, so they can never conflict. */
export interface AppendOnlyRule {
  kind: "append-only"
}

/**
 * Documents with a status (quotes, orders, invoices): every write names the version it was made on, and a
 * status may only move along `transitions`, so two agents cannot silently overwrite each other's decisions.
 */
export interface WorkflowRule {
  kind: "workflow"
  statusField: string
  /** Statuses a document may be created in. */
  initial: readonly string[]
  transitions: Readonly<Record<string, readonly string[]>>
  /** Statuses in which a document may still be deleted (a sent quote is kept for the record). */
  deletableIn: readonly string[]
}

export type TableRule = LwwRule | AppendOnlyRule | WorkflowRule
export type RuleKind = TableRule["kind"]

export interface TableDef {
  rule: TableRule
  /** The whole record as stored in `data`; a put's fields are checked one by one against its shape. */
  schema: z.ZodObject
  /** Roles allowed to write; absent means every member of the team. */
  writeRoles?: readonly Role[]
  /** Event name POSTed to the team's webhook for each new row of this table. */
  webhookEvent?: string
  /** A sales document: the server numbers it when issued and re-checks its totals (server/documents/issue.ts). */
  document?: DocumentType
  /**
   * Rules on a write beyond the record's schema (customers: SIREN and VAT keys, the payment-terms cap, who sets
   * a credit limit), given the row before (null: created) and after. `role` null on a device's own replay.
   */
  checkChange?: (prev: Readonly<Record<string, unknown>> | null, next: Readonly<Record<string, unknown>>, role: Role | null) => CustomerChangeProblem | null
}

export type TableRegistry = Readonly<Record<string, TableDef>>


function documentRule(type: DocumentType): WorkflowRule {
  return { kind: "workflow", statusField: "status", initial: ["draft"], transitions: transitionsOf(type), deletableIn: ["draft"] }
}

/**
 * The replicated tables. Documents are `workflow` tables: the server also numbers them when they are issued
 * and re-checks their totals (server/documents/issue.ts).
 */
export const TABLES = {
  customers: { rule: { kind: "lww" }, schema: Customer, checkChange: customerChangeProblem },
  // Products are deactivated, not deleted: quotes and invoices keep pointing at them (issue #10).
  products: { rule: { kind: "lww", keepRows: true }, schema: Product, writeRoles: ["manager", "admin"] },
  callLogs: { rule: { kind: "append-only" }, schema: CallLog, webhookEvent: "callLog.created" },
  /** Call scripts: the team's own, edited by managers, used by everyone (issue #9). */
  callScripts: { rule: { kind: "lww" }, schema: CallScript, writeRoles: ["manager", "admin"] },
  quotes: { rule: documentRule("quote"), document: "quote", schema: Quote },
  orders: { rule: documentRule("order"), document: "order", schema: Order, webhookEvent: "order.created" },
  invoices: { rule: documentRule("invoice"), document: "invoice", schema: Invoice, webhookEvent: "invoice.created" },
  creditNotes: { rule: documentRule("credit-note"), document: "credit-note", schema: CreditNote },
  payments: { rule: { kind: "append-only" }, schema: PaymentRecord, webhookEvent: "payment.created" },
  // The team's settings: one row, "seller" (the identity on quotes and invoices, the quotes' validity).
  teamSettings: { rule: { kind: "lww" }, schema: TeamSettingsRow, writeRoles: ["manager", "admin"] },
  // A customer's discount and special prices, one row per customer (its id): managers set prices (issue #10).
  customerPrices: { rule: { kind: "lww" }, schema: CustomerPricing, writeRoles: ["manager", "admin"] }
} as const satisfies TableRegistry

export type TableName = keyof typeof TABLES

/** Whether a role may write a table's rows: the server's rule, also read by clients to offer only what it would accept. */
export function mayWrite(def: Pick<TableDef, "writeRoles">, role: string): boolean {
  return !def.writeRoles || (def.writeRoles as readonly string[]).includes(role)
}
