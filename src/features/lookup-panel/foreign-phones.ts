import type { RequestOf, ResponseOf } from "~src/messaging/contract"

/** Numbers per lookup (the contract allows 500). */
const MAX_PER_REQUEST = 200
/** Values remembered per page, asked or confirmed: bounds memory on an endless page. */
const MAX_REMEMBERED = 5_000

export interface ForeignPhonesDeps {
  lookup(req: RequestOf<"lookup/match">): Promise<ResponseOf<"lookup/match">>
  /** Some candidates were confirmed: the page should be read again so they are decorated and looked up. */
  onConfirmed(): void
}

/**
 * National numbers read in another country of the base (not the default one) are candidates: "020 7946 0321" is
 * a London number to a team with British customers, and the same digits may be valid elsewhere. A candidate is
 * kept only when the base has it: this asks the background (one exact lookup per batch, phones only) and keeps
 * the numbers that hit; the scanner reads the page again and then keeps them (detect-all.ts `acceptForeign`).
 * A candidate that missed is not asked again on this page.
 */
export class ForeignPhones {
  private readonly confirmed = new Set<string>()
  private readonly asked = new Set<string>()
  private queue: string[] = []
  private scheduled = false
  private disposed = false

  constructor(private readonly deps: ForeignPhonesDeps) {}

  readonly accepts = (e164: string): boolean => this.confirmed.has(e164)

  readonly ask = (e164: string): void => {
    if (this.disposed || this.asked.has(e164) || this.asked.size >= MAX_REMEMBERED) return
    this.asked.add(e164)
    this.queue.push(e164)
    if (this.scheduled) return
    this.scheduled = true
    setTimeout(() => void this.flush(), 0)
  }

  dispose(): void {
    this.disposed = true
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    const values = this.queue
    this.queue = []
    let added = 0
    for (let i = 0; i < values.length; i += MAX_PER_REQUEST) {
      const phones = values.slice(i, i + MAX_PER_REQUEST)
      let res: ResponseOf<"lookup/match">
      try {
        res = await this.deps.lookup({ phones, emails: [], codes: [], names: [] })
      } catch {
        // The background is waking up or gone: these stay unconfirmed, as they would without a hit.
        continue
      }
      if (this.disposed) return
      const asked = new Set(phones)
      for (const m of res.matches)
        for (const v of m.matchedValues)
          if (asked.has(v) && !this.confirmed.has(v)) {
            this.confirmed.add(v)
            added++
          }
    }
    if (added > 0 && !this.disposed) this.deps.onConfirmed()
  }
}
