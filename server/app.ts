import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify"
import * as z from "zod"

import { SCHEMA_VERSION } from "../src/domain/sync/protocol"
import { TABLES, type TableRegistry } from "../src/domain/sync/tables"
import { Authenticator } from "./auth/authenticator"
import { authRoutes } from "./auth/routes"
import type { Config } from "./config"
import type { Db } from "./db/db"
import { Notifications } from "./db/notifications"
import { documentRoutes } from "./documents/routes"
import { installJsonGuard, InvalidJsonError } from "./http/json-guard"
import { serializeRequest } from "./http/log-redaction"
import { installRequestTiming } from "./http/request-timing"
import { HttpError, installZod, RequestValidationError, type ZodTypeProvider } from "./http/zod"
import { pokeBusFor, type PokeBus } from "./sync/poke-bus"
import { syncRoutes } from "./sync/routes"
import { WriteBatcher } from "./sync/write-batcher"
import { purgeTombstones } from "./sync/sync-service"
import { webhookRoutes } from "./webhooks/routes"
import { telephonyRoutes } from "./telephony/routes"
import { twilioConfigFromEnv, type TwilioConfig } from "./telephony/twilio-config"
import { WebhookWorker } from "./webhooks/worker"

export interface AppOptions {
  db: Db
  config: Config
  /** Replicated tables; tests add workflow tables here before their schemas exist in src/domain. */
  tables?: TableRegistry
  logger?: FastifyServerOptions["logger"]
  /** Softphone (issue #9): Twilio's credentials; default from the TWILIO_* environment, null when not set up. */
  twilio?: TwilioConfig | null
}

export interface App {
  app: FastifyInstance
  webhooks: WebhookWorker
  pokes: PokeBus
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const { db, config } = opts
  const tables = opts.tables ?? TABLES
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel, redact: ["req.headers.authorization"], serializers: { req: serializeRequest } },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // SSE streams are hijacked and closed by us; anything else idle is closed at shutdown.
    forceCloseConnections: "idle",
    return503OnClosing: true
  })
  installZod(app)
  installRequestTiming(app, config.timingLog)
  installJsonGuard(app, config.jsonMaxDepth)
  app.decorateRequest("auth", null)
  allowExtensionOrigins(app, config.extensionIds)

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) {
      const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      if (retry !== undefined) void reply.header("retry-after", String(retry))
      return reply.code(err.statusCode).send({ error: err.code, message: err.message })
    }
    if (err instanceof InvalidJsonError) return reply.code(400).send({ error: "invalid", field: err.field, message: err.message, issues: err.issues })
    if (err instanceof RequestValidationError) return reply.code(400).send({ error: "bad-request", field: err.field, message: err.message, issues: err.issues })
    const status = err.statusCode ?? 500
    if (status >= 500) {
      req.log.error({ err }, "request failed")
      return reply.code(500).send({ error: "internal", message: "the server failed; the request was not applied, retry later" })
    }
    // Fastify's own 4xx (body too large, bad JSON, wrong content type): keep their status, name it clearly.
    const code = err.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? "body-too-large" : (err.code ?? "bad-request").toLowerCase()
    const message = err.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? `the body is larger than ${config.bodyLimit} bytes: push fewer mutations at once` : err.message
    return reply.code(status).send({ error: code, message })
  })
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: "not-found", message: `no route ${req.method} ${req.url.split("?")[0]}` }))

  app.withTypeProvider<ZodTypeProvider>().get(
    "/health",
    { schema: { response: { 200: z.object({ ok: z.literal(true), db: z.enum(["postgres", "pglite"]), schemaVersion: z.number() }) } } },
    async () => {
      await db.query("SELECT 1")
      return { ok: true as const, db: db.kind, schemaVersion: SCHEMA_VERSION }
    }
  )

  // Several processes on one PostgreSQL relay pokes and ended sessions through LISTEN/NOTIFY (one listening
  // connection per process); PGlite is one process.
  const notifications = new Notifications(db, app.log)
  const pokes = pokeBusFor(db, notifications, app.log)
  const webhooks = new WebhookWorker(db, { ...config.webhook, allowPrivate: config.webhookAllowPrivate }, app.log)
  const streams = new Set<FastifyReply>()
  const authn = new Authenticator(db, { notifications })
  authRoutes(app, db, config, authn)
  // Off with group commit (GROUP_COMMIT_MS=off): each statement alone, as before both.
  const batchers = config.groupCommitMs === null ? undefined : { write: new WriteBatcher(db, { windowMs: config.groupCommitMs }), read: new WriteBatcher(db, { windowMs: 0 }) }
  syncRoutes(app, { db, tables, pokes, webhooks, streams, authn, ...(batchers ? { batchers } : {}) })
  webhookRoutes(app, db, authn, { allowPrivate: config.webhookAllowPrivate })
  documentRoutes(app, authn)
  telephonyRoutes(app, db, authn, opts.twilio === undefined ? twilioConfigFromEnv(process.env) : opts.twilio)

  let purgeTimer: NodeJS.Timeout | undefined
  app.addHook("onReady", async () => {
    await notifications.start()
    webhooks.start()
    const purge = () => {
      purgeTombstones(db, config.tombstoneMs).catch((err: unknown) => app.log.error({ err }, "tombstone purge failed"))
    }
    purgeTimer = setInterval(purge, 3_600_000).unref()
  })
  app.addHook("preClose", async () => {
    clearInterval(purgeTimer)
    for (const s of streams) s.raw.end()
    streams.clear()
    await webhooks.stop()
    await notifications.close()
  })
  return { app, webhooks, pokes }
}

/**
 * CORS for the configured extensions only (`EXTENSION_IDS`; in demo mode also the locally built one, see
 * main.ts). Their service worker needs no CORS for hosts it holds a permission for, but a team server on an
 * address the user never granted (or the options page calling it) does. Web pages and every other extension
 * get nothing: a site or a stranger's extension cannot use a signed-in agent's browser against the server (the
 * token is a bearer header anyway, never a cookie).
 */
function allowExtensionOrigins(app: FastifyInstance, extensionIds: readonly string[]): void {
  const allowed = new Set(extensionIds.map((id) => (/^[a-p]{32}$/.test(id) ? `chrome-extension://${id}` : `moz-extension://${id}`)))
  app.addHook("onRequest", async (req, reply) => {
    const origin = req.headers.origin
    if (typeof origin !== "string" || !allowed.has(origin)) return
    reply.header("access-control-allow-origin", origin)
    reply.header("vary", "Origin")
    if (req.method === "OPTIONS") {
      reply.header("access-control-allow-methods", "GET, POST, PUT, DELETE")
      reply.header("access-control-allow-headers", "authorization, content-type")
      reply.header("access-control-max-age", "600")
      return reply.code(204).send()
    }
  })
}
