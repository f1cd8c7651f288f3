import { newId } from "../../src/domain/ids"
import { mergeMutation, rowId, toConflict, type RowState } from "../../src/domain/sync/merge"
import { decodeCursor, encodeCursor, CursorError, type Conflict, type Mutation, type PullResponse, type PushRequest, type PushResponse, type RowData } from "../../src/domain/sync/protocol"
import type { TableRegistry } from "../../src/domain/sync/tables"
import type { AuthContext } from "../auth/users"
import { prepared, type Db, type Queryable } from "../db/db"
import { applyDocumentRules, applyPaymentRules, documentNumberPrefix, SELLER, type NumberAllocator } from "../documents/issue"
import { timingMark } from "../http/request-timing"
import { HttpError } from "../http/zod"
import { PAYMENT_CANCELLED, paymentCancellation } from "../webhooks/payment-cancelled"
import { rewrote } from "./rewritten"
import type { WriteBatcher } from "./write-batcher"

/**
 * Group commit of the locked writes (`write`), and grouping of the reads without a lock (`read`: the push's read,
 * the incremental pull). Each statement sent to PostgreSQL wakes a backend, and on a loaded machine the
 * scheduler gives it the core at once: the server's thread waits for its turn after every socket write (a CPU
 * profile of a 50-agent burst: 790 ms of 1,780 busy in `writev`). A team's reads arriving together leave in one
 * write and run one after the other in one backend, each with its own snapshot as before (READ COMMITTED: the
 * shared transaction only groups them).
 */
export interface Batchers {
  write?: WriteBatcher | undefined
  read?: WriteBatcher | undefined
}

export interface PushOutcome {
  response: PushResponse
  /** Something was written: poke the team. */
  wrote: boolean
  /** Webhook deliveries were queued: wake the worker. */
  queuedWebhooks: number
}

/** A NOTIFY the push sends in its own locked statement (PostgreSQL's poke to the other server processes). */
export interface PokeNotice {
  channel: string
  origin: string
}

/**
 * A push locks the team row last: it reads and decides without a lock, then one statement takes the team's
 * version (the row lock that orders pushes, so versions are handed out in commit order and a pull can never
 * skip a row that commits late), numbers the documents it issues, writes its rows only where they are still at
 * the versions it read, and records the client's mutation id; the commit follows at once. The team and counter
 * locks are held for that statement and the commit, not for the reads and checks. If anything it read changed
 * meanwhile (another push of the same row or client), it rolls back, numbers included, and runs again the
 * old way: lock first, read, decide, write, commit (`pushUnderLock`). Pushes that must read other rows of the
 * customer to decide (orders and credit notes: risk and credited amounts; payments), or that queue webhooks,
 * always go the old way.
 */
export async function push(
  db: Db,
  tables: TableRegistry,
  auth: AuthContext,
  req: PushRequest,
  /** Runs inside the transaction when the push wrote something (the poke's NOTIFY, delivered at the commit). */
  beforeCommit?: (tx: Queryable, version: number) => Promise<void>,
  /** Given, the NOTIFY goes into the locked statement instead of `beforeCommit` (one round trip less under the lock). */
  notice?: PokeNotice,
  /**
   * write: the locked statement shares its transaction with the team's others arriving meanwhile (group commit).
   * read: so does the read before it, with the team's other reads (see `Batchers`).
   */
  batchers: Batchers = {}
): Promise<PushOutcome> {
  const fast = await pushLockingLast(db, tables, auth, req, beforeCommit, notice, batchers)
  return fast ?? pushUnderLock(db, tables, auth, req, beforeCommit)
}

/**
 * The client and the pushed rows, by primary key. The LATERAL … LIMIT 1 keeps it one index lookup per key
 * whatever the statistics say: written as a join, the planner hashed the keys against every row of the team
 * (a 2,700-row team: 1.2 ms of PostgreSQL's time per push instead of 0.1 ms, and more in PGlite, which runs
 * in the server's own thread).
 */
