import type { FastifyBaseLogger } from "fastify"

import type { Db } from "./db"

/**
 * The process's one LISTEN connection, shared by every channel (pokes, ended sessions): N processes hold N
 * listening connections, not N per channel. PGlite is one process: `start` does nothing there, and what a
 * channel carries is handled in-process by its owner.
 */
export class Notifications {
  private readonly channels = new Map<string, (payload: string) => void>()
  private readonly reconnected: (() => void)[] = []
  private stop: (() => Promise<void>) | undefined

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger
  ) {}

  /** Whether notifications of other processes arrive here (PostgreSQL). */
  get shared(): boolean {
    return this.db.listen !== undefined
  }

  /** Before `start`. */
  on(channel: string, handler: (payload: string) => void): void {
    if (this.stop) throw new Error("Notifications.on after start")
    this.channels.set(channel, handler)
  }

  /** After the connection dropped and came back: what was sent meanwhile is lost, so catch up. */
  onReconnect(handler: () => void): void {
    this.reconnected.push(handler)
  }

  async start(): Promise<void> {
    if (!this.db.listen || this.channels.size === 0) return
    this.stop = await this.db.listen([...this.channels.keys()], {
      onNotify: (channel, payload) => this.channels.get(channel)?.(payload),
      onReconnect: () => {
        this.log.info("listening connection reconnected")
        for (const h of this.reconnected) h()
      },
      onError: (err) => this.log.warn({ err }, "listening connection failed; reconnecting")
    })
  }

  async close(): Promise<void> {
    await this.stop?.()
    this.stop = undefined
  }
}
