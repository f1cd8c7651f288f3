import type { CallRecord } from "~src/domain/telephony/call-record"

import type { ComptoirDb } from "./database"

/** Call records: append-only. A record is written once (its id is the call's); a second write of the same id is refused. */
export class CallRepository {
  constructor(private readonly db: ComptoirDb) {}

  /** Adds the record; false when this call was already logged (a repeated "ended" report). */
  async append(record: CallRecord): Promise<boolean> {
    try {
      await this.db.calls.add(record)
      return true
    } catch (e) {
      if (e instanceof Error && e.name === "ConstraintError") return false
      throw e
    }
  }

  async recent(limit: number): Promise<CallRecord[]> {
    return this.db.calls.orderBy("startedAt").reverse().limit(limit).toArray()
  }

  async forCustomer(customerId: string): Promise<CallRecord[]> {
    return (await this.db.calls.where("customerId").equals(customerId).toArray()).sort((a, b) => b.startedAt - a.startedAt)
  }
}

export class SecretStore {
  constructor(private readonly db: ComptoirDb) {}
  async get(key: string): Promise<string | null> {
    return (await this.db.secrets.get(key))?.value ?? null
  }
  async set(key: string, value: string): Promise<void> {
    await this.db.secrets.put({ key, value })
  }
  async delete(key: string): Promise<void> {
    await this.db.secrets.delete(key)
  }
}