const READ_STATE = prepared(
  "comptoir_push_read",
  `SELECT
     (SELECT row_to_json(c) FROM (SELECT team_id, user_id, last_mutation_id FROM clients WHERE client_id = $2) c) AS client,
     (SELECT coalesce(json_agg(json_build_object('t', r.table_name, 'k', r.id, 'd', r.data, 'v', r.version, 'x', r.deleted)), '[]')
        FROM jsonb_to_recordset($3::jsonb) AS k(t text, k text)
        CROSS JOIN LATERAL (SELECT table_name, id, data, version, deleted FROM rows WHERE team_id = $1 AND table_name = k.t AND id = k.k LIMIT 1) r) AS rows,
     EXISTS (SELECT 1 FROM webhooks WHERE team_id = $1 AND enabled) AS webhook`
)

/**
 * The rows a push reads: its own, and with a document the team's seller identity (issuing checks it), read in
 * the same statement rather than in one more round trip per document.
 */
function keysToRead(tables: TableRegistry, req: PushRequest): { t: string; k: string }[] {
  const keys = new Map(req.mutations.map((m) => [rowId(m.table, m.key), { t: m.table, k: m.key }]))
  if (req.mutations.some((m) => tables[m.table]?.document)) keys.set(rowId(SELLER.table, SELLER.key), { t: SELLER.table, k: SELLER.key })
  return [...keys.values()]
}

interface ReadState {
  client: { team_id: string; user_id: string; last_mutation_id: number } | null
  rows: { t: string; k: string; d: RowData | null; v: number; x: boolean }[]
  webhook: boolean
}

/** Mutations in order from the client's last acknowledged id: replays skipped, a gap stops the batch. */
function sequence(req: PushRequest, startedAt: number) {
  let last = startedAt
  let skipped = 0
  let gap: PushResponse["gap"]
  const toApply: Mutation[] = []
  for (const m of req.mutations) {
    if (m.mid <= last) {
      skipped++
      continue
    }
    if (m.mid !== last + 1) {
      gap = { expected: last + 1, got: m.mid }
      break
    }
    toApply.push(m)
    last = m.mid
  }
  return { last, skipped, gap, toApply }
}

