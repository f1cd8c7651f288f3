import * as z from "zod"

import type { TableRegistry } from "./tables"

/** Bumped when the shape of replicated data or of the protocol changes in a way old clients cannot follow. */
export const SCHEMA_VERSION = 1
/** The oldest client schema this code still accepts; older clients get 426 and must update. */
export const MIN_CLIENT_SCHEMA_VERSION = 1

export const MAX_MUTATIONS_PER_PUSH = 1000
export const MAX_PULL_LIMIT = 1000
export const DEFAULT_PULL_LIMIT = 500

export const ClientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "clientId must be 8–64 letters, digits, '-' or '_'")
export const TableNameField = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, "not a table name")
export const RowKey = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, "a key is 1–128 printable ASCII characters without spaces")
export const MutationId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const Version = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

export const RowData = z.record(z.string(), z.unknown())
export type RowData = z.infer<typeof RowData>

/** One local change as the client recorded it in its outbox; `mid` counts up by one per client. */
export const Mutation = z.strictObject({
  mid: MutationId,
  table: TableNameField,
  op: z.enum(["put", "delete"]),
  key: RowKey,
  /** The server version the change was made on; required for workflow tables, informative elsewhere. */
  baseVersion: Version.optional(),
  /** put: the fields written (a partial record merges field by field). delete: absent. */
  fields: RowData.optional()
})
export type Mutation = z.infer<typeof Mutation>

export const PushRequestEnvelope = z.strictObject({
  clientId: ClientId,
  schemaVersion: z.number().int().positive(),
  mutations: z.array(Mutation).max(MAX_MUTATIONS_PER_PUSH)
})
export type PushRequest = z.infer<typeof PushRequestEnvelope>

/**
 * The push body, checked against the table registry: unknown tables, unknown or mistyped fields and ops a
 * table forbids are refused here, before anything is written. Fields come out normalised (defaults, lower-
 * cased emails), so the server stores what the schemas say.
 */
export function pushRequestSchema(tables: TableRegistry) {
  return PushRequestEnvelope.transform((req, ctx) => {
    let previous = 0
    const mutations: Mutation[] = []
    req.mutations.forEach((m, i) => {
      if (m.mid <= previous) {
        ctx.addIssue({ code: "custom", path: ["mutations", i, "mid"], message: `mutation ids must increase (mid ${m.mid} after ${previous})`, input: m.mid })
      }
      previous = m.mid
      const checked = checkMutation(tables, m)
      if (!checked.ok) {
        ctx.addIssue({ code: "custom", path: ["mutations", i, ...checked.path], message: checked.message, input: m })
        return
      }
      mutations.push(checked.mutation)
    })
    return { ...req, mutations }
  })
}

export type CheckedMutation = { ok: true; mutation: Mutation } | { ok: false; path: (string | number)[]; message: string }

/** Static checks of one mutation against its table (no server state needed). */
export function checkMutation(tables: TableRegistry, m: Mutation): CheckedMutation {
  const def = Object.hasOwn(tables, m.table) ? tables[m.table] : undefined
  if (!def) return { ok: false, path: ["table"], message: `unknown table "${m.table}" (known: ${Object.keys(tables).join(", ")})` }
  if (m.op === "delete") {
    if (m.fields !== undefined) return { ok: false, path: ["fields"], message: "a delete carries no fields" }
    if (def.rule.kind === "append-only") return { ok: false, path: ["op"], message: `${m.table} is append-only: its rows cannot be deleted` }
    if (def.rule.kind === "workflow" && m.baseVersion === undefined) return { ok: false, path: ["baseVersion"], message: `${m.table} needs baseVersion on every write` }
    return { ok: true, mutation: m }
  }
  if (m.fields === undefined) return { ok: false, path: ["fields"], message: "a put needs fields" }
  if (def.rule.kind === "workflow" && m.baseVersion === undefined) return { ok: false, path: ["baseVersion"], message: `${m.table} needs baseVersion on every write (0 to create)` }
  const shape = def.schema.shape as Record<string, z.ZodType>
  const loose = def.schema.def.catchall !== undefined && def.schema.def.catchall._zod.def.type !== "never"
  const fields: RowData = {}
  for (const [name, value] of Object.entries(m.fields)) {
    const fieldSchema = Object.hasOwn(shape, name) ? shape[name] : undefined
    if (!fieldSchema) {
      if (loose) {
        fields[name] = value
        continue
      }
      return { ok: false, path: ["fields", name], message: `unknown field "${name}" for ${m.table}` }
    }
    const parsed = fieldSchema.safeParse(value)
    if (!parsed.success) {
      return { ok: false, path: ["fields", name], message: `${m.table}.${name}: ${parsed.error.issues.map((i) => i.message).join("; ")}` }
    }
    fields[name] = parsed.data
  }
  if ("id" in fields && fields.id !== m.key) return { ok: false, path: ["fields", "id"], message: `fields.id "${String(fields.id)}" differs from key "${m.key}"` }
  return { ok: true, mutation: { ...m, fields } }
}

