import { TABLES } from "~src/domain/sync/tables"

import type { ComptoirDb } from "./database"
import type { PlainRows, PlainTable } from "./replicated-tables"

/**
 * Reads and writes one plain replicated table (calls, scripts, documents). Writes go through the table's zod
 * schema (the server's own), so a row the server would refuse is refused here, with its reason, before it
 * reaches the outbox; the outbox middleware records every write for the team.
 */
export class ReplicatedRepository<T extends PlainTable> {
  constructor(
    private readonly db: ComptoirDb,
    readonly table: T
  ) {}

  private get store() {
    return this.db.table<PlainRows[T], string>(this.table)
  }

  async get(id: string): Promise<PlainRows[T] | undefined> {
    return this.store.get(id)
  }

  /** Validates and stores a whole row; throws an Error naming the first field at fault. */
  async put(row: unknown): Promise<PlainRows[T]> {
    const r = TABLES[this.table].schema.safeParse(row)
    if (!r.success) {
      const issue = r.error.issues[0]!
      throw new Error(`${this.table}: ${issue.path.join(".") || "row"}: ${issue.message}`)
    }
    const value = r.data as PlainRows[T]
    await this.store.put(value)
    return value
  }

  /** Removes a row (the server decides whether it may go: a sent document may not). */
  async delete(id: string): Promise<void> {
    await this.store.delete(id)
  }

  async byCustomer(customerId: string): Promise<PlainRows[T][]> {
    return this.store.where("customerId").equals(customerId).toArray()
  }

  /** Rows whose index equals `value` (callLogs' `callId`: one call's outcome and its corrections). */
  async where(index: string, value: string): Promise<PlainRows[T][]> {
    return this.store.where(index).equals(value).toArray()
  }

  /** Rows whose indexed number is above `value` (an index of the table: callLogs' `callbackAt`). */
  async above(index: string, value: number): Promise<PlainRows[T][]> {
    return this.store.where(index).above(value).toArray()
  }

  /** The `limit` rows with the highest values of an index (callLogs' `startedAt`: the latest calls). */
  async latest(index: string, limit: number): Promise<PlainRows[T][]> {
    return this.store.orderBy(index).reverse().limit(limit).toArray()
  }

  async all(): Promise<PlainRows[T][]> {
    return this.store.toArray()
  }
}