async function pushLockingLast(
  db: Db,
  tables: TableRegistry,
  auth: AuthContext,
  req: PushRequest,
  beforeCommit: ((tx: Queryable, version: number) => Promise<void>) | undefined,
  notice: PokeNotice | undefined,
  { write: batcher, read: readBatcher }: Batchers
): Promise<PushOutcome | null> {
  const lockFirst = req.mutations.some((m) => m.table === "payments" || tables[m.table]?.document === "order" || tables[m.table]?.document === "credit-note")
  if (lockFirst) return null
  const readParams = [auth.teamId, req.clientId, JSON.stringify(keysToRead(tables, req))]
  const [state] = readBatcher ? await readBatcher.run<ReadState>(auth.teamId, READ_STATE, readParams) : await db.query<ReadState>(READ_STATE, readParams)
  timingMark("read")
  if (!state || state.webhook) return null
  const client = state.client
  if (client && (client.team_id !== auth.teamId || client.user_id !== auth.userId)) throw clientNotYours()
  const startedAt = client?.last_mutation_id ?? 0
  const { last, skipped, gap, toApply } = sequence(req, startedAt)

  const read = new Map<string, RowState>(state.rows.map((r) => [rowId(r.t, r.k), { version: r.v, deleted: r.x, data: r.d }]))
  const current = new Map(read)
  const changed = new Map<string, { table: string; key: string; deleted: boolean; data: RowData | null }>()
  // Documents issued by this push: their number is taken in the locked statement, one per type and year.
  const deferred = new Map<string, { type: string; year: number }>()
  // Rows the rules rewrote otherwise than by a number (see `rewrote`).
  const rewritten = new Set<string>()
  const slotOf = (n: { type: string; year: number }) => `${n.type}\u0000${n.year}`
  for (const m of toApply) {
    const def = tables[m.table]!
    const id = rowId(m.table, m.key)
    const before = current.get(id)
    const merged = mergeMutation(def, before, m, { role: auth.role })
    let asked: { type: string; year: number } | undefined
    const later: NumberAllocator = async (_tx, _team, type, year) => {
      asked = { type, year }
      return null
    }
    const result = def.document ? await applyDocumentRules(db, auth.teamId, def.document, before, merged, Date.now(), { userId: auth.userId, role: auth.role }, current, later) : merged
    // A conflict or a no-op decided on rows that may have moved: let the locked path decide it.
    if (result.kind !== "write") return null
    if (asked) {
      // Two documents of one type and year in one push: the locked path numbers them in order.
      const slot = slotOf(asked)
      if ([...deferred].some(([other, n]) => other !== id && slotOf(n) === slot)) return null
      deferred.set(id, asked)
    }
    if (rewrote(merged, result)) rewritten.add(id)
    current.set(id, { version: -1, deleted: result.deleted, data: result.data })
    changed.set(id, { table: m.table, key: m.key, deleted: result.deleted, data: result.data })
  }

  const rows = [...changed.entries()].map(([id, c]) => {
    const n = deferred.get(id)
    return { t: c.table, k: c.key, d: c.data, x: c.deleted, nt: n?.type ?? null, ny: n?.year ?? null, np: n ? documentNumberPrefix(n.type as never, n.year) : null }
  })
  const expected = [...changed.keys()].flatMap((id) => {
    const r = read.get(id)
    const c = changed.get(id)!
    return r ? [{ t: c.table, k: c.key, v: r.version }] : []
  })
  const slots = [...new Map([...deferred.values()].map((n) => [slotOf(n), { ty: n.type, yr: n.year }])).values()]
  const params = [auth.teamId, req.clientId, auth.userId, JSON.stringify(rows), JSON.stringify(slots), JSON.stringify(expected), last, startedAt, notice?.channel ?? null, notice?.origin ?? null, changed.size > 0, changed.size]
  const outcome = (version: number, numbers: WrittenNumber[] | undefined): PushOutcome => {
    const numbered = (numbers ?? []).flatMap((w) => {
      const id = rowId(w.t, w.k)
      const c = changed.get(id)
      return c && deferred.has(id) ? [{ table: c.table, key: c.key, version, deleted: c.deleted, data: { ...c.data, number: w.n } }] : []
    })
    const others = [...rewritten].flatMap((id) => {
      const c = changed.get(id)!
      return deferred.has(id) ? [] : [{ table: c.table, key: c.key, version, deleted: c.deleted, data: c.data }]
    })
    return {
      response: { lastMutationId: last, applied: toApply.length, skipped, ...(gap ? { gap } : {}), conflicts: [], version, ...(numbered.length ? { numbered } : {}), ...(others.length ? { rewritten: others } : {}) },
      wrote: changed.size > 0,
      queuedWebhooks: 0
    }
  }
  timingMark("decided")
  try {
    if (notice || !beforeCommit) {
      // One statement in its own transaction: the locks are held only while PostgreSQL runs it and commits,
      // never across a round trip to this process (which, under load, waits for a core before it answers).
      // With a batcher, the team's statements arriving together share one transaction and one commit.
      const [res] = batcher ? await batcher.run<LockedWriteResult>(auth.teamId, LOCKED_WRITE, params) : await db.query<LockedWriteResult>(LOCKED_WRITE, params)
      timingMark("committed")
      return outcome(res!.version, res!.numbers)
    }
    return await db.transaction(async (tx) => {
      const [res] = await tx.query<LockedWriteResult>(LOCKED_WRITE, params)
      if (changed.size > 0) await beforeCommit(tx, res!.version)
      timingMark("committed")
      return outcome(res!.version, res!.numbers)
    })
  } catch (e) {
    // The lock-first path decides again (and says "no-team" if the team is gone: the guard fails then too).
    if (e instanceof Error && e.message.includes(STALE_MARK)) return null
    throw e
  }
}

/** A number the locked statement wrote: table, key, number. */
interface WrittenNumber {
  t: string
  k: string
  n: string
}

