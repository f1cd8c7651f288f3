/** What the server needs from a database; PostgreSQL (pg) and PGlite both provide it. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>
}

export interface Db extends Queryable {
  readonly kind: "postgres" | "pglite"
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Several statements at once, without parameters (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
  /**
   * PostgreSQL only: LISTEN on `channels` over one connection of its own, reconnecting when it drops (then
   * `onReconnect`, since notifications sent meanwhile are lost). Resolves once listening; the result stops it.
   */
  listen?(channels: readonly string[], handlers: ListenHandlers): Promise<() => Promise<void>>
}

export interface ListenHandlers {
  onNotify(channel: string, payload: string): void
  onReconnect(): void
  onError(err: unknown): void
}

/** bigint columns come back as numbers: versions and ids stay far below 2^53. */
export function int8(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new Error(`int8 out of range: ${value}`)
  return n
}
