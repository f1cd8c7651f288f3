import { randomBytes } from "node:crypto"
import { EventEmitter } from "node:events"

import type { FastifyBaseLogger } from "fastify"

import type { Db, Queryable } from "../db/db"
import type { Notifications } from "../db/notifications"

/** "Team T is now at version V", fanned out to the SSE streams of every server process. */
export interface PokeBus {
  /**
   * Inside the push's transaction, before its commit: other processes hear it when (and only if) the push
   * commits; a rolled-back push pokes nobody, and a process that dies right after its commit has already
   * sent it.
   */
  announce(tx: Queryable, teamId: string, version: number): Promise<void>
  /** What `announce` sends, for a push that puts the NOTIFY into its own locked statement (sync-service.ts). */
  readonly notice?: { channel: string; origin: string }
  /** After the commit: this process's own streams. */
  publish(teamId: string, version: number): void
  subscribe(teamId: string, listener: (version: number) => void): () => void
}

/** In-process fan-out: enough where one process holds the database (PGlite locks its directory). */
export class LocalPokeBus implements PokeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  async announce(): Promise<void> {}

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
}

export const POKE_CHANNEL = "comptoir_poke"

/**
 * Several processes on one PostgreSQL: a push sends `NOTIFY comptoir_poke` inside its transaction (PostgreSQL
 * delivers it at the commit, exactly once, and never for a rolled-back push), and pokes this process's streams
 * itself after the commit. The others LISTEN (one connection per process, `Notifications`). A process ignores
 * its own notifications (already delivered). When its listening connection drops, the notifications sent
 * meanwhile are lost, so after reconnecting it pokes its streams with every watched team's current version.
 */
export class PgPokeBus implements PokeBus {
  private readonly local = new LocalPokeBus()
  /** Tells this process's notifications from the others'. */
  private readonly origin = randomBytes(6).toString("hex")

  constructor(
    private readonly db: Db,
    notifications: Notifications,
    private readonly log: FastifyBaseLogger
  ) {
    notifications.on(POKE_CHANNEL, (payload) => this.received(payload))
    notifications.onReconnect(() => void this.catchUp())
  }

  async announce(tx: Queryable, teamId: string, version: number): Promise<void> {
    await tx.query("SELECT pg_notify($1, $2)", [POKE_CHANNEL, JSON.stringify({ t: teamId, v: version, o: this.origin })])
  }

  get notice(): { channel: string; origin: string } {
    return { channel: POKE_CHANNEL, origin: this.origin }
  }

  publish(teamId: string, version: number): void {
    this.local.publish(teamId, version)
  }

  subscribe(teamId: string, listener: (version: number) => void): () => void {
    return this.local.subscribe(teamId, listener)
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

export function pokeBusFor(db: Db, notifications: Notifications, log: FastifyBaseLogger): PokeBus {
  return notifications.shared ? new PgPokeBus(db, notifications, log) : new LocalPokeBus()
}