interface LockedWriteResult {
  version: number
  numbers: WrittenNumber[]
}

/** What the guard's failed cast says: the rows or the client moved between the read and the lock. */
const STALE_MARK = "comptoir: stale read"

/**
 * The locked statement of `pushLockingLast`. The team's UPDATE comes first (every other part reads `t`), so the
 * team lock is always taken before a counter row's, as on the lock-first path: no deadlock between them.
 */
const LOCKED_WRITE = prepared(
  "comptoir_push_write",
  `WITH t AS (
           UPDATE teams SET version = version + 1 WHERE team_id = $1 RETURNING version
         ), n AS (
           INSERT INTO document_numbers (team_id, doc_type, year, last)
           SELECT $1, x.ty, x.yr, 1 FROM jsonb_to_recordset($5::jsonb) AS x(ty text, yr int) CROSS JOIN t
           ON CONFLICT (team_id, doc_type, year) DO UPDATE SET last = document_numbers.last + 1
           RETURNING doc_type, year, last
         ), w AS (
           INSERT INTO rows (team_id, table_name, id, data, version, deleted, updated_at, updated_by)
           SELECT $1, r.t, r.k,
                  CASE WHEN n.last IS NULL THEN r.d
                       ELSE jsonb_set(r.d, '{number}', to_jsonb(r.np || CASE WHEN length(n.last::text) >= 5 THEN n.last::text ELSE lpad(n.last::text, 5, '0') END)) END,
                  t.version, r.x, now(), $3
           FROM jsonb_to_recordset($4::jsonb) AS r(t text, k text, d jsonb, x boolean, nt text, ny int, np text)
           CROSS JOIN t LEFT JOIN n ON n.doc_type = r.nt AND n.year = r.ny
           ON CONFLICT (team_id, table_name, id) DO UPDATE
             SET data = EXCLUDED.data, version = EXCLUDED.version, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
             -- Only over the version this push read (a row it read as absent has none: created meanwhile, refused).
             WHERE rows.version = (SELECT e.v FROM jsonb_to_recordset($6::jsonb) AS e(t text, k text, v bigint) WHERE e.t = rows.table_name AND e.k = rows.id)
           RETURNING table_name AS t, id AS k, data->>'number' AS no
         ), c AS (
           INSERT INTO clients (client_id, team_id, user_id, last_mutation_id) SELECT $2::text, $1::text, $3::text, $7::bigint FROM t
           ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, last_seen_at = now()
             WHERE clients.team_id = EXCLUDED.team_id AND clients.user_id = EXCLUDED.user_id AND clients.last_mutation_id = $8::bigint
           RETURNING 1
         ), p AS (
           SELECT pg_notify($9, json_build_object('t', $1::text, 'v', t.version, 'o', $10::text)::text) FROM t WHERE $9::text IS NOT NULL AND $11::boolean
         )
         SELECT s.version, s.notified, s.numbers,
                -- Anything moved since the read: fail the statement, and with it the version, the numbers and the
                -- NOTIFY (a cast error carrying a marker; PostgreSQL has no RAISE outside PL/pgSQL).
                -- (s.notified is selected so that the NOTIFY's subquery is not pruned away.)
                (CASE WHEN s.written = $12::int AND s.client_stored = 1 THEN '0' ELSE '${STALE_MARK}' END)::int AS guard
         FROM (SELECT (SELECT version FROM t) AS version, (SELECT count(*) FROM w)::int AS written,
                      -- The numbers written (the push keeps those it gave: the others are documents issued before).
                      (SELECT coalesce(json_agg(json_build_object('t', w.t, 'k', w.k, 'n', w.no)), '[]') FROM w WHERE w.no IS NOT NULL AND $5::jsonb <> '[]'::jsonb) AS numbers, (SELECT count(*) FROM c)::int AS client_stored, (SELECT count(*) FROM p)::int AS notified) s`
)

