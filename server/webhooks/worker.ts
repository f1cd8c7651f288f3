import { randomBytes } from "node:crypto"

import type { FastifyBaseLogger } from "fastify"

import type { Db } from "../db/db"
import { SIGNATURE_HEADER, sign } from "./signature"
import { postWebhook } from "./target-guard"

export interface WebhookOptions {
  retryBaseMs: number
  maxAttempts: number
  timeoutMs: number
  pollMs: number
  /** WEBHOOK_ALLOW_PRIVATE: deliver to loopback/private/link-local addresses too (tests, a lab). */
  allowPrivate?: boolean
}

interface Due {
  delivery_id: number
  lease: string
  body: string
  event: string
  attempts: number
  url: string
  secret: string
}

/**
 * Sends queued deliveries. Rows are claimed with a lease (`locked_until` and a lease token, SKIP LOCKED) so
 * several server processes share the queue without sending a delivery twice, and a sender that dies mid-send
 * only delays its delivery until the lease runs out (2 × the send timeout); then another process sends it
 * again, which the receiver recognises by `X-Comptoir-Delivery` (the body's `id` is the same). Failures back off
 * exponentially (base·2^(n-1), capped at an hour) until maxAttempts, then the delivery is marked failed.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true
  private again = false

  constructor(
    private readonly db: Db,
    private readonly opts: WebhookOptions,
    private readonly log: FastifyBaseLogger
  ) {}

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  /** Called after a push queued deliveries, so they go out now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return
    if (this.running) this.again = true
    else this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err: unknown) => this.log.error({ err }, "webhook worker failed"))
        .finally(() => {
          this.running = undefined
          if (this.stopped) return
          const again = this.again
          this.again = false
          this.schedule(again ? 0 : this.opts.pollMs)
        })
    }, ms)
    this.timer.unref()
  }

  /** Sends what is due now; returns how many were attempted. */
  async runOnce(): Promise<number> {
    let total = 0
    for (;;) {
      const due = await this.db.query<Due>(
        `UPDATE webhook_deliveries d SET locked_until = now() + $1::bigint * interval '1 millisecond', lease = $2
         FROM webhooks w
         WHERE d.delivery_id IN (
           SELECT delivery_id FROM webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
           ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
         AND w.team_id = d.team_id
         RETURNING d.delivery_id, d.lease, d.body, d.event, d.attempts, w.url, w.secret`,
        [this.opts.timeoutMs * 2, randomBytes(9).toString("base64url")]
      )
      if (due.length === 0 || this.stopped) return total
      total += due.length
      await Promise.all(due.map((d) => this.deliver(d)))
    }
  }

  private async deliver(d: Due): Promise<void> {
    const attempt = d.attempts + 1
    const started = performance.now()
    let statusCode: number | null = null
    let error: string | null = null
    try {
      // node:http rather than fetch: its lookup hook checks the address the connection really uses.
      const res = await postWebhook(
        d.url,
        { "content-type": "application/json", [SIGNATURE_HEADER]: sign(d.secret, d.body), "x-comptoir-event": d.event, "x-comptoir-delivery": String(d.delivery_id), "user-agent": "Comptoir-Webhook/1" },
        d.body,
        { timeoutMs: this.opts.timeoutMs, allowPrivate: this.opts.allowPrivate ?? false }
      )
      statusCode = res.statusCode
      if (res.statusCode >= 300 && res.statusCode < 400) error = `HTTP ${res.statusCode}: redirects are not followed, set the final URL`
      else if (res.statusCode < 200 || res.statusCode >= 300) error = `HTTP ${res.statusCode}`
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
    }
    const durationMs = Math.round(performance.now() - started)
    const ok = error === null
    const giveUp = !ok && attempt >= this.opts.maxAttempts
    const backoffMs = Math.min(this.opts.retryBaseMs * 2 ** (attempt - 1), 3_600_000)
    const recorded = await this.db.transaction(async (tx) => {
      // Only while this sender still holds the lease: if it ran out and another process took the delivery
      // over, that one's result is the one kept (the receiver may have seen both: it dedupes by delivery id).
      const held = await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, locked_until = NULL, lease = NULL,
           status = $3, delivered_at = CASE WHEN $3 = 'delivered' THEN now() END,
           next_attempt_at = now() + $4::bigint * interval '1 millisecond'
         WHERE delivery_id = $1 AND lease = $5 RETURNING 1`,
        [d.delivery_id, attempt, ok ? "delivered" : giveUp ? "failed" : "pending", backoffMs, d.lease]
      )
      if (held.length === 0) return false
      await tx.query("INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)", [d.delivery_id, attempt, statusCode, error, durationMs])
      return true
    })
    if (!recorded) this.log.warn({ deliveryId: d.delivery_id, attempt }, "webhook lease ran out before the delivery's result was recorded; another process took it over")
    if (!ok) this.log.warn({ deliveryId: d.delivery_id, attempt, error, giveUp }, "webhook delivery failed")
  }
}
