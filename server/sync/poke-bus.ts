import { randomBytes } from "node:crypto"
import { EventEmitter } from "node:events"

import type { FastifyBaseLogger } from "fastify"

import type { Db } from "../db/db"

/** "Team T is now at version V", fanned out to the SSE streams of every server process. */
export interface PokeBus {
  publish(teamId: string, version: number): void
  subscribe(teamId: string, listener: (version: number) => void): () => void
  start(): Promise<void>
  close(): Promise<void>
}

/** In-process fan-out: enough where one process holds the database (PGlite locks its directory). */
export class LocalPokeBus implements PokeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  publish(teamId: string, version: number): void {
    this.emitter.emit(teamId, version)
  }

  subscribe(teamId: string, listener: (version: number) => void): () => void {
    this.emitter.on(teamId, listener)
    return () => this.emitter.off(teamId, listener)
  }

  /** Teams with at least one open stream here. */
  teams(): string[] {
    return this.emitter.eventNames().filter((n): n is string => typeof n === "string")
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}

export const POKE_CHANNEL = "comptoir_poke"

/**
 * Several processes on one PostgreSQL: a push pokes this process's streams at once and sends
 * `NOTIFY comptoir_poke` for the others, which each LISTEN on a connection of their own. A process ignores its
 * own notifications (already delivered). When its listening connection drops, the notifications sent
 * meanwhile are lost, so after reconnecting it pokes its streams with every watched team's current version.
 */
export class PgPokeBus implements PokeBus {
  private readonly local = new LocalPokeBus()
  /** Tells this process's notifications from the others'. */
  private readonly origin = randomBytes(6).toString("hex")
  private stop: (() => Promise<void>) | undefined

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger
  ) {}

  publish(teamId: string, version: number): void {
    this.local.publish(teamId, version)
    const payload = JSON.stringify({ t: teamId, v: version, o: this.origin })
    // After the push's commit: a lost notification delays other processes' clients to their next pull, it
    // never loses data; the push's reply does not wait for it.
    this.db.query("SELECT pg_notify($1, $2)", [POKE_CHANNEL, payload]).catch((err: unknown) => this.log.warn({ err }, "poke notification failed"))
  }

  subscribe(teamId: string, listener: (version: number) => void): () => void {
    return this.local.subscribe(teamId, listener)
  }

  async start(): Promise<void> {
    if (!this.db.listen) throw new Error("PgPokeBus needs a database that can LISTEN")
    this.stop = await this.db.listen(POKE_CHANNEL, {
      onNotify: (payload) => this.received(payload),
      onReconnect: () => {
        this.log.info("poke listener reconnected")
        void this.catchUp()
      },
      onError: (err) => this.log.warn({ err }, "poke listener connection failed; reconnecting")
    })
  }

  async close(): Promise<void> {
    await this.stop?.()
    this.stop = undefined
  }

  private received(payload: string): void {
    let m: { t?: unknown; v?: unknown; o?: unknown }
    try {
      m = JSON.parse(payload) as typeof m
    } catch {
      return
    }
    if (m.o === this.origin || typeof m.t !== "string" || typeof m.v !== "number") return
    this.local.publish(m.t, m.v)
  }

  private async catchUp(): Promise<void> {
    const teams = this.local.teams()
    if (teams.length === 0) return
    try {
      const rows = await this.db.query<{ team_id: string; version: number }>("SELECT team_id, version FROM teams WHERE team_id = ANY($1)", [teams])
      for (const r of rows) this.local.publish(r.team_id, r.version)
    } catch (err) {
      this.log.warn({ err }, "poke catch-up failed")
    }
  }
}

export function pokeBusFor(db: Db, log: FastifyBaseLogger): PokeBus {
  return db.listen ? new PgPokeBus(db, log) : new LocalPokeBus()
}
