import type { OutcomeDraft } from "~src/domain/calls/outcome-draft"

import type { ComptoirDb } from "./database"

/**
 * Outcomes not saved yet (device-local: never replicated). One record per call (or per customer for a call
 * logged by hand); `createdAt` is kept across rewrites so the "to log" list keeps its order.
 */
export class OutcomeDraftRepository {
  constructor(private readonly db: ComptoirDb) {}

  get(id: string): Promise<OutcomeDraft | undefined> {
    return this.db.outcomeDrafts.get(id)
  }

  /** Writes the typed values over the stored draft, in one transaction (a keystroke and the call's end may race). */
  async keep(id: string, patch: Pick<OutcomeDraft, "context" | "values" | "summary">, now: number): Promise<void> {
    await this.db.transaction("rw", this.db.outcomeDrafts, async () => {
      const cur = await this.db.outcomeDrafts.get(id)
      // A keystroke typed during the call knows no measure yet: it never erases the one the hang-up wrote; nor does
      // a form opened before a customer was made for the call's number erase that customer.
      const context = { ...patch.context, measured: patch.context.measured ?? cur?.context.measured ?? null, customer: patch.context.customer ?? cur?.context.customer ?? null }
      await this.db.outcomeDrafts.put({ id, ...patch, context, summary: patch.summary ?? cur?.summary ?? null, createdAt: cur?.createdAt ?? now, updatedAt: now })
    })
  }

  /**
   * The call ended: it is "to log" from now on. A draft typed during the call keeps its values; the call's
   * measured start and talk time replace the live ones.
   */
  async callEnded(id: string, context: OutcomeDraft["context"], summary: NonNullable<OutcomeDraft["summary"]>, now: number): Promise<void> {
    await this.db.transaction("rw", this.db.outcomeDrafts, async () => {
      const cur = await this.db.outcomeDrafts.get(id)
      await this.db.outcomeDrafts.put({ id, context: { ...context, customer: context.customer ?? cur?.context.customer ?? null }, values: cur?.values ?? null, summary, createdAt: cur?.createdAt ?? now, updatedAt: now })
    })
  }

  async delete(id: string): Promise<void> {
    await this.db.outcomeDrafts.delete(id)
  }

  async pending(limit: number): Promise<OutcomeDraft[]> {
    return this.db.outcomeDrafts.orderBy("createdAt").reverse().limit(limit).toArray()
  }
}