export const ConflictReason = z.enum([
  /** workflow: the document changed on the server since baseVersion. */
  "stale",
  /** workflow: the status cannot move that way (or the document cannot be deleted in its status). */
  "illegal-transition",
  /** A partial put on a row that does not exist (never created or deleted): the result would be incomplete. */
  "missing",
  /** A put on an append-only row that already exists. */
  "append-only",
  /** The merged record breaks the table's schema. */
  "invalid",
  /** The user's role may not write this table. */
  "forbidden"
])
export type ConflictReason = z.infer<typeof ConflictReason>

export const ServerRow = z.object({
  table: z.string(),
  key: z.string(),
  version: Version,
  deleted: z.boolean(),
  /** null for a tombstone. */
  data: RowData.nullable()
})
export type ServerRow = z.infer<typeof ServerRow>

export const Conflict = z.object({
  mid: MutationId,
  table: z.string(),
  key: z.string(),
  reason: ConflictReason,
  message: z.string(),
  /** What the server holds now (null: no such row), for the user to resolve against. */
  serverRow: ServerRow.nullable()
})
export type Conflict = z.infer<typeof Conflict>

export const PushResponse = z.object({
  /** The last mutation id of this client the server has applied: drop outbox entries up to it. */
  lastMutationId: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  /** Replays: mids the server had already applied. */
  skipped: z.number().int().nonnegative(),
  /** Set when the batch stopped at a missing mid; the rest were not applied. */
  gap: z.object({ expected: MutationId, got: MutationId }).optional(),
  /** Conflicting mutations are consumed (their mid counts as applied) and reported with the server row. */
  conflicts: z.array(Conflict),
  /** The team version this push wrote at. */
  version: Version,
  /**
   * The documents this push numbered, as the server stored them: the device shows the number on the push's
   * answer instead of waiting for its next pull (one round trip to issue). Absent from servers before it.
   */
  numbered: z.array(ServerRow).optional(),
  /**
   * The other rows this push stored otherwise than the device sent them, as stored: the server's rules rewrote
   * them on taking them (a payment cancellation made offline before midnight and pushed after it is dated the day
   * the server takes it). The device writes them as it writes `numbered`, so what it shows is what the team
   * keeps from the push's answer on, not from its next pull. Absent when the push rewrote nothing, and from
   * servers before it.
   */
  rewritten: z.array(ServerRow).optional()
})
export type PushResponse = z.infer<typeof PushResponse>

export const PullQuery = z.strictObject({
  cursor: z.string().max(400).default(""),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** When given, the reply says up to which mutation this client's changes are included. */
  clientId: ClientId.optional()
})
export type PullQuery = z.infer<typeof PullQuery>

export const PullResponse = z.object({
  rows: z.array(ServerRow),
  /** Pass back unchanged; "" means "from the start". */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Deletes older than the cursor were purged: drop the pulled rows (keep the outbox) and pull again from "". */
  resetRequired: z.boolean().optional(),
  /** This client's last applied mutation as of this page; authoritative once hasMore is false. */
  lastMutationId: z.number().int().nonnegative().optional(),
  /** The team's version when this page was read. */
  version: Version,
  /** On the first page of a pull from the start: how many rows the whole pull brings (for a progress bar). */
  total: z.number().int().nonnegative().optional()
})
export type PullResponse = z.infer<typeof PullResponse>

export interface Cursor {
  version: number
  table: string
  key: string
  /**
   * The team's tombstone horizon when the cursor was issued. A cursor from before a purge, positioned at or
   * below the new horizon, may have missed deletes and must reset; one issued after it (a fresh pull's,
   * whose rows can be old) has missed nothing.
   */
  horizon: number
  /**
   * Set on every cursor of a pull from the start: the team's version when it began. Such a pull skips the
   * tombstones up to that version on every page (the device has nothing of theirs to delete), so it brings
   * exactly the `total` announced on its first page; a delete made after it began is still sent, since the
   * device may already hold the row it deletes.
   */
  firstPullHead?: number
}

/** Opaque to clients; keyset position (version, table, key) so paging never skips or repeats a row. */
export function encodeCursor(c: Cursor): string {
  const fields = [c.version, c.table, c.key, c.horizon, ...(c.firstPullHead === undefined ? [] : [c.firstPullHead])]
  return toBase64Url(JSON.stringify(fields))
}

/** null for "", the start; throws a readable error on anything that is not a cursor this server issued. */
export function decodeCursor(s: string): Cursor | null {
  if (s === "") return null
  let parsed: unknown
  try {
    parsed = JSON.parse(fromBase64Url(s))
  } catch {
    throw new CursorError("malformed cursor")
  }
  const r = z.union([z.tuple([Version, z.string().max(40), z.string().max(128), Version]), z.tuple([Version, z.string().max(40), z.string().max(128), Version, Version])]).safeParse(parsed)
  if (!r.success) throw new CursorError("malformed cursor")
  const [version, table, key, horizon, firstPullHead] = r.data
  return firstPullHead === undefined ? { version, table, key, horizon } : { version, table, key, horizon, firstPullHead }
}

export class CursorError extends Error {}

// btoa/atob rather than Buffer: this module also runs in the extension's service worker.
function toBase64Url(text: string): string {
  let binary = ""
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not base64url")
  const binary = atob(s.replace(/-/g, "+").replace(/_/g, "/"))
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)))
}

export const PokeEvent = z.object({ version: Version })
export type PokeEvent = z.infer<typeof PokeEvent>
