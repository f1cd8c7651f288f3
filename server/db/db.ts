/** What the server needs from a database; PostgreSQL (pg) and PGlite both provide it. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>
}

export interface Db extends Queryable {
  readonly kind: "postgres" | "pglite"
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Statements run in order in one transaction, committed only if all succeed. On PostgreSQL they are sent
   * together, BEGIN to COMMIT, on a pipelined connection: one round trip instead of one per statement (the
   * group commit of `server/sync/write-batcher.ts`). Resolves to each statement's rows; if one fails, nothing
   * is committed and it rejects with a `BatchError` naming that statement.
   */
  batch<R extends object = Record<string, unknown>>(statements: readonly Statement[]): Promise<R[][]>
  /** Several statements at once, without parameters (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
  /**
   * PostgreSQL only: LISTEN on `channels` over one connection of its own, reconnecting when it drops (then
   * `onReconnect`, since notifications sent meanwhile are lost). Resolves once listening; the result stops it.
   */
  listen?(channels: readonly string[], handlers: ListenHandlers): Promise<() => Promise<void>>
}

export interface Statement {
  sql: string
  params?: readonly unknown[]
}

/** A batch rolled back: `index` is the statement that failed (-1: the batch itself, BEGIN, COMMIT or the connection). */
export class BatchError extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown
  ) {
    super(`batch rolled back: ${index < 0 ? "the transaction" : `statement ${index}`} failed: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

export interface ListenHandlers {
  onNotify(channel: string, payload: string): void
  onReconnect(): void
  onError(err: unknown): void
}

const PREPARED = new Map<string, string>()

/**
 * Marks a statement of the hot path (every push and pull runs it) to be prepared once per connection on
 * PostgreSQL, then only bound and executed: parsing and planning these statements cost PostgreSQL more than
 * running them (0.3–0.5 ms each against ~0.2 ms, measured in a 2,700-row team), on the cores the server and
 * its clients share. Returns `sql` unchanged; PGlite runs it as any other. The text must not be built per call
 * (one name, one text), and its result columns must be named (no `*`), so that a migration adding a column
 * leaves the prepared statement valid.
 */
export function prepared(name: string, sql: string): string {
  const known = PREPARED.get(sql)
  if (known !== undefined && known !== name) throw new Error(`statement prepared twice, as ${known} and ${name}`)
  if ([...PREPARED.values()].includes(name) && known === undefined) throw new Error(`two statements prepared as ${name}`)
  PREPARED.set(sql, name)
  return sql
}

/** The prepared statement's name of `sql`, if it is one (see `prepared`). */
export function preparedName(sql: string): string | undefined {
  return PREPARED.get(sql)
}

/** bigint columns come back as numbers: versions and ids stay far below 2^53. */
export function int8(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new Error(`int8 out of range: ${value}`)
  return n
}
