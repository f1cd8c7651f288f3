import { randomBytes } from "node:crypto"

import type { FastifyInstance } from "fastify"
import * as z from "zod"

import type { Authenticator } from "../auth/authenticator"
import type { Db } from "../db/db"
import { authOf, requireAuth } from "../http/auth-hook"
import { HttpError, type ZodTypeProvider } from "../http/zod"
import { checkWebhookTarget, WebhookTargetError } from "./target-guard"

const WebhookView = z.object({ url: z.string(), enabled: z.boolean(), updatedAt: z.iso.datetime() })

const Delivery = z.object({
  id: z.number(),
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  body: z.string(),
  log: z.array(z.object({ attempt: z.number(), at: z.iso.datetime(), statusCode: z.number().nullable(), error: z.string().nullable(), durationMs: z.number() }))
})

export function webhookRoutes(app: FastifyInstance, db: Db, authn: Authenticator, opts: { allowPrivate: boolean } = { allowPrivate: false }): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const adminOnly = requireAuth(authn, ["admin"])

  r.put(
    "/admin/webhook",
    {
      preHandler: adminOnly,
      schema: {
        body: z.strictObject({
          url: z.url({ protocol: /^https?$/, error: "the webhook URL must be http(s)://…" }).max(2000),
          secret: z.string().min(16, "a secret has at least 16 characters").max(200).optional(),
          enabled: z.boolean().default(true)
        }),
        // The secret is shown once, here; later reads never return it.
        response: { 200: WebhookView.extend({ secret: z.string() }) }
      }
    },
    async (req) => {
      try {
        await checkWebhookTarget(req.body.url, opts.allowPrivate)
      } catch (err) {
        if (err instanceof WebhookTargetError) throw new HttpError(400, "webhook-target-refused", err.message)
        throw err
      }
      const secret = req.body.secret ?? randomBytes(32).toString("base64url")
      const [row] = await db.query<{ url: string; enabled: boolean; updated_at: Date }>(
        `INSERT INTO webhooks (team_id, url, secret, enabled) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, enabled = EXCLUDED.enabled, updated_at = now()
         RETURNING url, enabled, updated_at`,
        [authOf(req).teamId, req.body.url, secret, req.body.enabled]
      )
      return { url: row!.url, enabled: row!.enabled, updatedAt: row!.updated_at.toISOString(), secret }
    }
  )

  r.get("/admin/webhook", { preHandler: adminOnly, schema: { response: { 200: WebhookView } } }, async (req) => {
    const [row] = await db.query<{ url: string; enabled: boolean; updated_at: Date }>("SELECT url, enabled, updated_at FROM webhooks WHERE team_id = $1", [authOf(req).teamId])
    if (!row) throw new HttpError(404, "no-webhook", "no webhook is set for your team")
    return { url: row.url, enabled: row.enabled, updatedAt: row.updated_at.toISOString() }
  })

  r.delete("/admin/webhook", { preHandler: adminOnly }, async (req, reply) => {
    await db.query("DELETE FROM webhooks WHERE team_id = $1", [authOf(req).teamId])
    return reply.code(204).send()
  })

  r.get(
    "/admin/webhook/deliveries",
    {
      preHandler: adminOnly,
      schema: {
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), status: z.enum(["pending", "delivered", "failed"]).optional() }),
        response: { 200: z.object({ deliveries: z.array(Delivery) }) }
      }
    },
    async (req) => {
      const rows = await db.query<{
        delivery_id: number
        event: string
        status: "pending" | "delivered" | "failed"
        attempts: number
        created_at: Date
        delivered_at: Date | null
        next_attempt_at: Date
        body: string
        log: { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }[]
      }>(
        `SELECT d.delivery_id, d.event, d.status, d.attempts, d.created_at, d.delivered_at, d.next_attempt_at, d.body,
           coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code, 'error', a.error, 'duration_ms', a.duration_ms) ORDER BY a.attempt)
                     FROM webhook_attempts a WHERE a.delivery_id = d.delivery_id), '[]'::jsonb) AS log
         FROM webhook_deliveries d WHERE d.team_id = $1 AND ($2::text IS NULL OR d.status = $2)
         ORDER BY d.delivery_id DESC LIMIT $3`,
        [authOf(req).teamId, req.query.status ?? null, req.query.limit]
      )
      return {
        deliveries: rows.map((d) => ({
          id: d.delivery_id,
          event: d.event,
          status: d.status,
          attempts: d.attempts,
          createdAt: d.created_at.toISOString(),
          deliveredAt: d.delivered_at?.toISOString() ?? null,
          nextAttemptAt: d.status === "pending" ? d.next_attempt_at.toISOString() : null,
          body: d.body,
          log: d.log.map((a) => ({ attempt: a.attempt, at: new Date(a.at).toISOString(), statusCode: a.status_code, error: a.error, durationMs: a.duration_ms }))
        }))
      }
    }
  )
}