/** The push with the team row lock taken first, held while it reads, decides, writes and commits. */
async function pushUnderLock(
  db: Db,
  tables: TableRegistry,
  auth: AuthContext,
  req: PushRequest,
  beforeCommit?: (tx: Queryable, version: number) => Promise<void>
): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    const [team] = await tx.query<{ version: number }>("UPDATE teams SET version = version + 1 WHERE team_id = $1 RETURNING version", [auth.teamId])
    if (!team) throw new HttpError(401, "no-team", "the team no longer exists")
    const version = team.version
    // A statement of its own, after the lock: its snapshot sees the push that held the lock before us. (Joined
    // into the UPDATE above, it would read the snapshot taken before the wait, and replay a duplicate push.)
    // No lock on the client row: a client belongs to one team, whose row lock already serializes its pushes.
    const [state] = await tx.query<ReadState>(READ_STATE, [auth.teamId, req.clientId, JSON.stringify(keysToRead(tables, req))])
    const client = state!.client
    if (client && (client.team_id !== auth.teamId || client.user_id !== auth.userId)) throw clientNotYours()
    const { last, skipped, gap, toApply } = sequence(req, client?.last_mutation_id ?? 0)

    const current = new Map<string, RowState>(state!.rows.map((r) => [rowId(r.t, r.k), { version: r.v, deleted: r.x, data: r.d }]))
    const changed = new Map<string, { table: string; key: string; deleted: boolean; data: RowData | null; created: boolean }>()
    const conflicts: Conflict[] = []
    // Documents that got their number here (see PushResponse.numbered).
    const numbered = new Set<string>()
    // Rows the rules rewrote otherwise (see `rewrote`; PushResponse.rewritten).
    const rewritten = new Set<string>()
    for (const m of toApply) {
      const def = tables[m.table]!
      const id = rowId(m.table, m.key)
      const before = current.get(id)
      const merged = mergeMutation(def, before, m, { role: auth.role })
      const actor = { userId: auth.userId, role: auth.role }
      const result = def.document
        ? await applyDocumentRules(tx, auth.teamId, def.document, before, merged, Date.now(), actor, current)
        : m.table === "payments"
          ? await applyPaymentRules(tx, auth.teamId, merged, current, actor)
          : merged
      if (result.kind === "conflict") {
        conflicts.push(toConflict(m, result.reason, result.message, before ? { table: m.table, key: m.key, version: before.version, deleted: before.deleted, data: before.data } : null))
      } else if (result.kind === "write") {
        const created = before === undefined || before.deleted
        const number = result.data?.number
        if (def.document && typeof number === "string" && number !== before?.data?.number) numbered.add(id)
        if (rewrote(merged, result)) rewritten.add(id)
        current.set(id, { version, deleted: result.deleted, data: result.data })
        const earlier = changed.get(id)
        changed.set(id, { table: m.table, key: m.key, deleted: result.deleted, data: result.data, created: earlier?.created ?? created })
      }
    }

    const deliveries = state!.webhook ? await webhookBodies(tx, tables, auth.teamId, version, [...changed.values()].filter((c) => c.created && !c.deleted), current) : []
    // Rows, webhook queue and the client's last mutation id in one statement (data-modifying CTEs all run).
    const [stored] = await tx.query<{ client_stored: number }>(
      `WITH w AS (
         INSERT INTO rows (team_id, table_name, id, data, version, deleted, updated_at, updated_by)
         SELECT $1, r.t, r.k, r.d, $2, r.x, now(), $3 FROM jsonb_to_recordset($4::jsonb) AS r(t text, k text, d jsonb, x boolean)
         ON CONFLICT (team_id, table_name, id) DO UPDATE
           SET data = EXCLUDED.data, version = EXCLUDED.version, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
         RETURNING 1
       ), h AS (
         INSERT INTO webhook_deliveries (team_id, event, body) SELECT $1, d.e, d.b FROM jsonb_to_recordset($5::jsonb) AS d(e text, b text) RETURNING 1
       ), c AS (
         INSERT INTO clients (client_id, team_id, user_id, last_mutation_id) VALUES ($6, $1, $3, $7)
         ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, last_seen_at = now()
           WHERE clients.team_id = EXCLUDED.team_id AND clients.user_id = EXCLUDED.user_id
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM c)::int AS client_stored`,
      [
        auth.teamId,
        version,
        auth.userId,
        JSON.stringify([...changed.values()].map((c) => ({ t: c.table, k: c.key, d: c.data, x: c.deleted }))),
        JSON.stringify(deliveries),
        req.clientId,
        last
      ]
    )
    // Another team's client inserted with this id between our read and write: refuse, roll back.
    if (stored?.client_stored !== 1) throw clientNotYours()
    if (changed.size > 0) await beforeCommit?.(tx, version)
    const asStored = (id: string) => {
      const c = changed.get(id)!
      return { table: c.table, key: c.key, version, deleted: c.deleted, data: c.data }
    }
    const rows = [...numbered].map(asStored)
    // Sent once: a numbered row is in `numbered` (which devices before `rewritten` read) and not again here.
    const others = [...rewritten].filter((id) => !numbered.has(id)).map(asStored)
    return {
      response: { lastMutationId: last, applied: toApply.length, skipped, ...(gap ? { gap } : {}), conflicts, version, ...(rows.length ? { numbered: rows } : {}), ...(others.length ? { rewritten: others } : {}) },
      wrote: changed.size > 0,
      queuedWebhooks: deliveries.length
    }
  })
}

