import type { FastifyInstance, FastifyReply } from "fastify"
import * as z from "zod"

import { MIN_CLIENT_SCHEMA_VERSION, PullQuery, PullResponse, pushRequestSchema, PushResponse, SCHEMA_VERSION, ServerRow, type RowData } from "../../src/domain/sync/protocol"
import type { TableRegistry } from "../../src/domain/sync/tables"
import type { Authenticator } from "../auth/authenticator"
import { consumeToken, issueToken, type AuthContext } from "../auth/users"
import type { Db, Queryable } from "../db/db"
import { authOf, bearerToken, requireAuth } from "../http/auth-hook"
import { timingMark } from "../http/request-timing"
import { HttpError, type ZodTypeProvider } from "../http/zod"
import type { WebhookWorker } from "../webhooks/worker"
import { LocalPokeBus, type PokeBus } from "./poke-bus"
import { pull, push, type Batchers } from "./sync-service"

/**
 * The pull's reply as checked before it is sent: PullResponse, except that each row's data is checked to be an
 * object without being copied key by key (zod's record builds a new object for every row of every page: most of
 * the check's cost, paid again by every agent pulling the same rows after a burst). The data comes back from
 * jsonb, and was checked field by field against its table when it was pushed.
 */
export const PullReply = PullResponse.extend({
  rows: z.array(ServerRow.extend({ data: z.custom<RowData>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "a row's data is an object").nullable() }))
})

const TICKET_TTL_MS = 60_000
const HEARTBEAT_MS = 25_000

export interface SyncDeps {
  db: Db
  tables: TableRegistry
  pokes: PokeBus
  webhooks: WebhookWorker
  authn: Authenticator
  /** Open SSE replies, ended on shutdown. */
  streams: Set<FastifyReply>
  /** Group commit of the pushes' locked statements, and grouping of the team's reads; absent, each runs alone. */
  batchers?: Batchers
}

export function syncRoutes(app: FastifyInstance, deps: SyncDeps): void {
  const { db, tables, pokes } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()
  const authed = requireAuth(deps.authn)

  r.post(
    "/sync/push",
    {
      preHandler: authed,
      // Before the body is checked against today's tables: an old client must hear "update", not "bad field".
      preValidation: async (req) => {
        const v = (req.body as { schemaVersion?: unknown } | null)?.schemaVersion
        if (typeof v === "number" && v < MIN_CLIENT_SCHEMA_VERSION) {
          throw new HttpError(426, "client-too-old", `this extension speaks sync schema ${v}; the server needs ${MIN_CLIENT_SCHEMA_VERSION} or newer (current ${SCHEMA_VERSION}). Update the extension: your unsent changes are kept until then.`)
        }
        if (typeof v === "number" && v > SCHEMA_VERSION) {
          throw new HttpError(400, "server-too-old", `this extension speaks sync schema ${v} but the server only knows ${SCHEMA_VERSION}: ask your admin to update the server`)
        }
      },
      schema: { body: pushRequestSchema(tables), response: { 200: PushResponse } }
    },
    async (req) => {
      timingMark("signed-in")
      const auth = authOf(req)
      // The in-process bus announces nothing inside the transaction: without that hook, the push's write is one
      // statement (and can join a group commit) on PGlite too.
      const announce = pokes instanceof LocalPokeBus ? undefined : (tx: Queryable, version: number) => pokes.announce(tx, auth.teamId, version)
      const outcome = await push(db, tables, auth, req.body, announce, pokes.notice, deps.batchers)
      if (outcome.wrote) pokes.publish(auth.teamId, outcome.response.version)
      if (outcome.queuedWebhooks > 0) deps.webhooks.kick()
      return outcome.response
    }
  )

  r.get("/sync/pull", { preHandler: authed, schema: { querystring: PullQuery, response: { 200: PullReply } } }, async (req) => {
    timingMark("signed-in")
    return pull(db, authOf(req), req.query, deps.batchers?.read)
  })

  r.post("/sync/events/ticket", { preHandler: authed, schema: { response: { 200: z.object({ ticket: z.string(), expiresAt: z.iso.datetime() }) } } }, async (req) => {
    const t = await issueToken(db, "sse-ticket", authOf(req), TICKET_TTL_MS)
    return { ticket: t.token, expiresAt: t.expiresAt.toISOString() }
  })

  r.get("/sync/events", { schema: { querystring: z.strictObject({ ticket: z.string().max(200).optional() }) } }, async (req, reply) => {
    // fetch() streaming (the service worker, which has no EventSource) sends the bearer header; an
    // EventSource page cannot, so it trades its token for a one-use ticket valid one minute. A long-lived
    // token never goes into a URL, where proxies and logs keep it.
    const header = bearerToken(req)
    let auth: AuthContext | null = null
    if (header) auth = await deps.authn.session(header)
    else if (req.query.ticket) auth = await consumeToken(db, req.query.ticket, "sse-ticket")
    if (!auth) throw new HttpError(401, "bad-token", header || req.query.ticket ? "the token or ticket is unknown, expired or used" : "send Authorization: Bearer <token>, or ?ticket= from POST /sync/events/ticket")
    const [team] = await db.query<{ version: number }>("SELECT version FROM teams WHERE team_id = $1", [auth.teamId])

    reply.hijack()
    const res = reply.raw
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" })
    const send = (version: number) => res.write(`event: poke\ndata: ${JSON.stringify({ version })}\n\n`)
    res.write("retry: 3000\n\n")
    // The current head at once: a client that was away pulls as soon as it reconnects.
    send(team?.version ?? 0)
    const unsubscribe = pokes.subscribe(auth.teamId, send)
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS)
    deps.streams.add(reply)
    const close = () => {
      clearInterval(heartbeat)
      unsubscribe()
      deps.streams.delete(reply)
    }
    req.raw.on("close", close)
    res.on("close", close)
  })
}
