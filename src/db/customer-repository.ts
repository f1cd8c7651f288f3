import { codeKey, emailKey, lookupKeysOf, phoneKey, type Customer, type MatchKind } from "~src/domain/customers/customer.schema"

import type { ComptoirDb, StoredCustomer } from "./database"

export function toStoredCustomer(c: Customer): StoredCustomer {
  return { ...c, lookupKeys: lookupKeysOf(c) }
}

export function fromStored(s: StoredCustomer): Customer {
  const { lookupKeys: _keys, ...customer } = s
  return customer
}

export interface ExactMatch {
  customer: Customer
  matchedBy: Exclude<MatchKind, "name">
  matchedValues: string[]
}

const RANK: Record<ExactMatch["matchedBy"], number> = { email: 0, phone: 1, code: 2 }

export class CustomerRepository {
  constructor(private readonly db: ComptoirDb) {}

  async count(): Promise<number> {
    return this.db.customers.count()
  }

  async getMany(ids: readonly string[]): Promise<Customer[]> {
    const rows = await this.db.customers.bulkGet([...ids])
    return rows.filter((r): r is StoredCustomer => r !== undefined).map(fromStored)
  }

  async all(): Promise<Customer[]> {
    return (await this.db.customers.toArray()).map(fromStored)
  }

  /** Every stored code (upper case), read from the lookup index without loading a record. */
  async storedCodes(): Promise<Set<string>> {
    const keys = await this.db.customers.where("lookupKeys").startsWith("c:").keys()
    return new Set(keys.map((k) => String(k).slice(2)))
  }

  async getByCodes(codes: readonly string[]): Promise<Map<string, Customer>> {
    const rows = await this.db.customers.where("lookupKeys").anyOf(codes.map(codeKey)).toArray()
    return new Map(rows.map((r) => [r.code.toUpperCase(), fromStored(r)]))
  }

  /**
   * Customers holding any of the page's phones, emails or codes, each once, ranked email, then phone, then
   * code. Customers sharing a number all come back: they are never merged.
   */
  async findExact(q: { phones: readonly string[]; emails: readonly string[]; codes: readonly string[] }): Promise<ExactMatch[]> {
    const wanted = new Map<string, { kind: ExactMatch["matchedBy"]; value: string }>()
    for (const p of q.phones) wanted.set(phoneKey(p), { kind: "phone", value: p })
    for (const e of q.emails) wanted.set(emailKey(e), { kind: "email", value: e.toLowerCase() })
    for (const c of q.codes) wanted.set(codeKey(c), { kind: "code", value: c.toUpperCase() })
    if (wanted.size === 0) return []
    const rows = await this.db.customers.where("lookupKeys").anyOf([...wanted.keys()]).distinct().toArray()
    const matches: ExactMatch[] = []
    for (const row of rows) {
      let best: ExactMatch["matchedBy"] = "code"
      const values: string[] = []
      for (const key of row.lookupKeys) {
        const hit = wanted.get(key)
        if (!hit) continue
        values.push(hit.value)
        if (RANK[hit.kind] < RANK[best]) best = hit.kind
      }
      matches.push({ customer: fromStored(row), matchedBy: best, matchedValues: values })
    }
    matches.sort((a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || a.customer.company.localeCompare(b.customer.company))
    return matches
  }

  async bulkPut(customers: readonly Customer[]): Promise<void> {
    await this.db.customers.bulkPut(customers.map(toStoredCustomer))
  }

  async put(customer: Customer): Promise<void> {
    await this.db.customers.put(toStoredCustomer(customer))
  }

  async recent(limit: number): Promise<Customer[]> {
    const recents = await this.db.recentCustomers.orderBy("openedAt").reverse().limit(limit).toArray()
    return this.getMany(recents.map((r) => r.customerId))
  }

  async markOpened(customerId: string, at: number): Promise<void> {
    await this.db.recentCustomers.put({ customerId, openedAt: at })
  }
}