function clientNotYours(): HttpError {
  return new HttpError(403, "client-not-yours", "this clientId belongs to another user or team: generate a new clientId after a login change")
}

async function webhookBodies(
  tx: Queryable,
  tables: TableRegistry,
  teamId: string,
  version: number,
  created: { table: string; key: string; data: RowData | null }[],
  pending: ReadonlyMap<string, RowState>
): Promise<{ e: string; b: string }[]> {
  const occurredAt = new Date().toISOString()
  const out: { e: string; b: string }[] = []
  for (const c of created) {
    const registered = tables[c.table]?.webhookEvent
    if (!registered) continue
    // A payment record that cancels another is no payment received: its own event, with the payment it undoes.
    const cancels = c.table === "payments" && typeof c.data?.cancels === "string"
    const event = cancels ? PAYMENT_CANCELLED : registered
    const extra = cancels ? { cancellation: await paymentCancellation(tx, teamId, c.data!, occurredAt, pending) } : {}
    // The body is fixed now, so every retry carries the same bytes and signature; `id` lets receivers dedupe.
    out.push({ e: event, b: JSON.stringify({ id: newId(), event, teamId, occurredAt, version, table: c.table, key: c.key, data: c.data, ...extra }) })
  }
  return out
}

/** A pull's page (see `pull`). */
const pullPage = (fromCursor: boolean) => `SELECT
       ${fromCursor ? "NULL" : "(SELECT count(*) FROM rows WHERE team_id = $1 AND NOT deleted)::int"} AS total,
       (SELECT row_to_json(t) FROM (SELECT version, tombstone_horizon FROM teams WHERE team_id = $1) t) AS team,
       (SELECT row_to_json(c) FROM (SELECT team_id, user_id, last_mutation_id FROM clients WHERE client_id = $2) c) AS client,
       (SELECT coalesce(json_agg(json_build_object('t', r.table_name, 'k', r.id, 'd', r.data, 'v', r.version, 'x', r.deleted) ORDER BY r.version, r.table_name, r.id), '[]')
          FROM (SELECT table_name, id, data, version, deleted FROM rows
                WHERE team_id = $1 AND (version, table_name, id) > ($3::bigint, $4::text, $5::text)
                  AND NOT (deleted AND version <= ${fromCursor ? "$7::bigint" : "(SELECT version FROM teams WHERE team_id = $1)"})
                ORDER BY version, table_name, id LIMIT $6) r) AS rows`
interface PullResult {
  team: { version: number; tombstone_horizon: number } | null
  client: { team_id: string; user_id: string; last_mutation_id: number } | null
  rows: { t: string; k: string; d: RowData | null; v: number; x: boolean }[]
  total: number | null
}

/** Every incremental pull runs it: prepared (see `prepared`). A pull from the start is rare and big: planned each time. */
const PULL_FROM_CURSOR = prepared("comptoir_pull", pullPage(true))
const PULL_FROM_START = pullPage(false)

export async function pull(db: Db, auth: AuthContext, q: { cursor: string; limit: number; clientId?: string | undefined }, readBatcher?: WriteBatcher): Promise<PullResponse> {
  let cursor
  try {
    cursor = decodeCursor(q.cursor)
  } catch (err) {
    if (err instanceof CursorError) throw new HttpError(400, "bad-cursor", `${err.message}: pass back the cursor of the last pull, or "" to start over`)
    throw err
  }
  // One statement, so one snapshot: the team head, the client's last mutation id and the rows agree.
  // A first pull needs no tombstones (there is nothing local to delete), on any of its pages: its cursors
  // carry the head it started at ($7), and only tombstones up to that head are skipped; a later delete may
  // remove a row an earlier page already brought, so it is sent.
  const params = [auth.teamId, q.clientId ?? null, cursor?.version ?? -1, cursor?.table ?? "", cursor?.key ?? "", q.limit + 1, ...(cursor ? [cursor.firstPullHead ?? -1] : [])]
  // An incremental pull goes with the team's other reads arriving together (`Batchers`); a pull from the start is
  // rare and big, and goes alone.
  const [res] = await (cursor && readBatcher ? readBatcher.run<PullResult>(auth.teamId, PULL_FROM_CURSOR, params) : db.query<PullResult>(cursor ? PULL_FROM_CURSOR : PULL_FROM_START, params))
  timingMark("queried")
  const team = res?.team
  if (!res || !team) throw new HttpError(401, "no-team", "the team no longer exists")
  if (cursor && cursor.version > team.version) {
    throw new HttpError(400, "cursor-from-future", `the cursor is at version ${cursor.version} but this team is at ${team.version}: it was not issued by this server for this team; pull from "" again`)
  }
  let lastMutationId: number | undefined
  if (q.clientId !== undefined) {
    if (res.client && (res.client.team_id !== auth.teamId || res.client.user_id !== auth.userId)) throw clientNotYours()
    lastMutationId = res.client?.last_mutation_id ?? 0
  }
  const extra = lastMutationId === undefined ? {} : { lastMutationId }
  if (cursor && cursor.horizon < team.tombstone_horizon && cursor.version <= team.tombstone_horizon) {
    return { rows: [], cursor: "", hasMore: true, resetRequired: true, version: team.version, ...extra }
  }
  const firstPullHead = cursor ? cursor.firstPullHead : team.version
  const hasMore = res.rows.length > q.limit
  const page = hasMore ? res.rows.slice(0, q.limit) : res.rows
  const tail = page.at(-1)
  return {
    rows: page.map((r) => ({ table: r.t, key: r.k, version: r.v, deleted: r.x, data: r.x ? null : r.d })),
    cursor: tail ? encodeCursor({ version: tail.v, table: tail.t, key: tail.k, horizon: team.tombstone_horizon, ...(firstPullHead === undefined ? {} : { firstPullHead }) }) : q.cursor,
    hasMore,
    version: team.version,
    ...(res.total === null ? {} : { total: res.total }),
    ...extra
  }
}

/**
 * Drops tombstones older than `olderThanMs` and raises each team's horizon to the newest purged version:
 * a client whose cursor is at or below it may have missed a delete, so its next pull says resetRequired.
 */
export async function purgeTombstones(db: Db, olderThanMs: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH purged AS (
       DELETE FROM rows WHERE deleted AND updated_at < now() - $1::bigint * interval '1 millisecond' RETURNING team_id, version
     ), horizons AS (
       UPDATE teams SET tombstone_horizon = GREATEST(teams.tombstone_horizon, p.v)
       FROM (SELECT team_id, max(version) AS v FROM purged GROUP BY team_id) p WHERE teams.team_id = p.team_id
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM purged)::int AS n`,
    [Math.floor(olderThanMs)]
  )
  return rows[0]?.n ?? 0
}
